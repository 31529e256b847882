package dev.soma.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * The Javadoc that jars on the notebook's class path carry in {@value #RESOURCE} (Soma's all jar
 * does; {@link JavadocExtractor} writes it at build time), looked up for what JShell's
 * documentation names: a class, a field, a method or constructor with its parameter types, or the
 * type of a variable. A method without its own comment takes its superclass's or interface's.
 */
final class JavadocIndex {

    /** Where a jar keeps its Javadoc for the kernel. */
    static final String RESOURCE = "META-INF/soma/javadoc.properties";

    private List<URL> loadedFrom = List.of();
    private Map<String, String> docs = Map.of();
    /** Every documented class, by its simple name (the last segment: "Neurons", "Builder"). */
    private Map<String, Set<String>> classesBySimpleName = Map.of();

    /** A comment found for a signature: the key it was found under and its raw text. */
    record Found(String key, String raw) {
    }

    /** Reads the index again if the class path's index files changed (after {@code %jars}). */
    synchronized void refresh(ClassLoader loader) {
        if (loader == null) {
            return;
        }
        List<URL> urls;
        try {
            urls = Collections.list(loader.getResources(RESOURCE));
        } catch (IOException e) {
            return;
        }
        if (urls.equals(loadedFrom)) {
            return;
        }
        Map<String, String> all = new HashMap<>();
        for (URL url : urls) {
            Properties p = new Properties();
            try (InputStream in = url.openStream(); Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                continue;
            }
            for (String k : p.stringPropertyNames()) {
                all.putIfAbsent(k, p.getProperty(k));
            }
        }
        Map<String, Set<String>> bySimple = new HashMap<>();
        for (String key : all.keySet()) {
            String cls = key.contains("#") ? key.substring(0, key.indexOf('#')) : key;
            bySimple.computeIfAbsent(cls.substring(cls.lastIndexOf('.') + 1), k -> new LinkedHashSet<>()).add(cls);
        }
        docs = all;
        classesBySimpleName = bySimple;
        loadedFrom = urls;
    }

    synchronized boolean isEmpty() {
        return docs.isEmpty();
    }

    /**
     * The comment for one of JShell's documentation signatures ({@code "HodgkinHuxley
     * Neurons.hodgkinHuxley()"}, {@code "run:dev.soma.sim.SimulationResult"}, {@code "Units.mV:double"},
     * {@code "dev.soma.Neurons"}), or null. {@code resolve} turns a simple class name into the
     * qualified names it may mean where the cursor is.
     */
    synchronized Found lookup(String signature, Function<String, List<String>> resolve, ClassLoader loader) {
        if (docs.isEmpty()) {
            return null;
        }
        String s = stripGenerics(signature).strip();
        int paren = s.indexOf('(');
        if (paren >= 0) {
            String head = s.substring(0, paren).strip();
            String params = s.substring(paren + 1, Math.max(paren + 1, s.lastIndexOf(')')));
            List<String> types = new ArrayList<>();
            for (String p : params.split(",")) {
                String t = p.strip();
                if (t.isEmpty()) {
                    continue;
                }
                int sp = t.lastIndexOf(' ');
                types.add(JavadocExtractor.simpleType(sp < 0 ? t : t.substring(0, sp)));
            }
            String owner;
            String name;
            int sp = head.lastIndexOf(' ');
            if (sp < 0) {
                owner = head;
                name = "<init>";
            } else {
                String qualified = head.substring(sp + 1);
                int dot = qualified.lastIndexOf('.');
                if (dot < 0) {
                    return null;
                }
                owner = qualified.substring(0, dot);
                name = qualified.substring(dot + 1);
            }
            String member = "#" + name + "(" + String.join(",", types) + ")";
            for (String cls : classes(owner, resolve)) {
                Found f = inherited(cls, member, loader);
                if (f != null) {
                    return f;
                }
            }
            return null;
        }
        int colon = s.indexOf(':');
        if (colon >= 0) {
            String left = s.substring(0, colon).strip();
            String right = s.substring(colon + 1).strip();
            int dot = left.lastIndexOf('.');
            if (dot > 0) {
                for (String cls : classes(left.substring(0, dot), resolve)) {
                    Found f = inherited(cls, "#" + left.substring(dot + 1), loader);
                    if (f != null) {
                        return f;
                    }
                }
                return null;
            }
            return classDoc(right.replace("[]", ""), resolve);
        }
        return classDoc(s, resolve);
    }

    /**
     * For a method without parameters that returns a documented class of another class's making
     * ({@code Neurons.hodgkinHuxley()}), that class's comment: its equations and parameter table
     * are what a reader of a factory wants. Null otherwise.
     */
    synchronized Found resultDoc(String signature, Function<String, List<String>> resolve) {
        String s = stripGenerics(signature).strip();
        int paren = s.indexOf('(');
        if (paren < 0 || !s.substring(paren).replaceAll("\\s", "").equals("()")) {
            return null;
        }
        String head = s.substring(0, paren).strip();
        int sp = head.lastIndexOf(' ');
        if (sp < 0) {
            return null;
        }
        String result = head.substring(0, sp).strip();
        String qualified = head.substring(sp + 1);
        String owner = qualified.contains(".") ? qualified.substring(0, qualified.lastIndexOf('.')) : "";
        Found f = classDoc(result, resolve);
        if (f == null || f.key().equals(owner) || f.key().endsWith("." + owner)) {
            return null;
        }
        return f;
    }

    private Found classDoc(String name, Function<String, List<String>> resolve) {
        for (String cls : classes(name, resolve)) {
            String raw = docs.get(cls);
            if (raw != null) {
                return new Found(cls, raw);
            }
        }
        return null;
    }

    /** The documented classes a name in a signature may mean, the likeliest first. */
    private List<String> classes(String name, Function<String, List<String>> resolve) {
        Set<String> out = new LinkedHashSet<>();
        String simple = name.substring(name.lastIndexOf('.') + 1);
        Set<String> known = classesBySimpleName.getOrDefault(simple, Set.of());
        if (known.contains(name)) {
            out.add(name);
        }
        if (!name.contains(".") && resolve != null) {
            for (String q : resolve.apply(name)) {
                if (known.contains(q)) {
                    out.add(q);
                }
            }
        }
        for (String k : known) {
            if (k.endsWith("." + name)) {
                out.add(k);
            }
        }
        return new ArrayList<>(out);
    }

    /** The member's comment in {@code cls}, else in its superclasses and interfaces. */
    private Found inherited(String cls, String member, ClassLoader loader) {
        String raw = docs.get(cls + member);
        if (raw != null) {
            return new Found(cls + member, raw);
        }
        if (loader == null) {
            return null;
        }
        Class<?> start;
        try {
            start = Class.forName(binaryName(cls, loader), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        Deque<Class<?>> todo = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (!seen.add(c)) {
                continue;
            }
            String name = c.getCanonicalName();
            if (name != null && (raw = docs.get(name + member)) != null) {
                return new Found(name + member, raw);
            }
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
            Collections.addAll(todo, c.getInterfaces());
        }
        return null;
    }

    /** "a.b.Outer.Inner" as the class loader names it ("a.b.Outer$Inner"). */
    private static String binaryName(String canonical, ClassLoader loader) {
        String name = canonical;
        while (true) {
            try {
                Class.forName(name, false, loader);
                return name;
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = name.lastIndexOf('.');
                if (dot < 0) {
                    return canonical;
                }
                name = name.substring(0, dot) + "$" + name.substring(dot + 1);
            }
        }
    }

    static String stripGenerics(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int depth = 0;
        for (char c : s.toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
