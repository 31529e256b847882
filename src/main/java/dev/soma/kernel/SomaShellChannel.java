package dev.soma.kernel;

import java.io.PrintStream;

import org.zeromq.ZMQ;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;

/**
 * The shell or control channel, with its own loop. basekernel's loop polls without waiting and
 * then sleeps 50 ms, so every request waits up to 50 ms and queued requests are taken 20 per
 * second; and a message with a wrong signature ends it, after which the kernel is deaf. This loop
 * blocks in the poll until a message arrives and ignores (logs) a message it cannot read.
 */
final class SomaShellChannel extends ShellChannel {

    private static final long POLL_TIMEOUT_MS = 100;

    private final ZMQ.Context ctx;
    private final boolean isControl;
    private final JupyterConnection connection;
    private final PrintStream log;
    private volatile boolean running;
    private Thread loop;

    SomaShellChannel(ZMQ.Context ctx, HMACGenerator hmac, boolean isControl, JupyterConnection connection, PrintStream log) {
        super(ctx, hmac, isControl, connection);
        this.ctx = ctx;
        this.isControl = isControl;
        this.connection = connection;
        this.log = log;
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        if (loop != null) {
            throw new IllegalStateException("channel already bound");
        }
        int port = isControl ? props.getControlPort() : props.getShellPort();
        super.bind(formatAddress(props.getTransport(), props.getIp(), port));
        running = true;
        loop = new Thread(this::run, isControl ? "soma-control" : "soma-shell");
        loop.start();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void run() {
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        try {
            while (running) {
                int ready;
                try {
                    ready = poller.poll(POLL_TIMEOUT_MS);
                } catch (RuntimeException e) {
                    if (!running) {
                        break;
                    }
                    log.println("soma kernel: poll failed: " + e);
                    continue;
                }
                if (ready <= 0 || !poller.pollin(0)) {
                    continue;
                }
                Message<?> message;
                try {
                    message = readMessage();
                } catch (SecurityException e) {
                    log.println("soma kernel: ignored a message: " + e.getMessage());
                    continue;
                } catch (RuntimeException e) {
                    if (!running) {
                        break;
                    }
                    log.println("soma kernel: ignored an unreadable message: " + e);
                    continue;
                }
                ShellHandler handler = connection.getHandler(message.getHeader().getType());
                if (handler == null) {
                    log.println("soma kernel: no handler for " + message.getHeader().getType().getName());
                    continue;
                }
                ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
                try {
                    handler.handle(env, message);
                } catch (RuntimeException e) {
                    log.println("soma kernel: handling " + message.getHeader().getType().getName() + " failed: " + e);
                } finally {
                    env.resolveDeferrals();
                }
                if (env.isMarkedForShutdown()) {
                    running = false;
                    connection.close();
                }
            }
        } finally {
            try {
                poller.close();
            } catch (RuntimeException ignored) {
                // best effort
            }
        }
    }

    @Override
    public void close() {
        running = false;
        Thread t = loop;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2 * POLL_TIMEOUT_MS + 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread t = loop;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
