package dev.soma.notebook;

import dev.soma.kernel.spi.WidgetHost;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Makes an {@link Interactive} show its kernel-free version in the real IJava (1.3.0), which knows
 * nothing of Soma: IJava renders a cell's value through its base library's renderer registry
 * ({@code io.github.spencerpark.jupyter.kernel.display.Renderer}), so Soma registers a render
 * function there, by reflection, the first time an interact is built in a JVM without the Soma
 * kernel. Without it IJava would show only {@code toString()}.
 */
final class IJavaDisplay {

    private static final String IJAVA = "io.github.spencerpark.ijava.IJava";
    private static final String RENDER_FUNCTION = "io.github.spencerpark.jupyter.kernel.display.RenderFunction";
    /** Registered with IJava, or certain that this JVM has no IJava: nothing more to try. */
    private static volatile boolean settled;

    private IJavaDisplay() {
    }

    /**
     * Registers once, if this JVM runs IJava and not the Soma kernel; does nothing anywhere else.
     * Tries again on the next interact while IJava's class is there but its kernel is not running.
     */
    static void register() {
        if (settled || WidgetHost.current() != null) {
            return;
        }
        synchronized (IJavaDisplay.class) {
            if (settled) {
                return;
            }
            try {
                ClassLoader cl = IJavaDisplay.class.getClassLoader();
                Class<?> ijava = Class.forName(IJAVA, true, cl);
                Object kernel = ijava.getMethod("getKernelInstance").invoke(null);
                if (kernel == null) {
                    return;
                }
                Object renderer = kernel.getClass().getMethod("getRenderer").invoke(kernel);
                Class<?> function = Class.forName(RENDER_FUNCTION, true, renderer.getClass().getClassLoader());
                Object registration = renderer.getClass().getMethod("createRegistration", Class.class)
                        .invoke(renderer, Interactive.class);
                registration = registration.getClass().getMethod("preferring", String[].class)
                        .invoke(registration, (Object) new String[] {"text/html"});
                Object proxy = Proxy.newProxyInstance(function.getClassLoader(), new Class<?>[] {function}, new Render());
                registration.getClass().getMethod("register", function).invoke(registration, proxy);
                settled = true;
            } catch (ClassNotFoundException | LinkageError e) {
                settled = true; // not IJava: nothing to register with
            } catch (ReflectiveOperationException | RuntimeException e) {
                settled = true;
                System.err.println("soma: could not register interactive outputs with IJava: " + e);
            }
        }
    }

    /** {@code RenderFunction.render(Interactive, RenderContext)}: puts the static display data into the context's output. */
    private static final class Render implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "render" -> {
                    Interactive interactive = (Interactive) args[0];
                    Object out = args[1].getClass().getMethod("getOutputContainer").invoke(args[1]);
                    Method put = out.getClass().getMethod("putData", String.class, Object.class);
                    for (Map.Entry<String, Object> e : interactive.staticDisplayData().entrySet()) {
                        put.invoke(out, e.getKey(), e.getValue());
                    }
                    return null;
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "Soma's interactive renderer";
                }
                default -> throw new UnsupportedOperationException(method.getName());
            }
        }
    }
}
