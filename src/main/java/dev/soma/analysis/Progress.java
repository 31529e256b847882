package dev.soma.analysis;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Shows the progress of a long sweep: a bar that updates in place in a notebook, or a line that
 * updates in place on a terminal (stderr, rewritten with {@code \r}). Nothing is shown for work
 * that finishes within {@link #DELAY_MS} ms.
 *
 * <p>Soma does not depend on any Jupyter kernel: the notebook display functions are looked up by
 * reflection, in the classes named by {@link #displayClasses()}, each expected to offer
 * {@code static String display(Object)} (returning a display id) and
 * {@code static void updateDisplay(String, Object)}, as IJava's
 * {@code io.github.spencerpark.ijava.runtime.Display} does. Kernels add their own class with
 * {@link #addDisplayClass(String)} or the system property {@code soma.display.classes}
 * (comma-separated). The first class found wins; without one, the terminal line is used.
 *
 * <p>Instances are used from the one thread that waits for the sweep.
 */
public final class Progress {
    /** Work shorter than this (ms of wall-clock time) shows nothing. */
    public static final long DELAY_MS = 1000;

    private static final List<String> DISPLAY_CLASSES = new CopyOnWriteArrayList<>(List.of(
            "io.github.spencerpark.ijava.runtime.Display"));

    private final String label;
    private final int total;
    private final long startNanos;
    private final PrintStream terminal;
    private final long delayMs;
    private boolean shown;
    private Method update;
    private String displayId;
    private int lastDone = -1;
    private long lastShownMs = Long.MIN_VALUE;

    private Progress(String label, int total, PrintStream terminal, long delayMs) {
        this.label = label;
        this.total = total;
        this.terminal = terminal;
        this.delayMs = delayMs;
        this.startNanos = System.nanoTime();
    }

    /** Starts timing a task of {@code total} units named {@code label} (e.g. "f–I sweep"); nothing is shown yet. */
    public static Progress start(String label, int total) {
        return new Progress(label, total, System.err, DELAY_MS);
    }

    /** For tests: another terminal stream and delay. */
    static Progress start(String label, int total, PrintStream terminal, long delayMs) {
        return new Progress(label, total, terminal, delayMs);
    }

    /** The class names tried for notebook display, in order. */
    public static List<String> displayClasses() {
        return List.copyOf(DISPLAY_CLASSES);
    }

    /** Stops trying {@code className} for notebook display. */
    public static void removeDisplayClass(String className) {
        DISPLAY_CLASSES.remove(className);
    }

    /** Tries {@code className} first for notebook display (e.g. a kernel's own display class). */
    public static void addDisplayClass(String className) {
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("className = \"" + className + "\"; give a fully qualified class name");
        }
        DISPLAY_CLASSES.remove(className);
        DISPLAY_CLASSES.add(0, className);
    }

    /** Reports that {@code done} of the total units are finished; shows or updates the bar once the delay has passed. */
    public void update(int done) {
        if (done == lastDone) {
            return;
        }
        long elapsedMs = (System.nanoTime() - startNanos) / 1_000_000;
        if (!shown && elapsedMs < delayMs) {
            return;
        }
        // At most five redraws a second (and always the last): a notebook round-trip per finished task would flood it.
        if (shown && done < total && elapsedMs - lastShownMs < 200) {
            return;
        }
        lastDone = done;
        lastShownMs = elapsedMs;
        String text = line(done, elapsedMs);
        if (!shown) {
            shown = true;
            findNotebookDisplay(text);
            if (displayId != null) {
                return;
            }
        }
        if (displayId != null) {
            try {
                update.invoke(null, displayId, text);
                return;
            } catch (ReflectiveOperationException | RuntimeException e) {
                displayId = null;
            }
        }
        terminal.print("\r" + text);
        terminal.flush();
    }

    /** Reports completion: the bar shows 100 %, and the terminal line is ended. */
    public void finish() {
        if (!shown) {
            return;
        }
        update(total);
        if (displayId == null) {
            terminal.println();
            terminal.flush();
        }
    }

    /** Whether anything has been shown. */
    public boolean shown() {
        return shown;
    }

    /** The text of the bar, e.g. {@code f–I sweep [##########----------] 50 % (100/200) 3.1 s}. */
    String line(int done, long elapsedMs) {
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        StringBuilder bar = new StringBuilder(width);
        for (int i = 0; i < width; i++) bar.append(i < filled ? '#' : '-');
        int percent = total == 0 ? 100 : (int) ((long) done * 100 / total);
        return String.format(Locale.ROOT, "%s [%s] %3d %% (%d/%d) %.1f s", label, bar, percent, done, total, elapsedMs / 1000.0);
    }

    private void findNotebookDisplay(String text) {
        List<String> names = new ArrayList<>();
        String property = System.getProperty("soma.display.classes");
        if (property != null) {
            for (String name : property.split(",")) {
                if (!name.isBlank()) names.add(name.trim());
            }
        }
        names.addAll(DISPLAY_CLASSES);
        for (String name : names) {
            try {
                Class<?> type = load(name);
                Method display = type.getMethod("display", Object.class);
                Method updater = type.getMethod("updateDisplay", String.class, Object.class);
                Object id = display.invoke(null, text);
                if (id instanceof String) {
                    displayId = (String) id;
                    update = updater;
                    return;
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // Not this kernel (or not inside a kernel at all): try the next name.
            }
        }
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            try {
                return Class.forName(name, true, context);
            } catch (ClassNotFoundException e) {
                // fall through to Soma's own loader
            }
        }
        return Class.forName(name, true, Progress.class.getClassLoader());
    }
}
