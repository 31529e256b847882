package dev.soma;

import dev.soma.activation.ActivationFunction;
import dev.soma.analysis.FiCurve;
import dev.soma.model.NeuronModel;
import dev.soma.plot.Curve;
import dev.soma.plot.Curves;
import dev.soma.plot.Figure;
import dev.soma.plot.HeatMap;
import dev.soma.plot.PhasePlane;
import dev.soma.plot.Spikes;
import dev.soma.plot.Traces;
import dev.soma.sim.SimulationResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import tech.tablesaw.api.Table;

/**
 * Figures in one call, in Soma's house style. Every builder returns a {@link Figure}, which is a
 * {@link java.awt.image.BufferedImage}: the last expression of a notebook cell shows as an image,
 * in Soma's kernel and in IJava alike. Compose panels with {@link #row}, {@link #column} and
 * {@link #grid}; export with {@code savePng(path, dpi)} and {@code saveSvg(path)}.
 *
 * <p>Times are in ms, voltages in mV, rates in Hz; every axis title carries its unit.
 */
public final class Plots {
    private Plots() {}

    static {
        // In the real IJava, tables and results show as HTML there too (a no-op elsewhere).
        dev.soma.notebook.IJavaRenderers.registerIfInIJava();
    }

    // ---- traces -------------------------------------------------------------------------------

    /**
     * The membrane potential of a run, a marker above each spike and the level spikes are counted
     * at (dashed), named for what it is: the LIF's "threshold", the "spike cut-off" of models that
     * make their own upstroke (EIF, AdEx, Izhikevich), the "spike detection" level of models whose
     * membrane makes the whole action potential (Hodgkin–Huxley, Morris–Lecar).
     */
    public static Figure voltage(SimulationResult run) {
        return Traces.voltage(run);
    }

    /** The membrane potential from a table with {@code t [ms]} and {@code V [mV]}; spikes are upward crossings of {@code thresholdMv}. */
    public static Figure voltage(Table table, double thresholdMv) {
        return Traces.voltage(table, thresholdMv);
    }

    /** A voltage trace from arrays (ms, mV), the threshold in mV (NaN for none) and spike times in ms. */
    public static Figure voltage(double[] tMs, double[] vMv, double[] spikeTimesMs, double thresholdMv) {
        return Traces.voltage(tMs, vMv, spikeTimesMs, thresholdMv, null);
    }

    /** Recorded variables of a run against time in one panel, e.g. {@code trace(run, "m", "h", "n")}. */
    public static Figure trace(SimulationResult run, String... variables) {
        return Traces.trace(run, variables);
    }

    /** Columns of a table against one column, e.g. {@code table(run.table(), "t [ms]", "V [mV]")}. */
    public static Figure table(Table table, String xColumn, String... yColumns) {
        return Traces.table(table, xColumn, yColumns);
    }

    /** The classic Hodgkin–Huxley figure: V; gates m, h, n; currents I_Na, I_K, I_L; one shared time axis. */
    public static Figure hodgkinHuxley(SimulationResult run) {
        return Traces.hodgkinHuxley(run);
    }

    /** The three-panel Hodgkin–Huxley figure from a table (as {@code run.table()} makes). */
    public static Figure hodgkinHuxley(Table table) {
        return Traces.hodgkinHuxley(table);
    }

    /** One variable of several runs overlaid, labelled: {@code overlay("V", List.of("weak", "strong"), weak, strong)}. */
    public static Figure overlay(String variable, List<String> labels, SimulationResult... runs) {
        return Traces.overlay(variable, labels, runs);
    }

    /** One variable of several runs overlaid, labelled "run 1", "run 2", .... */
    public static Figure overlay(String variable, SimulationResult... runs) {
        return Traces.overlay(variable, runs);
    }

    /** Traces on one time grid overlaid: {@code overlay(t, "V [mV]", List.of("a", "b"), va, vb)}. */
    public static Figure overlay(double[] tMs, String yTitle, List<String> labels, double[]... ys) {
        return Traces.overlay(tMs, yTitle, labels, ys);
    }

    /** One variable of several runs overlaid, labelled; the runs as a list (e.g. from a stream). */
    public static Figure overlay(String variable, List<String> labels, List<SimulationResult> runs) {
        if (runs == null) {
            throw new IllegalArgumentException("runs = null: pass a list of simulation results");
        }
        return Traces.overlay(variable, labels, runs.toArray(new SimulationResult[0]));
    }

    /**
     * Curves y(x) against a shared x that is not time — gate curves against V, input–output curves:
     * {@code lines("V [mV]", v, "x∞ [1]", List.of("m∞", "h∞"), mInf, hInf)}.
     */
    public static Figure lines(String xTitle, double[] x, String yTitle, List<String> labels, double[]... ys) {
        return Traces.lines(xTitle, x, yTitle, labels, ys);
    }

    // ---- activation functions and f–I curves --------------------------------------------------

    /** A named function with its derivative, for the activation figures. */
    public static Curve curve(String name, DoubleUnaryOperator function, DoubleUnaryOperator derivative) {
        return Curve.of(name, function, derivative);
    }

    /** An activation function and its derivative over x ∈ [-5, 5]. */
    public static Figure activation(String name, DoubleUnaryOperator function, DoubleUnaryOperator derivative) {
        return Curves.activation(Curve.of(name, function, derivative));
    }

    /** An activation function and its derivative over x ∈ [xMin, xMax]. */
    public static Figure activation(String name, DoubleUnaryOperator function, DoubleUnaryOperator derivative, double xMin, double xMax) {
        return Curves.activation(Curve.of(name, function, derivative), xMin, xMax);
    }

    /** An activation function and its derivative over x ∈ [-5, 5]. */
    public static Figure activation(Curve curve) {
        return Curves.activation(curve);
    }

    /** One of Soma's activation functions and its derivative over x ∈ [-5, 5], the formula in the legend. */
    public static Figure activation(ActivationFunction f) {
        return Curves.activation(Curve.of(f));
    }

    /** One of Soma's activation functions and its derivative over x ∈ [xMin, xMax]. */
    public static Figure activation(ActivationFunction f, double xMin, double xMax) {
        return Curves.activation(Curve.of(f), xMin, xMax);
    }

    /** A gallery of Soma's activation functions with their derivatives, three per row, over x ∈ [-5, 5]. */
    public static Figure activations(ActivationFunction... functions) {
        if (functions == null || functions.length == 0) {
            throw new IllegalArgumentException("functions " + (functions == null ? "= null" : "is empty")
                    + "; pass at least one, e.g. Plots.activations(Activation.RELU, Activation.SIGMOID)");
        }
        return activations(Arrays.asList(functions));
    }

    /** A gallery of activation functions, e.g. {@code Plots.activations(Activation.all())}. */
    public static Figure activations(List<? extends ActivationFunction> functions) {
        if (functions == null) {
            throw new IllegalArgumentException("functions = null; pass a list, e.g. Activation.all()");
        }
        if (functions.isEmpty()) {
            throw new IllegalArgumentException("functions is empty; pass at least one, e.g. Activation.all()");
        }
        List<Curve> curves = new ArrayList<>();
        for (int i = 0; i < functions.size(); i++) {
            if (functions.get(i) == null) {
                throw new IllegalArgumentException("functions[" + i + "] = null; pass activation functions, e.g. Activation.RELU");
            }
            curves.add(Curve.of(functions.get(i)));
        }
        return Curves.gallery(3, -5, 5, curves);
    }

    /**
     * f–I curves beside Soma's activation functions on matching axes (same current and rate
     * ranges; the activation's x = 0 at the rheobase, x = 4 at the largest current).
     */
    public static Figure fIBeside(double[] currents, String currentUnit, List<String> labels, double[][] ratesHz, ActivationFunction... activations) {
        if (activations == null) {
            throw new IllegalArgumentException("activations = null; pass activation functions, e.g. Activation.RELU, Activation.SIGMOID");
        }
        List<Curve> curves = new ArrayList<>();
        for (int i = 0; i < activations.length; i++) {
            if (activations[i] == null) {
                throw new IllegalArgumentException("activations[" + i + "] = null; pass an activation function, e.g. Activation.RELU");
            }
            curves.add(Curve.of(activations[i]));
        }
        return Curves.fIBeside(currents, currentUnit, labels, ratesHz, 4, curves);
    }

    /** A gallery of activation functions with their derivatives, three per row, over x ∈ [-5, 5]. */
    public static Figure activations(Curve... curves) {
        return Curves.gallery(3, -5, 5, curves == null ? null : Arrays.asList(curves));
    }

    /** f–I curves on one current grid: {@code fI(currents, "nA", List.of("LIF"), rates)}; rates in Hz. */
    public static Figure fI(double[] currents, String currentUnit, List<String> labels, double[]... ratesHz) {
        return Curves.fI(currents, currentUnit, labels, ratesHz);
    }

    /** f–I curves from a table: a current column (e.g. {@code "I [nA]"}) against rate columns in Hz (default: all others). */
    public static Figure fI(Table table, String currentColumn, String... rateColumns) {
        return Curves.fI(table, currentColumn, rateColumns);
    }

    /** f–I curves measured with {@code Analysis.fI(...)}, overlaid, labelled by model name. */
    public static Figure fI(FiCurve... curves) {
        return Curves.fI(null, curves == null ? null : Arrays.asList(curves));
    }

    /** f–I curves measured with {@code Analysis.fI(...)}, overlaid, with one label each. */
    public static Figure fI(List<String> labels, FiCurve... curves) {
        if (labels == null) {
            throw new IllegalArgumentException("labels = null; pass one label per curve, e.g. Plots.labels(\"σ = 0\", \"σ = 1 nA\")");
        }
        return Curves.fI(labels, curves == null ? null : Arrays.asList(curves));
    }

    /** A measured f–I curve beside activation functions on matching axes. */
    public static Figure fIBeside(FiCurve curve, ActivationFunction... activations) {
        if (curve == null) {
            throw new IllegalArgumentException("curve = null; pass an f–I curve, e.g. Analysis.fI(Neurons.hodgkinHuxley(), 0, 15, 31)");
        }
        return fIBeside(curve.currents(), curve.inputUnit(), List.of(curve.model().name()), new double[][] {curve.ratesHz()}, activations);
    }

    /**
     * f–I curves beside activation functions on matching axes (same current and rate ranges; the
     * activation's x = 0 at the rheobase, x = 4 at the largest current).
     */
    public static Figure fIBeside(double[] currents, String currentUnit, List<String> labels, double[][] ratesHz, Curve... activations) {
        return Curves.fIBeside(currents, currentUnit, labels, ratesHz, 4, activations == null ? null : Arrays.asList(activations));
    }

    // ---- spikes -------------------------------------------------------------------------------

    /** A spike raster (one row per neuron, {@code trainsMs[i]} in ms) with the population rate below. */
    public static Figure raster(double[][] trainsMs, double durationMs) {
        return Spikes.raster(trainsMs, durationMs);
    }

    /** An E/I raster of spike trains: trains below {@code firstInhibitory} are excitatory, the rest inhibitory. */
    public static Figure raster(double[][] trainsMs, double durationMs, int firstInhibitory) {
        return Spikes.raster(trainsMs, durationMs, firstInhibitory);
    }

    /** A spike raster from parallel arrays of spike times (ms) and neuron indices, with the population rate below. */
    public static Figure raster(double[] timesMs, int[] neuronIds, double durationMs) {
        return Spikes.raster(timesMs, neuronIds, durationMs);
    }

    /** An E/I raster: neurons below {@code firstInhibitory} are excitatory, the rest inhibitory. */
    public static Figure raster(double[] timesMs, int[] neuronIds, double durationMs, int firstInhibitory) {
        return Spikes.raster(timesMs, neuronIds, durationMs, firstInhibitory);
    }

    /**
     * A raster with every option: neurons {@code 0..neuronCount-1} (silent ones count in the rate),
     * those below {@code firstInhibitory} excitatory, population rate in bins of {@code binMs}.
     */
    public static Figure raster(double[] timesMs, int[] neuronIds, int neuronCount, double durationMs, int firstInhibitory, double binMs) {
        return Spikes.raster(timesMs, neuronIds, neuronCount, durationMs, firstInhibitory, binMs);
    }

    /** A spike raster from a table with a time column in ms and a {@code neuron} column. */
    public static Figure raster(Table spikes, double durationMs) {
        return Spikes.raster(spikes, durationMs);
    }

    /**
     * A heat map of column {@code value} over columns {@code x} and {@code y} of a table, e.g. a
     * phase diagram from a sweep: {@code heatMap(table, "g [1]", "eta [1]", "rate [Hz]")}. One cell
     * per row, viridis colours with their scale; missing values (NaN) stay white.
     */
    public static Figure heatMap(Table table, String x, String y, String value) {
        return HeatMap.of(table, x, y, value);
    }

    /** The inter-spike-interval histogram of a run. */
    public static Figure isi(SimulationResult run) {
        return Spikes.isi(run);
    }

    /** The inter-spike-interval histogram of a spike train (ms). */
    public static Figure isi(double[] spikeTimesMs) {
        return Spikes.isi(spikeTimesMs);
    }

    /** The inter-spike-interval histogram of a spike train (ms), in bins of {@code binMs}. */
    public static Figure isi(double[] spikeTimesMs, double binMs) {
        return Spikes.isi(spikeTimesMs, binMs);
    }

    // ---- phase plane --------------------------------------------------------------------------

    /**
     * The phase plane of a neuron model: V against {@code yVariable} (other state at rest), at a
     * constant input, with nullclines, the vector field and the trajectories of {@code runs}.
     */
    public static Figure phasePlane(NeuronModel model, String yVariable, double input, double vMin, double vMax,
                                    double yMin, double yMax, SimulationResult... runs) {
        return PhasePlane.of(model, yVariable, input, vMin, vMax, yMin, yMax, runs);
    }

    /**
     * The phase plane of a two-variable model (FitzHugh–Nagumo, Morris–Lecar, Izhikevich, AdEx) at
     * a constant input: nullclines, vector field, fixed points (filled stable, open unstable) and
     * the trajectories of {@code runs}.
     */
    public static Figure phasePlane(NeuronModel model, double input, double xMin, double xMax, double yMin, double yMax,
                                    SimulationResult... runs) {
        return PhasePlane.of(model, input, xMin, xMax, yMin, yMax, runs);
    }

    /** The phase plane of any planar field, with axis titles (with units) and trajectories {@code {xs, ys}}. */
    public static Figure phasePlane(PhasePlane.Field field, String xTitle, String yTitle, double xMin, double xMax,
                                    double yMin, double yMax, double[][]... trajectories) {
        return PhasePlane.of(field, xTitle, yTitle, xMin, xMax, yMin, yMax, trajectories == null ? List.of() : Arrays.asList(trajectories));
    }

    // ---- helpers for notebooks ----------------------------------------------------------------

    /** Labels for overlaid series, without an import: {@code overlay("V", Plots.labels("weak", "strong"), weak, strong)}. */
    public static List<String> labels(String... labels) {
        if (labels == null) {
            throw new IllegalArgumentException("labels = null; pass one label per series, e.g. Plots.labels(\"weak\", \"strong\")");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null) {
                throw new IllegalArgumentException("labels[" + i + "] = null; give every series a label, e.g. \"weak\"");
            }
        }
        return List.of(labels);
    }

    // ---- layout -------------------------------------------------------------------------------

    /** Figures side by side, as one image. */
    public static Figure row(Figure... figures) {
        return Figure.row(figures);
    }

    /** Figures stacked top to bottom, as one image. */
    public static Figure column(Figure... figures) {
        return Figure.column(figures);
    }

    /** Figures in a grid of {@code cols} columns, filled row by row, as one image. */
    public static Figure grid(int cols, Figure... figures) {
        return Figure.grid(cols, figures);
    }

    /** Panels side by side, from a list (e.g. made with a stream). */
    public static Figure row(List<Figure> figures) {
        if (figures == null) {
            throw new IllegalArgumentException("figures = null: pass a list of figures");
        }
        return row(figures.toArray(new Figure[0]));
    }

    /** Panels in a grid of {@code cols} columns, from a list. */
    public static Figure grid(int cols, List<Figure> figures) {
        if (figures == null) {
            throw new IllegalArgumentException("figures = null: pass a list of figures");
        }
        return grid(cols, figures.toArray(new Figure[0]));
    }
}
