package dev.soma.plot;

import dev.soma.model.LeakyIntegrateAndFire;
import dev.soma.model.NeuronModel;
import dev.soma.sim.SimulationResult;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Figures of recorded traces against time: the membrane potential with its threshold and spikes,
 * any recorded variables, several runs overlaid, and the classic three-panel Hodgkin–Huxley figure.
 * Time is in ms, voltage in mV; other variables carry the unit their model declares.
 */
public final class Traces {
    private Traces() {}

    static final String TIME = "t [ms]";

    /**
     * The membrane potential of a run, with the model's spike level as a dashed line and a marker
     * above each spike. The line says what the level is: a "threshold" only where the model imposes
     * one (the leaky integrate-and-fire); a "spike cut-off" where the model makes its own upstroke
     * and is reset at a peak (exponential, adaptive exponential, quadratic IF, Izhikevich); a
     * "spike detection" level where the membrane makes the whole action potential and the level
     * only counts it (Hodgkin–Huxley, Morris–Lecar, FitzHugh–Nagumo).
     */
    public static Figure voltage(SimulationResult run) {
        Check.notNull("run", run, "pass the result of Simulation.of(model)...run(durationMs)");
        String v = voltageName(run);
        double threshold = run.model().spikeRule().thresholdMv();
        double[] t = run.time();
        double[] values = run.values(v);
        if (run.model().spikeRule().resets()) {
            // An integrate-and-fire spike reaches threshold and is reset inside one step, between two
            // samples: draw it as the stroke up to threshold at the spike time, so every spike shows
            // at full height instead of at whatever the nearest sample caught.
            double[][] drawn = withSpikeStrokes(t, values, run.spikeTimes(), threshold);
            t = drawn[0];
            values = drawn[1];
        }
        return voltage(t, values, run.spikeTimes(), threshold, run.model().name(), levelName(run.model()));
    }

    /** What the dashed line of {@link #voltage(SimulationResult)} is, for a model. */
    static String levelName(NeuronModel model) {
        if (!model.spikeRule().resets()) {
            return "spike detection";
        }
        return model instanceof LeakyIntegrateAndFire ? "threshold" : "spike cut-off";
    }

    /** The samples with a point (spike time, threshold) inserted in time order for each spike. */
    static double[][] withSpikeStrokes(double[] t, double[] v, double[] spikes, double threshold) {
        int n = t.length;
        double[] tt = new double[n + spikes.length];
        double[] vv = new double[n + spikes.length];
        int i = 0;
        int k = 0;
        int out = 0;
        while (i < n || k < spikes.length) {
            if (k < spikes.length && (i == n || spikes[k] < t[i])) {
                tt[out] = spikes[k++];
                vv[out++] = threshold;
            } else {
                tt[out] = t[i];
                vv[out++] = v[i++];
            }
        }
        return new double[][] {tt, vv};
    }

    /**
     * The membrane potential from a table with columns {@code t [ms]} and {@code V [mV]} (as
     * {@code run.table()} makes), with spikes found as upward crossings of {@code thresholdMv}.
     */
    public static Figure voltage(Table table, double thresholdMv) {
        double[] t = Check.column("time column", table, TIME);
        double[] v = Check.column("voltage column", table, "V [mV]");
        Check.finite("thresholdMv", thresholdMv, "give the spike threshold in mV, e.g. -50");
        return voltage(t, v, crossings(t, v, thresholdMv), thresholdMv, table.name());
    }

    /**
     * The membrane potential {@code vMv} against {@code tMs}, a dashed line at {@code thresholdMv}
     * (NaN for none) and a marker above each of {@code spikeTimesMs}.
     *
     * @param title the panel title, or null for none
     */
    public static Figure voltage(double[] tMs, double[] vMv, double[] spikeTimesMs, double thresholdMv, String title) {
        return voltage(tMs, vMv, spikeTimesMs, thresholdMv, title, "threshold");
    }

    static Figure voltage(double[] tMs, double[] vMv, double[] spikeTimesMs, double thresholdMv, String title, String levelName) {
        Check.series("tMs", tMs);
        Check.series("vMv", vMv);
        Check.sameLength("tMs", tMs, "vMv", vMv);
        Check.spikeTimes("spikeTimesMs", spikeTimesMs);
        if (Double.isInfinite(thresholdMv)) {
            throw new IllegalArgumentException("thresholdMv = " + thresholdMv + " is infinite; give the threshold in mV or NaN for no line");
        }
        XYChart chart = Style.chart(title, TIME, "V [mV]");
        Style.line(chart, "V", tMs, vMv, Style.V, Style.LINE);
        double[] range = Check.minMax(vMv);
        if (!Double.isNaN(thresholdMv)) {
            XYSeries th = Style.line(chart, String.format(Locale.ROOT, "%s %s mV", levelName, Figure.fmt(thresholdMv)),
                    new double[] {tMs[0], tMs[tMs.length - 1]}, new double[] {thresholdMv, thresholdMv}, Style.REFERENCE, Style.DASHED);
            th.setShowInLegend(true);
            range[0] = Math.min(range[0], thresholdMv);
            range[1] = Math.max(range[1], thresholdMv);
        }
        if (spikeTimesMs.length > 0) {
            double top = range[1] + 0.06 * Math.max(range[1] - range[0], 1.0);
            double[] ys = new double[spikeTimesMs.length];
            java.util.Arrays.fill(ys, top);
            XYSeries spikes = chart.addSeries(spikeTimesMs.length == 1 ? "1 spike" : spikeTimesMs.length + " spikes", spikeTimesMs.clone(), ys);
            spikes.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            spikes.setMarker(SeriesMarkers.TRIANGLE_DOWN);
            spikes.setMarkerColor(Style.VERMILLION);
        }
        chart.getStyler().setXAxisMin(tMs[0]);
        chart.getStyler().setXAxisMax(tMs[tMs.length - 1]);
        Style.finish(chart);
        return Figure.of(chart);
    }

    /** Recorded variables of a run against time, in one panel (they should share a unit). */
    public static Figure trace(SimulationResult run, String... variables) {
        Check.notNull("run", run, "pass the result of Simulation.of(model)...run(durationMs)");
        String[] vars = variables == null || variables.length == 0 ? new String[] {voltageName(run)} : Check.names("variables", variables);
        double[] t = run.time();
        List<String> labels = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        String unit = null;
        for (String v : vars) {
            ys.add(run.values(v));
            labels.add(v);
            String u = run.unitOf(v);
            if (unit == null) {
                unit = u;
            } else if (!unit.equals(u)) {
                throw new IllegalArgumentException("variables = " + java.util.Arrays.toString(vars) + " mix units " + unit + " and " + u
                        + "; plot them in separate panels, e.g. Plots.column(Plots.trace(run, \"V\"), Plots.trace(run, \"m\", \"h\", \"n\"))");
            }
        }
        String yTitle = vars.length == 1 ? Style.axisTitle(vars[0], unit) : Style.axisTitle(String.join(", ", vars), unit);
        return lines(run.model().name(), t, TIME, yTitle, labels, ys, true);
    }

    /**
     * Several columns of a table against one column, in one panel, e.g.
     * {@code table(run.table(), "t [ms]", "m [1]", "h [1]", "n [1]")}. Column names are the axis titles.
     */
    public static Figure table(Table table, String xColumn, String... yColumns) {
        double[] x = Check.column("xColumn", table, xColumn);
        Check.names("yColumns", yColumns);
        List<String> labels = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (String c : yColumns) {
            ys.add(Check.column("yColumns", table, c));
            labels.add(stripUnit(c));
        }
        String yTitle = yColumns.length == 1 ? yColumns[0] : commonTitle(yColumns);
        return lines(table.name(), x, xColumn, yTitle, labels, ys, true);
    }

    /**
     * One variable of several runs overlaid, e.g. sub- and supra-threshold pulses:
     * {@code overlay("V", List.of("2 µA/cm²", "8 µA/cm²"), weak, strong)}.
     */
    public static Figure overlay(String variable, List<String> labels, SimulationResult... runs) {
        Check.notNull("variable", variable, "name the recorded variable to overlay, e.g. \"V\"");
        if (runs == null || runs.length == 0) {
            throw new IllegalArgumentException("runs " + (runs == null ? "= null" : "is empty") + "; pass at least one simulation result");
        }
        Check.notNull("labels", labels, "pass one label per run, e.g. List.of(\"weak\", \"strong\")");
        if (labels.size() != runs.length) {
            throw new IllegalArgumentException("labels has " + labels.size() + " entries but runs has " + runs.length
                    + "; pass one label per run");
        }
        Check.labelElements("labels", labels, "run");
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        String unit = null;
        for (int i = 0; i < runs.length; i++) {
            Check.notNull("runs[" + i + "]", runs[i], "pass a simulation result");
            xs.add(runs[i].time());
            ys.add(runs[i].values(variable));
            unit = runs[i].unitOf(variable);
        }
        return overlay(xs, TIME, Style.axisTitle(variable, unit), labels, ys, null);
    }

    /** One variable of several runs overlaid, labelled "run 1", "run 2", .... */
    public static Figure overlay(String variable, SimulationResult... runs) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; runs != null && i < runs.length; i++) {
            labels.add("run " + (i + 1));
        }
        return overlay(variable, labels, runs);
    }

    /**
     * Several traces on one time grid overlaid: {@code ys[i]} against {@code tMs}, labelled
     * {@code labels.get(i)}, with {@code yTitle} (name and unit, e.g. {@code "V [mV]"}) on the y axis.
     */
    public static Figure overlay(double[] tMs, String yTitle, List<String> labels, double[]... ys) {
        Check.series("tMs", tMs);
        Check.notNull("yTitle", yTitle, "give the y axis title with its unit, e.g. \"V [mV]\"");
        if (ys == null || ys.length == 0) {
            throw new IllegalArgumentException("ys " + (ys == null ? "= null" : "is empty") + "; pass at least one trace");
        }
        Check.notNull("labels", labels, "pass one label per trace");
        if (labels.size() != ys.length) {
            throw new IllegalArgumentException("labels has " + labels.size() + " entries but ys has " + ys.length + "; pass one label per trace");
        }
        Check.labelElements("labels", labels, "trace");
        for (int i = 0; i < ys.length; i++) {
            Check.notNull("ys[" + i + "]", ys[i], "pass an array of values, one per time in tMs");
        }
        List<double[]> xs = new ArrayList<>();
        for (int i = 0; i < ys.length; i++) {
            xs.add(tMs);
        }
        return overlay(xs, TIME, yTitle, labels, List.of(ys), null);
    }

    static Figure overlay(List<double[]> xs, String xTitle, String yTitle, List<String> labels, List<double[]> ys, String title) {
        XYChart chart = Style.chart(title, xTitle, yTitle);
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ys.size(); i++) {
            String name = "ys[" + i + "]";
            Check.series(i == 0 && xs.size() == 1 ? "x" : "x of " + name, xs.get(i));
            Check.series(name, ys.get(i));
            Check.sameLength("time of " + name, xs.get(i), name, ys.get(i));
            Style.line(chart, unique(chart, labels.get(i)), xs.get(i), ys.get(i), Style.cycle(i), ys.size() > 4 ? Style.THIN : Style.LINE);
            xmin = Math.min(xmin, xs.get(i)[0]);
            xmax = Math.max(xmax, xs.get(i)[xs.get(i).length - 1]);
        }
        if (xmax > xmin) {
            chart.getStyler().setXAxisMin(xmin);
            chart.getStyler().setXAxisMax(xmax);
        }
        Style.finish(chart);
        return Figure.of(chart);
    }

    static Figure lines(String title, double[] x, String xTitle, String yTitle, List<String> labels, List<double[]> ys, boolean meaningColours) {
        Check.series("x", x);
        XYChart chart = Style.chart(title, xTitle, yTitle);
        for (int i = 0; i < ys.size(); i++) {
            Check.series(labels.get(i), ys.get(i));
            Check.sameLength("x", x, labels.get(i), ys.get(i));
            Color c = meaningColours ? Style.forMeaning(labels.get(i)) : null;
            Style.line(chart, unique(chart, labels.get(i)), x, ys.get(i), c != null ? c : Style.cycle(i), Style.LINE);
        }
        chart.getStyler().setXAxisMin(x[0]);
        chart.getStyler().setXAxisMax(x[x.length - 1]);
        Style.finish(chart);
        return Figure.of(chart);
    }

    /**
     * Curves y(x) on a shared x grid, labelled, for anything that is not a time course (gate
     * curves against V, input–output curves): {@code ys[i]} against {@code x}.
     */
    public static Figure lines(String xTitle, double[] x, String yTitle, List<String> labels, double[]... ys) {
        Check.notNull("xTitle", xTitle, "give the x axis title with its unit, e.g. \"V [mV]\"");
        Check.notNull("yTitle", yTitle, "give the y axis title with its unit, e.g. \"rate [Hz]\"");
        if (ys == null || ys.length == 0) {
            throw new IllegalArgumentException("ys " + (ys == null ? "= null" : "is empty") + "; pass at least one curve");
        }
        Check.notNull("labels", labels, "pass one label per curve");
        if (labels.size() != ys.length) {
            throw new IllegalArgumentException("labels has " + labels.size() + " entries but ys has " + ys.length + "; pass one label per curve");
        }
        Check.labelElements("labels", labels, "curve");
        for (int i = 0; i < ys.length; i++) {
            Check.notNull("ys[" + i + "]", ys[i], "pass an array of values, one per x");
            Check.series("ys[" + i + "]", ys[i]);
        }
        // fixed meanings keep their colours (a curve labelled "m" is drawn like the gate m everywhere)
        return lines(null, x, xTitle, yTitle, labels, List.of(ys), true);
    }

    /**
     * The classic Hodgkin–Huxley figure: V on top; the gates m, h, n; the currents I_Na, I_K, I_L;
     * three panels sharing the time axis. The run must have recorded these variables.
     */
    public static Figure hodgkinHuxley(SimulationResult run) {
        Check.notNull("run", run, "pass the result of Simulation.of(Neurons.hodgkinHuxley())...run(durationMs)");
        List<String> recorded = List.of(run.variables());
        String[] gates = {"m", "h", "n"};
        String[] currents = findCurrents(recorded);
        List<String> missing = new ArrayList<>();
        for (String v : new String[] {"V", "m", "h", "n"}) {
            if (!recorded.contains(v)) {
                missing.add(v);
            }
        }
        if (currents == null) {
            missing.add("I_Na, I_K, I_L");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("run lacks " + missing + " (recorded: " + recorded
                    + "); record them with .record(\"V\", \"m\", \"h\", \"n\", \"I_Na\", \"I_K\", \"I_L\")");
        }
        double[] t = run.time();
        double[][] g = new double[3][];
        double[][] c = new double[3][];
        for (int i = 0; i < 3; i++) {
            g[i] = run.values(gates[i]);
            c[i] = run.values(currents[i]);
        }
        return hodgkinHuxley(t, run.values("V"), g, c, run.unitOf(currents[0]), run.model().name());
    }

    /**
     * The three-panel Hodgkin–Huxley figure from a table with columns {@code t [ms]}, {@code V [mV]},
     * {@code m [1]}, {@code h [1]}, {@code n [1]} and {@code I_Na}, {@code I_K}, {@code I_L} with a unit.
     */
    public static Figure hodgkinHuxley(Table table) {
        double[] t = Check.column("time column", table, TIME);
        double[] v = Check.column("voltage column", table, "V [mV]");
        double[][] g = new double[3][];
        String[] gates = {"m", "h", "n"};
        for (int i = 0; i < 3; i++) {
            g[i] = Check.column("gate column", table, findColumn(table, gates[i]));
        }
        String[] currents = {"I_Na", "I_K", "I_L"};
        double[][] c = new double[3][];
        String unit = "";
        for (int i = 0; i < 3; i++) {
            String col = findColumn(table, currents[i]);
            c[i] = Check.column("current column", table, col);
            unit = unitOf(col);
        }
        return hodgkinHuxley(t, v, g, c, unit, table.name());
    }

    /**
     * The three-panel Hodgkin–Huxley figure from arrays: {@code gates} = {m, h, n},
     * {@code currents} = {I_Na, I_K, I_L} in {@code currentUnit}, all parallel to {@code tMs}.
     */
    public static Figure hodgkinHuxley(double[] tMs, double[] vMv, double[][] gates, double[][] currents, String currentUnit, String title) {
        Check.series("tMs", tMs);
        Check.series("vMv", vMv);
        Check.sameLength("tMs", tMs, "vMv", vMv);
        if (gates == null || gates.length != 3) {
            throw new IllegalArgumentException("gates has " + (gates == null ? "no" : gates.length) + " arrays; pass {m, h, n}");
        }
        if (currents == null || currents.length != 3) {
            throw new IllegalArgumentException("currents has " + (currents == null ? "no" : currents.length) + " arrays; pass {I_Na, I_K, I_L}");
        }
        String[] gateNames = {"m", "h", "n"};
        String[] currentNames = {"I_Na", "I_K", "I_L"};
        Color[] gateColours = {Style.M, Style.H, Style.N};
        Color[] currentColours = {Style.I_NA, Style.I_K, Style.I_L};
        XYChart vChart = Style.chart(title, TIME, "V [mV]");
        Style.line(vChart, "V", tMs, vMv, Style.V, Style.LINE);
        XYChart gChart = Style.chart(null, TIME, "gates [1]");
        XYChart iChart = Style.chart(null, TIME, Style.axisTitle("I", currentUnit));
        for (int i = 0; i < 3; i++) {
            Check.series(gateNames[i], gates[i]);
            Check.sameLength("tMs", tMs, gateNames[i], gates[i]);
            Style.line(gChart, gateNames[i], tMs, gates[i], gateColours[i], Style.LINE);
            Check.series(currentNames[i], currents[i]);
            Check.sameLength("tMs", tMs, currentNames[i], currents[i]);
            Style.line(iChart, currentNames[i], tMs, currents[i], currentColours[i], Style.LINE);
        }
        gChart.getStyler().setYAxisMin(0.0);
        gChart.getStyler().setYAxisMax(1.0);
        List<XYChart> charts = List.of(vChart, gChart, iChart);
        shareTimeAxis(charts, tMs[0], tMs[tMs.length - 1]);
        for (XYChart c : charts) {
            Style.finish(c);
        }
        return Figure.stacked(new ArrayList<Chart<?, ?>>(charts), new double[] {0.4, 0.3, 0.3}, Style.WIDTH, 760, null);
    }

    /** Same time range on every panel, time tick labels only on the bottom one, and aligned plot areas. */
    static void shareTimeAxis(List<XYChart> charts, double t0, double t1) {
        for (int i = 0; i < charts.size(); i++) {
            XYChart c = charts.get(i);
            c.getStyler().setXAxisMin(t0);
            c.getStyler().setXAxisMax(t1);
            c.getStyler().setYAxisLeftWidthHint(64);
            if (i < charts.size() - 1) {
                c.getStyler().setXAxisTitleVisible(false);
                c.getStyler().setXAxisTicksVisible(false);
            }
        }
    }

    static String voltageName(SimulationResult run) {
        // The model names its membrane potential (V in every model of the zoo; a user model may choose another name).
        String name = run.model().stateNames()[run.model().voltageIndex()];
        for (String v : run.variables()) {
            if (v.equals(name)) {
                return v;
            }
        }
        String[] vars = run.variables();
        throw new IllegalArgumentException("run has no recorded \"" + name + "\" (recorded: " + java.util.Arrays.toString(vars)
                + "); record it with .record(\"" + name + "\")");
    }

    private static String[] findCurrents(List<String> recorded) {
        String[][] options = {{"I_Na", "I_K", "I_L"}, {"INa", "IK", "IL"}, {"I_Na", "I_K", "I_leak"}};
        for (String[] o : options) {
            if (recorded.containsAll(List.of(o))) {
                return o;
            }
        }
        return null;
    }

    private static String findColumn(Table table, String variable) {
        for (String name : table.columnNames()) {
            if (name.equals(variable) || name.startsWith(variable + " [")) {
                return name;
            }
        }
        throw new IllegalArgumentException("table \"" + table.name() + "\" has no column for " + variable + " (columns: "
                + table.columnNames() + "); record it, e.g. .record(\"" + variable + "\")");
    }

    static String unitOf(String columnName) {
        int open = columnName.lastIndexOf(" [");
        if (open < 0 || !columnName.endsWith("]")) {
            return "";
        }
        return columnName.substring(open + 2, columnName.length() - 1);
    }

    static String stripUnit(String columnName) {
        int open = columnName.lastIndexOf(" [");
        return open > 0 && columnName.endsWith("]") ? columnName.substring(0, open) : columnName;
    }

    private static String commonTitle(String[] columns) {
        String unit = unitOf(columns[0]);
        List<String> names = new ArrayList<>();
        for (String c : columns) {
            names.add(stripUnit(c));
            if (!unitOf(c).equals(unit)) {
                unit = null;
            }
        }
        return unit == null ? String.join(", ", names) : Style.axisTitle(String.join(", ", names), unit);
    }

    static String unique(XYChart chart, String name) {
        String candidate = name;
        int k = 2;
        while (hasSeries(chart, candidate)) {
            candidate = name + " (" + k++ + ")";
        }
        return candidate;
    }

    static boolean hasSeries(XYChart chart, String name) {
        for (XYSeries s : chart.getSeriesCollection()) {
            if (s.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Upward crossings of {@code threshold}, linearly interpolated between samples, in the units of {@code t}. */
    static double[] crossings(double[] t, double[] v, double threshold) {
        int count = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i - 1] < threshold && v[i] >= threshold) {
                count++;
            }
        }
        double[] out = new double[count];
        int k = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i - 1] < threshold && v[i] >= threshold) {
                double f = (threshold - v[i - 1]) / (v[i] - v[i - 1]);
                out[k++] = t[i - 1] + f * (t[i] - t[i - 1]);
            }
        }
        return out;
    }
}
