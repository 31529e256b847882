package dev.soma.kernel.spi;

import java.util.Map;

/**
 * Turns an object into Jupyter display data, so that a library loaded into a notebook can show
 * its own types well (a figure as an image, a table as HTML) without the kernel knowing them.
 *
 * <p>The Soma kernel finds implementations with {@link java.util.ServiceLoader} on the notebook's
 * class loader, after start-up and again after every {@code %jars}, {@code %classpath},
 * {@code %maven} and {@code %%loadFromPOM}. To contribute one, put a public class with a public
 * no-argument constructor in your jar and name it in
 * {@code META-INF/services/dev.soma.kernel.spi.MimeRenderer}.
 *
 * <p>When a cell's last expression, {@code display(o)} or {@code render(o)} is shown, the kernel asks
 * each renderer in turn (in the order they were found); the first non-null answer wins. If every
 * renderer answers null, the kernel's built-in rendering is used ({@code text/plain} from
 * {@code toString()}, {@code image/png} for {@link java.awt.image.RenderedImage}).
 *
 * <p>This interface is the only kernel type a library needs, and it has no dependencies. A jar
 * that contains a copy of this package still works in the Soma kernel (the kernel's copy wins,
 * because the notebook's class loader asks its parent first) and in other kernels such as IJava,
 * where nothing calls it; load your implementation only through {@code ServiceLoader}, never by
 * name from code that must also run without the kernel.
 */
@FunctionalInterface
public interface MimeRenderer {

    /**
     * Renders an object as display data.
     *
     * @param value the object to show, never null
     * @return a map from MIME type (e.g. {@code "text/html"}, {@code "image/png"},
     *     {@code "text/plain"}) to its data, or null if this renderer does not handle the value.
     *     Text types map to a {@code String}; binary types such as {@code image/png} map to either
     *     a {@code byte[]} (the kernel encodes it in base64) or an already base64-encoded
     *     {@code String}. If the map has no {@code text/plain} entry the kernel adds
     *     {@code String.valueOf(value)}.
     */
    Map<String, Object> render(Object value);
}
