package dev.soma.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Heat maps of a quantity over two parameters (a phase diagram from a sweep table): one cell per
 * (x, y) pair of the table, coloured on a sequential colour-blind-safe scale in eight steps
 * (viridis: dark blue for low, yellow for high) with the scale beside the panel; cells whose value is missing (NaN)
 * stay white. The axes are the distinct values of the two columns in increasing order, drawn as
 * equal cells.
 */
public final class HeatMap {
    private HeatMap() {}

    /** Colour steps of the scale. */
    static final int SPLITS = 8;

    /** Width of one heat-map panel in px: two side by side fill a notebook. */
    static final int WIDTH = 480;

    /** A decimal pattern with about three significant digits for the scale's end labels. */
    static String pattern(double min, double max) {
        double span = Math.max(Math.abs(min), Math.abs(max));
        if (span >= 100) return "#0";
        if (span >= 10) return "#0.#";
        if (span >= 1) return "#0.##";
        return "#0.###";
    }

    /** The viridis colour map at five stops (perceptually uniform, readable in grey and by colour-blind readers). */
    static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x3B528B), new Color(0x21918C), new Color(0x5EC962),
            new Color(0xFDE725)};

    /**
     * A heat map of column {@code value} of {@code table} over columns {@code x} and {@code y}
     * (units come from the column names); each (x, y) pair must occur at most once.
     */
    public static Figure of(Table table, String x, String y, String value) {
        Check.notNull("table", table, "pass a sweep table, e.g. spec.run()");
        NumericColumn<?> xs = numeric("x", table, x);
        NumericColumn<?> ys = numeric("y", table, y);
        NumericColumn<?> vs = numeric("value", table, value);
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("table \"" + table.name() + "\" has no rows; pass a table with at least one point");
        }
        TreeSet<Double> xValues = new TreeSet<>();
        TreeSet<Double> yValues = new TreeSet<>();
        for (int r = 0; r < table.rowCount(); r++) {
            xValues.add(finite(x, xs.getDouble(r), r));
            yValues.add(finite(y, ys.getDouble(r), r));
        }
        List<Double> xList = new ArrayList<>(xValues);
        List<Double> yList = new ArrayList<>(yValues);
        boolean[][] seen = new boolean[xList.size()][yList.size()];
        List<Number[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < table.rowCount(); r++) {
            int i = xList.indexOf(xs.getDouble(r));
            int j = yList.indexOf(ys.getDouble(r));
            if (seen[i][j]) {
                throw new IllegalArgumentException(x + " = " + xs.getDouble(r) + ", " + y + " = " + ys.getDouble(r)
                        + " occurs twice in the table; a heat map needs one row per pair (filter the table first)");
            }
            seen[i][j] = true;
            double v = vs.getDouble(r);
            if (Double.isFinite(v)) {
                cells.add(new Number[] {i, j, v});
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (cells.isEmpty()) {
            min = 0;
            max = 1;
        } else if (min == max) {
            max = min + 1;
        }
        HeatMapChart chart = new HeatMapChart(WIDTH, Style.HEIGHT, Styler.ChartTheme.XChart);
        chart.setTitle(value);
        chart.setXAxisTitle(x);
        chart.setYAxisTitle(y);
        HeatMapStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesVisible(false);
        s.setAxisTickLabelsColor(Style.TEXT);
        s.setChartFontColor(Style.TEXT);
        s.setAxisTickLabelsFont(Style.TICK_FONT);
        s.setAxisTitleFont(Style.AXIS_FONT);
        s.setChartTitleFont(Style.TITLE_FONT);
        s.setChartTitleVisible(true);
        s.setChartTitleBoxVisible(false);
        s.setChartTitlePadding(6);
        s.setLegendFont(Style.LEGEND_FONT);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartPadding(10);
        s.setAxisTitlePadding(8);
        s.setAxisTickPadding(5);
        s.setAntiAlias(true);
        s.setTextAntiAlias(true);
        s.setLocale(Locale.ROOT);
        s.setRangeColors(VIRIDIS);
        s.setMin(min);
        s.setMax(max);
        s.setDrawBorder(true);
        s.setShowValue(false);
        // A stepped scale: the gradient legend of XChart 4 prints its ends unrounded; the piecewise one formats them.
        s.setPiecewise(true);
        s.setSplitNumber(SPLITS);
        s.setHeatMapValueDecimalPattern(pattern(min, max));
        s.setHeatMapDecimalValueFormatter(HeatMap::tick);
        chart.addSeries(value, labels(xList), labels(yList), cells);
        chart.getHeatMapSeries().setLineStyle(new BasicStroke(0.5f));
        return Figure.of(chart);
    }

    private static NumericColumn<?> numeric(String param, Table table, String column) {
        if (column == null || !table.containsColumn(column)) {
            throw new IllegalArgumentException(param + " = \"" + column + "\" is not a column of table \"" + table.name()
                    + "\"; its columns are " + table.columnNames());
        }
        if (!(table.column(column) instanceof NumericColumn<?> c)) {
            throw new IllegalArgumentException(param + " = \"" + column + "\" is not numeric; pick one of "
                    + Check.numericNames(table));
        }
        return c;
    }

    private static double finite(String column, double v, int row) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(column + " row " + row + " = " + v + "; the axes of a heat map need finite values");
        }
        return v;
    }

    private static List<String> labels(List<Double> values) {
        List<String> out = new ArrayList<>();
        for (double v : values) out.add(tick(v));
        return out;
    }

    /** A tick label without trailing zeros: 2, 0.5, 12.5, 1.2e+03. */
    static String tick(Double v) {
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e4 || a < 1e-3)) return String.format(Locale.ROOT, "%.2g", v);
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
