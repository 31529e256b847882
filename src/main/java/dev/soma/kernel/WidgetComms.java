package dev.soma.kernel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.soma.kernel.spi.WidgetHost;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.comm.CommCloseCommand;
import io.github.spencerpark.jupyter.messages.comm.CommMsgCommand;
import io.github.spencerpark.jupyter.messages.comm.CommOpenCommand;
import io.github.spencerpark.jupyter.messages.request.CommInfoRequest;

/**
 * Jupyter widgets in the Soma kernel: the widget protocol 2.1 of ipywidgets 8 (JupyterLab 4,
 * Notebook 7, VS Code), in place of basekernel's comm handling. It
 * <ul>
 * <li>opens widget models with their state, binary buffers and {@code buffer_paths}, and the
 *     metadata {@code {"version": "2.1.0"}} (basekernel's {@code openComm} sends neither state nor
 *     metadata);</li>
 * <li>answers a frontend's {@code update} with an {@code echo_update} and hands the change to the
 *     library, answers {@code request_state} with the full state, and the
 *     {@code jupyter.widget.control} target's {@code request_states} with {@code update_states};</li>
 * <li>gives every message it sends the right parent: the comm message it answers, or the cell that
 *     runs (basekernel keeps the last execute request as the parent of everything);</li>
 * <li>replies to {@code comm_info_request} with {@code "status": "ok"} (JupyterLab restores no
 *     widgets after a reload without it);</li>
 * <li>sends no empty buffer list: basekernel then glues the next message onto this one.</li>
 * </ul>
 * A library reaches it through {@link WidgetHost#current()}.
 */
final class WidgetComms implements WidgetHost {

    static final String WIDGET_TARGET = "jupyter.widget";
    static final String CONTROL_TARGET = "jupyter.widget.control";
    static final String PROTOCOL_VERSION = "2.1.0";

    private static final Gson GSON = new Gson();

    private final SomaKernel kernel;
    private final JupyterConnection connection;
    private final PrintStream log;
    /** Open widget models by id, in the order they were opened (references point backwards). */
    private final Map<String, Model> models = new LinkedHashMap<>();
    /** Comms the frontend opened to the control target. */
    private final List<String> controlComms = new ArrayList<>();
    /** The message being handled on this thread: the parent of what its handler sends. */
    private final ThreadLocal<MessageContext> handling = new ThreadLocal<>();
    /** The last comm message from a frontend: the parent of what its consequences send later. */
    private volatile MessageContext lastCommMessage;
    private volatile MessageContext lastCell;

    WidgetComms(SomaKernel kernel, JupyterConnection connection, PrintStream log) {
        this.kernel = kernel;
        this.connection = connection;
        this.log = log;
    }

    /** Takes over the comm messages from basekernel and makes this the notebook's widget host. */
    void install() {
        connection.setHandler(MessageType.COMM_OPEN_COMMAND, this::handleOpen);
        connection.setHandler(MessageType.COMM_MSG_COMMAND, this::handleMessage);
        connection.setHandler(MessageType.COMM_CLOSE_COMMAND, this::handleClose);
        connection.setHandler(MessageType.COMM_INFO_REQUEST, this::handleInfo);
        WidgetHost.install(this);
    }

    // ---------------------------------------------------------------- the library's side

    @Override
    public WidgetModel open(Map<String, Object> state, Consumer<Map<String, Object>> onChange) {
        if (state == null || !(state.get("_model_name") instanceof String)) {
            throw new IllegalArgumentException("state = " + state + "; a widget state needs at least _model_name, "
                    + "_model_module and _model_module_version");
        }
        Model model = new Model(UUID.randomUUID().toString().replace("-", ""), state, onChange);
        synchronized (models) {
            models.put(model.id, model);
        }
        Split split = Split.of(model.state());
        JsonObject data = new JsonObject();
        data.add("state", split.json);
        data.add("buffer_paths", GSON.toJsonTree(split.paths));
        send(MessageType.COMM_OPEN_COMMAND, new CommOpenCommand(model.id, WIDGET_TARGET, data),
                Map.of("version", PROTOCOL_VERSION), split.buffers);
        return model;
    }

    @Override
    public Map<String, Object> render(Object value) {
        DisplayData data = kernel.renderValue(value);
        JsonElement tree = GSON.toJsonTree(data).getAsJsonObject().get("data");
        Map<String, Object> out = new LinkedHashMap<>();
        if (tree != null && tree.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : tree.getAsJsonObject().entrySet()) {
                out.put(e.getKey(), Json.toJava(e.getValue()));
            }
        }
        return out;
    }

    /** The ids of the open widget models, in the order they were opened. */
    List<String> modelIds() {
        synchronized (models) {
            return new ArrayList<>(models.keySet());
        }
    }

    // ---------------------------------------------------------------- the frontend's side

    private void handleOpen(ShellReplyEnvironment env, Message<CommOpenCommand> message) {
        env.setBusyDeferIdle();
        CommOpenCommand open = message.getContent();
        handling.set(message);
        try {
            if (CONTROL_TARGET.equals(open.getTargetName())) {
                synchronized (controlComms) {
                    controlComms.add(open.getCommID());
                }
            } else {
                // Widgets a frontend creates (and any other target) have no kernel side here.
                send(MessageType.COMM_CLOSE_COMMAND, new CommCloseCommand(open.getCommID(), new JsonObject()), null, List.of());
            }
        } finally {
            handling.remove();
        }
    }

    private void handleMessage(ShellReplyEnvironment env, Message<CommMsgCommand> message) {
        env.setBusyDeferIdle();
        CommMsgCommand msg = message.getContent();
        lastCommMessage = message;
        handling.set(message);
        try {
            String id = msg.getCommID();
            JsonObject data = msg.getData();
            String method = data != null && data.has("method") ? data.get("method").getAsString() : "";
            boolean control;
            synchronized (controlComms) {
                control = controlComms.contains(id);
            }
            if (control) {
                if ("request_states".equals(method)) {
                    sendAllStates(id);
                } else {
                    log.println("soma kernel: unknown widget control method '" + method + "'");
                }
                return;
            }
            Model model;
            synchronized (models) {
                model = models.get(id);
            }
            if (model == null) {
                log.println("soma kernel: comm message for an unknown comm " + id);
                return;
            }
            switch (method) {
                case "update" -> {
                    Map<String, Object> changes = Json.withBuffers(data.getAsJsonObject("state"),
                            data.get("buffer_paths"), message.getBlobs());
                    model.fromFrontend(changes);
                }
                case "request_state" -> model.sendState("update", model.state());
                case "custom" -> { } // no Soma widget listens to custom messages
                default -> log.println("soma kernel: unknown widget method '" + method + "'");
            }
        } finally {
            handling.remove();
        }
    }

    private void handleClose(ShellReplyEnvironment env, Message<CommCloseCommand> message) {
        env.setBusyDeferIdle();
        String id = message.getContent().getCommID();
        synchronized (controlComms) {
            controlComms.remove(id);
        }
        Model closed;
        synchronized (models) {
            closed = models.remove(id);
        }
        if (closed != null) {
            closed.closed = true; // the frontend forgot it: later changes go nowhere
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handleInfo(ShellReplyEnvironment env, Message<CommInfoRequest> message) {
        env.setBusyDeferIdle();
        String filter = message.getContent().getTargetName();
        Map<String, Object> comms = new LinkedHashMap<>();
        if (filter == null || filter.isEmpty() || WIDGET_TARGET.equals(filter)) {
            for (String id : modelIds()) {
                comms.put(id, Map.of("target_name", WIDGET_TARGET));
            }
        }
        if (filter == null || filter.isEmpty() || CONTROL_TARGET.equals(filter)) {
            synchronized (controlComms) {
                for (String id : controlComms) {
                    comms.put(id, Map.of("target_name", CONTROL_TARGET));
                }
            }
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        content.put("comms", comms);
        env.reply(new Message(env.getContext(), MessageType.COMM_INFO_REPLY, content));
    }

    /** {@code update_states} on the control comm: every model's full state in one message. */
    private void sendAllStates(String controlId) {
        Map<String, Object> states = new LinkedHashMap<>();
        List<Model> all;
        synchronized (models) {
            all = new ArrayList<>(models.values());
        }
        for (Model m : all) {
            Map<String, Object> s = m.state();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("model_name", s.get("_model_name"));
            entry.put("model_module", s.get("_model_module"));
            entry.put("model_module_version", s.get("_model_module_version"));
            entry.put("state", s);
            states.put(m.id, entry);
        }
        Split split = Split.of(states);
        JsonObject data = new JsonObject();
        data.addProperty("method", "update_states");
        data.add("states", split.json);
        data.add("buffer_paths", GSON.toJsonTree(split.paths));
        send(MessageType.COMM_MSG_COMMAND, new CommMsgCommand(controlId, data), null, split.buffers);
    }

    // ---------------------------------------------------------------- sending

    /**
     * The parent of a message sent now: the message this thread is handling, else the running
     * cell, else the last comm message (a slider's update whose consequence this is).
     */
    private MessageContext parent() {
        MessageContext c = handling.get();
        if (c != null) {
            return c;
        }
        c = kernel.executeContext();
        if (c != null) {
            lastCell = c;
            return c;
        }
        c = lastCommMessage;
        return c != null ? c : lastCell;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void send(MessageType type, Object content, Map<String, Object> metadata, List<byte[]> buffers) {
        // basekernel frames an empty (non-null) buffer list wrongly: pass null when there are none.
        Message message = new Message(parent(), type, content, buffers.isEmpty() ? null : buffers, metadata);
        connection.getIOPub().sendMessage(message);
    }

    /** One widget model: its state as the kernel knows it, and the library's listener. */
    private final class Model implements WidgetModel {
        final String id;
        private final Map<String, Object> state;
        private final Consumer<Map<String, Object>> onChange;
        private volatile boolean closed;

        Model(String id, Map<String, Object> state, Consumer<Map<String, Object>> onChange) {
            this.id = id;
            this.state = new LinkedHashMap<>(state);
            this.onChange = onChange;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Map<String, Object> state() {
            synchronized (state) {
                return new LinkedHashMap<>(state);
            }
        }

        /** Sends the changes; a closed model (by the library or the frontend) only keeps them. */
        @Override
        public void update(Map<String, Object> changes) {
            synchronized (state) {
                state.putAll(changes);
            }
            if (!closed) {
                sendState("update", changes);
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            synchronized (models) {
                models.remove(id);
            }
            send(MessageType.COMM_CLOSE_COMMAND, new CommCloseCommand(id, new JsonObject()), null, List.of());
        }

        void fromFrontend(Map<String, Object> changes) {
            synchronized (state) {
                state.putAll(changes);
            }
            // Protocol 2.1: echo what a frontend sent, so every frontend (and the sender, which
            // waits for the echo of its own message id) agrees on the order of updates.
            sendState("echo_update", changes);
            if (onChange != null) {
                try {
                    onChange.accept(changes);
                } catch (RuntimeException | LinkageError e) {
                    log.println("soma kernel: a widget listener failed: " + e);
                }
            }
        }

        void sendState(String method, Map<String, Object> values) {
            Split split = Split.of(values);
            JsonObject data = new JsonObject();
            data.addProperty("method", method);
            data.add("state", split.json);
            data.add("buffer_paths", GSON.toJsonTree(split.paths));
            send(MessageType.COMM_MSG_COMMAND, new CommMsgCommand(id, data), null, split.buffers);
        }
    }

    /** A state split into JSON and binary buffers, with the path of each buffer in the JSON. */
    static final class Split {
        final JsonObject json;
        final List<List<Object>> paths = new ArrayList<>();
        final List<byte[]> buffers = new ArrayList<>();

        private Split(Map<String, Object> state) {
            this.json = Json.toJson(state, new ArrayList<>(), paths, buffers).getAsJsonObject();
        }

        static Split of(Map<String, Object> state) {
            return new Split(state);
        }
    }
}
