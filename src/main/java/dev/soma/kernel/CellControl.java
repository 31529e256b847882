package dev.soma.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell execution inside the kernel's JVM that keeps the object a snippet returns (JShell itself
 * hands back only its string), runs each snippet on its own thread whose context class loader is
 * the notebook's class loader, and can stop that thread.
 */
final class CellControl extends LocalExecutionControl {

    private static final Object NO_VALUE = new Object();
    private static final AtomicInteger THREADS = new AtomicInteger();

    private volatile ClassLoader loader;

    private final CellLoader cellLoader;

    /** Cells and added jars load through a {@link CellLoader}, which refuses exits. */
    CellControl() {
        this(new CellLoader(System.err));
    }

    private CellControl(CellLoader cellLoader) {
        super(cellLoader);
        this.cellLoader = cellLoader;
    }

    /**
     * Loads the cells' classes straight through the {@link CellLoader}: Java 22 and later's
     * {@code LocalExecutionControl.load} weaves in calls to a class that only its own
     * {@code invoke} defines, which this class replaces; the CellLoader weaves its own stop checks.
     */
    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        cellLoader.load(cbcs);
    }

    private volatile Thread running;
    private volatile boolean stopRequested;
    private volatile Object lastValue = NO_VALUE;
    private volatile Runnable beforeInvoke;
    /** Set when the running snippet was interrupted or stopped because the heap was full. */
    private volatile boolean stoppedForFullHeap;

    /** The class loader that holds the snippets and every jar added to the class path. */
    ClassLoader loader() {
        return loader;
    }

    /** Forgets a previous stop, before a cell runs, and re-arms the heap guard. */
    void beginCell() {
        stopRequested = false;
        CellGuard.stopping(false);
        HeapGuard.beginCell();
    }

    /** Forgets the last value, before a snippet is evaluated. */
    void reset() {
        lastValue = NO_VALUE;
    }

    boolean hasValue() {
        return lastValue != NO_VALUE;
    }

    Object value() {
        return lastValue == NO_VALUE ? null : lastValue;
    }

    boolean wasStopped() {
        return stopRequested;
    }

    /** Runs before each snippet's code, once JShell has compiled and loaded it. */
    void beforeInvoke(Runnable hook) {
        this.beforeInvoke = hook;
    }

    boolean isRunning() {
        return running != null;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        ClassLoader cl = doitMethod.getDeclaringClass().getClassLoader();
        loader = cl;
        if (stopRequested) {
            // Interrupted while JShell compiled this snippet or ran an earlier one of the cell.
            throw new ExecutionControl.StoppedException();
        }
        Runnable hook = beforeInvoke;
        if (hook != null) {
            hook.run();
        }
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                result[0] = doitMethod.invoke(null);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "soma-cell-" + THREADS.incrementAndGet());
        thread.setContextClassLoader(cl);
        thread.setDaemon(true);
        stoppedForFullHeap = false;
        running = thread;
        try {
            thread.start();
            thread.join();
        } finally {
            running = null;
        }
        if (stopRequested) {
            throw new ExecutionControl.StoppedException();
        }
        if (failure[0] != null) {
            Throwable t = failure[0];
            if (stoppedForFullHeap && !(t instanceof InvocationTargetException ite0 && ite0.getCause() instanceof OutOfMemoryError)) {
                // The interrupt or stop that ended it was the full heap's doing: say so.
                throw new InvocationTargetException(new OutOfMemoryError(HeapGuard.fullMessage()));
            }
            if (t instanceof InvocationTargetException ite
                    && (ite.getCause() instanceof ThreadDeath || ite.getCause() instanceof CellGuard.CellStoppedError)) {
                throw new ExecutionControl.StoppedException();
            }
            if (t instanceof Exception e) {
                throw e;
            }
            throw new InvocationTargetException(t);
        }
        lastValue = result[0];
        return briefValueString(result[0]);
    }

    /** The longest value string JShell gets from a snippet; see {@link #briefValueString(Object)}. */
    static final int VALUE_STRING_LIMIT = 1000;

    /**
     * JShell's string of a snippet's value, cut at about {@value #VALUE_STRING_LIMIT} characters,
     * and without calling {@code toString()} of other objects than strings and boxed primitives.
     * The kernel renders the object itself ({@link #value()}) and never shows this string; JShell's
     * own {@code valueString} writes out every element of an array, so {@code var big = new
     * double[10_000_000]} cost a 50-million-character string on the kernel's thread, and a value's
     * {@code toString()} may be as large, or fail.
     */
    static String briefValueString(Object value) {
        if (value == null || value.getClass().getClassLoader() == null
                && (value instanceof Number || value instanceof Boolean || value instanceof Character)) {
            return valueString(value);
        }
        if (value instanceof String s) {
            return s.length() <= VALUE_STRING_LIMIT ? valueString(s) : valueString(s.substring(0, VALUE_STRING_LIMIT)) + "...";
        }
        if (!value.getClass().isArray()) {
            return value.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(value));
        }
        StringBuilder sb = new StringBuilder();
        appendArray(sb, value);
        return sb.toString();
    }

    /** An array in JShell's format ({@code int[3] { 1, 2, 3 }}), elided after the limit. */
    private static void appendArray(StringBuilder sb, Object array) {
        Class<?> element = array.getClass();
        int dims = 0;
        while (element.getComponentType() != null) {
            element = element.getComponentType();
            dims++;
        }
        int n = java.lang.reflect.Array.getLength(array);
        String type = element.getTypeName();
        sb.append(type.substring(type.lastIndexOf('.') + 1)).append('[').append(n).append(']');
        sb.append("[]".repeat(dims - 1)).append(" { ");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (sb.length() > VALUE_STRING_LIMIT) {
                sb.append("...");
                break;
            }
            Object x = java.lang.reflect.Array.get(array, i);
            if (x != null && x.getClass().isArray()) {
                appendArray(sb, x);
            } else {
                sb.append(briefValueString(x));
            }
        }
        sb.append(" }");
    }

    /**
     * Interrupts the running snippet; if it ignores the interrupt (a busy loop), stops its thread
     * after a short grace period. The rest of the cell does not run.
     */
    @Override
    public void stop() {
        // Remembered for the rest of the cell: an interrupt that comes while JShell compiles
        // (no snippet thread yet) must still stop the cell's next snippet.
        stopRequested = true;
        Thread thread = running;
        if (thread == null) {
            return;
        }
        thread.interrupt();
        Thread killer = new Thread(() -> {
            try {
                thread.join(300);
                if (thread.isAlive()) {
                    CellGuard.stopping(true);
                    forceStop(thread);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "soma-cell-stopper");
        killer.setDaemon(true);
        killer.start();
    }

    /**
     * Called by the {@link HeapGuard}'s thread when the heap is full. A cell in its own code ends at
     * its next stop check; one that has not ended after a moment runs code without stop checks (a
     * library's loop): it is interrupted and, on Java 19 and older, stopped; on newer Java it can
     * only be interrupted, and ends at its next stop check.
     */
    void stopForFullHeap() {
        Thread thread = running;
        if (thread == null) {
            return;
        }
        try {
            // Short waits: outside stop checks the cell eats the freed cushion in milliseconds.
            thread.join(20);
            if (!thread.isAlive() || running != thread) {
                return;
            }
            stoppedForFullHeap = true;
            thread.interrupt();
            thread.join(30);
            if (thread.isAlive()) {
                forceStop(thread);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void forceStop(Thread thread) {
        try {
            thread.stop();
        } catch (UnsupportedOperationException e) {
            // Java 20+: the stop checks woven into the cell's loops end it (CellGuard.checkStop).
        }
    }

    /** Hands JShell this very instance, so the kernel can reach it. */
    static final class Provider implements ExecutionControlProvider {
        private final CellControl control;

        Provider(CellControl control) {
            this.control = control;
        }

        @Override
        public String name() {
            return "soma";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
