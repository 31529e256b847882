package dev.soma.kernel.spi;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The kernel's side of Jupyter widgets (widget protocol 2.1, as JupyterLab 4, Notebook 7, VS Code
 * and ipywidgets 8 speak it), as a library in a notebook sees it: open a widget model in the
 * frontend, change its state, hear the frontend's changes. The kernel owns the protocol (comm
 * target {@code jupyter.widget}, {@code update}, {@code echo_update}, {@code request_state}, the
 * {@code jupyter.widget.control} target, binary buffers); a library only deals in state maps.
 *
 * <p>A kernel that has widgets installs itself with {@link #install(WidgetHost)}; a library asks
 * {@link #current()}, which is null in any other kernel (IJava) or outside a kernel, and then shows
 * something static instead.
 *
 * <p>State values are {@code String}, {@code Boolean}, {@code Number}, {@code null},
 * {@code List}, {@code Map<String, ?>} and {@code byte[]}; a {@code byte[]} anywhere in the state
 * travels as a binary buffer. A reference to another widget is the string
 * {@code "IPY_MODEL_" + id}, and that widget must be opened first.
 */
public interface WidgetHost {

    /**
     * Opens a widget model in the frontend.
     *
     * @param state the model's full state, including {@code _model_name}, {@code _model_module},
     *     {@code _model_module_version} and the {@code _view_*} keys
     * @param onChange called with the keys the frontend changed (binary values as {@code byte[]}),
     *     on the kernel's message thread: return quickly, do real work elsewhere
     * @return the open model
     */
    WidgetModel open(Map<String, Object> state, Consumer<Map<String, Object>> onChange);

    /**
     * The display data of an object, as the kernel would show it as a cell's result: MIME type to
     * data, binary data ({@code image/png}) as {@code byte[]} or base64 text.
     */
    Map<String, Object> render(Object value);

    /** The host the running kernel installed, or null when there is none (another kernel, no kernel). */
    static WidgetHost current() {
        return Installed.host;
    }

    /** Called by a kernel that speaks the widget protocol; {@code null} uninstalls. */
    static void install(WidgetHost host) {
        Installed.host = host;
    }

    /** One open widget model. */
    interface WidgetModel {
        /** The model id (the comm id), as the frontend knows it. */
        String id();

        /**
         * Changes some keys of the state and sends them to the frontend ({@code update}); after
         * {@link #close()}, or once the frontend closed the model, only the state changes.
         */
        void update(Map<String, Object> changes);

        /** The model's current state, as the kernel knows it (with the frontend's changes). */
        Map<String, Object> state();

        /** Closes the model; the frontend forgets it. */
        void close();
    }
}

/** Where the installed host lives: an interface cannot hold a mutable field. */
final class Installed {
    static volatile WidgetHost host;

    private Installed() {
    }
}
