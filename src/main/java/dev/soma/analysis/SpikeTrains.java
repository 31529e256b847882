package dev.soma.analysis;

import dev.soma.sim.SimulationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures of a spike train given as spike times in ms (ascending): firing rates by count and by
 * inter-spike interval, ISIs and their coefficient of variation, first-spike latency, the
 * adaptation index of Naud et al. (2008), and bursts. Rates are in Hz.
 *
 * <p>Every method also takes a {@link SimulationResult}, whose spike times it reads.
 */
public final class SpikeTrains {
    private SpikeTrains() {}

    /** The spikes in the window [fromMs, toMs). */
    public static double[] window(double[] spikesMs, double fromMs, double toMs) {
        checkWindow(fromMs, toMs);
        checkSpikes(spikesMs);
        int n = 0;
        for (double t : spikesMs) {
            if (t >= fromMs && t < toMs) n++;
        }
        double[] out = new double[n];
        int i = 0;
        for (double t : spikesMs) {
            if (t >= fromMs && t < toMs) out[i++] = t;
        }
        return out;
    }

    /** The count-based rate: spikes in [fromMs, toMs) divided by the window's length, in Hz. */
    public static double countRateHz(double[] spikesMs, double fromMs, double toMs) {
        return window(spikesMs, fromMs, toMs).length * 1000.0 / (toMs - fromMs);
    }

    /**
     * The ISI-based rate: 1 / (mean interval between consecutive spikes inside [fromMs, toMs)), in Hz.
     * With fewer than two spikes in the window there is no interval, and the count-based rate is returned
     * (0 without spikes), so that a curve of rates has no holes.
     */
    public static double isiRateHz(double[] spikesMs, double fromMs, double toMs) {
        double[] in = window(spikesMs, fromMs, toMs);
        if (in.length < 2) {
            return in.length * 1000.0 / (toMs - fromMs);
        }
        return (in.length - 1) * 1000.0 / (in[in.length - 1] - in[0]);
    }

    /** The inter-spike intervals (ms): t[i+1] − t[i]. */
    public static double[] isi(double[] spikesMs) {
        checkSpikes(spikesMs);
        if (spikesMs.length < 2) {
            return new double[0];
        }
        double[] out = new double[spikesMs.length - 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = spikesMs[i + 1] - spikesMs[i];
        }
        return out;
    }

    /** The coefficient of variation of the ISIs (standard deviation / mean, population form); NaN with fewer than two ISIs. */
    public static double cv(double[] spikesMs) {
        double[] isi = isi(spikesMs);
        if (isi.length < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double x : isi) mean += x;
        mean /= isi.length;
        double var = 0;
        for (double x : isi) var += (x - mean) * (x - mean);
        var /= isi.length;
        return Math.sqrt(var) / mean;
    }

    /** The time (ms) from {@code onsetMs} to the first spike at or after it; NaN if there is none. */
    public static double firstSpikeLatencyMs(double[] spikesMs, double onsetMs) {
        checkSpikes(spikesMs);
        if (!Double.isFinite(onsetMs)) {
            throw new IllegalArgumentException("onsetMs = " + onsetMs + " is not finite; give the stimulus onset in ms");
        }
        for (double t : spikesMs) {
            if (t >= onsetMs) return t - onsetMs;
        }
        return Double.NaN;
    }

    /**
     * The adaptation index of Naud et al. (2008): the mean over consecutive ISIs of
     * (ISIₖ₊₁ − ISIₖ)/(ISIₖ₊₁ + ISIₖ), skipping the first {@code skip} ISIs (Naud skip the first few
     * to leave out the transient). Positive: the train slows down (adaptation); negative: it
     * accelerates; near 0: tonic. NaN with fewer than two ISIs left.
     */
    public static double adaptationIndex(double[] spikesMs, int skip) {
        if (skip < 0) {
            throw new IllegalArgumentException("skip = " + skip + " must be ≥ 0 (ISIs to leave out at the start)");
        }
        double[] isi = isi(spikesMs);
        int n = isi.length - skip;
        if (n < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (int k = skip; k < isi.length - 1; k++) {
            sum += (isi[k + 1] - isi[k]) / (isi[k + 1] + isi[k]);
        }
        return sum / (n - 1);
    }

    /**
     * Groups spikes into bursts: consecutive spikes closer than {@code maxIsiMs} belong to one burst.
     * Each element is the spike count of one group, in order; an isolated spike is a group of 1.
     */
    public static int[] burstSizes(double[] spikesMs, double maxIsiMs) {
        checkSpikes(spikesMs);
        if (!(maxIsiMs > 0) || Double.isInfinite(maxIsiMs)) {
            throw new IllegalArgumentException("maxIsiMs = " + maxIsiMs + " must be a finite number > 0 (ms)");
        }
        List<Integer> sizes = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < spikesMs.length; i++) {
            if (i > 0 && spikesMs[i] - spikesMs[i - 1] >= maxIsiMs) {
                sizes.add(size);
                size = 0;
            }
            size++;
        }
        if (size > 0) sizes.add(size);
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@link #countRateHz(double[], double, double)} of a run's spikes. */
    public static double countRateHz(SimulationResult run, double fromMs, double toMs) {
        return countRateHz(spikes(run), fromMs, toMs);
    }

    /** {@link #isiRateHz(double[], double, double)} of a run's spikes. */
    public static double isiRateHz(SimulationResult run, double fromMs, double toMs) {
        return isiRateHz(spikes(run), fromMs, toMs);
    }

    /** {@link #isi(double[])} of a run's spikes. */
    public static double[] isi(SimulationResult run) {
        return isi(spikes(run));
    }

    /** {@link #cv(double[])} of a run's spikes. */
    public static double cv(SimulationResult run) {
        return cv(spikes(run));
    }

    /** {@link #firstSpikeLatencyMs(double[], double)} of a run's spikes. */
    public static double firstSpikeLatencyMs(SimulationResult run, double onsetMs) {
        return firstSpikeLatencyMs(spikes(run), onsetMs);
    }

    /** {@link #adaptationIndex(double[], int)} of a run's spikes. */
    public static double adaptationIndex(SimulationResult run, int skip) {
        return adaptationIndex(spikes(run), skip);
    }

    /** {@link #burstSizes(double[], double)} of a run's spikes. */
    public static int[] burstSizes(SimulationResult run, double maxIsiMs) {
        return burstSizes(spikes(run), maxIsiMs);
    }

    /** The spike times of a run, or an exception that names a missing run. */
    private static double[] spikes(SimulationResult run) {
        if (run == null) {
            throw new IllegalArgumentException("run = null; pass the result of Simulation.of(model)...run(durationMs)");
        }
        return run.spikeTimes();
    }

    static void checkWindow(double fromMs, double toMs) {
        if (!Double.isFinite(fromMs) || !Double.isFinite(toMs) || !(toMs > fromMs)) {
            throw new IllegalArgumentException("window [fromMs, toMs) = [" + fromMs + ", " + toMs
                    + ") is empty or not finite; give finite times in ms with fromMs < toMs");
        }
    }

    private static void checkSpikes(double[] spikesMs) {
        if (spikesMs == null) {
            throw new IllegalArgumentException("spikesMs = null; pass the spike times in ms, e.g. run.spikeTimes()");
        }
    }
}
