package dev.soma.notebook;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.soma.plot.Figure;
import dev.soma.sim.SimulationResult;
import tech.tablesaw.api.Table;

/**
 * Teaches the real IJava kernel to show Soma's objects as the Soma kernel does: a Tablesaw table
 * or a Tablesaw summary as an HTML table, a simulation result as an HTML summary, a figure as PNG.
 * IJava (1.3.0, on jupyter-jvm-basekernel 2.3.0) renders a cell's value through its own renderer
 * registry and never asks Soma's {@link SomaRenderer}; this class finds that registry through
 * {@code IJava.getKernelInstance().getRenderer()} and registers {@link SomaRenderer} there, by
 * reflection, because Soma does not depend on IJava or basekernel.
 *
 * <p>The front classes ({@code Simulation}, {@code Neurons}, {@code Network}, {@code Analysis},
 * {@code Plots}) call {@link #registerIfInIJava()} when they are first used, so a notebook needs no
 * extra line; in any other JVM (the Soma kernel, a plain program) it does nothing.
 */
public final class IJavaRenderers {

    private static final String IJAVA = "io.github.spencerpark.ijava.IJava";
    private static final String DISPLAY = "io.github.spencerpark.jupyter.kernel.display.";
    private static boolean done;

    private IJavaRenderers() {}

    /**
     * Registers Soma's renderers with the IJava kernel this JVM runs, once; does nothing outside
     * IJava.
     *
     * @return true if IJava's registry now has Soma's renderers
     */
    public static synchronized boolean registerIfInIJava() {
        if (!done) {
            done = register(IJavaRenderers.class.getClassLoader()) || register(Thread.currentThread().getContextClassLoader());
        }
        return done;
    }

    private static boolean register(ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        try {
            Class<?> ijava = Class.forName(IJAVA, false, loader);
            Object kernel = ijava.getMethod("getKernelInstance").invoke(null);
            if (kernel == null) {
                return false;
            }
            Object renderer = kernel.getClass().getMethod("getRenderer").invoke(kernel);
            ClassLoader basekernel = renderer.getClass().getClassLoader();
            Class<?> function = Class.forName(DISPLAY + "RenderFunction", false, basekernel);
            Class<?> mime = Class.forName(DISPLAY + "mime.MIMEType", false, basekernel);
            Method parse = mime.getMethod("parse", String.class);
            Method register = renderer.getClass().getMethod("register", Set.class, Set.class, Set.class, function);
            Object render = Proxy.newProxyInstance(function.getClassLoader(), new Class<?>[] {function}, new Render());
            register.invoke(renderer, mimes(parse, "text/html", "text/plain"), mimes(parse, "text/html", "text/plain"),
                    Set.of(Table.class, SimulationResult.class), render);
            register.invoke(renderer, mimes(parse, "image/png", "text/plain"), mimes(parse, "image/png", "text/plain"),
                    Set.of(Figure.class), render);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not IJava, or an IJava whose renderer registry differs: leave its rendering alone.
            return false;
        }
    }

    private static Set<Object> mimes(Method parse, String... types) throws ReflectiveOperationException {
        Set<Object> out = new LinkedHashSet<>();
        for (String t : types) {
            out.add(parse.invoke(null, t));
        }
        return out;
    }

    /** basekernel's {@code RenderFunction.render(value, context)}: fills the context's display data. */
    private static final class Render implements InvocationHandler {
        private final SomaRenderer soma = new SomaRenderer();

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws ReflectiveOperationException {
            switch (method.getName()) {
                case "render":
                    Map<String, Object> data = soma.render(args[0]);
                    if (data != null) {
                        Object out = args[1].getClass().getMethod("getOutputContainer").invoke(args[1]);
                        Method put = out.getClass().getMethod("putData", String.class, Object.class);
                        for (Map.Entry<String, Object> e : data.entrySet()) {
                            Object v = e.getValue();
                            put.invoke(out, e.getKey(), v instanceof byte[] ? Base64.getEncoder().encodeToString((byte[]) v) : v);
                        }
                    }
                    return null;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return "Soma's renderers";
                default:
                    return null;
            }
        }
    }
}
