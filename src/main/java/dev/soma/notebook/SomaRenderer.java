package dev.soma.notebook;

import dev.soma.kernel.spi.MimeRenderer;
import dev.soma.plot.Figure;
import dev.soma.sim.SimulationResult;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Shows Soma's objects in the Soma kernel, found there through {@link java.util.ServiceLoader}
 * (see {@code META-INF/services/dev.soma.kernel.spi.MimeRenderer}): a {@link Figure} as PNG, a
 * Tablesaw {@link Table} as an HTML table (head and tail, row count, units in the headers) with a
 * text table beside it, a {@link SimulationResult} as a short HTML summary, an {@link Interactive}
 * or a {@link Widget} as live widgets (with the interact's kernel-free HTML beside them). Anything else is left
 * to the kernel (null). Other kernels never call it: there a figure still shows as an image,
 * because it is a {@link java.awt.image.RenderedImage}.
 */
public final class SomaRenderer implements MimeRenderer {

    /** Called by {@link java.util.ServiceLoader}. */
    public SomaRenderer() {}

    @Override
    public Map<String, Object> render(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof Figure) {
            Figure figure = (Figure) value;
            out.put("image/png", figure.toPng());
            out.put("text/plain", figure.toString());
        } else if (value instanceof Table) {
            Table table = (Table) value;
            out.put("text/html", Display.html(table));
            out.put("text/plain", Display.text(table));
        } else if (value instanceof Interactive) {
            return ((Interactive) value).displayData();
        } else if (value instanceof Widget) {
            return ((Widget) value).displayData();
        } else if (value instanceof SimulationResult) {
            SimulationResult run = (SimulationResult) value;
            out.put("text/html", Display.html(run));
            out.put("text/plain", run.toString());
        } else {
            return null;
        }
        return out;
    }
}
