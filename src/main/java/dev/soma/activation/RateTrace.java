package dev.soma.activation;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The result of a {@link RateUnit} run: the rate r sampled at times t (ms), as two primitive
 * arrays of equal length starting at t = 0. Immutable.
 */
public final class RateTrace {
    private final double[] timeMs;
    private final double[] rate;

    RateTrace(double[] timeMs, double[] rate) {
        this.timeMs = timeMs;
        this.rate = rate;
    }

    /**
     * The sample times.
     *
     * @return a copy of the times in ms, increasing, starting at 0
     */
    public double[] timeMs() {
        return timeMs.clone();
    }

    /**
     * The rates.
     *
     * @return a copy of r at each sample time, in the units of the unit's activation function
     */
    public double[] rate() {
        return rate.clone();
    }

    /**
     * The number of samples.
     *
     * @return the length of {@link #timeMs()} and {@link #rate()}
     */
    public int size() {
        return rate.length;
    }

    /**
     * The rate at the last sample time.
     *
     * @return r at the end of the run
     */
    public double finalRate() {
        return rate[rate.length - 1];
    }

    /**
     * The duration of the run.
     *
     * @return the last sample time in ms
     */
    public double durationMs() {
        return timeMs[timeMs.length - 1];
    }

    /**
     * The trace as a table with columns {@code "t [ms]"} and {@code "r [a.u.]"} (arbitrary units: those of the activation function), which a notebook shows as
     * an HTML table.
     *
     * @return a new Tablesaw table named "rate unit"
     */
    public Table table() {
        return Table.create("rate unit", DoubleColumn.create("t [ms]", timeMs), DoubleColumn.create("r [a.u.]", rate));
    }

    /** A one-line summary, e.g. {@code "RateTrace: 1001 samples, 0 to 100 ms, r from 0 to 0.731"}. */
    @Override
    public String toString() {
        return "RateTrace: " + size() + " samples, 0 to " + Checks.number(durationMs()) + " ms, r from "
                + fourDigits(rate[0]) + " to " + fourDigits(finalRate());
    }

    private static String fourDigits(double x) {
        String s = String.format(java.util.Locale.ROOT, "%.4g", x);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
