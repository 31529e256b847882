package dev.soma.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Javadoc for Shift+Tab: extracted from the sources, looked up by JShell's signatures, shown as text. */
class JavadocTextTest {

    @Test
    void inlineTagsBecomeTextOrCode() {
        assertEquals("x = f(y) and hodgkinHuxley() or Neurons.lif() with all rights",
                JavadocText.inline("{@code x = f(y)} and {@link #hodgkinHuxley()} or {@link Neurons#lif()} with {@linkplain #x all rights}", false));
        assertEquals("<code>a &lt; b</code>", JavadocText.inline("{@code a < b}", true));
        assertEquals("<code>Map.of(\"k\", {1})</code>", JavadocText.inline("{@code Map.of(\"k\", {1})}", true).replace("&quot;", "\""));
    }

    @Test
    void blockTagsListParametersReturnsAndThrows() {
        String raw = "Does it.\n\n@param amplitude the current, in µA/cm²\n@param startMs when it starts, in ms\n"
                + "@return the current\n@throws IllegalArgumentException if {@code startMs} is NaN";
        String text = JavadocText.plain(raw);
        assertEquals("Does it.\n\nParameters:\n  amplitude – the current, in µA/cm²\n  startMs – when it starts, in ms"
                + "\n\nReturns: the current\n\nThrows:\n  IllegalArgumentException – if startMs is NaN", text);
        String html = JavadocText.html(raw);
        assertTrue(html.contains("<dt>Parameters:</dt><dd><code>amplitude</code> – the current, in µA/cm²</dd>"), html);
    }

    @Test
    void tablesAlignPreformattedTextStaysAndParagraphsWrap() {
        String raw = "Summary.\n <pre>\n a = b\n   c\n </pre>\n <table><caption>Parameters</caption>"
                + "<tr><th>name</th><th>unit</th></tr><tr><td>gNa</td><td>mS/cm&minus;²</td></tr></table>\n <p>"
                + "word ".repeat(30);
        String text = JavadocText.plain(raw);
        assertTrue(text.startsWith("Summary.\n\na = b\n  c\n\nParameters\nname  unit\n----  -------\ngNa   mS/cm−²"), text);
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= 100, line);
        }
    }

    @Test
    void typesAreKeyedByTheirSimpleErasedNames() {
        assertEquals("List", JavadocExtractor.simpleType("java.util.List<dev.soma.plot.Figure>"));
        assertEquals("Figure[]", JavadocExtractor.simpleType("dev.soma.plot.Figure..."));
        assertEquals("double[][]", JavadocExtractor.simpleType("double[][]"));
        assertEquals("Map", JavadocExtractor.simpleType("Map<String, List<Double>>"));
    }

    @Test
    void theExtractorFindsClassesMethodsOverloadsConstructorsAndFields() throws Exception {
        Path src = Paths.get("src", "main", "java");
        Map<String, String> docs = JavadocExtractor.extract(src.resolve("dev/soma/kernel"));
        assertTrue(docs.containsKey("dev.soma.kernel.JavadocExtractor"), docs.keySet().toString());
        assertTrue(docs.containsKey("dev.soma.kernel.JavadocExtractor#simpleType(String)"));
        assertTrue(docs.containsKey("dev.soma.kernel.JavadocIndex#RESOURCE"));
        assertTrue(docs.containsKey("dev.soma.kernel.JavadocIndex.Found"));
        assertTrue(docs.containsKey("dev.soma.kernel.Display#display(Object,String[])"));
        assertTrue(docs.containsKey("dev.soma.kernel.Display#display(Object)"));
        Map<String, String> front = JavadocExtractor.extract(src.resolve("dev/soma"));
        assertTrue(front.containsKey("dev.soma.Neurons#hodgkinHuxley()"));
        assertTrue(front.containsKey("dev.soma.Neurons#lif(String)"));
        assertTrue(front.containsKey("dev.soma.Stimulus#step(double,double,double)"));
    }

    @Test
    void signaturesFromJShellFindTheirComments() throws Exception {
        JavadocIndex index = new JavadocIndex();
        index.refresh(getClass().getClassLoader());
        ClassLoader cl = getClass().getClassLoader();
        assertTrue(index.lookup("dev.soma.model.HodgkinHuxley Neurons.hodgkinHuxley()", n -> List.of("dev.soma.Neurons"), cl)
                .raw().startsWith("The Hodgkin–Huxley squid axon"));
        assertEquals("dev.soma.Neurons#lif(String)",
                index.lookup("dev.soma.model.LeakyIntegrateAndFire Neurons.lif(String preset)", n -> List.of(), cl).key());
        assertEquals("dev.soma.model.HodgkinHuxley", index.lookup("hh:dev.soma.model.HodgkinHuxley", n -> List.of(), cl).key());
        assertEquals("dev.soma.Units#mV", index.lookup("Units.mV:double", n -> List.of(), cl).key());
        assertEquals("dev.soma.Plots#row(Figure[])",
                index.lookup("dev.soma.plot.Figure Plots.row(dev.soma.plot.Figure... figures)", n -> List.of(), cl).key());
        assertEquals("dev.soma.Plots#row(List)",
                index.lookup("dev.soma.plot.Figure Plots.row(List<dev.soma.plot.Figure> figures)", n -> List.of(), cl).key());
        assertEquals("dev.soma.model.HodgkinHuxley",
                index.resultDoc("dev.soma.model.HodgkinHuxley Neurons.hodgkinHuxley()", n -> List.of()).key());
        assertNull(index.lookup("int Math.abs(int a)", n -> List.of("java.lang.Math"), cl));
    }
}
