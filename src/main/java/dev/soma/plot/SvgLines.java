package dev.soma.plot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XChart draws a line series one segment at a time, which VectorGraphics2D writes as one
 * {@code <line>} element per segment: thousands per trace. This joins runs of connected segments
 * of the same style into one {@code <polyline>}, which draws the same and is several times smaller.
 */
final class SvgLines {
    private SvgLines() {}

    private static final Pattern LINE = Pattern.compile(
            "\\s*<line style=\"([^\"]*)\" x1=\"([^\"]+)\" x2=\"([^\"]+)\" y1=\"([^\"]+)\" y2=\"([^\"]+)\"/>");

    static String merge(String svg) {
        StringBuilder out = new StringBuilder(svg.length() / 2);
        String style = null;
        String indent = "";
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        StringBuilder points = new StringBuilder();
        int count = 0;
        int start = 0;
        while (start < svg.length()) {
            int end = svg.indexOf('\n', start);
            if (end < 0) {
                end = svg.length();
            }
            String line = svg.substring(start, end);
            start = end + 1;
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                double x1 = Double.parseDouble(m.group(2));
                double x2 = Double.parseDouble(m.group(3));
                double y1 = Double.parseDouble(m.group(4));
                double y2 = Double.parseDouble(m.group(5));
                boolean continues = count > 0 && m.group(1).equals(style) && x1 == lastX && y1 == lastY;
                if (!continues) {
                    flush(out, indent, style, points, count);
                    style = m.group(1);
                    indent = line.substring(0, line.indexOf('<'));
                    points.setLength(0);
                    appendPoint(points, x1, y1);
                    count = 1;
                }
                appendPoint(points, x2, y2);
                count++;
                lastX = x2;
                lastY = y2;
            } else {
                flush(out, indent, style, points, count);
                count = 0;
                out.append(line);
                if (end < svg.length()) {
                    out.append('\n');
                }
            }
        }
        flush(out, indent, style, points, count);
        return out.toString();
    }

    private static void appendPoint(StringBuilder points, double x, double y) {
        if (points.length() > 0) {
            points.append(' ');
        }
        points.append(round(x)).append(',').append(round(y));
    }

    /** Two decimals of a pixel are finer than any screen or printer resolves at these sizes. */
    private static String round(double v) {
        long hundredths = Math.round(v * 100);
        String sign = hundredths < 0 ? "-" : "";
        long a = Math.abs(hundredths);
        long whole = a / 100;
        long frac = a % 100;
        if (frac == 0) {
            return sign + whole;
        }
        return sign + whole + (frac % 10 == 0 ? "." + frac / 10 : (frac < 10 ? ".0" : ".") + frac);
    }

    private static void flush(StringBuilder out, String indent, String style, StringBuilder points, int count) {
        if (count < 2) {
            return;
        }
        out.append(indent).append("<polyline style=\"").append(style).append("\" points=\"").append(points).append("\"/>\n");
    }
}
