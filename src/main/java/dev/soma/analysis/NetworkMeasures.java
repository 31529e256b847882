package dev.soma.analysis;

import dev.soma.network.NetworkResult;

/**
 * Measures of a network run over a window [from, to) of simulated time, for all neurons or one
 * population: mean rate, mean ISI CV, spike count, and synchrony χ.
 *
 * <p>Synchrony is Golomb's χ computed from spike counts in bins of {@link #SYNCHRONY_BIN_MS}:
 * χ² = Var_t(A(t)) / mean_i Var_t(n_i(t)), where n_i(t) is neuron i's count in bin t and A(t) the
 * mean of n_i(t) over the neurons. χ is 1 when all neurons fire in the same bins and about
 * 1/√N when they fire independently (Golomb D (2007) Neuronal synchrony measures, Scholarpedia 2:1347).
 */
final class NetworkMeasures {
    /** The bin width of the synchrony measure, in ms: shorter than the period of the fastest population rhythms (about 5 ms). */
    static final double SYNCHRONY_BIN_MS = 1.0;

    private final double[] times;
    private final int[] neurons;
    private final int first;
    private final int count;
    private final double fromMs;
    private final double toMs;

    /** The spikes of neurons [first, first + count) of {@code run} in [fromMs, toMs). */
    NetworkMeasures(NetworkResult run, int first, int count, double fromMs, double toMs) {
        this(run.spikeTimes(), run.spikeNeurons(), first, count, fromMs, toMs);
    }

    /** The spikes (times in ms, global neuron indices, in time order) of neurons [first, first + count) in [fromMs, toMs). */
    NetworkMeasures(double[] times, int[] neurons, int first, int count, double fromMs, double toMs) {
        this.times = times;
        this.neurons = neurons;
        this.first = first;
        this.count = count;
        this.fromMs = fromMs;
        this.toMs = toMs;
    }

    private boolean in(int s) {
        int n = neurons[s];
        double t = times[s];
        return n >= first && n < first + count && t >= fromMs && t < toMs;
    }

    /** Spikes in the window. */
    double spikes() {
        long c = 0;
        for (int s = 0; s < times.length; s++) {
            if (in(s)) c++;
        }
        return c;
    }

    /** Mean rate per neuron in Hz. */
    double rateHz() {
        return spikes() / (count * (toMs - fromMs) * 1e-3);
    }

    /** Mean CV of the inter-spike intervals over the neurons with at least 3 intervals in the window; NaN if none. */
    double cv() {
        double[] last = new double[count];
        double[] sum = new double[count];
        double[] sumSq = new double[count];
        int[] n = new int[count];
        java.util.Arrays.fill(last, Double.NaN);
        for (int s = 0; s < times.length; s++) {
            if (!in(s)) continue;
            int i = neurons[s] - first;
            if (!Double.isNaN(last[i])) {
                double isi = times[s] - last[i];
                sum[i] += isi;
                sumSq[i] += isi * isi;
                n[i]++;
            }
            last[i] = times[s];
        }
        double total = 0;
        int m = 0;
        for (int i = 0; i < count; i++) {
            if (n[i] >= 3) {
                double mean = sum[i] / n[i];
                double var = Math.max(0, sumSq[i] / n[i] - mean * mean);
                total += Math.sqrt(var) / mean;
                m++;
            }
        }
        return m == 0 ? Double.NaN : total / m;
    }

    /** Golomb's χ from spike counts in 1 ms bins (see the class comment); NaN without spikes. */
    double synchrony() {
        int bins = (int) Math.floor((toMs - fromMs) / SYNCHRONY_BIN_MS + 1e-9);
        if (bins < 2) return Double.NaN;
        double[] total = new double[bins];
        int[] lastBin = new int[count];
        int[] current = new int[count];
        double[] sumSq = new double[count];
        int[] spikes = new int[count];
        java.util.Arrays.fill(lastBin, -1);
        for (int s = 0; s < times.length; s++) {
            if (!in(s)) continue;
            int b = (int) ((times[s] - fromMs) / SYNCHRONY_BIN_MS);
            if (b >= bins) continue;
            int i = neurons[s] - first;
            total[b]++;
            spikes[i]++;
            if (lastBin[i] == b) {
                current[i]++;
            } else {
                sumSq[i] += (double) current[i] * current[i];
                current[i] = 1;
                lastBin[i] = b;
            }
        }
        double meanVarSingle = 0;
        for (int i = 0; i < count; i++) {
            sumSq[i] += (double) current[i] * current[i];
            double mean = (double) spikes[i] / bins;
            meanVarSingle += sumSq[i] / bins - mean * mean;
        }
        meanVarSingle /= count;
        if (!(meanVarSingle > 0)) return Double.NaN;
        double sumA = 0;
        double sumA2 = 0;
        for (int b = 0; b < bins; b++) {
            double a = total[b] / count;
            sumA += a;
            sumA2 += a * a;
        }
        double meanA = sumA / bins;
        double varA = Math.max(0, sumA2 / bins - meanA * meanA);
        return Math.sqrt(varA / meanVarSingle);
    }
}
