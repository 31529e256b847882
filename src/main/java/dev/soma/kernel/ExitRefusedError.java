package dev.soma.kernel;

/**
 * Thrown where a notebook's code would have ended the kernel's JVM ({@code System.exit},
 * {@code Runtime.exit}, {@code Runtime.halt}; see {@link CellGuard}). An {@link Error}, not an
 * exception: like the exit it replaces, it is not meant to be caught and carried on from, so it
 * passes through a library's {@code catch (Exception e)} and ends the cell.
 */
public final class ExitRefusedError extends Error {
    private static final long serialVersionUID = 1L;

    ExitRefusedError(String call) {
        super(call + " refused: it would end the kernel and lose every variable of this notebook. "
                + "The kernel is still running and keeps its state; the next cell runs. "
                + "To start afresh, restart the kernel (Kernel > Restart).");
    }
}
