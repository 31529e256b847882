package dev.soma.kernel;

import java.util.UUID;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * The functions a notebook cell can call without qualification, as in IJava: the kernel imports
 * them statically into every session ({@code import static dev.soma.kernel.Display.*}).
 */
public final class Display {

    private Display() {
    }

    /**
     * Shows an object now, below the cell, as the kernel would show it as a cell's result.
     *
     * @return the display id, for {@link #updateDisplay(String, Object)}
     */
    public static String display(Object o) {
        return show(SomaKernel.current().renderValue(o));
    }

    /** Shows an object now, rendered only as the given MIME types (e.g. {@code "text/html"}). */
    public static String display(Object o, String... as) {
        return show(SomaKernel.current().renderValue(o, as));
    }

    /** Replaces what an earlier {@code display(...)} showed. */
    public static void updateDisplay(String id, Object o) {
        DisplayData data = SomaKernel.current().renderValue(o);
        SomaKernel.current().getIO().display.updateDisplay(id, data);
    }

    /** Replaces what an earlier {@code display(...)} showed, rendered as the given MIME types. */
    public static void updateDisplay(String id, Object o, String... as) {
        DisplayData data = SomaKernel.current().renderValue(o, as);
        SomaKernel.current().getIO().display.updateDisplay(id, data);
    }

    /** The display data of an object; a cell that ends with it shows that data. */
    public static DisplayData render(Object o) {
        return SomaKernel.current().renderValue(o);
    }

    /** The display data of an object, rendered only as the given MIME types. */
    public static DisplayData render(Object o, String... as) {
        return SomaKernel.current().renderValue(o, as);
    }

    /** {@code System.out.printf}, as IJava offers it at the top level. */
    public static void printf(String format, Object... args) {
        System.out.printf(format, args);
    }

    /**
     * Clears what the running cell has shown so far. A Soma extension: IJava has no such function,
     * so notebooks meant to run on both kernels should not use it.
     */
    public static void clearOutput() {
        SomaKernel.current().clearOutput(false);
    }

    private static String show(DisplayData data) {
        String id = data.hasDisplayId() ? data.getDisplayId() : UUID.randomUUID().toString();
        data.setDisplayId(id);
        SomaKernel.current().getIO().display.display(data);
        return id;
    }
}
