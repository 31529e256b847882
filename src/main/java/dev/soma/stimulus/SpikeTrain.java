package dev.soma.stimulus;

import java.util.Arrays;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * One presynaptic spike train: sorted spike times in ms over an observation window
 * [0, {@code durationMs}), with a Tablesaw view. Immutable. Build it with {@code dev.soma.Spikes}.
 *
 * <p>The window matters for the rate: {@link #rateHz()} = count / (durationMs / 1000).
 */
public final class SpikeTrain {
    private final double[] times;
    private final double durationMs;

    /**
     * A train from sorted, finite spike times (ms) and its window length (ms).
     *
     * @throws IllegalArgumentException if a time is not finite or the times are not sorted
     */
    public SpikeTrain(double[] timesMs, double durationMs) {
        if (timesMs == null) {
            throw new IllegalArgumentException("timesMs = null; pass spike times in ms");
        }
        for (int i = 0; i < timesMs.length; i++) {
            SpikeSources.checkTime("timesMs[" + i + "]", timesMs[i]);
            if (i > 0 && timesMs[i] < timesMs[i - 1]) {
                throw new IllegalArgumentException("timesMs[" + i + "] = " + timesMs[i] + " is before timesMs[" + (i - 1)
                        + "] = " + timesMs[i - 1] + "; spike times must be sorted (use Spikes.at(...), which sorts)");
            }
        }
        SpikeSources.checkDuration(durationMs);
        this.times = timesMs.clone();
        this.durationMs = durationMs;
    }

    /** The spike times in ms, sorted (a copy). */
    public double[] times() {
        return times.clone();
    }

    /** The number of spikes. */
    public int count() {
        return times.length;
    }

    /** The window length in ms. */
    public double durationMs() {
        return durationMs;
    }

    /** The mean rate over the window, in Hz (0 for an empty window). */
    public double rateHz() {
        return durationMs == 0 ? 0 : times.length / (durationMs / 1000.0);
    }

    /** The inter-spike intervals in ms. */
    public double[] isisMs() {
        double[] isis = new double[Math.max(0, times.length - 1)];
        for (int i = 0; i < isis.length; i++) {
            isis[i] = times[i + 1] - times[i];
        }
        return isis;
    }

    /** This train with every spike moved by {@code shiftMs} (may be negative); the window grows to keep all spikes. */
    public SpikeTrain shifted(double shiftMs) {
        SpikeSources.checkTime("shiftMs", shiftMs);
        double[] moved = new double[times.length];
        for (int i = 0; i < moved.length; i++) {
            moved[i] = times[i] + shiftMs;
        }
        return new SpikeTrain(moved, Math.max(durationMs, durationMs + shiftMs));
    }

    /** The spike times as a table with one column {@code spike time [ms]}. */
    public Table table() {
        return Table.create("spike train", DoubleColumn.create("spike time [ms]", times));
    }

    double[] raw() {
        return times;
    }

    /** One line: count, rate and window, and the first few times. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "SpikeTrain: %d spike%s in %s ms (%s Hz)",
                times.length, times.length == 1 ? "" : "s", short4(durationMs), short4(rateHz())));
        if (times.length > 0) {
            text.append(" at ");
            int shown = Math.min(times.length, 5);
            for (int i = 0; i < shown; i++) {
                text.append(i == 0 ? "" : ", ").append(short4(times[i]));
            }
            text.append(times.length > shown ? ", … ms" : " ms");
        }
        return text.toString();
    }

    /** A number with at most 4 significant digits and no trailing zeros, e.g. 3, 12.5, 0.001235. */
    static String short4(double x) {
        if (!Double.isFinite(x) || x == 0) {
            return x == 0 ? "0" : Double.toString(x);
        }
        if (Math.abs(x) >= 1e15 || Math.abs(x) < 1e-9) {
            return String.format(java.util.Locale.ROOT, "%.4g", x);
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpikeTrain that && durationMs == that.durationMs && Arrays.equals(times, that.times);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(times) + Double.hashCode(durationMs);
    }
}
