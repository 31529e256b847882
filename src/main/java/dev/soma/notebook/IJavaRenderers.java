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
 * {@code Plots}) and every {@link Interactive} call {@link #registerIfInIJava()} when they are first
 * used, so a notebook needs no extra line; in any other JVM (the Soma kernel, a plain program) it
 * does nothing. An {@link Interactive} shows its kernel-free version there (the figures at every
 * slider value in a self-contained HTML page, and a line saying live sliders need the Soma kernel).
 */
public final class IJavaRenderers {

    private static final String IJAVA = "io.github.spencerpark.ijava.IJava";
    private static final String DISPLAY = "io.github.spencerpark.jupyter.kernel.display.";
    /** The registry Soma's renderers went into (IJava's kernel can be replaced, e.g. in tests). */
    private static Object registeredWith;
    /** No IJava class on any loader tried: this JVM is not IJava, nothing more to try. */
    private static boolean notIJava;

    private IJavaRenderers() {}

    /**
     * Registers Soma's renderers with the IJava kernel this JVM runs, once; does nothing outside
     * IJava.
     *
     * @return true if IJava's registry now has Soma's renderers
     */
    public static synchronized boolean registerIfInIJava() {
        if (notIJava) {
            return false;
        }
        ClassLoader own = IJavaRenderers.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        Class<?> ijava = ijavaClass(own);
        if (ijava == null && context != null && context != own) {
            ijava = ijavaClass(context);
        }
        if (ijava == null) {
            notIJava = true;
            return false;
        }
        Object renderer = registry(ijava);
        if (renderer == null) {
            return false; // IJava's kernel is not up yet: try again on the next call
        }
        if (renderer != registeredWith && register(renderer)) {
            registeredWith = renderer;
        }
        return renderer == registeredWith;
    }

    private static Class<?> ijavaClass(ClassLoader loader) {
        try {
            return loader == null ? null : Class.forName(IJAVA, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** IJava's renderer registry, or null while its kernel is not running. */
    private static Object registry(Class<?> ijava) {
        try {
            Object kernel = ijava.getMethod("getKernelInstance").invoke(null);
            return kernel == null ? null : kernel.getClass().getMethod("getRenderer").invoke(kernel);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static boolean register(Object renderer) {
        try {
            ClassLoader basekernel = renderer.getClass().getClassLoader();
            Class<?> function = Class.forName(DISPLAY + "RenderFunction", false, basekernel);
            Class<?> mime = Class.forName(DISPLAY + "mime.MIMEType", false, basekernel);
            Method parse = mime.getMethod("parse", String.class);
            Method register = renderer.getClass().getMethod("register", Set.class, Set.class, Set.class, function);
            Object render = Proxy.newProxyInstance(function.getClassLoader(), new Class<?>[] {function}, new Render());
            register.invoke(renderer, mimes(parse, "text/html", "text/plain"), mimes(parse, "text/html", "text/plain"),
                    Set.of(Table.class, SimulationResult.class, Interactive.class), render);
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
