package dev.soma.notebook;

import dev.soma.kernel.spi.WidgetHost;
import dev.soma.plot.Figure;
import java.awt.image.RenderedImage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Controls in front of a figure (or a table, or text) that re-runs when they move: a notebook's
 * interactive demo. Build it with {@code Interact.of(view)}, add named controls, and end the cell
 * with it:
 * <pre>{@code
 * Interact.of(p -> Plots.voltage(Simulation.of(Neurons.hodgkinHuxley())
 *             .inject(Stimulus.step(p.get("I") * uA_per_cm2, 10 * ms, 110 * ms))
 *             .run(150 * ms)))
 *         .slider("I", 0, 15, 5, "µA/cm²")
 * }</pre>
 *
 * <h2>What it does where</h2>
 * <ul>
 * <li><b>Soma kernel, with a widget frontend</b> (JupyterLab 4, Notebook 7, VS Code; {@code make
 *     lab}): live controls (ipywidgets 8). The view runs once at the initial values before anything
 *     moves, and again on every change, off the kernel's message thread; a burst of moves
 *     coalesces (the latest values win, no queue of stale runs). An exception shows inside the
 *     panel and the controls keep working.</li>
 * <li><b>Saved notebooks and their HTML pages</b> ({@code make notebooks}): the same output
 *     carries a kernel-free version, a self-contained {@code text/html} with every combination of
 *     values precomputed (when there are at most {@link #DEFAULT_PRECOMPUTE} of them, see
 *     {@link #precompute(int)}) and plain HTML controls that swap them, so lecture notes stay
 *     interactive on a web page with no kernel.</li>
 * <li><b>IJava and other kernels</b>: the kernel-free version (at least the figure at the initial
 *     values, with a line saying that live sliders need the Soma kernel).</li>
 * </ul>
 *
 * <h2>Values and units</h2>
 * A slider's values are {@code min + k·step}, in the unit on its label; the view reads them with
 * {@link Params#get(String)} and multiplies by the unit constant. The step defaults to the
 * coarsest of 1, 2, 2.5 and 5 × 10ⁿ that gives at most 20 steps and puts the initial value on a
 * step; {@link #step(double)} sets it. Values are never clamped: a range or initial value that does
 * not fit is an error that says how to fix it.
 *
 * <h2>Results</h2>
 * A {@link RenderedImage} (every Soma {@link Figure}) shows as an image; anything else as the
 * kernel shows a cell's value (a Tablesaw table as an HTML table, text as text); null shows
 * nothing.
 *
 * <p>Not thread-safe while it is being built; once shown, the kernel and its own worker use it.
 */
public final class Interactive {

    /** Combinations of values precomputed for the kernel-free version unless {@link #precompute(int)} says otherwise. */
    public static final int DEFAULT_PRECOMPUTE = 48;
    /** The most combinations {@link #precompute(int)} accepts. */
    public static final int MAX_PRECOMPUTE = 400;
    /** The time between two steps of a {@link #play} control unless {@link #interval(int)} says otherwise, in ms. */
    public static final int DEFAULT_INTERVAL_MS = 400;

    private static final AtomicInteger WORKERS = new AtomicInteger();
    /** Runs views off the kernel's message thread; daemon threads, so a kernel can always exit. */
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "soma-interact-" + WORKERS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final Function<Params, ?> view;
    private final List<Control> controls = new ArrayList<>();
    private final ClassLoader loader = Thread.currentThread().getContextClassLoader();
    private boolean onRelease;
    private int precompute = DEFAULT_PRECOMPUTE;
    private int intervalMs = DEFAULT_INTERVAL_MS;

    // Once shown:
    private Frame first;
    private String page;
    private volatile Live live;
    private volatile Params latest;
    private final AtomicInteger runs = new AtomicInteger();

    /** Use {@code Interact.of(view)}. */
    public Interactive(Function<Params, ?> view) {
        if (view == null) {
            throw new IllegalArgumentException("view = null; pass a function of the parameters, e.g. p -> Plots.voltage(...)");
        }
        this.view = view;
        IJavaRenderers.registerIfInIJava();
    }

    // ---------------------------------------------------------------- building

    /**
     * Adds a slider over real numbers.
     *
     * @param name the parameter's name, read with {@code p.get(name)}; also the slider's label
     * @param min smallest value, in {@code unit}
     * @param max largest value, in {@code unit}, greater than {@code min}
     * @param initial the value shown first, in [{@code min}, {@code max}]
     * @param unit the unit shown on the label (e.g. {@code "µA/cm²"}); the view still multiplies by
     *     the unit constant
     * @return this
     */
    public Interactive slider(String name, double min, double max, double initial, String unit) {
        add(new Numeric(name, unit, min, max, initial, defaultStep(min, max, initial), false, false));
        return this;
    }

    /** A slider over real numbers without a unit; see {@link #slider(String, double, double, double, String)}. */
    public Interactive slider(String name, double min, double max, double initial) {
        return slider(name, min, max, initial, "");
    }

    /**
     * Adds a slider over whole numbers (step 1 unless {@link #step(double)} says otherwise); the view
     * reads it with {@code p.getInt(name)} or {@code p.get(name)}.
     *
     * @param name the parameter's name and label
     * @param min smallest value
     * @param max largest value, greater than {@code min}
     * @param initial the value shown first, in [{@code min}, {@code max}]
     * @param unit the unit shown on the label, or ""
     * @return this
     */
    public Interactive intSlider(String name, int min, int max, int initial, String unit) {
        add(new Numeric(name, unit, min, max, initial, 1, true, false));
        return this;
    }

    /**
     * Adds an animation over a parameter: a play button and a slider over the values
     * {@code min, min + step, …, max}; while it plays, the view re-runs for each value (a view
     * slower than {@link #interval(int)} skips values instead of falling behind).
     *
     * @param name the parameter's name and label, read with {@code p.get(name)}
     * @param min first value, in {@code unit}
     * @param max last value, in {@code unit}, greater than {@code min}
     * @param initial the value shown first
     * @param unit the unit shown on the label, or ""
     * @return this
     */
    public Interactive play(String name, double min, double max, double initial, String unit) {
        add(new Numeric(name, unit, min, max, initial, defaultStep(min, max, initial), false, true));
        return this;
    }

    /**
     * Sets the step of the slider or play control added last.
     *
     * @param step distance between values, in the control's unit; must divide the range and put the
     *     initial value on a step
     * @return this
     */
    public Interactive step(double step) {
        Control last = controls.isEmpty() ? null : controls.get(controls.size() - 1);
        if (first != null) {
            throw new IllegalStateException("this interact is already shown; build a new one to change its steps");
        }
        if (!(last instanceof Numeric n)) {
            throw new IllegalStateException("step(" + step + ") follows a slider or play control; add one first, e.g. .slider(\"I\", 0, 20, 10, \"µA/cm²\").step(0.5)");
        }
        controls.set(controls.size() - 1, n.withStep(step));
        return this;
    }

    /**
     * Adds a drop-down list of choices, the first one chosen; the view reads it with
     * {@code p.choice(name)}.
     */
    public Interactive dropdown(String name, List<String> options) {
        return dropdown(name, options, options == null || options.isEmpty() ? null : options.get(0));
    }

    /** Adds a drop-down list of choices with {@code initial} chosen; the view reads it with {@code p.choice(name)}. */
    public Interactive dropdown(String name, List<String> options, String initial) {
        add(new Choice(name, options, initial, false));
        return this;
    }

    /** Adds a row of buttons of which one is pressed ({@code initial}); the view reads it with {@code p.choice(name)}. */
    public Interactive buttons(String name, List<String> options, String initial) {
        add(new Choice(name, options, initial, true));
        return this;
    }

    /** Adds a check box; the view reads it with {@code p.flag(name)}. */
    public Interactive checkbox(String name, boolean initial) {
        add(new Check(name, initial));
        return this;
    }

    /**
     * Re-runs only when a slider is released, not while it is dragged: for views that take longer
     * than about a second (arrow keys still re-run on every press).
     */
    public Interactive onRelease() {
        this.onRelease = true;
        return this;
    }

    /**
     * The time between two steps of a {@link #play} control.
     *
     * @param ms at least 10 ms
     */
    public Interactive interval(int ms) {
        if (ms < 10) {
            throw new IllegalArgumentException("interval = " + ms + " ms; use at least 10 ms, e.g. 400");
        }
        this.intervalMs = ms;
        return this;
    }

    /**
     * How many combinations of values the kernel-free version may precompute (every value of every
     * control); with more, it shows only the initial values. 0 turns precomputing off.
     *
     * @param maxFrames 0 to {@value #MAX_PRECOMPUTE}
     */
    public Interactive precompute(int maxFrames) {
        if (maxFrames < 0 || maxFrames > MAX_PRECOMPUTE) {
            throw new IllegalArgumentException("precompute = " + maxFrames + "; use 0 (off) to " + MAX_PRECOMPUTE
                    + " (each combination is one figure in the saved notebook)");
        }
        this.precompute = maxFrames;
        return this;
    }

    private void add(Control c) {
        if (first != null) {
            throw new IllegalStateException("this interact is already shown; build a new one to add \"" + c.name + "\"");
        }
        for (Control other : controls) {
            if (other.name.equals(c.name)) {
                throw new IllegalArgumentException("name = \"" + c.name + "\" is used twice; give each control its own name");
            }
        }
        controls.add(c);
    }

    // ---------------------------------------------------------------- state

    /**
     * The values the kernel last received from the controls (the initial values before any move).
     * A notebook can read them in a later cell, e.g. to run a longer simulation at the values a
     * student picked.
     */
    public Params values() {
        Params p = latest;
        return p != null ? p : initialValues();
    }

    /** The values of every control before anything moves. */
    public Params initialValues() {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Control c : controls) {
            v.put(c.name, c.valueAt(c.initialIndex()));
        }
        return new Params(v, units());
    }

    /** How many times the view has run so far (the first run, live re-runs and precomputed ones). */
    public int runCount() {
        return runs.get();
    }

    /** The number of value combinations: the product of every control's number of values. */
    public long combinations() {
        long n = 1;
        for (Control c : controls) {
            n = Math.multiplyExact(n, (long) c.size());
        }
        return n;
    }

    private Map<String, String> units() {
        Map<String, String> u = new LinkedHashMap<>();
        for (Control c : controls) {
            u.put(c.name, c.unit);
        }
        return u;
    }

    // ---------------------------------------------------------------- display

    /**
     * What a kernel shows for this interact. In the Soma kernel: the live widgets
     * ({@value Widget#VIEW_MIME}); always: the kernel-free HTML version and a line of text.
     * The view runs at the initial values here (and, for the kernel-free version, at every other
     * combination of values, up to the {@link #precompute(int)} limit).
     */
    public synchronized Map<String, Object> displayData() {
        if (controls.isEmpty()) {
            throw new IllegalStateException("an interact without controls; add one, e.g. .slider(\"I\", 0, 20, 10, \"µA/cm²\")");
        }
        WidgetHost host = WidgetHost.current();
        if (first == null) {
            first = run(initialValues());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (host != null) {
            if (live == null) {
                live = new Live(host);
            }
            out.put(Widget.VIEW_MIME, Widget.view(live.root.id()));
        }
        if (page == null) {
            page = staticPage(host);
        }
        out.put("text/html", page);
        out.put("text/plain", toString());
        return out;
    }

    /** One line per control, and where live controls work. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Interact: ");
        for (int i = 0; i < controls.size(); i++) {
            sb.append(i == 0 ? "" : "; ").append(controls.get(i).describe());
        }
        sb.append(". Live controls need the Soma kernel and a frontend with ipywidgets 8 (make lab).");
        return sb.toString();
    }

    /** A run of the view: its result or what it threw. */
    private record Frame(Object result, Throwable error) {
    }

    private Frame run(Params p) {
        runs.incrementAndGet();
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        if (loader != null) {
            t.setContextClassLoader(loader);
        }
        try {
            return new Frame(view.apply(p), null);
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError vme && !(e instanceof StackOverflowError)) {
                throw vme;
            }
            return new Frame(null, e);
        } finally {
            t.setContextClassLoader(before);
        }
    }

    // ---------------------------------------------------------------- the kernel-free version

    private String staticPage(WidgetHost host) {
        long n = combinations();
        List<String> frames = new ArrayList<>();
        boolean all = n <= precompute && n > 1;
        if (all) {
            int[] index = new int[controls.size()];
            int initial = frameIndex(initialIndices());
            for (int k = 0; k < n; k++) {
                decode(k, index);
                Frame f = k == initial ? first : run(params(index));
                frames.add(StaticPage.frame(f.result(), f.error(), host));
            }
        } else {
            frames.add(StaticPage.frame(first.result(), first.error(), host));
        }
        String note;
        if (all) {
            note = "Precomputed for all " + n + (controls.size() == 1 ? " values of " + controls.get(0).name : " combinations of values")
                    + ": this works on a web page without a kernel. Live controls (a new run on every move) need the Soma kernel.";
        } else if (n == 1) {
            note = "Live controls need the Soma kernel.";
        } else {
            note = "Shown at the initial values (" + initialValues() + "). Sliders need the Soma kernel"
                    + (precompute == 0 ? "." : "; " + n + " combinations of values are too many to precompute here (at most "
                    + precompute + ", see precompute(n)).");
        }
        return StaticPage.html(controls, all, initialIndices(), frames, note);
    }

    private int[] initialIndices() {
        int[] idx = new int[controls.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = controls.get(i).initialIndex();
        }
        return idx;
    }

    /** Mixed radix, the first control most significant: the page's script computes the same. */
    private int frameIndex(int[] index) {
        int k = 0;
        for (int i = 0; i < index.length; i++) {
            k = k * controls.get(i).size() + index[i];
        }
        return k;
    }

    private void decode(int k, int[] index) {
        for (int i = index.length - 1; i >= 0; i--) {
            int size = controls.get(i).size();
            index[i] = k % size;
            k /= size;
        }
    }

    private Params params(int[] index) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (int i = 0; i < index.length; i++) {
            v.put(controls.get(i).name, controls.get(i).valueAt(index[i]));
        }
        return new Params(v, units());
    }

    // ---------------------------------------------------------------- live widgets

    /** The widgets of a shown interact, and the worker that re-runs the view. */
    private final class Live {
        final WidgetHost host;
        final Widget image;
        final Widget output;
        final Widget root;
        private final AtomicReference<Params> pending = new AtomicReference<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private boolean imageShown;
        private boolean outputUsed;

        Live(WidgetHost host) {
            this.host = host;
            List<Widget> rows = new ArrayList<>();
            for (Control c : controls) {
                rows.add(c.widget(Interactive.this));
            }
            image = Widget.image(new byte[0]);
            output = Widget.output();
            image.layout("display", "none");
            rows.add(image);
            rows.add(output);
            root = Widget.vbox(rows.toArray(new Widget[0]));
            show(first);
            root.open(host);
        }

        /** A control moved: remember the newest values and make sure a run will pick them up. */
        void request(Params p) {
            latest = p;
            pending.set(p);
            if (scheduled.compareAndSet(false, true)) {
                RUNNER.execute(this::drain);
            }
        }

        private void drain() {
            try {
                Params p;
                while ((p = pending.getAndSet(null)) != null) {
                    show(run(p));
                }
            } catch (RuntimeException e) {
                // the frontend went away while sending; the next move tries again
            } finally {
                scheduled.set(false);
                if (pending.get() != null && scheduled.compareAndSet(false, true)) {
                    RUNNER.execute(this::drain);
                }
            }
        }

        private synchronized void show(Frame f) {
            if (f.error() == null && f.result() instanceof RenderedImage img) {
                image.set("value", img instanceof Figure fig ? fig.toPng() : Display.png(img));
                if (!imageShown) {
                    image.layout("display", null);
                    imageShown = true;
                }
                if (outputUsed) {
                    output.set("outputs", new ArrayList<>());
                    outputUsed = false;
                }
                return;
            }
            if (imageShown) {
                image.layout("display", "none");
                imageShown = false;
            }
            List<Object> outputs = new ArrayList<>();
            if (f.error() != null) {
                outputs.add(StaticPage.errorOutput(f.error()));
            } else if (f.result() != null) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("output_type", "display_data");
                out.put("data", host.render(f.result()));
                out.put("metadata", new LinkedHashMap<>());
                outputs.add(out);
            }
            if (!outputs.isEmpty() || outputUsed) {
                output.set("outputs", outputs);
                outputUsed = !outputs.isEmpty();
            }
        }
    }

    // ---------------------------------------------------------------- controls

    /** One named control: its values (a finite list), its widget and how it reads a frontend change. */
    abstract static class Control {
        final String name;
        final String unit;

        Control(String name, String unit) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name = \"" + name + "\"; name the parameter, e.g. \"I\"");
            }
            this.name = name;
            this.unit = unit == null ? "" : unit;
        }

        abstract int size();

        /** A value as the view receives it: Double, Integer, String or Boolean. */
        abstract Object valueAt(int index);

        /** A value as a person reads it. */
        abstract String labelAt(int index);

        abstract int initialIndex();

        abstract Widget widget(Interactive owner);

        String label() {
            return unit.isEmpty() ? name : name + " [" + unit + "]";
        }

        abstract String describe();
    }

    /** A slider (real or whole numbers), or a play control over a slider's values. */
    static final class Numeric extends Control {
        final BigDecimal min;
        final BigDecimal step;
        final int count;
        final int initial;
        final boolean whole;
        final boolean play;
        private final double minD;
        private final double maxD;
        private final double initialD;

        Numeric(String name, String unit, double min, double max, double initial, double step, boolean whole, boolean play) {
            super(name, unit);
            if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
                throw new IllegalArgumentException("\"" + name + "\": min = " + min + ", max = " + max
                        + "; need finite numbers with min < max, e.g. 0 and 20");
            }
            if (!Double.isFinite(initial) || initial < min || initial > max) {
                throw new IllegalArgumentException("\"" + name + "\": initial = " + initial + " is outside [" + min + ", " + max
                        + "]; start inside the range");
            }
            if (!(step > 0) || !Double.isFinite(step) || (whole && step != Math.rint(step))) {
                throw new IllegalArgumentException("\"" + name + "\": step = " + step + "; need a "
                        + (whole ? "whole number ≥ 1" : "number > 0") + ", e.g. " + (whole ? "1" : Display.number((max - min) / 20)));
            }
            this.minD = min;
            this.maxD = max;
            this.initialD = initial;
            this.min = decimal(min);
            this.step = decimal(step);
            BigDecimal range = decimal(max).subtract(this.min);
            BigDecimal[] q = range.divideAndRemainder(this.step);
            if (q[1].signum() != 0) {
                throw new IllegalArgumentException("\"" + name + "\": step = " + Display.number(step) + " does not divide the range "
                        + Display.number(min) + " to " + Display.number(max) + "; choose a step that does, e.g. "
                        + Display.number(range.divide(BigDecimal.valueOf(20), MathContext.DECIMAL64).doubleValue()));
            }
            BigDecimal[] qi = decimal(initial).subtract(this.min).divideAndRemainder(this.step);
            if (qi[1].signum() != 0) {
                throw new IllegalArgumentException("\"" + name + "\": initial = " + Display.number(initial) + " is not on a step of "
                        + Display.number(step) + " from " + Display.number(min) + "; start at "
                        + Display.number(this.min.add(this.step.multiply(qi[0])).doubleValue()) + " or choose a finer step");
            }
            if (q[0].compareTo(BigDecimal.valueOf(100_000)) > 0) {
                throw new IllegalArgumentException("\"" + name + "\": min = " + Display.number(min) + " to max = " + Display.number(max)
                        + " is " + q[0] + " steps of " + Display.number(step)
                        + "; a slider has at most 100000: narrow the range or choose a coarser step with .step(...)");
            }
            this.count = q[0].intValue() + 1;
            this.initial = qi[0].intValue();
            this.whole = whole;
            this.play = play;
        }

        Numeric withStep(double newStep) {
            return new Numeric(name, unit, minD, maxD, initialD, newStep, whole, play);
        }

        @Override
        int size() {
            return count;
        }

        BigDecimal exact(int index) {
            return min.add(step.multiply(BigDecimal.valueOf(index)));
        }

        @Override
        Object valueAt(int index) {
            BigDecimal v = exact(index);
            return whole ? (Object) v.intValue() : (Object) v.doubleValue();
        }

        @Override
        String labelAt(int index) {
            return exact(index).stripTrailingZeros().toPlainString();
        }

        @Override
        int initialIndex() {
            return initial;
        }

        /** The position nearest to a frontend's value (a browser's float may be off in the last digit). */
        int indexOf(double value) {
            double k = (value - minD) / step.doubleValue();
            return (int) Math.max(0, Math.min(count - 1, Math.round(k)));
        }

        @Override
        Widget widget(Interactive owner) {
            if (play) {
                List<String> labels = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    labels.add(labelAt(i));
                }
                Widget slider = Widget.selectionSlider(label(), labels, initial);
                Widget player = Widget.play(0, count - 1, 1, owner.intervalMs);
                player.set("value", initial);
                slider.onChange((key, value) -> {
                    if (key.equals("index") && value instanceof Number n) {
                        owner.moved(name, valueAt((int) Math.max(0, Math.min(count - 1, n.longValue()))));
                    }
                });
                Widget.link(player, "value", slider, "index");
                return Widget.hbox(player, slider);
            }
            Widget slider = whole
                    ? Widget.intSlider(label(), min.intValue(), exact(count - 1).intValue(), step.intValue(), exact(initial).intValue())
                    : Widget.floatSlider(label(), minD, maxD, step.doubleValue(), exact(initial).doubleValue());
            if (owner.onRelease) {
                slider.set("continuous_update", false);
            }
            slider.layout("width", "min(36em, 100%)");
            slider.onChange((key, value) -> {
                if (key.equals("value") && value instanceof Number n) {
                    owner.moved(name, valueAt(indexOf(n.doubleValue())));
                }
            });
            return slider;
        }

        @Override
        String describe() {
            return label() + " = " + labelAt(initial) + " (" + labelAt(0) + " to " + labelAt(count - 1) + ", step "
                    + step.stripTrailingZeros().toPlainString() + (play ? ", animated" : "") + ")";
        }

        private static BigDecimal decimal(double d) {
            return new BigDecimal(Double.toString(d));
        }
    }

    /** A drop-down list or a row of toggle buttons. */
    static final class Choice extends Control {
        final List<String> options;
        final int initial;
        final boolean buttons;

        Choice(String name, List<String> options, String initial, boolean buttons) {
            super(name, "");
            if (options == null || options.isEmpty() || options.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("\"" + name + "\": options = " + options + "; give at least one option, none null");
            }
            if (options.stream().distinct().count() != options.size()) {
                throw new IllegalArgumentException("\"" + name + "\": options = " + options + " repeat a name; give each option its own");
            }
            if (initial == null || !options.contains(initial)) {
                throw new IllegalArgumentException("\"" + name + "\": initial = \"" + initial + "\" is not one of " + options);
            }
            this.options = List.copyOf(options);
            this.initial = options.indexOf(initial);
            this.buttons = buttons;
        }

        @Override
        int size() {
            return options.size();
        }

        @Override
        Object valueAt(int index) {
            return options.get(index);
        }

        @Override
        String labelAt(int index) {
            return options.get(index);
        }

        @Override
        int initialIndex() {
            return initial;
        }

        @Override
        Widget widget(Interactive owner) {
            Widget w = buttons ? Widget.toggleButtons(label(), options, initial) : Widget.dropdown(label(), options, initial);
            w.onChange((key, value) -> {
                if (key.equals("index") && value instanceof Number n && n.intValue() >= 0 && n.intValue() < options.size()) {
                    owner.moved(name, options.get(n.intValue()));
                }
            });
            return w;
        }

        @Override
        String describe() {
            return name + " = " + options.get(initial) + " (of " + String.join(", ", options) + ")";
        }
    }

    /** A check box. */
    static final class Check extends Control {
        final boolean initial;

        Check(String name, boolean initial) {
            super(name, "");
            this.initial = initial;
        }

        @Override
        int size() {
            return 2;
        }

        @Override
        Object valueAt(int index) {
            return index == 1;
        }

        @Override
        String labelAt(int index) {
            return index == 1 ? "on" : "off";
        }

        @Override
        int initialIndex() {
            return initial ? 1 : 0;
        }

        @Override
        Widget widget(Interactive owner) {
            Widget w = Widget.checkbox(name, initial);
            w.onChange((key, value) -> {
                if (key.equals("value") && value instanceof Boolean b) {
                    owner.moved(name, b);
                }
            });
            return w;
        }

        @Override
        String describe() {
            return name + " = " + (initial ? "on" : "off");
        }
    }

    /** A control changed in the frontend (on the kernel's message thread). */
    private void moved(String name, Object value) {
        Live l = live;
        if (l == null) {
            return;
        }
        Params base = latest != null ? latest : initialValues();
        if (Objects.equals(base.asMap().get(name), value)) {
            return;
        }
        l.request(base.with(name, value));
    }

    // ---------------------------------------------------------------- steps

    /**
     * The default step of a slider: the finest of 1, 2, 2.5 or 5 × 10ⁿ that gives at most 20 steps
     * over the range and puts the initial value on a step; if none does, the coarsest finer one that
     * does (more steps).
     */
    static double defaultStep(double min, double max, double initial) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max) || !Double.isFinite(initial)) {
            return 1; // the control's own check names the problem
        }
        BigDecimal lo = new BigDecimal(Double.toString(min));
        BigDecimal range = new BigDecimal(Double.toString(max)).subtract(lo);
        BigDecimal offset = new BigDecimal(Double.toString(initial)).subtract(lo);
        int top = (int) Math.floor(Math.log10(range.doubleValue())) + 1;
        List<BigDecimal> steps = new ArrayList<>();
        for (int exp = top - 12; exp <= top; exp++) {
            for (String m : new String[] {"1", "2", "2.5", "5"}) {
                steps.add(new BigDecimal(m).scaleByPowerOfTen(exp));
            }
        }
        BigDecimal twenty = BigDecimal.valueOf(20);
        int firstFew = steps.size();
        for (int i = 0; i < steps.size(); i++) {
            if (range.divide(steps.get(i), MathContext.DECIMAL64).compareTo(twenty) <= 0) {
                firstFew = i;
                break;
            }
        }
        for (int i = firstFew; i < steps.size(); i++) {
            if (divides(steps.get(i), range) && divides(steps.get(i), offset)) {
                return steps.get(i).doubleValue();
            }
        }
        for (int i = Math.min(firstFew, steps.size()) - 1; i >= 0; i--) {
            if (divides(steps.get(i), range) && divides(steps.get(i), offset)) {
                return steps.get(i).doubleValue();
            }
        }
        return range.divide(twenty, MathContext.DECIMAL64).doubleValue();
    }

    private static boolean divides(BigDecimal step, BigDecimal x) {
        return x.remainder(step).signum() == 0;
    }
}
