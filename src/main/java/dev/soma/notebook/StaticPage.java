package dev.soma.notebook;

import dev.soma.kernel.spi.WidgetHost;
import dev.soma.sim.SimulationResult;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import tech.tablesaw.api.Table;

/**
 * The kernel-free version of an {@link Interactive}: one self-contained HTML fragment with plain
 * HTML controls (range inputs, selects, check boxes) and every precomputed result, of which a small
 * inline handler shows the one the controls point at. No script element, no external file, no
 * element ids (several on one page never collide): it works in an HTML page exported by nbconvert,
 * in a trusted notebook in JupyterLab, and shows the initial result where handlers are stripped.
 */
final class StaticPage {

    private StaticPage() {
    }

    /**
     * Finds the frame the controls point at (mixed radix over the controls, in order) and shows it;
     * updates each range's readout. {@code this} is the control that changed.
     */
    static final String HANDLER = "var r=this.closest('.soma-interact'),k=0;"
            + "r.querySelectorAll('[data-soma-n]').forEach(function(e){"
            + "var n=+e.getAttribute('data-soma-n'),i=e.type=='checkbox'?(e.checked?1:0):e.tagName=='SELECT'?e.selectedIndex"
            + ":Math.round((parseFloat(e.value)-parseFloat(e.min))/parseFloat(e.step));k=k*n+i;"
            + "var o=e.parentNode.querySelector('output');if(o)o.textContent=e.getAttribute('data-soma-labels').split('|')[i];});"
            + "r.querySelectorAll('[data-soma-frames]').forEach(function(f){"
            + "f.style.display=f.getAttribute('data-soma-frames').indexOf(' '+k+' ')>=0?'':'none';});";

    /**
     * The page.
     *
     * @param controls the controls, in order
     * @param interactive whether {@code frames} holds every combination (else one frame, no working controls)
     * @param initial each control's initial index
     * @param frames the HTML of each frame, by frame index
     * @param note a line under it
     */
    static String html(List<Interactive.Control> controls, boolean interactive, int[] initial, List<String> frames, String note) {
        StringBuilder sb = new StringBuilder(frames.stream().mapToInt(String::length).sum() + 4096);
        sb.append("<div class=\"soma-interact\" style=\"font-family: sans-serif; font-size: 13px\">\n");
        if (interactive) {
            sb.append("<div class=\"soma-interact-controls\">\n");
            for (int i = 0; i < controls.size(); i++) {
                control(sb, controls.get(i), initial[i]);
            }
            sb.append("</div>\n");
        }
        // Identical frames are stored once, listed under every index that shows them.
        Map<String, StringBuilder> indices = new LinkedHashMap<>();
        for (int k = 0; k < frames.size(); k++) {
            indices.computeIfAbsent(frames.get(k), f -> new StringBuilder(" ")).append(k).append(' ');
        }
        int shown = interactive ? frameIndex(controls, initial) : 0;
        sb.append("<div class=\"soma-interact-frames\">\n");
        for (Map.Entry<String, StringBuilder> e : indices.entrySet()) {
            String list = e.getValue().toString();
            boolean visible = list.contains(" " + shown + " ");
            sb.append("<div data-soma-frames=\"").append(list).append('"')
                    .append(visible ? "" : " style=\"display: none\"").append(">\n")
                    .append(e.getKey()).append("\n</div>\n");
        }
        sb.append("</div>\n<div class=\"soma-interact-note\" style=\"color: #666; font-size: 12px; margin-top: 2px\">")
                .append(Display.escape(note)).append("</div>\n</div>");
        return sb.toString();
    }

    private static int frameIndex(List<Interactive.Control> controls, int[] index) {
        int k = 0;
        for (int i = 0; i < index.length; i++) {
            k = k * controls.get(i).size() + index[i];
        }
        return k;
    }

    private static void control(StringBuilder sb, Interactive.Control c, int initial) {
        String handler = " oninput=\"" + Display.escape(HANDLER) + "\"";
        sb.append("<div style=\"margin: 3px 0\"><label>");
        if (c instanceof Interactive.Numeric n) {
            List<String> labels = new ArrayList<>(n.size());
            for (int i = 0; i < n.size(); i++) {
                labels.add(n.labelAt(i));
            }
            sb.append("<span style=\"display: inline-block; min-width: 8em\">").append(Display.escape(c.label())).append("</span> ")
                    .append("<input type=\"range\" style=\"width: min(28em, 60%); vertical-align: middle\"")
                    .append(" min=\"").append(n.labelAt(0)).append('"')
                    .append(" max=\"").append(n.labelAt(n.size() - 1)).append('"')
                    .append(" step=\"").append(n.step.stripTrailingZeros().toPlainString()).append('"')
                    .append(" value=\"").append(n.labelAt(initial)).append('"')
                    .append(" data-soma-n=\"").append(n.size()).append('"')
                    .append(" data-soma-labels=\"").append(Display.escape(String.join("|", labels))).append('"')
                    .append(handler).append("> <output>").append(n.labelAt(initial)).append("</output>");
        } else if (c instanceof Interactive.Choice ch) {
            sb.append("<span style=\"display: inline-block; min-width: 8em\">").append(Display.escape(c.label())).append("</span> ")
                    .append("<select data-soma-n=\"").append(ch.size()).append('"').append(handler).append('>');
            for (int i = 0; i < ch.size(); i++) {
                sb.append("<option").append(i == initial ? " selected" : "").append('>')
                        .append(Display.escape(ch.labelAt(i))).append("</option>");
            }
            sb.append("</select>");
        } else {
            sb.append("<input type=\"checkbox\" data-soma-n=\"2\"").append(initial == 1 ? " checked" : "").append(handler)
                    .append("> ").append(Display.escape(c.label()));
        }
        sb.append("</label></div>\n");
    }

    /** One result as HTML: an image inline as a data URL, a table or run as HTML, anything else as text. */
    static String frame(Object result, Throwable error, WidgetHost host) {
        if (error != null) {
            return "<pre style=\"color: #b00; white-space: pre-wrap\">" + Display.escape(String.join("\n", errorLines(error))) + "</pre>";
        }
        if (result == null) {
            return "";
        }
        if (result instanceof RenderedImage img) {
            return "<img style=\"max-width: 100%\" width=\"" + img.getWidth() + "\" alt=\"figure\" src=\"data:image/png;base64,"
                    + Base64.getEncoder().encodeToString(compactPng(img)) + "\">";
        }
        if (result instanceof Table t) {
            return Display.html(t);
        }
        if (result instanceof SimulationResult r) {
            return Display.html(r);
        }
        if (host != null) {
            Map<String, Object> data = host.render(result);
            if (data.get("text/html") instanceof String h) {
                return h;
            }
            if (data.get("image/png") instanceof String png) {
                return "<img style=\"max-width: 100%\" alt=\"figure\" src=\"data:image/png;base64," + png + "\">";
            }
        }
        return "<pre style=\"white-space: pre-wrap\">" + Display.escape(String.valueOf(result)) + "</pre>";
    }

    /** A view's exception as a Jupyter error output, for an output widget. */
    static Map<String, Object> errorOutput(Throwable error) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("output_type", "error");
        out.put("ename", error.getClass().getName());
        out.put("evalue", error.getMessage() == null ? "" : error.getMessage());
        List<String> lines = errorLines(error);
        List<String> red = new ArrayList<>(lines.size());
        red.add("\u001b[31m" + lines.get(0) + "\u001b[0m");
        red.addAll(lines.subList(1, lines.size()));
        out.put("traceback", red);
        return out;
    }

    /** The exception's class and message, its cause's, and the notebook's own frames (JShell names them REPL). */
    static List<String> errorLines(Throwable error) {
        List<String> lines = new ArrayList<>();
        Throwable t = error;
        boolean top = true;
        while (t != null && lines.size() < 30) {
            lines.add((top ? "" : "Caused by: ") + t.getClass().getName() + (t.getMessage() == null ? "" : ": " + clean(t.getMessage())));
            int shown = 0;
            for (StackTraceElement el : t.getStackTrace()) {
                if ((el.getClassName().isEmpty() || el.getClassName().startsWith("REPL.")) && shown < 5) {
                    lines.add("    at " + (el.getMethodName().equals("do_it$") ? "cell" : el.getMethodName())
                            + (el.getLineNumber() > 0 ? " (line " + el.getLineNumber() + ")" : ""));
                    shown++;
                }
            }
            top = false;
            t = t.getCause() == t ? null : t.getCause();
        }
        return lines;
    }

    private static String clean(String message) {
        return message.replaceAll("REPL\\.\\$JShell\\$\\d+[A-Z]?\\.", "");
    }

    /**
     * An image as a PNG with a palette of at most 256 colours: a figure has a few hundred, most of
     * them the grey levels of anti-aliased text, so this is about half the size of a true-colour
     * PNG with no visible difference. Colours beyond the 256 most frequent take the nearest one.
     */
    static byte[] compactPng(RenderedImage image) {
        BufferedImage src = image instanceof BufferedImage b ? b : copy(image);
        int w = src.getWidth();
        int h = src.getHeight();
        int[] argb = src.getRGB(0, 0, w, h, null, 0, w);
        Map<Integer, int[]> counts = new HashMap<>();
        for (int c : argb) {
            counts.computeIfAbsent(c, k -> new int[1])[0]++;
        }
        List<Map.Entry<Integer, int[]>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Integer.compare(b.getValue()[0], a.getValue()[0])
                : Integer.compare(a.getKey(), b.getKey()));
        int n = Math.min(256, byCount.size());
        int[] palette = new int[n];
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            palette[i] = byCount.get(i).getKey();
            index.put(palette[i], i);
        }
        byte[] r = new byte[n];
        byte[] g = new byte[n];
        byte[] bl = new byte[n];
        byte[] a = new byte[n];
        boolean alpha = false;
        for (int i = 0; i < n; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            bl[i] = (byte) palette[i];
            a[i] = (byte) (palette[i] >>> 24);
            alpha |= (palette[i] >>> 24) != 0xff;
        }
        IndexColorModel model = alpha ? new IndexColorModel(8, n, r, g, bl, a) : new IndexColorModel(8, n, r, g, bl);
        BufferedImage indexed = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
        byte[] pixels = new byte[w * h];
        for (int p = 0; p < argb.length; p++) {
            Integer i = index.get(argb[p]);
            if (i == null) {
                i = nearest(palette, argb[p]);
                index.put(argb[p], i);
            }
            pixels[p] = (byte) (int) i;
        }
        indexed.getRaster().setDataElements(0, 0, w, h, pixels);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(indexed, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int nearest(int[] palette, int c) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            long d = 0;
            for (int shift = 0; shift <= 24; shift += 8) {
                long x = ((palette[i] >>> shift) & 0xff) - ((c >>> shift) & 0xff);
                d += x * x;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private static BufferedImage copy(RenderedImage image) {
        BufferedImage b = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = b.createGraphics();
        g.drawRenderedImage(image, new java.awt.geom.AffineTransform());
        g.dispose();
        return b;
    }
}
