package dev.soma.plot;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A finished figure: one or more XChart panels laid out as one image.
 *
 * <p>A figure <em>is</em> a {@link BufferedImage}, rendered when it is built, so any notebook
 * kernel that shows a {@link java.awt.image.RenderedImage} as PNG (IJava 1.3.0 among them) shows
 * it without knowing Soma. It also keeps its XChart charts, so it can be exported as SVG, saved
 * as PNG at a higher resolution, or composed with other figures by {@link #row}, {@link #column}
 * and {@link #grid}, which paint the charts again at their new size (nothing is scaled as pixels).
 *
 * <p>Sizes are in pixels at 96 dpi. Figures are immutable once built: composing or resizing
 * returns a new figure. The charts themselves ({@link #charts()}) are live XChart objects; a change
 * made to one shows in figures built afterwards, for example by {@link #withSize}.
 */
public final class Figure extends BufferedImage {
    /** The resolution a figure's pixel size refers to, in dots per inch. */
    public static final int SCREEN_DPI = 96;

    static {
        // A notebook shows the first figure as PNG right after it is painted; ImageIO's plug-in
        // registry takes a few hundred ms to start, so it starts now, beside the first paint.
        Thread warmUp = new Thread(() -> ImageIO.getImageWritersByFormatName("png").hasNext(), "soma-png-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private final Node root;
    private final String title;

    private Figure(Node root, String title, int[] size) {
        super(size[0], size[1], BufferedImage.TYPE_INT_RGB);
        this.root = root;
        this.title = title;
        Graphics2D g = createGraphics();
        try {
            paint(g, size[0], size[1]);
        } finally {
            g.dispose();
        }
    }

    /** A one-panel figure of an XChart chart, at the chart's own size. */
    public static Figure of(Chart<?, ?> chart) {
        if (chart == null) {
            throw new IllegalArgumentException("chart = null; pass an XChart chart, e.g. new XYChart(800, 420)");
        }
        return of(chart, chart.getWidth(), chart.getHeight());
    }

    static Figure of(Chart<?, ?> chart, int width, int height) {
        return new Figure(new Leaf(chart, width, height), null, new int[] {width, height});
    }

    /** Panels side by side, as one image (at most {@value Style#MAX_WIDTH} px wide). */
    public static Figure row(Figure... figures) {
        checkFigures("figures", figures);
        return composed(figures.length, figures, null);
    }

    /** Panels stacked top to bottom, as one image. */
    public static Figure column(Figure... figures) {
        checkFigures("figures", figures);
        return composed(1, figures, null);
    }

    /** Panels in a grid with {@code cols} columns, filled row by row, as one image. */
    public static Figure grid(int cols, Figure... figures) {
        if (cols < 1) {
            throw new IllegalArgumentException("cols = " + cols + " must be at least 1; e.g. grid(2, a, b, c, d) for a 2 × 2 grid");
        }
        checkFigures("figures", figures);
        return composed(Math.min(cols, figures.length), figures, null);
    }

    static Figure composed(int cols, Figure[] figures, String title) {
        List<Node> children = new ArrayList<>();
        for (Figure f : figures) {
            children.add(f.title == null ? f.root : new Titled(f.root, f.title));
        }
        Node node = new Box(cols, children);
        return new Figure(node, title, fit(node.prefWidth(), node.prefHeight() + titleHeight(title)));
    }

    private static void checkFigures(String name, Figure[] figures) {
        if (figures == null || figures.length == 0) {
            throw new IllegalArgumentException(name + (figures == null ? " = null" : " is empty")
                    + "; pass at least one figure, e.g. row(Plots.voltage(run), Plots.isi(run))");
        }
        for (int i = 0; i < figures.length; i++) {
            if (figures[i] == null) {
                throw new IllegalArgumentException(name + "[" + i + "] = null; pass a figure built by Plots");
            }
        }
    }

    /** Keeps a composed figure at most MAX_WIDTH wide; the height shrinks less, so panels stay readable. */
    private static int[] fit(int w, int h) {
        if (w <= Style.MAX_WIDTH) {
            return new int[] {w, h};
        }
        double scale = (double) Style.MAX_WIDTH / w;
        return new int[] {Style.MAX_WIDTH, (int) Math.round(h * Math.sqrt(scale))};
    }

    /** This figure with an overall title above its panels. */
    public Figure withTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title = \"" + title + "\" is blank; pass the text to show above the figure");
        }
        return new Figure(root, title, new int[] {getWidth(), getHeight() - titleHeight(this.title) + titleHeight(title)});
    }

    /** This figure painted again at another size in px (fonts keep their size; only the layout changes). */
    public Figure withSize(int width, int height) {
        if (width < 100 || width > 10_000) {
            throw new IllegalArgumentException("width = " + width + " px is out of range; use 100 to 10000 (notebooks show 800–1000 well)");
        }
        if (height < 80 || height > 10_000) {
            throw new IllegalArgumentException("height = " + height + " px is out of range; use 80 to 10000");
        }
        return new Figure(root, title, new int[] {width, height});
    }

    /** The XChart charts of the panels, in reading order (row by row). */
    public List<Chart<?, ?>> charts() {
        List<Chart<?, ?>> out = new ArrayList<>();
        root.collect(out);
        return Collections.unmodifiableList(out);
    }

    /** The number of panels. */
    public int panelCount() {
        return charts().size();
    }

    /** The overall title, or null. */
    public String title() {
        return title;
    }

    /** This figure as PNG bytes, at its own size (96 dpi). */
    public byte[] toPng() {
        return toPng(SCREEN_DPI);
    }

    /**
     * This figure as PNG bytes at {@code dpi} dots per inch: painted again at dpi/96 times its pixel
     * size (sharp text and lines, not an upscaled bitmap), with the resolution stored in the file.
     */
    public byte[] toPng(int dpi) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        writePng(out, dpi);
        return out.toByteArray();
    }

    /** Saves this figure as PNG at its own size; returns the path. */
    public Path savePng(Path path) {
        return savePng(path, SCREEN_DPI);
    }

    /** Saves this figure as PNG at {@code dpi} dots per inch (e.g. 300 for print); returns the path. */
    public Path savePng(Path path, int dpi) {
        checkPath(path);
        createParent(path);
        try (OutputStream out = Files.newOutputStream(path)) {
            writePng(out, dpi);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
        return path;
    }

    /** Saves this figure as PNG at {@code dpi} dots per inch to a file name, e.g. {@code savePng("trace.png", 300)}. */
    public Path savePng(String file, int dpi) {
        return savePng(Path.of(checkFile(file)), dpi);
    }

    /** Saves this figure as SVG to a file name, e.g. {@code saveSvg("trace.svg")}. */
    public Path saveSvg(String file) {
        return saveSvg(Path.of(checkFile(file)));
    }

    private static String checkFile(String file) {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("file = \"" + file + "\" is blank; give a file name, e.g. \"figure.png\"");
        }
        return file;
    }

    /** This figure as an SVG document (vector graphics: text stays text, lines stay lines). */
    public String toSvg() {
        VectorGraphics2D g = new VectorGraphics2D();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        paint(g, getWidth(), getHeight());
        Document doc = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, getWidth(), getHeight()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            doc.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withDescription(SvgLines.merge(out.toString(StandardCharsets.UTF_8)));
    }

    /**
     * XChart draws text as glyph outlines, so an SVG has no searchable text of its own; a title and
     * a description naming each panel's axes (with units) make it searchable and accessible.
     */
    private String withDescription(String svg) {
        int open = svg.indexOf("<svg");
        int end = open < 0 ? -1 : svg.indexOf('>', open);
        if (end < 0) {
            return svg;
        }
        StringBuilder desc = new StringBuilder();
        int i = 1;
        for (Chart<?, ?> c : charts()) {
            if (desc.length() > 0) {
                desc.append("; ");
            }
            desc.append("panel ").append(i++);
            if (c.getTitle() != null && !c.getTitle().isEmpty()) {
                desc.append(" \"").append(c.getTitle()).append('"');
            }
            if (c instanceof org.knowm.xchart.internal.chartpart.AxesChart) {
                org.knowm.xchart.internal.chartpart.AxesChart<?, ?> a = (org.knowm.xchart.internal.chartpart.AxesChart<?, ?>) c;
                desc.append(": x axis ").append(a.getXAxisTitle()).append(", y axis ").append(a.getYAxisTitle());
            }
        }
        String meta = "\n  <title>" + xml(title != null ? title : toString()) + "</title>\n  <desc>" + xml(desc.toString()) + "</desc>";
        return svg.substring(0, end + 1) + meta + svg.substring(end + 1);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Saves this figure as SVG; returns the path. */
    public Path saveSvg(Path path) {
        checkPath(path);
        createParent(path);
        try {
            Files.writeString(path, toSvg(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
        return path;
    }

    private static void createParent(Path path) {
        Path parent = path.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the folder " + parent + " for " + path, e);
        }
    }

    private static void checkPath(Path path) {
        if (path == null) {
            throw new IllegalArgumentException("path = null; pass a file path, e.g. Path.of(\"figure.png\")");
        }
    }

    private void writePng(OutputStream out, int dpi) {
        if (dpi < 24 || dpi > 1200) {
            throw new IllegalArgumentException("dpi = " + dpi + " is out of range; use 24 to 1200 (96 = screen, 300 = print)");
        }
        BufferedImage image = this;
        if (dpi != SCREEN_DPI) {
            double scale = dpi / (double) SCREEN_DPI;
            image = new BufferedImage((int) Math.round(getWidth() * scale), (int) Math.round(getHeight() * scale), TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                g.scale(scale, scale);
                paint(g, getWidth(), getHeight());
            } finally {
                g.dispose();
            }
        }
        try {
            writePng(image, dpi, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePng(BufferedImage image, int dpi, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            setDpi(meta, dpi);
            writer.write(null, new IIOImage(image, null, meta), param);
        } finally {
            writer.dispose();
        }
    }

    private static void setDpi(IIOMetadata meta, int dpi) throws IIOInvalidTreeException {
        String dotsPerMetre = Integer.toString((int) Math.round(dpi / 0.0254));
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        phys.setAttribute("pixelsPerUnitXAxis", dotsPerMetre);
        phys.setAttribute("pixelsPerUnitYAxis", dotsPerMetre);
        phys.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(phys);
        meta.mergeTree("javax_imageio_png_1.0", root);
    }

    private void paint(Graphics2D g, int w, int h) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int top = titleHeight(title);
        if (top > 0) {
            drawTitle(g, title, Style.SUPTITLE_FONT, w, top);
        }
        Graphics2D sub = (Graphics2D) g.create(0, top, w, h - top);
        try {
            root.paint(sub, w, h - top);
        } finally {
            sub.dispose();
        }
    }

    static int titleHeight(String title) {
        return title == null ? 0 : 34;
    }

    static void drawTitle(Graphics2D g, String text, java.awt.Font font, int w, int h) {
        g.setFont(font);
        g.setColor(Style.TEXT);
        FontMetrics fm = g.getFontMetrics();
        int x = Math.max(4, (w - fm.stringWidth(text)) / 2);
        int y = (h + fm.getAscent() - fm.getDescent()) / 2 + 2;
        g.drawString(text, x, y);
    }

    /** Short: size, panel count and panel titles, e.g. {@code Figure 1000×420 px, 2 panels: V, f–I}. */
    @Override
    public String toString() {
        List<Chart<?, ?>> charts = charts();
        StringBuilder sb = new StringBuilder("Figure ").append(getWidth()).append('×').append(getHeight()).append(" px");
        if (title != null) {
            sb.append(" \"").append(title).append('"');
        }
        sb.append(", ").append(charts.size()).append(charts.size() == 1 ? " panel" : " panels");
        List<String> names = new ArrayList<>();
        for (Chart<?, ?> c : charts) {
            String t = c.getTitle();
            if (t != null && !t.isEmpty()) {
                names.add(t);
            }
        }
        if (!names.isEmpty()) {
            String joined = String.join(", ", names);
            if (joined.length() > 80) {
                joined = joined.substring(0, 77) + "…";
            }
            sb.append(": ").append(joined);
        }
        return sb.toString();
    }

    /** A piece of layout: paints itself into a graphics context of the given size. */
    abstract static class Node {
        abstract int prefWidth();

        abstract int prefHeight();

        abstract void paint(Graphics2D g, int w, int h);

        abstract void collect(List<Chart<?, ?>> out);
    }

    static final class Leaf extends Node {
        final Chart<?, ?> chart;
        final int width;
        final int height;

        Leaf(Chart<?, ?> chart, int width, int height) {
            this.chart = chart;
            this.width = width;
            this.height = height;
        }

        @Override
        int prefWidth() {
            return width;
        }

        @Override
        int prefHeight() {
            return height;
        }

        @Override
        void paint(Graphics2D g, int w, int h) {
            chart.paint(g, w, h);
        }

        @Override
        void collect(List<Chart<?, ?>> out) {
            out.add(chart);
        }
    }

    static final class Titled extends Node {
        final Node inner;
        final String title;

        Titled(Node inner, String title) {
            this.inner = inner;
            this.title = title;
        }

        @Override
        int prefWidth() {
            return inner.prefWidth();
        }

        @Override
        int prefHeight() {
            return inner.prefHeight() + titleHeight(title);
        }

        @Override
        void paint(Graphics2D g, int w, int h) {
            int top = titleHeight(title);
            drawTitle(g, title, Style.SUPTITLE_FONT, w, top);
            Graphics2D sub = (Graphics2D) g.create(0, top, w, h - top);
            try {
                inner.paint(sub, w, h - top);
            } finally {
                sub.dispose();
            }
        }

        @Override
        void collect(List<Chart<?, ?>> out) {
            inner.collect(out);
        }
    }

    /**
     * A grid of nodes filled row by row. Column widths are the widest preferred width in each
     * column, row heights the tallest in each row, scaled to the space given.
     */
    static final class Box extends Node {
        final int cols;
        final List<Node> children;
        final double[] heightWeights;

        Box(int cols, List<Node> children) {
            this(cols, children, null);
        }

        /** A box whose rows get fixed shares of the height (for panels sharing an axis). */
        Box(int cols, List<Node> children, double[] heightWeights) {
            this.cols = cols;
            this.children = List.copyOf(children);
            this.heightWeights = heightWeights;
        }

        int rows() {
            return (children.size() + cols - 1) / cols;
        }

        int[] colWidths() {
            int[] widths = new int[cols];
            for (int i = 0; i < children.size(); i++) {
                widths[i % cols] = Math.max(widths[i % cols], children.get(i).prefWidth());
            }
            return widths;
        }

        int[] rowHeights() {
            int[] heights = new int[rows()];
            for (int i = 0; i < children.size(); i++) {
                heights[i / cols] = Math.max(heights[i / cols], children.get(i).prefHeight());
            }
            return heights;
        }

        @Override
        int prefWidth() {
            int sum = 0;
            for (int w : colWidths()) {
                sum += w;
            }
            return sum;
        }

        @Override
        int prefHeight() {
            int sum = 0;
            for (int h : rowHeights()) {
                sum += h;
            }
            return sum;
        }

        @Override
        void paint(Graphics2D g, int w, int h) {
            int[] xs = edges(colWidths(), null, w);
            int[] ys = edges(rowHeights(), heightWeights, h);
            for (int i = 0; i < children.size(); i++) {
                int c = i % cols;
                int r = i / cols;
                Graphics2D sub = (Graphics2D) g.create(xs[c], ys[r], xs[c + 1] - xs[c], ys[r + 1] - ys[r]);
                try {
                    children.get(i).paint(sub, xs[c + 1] - xs[c], ys[r + 1] - ys[r]);
                } finally {
                    sub.dispose();
                }
            }
        }

        private static int[] edges(int[] sizes, double[] weights, int total) {
            double sum = 0;
            for (int i = 0; i < sizes.length; i++) {
                sum += weights == null ? sizes[i] : weights[i];
            }
            int[] edges = new int[sizes.length + 1];
            double acc = 0;
            for (int i = 0; i < sizes.length; i++) {
                acc += weights == null ? sizes[i] : weights[i];
                edges[i + 1] = (int) Math.round(total * acc / sum);
            }
            return edges;
        }

        @Override
        void collect(List<Chart<?, ?>> out) {
            for (Node child : children) {
                child.collect(out);
            }
        }
    }

    /** A figure of stacked panels with fixed height shares, e.g. a raster above its rate. */
    static Figure stacked(List<Chart<?, ?>> charts, double[] heightShares, int width, int height, String title) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < charts.size(); i++) {
            nodes.add(new Leaf(charts.get(i), width, (int) Math.round(height * heightShares[i])));
        }
        return new Figure(new Box(1, nodes, heightShares), title, new int[] {width, height + titleHeight(title)});
    }

    /** A figure of panels in a grid, each at the given size, e.g. a gallery. */
    static Figure gridOf(int cols, List<? extends Chart<?, ?>> charts, int panelWidth, int panelHeight, String title) {
        List<Node> nodes = new ArrayList<>();
        for (Chart<?, ?> chart : charts) {
            nodes.add(new Leaf(chart, panelWidth, panelHeight));
        }
        Node node = new Box(Math.min(cols, nodes.size()), nodes);
        return new Figure(node, title, fit(node.prefWidth(), node.prefHeight() + titleHeight(title)));
    }

    /** A number for a label: up to 4 significant digits, no trailing zeros, a true minus sign. */
    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return ((long) v < 0 ? "−" : "") + Math.abs((long) v);
        }
        if (Math.abs(v) >= 1e7 || Math.abs(v) < 1e-4) {
            // Beyond a few digits either side a label reads better as mantissa and power of ten than as a row of zeros.
            String s = String.format(java.util.Locale.ROOT, "%.4g", v).replace("e+0", "e").replace("e+", "e").replace("e-0", "e-");
            return s.startsWith("-") ? "−" + s.substring(1) : s;
        }
        String s = new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }
}
