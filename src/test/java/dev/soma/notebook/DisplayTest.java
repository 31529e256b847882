package dev.soma.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class DisplayTest {

    static Table trace(int rows) {
        double[] t = new double[rows];
        double[] v = new double[rows];
        for (int i = 0; i < rows; i++) {
            t[i] = i * 0.025;
            v[i] = -65 + i * 0.001;
        }
        return Table.create("LIF", DoubleColumn.create("t [ms]", t), DoubleColumn.create("V [mV]", v));
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void longTableShowsHeadTailAndHowManyRowsAreHidden() {
        String html = Display.html(trace(1000));
        assertEquals(1 + 10 + 1 + 5, count(html, "<tr"), html);
        assertTrue(html.contains("… 985 more rows …"), html);
        assertTrue(html.contains("LIF: 1,000 rows × 2 columns"), html);
        assertTrue(html.contains("<td style=\"text-align: right\">0.025</td>"), "first rows: " + html);
        assertTrue(html.contains(">24.975</td>"), "last row: " + html);
        assertFalse(html.contains(">0.25</td>"), "row 10 must be hidden");
    }

    @Test
    void shortTableShowsEveryRow() {
        String html = Display.html(trace(20));
        assertEquals(21, count(html, "<tr"));
        assertFalse(html.contains("more rows"));
        assertEquals(1 + 3 + 1 + 2, count(Display.html(trace(50), 3, 2), "<tr"));
    }

    @Test
    void headersKeepTheirUnits() {
        String html = Display.html(trace(3));
        assertTrue(html.contains("t <span style=\"color: #666; font-weight: normal\">[ms]</span>"), html);
        assertTrue(html.contains("V <span style=\"color: #666; font-weight: normal\">[mV]</span>"), html);
        String header = Display.text(trace(3)).split("\n")[0];
        assertTrue(header.startsWith("t [ms]") && header.endsWith("V [mV]"), header);
    }

    @Test
    void everythingIsEscaped() {
        Table t = Table.create("<b>&", StringColumn.create("name <x>", "a<script>alert('x')</script>", "\"q\""));
        String html = Display.html(t);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("a&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
        assertTrue(html.contains("&quot;q&quot;"), html);
        assertTrue(html.contains("name &lt;x&gt;"), html);
        assertTrue(html.contains("&lt;b&gt;&amp;: 2 rows"), html);
    }

    @Test
    void numbersAreFormattedSensibly() {
        assertEquals("-65", Display.number(-65.0));
        assertEquals("0.1", Display.number(0.1));
        assertEquals("0.333333", Display.number(1.0 / 3));
        assertEquals("1.5e-7", Display.number(1.5e-7));
        assertEquals("1.23457e8", Display.number(123456789.0));
        assertEquals("NaN", Display.number(Double.NaN));
        assertEquals("0", Display.number(0.0));
        Table t = Table.create("n", IntColumn.create("spikes", 3, 12), DoubleColumn.create("rate [Hz]", 30.0, 0.1 + 0.2));
        String[] lines = Display.text(t).split("\n");
        assertEquals(java.util.List.of("3", "30"), java.util.List.of(lines[2].trim().split("\\s+")));
        assertEquals(java.util.List.of("12", "0.3"), java.util.List.of(lines[3].trim().split("\\s+")));
        assertEquals(lines[0].length(), lines[2].length(), "numbers are right-aligned under their headers");
    }

    @Test
    void textTableHasHeadTailAndCount() {
        String text = Display.text(trace(100));
        String[] lines = text.split("\n");
        assertEquals(2 + 10 + 1 + 5 + 1, lines.length, text);
        assertEquals("… 85 more rows …", lines[12]);
        assertEquals("LIF: 100 rows × 2 columns", lines[lines.length - 1]);
        assertTrue(lines[1].matches("-+  -+"), lines[1]);
    }

    @Test
    void missingValuesShowEmpty() {
        DoubleColumn c = DoubleColumn.create("x [mV]", 1.0, Double.NaN);
        String html = Display.html(Table.create("m", c));
        assertTrue(html.contains("<td style=\"text-align: right\"></td>"), html);
    }

    @Test
    void badArgumentsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Display.html((Table) null));
        assertTrue(e.getMessage().contains("table = null"));
        e = assertThrows(IllegalArgumentException.class, () -> Display.html(trace(5), -1, 2));
        assertTrue(e.getMessage().contains("head = -1"));
        e = assertThrows(IllegalArgumentException.class, () -> Display.png(null));
        assertTrue(e.getMessage().contains("image = null"));
    }

    @Test
    void imagesBecomePngAndBase64() throws Exception {
        BufferedImage img = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 4, 0xFF0000);
        byte[] png = Display.png(img);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(Display.base64Png(img))));
        assertEquals(30, back.getWidth());
        assertEquals(0xFF0000, back.getRGB(3, 4) & 0xFFFFFF);
    }
}
