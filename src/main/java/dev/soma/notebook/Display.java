package dev.soma.notebook;

import dev.soma.plot.Figure;
import dev.soma.sim.SimulationResult;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * How Soma's objects show themselves in a notebook, as pure functions that know no kernel: a
 * Tablesaw {@link Table} as an HTML table or a plain-text table (head and tail of long tables, the
 * row count, column names with their units), a {@link SimulationResult} as a short summary, and an
 * image as PNG bytes or base64. A kernel's renderer calls these; so can a notebook in any kernel,
 * e.g. {@code display(Display.html(run.table()), "text/html")} in IJava.
 */
public final class Display {
    private Display() {}

    /** Tables up to this many rows are shown whole. */
    public static final int SHOW_ALL_UP_TO = 20;
    /** Rows shown from the top of a longer table. */
    public static final int HEAD = 10;
    /** Rows shown from the bottom of a longer table. */
    public static final int TAIL = 5;

    // ---- tables -------------------------------------------------------------------------------

    /** A table as HTML: all rows if it has at most {@value #SHOW_ALL_UP_TO}, else the first {@value #HEAD} and last {@value #TAIL}. */
    public static String html(Table table) {
        int[] ht = defaultHeadTail(table);
        return html(table, ht[0], ht[1]);
    }

    /**
     * A table as HTML with its first {@code head} and last {@code tail} rows; the rows between are
     * replaced by one "… N rows …" row. The caption gives the name and size; numbers are right-aligned
     * and shown to 6 significant digits; everything is HTML-escaped.
     */
    public static String html(Table table, int head, int tail) {
        checkTable(table);
        checkHeadTail(head, tail);
        int rows = table.rowCount();
        int cols = table.columnCount();
        List<Column<?>> columns = table.columns();
        StringBuilder sb = new StringBuilder(256 + 64 * cols * Math.min(rows, head + tail + 1));
        sb.append("<div class=\"soma-table\">\n<table>\n<caption style=\"caption-side: bottom; text-align: left; color: #555\">")
                .append(escape(caption(table))).append("</caption>\n<thead><tr>");
        for (Column<?> c : columns) {
            sb.append("<th style=\"text-align: ").append(c instanceof NumericColumn ? "right" : "left").append("\">")
                    .append(headerHtml(c.name())).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        boolean cut = rows > head + tail;
        int top = cut ? head : rows;
        for (int r = 0; r < top; r++) {
            rowHtml(sb, columns, r);
        }
        if (cut) {
            sb.append("<tr class=\"soma-ellipsis\"><td colspan=\"").append(Math.max(1, cols))
                    .append("\" style=\"text-align: center; color: #777\">… ").append(String.format(Locale.ROOT, "%,d", rows - head - tail))
                    .append(" more rows …</td></tr>\n");
            for (int r = rows - tail; r < rows; r++) {
                rowHtml(sb, columns, r);
            }
        }
        sb.append("</tbody>\n</table>\n</div>");
        return sb.toString();
    }

    private static void rowHtml(StringBuilder sb, List<Column<?>> columns, int r) {
        sb.append("<tr>");
        for (Column<?> c : columns) {
            sb.append(c instanceof NumericColumn ? "<td style=\"text-align: right\">" : "<td style=\"text-align: left\">")
                    .append(escape(cell(c, r))).append("</td>");
        }
        sb.append("</tr>\n");
    }

    /** The column name with its unit in a lighter shade: {@code V [mV]} keeps both, escaped. */
    private static String headerHtml(String name) {
        int open = name.lastIndexOf(" [");
        if (open > 0 && name.endsWith("]")) {
            return escape(name.substring(0, open)) + " <span style=\"color: #666; font-weight: normal\">"
                    + escape(name.substring(open + 1)) + "</span>";
        }
        return escape(name);
    }

    /** A table as fixed-width text: all rows if it has at most {@value #SHOW_ALL_UP_TO}, else head and tail. */
    public static String text(Table table) {
        int[] ht = defaultHeadTail(table);
        return text(table, ht[0], ht[1]);
    }

    /** A table as fixed-width text with its first {@code head} and last {@code tail} rows and a "… N rows …" line between. */
    public static String text(Table table, int head, int tail) {
        checkTable(table);
        checkHeadTail(head, tail);
        int rows = table.rowCount();
        List<Column<?>> columns = table.columns();
        boolean cut = rows > head + tail;
        List<Integer> shown = new ArrayList<>();
        for (int r = 0; r < (cut ? head : rows); r++) {
            shown.add(r);
        }
        if (cut) {
            shown.add(-1);
            for (int r = rows - tail; r < rows; r++) {
                shown.add(r);
            }
        }
        int cols = columns.size();
        String[][] cells = new String[shown.size()][cols];
        int[] width = new int[cols];
        for (int j = 0; j < cols; j++) {
            width[j] = columns.get(j).name().length();
        }
        for (int i = 0; i < shown.size(); i++) {
            int r = shown.get(i);
            for (int j = 0; j < cols; j++) {
                cells[i][j] = r < 0 ? "…" : cell(columns.get(j), r);
                width[j] = Math.max(width[j], cells[i][j].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < cols; j++) {
            sb.append(j == 0 ? "" : "  ").append(pad(columns.get(j).name(), width[j], columns.get(j) instanceof NumericColumn));
        }
        sb.append('\n');
        for (int j = 0; j < cols; j++) {
            sb.append(j == 0 ? "" : "  ").append("-".repeat(width[j]));
        }
        sb.append('\n');
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i) < 0) {
                sb.append(String.format(Locale.ROOT, "… %,d more rows …", rows - head - tail)).append('\n');
                continue;
            }
            for (int j = 0; j < cols; j++) {
                sb.append(j == 0 ? "" : "  ").append(pad(cells[i][j], width[j], columns.get(j) instanceof NumericColumn));
            }
            sb.append('\n');
        }
        sb.append(caption(table));
        return sb.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    private static String caption(Table table) {
        int rows = table.rowCount();
        int cols = table.columnCount();
        String name = table.name() == null || table.name().isEmpty() ? "table" : table.name();
        return String.format(Locale.ROOT, "%s: %,d row%s × %d column%s", name, rows, rows == 1 ? "" : "s", cols, cols == 1 ? "" : "s");
    }

    private static int[] defaultHeadTail(Table table) {
        checkTable(table);
        return table.rowCount() <= SHOW_ALL_UP_TO ? new int[] {SHOW_ALL_UP_TO, 0} : new int[] {HEAD, TAIL};
    }

    private static void checkTable(Table table) {
        if (table == null) {
            throw new IllegalArgumentException("table = null; pass a Tablesaw table, e.g. run.table()");
        }
    }

    private static void checkHeadTail(int head, int tail) {
        if (head < 0 || tail < 0 || head + tail == 0) {
            throw new IllegalArgumentException("head = " + head + ", tail = " + tail
                    + "; both must be ≥ 0 and at least one > 0, e.g. head = 10, tail = 5");
        }
    }

    /** One cell as text: numbers to 6 significant digits without trailing zeros, missing values empty. */
    static String cell(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return "";
        }
        if (column instanceof NumericColumn) {
            Object v = column.get(row);
            if (v instanceof Double || v instanceof Float) {
                return number(((Number) v).doubleValue());
            }
        }
        return column.getString(row);
    }

    /** A number as a person reads it: up to 6 significant digits, plain between 1e-4 and 1e6, else scientific. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        if (a >= 1e-4 && a < 1e6) {
            return d.toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.5e", v);
        int e = s.indexOf('e');
        String mant = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        int exp = Integer.parseInt(s.substring(e + 1));
        return mant + "e" + exp;
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }

    // ---- simulation results -------------------------------------------------------------------

    /** A run as a few lines of text: model, duration, spikes and rate, method and step, recorded variables. */
    public static String text(SimulationResult run) {
        checkRun(run);
        String[] vars = run.variables();
        int samples = run.time().length;
        return String.format(Locale.ROOT, "%s%nduration %s ms, %d spike%s, rate %s Hz%nmethod %s, dt = %s ms%nrecorded %s (%,d samples)",
                run.model().name(), number(run.durationMs()), run.spikeCount(), run.spikeCount() == 1 ? "" : "s",
                number(run.rateHz()), run.method(), number(run.dtMs()), String.join(", ", columnNames(run, vars)), samples);
    }

    /** A run as a short HTML summary: model, duration, spikes and rate, method and step, recorded variables. */
    public static String html(SimulationResult run) {
        checkRun(run);
        String[] vars = run.variables();
        StringBuilder sb = new StringBuilder("<div class=\"soma-result\">");
        sb.append("<b>").append(escape(run.model().name())).append("</b><table>");
        row(sb, "duration", number(run.durationMs()) + " ms");
        row(sb, "spikes", run.spikeCount() + (run.spikeCount() > 0 ? " (first at " + number(run.spikeTimes()[0]) + " ms)" : ""));
        row(sb, "rate", number(run.rateHz()) + " Hz");
        row(sb, "method", run.method() + ", dt = " + number(run.dtMs()) + " ms");
        row(sb, "recorded", String.join(", ", columnNames(run, vars)) + String.format(Locale.ROOT, " (%,d samples)", run.time().length));
        sb.append("</table></div>");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("<tr><th style=\"text-align: left; padding-right: 1em\">").append(escape(key))
                .append("</th><td style=\"text-align: left\">").append(escape(value)).append("</td></tr>");
    }

    private static List<String> columnNames(SimulationResult run, String[] vars) {
        List<String> out = new ArrayList<>();
        for (String v : vars) {
            out.add(run.columnName(v));
        }
        return out;
    }

    private static void checkRun(SimulationResult run) {
        if (run == null) {
            throw new IllegalArgumentException("run = null; pass the result of Simulation.of(model)...run(durationMs)");
        }
    }

    // ---- images -------------------------------------------------------------------------------

    /** An image as PNG bytes (a {@link Figure} keeps its resolution in the file). */
    public static byte[] png(RenderedImage image) {
        if (image == null) {
            throw new IllegalArgumentException("image = null; pass a figure, e.g. Plots.voltage(run)");
        }
        if (image instanceof Figure) {
            return ((Figure) image).toPng();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalArgumentException("image of type " + image.getClass().getName() + " cannot be written as PNG; draw it into a BufferedImage first");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An image as base64-encoded PNG, as Jupyter's {@code image/png} display data carries it. */
    public static String base64Png(RenderedImage image) {
        return Base64.getEncoder().encodeToString(png(image));
    }
}
