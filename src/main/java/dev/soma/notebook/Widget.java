package dev.soma.notebook;

import dev.soma.kernel.spi.WidgetHost;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A Jupyter widget (ipywidgets 8: {@code @jupyter-widgets/controls} and {@code base} 2.0.0,
 * {@code @jupyter-widgets/output} 1.0.0) that lives in the Soma kernel: the last expression of a
 * cell, or {@code display(widget)}, shows it; {@link #set(String, Object)} changes it in every view;
 * {@link #onChange(BiConsumer)} hears what the person in front of the notebook changes.
 *
 * <p>Most notebooks want {@link Interactive} (sliders that re-run a simulation) and never touch
 * this class. It is there to build other panels:
 * <pre>{@code
 * var amplitude = Widget.floatSlider("I [µA/cm²]", 0, 20, 0.5, 10);
 * var label = Widget.label("");
 * amplitude.onChange((key, value) -> label.set("value", "I = " + value));
 * Widget.vbox(amplitude, label)
 * }</pre>
 *
 * <p>Each widget keeps its full state (every attribute of its model in the widget schema), so a
 * frontend that reconnects (a reloaded page) restores it. Outside the Soma kernel (IJava, no
 * kernel) a widget shows as text and changes only its own state.
 *
 * <p>Thread safety: {@code set} may be called from any thread; listeners run on the kernel's
 * message thread and must return quickly (hand long work to another thread, as
 * {@link Interactive} does).
 */
public final class Widget {

    static final String CONTROLS = "@jupyter-widgets/controls";
    static final String BASE = "@jupyter-widgets/base";
    static final String OUTPUT = "@jupyter-widgets/output";
    static final String VERSION_2 = "2.0.0";
    static final String OUTPUT_VERSION = "1.0.0";
    /** The MIME type that shows a widget in a frontend. */
    public static final String VIEW_MIME = "application/vnd.jupyter.widget-view+json";

    private final String modelName;
    private final Map<String, Object> state = new LinkedHashMap<>();
    private final List<BiConsumer<String, Object>> listeners = new CopyOnWriteArrayList<>();
    /** Widgets without a view that open right after this one (a link from it). */
    private final List<Widget> companions = new CopyOnWriteArrayList<>();
    private volatile WidgetHost.WidgetModel model;
    private volatile WidgetHost host;

    private Widget(String module, String version, String modelName, String viewModule, String viewVersion, String viewName) {
        this.modelName = modelName;
        state.put("_model_module", module);
        state.put("_model_module_version", version);
        state.put("_model_name", modelName);
        state.put("_view_module", viewModule);
        state.put("_view_module_version", viewVersion);
        state.put("_view_name", viewName);
    }

    // ---------------------------------------------------------------- factories

    /**
     * A slider over whole numbers.
     *
     * @param description the label left of it (put the unit here, e.g. {@code "N [neurons]"})
     * @param min smallest value
     * @param max largest value, greater than {@code min}
     * @param step distance between positions, at least 1
     * @param value the initial value, in [{@code min}, {@code max}]
     */
    public static Widget intSlider(String description, int min, int max, int step, int value) {
        checkRange("intSlider", min, max, step, value);
        Widget w = slider("IntSliderModel", "IntSliderView", description);
        w.state.put("max", max);
        w.state.put("min", min);
        w.state.put("orientation", "horizontal");
        w.state.put("readout", true);
        w.state.put("readout_format", "d");
        w.state.put("step", step);
        w.state.put("style", style("SliderStyleModel", Map.of("handle_color", NULL)));
        w.state.put("tabbable", null);
        w.state.put("tooltip", null);
        w.state.put("value", value);
        return w;
    }

    /**
     * A slider over real numbers.
     *
     * @param description the label left of it (put the unit here, e.g. {@code "I [µA/cm²]"})
     * @param min smallest value
     * @param max largest value, greater than {@code min}
     * @param step distance between positions, greater than 0
     * @param value the initial value, in [{@code min}, {@code max}]
     */
    public static Widget floatSlider(String description, double min, double max, double step, double value) {
        checkRange("floatSlider", min, max, step, value);
        Widget w = slider("FloatSliderModel", "FloatSliderView", description);
        w.state.put("max", max);
        w.state.put("min", min);
        w.state.put("orientation", "horizontal");
        w.state.put("readout", true);
        w.state.put("readout_format", readoutFormat(step));
        w.state.put("step", step);
        w.state.put("style", style("SliderStyleModel", Map.of("handle_color", NULL)));
        w.state.put("tabbable", null);
        w.state.put("tooltip", null);
        w.state.put("value", value);
        return w;
    }

    /**
     * A slider over a list of labelled choices; its {@code "index"} is the chosen position. Used
     * with {@link #play} to animate over any values.
     *
     * @param description the label left of it
     * @param labels the labels of the positions, at least one
     * @param index the initial position
     */
    public static Widget selectionSlider(String description, List<String> labels, int index) {
        checkOptions("selectionSlider", labels, index);
        Widget w = described("SelectionSliderModel", "SelectionSliderView", description);
        w.state.put("_options_labels", new ArrayList<>(labels));
        w.state.put("behavior", "drag-tap");
        w.state.put("continuous_update", true);
        w.state.put("disabled", false);
        w.state.put("index", index);
        w.state.put("orientation", "horizontal");
        w.state.put("readout", true);
        w.state.put("style", style("DescriptionStyleModel", Map.of()));
        w.state.put("tabbable", null);
        w.state.put("tooltip", null);
        return w;
    }

    /**
     * A drop-down list; its {@code "index"} is the chosen option.
     *
     * @param description the label left of it
     * @param options the options, at least one
     * @param index the initially chosen option
     */
    public static Widget dropdown(String description, List<String> options, int index) {
        checkOptions("dropdown", options, index);
        Widget w = described("DropdownModel", "DropdownView", description);
        w.state.put("_options_labels", new ArrayList<>(options));
        w.state.put("disabled", false);
        w.state.put("index", index);
        w.state.put("style", style("DescriptionStyleModel", Map.of()));
        w.state.put("tabbable", null);
        w.state.put("tooltip", null);
        return w;
    }

    /**
     * A row of buttons of which one is pressed; its {@code "index"} is the pressed button.
     *
     * @param description the label left of it
     * @param options the button labels, at least one
     * @param index the initially pressed button
     */
    public static Widget toggleButtons(String description, List<String> options, int index) {
        checkOptions("toggleButtons", options, index);
        Widget w = described("ToggleButtonsModel", "ToggleButtonsView", description);
        w.state.put("_options_labels", new ArrayList<>(options));
        w.state.put("button_style", "");
        w.state.put("disabled", false);
        w.state.put("icons", new ArrayList<>());
        w.state.put("index", index);
        w.state.put("style", style("ToggleButtonsStyleModel", Map.of("button_width", "", "font_weight", "")));
        w.state.put("tabbable", null);
        w.state.put("tooltip", null);
        w.state.put("tooltips", new ArrayList<>());
        return w;
    }

    /** A check box with its label right of it. */
    public static Widget checkbox(String description, boolean value) {
        Widget w = described("CheckboxModel", "CheckboxView", description);
        w.state.put("disabled", false);
        w.state.put("indent", false);
        w.state.put("style", style("CheckboxStyleModel", Map.of("background", NULL)));
        w.state.put("tabbable", null);
        w.state.put("tooltip", null);
        w.state.put("value", value);
        return w;
    }

    /**
     * A play button that counts its {@code "value"} from {@code min} to {@code max} while it plays,
     * one step every {@code intervalMs}; {@link #link} it to a slider to animate over a parameter.
     *
     * @param min first value
     * @param max last value, greater than {@code min}
     * @param step increment, at least 1
     * @param intervalMs time between steps in ms, at least 10
     */
    public static Widget play(int min, int max, int step, int intervalMs) {
        checkRange("play", min, max, step, min);
        if (intervalMs < 10) {
            throw new IllegalArgumentException("intervalMs = " + intervalMs + "; a play widget steps at most every 10 ms, e.g. 300");
        }
        Widget w = described("PlayModel", "PlayView", "");
        w.state.put("disabled", false);
        w.state.put("interval", intervalMs);
        w.state.put("max", max);
        w.state.put("min", min);
        w.state.put("playing", false);
        w.state.put("repeat", false);
        w.state.put("show_repeat", true);
        w.state.put("step", step);
        w.state.put("style", style("DescriptionStyleModel", Map.of()));
        w.state.put("tabbable", null);
        w.state.put("tooltip", null);
        w.state.put("value", min);
        return w;
    }

    /** A line of text. */
    public static Widget label(String text) {
        Widget w = described("LabelModel", "LabelView", "");
        w.state.put("placeholder", "\u200b");
        Map<String, Object> style = new LinkedHashMap<>();
        for (String k : List.of("background", "font_family", "font_size", "font_style", "font_variant", "font_weight",
                "text_color", "text_decoration")) {
            style.put(k, NULL);
        }
        w.state.put("style", style("LabelStyleModel", style));
        w.state.put("tabbable", null);
        w.state.put("tooltip", null);
        w.state.put("value", text == null ? "" : text);
        return w;
    }

    /** Widgets side by side. */
    public static Widget hbox(Widget... children) {
        return box("HBoxModel", "HBoxView", children);
    }

    /** Widgets one below the other. */
    public static Widget vbox(Widget... children) {
        return box("VBoxModel", "VBoxView", children);
    }

    /** An image, e.g. a figure's PNG ({@code figure.toPng()}); {@code set("value", bytes)} replaces it. */
    public static Widget image(byte[] png) {
        Widget w = dom(CONTROLS, VERSION_2, "ImageModel", CONTROLS, VERSION_2, "ImageView");
        w.state.put("format", "png");
        w.state.put("height", "");
        w.state.put("tabbable", null);
        w.state.put("tooltip", null);
        w.state.put("value", png == null ? new byte[0] : png.clone());
        w.state.put("width", "");
        return w;
    }

    /**
     * An output area: {@code set("outputs", list)} shows Jupyter outputs in it (each a map such as
     * {@code {"output_type": "display_data", "data": {...}, "metadata": {}}}).
     */
    public static Widget output() {
        Widget w = dom(OUTPUT, OUTPUT_VERSION, "OutputModel", OUTPUT, OUTPUT_VERSION, "OutputView");
        w.state.put("msg_id", "");
        w.state.put("outputs", new ArrayList<>());
        w.state.put("tabbable", null);
        w.state.put("tooltip", null);
        return w;
    }

    /**
     * Keeps {@code target}'s attribute equal to {@code source}'s in the browser, with no round trip
     * through the kernel (ipywidgets' {@code jslink}); e.g. a play button's {@code "value"} to a
     * selection slider's {@code "index"}. Show the two widgets; the link has no view and opens
     * with its source.
     */
    public static Widget link(Widget source, String sourceKey, Widget target, String targetKey) {
        if (source == null || target == null) {
            throw new IllegalArgumentException("link: source = " + source + ", target = " + target + "; both must be widgets");
        }
        Widget w = new Widget(CONTROLS, VERSION_2, "LinkModel", CONTROLS, VERSION_2, null);
        w.state.put("source", new ArrayList<>(List.of(source, sourceKey)));
        w.state.put("target", new ArrayList<>(List.of(target, targetKey)));
        source.companions.add(w);
        return w;
    }

    // ---------------------------------------------------------------- state

    /** The model's name in the widget schema, e.g. {@code "FloatSliderModel"}. */
    public String modelName() {
        return modelName;
    }

    /** The current value of an attribute (e.g. {@code "value"}, {@code "index"}); a number may be a Long or a Double. */
    public Object get(String key) {
        synchronized (state) {
            if (!state.containsKey(key)) {
                throw new IllegalArgumentException("key = \"" + key + "\"; a " + modelName + " has " + state.keySet());
            }
            return state.get(key);
        }
    }

    /**
     * Changes an attribute; when the widget is shown, every view changes too.
     *
     * @return this widget
     */
    public Widget set(String key, Object value) {
        synchronized (state) {
            if (!state.containsKey(key) || key.startsWith("_model") || key.startsWith("_view")) {
                throw new IllegalArgumentException("key = \"" + key + "\"; a " + modelName + " can change "
                        + state.keySet().stream().filter(k -> !k.startsWith("_model") && !k.startsWith("_view")).toList());
            }
            state.put(key, value instanceof byte[] b ? b.clone() : value);
        }
        WidgetHost.WidgetModel m = model;
        if (m != null) {
            for (Widget ref : references(value)) {
                ref.open(host);
            }
            Map<String, Object> change = new LinkedHashMap<>();
            change.put(key, value);
            m.update(wire(change));
        }
        return this;
    }

    /**
     * Sets a CSS attribute of the widget's layout, e.g. {@code layout("width", "400px")} or
     * {@code layout("display", "none")} to hide it.
     */
    public Widget layout(String attribute, String value) {
        Object l = state.get("layout");
        if (!(l instanceof Widget layout)) {
            throw new IllegalArgumentException("a " + modelName + " has no layout");
        }
        layout.set(attribute, value);
        return this;
    }

    /**
     * Calls {@code listener} with the attribute and its new value whenever a frontend changes one
     * (a slider moved, a button pressed). It runs on the kernel's message thread: return quickly.
     */
    public Widget onChange(BiConsumer<String, Object> listener) {
        listeners.add(listener);
        return this;
    }

    /** True once the widget is open in a kernel that speaks the widget protocol. */
    public boolean isLive() {
        return model != null;
    }

    /** The model id the frontend knows, or null while the widget is not open. */
    public String id() {
        WidgetHost.WidgetModel m = model;
        return m == null ? null : m.id();
    }

    /**
     * What a kernel shows for this widget: in the Soma kernel the widget view
     * ({@value #VIEW_MIME}) and a line of text for frontends without widgets; elsewhere the text.
     */
    public Map<String, Object> displayData() {
        Map<String, Object> out = new LinkedHashMap<>();
        WidgetHost host = WidgetHost.current();
        if (host != null) {
            open(host);
            out.put(VIEW_MIME, view(id()));
        }
        out.put("text/plain", toString());
        return out;
    }

    /** The {@value #VIEW_MIME} data that shows the model with this id. */
    static Map<String, Object> view(String modelId) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("model_id", modelId);
        v.put("version_major", 2);
        v.put("version_minor", 0);
        return v;
    }

    /** Opens this widget and every widget it refers to (those first), once. */
    synchronized void open(WidgetHost host) {
        if (model != null) {
            return;
        }
        List<Object> values;
        synchronized (state) {
            values = new ArrayList<>(state.values());
        }
        for (Object v : values) {
            for (Widget ref : references(v)) {
                ref.open(host);
            }
        }
        Map<String, Object> wire;
        synchronized (state) {
            wire = wire(state);
        }
        this.host = host;
        model = host.open(wire, this::fromFrontend);
        for (Widget c : companions) {
            c.open(host);
        }
    }

    private void fromFrontend(Map<String, Object> changes) {
        synchronized (state) {
            for (Map.Entry<String, Object> e : changes.entrySet()) {
                if (state.containsKey(e.getKey()) && !(state.get(e.getKey()) instanceof Widget)) {
                    state.put(e.getKey(), e.getValue());
                }
            }
        }
        for (Map.Entry<String, Object> e : changes.entrySet()) {
            for (BiConsumer<String, Object> l : listeners) {
                l.accept(e.getKey(), e.getValue());
            }
        }
    }

    @Override
    public String toString() {
        Object description = state.get("description");
        Object value = state.containsKey("value") && !(state.get("value") instanceof byte[]) ? state.get("value")
                : state.containsKey("index") && state.get("_options_labels") instanceof List<?> l && state.get("index") instanceof Number i
                        && i.intValue() >= 0 && i.intValue() < l.size() ? l.get(i.intValue()) : null;
        StringBuilder sb = new StringBuilder(modelName.replace("Model", ""));
        if (description instanceof String d && !d.isEmpty()) {
            sb.append(' ').append(d);
        }
        if (value != null) {
            sb.append(" = ").append(value);
        }
        if (model == null) {
            sb.append(" (live widgets need the Soma kernel and a frontend with ipywidgets 8)");
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- building blocks

    /** A null that {@code Map.of} accepts; becomes a JSON null on the wire. */
    private static final Object NULL = new Object();

    private static Widget dom(String module, String version, String model, String viewModule, String viewVersion, String view) {
        Widget w = new Widget(module, version, model, viewModule, viewVersion, view);
        w.state.put("_dom_classes", new ArrayList<>());
        w.state.put("layout", layoutWidget());
        return w;
    }

    private static Widget described(String model, String view, String description) {
        Widget w = dom(CONTROLS, VERSION_2, model, CONTROLS, VERSION_2, view);
        w.state.put("description", description == null ? "" : description);
        w.state.put("description_allow_html", false);
        return w;
    }

    private static Widget slider(String model, String view, String description) {
        Widget w = described(model, view, description);
        w.state.put("behavior", "drag-tap");
        w.state.put("continuous_update", true);
        w.state.put("disabled", false);
        return w;
    }

    private static Widget box(String model, String view, Widget... children) {
        for (Widget c : children) {
            if (c == null) {
                throw new IllegalArgumentException("children = " + Arrays.toString(children) + "; a box holds widgets, not null");
            }
        }
        Widget w = dom(CONTROLS, VERSION_2, model, CONTROLS, VERSION_2, view);
        w.state.put("box_style", "");
        w.state.put("children", new ArrayList<>(Arrays.asList(children)));
        w.state.put("tabbable", null);
        w.state.put("tooltip", null);
        return w;
    }

    /** Every CSS attribute of a layout (base LayoutModel 2.0.0), unset. */
    private static final List<String> LAYOUT_KEYS = List.of("align_content", "align_items", "align_self",
            "border_bottom", "border_left", "border_right", "border_top", "bottom", "display", "flex", "flex_flow",
            "grid_area", "grid_auto_columns", "grid_auto_flow", "grid_auto_rows", "grid_column", "grid_gap", "grid_row",
            "grid_template_areas", "grid_template_columns", "grid_template_rows", "height", "justify_content",
            "justify_items", "left", "margin", "max_height", "max_width", "min_height", "min_width", "object_fit",
            "object_position", "order", "overflow", "padding", "right", "top", "visibility", "width");

    private static Widget layoutWidget() {
        Widget w = new Widget(BASE, VERSION_2, "LayoutModel", BASE, VERSION_2, "LayoutView");
        for (String k : LAYOUT_KEYS) {
            w.state.put(k, null);
        }
        return w;
    }

    /** A style model; {@code description_width} is "initial", so a long description is never cut off. */
    private static Widget style(String model, Map<String, Object> extra) {
        Widget w = new Widget(CONTROLS, VERSION_2, model, BASE, VERSION_2, "StyleView");
        w.state.put("description_width", "initial");
        for (Map.Entry<String, Object> e : new java.util.TreeMap<>(extra).entrySet()) {
            w.state.put(e.getKey(), e.getValue() == NULL ? null : e.getValue());
        }
        return w;
    }

    /** The readout format (d3-format) that shows as many decimals as the step has. */
    static String readoutFormat(double step) {
        int decimals = Math.max(0, new java.math.BigDecimal(Double.toString(step)).stripTrailingZeros().scale());
        return "." + Math.min(decimals, 12) + "f";
    }

    private static void checkRange(String what, double min, double max, double step, double value) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException(what + ": min = " + min + ", max = " + max + "; need finite min < max, e.g. 0 and 20");
        }
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException(what + ": step = " + step + "; need a step > 0, e.g. " + (max - min) / 20);
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(what + ": value = " + value + " is outside [" + min + ", " + max
                    + "]; start inside the range");
        }
    }

    private static void checkOptions(String what, List<String> options, int index) {
        if (options == null || options.isEmpty() || options.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException(what + ": options = " + options + "; give at least one option, none null");
        }
        if (index < 0 || index >= options.size()) {
            throw new IllegalArgumentException(what + ": index = " + index + "; choose 0 to " + (options.size() - 1));
        }
    }

    // ---------------------------------------------------------------- the wire

    private static List<Widget> references(Object v) {
        List<Widget> out = new ArrayList<>();
        if (v instanceof Widget w) {
            out.add(w);
        } else if (v instanceof List<?> l) {
            for (Object x : l) {
                out.addAll(references(x));
            }
        }
        return out;
    }

    /** State as the protocol carries it: widgets as {@code "IPY_MODEL_<id>"} (they are open by now). */
    private static Map<String, Object> wire(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            out.put(e.getKey(), wireValue(e.getValue()));
        }
        return out;
    }

    private static Object wireValue(Object v) {
        if (v instanceof Widget w) {
            if (w.id() == null) {
                throw new IllegalStateException("a widget refers to " + w.modelName + " before it is open");
            }
            return "IPY_MODEL_" + w.id();
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) {
                out.add(wireValue(x));
            }
            return out;
        }
        return v;
    }
}
