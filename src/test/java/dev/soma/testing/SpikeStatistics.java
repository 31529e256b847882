package dev.soma.testing;

import java.util.Arrays;

/**
 * The statistics of src/test/resources/brian2/README.md ("Statistics (all workloads)"), computed
 * the same way from spikes given as (neuron, step): rates, ISI CV, Golomb's χ² and the Fano factor
 * on 1 ms bins, and the peak of Welch's power spectrum of the population count (SciPy's
 * {@code welch}: periodic Hann window, half-overlapping segments, each segment's mean removed,
 * one-sided density).
 *
 * @param neurons  the neuron of each spike (0..n−1 within the group measured)
 * @param steps    the step of each spike
 * @param n        the number of neurons of the group
 * @param dtMs     the step
 * @param k0       the first step of the window
 * @param k1       the step after the window
 */
public record SpikeStatistics(int[] neurons, int[] steps, int n, double dtMs, int k0, int k1) {

    /** Mean rate in the window, Hz. */
    public double rateHz() {
        return count() / (n * (k1 - k0) * dtMs * 1e-3);
    }

    private int count() {
        int c = 0;
        for (int k : steps) {
            if (k >= k0 && k < k1) c++;
        }
        return c;
    }

    /** The fraction of neurons without a spike in the window. */
    public double fractionSilent() {
        boolean[] fired = new boolean[n];
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] >= k0 && steps[i] < k1) fired[neurons[i]] = true;
        }
        int silent = 0;
        for (boolean f : fired) {
            if (!f) silent++;
        }
        return silent / (double) n;
    }

    /** The unweighted mean over neurons with at least 3 spikes in the window of std(ISI)/mean(ISI) (ddof 0); NaN if none. */
    public double cv() {
        int[][] trains = trains();
        double sum = 0;
        int counted = 0;
        for (int[] t : trains) {
            if (t.length < 3) continue;
            double mean = 0;
            for (int i = 1; i < t.length; i++) mean += t[i] - t[i - 1];
            mean /= t.length - 1;
            double var = 0;
            for (int i = 1; i < t.length; i++) {
                double d = t[i] - t[i - 1] - mean;
                var += d * d;
            }
            var /= t.length - 1;
            sum += Math.sqrt(var) / mean;
            counted++;
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /** Each neuron's spike steps in the window, in order. */
    private int[][] trains() {
        int[] count = new int[n];
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] >= k0 && steps[i] < k1) count[neurons[i]]++;
        }
        int[][] trains = new int[n][];
        for (int j = 0; j < n; j++) trains[j] = new int[count[j]];
        Arrays.fill(count, 0);
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] >= k0 && steps[i] < k1) trains[neurons[i]][count[neurons[i]]++] = steps[i];
        }
        for (int[] t : trains) Arrays.sort(t);
        return trains;
    }

    /** Golomb's χ² on bins of {@code binSteps}: Var_b(N_b) / (n · Σ_i Var_b(n_ib)). */
    public double chi2(int binSteps) {
        int bins = (k1 - k0) / binSteps;
        double[] population = populationCounts(binSteps);
        double[][] perNeuron = new double[n][bins];
        for (int i = 0; i < steps.length; i++) {
            int b = (steps[i] - k0) / binSteps;
            if (steps[i] >= k0 && b < bins) perNeuron[neurons[i]][b]++;
        }
        double sumVar = 0;
        for (double[] c : perNeuron) sumVar += variance(c);
        return variance(population) / (n * sumVar);
    }

    /** The Fano factor of the population count on bins of {@code binSteps}. */
    public double fano(int binSteps) {
        double[] population = populationCounts(binSteps);
        return variance(population) / mean(population);
    }

    /** The population count in bins of {@code binSteps} from k0. */
    public double[] populationCounts(int binSteps) {
        int bins = (k1 - k0) / binSteps;
        double[] c = new double[bins];
        for (int k : steps) {
            int b = (k - k0) / binSteps;
            if (k >= k0 && b < bins) c[b]++;
        }
        return c;
    }

    /** Welch's power spectral density of the population count in bins of {@code binSteps}, segments of {@code nperseg} (a power of 2). */
    public double[] spectrum(int binSteps, int nperseg) {
        double[] x = populationCounts(binSteps);
        int step = nperseg / 2;
        double[] window = new double[nperseg];
        double windowPower = 0;
        for (int i = 0; i < nperseg; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / nperseg);
            windowPower += window[i] * window[i];
        }
        double[] psd = new double[nperseg / 2 + 1];
        int segments = 0;
        for (int start = 0; start + nperseg <= x.length; start += step) {
            double mean = 0;
            for (int i = 0; i < nperseg; i++) mean += x[start + i];
            mean /= nperseg;
            double[] re = new double[nperseg];
            double[] im = new double[nperseg];
            for (int i = 0; i < nperseg; i++) re[i] = (x[start + i] - mean) * window[i];
            fft(re, im);
            for (int f = 0; f < psd.length; f++) {
                double p = re[f] * re[f] + im[f] * im[f];
                psd[f] += (f == 0 || f == nperseg / 2) ? p : 2 * p;
            }
            segments++;
        }
        double fs = 1000.0 / (binSteps * dtMs);
        for (int f = 0; f < psd.length; f++) psd[f] /= segments * fs * windowPower;
        return psd;
    }

    /** The frequency (Hz) of the largest value of {@code psd} in [lo, hi] Hz. */
    public double peakHz(double[] psd, int binSteps, int nperseg, double lo, double hi) {
        double df = 1000.0 / (binSteps * dtMs) / nperseg;
        int best = -1;
        for (int f = 0; f < psd.length; f++) {
            double hz = f * df;
            if (hz >= lo && hz <= hi && (best < 0 || psd[f] > psd[best])) best = f;
        }
        return best * df;
    }

    private static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(angle * k), wi = Math.sin(angle * k);
                    int a = i + k, b = i + k + len / 2;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr; im[b] = im[a] - xi;
                    re[a] += xr; im[a] += xi;
                }
            }
        }
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    private static double variance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return s / x.length;
    }
}
