package dev.soma.stimulus;

import java.util.Arrays;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Several spike trains, e.g. the independent Poisson inputs onto one neuron or the fibres of a
 * jittered volley. Immutable; train i is a {@link SpikeTrain} over the shared window
 * [0, {@code durationMs}). Build it with {@code dev.soma.Spikes}.
 */
public final class SpikeTrains {
    private final SpikeTrain[] trains;
    private final double durationMs;

    /** Trains from sorted spike-time arrays (ms) over a shared window (ms). */
    public SpikeTrains(double[][] timesMs, double durationMs) {
        if (timesMs == null) {
            throw new IllegalArgumentException("timesMs = null; pass one array of spike times (ms) per train");
        }
        SpikeSources.checkDuration(durationMs);
        this.trains = new SpikeTrain[timesMs.length];
        for (int i = 0; i < timesMs.length; i++) {
            if (timesMs[i] == null) {
                throw new IllegalArgumentException("timesMs[" + i + "] = null; pass an empty array for a silent train");
            }
            trains[i] = new SpikeTrain(timesMs[i], durationMs);
        }
        this.durationMs = durationMs;
    }

    /** The number of trains. */
    public int size() {
        return trains.length;
    }

    /** Train {@code i} (0-based). */
    public SpikeTrain train(int i) {
        if (i < 0 || i >= trains.length) {
            throw new IllegalArgumentException("i = " + i + " is not a train index; valid: 0.." + (trains.length - 1));
        }
        return trains[i];
    }

    /** The spike times of train {@code i} in ms (a copy). */
    public double[] times(int i) {
        return train(i).times();
    }

    /** Every train's spike times in ms (copies). */
    public double[][] all() {
        double[][] copy = new double[trains.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = trains[i].times();
        }
        return copy;
    }

    /** The shared window length in ms. */
    public double durationMs() {
        return durationMs;
    }

    /** The total number of spikes. */
    public int count() {
        int count = 0;
        for (SpikeTrain train : trains) {
            count += train.count();
        }
        return count;
    }

    /** The mean rate per train over the window, in Hz. */
    public double rateHz() {
        return trains.length == 0 || durationMs == 0 ? 0 : count() / (trains.length * durationMs / 1000.0);
    }

    /** All spikes pooled into one sorted train (what one synapse sees if every train has the same weight). */
    public SpikeTrain merged() {
        double[] all = new double[count()];
        int k = 0;
        for (SpikeTrain train : trains) {
            double[] raw = train.raw();
            System.arraycopy(raw, 0, all, k, raw.length);
            k += raw.length;
        }
        Arrays.sort(all);
        double window = durationMs;
        if (all.length > 0 && all[all.length - 1] >= window) {
            window = Math.nextUp(all[all.length - 1]);
        }
        return new SpikeTrain(all, window);
    }

    /** A long-format table for rasters: columns {@code train} and {@code spike time [ms]}, one row per spike. */
    public Table table() {
        int total = count();
        int[] index = new int[total];
        double[] times = new double[total];
        int k = 0;
        for (int i = 0; i < trains.length; i++) {
            for (double t : trains[i].raw()) {
                index[k] = i;
                times[k++] = t;
            }
        }
        return Table.create("spike trains", IntColumn.create("train", index), DoubleColumn.create("spike time [ms]", times));
    }

    /** One line: number of trains, spikes and mean rate. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SpikeTrains: %d train%s, %d spikes in %s ms (%s Hz per train)",
                trains.length, trains.length == 1 ? "" : "s", count(), SpikeTrain.short4(durationMs), SpikeTrain.short4(rateHz()));
    }
}
