package dev.soma.kernel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.zeromq.ZMQ;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
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
 *
 * <p>An error while a message is handled (an OutOfMemoryError when a notebook filled the heap, a
 * handler's bug) is logged and the loop goes on: if this thread ended, the kernel would be deaf.
 *
 * <p>A message of a type the kernel does not know is logged once per type, by its real name
 * (basekernel reads every unknown type as "none"), and a {@code *_request} gets the
 * {@code *_reply} with status "error" that a client waits for, between busy and idle on IOPub.
 */
final class SomaShellChannel extends ShellChannel {

    private static final long POLL_TIMEOUT_MS = 100;

    private final ZMQ.Context ctx;
    private final boolean isControl;
    private final JupyterConnection connection;
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    private final PrintStream log;
    private final JupyterSocket iopub;
    private volatile boolean running;
    private Thread loop;
    /** The frames of the message being read, to recover what basekernel's reading loses. */
    private final List<byte[]> frames = new ArrayList<>();
    private boolean recording;
    private final Set<String> unknownTypesLogged = ConcurrentHashMap.newKeySet();

    SomaShellChannel(ZMQ.Context ctx, HMACGenerator hmac, boolean isControl, JupyterConnection connection,
            JupyterSocket iopub, PrintStream log) {
        super(ctx, hmac, isControl, connection);
        this.ctx = ctx;
        this.isControl = isControl;
        this.connection = connection;
        this.iopub = iopub;
        this.log = log;
    }

    /** basekernel's readMessage receives every frame through here. */
    @Override
    public byte[] recv(int flags) {
        byte[] frame = super.recv(flags);
        if (recording && frame != null) {
            frames.add(frame);
        }
        return frame;
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

    private void run() {
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        try {
            while (running) {
                try {
                    if (!turn(poller)) {
                        break;
                    }
                } catch (OutOfMemoryError e) {
                    // A notebook filled the heap: this loop must live on, or the kernel goes deaf.
                    outOfMemory();
                } catch (Throwable e) {
                    if (!running) {
                        break;
                    }
                    log.println("soma kernel: the " + (isControl ? "control" : "shell") + " loop recovered from " + e);
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

    /** Waits for one message and handles it; false when the channel closes. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean turn(ZMQ.Poller poller) {
        int ready;
        try {
            ready = poller.poll(POLL_TIMEOUT_MS);
        } catch (RuntimeException e) {
            if (!running) {
                return false;
            }
            log.println("soma kernel: poll failed: " + e);
            return true;
        }
        if (ready <= 0 || !poller.pollin(0)) {
            return true;
        }
        Message<?> message;
        frames.clear();
        recording = true;
        try {
            message = readMessage();
        } catch (SecurityException e) {
            log.println("soma kernel: ignored a message: " + e.getMessage());
            return true;
        } catch (RuntimeException e) {
            if (!running) {
                return false;
            }
            log.println("soma kernel: ignored an unreadable message: " + e);
            return true;
        } finally {
            recording = false;
        }
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            unhandled(message);
            return true;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (OutOfMemoryError e) {
            outOfMemory();
        } catch (RuntimeException | Error e) {
            log.println("soma kernel: handling " + message.getHeader().getType().getName() + " failed: " + e);
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            running = false;
            connection.close();
            return false;
        }
        return true;
    }

    private static final String SHELL_OUT_OF_MEMORY = "soma kernel: the heap was full on the shell channel; the kernel goes on";
    private static final String CONTROL_OUT_OF_MEMORY = "soma kernel: the heap was full on the control channel; the kernel goes on";

    /** Says that the heap was full, with as little memory as possible (a constant line). */
    private void outOfMemory() {
        try {
            log.println(isControl ? CONTROL_OUT_OF_MEMORY : SHELL_OUT_OF_MEMORY);
        } catch (Throwable ignored) {
            // not even that: go on silently
        }
    }

    /** Logs a message no handler takes, once per type, and answers it if it is a request. */
    private void unhandled(Message<?> message) {
        byte[] header = rawHeader();
        String type;
        try {
            type = new JsonParser().parse(new String(header, StandardCharsets.UTF_8)).getAsJsonObject().get("msg_type").getAsString();
        } catch (RuntimeException e) {
            type = message.getHeader().getType().getName();
        }
        boolean request = type.endsWith("_request");
        String reply = request ? type.substring(0, type.length() - "_request".length()) + "_reply" : null;
        if (unknownTypesLogged.add(type)) {
            log.println("soma kernel: no handler for message type \"" + type + "\" on the " + (isControl ? "control" : "shell")
                    + " channel; " + (request ? "replied " + reply + " with status error" : "ignored")
                    + " (logged once per type)");
        }
        if (!request || header.length == 0) {
            return;
        }
        try {
            send(iopub, List.of(), "status", header, status("busy"));
            JsonObject content = new JsonObject();
            content.addProperty("status", "error");
            content.addProperty("ename", "UnknownMessageType");
            content.addProperty("evalue", "the Soma kernel has no handler for " + type);
            content.add("traceback", new JsonArray());
            send(this, message.getIdentities(), reply, header, content);
            send(iopub, List.of(), "status", header, status("idle"));
        } catch (RuntimeException e) {
            log.println("soma kernel: could not answer " + type + ": " + e);
        }
    }

    private static JsonObject status(String state) {
        JsonObject o = new JsonObject();
        o.addProperty("execution_state", state);
        return o;
    }

    /** The header frame of the message just read: the second frame after the delimiter. */
    private byte[] rawHeader() {
        for (int i = 0; i + 2 < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                return frames.get(i + 2);
            }
        }
        return new byte[0];
    }

    /**
     * Sends a message whose type basekernel cannot name, frame by frame as the wire protocol has
     * it; its parent header is the request's own, byte for byte.
     */
    private void send(JupyterSocket socket, List<byte[]> identities, String type, byte[] parent, JsonObject content) {
        JsonObject parentHeader = new JsonParser().parse(new String(parent, StandardCharsets.UTF_8)).getAsJsonObject();
        JsonObject h = new JsonObject();
        h.addProperty("msg_id", UUID.randomUUID().toString());
        h.addProperty("username", "kernel");
        h.addProperty("session", parentHeader.has("session") ? parentHeader.get("session").getAsString() : "");
        h.addProperty("date", Instant.now().toString());
        h.addProperty("msg_type", type);
        h.addProperty("version", "5.3");
        byte[] headerRaw = h.toString().getBytes(StandardCharsets.UTF_8);
        byte[] metadata = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] contentRaw = content.toString().getBytes(StandardCharsets.UTF_8);
        String signature = hmacGenerator.calculateSignature(headerRaw, parent, metadata, contentRaw);
        synchronized (socket) {
            for (byte[] id : identities) {
                socket.sendMore(id);
            }
            socket.sendMore(DELIMITER);
            socket.sendMore(signature.getBytes(StandardCharsets.US_ASCII));
            socket.sendMore(headerRaw);
            socket.sendMore(parent);
            socket.sendMore(metadata);
            socket.send(contentRaw);
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
}
