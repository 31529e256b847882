package dev.soma.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Soma's house style, in one place: the colour-blind-safe Okabe–Ito palette with fixed colours for
 * fixed meanings, the fonts, the strokes and the chart decorations every figure uses.
 *
 * <p>Fixed meanings (sodium and excitation warm, potassium and inhibition cool):
 * <table>
 *   <caption>Colour by meaning</caption>
 *   <tr><th>meaning</th><th>colour</th><th>hex</th></tr>
 *   <tr><td>membrane potential V</td><td>black</td><td>#000000</td></tr>
 *   <tr><td>m (Na activation), I_Na, excitatory</td><td>vermillion</td><td>#D55E00</td></tr>
 *   <tr><td>h (Na inactivation: it closes the channel)</td><td>bluish green</td><td>#009E73</td></tr>
 *   <tr><td>n (K activation), I_K, inhibitory</td><td>blue</td><td>#0072B2</td></tr>
 *   <tr><td>I_L (leak)</td><td>grey</td><td>#7F7F7F</td></tr>
 *   <tr><td>injected input</td><td>reddish purple</td><td>#CC79A7</td></tr>
 *   <tr><td>activation function f</td><td>blue</td><td>#0072B2</td></tr>
 *   <tr><td>its derivative f′</td><td>orange</td><td>#E69F00</td></tr>
 *   <tr><td>threshold, nullcline of the slow variable</td><td>grey dashed</td><td>#7F7F7F</td></tr>
 * </table>
 * Series without a fixed meaning take {@link #cycle(int)}: blue, vermillion, bluish green, orange,
 * reddish purple, sky blue, black, yellow.
 *
 * <p>Sizes are in pixels at 96 dpi, chosen for figures 800–1000 px wide in a notebook.
 */
public final class Style {
    private Style() {}

    /** Okabe–Ito black: the membrane potential V. */
    public static final Color BLACK = new Color(0x000000);
    /** Okabe–Ito orange: derivatives. */
    public static final Color ORANGE = new Color(0xE69F00);
    /** Okabe–Ito sky blue. */
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    /** Okabe–Ito bluish green: h, the sodium inactivation gate. */
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    /** Okabe–Ito yellow (weak on white: last in the cycle). */
    public static final Color YELLOW = new Color(0xF0E442);
    /** Okabe–Ito blue: n, I_K, inhibitory. */
    public static final Color BLUE = new Color(0x0072B2);
    /** Okabe–Ito vermillion: m, I_Na, excitatory. */
    public static final Color VERMILLION = new Color(0xD55E00);
    /** Okabe–Ito reddish purple: injected input. */
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    /** Neutral grey: leak current, threshold and reference lines. */
    public static final Color GREY = new Color(0x7F7F7F);

    /** Colour of the membrane potential. */
    public static final Color V = BLACK;
    /** Colour of the sodium activation gate m. */
    public static final Color M = VERMILLION;
    /**
     * Colour of the sodium inactivation gate h: bluish green, not a second warm colour, so that it
     * stands apart from m (vermillion) at a glance, in print and for colour-blind readers.
     */
    public static final Color H = BLUISH_GREEN;
    /** Colour of the potassium activation gate n. */
    public static final Color N = BLUE;
    /** Colour of the sodium current. */
    public static final Color I_NA = VERMILLION;
    /** Colour of the potassium current. */
    public static final Color I_K = BLUE;
    /** Colour of the leak current. */
    public static final Color I_L = GREY;
    /** Colour of excitatory neurons, synapses and spikes. */
    public static final Color EXCITATORY = VERMILLION;
    /** Colour of inhibitory neurons, synapses and spikes. */
    public static final Color INHIBITORY = BLUE;
    /** Colour of an injected input current. */
    public static final Color INPUT = REDDISH_PURPLE;
    /** Colour of a derivative drawn next to its function. */
    public static final Color DERIVATIVE = ORANGE;
    /** Colour of thresholds and reference lines. */
    public static final Color REFERENCE = GREY;

    private static final Color[] CYCLE = {BLUE, VERMILLION, BLUISH_GREEN, ORANGE, REDDISH_PURPLE, SKY_BLUE, BLACK, YELLOW};

    /** Default figure width in px (one panel). */
    public static final int WIDTH = 800;
    /** Default figure height in px (one panel). */
    public static final int HEIGHT = 420;
    /** The widest a composed figure gets, in px, so it fits a notebook without scaling. */
    public static final int MAX_WIDTH = 1000;

    // The logical "SansSerif" font resolves through fontconfig (DejaVu Sans on Linux) without the
    // full font scan that asking for a physical family name may cause.
    static final String FAMILY = Font.SANS_SERIF;
    static final Font TICK_FONT = new Font(FAMILY, Font.PLAIN, 13);
    static final Font AXIS_FONT = new Font(FAMILY, Font.PLAIN, 14);
    static final Font TITLE_FONT = new Font(FAMILY, Font.BOLD, 15);
    static final Font LEGEND_FONT = new Font(FAMILY, Font.PLAIN, 13);
    static final Font SUPTITLE_FONT = new Font(FAMILY, Font.BOLD, 17);

    static final Color GRID = new Color(0xE6E6E6);
    static final Color AXIS = new Color(0x444444);
    static final Color TEXT = new Color(0x222222);

    /** Name of the hidden series that keeps x ticks on round numbers (see {@link #finish}). */
    static final String OFF_GRID = "\u200b";

    /** The line stroke of a data trace. */
    static final BasicStroke LINE = new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    /** A thinner line, for many overlaid or dense traces. */
    static final BasicStroke THIN = new BasicStroke(1.1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    /** The dashed stroke of thresholds and reference lines. */
    static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    /** The {@code i}-th colour (from 0) of the cycle for series without a fixed meaning. */
    public static Color cycle(int i) {
        return CYCLE[Math.floorMod(i, CYCLE.length)];
    }

    /**
     * The fixed colour of a named quantity (V, m, h, n, I_Na, I_K, I_L, excitatory, inhibitory,
     * input), or null if the name has no fixed colour. Case-sensitive for the gates, so that
     * "n" (a gate) is not confused with "N".
     */
    public static Color forMeaning(String name) {
        if (name == null) {
            return null;
        }
        String key = name.strip();
        int bracket = key.indexOf(" [");
        if (bracket > 0) {
            key = key.substring(0, bracket);
        }
        switch (key) {
            case "V": case "v": case "V_m": case "Vm": return V;
            case "m": return M;
            case "h": return H;
            case "n": return N;
            case "I_Na": case "INa": case "I_na": return I_NA;
            case "I_K": case "IK": case "I_k": return I_K;
            case "I_L": case "IL": case "I_leak": case "I_l": return I_L;
            default: break;
        }
        switch (key.toLowerCase(Locale.ROOT)) {
            case "excitatory": case "exc": return EXCITATORY;
            case "inhibitory": case "inh": return INHIBITORY;
            case "input": case "i_inj": case "i_ext": case "stimulus": return INPUT;
            default: return null;
        }
    }

    /** A new line chart in house style, with axis titles (units in brackets) and a panel title. */
    static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title == null ? "" : title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        apply(chart.getStyler(), title != null && !title.isEmpty());
        return chart;
    }

    static void apply(XYStyler s, boolean titled) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesVisible(true);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setPlotTicksMarksVisible(false);
        s.setAxisTicksLineVisible(true);
        s.setAxisTickMarksColor(AXIS);
        s.setAxisTickLabelsColor(TEXT);
        s.setChartFontColor(TEXT);
        s.setAxisTickLabelsFont(TICK_FONT);
        s.setAxisTitleFont(AXIS_FONT);
        s.setChartTitleFont(TITLE_FONT);
        s.setChartTitleVisible(titled);
        s.setChartTitleBoxVisible(false);
        s.setChartTitlePadding(6);
        s.setLegendFont(LEGEND_FONT);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendPadding(10);
        s.setLegendSeriesLineLength(22);
        s.setChartPadding(10);
        s.setPlotMargin(4);
        s.setPlotContentSize(0.96);
        s.setAxisTitlePadding(8);
        s.setAxisTickPadding(5);
        s.setAxisTickMarkLength(4);
        s.setMarkerSize(6);
        s.setAntiAlias(true);
        s.setTextAntiAlias(true);
        s.setLocale(Locale.ROOT);
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setSeriesColors(CYCLE);
        s.setSeriesMarkers(new org.knowm.xchart.style.markers.Marker[] {SeriesMarkers.NONE});
        s.setLegendVisible(false);
    }

    /**
     * Last touches before a chart is drawn: the legend shows exactly when more than one series asks
     * for it, and x ticks fall on round numbers. (XChart 4 puts x ticks on the data's own x values
     * when those are equally spaced, giving ticks such as -4.3, -3.6; one disabled, never-drawn
     * point off that grid makes it choose round steps again.)
     */
    static void finish(XYChart chart) {
        if (!Traces.hasSeries(chart, OFF_GRID)) {
            XYSeries s = chart.addSeries(OFF_GRID, new double[] {Double.NaN}, new double[] {Double.NaN});
            s.setShowInLegend(false);
            s.setEnabled(false);
        }
        long shown = chart.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).count();
        chart.getStyler().setLegendVisible(shown > 1);
    }

    /** Adds a line series in the given colour and stroke, without markers. */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke) {
        double[][] xy = decimate(x, y, DECIMATE_BUCKETS);
        XYSeries series = chart.addSeries(name, xy[0], xy[1]);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(stroke);
        return series;
    }

    /** Traces longer than this many buckets × 4 samples are decimated before drawing. */
    static final int DECIMATE_BUCKETS = 600;

    /**
     * Reduces a long trace to at most 4 points per bucket (first, min, max, last of each run of
     * samples), which draws the same picture at figure resolution (every spike peak and trough
     * survives) but anti-aliased Java2D paths are slow at tens of thousands of points. {@code x}
     * must be non-decreasing; shorter traces are returned as they are.
     */
    static double[][] decimate(double[] x, double[] y, int buckets) {
        int n = x.length;
        if (n <= 4 * buckets) {
            return new double[][] {x, y};
        }
        for (int i = 1; i < n; i++) {
            if (x[i] < x[i - 1]) {
                return stride(x, y, 4 * buckets);
            }
        }
        double[] ox = new double[4 * buckets + 4];
        double[] oy = new double[ox.length];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) n * b / buckets);
            int to = (int) ((long) n * (b + 1) / buckets);
            if (to <= from) {
                continue;
            }
            int iMin = from;
            int iMax = from;
            for (int i = from + 1; i < to; i++) {
                if (y[i] < y[iMin]) {
                    iMin = i;
                }
                if (y[i] > y[iMax]) {
                    iMax = i;
                }
            }
            int last = to - 1;
            int lo = Math.min(iMin, iMax);
            int hi = Math.max(iMin, iMax);
            int[] picks = {from, lo, hi, last};
            int prev = -1;
            for (int i : picks) {
                if (i != prev) {
                    ox[k] = x[i];
                    oy[k] = y[i];
                    k++;
                    prev = i;
                }
            }
        }
        return new double[][] {java.util.Arrays.copyOf(ox, k), java.util.Arrays.copyOf(oy, k)};
    }

    /** Every k-th point (and the last): for curves such as phase-plane trajectories, whose x goes back and forth. */
    static double[][] stride(double[] x, double[] y, int max) {
        int step = (x.length + max - 1) / max;
        int m = (x.length - 1) / step + 1;
        double[] ox = new double[m + 1];
        double[] oy = new double[m + 1];
        int k = 0;
        for (int i = 0; i < x.length; i += step) {
            ox[k] = x[i];
            oy[k++] = y[i];
        }
        if ((x.length - 1) % step != 0) {
            ox[k] = x[x.length - 1];
            oy[k++] = y[x.length - 1];
        }
        return new double[][] {java.util.Arrays.copyOf(ox, k), java.util.Arrays.copyOf(oy, k)};
    }

    /** "name [unit]", or just the name if the unit is empty or dimensionless and shown as 1. */
    static String axisTitle(String name, String unit) {
        if (unit == null || unit.isEmpty()) {
            return name;
        }
        return name + " [" + unit + "]";
    }
}
