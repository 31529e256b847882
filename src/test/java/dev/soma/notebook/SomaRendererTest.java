package dev.soma.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Neurons;
import dev.soma.Plots;
import dev.soma.Simulation;
import dev.soma.kernel.spi.MimeRenderer;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SomaRendererTest {

    static MimeRenderer found() {
        for (MimeRenderer r : ServiceLoader.load(MimeRenderer.class)) {
            if (r instanceof SomaRenderer) {
                return r;
            }
        }
        throw new AssertionError("SomaRenderer is not registered in META-INF/services");
    }

    @Test
    void isFoundByServiceLoader() {
        assertInstanceOf(SomaRenderer.class, found());
    }

    @Test
    void figuresTablesAndRunsRenderOthersAreLeftToTheKernel() {
        MimeRenderer r = found();
        var run = Simulation.of(Neurons.lif()).run(50);
        Map<String, Object> fig = r.render(Plots.voltage(run));
        byte[] png = (byte[]) fig.get("image/png");
        assertEquals((byte) 0x89, png[0]);
        assertTrue(((String) fig.get("text/plain")).startsWith("Figure 800×420 px"));
        Map<String, Object> table = r.render(run.table());
        assertTrue(((String) table.get("text/html")).contains("<table>"));
        assertTrue(((String) table.get("text/html")).contains("more rows"));
        assertTrue(((String) table.get("text/plain")).contains("t [ms]"));
        Map<String, Object> result = r.render(run);
        assertTrue(((String) result.get("text/html")).contains("<b>leaky integrate-and-fire</b>"));
        assertEquals(run.toString(), result.get("text/plain"));
        assertNull(r.render("just a string"));
        assertNull(r.render(42));
    }
}
