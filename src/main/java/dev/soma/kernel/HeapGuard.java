package dev.soma.kernel;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;

/**
 * Keeps a notebook that fills the heap from taking the kernel down with it.
 *
 * <p>When the heap is full, the JVM throws an OutOfMemoryError in whichever thread allocates next:
 * the cell's, but just as well the kernel's heartbeat, its shell loop or ZeroMQ's I/O thread, which
 * nothing can restart. Which one is a race. This guard removes the race. It holds a <em>cushion</em>
 * (a sixteenth of the heap, 8 to 64 MB, at most a quarter of a small heap) through a
 * {@link SoftReference}, and the JVM clears every soft reference before it throws an
 * OutOfMemoryError. So when the heap is full, the JVM frees the cushion instead of failing a thread,
 * and the allocation that found the heap full succeeds. The stop check that {@link CellLoader}
 * weaves into every method and loop of a cell ({@link CellGuard#checkStop()}) sees the cleared
 * cushion at the cell's next loop turn, in the cell's own thread, and throws a readable
 * OutOfMemoryError there. The freed cushion is the room the kernel needs to report the error and to
 * run the next cells; a new cushion is armed before the next cell (half the freed one while the
 * notebook still holds the memory, the full size once memory was freed).
 *
 * <p>Why not a collection-usage threshold on the old generation ({@code MemoryPoolMXBean}) or GC
 * notifications: they arrive on the JVM's notification thread after the collection, while the cell
 * keeps allocating, so whether the cell or another thread meets the full heap first is a race
 * again. And bytes in use do not tell when the heap is full: G1 fills regions, and 400 kB arrays in
 * 1 MB regions leave a fifth of each region empty, so the heap is full with 70 % of its bytes in
 * use. The cushion is cleared at the very moment the JVM would otherwise fail an allocation.
 *
 * <p>A cell that runs code without stop checks (a library's loop) does not see the cushion go; the
 * guard's thread then interrupts it and, on Java 19 and older, stops it
 * ({@link CellControl#stopForFullHeap()}); newer Java cannot stop a thread. For that case and for
 * anything else that meets a full heap, the kernel's own loops survive an OutOfMemoryError
 * ({@link SomaShellChannel}, {@link SomaHeartbeat}).
 *
 * <p>All state is static: there is one heap, and the woven stop checks are static calls.
 */
final class HeapGuard {

    static final long MIN_CUSHION = 8L << 20;
    static final long MAX_CUSHION = 64L << 20;
    /** A cushion smaller than this, re-armed while the heap is nearly full, is not worth having. */
    static final long SMALLEST_CUSHION = 2L << 20;
    /** Chunks below half of G1's smallest region (1 MB), so they are ordinary objects the GC can move. */
    private static final int CHUNK = 256 << 10;

    /** What the stop check reads while no cushion is armed: a soft reference that is never cleared. */
    private static final Object HELD = new Object();
    private static final SoftReference<Object> UNARMED = new SoftReference<>(HELD);

    /** The armed cushion; read by every stop check ({@link #cushionLost()}), so kept to one field. */
    private static volatile SoftReference<Object> cushion = UNARMED;
    private static final ReferenceQueue<Object> CLEARED = new ReferenceQueue<>();
    private static long armedBytes;
    /** The message of the OutOfMemoryError woven code throws while the heap counts as full; null otherwise. */
    private static volatile String full;
    /**
     * After the heap was full, or an attempt to arm failed: the heap in use after collection then.
     * A new full-size cushion is tried once a collection shows a cushion's worth less in use.
     */
    private static long usedWhenFull = -1;
    private static long nextSize;
    private static volatile Runnable onFull;
    private static volatile PrintStream log;
    private static Thread watcher;

    private HeapGuard() {
    }

    /** The cushion's size for a heap of {@code maxHeap} bytes. */
    static long cushionSize(long maxHeap) {
        return Math.min(Math.max(maxHeap / 16, MIN_CUSHION), Math.min(MAX_CUSHION, maxHeap / 4));
    }

    /**
     * Starts the thread that arms the cushion (off the start-up path: filling 64 MB takes a few
     * tens of milliseconds), re-arms it and stops cells outside woven code.
     */
    static synchronized void start(PrintStream logTo) {
        log = logTo;
        if (watcher != null) {
            return;
        }
        nextSize = cushionSize(Runtime.getRuntime().maxMemory());
        watcher = new Thread(HeapGuard::watch, "soma-heap-guard");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Called with the heap full, when a cell should stop but may be in code without stop checks. */
    static void onFull(Runnable stopRunningCell) {
        onFull = stopRunningCell;
    }

    // ---------------------------------------------------------------- the stop check

    /**
     * Whether the cushion is gone: the JVM cleared it because the heap was full (or because a
     * single allocation larger than the free heap failed). The hot path of every stop check: a
     * volatile read and {@link Reference#get()}, which both compilers inline (Java 17's
     * {@code refersTo} is a native call under C1, the kernel's default compiler).
     */
    static boolean cushionLost() {
        return cushion.get() == null;
    }

    /**
     * The slow path of a stop check after {@link #cushionLost()}: throws the OutOfMemoryError that
     * ends the calling (cell) code if the heap is full; otherwise (a failed huge allocation freed
     * the cushion, the heap is not full) returns, and the cushion is armed again later.
     */
    static void checkFull() {
        String message = full;
        if (message == null) {
            message = decide(cushion);
            if (message == null) {
                return;
            }
        }
        throw new OutOfMemoryError(message);
    }

    /** The message of the OutOfMemoryError that ends a cell because the heap is full. */
    static String fullMessage() {
        String message = full;
        return message != null ? message : describeFull();
    }

    private static String describeFull() {
        return "Java heap space: the kernel's heap (" + Variables.megabytes(Runtime.getRuntime().maxMemory())
                + ") is full; the kernel stopped the cell before it ran out of memory itself";
    }

    /**
     * Called when a cushion was found cleared, by a stop check or by the watcher: the message of
     * the error if the heap is full, else null. The heap counts as full when more than half of it
     * is in use: a single allocation larger than the free heap also clears the cushion, but then
     * fails in its own thread and leaves the heap as it was.
     */
    private static synchronized String decide(SoftReference<Object> lost) {
        if (full != null) {
            return full;
        }
        if (lost != cushion || lost.get() != null) {
            return null;
        }
        long max = Runtime.getRuntime().maxMemory();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long freed = armedBytes;
        cushion = UNARMED;
        armedBytes = 0;
        trace("cushion of " + (freed >> 20) + " MB cleared with " + (used >> 20) + " MB in use");
        if (used <= max / 2) {
            // not full: a failed huge allocation cleared it; the watcher arms a new one
            nextSize = cushionSize(max);
            return null;
        }
        // The last collection may still count the cushion just cleared (a collection can clear a
        // soft reference early and reclaim it only in the next one): without it, the next collection
        // would look like room again, and a new cushion would take back what this one freed.
        usedWhenFull = Math.max(0, usedAfterCollection() - freed);
        // After a full heap the next cushion comes from what this one freed: half of it, so that
        // a second cell that fills the heap is stopped too and the other half stays free.
        nextSize = freed / 2;
        full = describeFull();
        // The stop checks of running code now take the slow path and throw until a new cell begins.
        cushion = lost;
        return full;
    }

    // ---------------------------------------------------------------- cells

    /**
     * Before a cell runs: a heap that was full counts as usable again (the user may have freed
     * memory, or runs a small cell), and a cushion is armed if there is none.
     */
    static synchronized void beginCell() {
        if (full != null) {
            full = null;
            cushion = UNARMED;
        }
        if (watcher != null && cushion == UNARMED) {
            arm();
        }
    }

    // ---------------------------------------------------------------- arming

    /**
     * Arms a cushion of {@link #nextSize} bytes, or of the full size once the heap has room again.
     * The cushion is built while only softly reachable: if the heap fills up while it grows, the
     * JVM clears it instead of failing anyone, and no cushion is armed.
     */
    private static synchronized void arm() {
        long target = cushionSize(Runtime.getRuntime().maxMemory());
        long size = roomAgain(target) ? target : nextSize;
        if (size < SMALLEST_CUSHION || cushion != UNARMED) {
            return;
        }
        int chunks = (int) Math.max(1, size / CHUNK);
        SoftReference<Object> ref;
        try {
            ref = new SoftReference<>(new byte[chunks][], CLEARED);
            for (int i = 0; i < chunks; i++) {
                byte[] chunk = new byte[CHUNK];
                byte[][] holder = (byte[][]) ref.get();
                if (holder == null) {
                    // the heap filled up meanwhile: the JVM took back what was built
                    trace("no room for a cushion of " + (size >> 20) + " MB");
                    usedWhenFull = usedAfterCollection();
                    nextSize = (long) i * CHUNK / 2;
                    return;
                }
                holder[i] = chunk;
            }
        } catch (OutOfMemoryError e) {
            usedWhenFull = usedAfterCollection();
            nextSize = 0;
            return;
        }
        if (ref.get() == null) {
            return;
        }
        armedBytes = (long) chunks * CHUNK;
        trace("armed a cushion of " + (armedBytes >> 20) + " MB");
        if (size >= target) {
            usedWhenFull = -1;
        }
        nextSize = target;
        cushion = ref;
    }

    /** Whether a collection since the heap was full (or arming failed) freed at least {@code bytes}. */
    private static boolean roomAgain(long bytes) {
        return usedWhenFull >= 0 && usedAfterCollection() <= usedWhenFull - bytes;
    }

    /** Heap in use after the last collection of each heap pool (stale between collections). */
    private static long usedAfterCollection() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                MemoryUsage u = pool.getCollectionUsage();
                sum += u == null ? pool.getUsage().getUsed() : u.getUsed();
            }
        }
        return sum;
    }

    /** Bytes the armed cushion holds (0 when none is armed). */
    static synchronized long armedBytes() {
        return armedBytes;
    }

    // ---------------------------------------------------------------- the watcher

    /**
     * Wakes when the JVM clears the cushion, to stop a cell that is in code without stop checks,
     * and twice a second otherwise, to keep the cushion's use time fresh (the JVM's LRU policy
     * may clear a soft reference unused for long when the heap is nearly full) and to re-arm it.
     */
    private static void watch() {
        synchronized (HeapGuard.class) {
            arm();
        }
        while (true) {
            try {
                Reference<?> cleared = CLEARED.remove(500);
                if (cleared != null) {
                    @SuppressWarnings("unchecked")
                    SoftReference<Object> lost = (SoftReference<Object>) cleared;
                    if (decide(lost) != null) {
                        stopRunningCell();
                    }
                }
                cushion.get();
                housekeeping();
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                // an OutOfMemoryError here must not end the watcher: try again on the next turn
                note("soma kernel: the heap guard's check failed: ", e);
            }
        }
    }

    /**
     * Arms a cushion if none is armed, and a full-size one in place of a smaller one once memory was
     * freed; a heap that counted as full counts as usable again once memory was freed (until then,
     * the stop checks of widget views that run between cells end them too).
     */
    private static synchronized void housekeeping() {
        long target = cushionSize(Runtime.getRuntime().maxMemory());
        if (full != null) {
            if (!roomAgain(target)) {
                return;
            }
            full = null;
            cushion = UNARMED;
        } else if (cushion != UNARMED && (armedBytes >= target || !roomAgain(target))) {
            return;
        }
        if (cushion != UNARMED) {
            SoftReference<Object> smaller = cushion;
            cushion = UNARMED;
            armedBytes = 0;
            smaller.clear();
        }
        arm();
    }

    private static void stopRunningCell() {
        Runnable r = onFull;
        if (r != null) {
            r.run();
        }
    }

    private static final boolean TRACE = System.getenv("SOMA_KERNEL_TRACE") != null;

    /** With SOMA_KERNEL_TRACE set, logs what the guard does (the kernel's start-up trace does the same). */
    private static void trace(String what) {
        PrintStream out = log;
        if (TRACE && out != null) {
            out.println("soma kernel: heap guard: " + what);
        }
    }

    private static void note(String what, Throwable e) {
        PrintStream out = log;
        if (out != null) {
            try {
                out.println(what + e);
            } catch (Throwable ignored) {
                // nothing more to do without memory
            }
        }
    }
}
