package dev.soma.kernel;

import java.util.List;

/** A cell that failed: what Jupyter shows as the error's name, value and traceback. */
final class CellException extends Exception {
    private static final long serialVersionUID = 1L;

    final String name;
    final String value;
    final List<String> traceback;

    CellException(String name, String value, List<String> traceback) {
        super(name + ": " + value, null, false, false);
        this.name = name;
        this.value = value;
        this.traceback = List.copyOf(traceback);
    }
}
