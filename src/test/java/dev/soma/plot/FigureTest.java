package dev.soma.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** Every builder renders headless to a non-blank PNG and to an SVG that names its axes. */
class FigureTest {
    static Map<String, Figure> figures;

    @BeforeAll
    static void build() {
        figures = LookAtFigures.all();
    }

    static double lumaVariance(BufferedImage img) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                double l = 0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255);
                sum += l;
                sq += l * l;
                n++;
            }
        }
        double mean = sum / n;
        return sq / n - mean * mean;
    }

    @Test
    void everyBuilderRendersANonBlankPngOfNotebookSize() throws Exception {
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            Figure f = e.getValue();
            byte[] png = f.toPng();
            assertTrue(png.length > 8_000, e.getKey() + ": PNG only " + png.length + " bytes");
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(f.getWidth(), back.getWidth(), e.getKey());
            assertEquals(f.getHeight(), back.getHeight(), e.getKey());
            assertTrue(back.getWidth() >= 400 && back.getWidth() <= 1000, e.getKey() + ": width " + back.getWidth());
            assertTrue(back.getHeight() >= 250 && back.getHeight() <= 1200, e.getKey() + ": height " + back.getHeight());
            assertTrue(lumaVariance(back) > 50, e.getKey() + ": PNG looks blank, variance " + lumaVariance(back));
        }
    }

    @Test
    void everyBuilderWritesAnSvgNamingItsAxesWithUnits() {
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            String svg = e.getValue().toSvg();
            assertTrue(svg.startsWith("<?xml") && svg.contains("<svg") && svg.trim().endsWith("</svg>"), e.getKey());
            assertTrue(svg.contains("<path"), e.getKey() + ": SVG has no drawing");
            assertWellFormed(e.getKey(), svg);
            for (Chart<?, ?> c : e.getValue().charts()) {
                AxesChart<?, ?> a = (AxesChart<?, ?>) c;
                String x = a.getXAxisTitle().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
                String y = a.getYAxisTitle().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
                assertTrue(svg.contains("x axis " + x), e.getKey() + ": SVG lacks x axis title " + x);
                assertTrue(svg.contains("y axis " + y), e.getKey() + ": SVG lacks y axis title " + y);
            }
        }
    }

    static void assertWellFormed(String name, String svg) {
        try {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            var doc = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(svg)));
            assertEquals("svg", doc.getDocumentElement().getNodeName(), name);
        } catch (Exception ex) {
            throw new AssertionError(name + ": SVG is not well-formed XML: " + ex, ex);
        }
    }

    @Test
    void everyAxisTitleCarriesAUnitOrIsDimensionless() {
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            for (Chart<?, ?> c : e.getValue().charts()) {
                AxesChart<?, ?> a = (AxesChart<?, ?>) c;
                for (String t : new String[] {a.getXAxisTitle(), a.getYAxisTitle()}) {
                    boolean unit = t.matches(".*\\[.+\\]");
                    boolean dimensionless = t.equals("net input x") || t.startsWith("f(x)") || t.equals("count") || t.equals("neuron");
                    assertTrue(unit || dimensionless, e.getKey() + ": axis title without unit: " + t);
                }
            }
        }
    }

    @Test
    void aFigureIsARenderedImageWithAShortDescription() {
        Figure f = figures.get("grid");
        assertInstanceOf(RenderedImage.class, f);
        assertTrue(f.toString().length() < 200, f.toString());
        assertTrue(f.toString().startsWith("Figure 1000×"), f.toString());
        assertEquals(4, f.panelCount());
    }

    @Test
    void compositionKeepsNotebookWidthAndAllPanels() {
        Figure a = figures.get("activation");
        Figure v = figures.get("voltage");
        Figure row = Figure.row(a, v, a);
        assertEquals(1000, row.getWidth());
        assertEquals(3, row.panelCount());
        Figure col = Figure.column(a, v);
        assertEquals(800, col.getWidth());
        assertEquals(a.getHeight() + v.getHeight(), col.getHeight());
        Figure grid = Figure.grid(2, a, v, a);
        assertEquals(3, grid.panelCount());
        assertTrue(Figure.row(figures.get("hh"), a).panelCount() == 4);
        assertTrue(lumaVariance(row) > 50);
    }

    @Test
    void aGridsColumnsAreEquallyWideSoNarrowPanelsBesideAWideOneAreNotSqueezed() {
        Figure heat = HeatMap.of(HeatMapTest.grid(), "g [1]", "eta [1]", "rate [Hz]");
        Figure v = figures.get("voltage");
        assertTrue(heat.getWidth() < v.getWidth(), "the case needs a narrower panel");
        int rowHeight = Math.max(heat.getHeight(), v.getHeight());
        // Two columns as wide as the widest panel (2 × 800 px), fitted into 1000 px: the height
        // shrinks by the square root of the width's scale. Columns of their own widths would give
        // 480 + 800 px and a taller figure.
        Figure grid = Figure.grid(2, heat, v, heat, heat);
        assertEquals(1000, grid.getWidth());
        assertEquals(Math.round(2 * rowHeight * Math.sqrt(1000.0 / (2 * v.getWidth()))), grid.getHeight());
        // A single row keeps each panel's own width.
        assertEquals(Math.round(rowHeight * Math.sqrt(1000.0 / (heat.getWidth() + v.getWidth()))),
                Figure.row(heat, v).getHeight());
    }

    @Test
    void pngAtHigherDpiIsPaintedLargerAndRecordsItsResolution() throws Exception {
        Figure f = figures.get("voltage");
        byte[] png = f.toPng(192);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(2 * f.getWidth(), back.getWidth());
        assertEquals(2 * f.getHeight(), back.getHeight());
        var reader = ImageIO.getImageReadersByFormatName("png").next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(png)));
        var tree = (javax.imageio.metadata.IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
        var phys = (javax.imageio.metadata.IIOMetadataNode) tree.getElementsByTagName("pHYs").item(0);
        assertEquals(String.valueOf(Math.round(192 / 0.0254)), phys.getAttribute("pixelsPerUnitXAxis"));
    }

    @Test
    void savesPngAndSvgFiles(@TempDir Path dir) throws Exception {
        Figure f = figures.get("isi");
        Path png = f.savePng(dir.resolve("isi.png"), 150);
        Path svg = f.saveSvg(dir.resolve("isi.svg"));
        assertTrue(Files.size(png) > 8_000);
        assertTrue(Files.readString(svg).contains("inter-spike interval [ms]"));
    }

    @Test
    void badArgumentsToExportAndLayoutAreNamed() {
        Figure f = figures.get("voltage");
        var e = assertThrows(IllegalArgumentException.class, () -> f.toPng(5));
        assertTrue(e.getMessage().contains("dpi = 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Figure.row());
        assertTrue(e.getMessage().contains("figures is empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Figure.grid(0, f));
        assertTrue(e.getMessage().contains("cols = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Figure.row(f, null));
        assertTrue(e.getMessage().contains("figures[1] = null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.withSize(20, 400));
        assertTrue(e.getMessage().contains("width = 20"), e.getMessage());
    }

    @Test
    void withTitleAndWithSizeRepaint() {
        Figure f = figures.get("fI");
        Figure t = f.withTitle("Rates");
        assertEquals(f.getHeight() + 34, t.getHeight());
        assertEquals("Rates", t.title());
        Figure s = f.withSize(600, 300);
        assertEquals(600, s.getWidth());
        assertTrue(lumaVariance(s) > 50);
    }
}
