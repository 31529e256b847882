package dev.soma.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import java.lang.reflect.Field;

import org.zeromq.ZMQ;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.publish.PublishError;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;

/**
 * basekernel's connection, with replies that carry a failed cell's real error: basekernel names an
 * error after the kernel-side exception class, Jupyter should see the user's exception class.
 */
final class SomaConnection extends JupyterConnection {

    private final SomaKernel kernel;

    SomaConnection(KernelConnectionProperties props, SomaKernel kernel)
            throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.kernel = kernel;
        // ZeroMQ drops PUB messages past the high-water mark (1000 by default): a cell that prints
        // a lot would lose output. Keep everything.
        iopub.setSndHWM(0);
        // Shell and control channels with a loop that waits in the poll (see SomaShellChannel), and
        // a heartbeat whose loop survives a full heap (see SomaHeartbeat).
        try {
            Field ctxField = JupyterConnection.class.getDeclaredField("ctx");
            ctxField.setAccessible(true);
            ZMQ.Context ctx = (ZMQ.Context) ctxField.get(this);
            replaceChannel("shell", new SomaShellChannel(ctx, props.createHMACGenerator(), false, this, iopub, kernel.log()));
            replaceChannel("control", new SomaShellChannel(ctx, props.createHMACGenerator(), true, this, iopub, kernel.log()));
            replaceChannel("heartbeat", new SomaHeartbeat(ctx, props.createHMACGenerator(), kernel.log()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            kernel.log().println("soma kernel: keeping basekernel's polling channels: " + e);
        }
    }

    private void replaceChannel(String name, JupyterSocket replacement) throws ReflectiveOperationException {
        Field f = JupyterConnection.class.getDeclaredField(name);
        f.setAccessible(true);
        JupyterSocket old = (JupyterSocket) f.get(this);
        f.set(this, replacement);
        old.close();
    }

    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel channel, MessageContext context) {
        return new Env(channel, context);
    }

    private final class Env extends ShellReplyEnvironment {
        Env(ShellChannel channel, MessageContext context) {
            super(channel, stdin, iopub, context);
        }

        @Override
        public void publish(Message<?> message) {
            super.publish(rewrite(message));
        }

        @Override
        public void reply(Message<?> message) {
            super.reply(rewrite(message));
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Message<?> rewrite(Message<?> message) {
            Object content = message.getContent();
            CellException error = kernel.lastError();
            if (error == null) {
                return message;
            }
            if (content instanceof PublishError) {
                return new Message(getContext(), message.getHeader().getType(),
                        new PublishError(error.name, error.value, error.traceback));
            }
            if (content instanceof ErrorReply) {
                ErrorReply reply = new ErrorReply(error.name, error.value, error.traceback);
                reply.setExecutionCount(kernel.currentCellNumber());
                return new Message(getContext(), message.getHeader().getType(), reply);
            }
            return message;
        }
    }
}
