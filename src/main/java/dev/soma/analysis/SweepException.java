package dev.soma.analysis;

/**
 * A sweep that cannot run as specified, or parts of a sharded sweep that do not add up to it.
 * Every such error is raised before any simulation runs (or, for a merge, before a table is
 * made); {@link #kind()} names it, and the message names the value and the fix.
 */
public final class SweepException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Kind {
        /** The specification is not valid JSON or lacks or misspells a field. */
        BAD_SPEC,
        /** No model of this name (preset or network builder). */
        UNKNOWN_MODEL,
        /** The model has no parameter of this name. */
        UNKNOWN_PARAMETER,
        /** A value is given in a unit of another quantity than the parameter's. */
        UNIT_MISMATCH,
        /** A parameter value outside what the parameter allows (e.g. a fraction where a count is needed). */
        BAD_VALUE,
        /** The grid has no points. */
        EMPTY_GRID,
        /** The model cannot provide this measurement. */
        UNAVAILABLE_MEASUREMENT,
        /** A shard like {@code 4/3}: not an index from 1 to the number of shards. */
        BAD_SHARD,
        /** Merged parts miss some points. */
        MISSING_POINTS,
        /** Merged parts hold a point more than once. */
        DUPLICATE_POINTS,
        /** Merged parts come from different specifications or Soma versions. */
        SPEC_MISMATCH,
        /** The requested runner is not on the class path. */
        RUNNER_UNAVAILABLE
    }

    private final Kind kind;

    /** An error of {@code kind} with a message that names the value and the fix. */
    public SweepException(Kind kind, String message) {
        super(kind + ": " + message);
        this.kind = kind;
    }

    /** What is wrong. */
    public Kind kind() {
        return kind;
    }
}
