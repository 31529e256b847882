package dev.soma.kernel;

/**
 * What the kernel's class loader ({@link CellLoader}) makes a notebook's code call instead of
 * ending the JVM, and the check it weaves into every loop of a cell so that the kernel can stop
 * the cell. Public only because rewritten notebook classes, in other packages, call it; not for
 * notebooks.
 */
public final class CellGuard {

    /** Set while the kernel stops a running cell; see {@link #checkStop()}. */
    private static volatile boolean stopping;

    private CellGuard() {
    }

    /** Replaces {@code System.exit(status)}. */
    public static void systemExit(int status) {
        throw new ExitRefusedError("System.exit(" + status + ")");
    }

    /** Replaces {@code runtime.exit(status)}. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitRefusedError("Runtime.getRuntime().exit(" + status + ")");
    }

    /** Replaces {@code runtime.halt(status)}. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw new ExitRefusedError("Runtime.getRuntime().halt(" + status + ")");
    }

    /**
     * Called at the start of every method of a cell and before every backward jump (a loop): ends
     * the cell when the kernel stops it, and with an OutOfMemoryError when the heap is full (see
     * {@link HeapGuard}). Java 20 and later cannot stop a thread from outside, so a busy loop that
     * ignores interrupts is stopped here; and only the cell's own thread can be sure to be the one
     * that meets a full heap.
     */
    public static void checkStop() {
        if (stopping || HeapGuard.cushionLost()) {
            stop();
        }
    }

    private static void stop() {
        if (stopping) {
            throw new CellStoppedError();
        }
        HeapGuard.checkFull();
    }

    static void stopping(boolean on) {
        stopping = on;
    }

    /** Ends a cell that the kernel stops (the ■ button). */
    static final class CellStoppedError extends Error {
        private static final long serialVersionUID = 1L;

        CellStoppedError() {
            super("the cell was interrupted", null, false, false);
        }
    }
}
