package dev.soma.kernel;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * The notebook's variables as the memory they hold. JShell keeps a variable's value in a static
 * field of the class it compiled for the declaration, and keeps that class when the variable is
 * declared again: without help, {@code var big = new double[...]} run twice holds two arrays, and
 * the first one cannot be reached from the notebook to free it. This class clears the values of
 * replaced and dropped declarations as soon as JShell replaces them (before the new initializer
 * runs), and estimates what the variables hold for the error of a cell that failed.
 */
final class Variables {

    /** A value at least this large, declared by a cell that then failed, is named in the error. */
    static final long LARGE_BYTES = 10L << 20;

    private final List<VarSnippet> tracked = new CopyOnWriteArrayList<>();
    private final Supplier<ClassLoader> loader;

    Variables(Supplier<ClassLoader> loader) {
        this.loader = loader;
    }

    /** Remembers a declaration JShell has just made. */
    void track(VarSnippet s) {
        if (!tracked.contains(s)) {
            tracked.add(s);
        }
    }

    /** Clears the values of declarations that are no longer active (replaced or dropped). */
    void releaseReplaced(JShell js) {
        for (VarSnippet s : tracked) {
            Snippet.Status status;
            try {
                status = js.status(s);
            } catch (RuntimeException e) {
                status = Snippet.Status.DROPPED;
            }
            if (!status.isActive()) {
                tracked.remove(s);
                Field f = field(js, s);
                if (f != null && !f.getType().isPrimitive()) {
                    try {
                        f.set(null, null);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // the value stays; nothing worse than before
                    }
                }
            }
        }
    }

    /** The current value of a declared variable, or null if it cannot be read. */
    Object value(JShell js, VarSnippet s) {
        Field f = field(js, s);
        try {
            return f == null ? null : f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private Field field(JShell js, VarSnippet s) {
        ClassLoader cl = loader.get();
        if (cl == null) {
            return null;
        }
        try {
            String cls = js.sourceCodeAnalysis().wrapper(s).fullClassName();
            Field f = Class.forName(cls, false, cl).getDeclaredField(s.name());
            if (!Modifier.isStatic(f.getModifiers())) {
                return null;
            }
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * About how many bytes a value holds: its arrays, the elements of its collections and maps,
     * and the fields of its objects, followed up to {@value #MAX_VISITS} objects (a lower bound
     * when the graph is larger or reaches objects that cannot be read). 0 for null.
     */
    static long bytes(Object value) {
        return bytes(value, MAX_VISITS);
    }

    /**
     * {@link #bytes(Object)}, following at most {@code maxVisits} objects. The walk itself needs
     * memory (about 20 bytes per object visited), which after an OutOfMemoryError is scarce. The
     * kernel's own objects (a variable may hold the widget host, which reaches the whole kernel)
     * are not the notebook's memory: they count as one object and are not followed.
     */
    static long bytes(Object value, int maxVisits) {
        if (value == null) {
            return 0;
        }
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Class<?>, Layout> layouts = new HashMap<>();
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(value);
        long total = 0;
        while (!todo.isEmpty() && seen.size() < maxVisits) {
            Object o = todo.pop();
            if (!seen.add(o)) {
                continue;
            }
            Class<?> c = o.getClass();
            if (c.isArray()) {
                Class<?> e = c.getComponentType();
                int n = Array.getLength(o);
                total += 16 + (long) n * (e.isPrimitive() ? primitiveSize(e) : 4);
                if (!e.isPrimitive()) {
                    for (int i = 0; i < n && todo.size() < maxVisits; i++) {
                        follow(todo, Array.get(o, i));
                    }
                }
            } else {
                Layout layout = layouts.computeIfAbsent(c, Layout::of);
                if (!layout.opaque && o instanceof Collection<?> col) {
                    total += 16 + 8L * col.size();
                    try {
                        for (Object x : col) {
                            if (todo.size() >= maxVisits) {
                                break;
                            }
                            follow(todo, x);
                        }
                    } catch (RuntimeException e) {
                        // a collection that cannot be iterated now
                    }
                } else if (!layout.opaque && o instanceof Map<?, ?> map) {
                    total += 16 + 32L * map.size();
                    try {
                        for (Map.Entry<?, ?> x : map.entrySet()) {
                            if (todo.size() >= maxVisits) {
                                break;
                            }
                            follow(todo, x.getKey());
                            follow(todo, x.getValue());
                        }
                    } catch (RuntimeException e) {
                        // a map that cannot be iterated now
                    }
                } else {
                    total += layout.shallowBytes;
                    for (Field f : layout.followed) {
                        try {
                            follow(todo, f.get(o));
                        } catch (ReflectiveOperationException | RuntimeException e) {
                            // not readable after all: not followed
                        }
                    }
                }
            }
        }
        return total;
    }

    static final int MAX_VISITS = 200_000;
    /** The walk's budget after an OutOfMemoryError, when the heap has little room for the walk itself. */
    static final int VISITS_AFTER_OUT_OF_MEMORY = 50_000;
    /** The kernel's own classes: those from the kernel's jar (or class folder), shaded libraries included. */
    private static final String KERNEL_CODE = codeOf(Variables.class);

    /** Whether objects of this class are the kernel's own: counted as one object, not followed. */
    static boolean isKernelOwn(Class<?> c) {
        return KERNEL_CODE != null && KERNEL_CODE.equals(codeOf(c));
    }

    private static String codeOf(Class<?> c) {
        java.security.CodeSource code = c.getProtectionDomain().getCodeSource();
        return code == null || code.getLocation() == null ? null : code.getLocation().toString();
    }


    /**
     * What the walk needs of a class, found once per class and walk: its size, the fields it follows,
     * and whether it is the kernel's own (opaque: not followed).
     */
    private static final class Layout {
        final long shallowBytes;
        final boolean opaque;
        final List<Field> followed = new ArrayList<>();

        private Layout(Class<?> c) {
            long size = 16;
            opaque = isKernelOwn(c);
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    if (f.getType().isPrimitive()) {
                        size += primitiveSize(f.getType());
                        continue;
                    }
                    size += 4;
                    if (opaque) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        followed.add(f);
                    } catch (RuntimeException e) {
                        // a JDK-internal field: not followed
                    }
                }
            }
            this.shallowBytes = size;
        }

        static Layout of(Class<?> c) {
            return new Layout(c);
        }
    }

    /** Queues an object to visit; null (an empty array slot, a null field or map value) holds nothing. */
    private static void follow(Deque<Object> todo, Object o) {
        if (o != null) {
            todo.push(o);
        }
    }

    private static int primitiveSize(Class<?> c) {
        return c == long.class || c == double.class ? 8
                : c == int.class || c == float.class ? 4
                : c == short.class || c == char.class ? 2 : 1;
    }

    /** "big (double[20000000], 153 MB)" or "list (ArrayList, about 140 MB)". */
    static String describe(String name, Object value, long bytes) {
        String what = value.getClass().isArray()
                ? value.getClass().getComponentType().getSimpleName() + "[" + Array.getLength(value) + "], " + megabytes(bytes)
                : value.getClass().getSimpleName() + ", about " + megabytes(bytes);
        return name + " (" + what + ")";
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", Math.max(1, Math.round(bytes / 1048576.0)));
    }

    /**
     * The active variables holding the most memory (at least 1 MB), largest first, at most
     * {@code n}; each followed up to {@code maxVisits} objects (see {@link #bytes(Object, int)}).
     */
    List<String> largest(JShell js, int n, int maxVisits) {
        List<Object[]> found = new ArrayList<>();
        for (VarSnippet s : tracked) {
            try {
                if (!js.status(s).isActive()) {
                    continue;
                }
            } catch (RuntimeException e) {
                continue;
            }
            Object v = value(js, s);
            long bytes = bytes(v, maxVisits);
            if (bytes >= 1 << 20) {
                found.add(new Object[] {s.name(), v, bytes});
            }
        }
        found.sort(Comparator.comparingLong((Object[] a) -> (Long) a[2]).reversed());
        List<String> out = new ArrayList<>();
        for (Object[] a : found.subList(0, Math.min(n, found.size()))) {
            out.add(describe((String) a[0], a[1], (Long) a[2]));
        }
        return out;
    }
}
