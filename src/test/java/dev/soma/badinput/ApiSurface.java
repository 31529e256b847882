package dev.soma.badinput;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The public surface the bad-input suite probes, found by reflection so that a new method is
 * covered the day it is written.
 *
 * <p>It starts from the front classes of package {@code dev.soma} (every public class directly in
 * that package, read from the class path) and follows return types: a public method's return type
 * (or array element type) that is a Soma type is reachable, and so are its public methods and
 * constructors. Every reachable public method or constructor with at least one parameter is
 * probed, except the few kinds listed in {@link #EXCLUDED_KINDS} (each with its reason).
 */
final class ApiSurface {
    private ApiSurface() {}

    /** The front classes every notebook starts from; discovery must find at least these. */
    static final List<String> KNOWN_FRONTS = List.of("Neurons", "Simulation", "Stimulus", "Synapses", "Spikes",
            "Network", "Analysis", "Plots", "Activation", "Interact", "Units");

    /** Kinds of public methods that are not entry points a person calls with arguments, and why. */
    static final Map<String, String> EXCLUDED_KINDS = Map.of(
            "equals(Object)", "Object's contract: equals(null) is false, by definition",
            "enum valueOf(String)", "written by the compiler for every enum (Soma parses names itself, e.g. Method by method(String))",
            "engine step contract", "NeuronModel.derivatives/linearParts/derived/reset(double[]), Attachment.Instance,"
                    + " Current.at/leftLimit/nextBreakpoint, a receptor's per-step arithmetic (SynapseKind.derivatives/linearParts/"
                    + "current/conductance/addEvent) and a spike source's schedule (SpikeSource.steps/rateAt): the engine calls them"
                    + " on every step with times and arrays it owns; and the draws a network builder makes per neuron or"
                    + " connection (NeuronDraw/ConnectionDraw.draw, RandomValue.next) with its own random stream:"
                    + " a check there would cost the hot loop",
            "start-state hook", "NeuronModel.checkState(double[]): called by SimulationSetup.startFrom after it has checked the"
                    + " state's length and finiteness; probed through startFrom",
            "runOnSpark(String)", "starts Apache Spark (seconds per call); its argument checks are tested in SparkLocalTest",
            "notebook exercise", "Exercise.todo(what) and Exercise.check(...): the marker of an exercise's missing piece and"
                    + " the verdict on a student's answer; both stop the cell on purpose (todo always, check with an"
                    + " AssertionError \"✗ … not yet right\" for a wrong or non-finite answer). Their own argument checks are"
                    + " tested in ExerciseTest, their use by the notebook tests",
            "record constructor", "the canonical constructor of a record Soma returns (a fixed point, an onset, a sweep point, a"
                    + " spike rule): its components are data, not settings; where a person makes one there is a factory"
                    + " (SpikeRule.reset, SpikeRule.crossing), and that is probed");

    /** One probed method or constructor, with the reachable type it was found on. */
    record Entry(Class<?> owner, Executable executable) {
        boolean isStatic() {
            return executable instanceof Constructor || Modifier.isStatic(executable.getModifiers());
        }

        /** E.g. {@code SimulationSetup.dt(double)} or {@code Interactive.<init>(Function)}. */
        String id() {
            String name = executable instanceof Constructor ? "<init>" : executable.getName();
            StringBuilder s = new StringBuilder(simpleName(owner)).append('.').append(name).append('(');
            Class<?>[] types = executable.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                s.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
            }
            return s.append(')').toString();
        }
    }

    /** The name a notebook writes: {@code SpikingNetwork.Builder} for a nested class. */
    static String simpleName(Class<?> c) {
        return c.getEnclosingClass() == null ? c.getSimpleName() : simpleName(c.getEnclosingClass()) + "." + c.getSimpleName();
    }

    static boolean isSomaType(Class<?> c) {
        while (c.isArray()) c = c.getComponentType();
        // The kernel is an application, not a library API reachable from a notebook's front classes.
        return c.getName().startsWith("dev.soma.") && !c.getName().startsWith("dev.soma.kernel");
    }

    /** Every public class directly in package dev.soma (not its sub-packages), read from the class path. */
    static List<Class<?>> frontClasses() {
        URL url = ApiSurface.class.getClassLoader().getResource("dev/soma/Neurons.class");
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("dev.soma is not on the class path as a folder (" + url + "); "
                    + "the suite finds the front classes by listing it");
        }
        File folder;
        try {
            folder = new File(url.toURI()).getParentFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Set<String> names = new TreeSet<>();
        for (String file : folder.list()) {
            if (file.endsWith(".class") && !file.contains("$") && !file.equals("package-info.class")) {
                names.add(file.substring(0, file.length() - ".class".length()));
            }
        }
        if (!names.containsAll(KNOWN_FRONTS)) {
            throw new IllegalStateException("front classes missing from " + folder + ": expected " + KNOWN_FRONTS + ", found " + names);
        }
        List<Class<?>> fronts = new ArrayList<>();
        for (String name : names) {
            try {
                Class<?> c = Class.forName("dev.soma." + name);
                if (Modifier.isPublic(c.getModifiers())) fronts.add(c);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return fronts;
    }

    /** The reachable types, in discovery order (fronts first). */
    static List<Class<?>> reachableTypes() {
        Deque<Class<?>> queue = new ArrayDeque<>(frontClasses());
        Set<Class<?>> seen = new LinkedHashSet<>(queue);
        while (!queue.isEmpty()) {
            Class<?> c = queue.poll();
            for (Method m : publicMethods(c)) {
                Class<?> r = m.getReturnType();
                while (r.isArray()) r = r.getComponentType();
                if (isSomaType(r) && Modifier.isPublic(r.getModifiers()) && seen.add(r)) queue.add(r);
            }
        }
        return new ArrayList<>(seen);
    }

    /** Every probed entry: reachable public methods and constructors with parameters, minus the excluded kinds. */
    static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (Class<?> c : reachableTypes()) {
            for (Method m : publicMethods(c)) {
                if (m.getParameterCount() > 0 && !excluded(c, m)) out.add(new Entry(c, m));
            }
            if (!c.isInterface() && !Modifier.isAbstract(c.getModifiers()) && !c.isEnum() && !c.isRecord()) {
                for (Constructor<?> k : c.getConstructors()) {
                    if (k.getParameterCount() > 0) out.add(new Entry(c, k));
                }
            }
        }
        out.sort(Comparator.comparing(Entry::id));
        return out;
    }

    /** Public methods declared by Soma types (not those inherited from Object, Enum or a library's class), one per signature. */
    static List<Method> publicMethods(Class<?> c) {
        Map<String, Method> bySignature = new LinkedHashMap<>();
        for (Method m : c.getMethods()) {
            if (m.isSynthetic() || m.isBridge() || !isSomaType(m.getDeclaringClass())) continue;
            String key = m.getName() + Arrays.toString(m.getParameterTypes());
            Method known = bySignature.get(key);
            // Keep the most specific declaration (the class's own over an interface's default).
            if (known == null || known.getDeclaringClass().isAssignableFrom(m.getDeclaringClass())) bySignature.put(key, m);
        }
        List<Method> out = new ArrayList<>(bySignature.values());
        out.sort(Comparator.comparing(m -> m.getName() + Arrays.toString(m.getParameterTypes())));
        return out;
    }

    /** Which of {@link #EXCLUDED_KINDS} a method belongs to, or null. */
    static String exclusion(Class<?> owner, Method m) {
        if (m.getName().equals("equals") && m.getParameterCount() == 1 && m.getParameterTypes()[0] == Object.class) {
            return "equals(Object)";
        }
        if (owner.isEnum() && m.getName().equals("valueOf") && Modifier.isStatic(m.getModifiers())) {
            return "enum valueOf(String)";
        }
        if (m.getName().equals("runOnSpark")) {
            return "runOnSpark(String)";
        }
        if (m.getDeclaringClass() == dev.soma.Exercise.class) {
            return "notebook exercise";
        }
        if (!Modifier.isStatic(m.getModifiers()) && implementsStepContract(m)) {
            return "engine step contract";
        }
        if (!Modifier.isStatic(m.getModifiers()) && m.getName().equals("checkState") && declares(dev.soma.model.NeuronModel.class, m)) {
            return "start-state hook";
        }
        return null;
    }

    private static boolean excluded(Class<?> owner, Method m) {
        return exclusion(owner, m) != null;
    }

    private static final Set<String> MODEL_STEP_METHODS = Set.of("derivatives", "linearParts", "derived", "reset");
    private static final Set<String> CURRENT_STEP_METHODS = Set.of("at", "leftLimit", "nextBreakpoint");

    private static final Set<String> RECEPTOR_STEP_METHODS = Set.of("derivatives", "linearParts", "current", "conductance", "addEvent");

    private static boolean implementsStepContract(Method m) {
        if (m.getDeclaringClass() == dev.soma.synapse.SynapseKind.class && RECEPTOR_STEP_METHODS.contains(m.getName())) return true;
        if (m.getDeclaringClass() == dev.soma.stimulus.SpikeSource.class && Set.of("steps", "rateAt").contains(m.getName())) return true;
        if (m.getName().equals("draw") && (declares(dev.soma.network.NeuronDraw.class, m) || declares(dev.soma.network.ConnectionDraw.class, m))) {
            return true;
        }
        if (m.getDeclaringClass() == dev.soma.network.RandomValue.class && m.getName().equals("next")) return true;
        if (declares(dev.soma.sim.Attachment.Instance.class, m)) return true;
        if (CURRENT_STEP_METHODS.contains(m.getName()) && declares(dev.soma.stimulus.Current.class, m)) return true;
        return MODEL_STEP_METHODS.contains(m.getName()) && declares(dev.soma.model.NeuronModel.class, m);
    }

    private static boolean declares(Class<?> type, Method m) {
        try {
            type.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * The property a one-argument setter sets, or null: for an instance method that returns its own
     * kind of object ({@code withTauMs(v)}, {@code durationMs(value)}, {@code dt(stepMs)}), the
     * method's name without a {@code with} or {@code at} prefix, e.g. {@code tauMs}, {@code durationMs},
     * {@code dt}. A message may name the property instead of the Java parameter: it is the word the
     * notebook's line shows.
     */
    static String setterProperty(Entry entry) {
        if (!(entry.executable() instanceof Method m) || entry.isStatic() || m.getParameterCount() != 1
                || !m.getReturnType().isAssignableFrom(entry.owner()) && !entry.owner().isAssignableFrom(m.getReturnType())) {
            return null;
        }
        String name = m.getName();
        for (String prefix : List.of("with", "at")) {
            if (name.length() > prefix.length() && name.startsWith(prefix) && Character.isUpperCase(name.charAt(prefix.length()))) {
                String rest = name.substring(prefix.length());
                return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        return name;
    }

    /** How many public methods of the reachable types were left out, by kind (for the report). */
    static Map<String, Integer> excludedCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Class<?> c : reachableTypes()) {
            for (Method m : publicMethods(c)) {
                String kind = m.getParameterCount() > 0 ? exclusion(c, m) : null;
                if (kind != null) counts.merge(kind, 1, Integer::sum);
            }
            if (c.isRecord()) {
                for (Constructor<?> k : c.getConstructors()) {
                    if (k.getParameterCount() > 0) counts.merge("record constructor", 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
