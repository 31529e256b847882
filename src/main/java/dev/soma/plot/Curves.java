package dev.soma.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import dev.soma.analysis.FiCurve;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Input–output curves: activation functions with their derivatives, a gallery of them, and f–I
 * curves (firing rate in Hz against injected current), alone or beside activation functions on
 * matching axes.
 */
public final class Curves {
    private Curves() {}

    /** Samples per activation curve: smooth at figure resolution, cheap to draw. */
    static final int SAMPLES = 401;

    /** An activation function and its derivative over x ∈ [-5, 5]. */
    public static Figure activation(Curve curve) {
        return activation(curve, -5, 5);
    }

    /** An activation function and its derivative over x ∈ [{@code xMin}, {@code xMax}]. */
    public static Figure activation(Curve curve, double xMin, double xMax) {
        Check.notNull("curve", curve, "pass Curve.of(name, f, derivative)");
        Check.range("xMin", xMin, "xMax", xMax);
        XYChart chart = activationChart(curve, xMin, xMax, true);
        if (curve.formula() != null) {
            // One wide panel has room for the formula; gallery panels keep the short name.
            chart.setTitle(curve.name() + ":  " + curve.formula());
        }
        return Figure.of(chart);
    }

    /**
     * A gallery: one panel per activation function with its derivative, in {@code cols} columns,
     * all over x ∈ [{@code xMin}, {@code xMax}].
     */
    public static Figure gallery(int cols, double xMin, double xMax, List<Curve> curves) {
        Check.notNull("curves", curves, "pass a list of curves");
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("curves is empty; pass at least one activation function");
        }
        if (cols < 1) {
            throw new IllegalArgumentException("cols = " + cols + " must be at least 1, e.g. 3");
        }
        Check.range("xMin", xMin, "xMax", xMax);
        List<XYChart> charts = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            Check.notNull("curves[" + i + "]", curves.get(i), "pass a curve");
            XYChart c = activationChart(curves.get(i), xMin, xMax, true);
            charts.add(c);
        }
        return Figure.gridOf(cols, charts, 400, 320, null);
    }

    static XYChart activationChart(Curve curve, double xMin, double xMax, boolean withDerivative) {
        double[] x = new double[SAMPLES];
        double[] f = new double[SAMPLES];
        double[] d = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            x[i] = xMin + (xMax - xMin) * i / (SAMPLES - 1);
            f[i] = curve.function().applyAsDouble(x[i]);
            if (!Double.isFinite(f[i])) {
                throw new IllegalArgumentException("curve \"" + curve.name() + "\" gives f(" + x[i] + ") = " + f[i]
                        + "; an activation function must be finite on the plotted range: narrow xMin..xMax");
            }
            double di = curve.derivative().applyAsDouble(x[i]);
            d[i] = Double.isFinite(di) ? di : Double.NaN;
        }
        XYChart chart = Style.chart(curve.name(), "net input x", withDerivative ? "f(x), f′(x)" : "f(x)");
        Style.line(chart, "f(x)", x, f, Style.BLUE, Style.LINE);
        double[] range = Check.minMax(f);
        if (withDerivative) {
            double[][] segments = splitAtJumps(x, d);
            Style.line(chart, "f′(x)", segments[0], segments[1], Style.DERIVATIVE, Style.LINE);
            for (double v : d) {
                if (Double.isFinite(v)) {
                    range[0] = Math.min(range[0], v);
                    range[1] = Math.max(range[1], v);
                }
            }
        }
        double pad = 0.05 * Math.max(range[1] - range[0], 1e-9);
        chart.getStyler().setYAxisMin(range[0] - pad);
        chart.getStyler().setYAxisMax(range[1] + pad);
        chart.getStyler().setXAxisMin(xMin);
        chart.getStyler().setXAxisMax(xMax);
        Style.finish(chart);
        return chart;
    }

    /**
     * Inserts a NaN (a gap in the line) where the derivative is undefined or jumps, so a step's
     * derivative is drawn as two flat pieces rather than a misleading vertical line.
     */
    static double[][] splitAtJumps(double[] x, double[] y) {
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double v : y) {
            if (Double.isFinite(v)) {
                range[0] = Math.min(range[0], v);
                range[1] = Math.max(range[1], v);
            }
        }
        double span = Math.max(range[1] - range[0], 1e-12);
        double[] ox = new double[2 * x.length];
        double[] oy = new double[2 * x.length];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (i > 0 && Double.isFinite(y[i]) && Double.isFinite(y[i - 1]) && Math.abs(y[i] - y[i - 1]) > 0.25 * span) {
                ox[k] = 0.5 * (x[i] + x[i - 1]);
                oy[k++] = Double.NaN;
            }
            ox[k] = x[i];
            oy[k++] = y[i];
        }
        return new double[][] {Arrays.copyOf(ox, k), Arrays.copyOf(oy, k)};
    }

    /**
     * f–I curves: firing rate (Hz) against injected current, one per entry of {@code ratesHz}, all
     * on the current grid {@code currents} (in {@code currentUnit}, e.g. {@code "µA/cm²"} or {@code "nA"}).
     */
    public static Figure fI(double[] currents, String currentUnit, List<String> labels, double[]... ratesHz) {
        return Figure.of(fIChart(currents, currentUnit, labels, ratesHz));
    }

    /**
     * f–I curves from a table: {@code currentColumn} (e.g. {@code "I [nA]"}) against each of
     * {@code rateColumns} (e.g. {@code "rate [Hz]"}); with no rate columns given, every other numeric column.
     */
    public static Figure fI(Table table, String currentColumn, String... rateColumns) {
        double[] currents = Check.column("currentColumn", table, currentColumn);
        String[] cols = rateColumns;
        if (cols == null || cols.length == 0) {
            List<String> others = new ArrayList<>(Check.numericNames(table));
            others.remove(currentColumn);
            if (others.isEmpty()) {
                throw new IllegalArgumentException("table \"" + table.name() + "\" has no numeric column besides " + currentColumn
                        + "; add a rate column, e.g. \"rate [Hz]\"");
            }
            cols = others.toArray(new String[0]);
        }
        double[][] rates = new double[cols.length][];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < cols.length; i++) {
            rates[i] = Check.column("rateColumns", table, cols[i]);
            labels.add(Traces.stripUnit(cols[i]));
        }
        return fI(currents, Traces.unitOf(currentColumn), labels, rates);
    }

    /**
     * f–I curves measured by the analysis room, overlaid (each on its own current grid), labelled
     * with {@code labels} or, when null, the models' names. All must share one input unit.
     */
    public static Figure fI(List<String> labels, List<FiCurve> curves) {
        Check.notNull("curves", curves, "pass f–I curves, e.g. Analysis.fI(Neurons.lif(), 0, 4, 21)");
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("curves is empty; pass at least one f–I curve");
        }
        if (labels != null && labels.size() != curves.size()) {
            throw new IllegalArgumentException("labels has " + labels.size() + " entries but curves has " + curves.size()
                    + "; pass one label per curve (or none to use the model names)");
        }
        if (labels != null) {
            Check.labelElements("labels", labels, "curve");
        }
        String unit = null;
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            FiCurve c = Check.notNull("curves[" + i + "]", curves.get(i), "pass an f–I curve");
            if (unit == null) {
                unit = c.inputUnit();
            } else if (!unit.equals(c.inputUnit())) {
                throw new IllegalArgumentException("curves[" + i + "] (" + c.model().name() + ") has input in " + c.inputUnit()
                        + " but curves[0] in " + unit + "; plot curves with different input units in separate panels,"
                        + " e.g. Plots.row(Plots.fI(a), Plots.fI(b))");
            }
            xs.add(c.currents());
            ys.add(c.ratesHz());
            String name = labels != null ? labels.get(i) : c.model().name();
            names.add(names.contains(name) ? name + " (" + (i + 1) + ")" : name);
        }
        XYChart chart = Style.chart("f–I curve" + (curves.size() > 1 ? "s" : ""), Style.axisTitle("I", unit), "rate [Hz]");
        for (int i = 0; i < xs.size(); i++) {
            addRates(chart, "curves[" + i + "]", xs.get(i), ys.get(i), names.get(i), i);
        }
        int most = 0;
        for (double[] x : xs) {
            most = Math.max(most, x.length);
        }
        chart.getStyler().setMarkerSize(most > 60 ? 0 : 5);
        chart.getStyler().setYAxisMin(0.0);
        Style.finish(chart);
        return Figure.of(chart);
    }

    private static void addRates(XYChart chart, String name, double[] currents, double[] rates, String label, int i) {
        Check.series(name + " currents", currents);
        Check.series(name + " rates", rates);
        Check.sameLength(name + " currents", currents, name + " rates", rates);
        for (int j = 0; j < rates.length; j++) {
            if (rates[j] < 0) {
                throw new IllegalArgumentException(name + "[" + j + "] = " + rates[j] + " Hz is negative; a firing rate is ≥ 0");
            }
        }
        XYSeries s = Style.line(chart, label, currents, rates, Style.cycle(i), Style.LINE);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(Style.cycle(i));
    }

    static XYChart fIChart(double[] currents, String currentUnit, List<String> labels, double[]... ratesHz) {
        Check.series("currents", currents);
        Check.notNull("currentUnit", currentUnit, "give the unit of the currents, e.g. \"nA\" or \"µA/cm²\"");
        if (ratesHz == null || ratesHz.length == 0) {
            throw new IllegalArgumentException("ratesHz " + (ratesHz == null ? "= null" : "is empty")
                    + "; pass at least one array of rates in Hz");
        }
        Check.notNull("labels", labels, "pass one label per f–I curve, e.g. List.of(\"HH\", \"LIF\")");
        if (labels.size() != ratesHz.length) {
            throw new IllegalArgumentException("labels has " + labels.size() + " entries but ratesHz has " + ratesHz.length
                    + "; pass one label per f–I curve");
        }
        Check.labelElements("labels", labels, "f–I curve");
        XYChart chart = Style.chart("f–I curve" + (ratesHz.length > 1 ? "s" : ""), Style.axisTitle("I", currentUnit), "rate [Hz]");
        for (int i = 0; i < ratesHz.length; i++) {
            String name = "ratesHz[" + i + "]";
            Check.series(name, ratesHz[i]);
            Check.sameLength("currents", currents, name, ratesHz[i]);
            for (int j = 0; j < ratesHz[i].length; j++) {
                if (ratesHz[i][j] < 0) {
                    throw new IllegalArgumentException(name + "[" + j + "] = " + ratesHz[i][j] + " Hz is negative; a firing rate is ≥ 0");
                }
            }
            XYSeries s = Style.line(chart, labels.get(i), currents, ratesHz[i], Style.cycle(i), Style.LINE);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Style.cycle(i));
        }
        chart.getStyler().setMarkerSize(currents.length > 60 ? 0 : 5);
        chart.getStyler().setYAxisMin(0.0);
        Style.finish(chart);
        return chart;
    }

    /**
     * f–I curves beside activation functions on matching axes: the right panel draws each
     * activation function over the same current range and rate range as the f–I panel, with its
     * input 0 placed at the rheobase (the smallest current that fires) and scaled so that it
     * reaches the highest measured rate at the highest current. The shapes then compare directly:
     * a jump from 0 (type II, Hodgkin–Huxley) against a ReLU's kink or a sigmoid's smooth rise.
     *
     * @param activationSpan how many units of net input x the range rheobase..maximum current spans, e.g. 4
     */
    public static Figure fIBeside(double[] currents, String currentUnit, List<String> labels, double[][] ratesHz,
                                  double activationSpan, List<Curve> activations) {
        XYChart fi = fIChart(currents, currentUnit, labels, ratesHz);
        Check.notNull("activations", activations, "pass activation curves, e.g. List.of(relu, sigmoid)");
        if (activations.isEmpty()) {
            throw new IllegalArgumentException("activations is empty; pass at least one activation curve");
        }
        for (int k = 0; k < activations.size(); k++) {
            Check.notNull("activations[" + k + "]", activations.get(k), "pass a curve");
        }
        Check.positive("activationSpan", activationSpan, "e.g. 4 (net input units between rheobase and the largest current)");
        double iMin = Check.minMax(currents)[0];
        double iMax = Check.minMax(currents)[1];
        if (!(iMax > iMin)) {
            throw new IllegalArgumentException("currents span no range (all " + iMin + "); pass at least two different currents");
        }
        double rMax = 0;
        double rheobase = iMax;
        for (double[] rates : ratesHz) {
            for (int j = 0; j < rates.length; j++) {
                rMax = Math.max(rMax, rates[j]);
                if (rates[j] > 0) {
                    rheobase = Math.min(rheobase, currents[j]);
                }
            }
        }
        if (rMax <= 0) {
            throw new IllegalArgumentException("ratesHz are all 0: no current fired the neuron; raise the currents so the curve rises");
        }
        if (rheobase >= iMax) {
            rheobase = iMin;
        }
        double scaleX = activationSpan / (iMax - rheobase);
        XYChart act = Style.chart("activation functions, same axes", Style.axisTitle("I", currentUnit), "rate [Hz]");
        int n = SAMPLES;
        for (int k = 0; k < activations.size(); k++) {
            Curve c = Check.notNull("activations[" + k + "]", activations.get(k), "pass a curve");
            double top = c.function().applyAsDouble(activationSpan);
            double bottom = c.function().applyAsDouble(scaleX * (iMin - rheobase));
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = iMin + (iMax - iMin) * i / (n - 1);
                double f = c.function().applyAsDouble(scaleX * (x[i] - rheobase));
                // Map [f at the lowest current, f at the highest] onto [0, the highest rate].
                y[i] = top > bottom ? rMax * (f - bottom) / (top - bottom) : 0;
            }
            Check.series("activation \"" + c.name() + "\"", y);
            Style.line(act, c.name(), x, y, Style.cycle(k + ratesHz.length), Style.LINE);
        }
        for (XYChart c : List.of(fi, act)) {
            c.getStyler().setXAxisMin(iMin);
            c.getStyler().setXAxisMax(iMax);
            c.getStyler().setYAxisMin(0.0);
            c.getStyler().setYAxisMax(rMax * 1.08);
            Style.finish(c);
        }
        return Figure.gridOf(2, List.of(fi, act), 500, 400, null);
    }
}
