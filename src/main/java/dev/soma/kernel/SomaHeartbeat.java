package dev.soma.kernel;

import java.io.PrintStream;

import org.zeromq.ZMQ;

import io.github.spencerpark.jupyter.channels.HeartbeatChannel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;

/**
 * The heartbeat channel (echoes every ping), with a loop that survives an OutOfMemoryError.
 * basekernel's heartbeat thread ends at the first error, and an OutOfMemoryError is what a
 * notebook that fills the heap throws at whichever thread allocates: a kernel with no heartbeat
 * counts as dead for Jupyter, which then offers to restart it and loses the notebook's state. This
 * loop also waits in the poll instead of polling twice a second, so a ping is answered at once.
 */
final class SomaHeartbeat extends HeartbeatChannel {

    private static final long POLL_TIMEOUT_MS = 100;
    private static final String OUT_OF_MEMORY = "soma kernel: the heap was full while answering a heartbeat; the kernel goes on";

    private final ZMQ.Context ctx;
    private final PrintStream log;
    private volatile boolean running;
    private Thread loop;

    SomaHeartbeat(ZMQ.Context ctx, HMACGenerator hmac, PrintStream log) {
        super(ctx, hmac);
        this.ctx = ctx;
        this.log = log;
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        if (loop != null) {
            throw new IllegalStateException("heartbeat already bound");
        }
        super.bind(formatAddress(props.getTransport(), props.getIp(), props.getHbPort()));
        running = true;
        loop = new Thread(this::run, "soma-heartbeat");
        loop.start();
    }

    private void run() {
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        // A ping received but not yet answered: a REP socket must send before it can receive again.
        byte[] pending = null;
        try {
            while (running) {
                try {
                    if (pending == null) {
                        if (poller.poll(POLL_TIMEOUT_MS) <= 0 || !poller.pollin(0)) {
                            continue;
                        }
                        pending = recv(ZMQ.DONTWAIT);
                        if (pending == null) {
                            continue;
                        }
                    }
                    boolean sent = send(pending, 0);
                    pending = null;
                    if (!sent) {
                        log.println("soma kernel: could not answer a heartbeat");
                    }
                } catch (OutOfMemoryError e) {
                    // the ping stays pending: answered on the next turn
                    try {
                        log.println(OUT_OF_MEMORY);
                    } catch (Throwable ignored) {
                        // not even that: go on silently
                    }
                } catch (Throwable e) {
                    if (!running) {
                        break;
                    }
                    pending = null;
                    log.println("soma kernel: the heartbeat recovered from " + e);
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
        SomaHeartbeat.join(loop, 2 * POLL_TIMEOUT_MS + 100);
        super.close();
    }

    @Override
    public void waitUntilClose() {
        SomaHeartbeat.join(loop, 0);
    }

    /**
     * Waits for a channel's loop thread to end, at most {@code timeoutMs} (0: until it ends); not when
     * called from the loop itself. An interrupt ends the wait and stays set.
     */
    static void join(Thread loop, long timeoutMs) {
        if (loop != null && loop != Thread.currentThread()) {
            try {
                loop.join(timeoutMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
