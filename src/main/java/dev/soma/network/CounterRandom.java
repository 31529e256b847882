package dev.soma.network;

/**
 * Counter-based random numbers: a number is a hash of (key, step, neuron), not the next output of
 * a stream, so it does not depend on which thread draws it nor in which order. The hash is
 * SplitMix64's finaliser (Steele, Lea &amp; Flood 2014), which passes BigCrush as a generator of
 * consecutive counters.
 *
 * <p>Gaussian numbers use the ziggurat method of Marsaglia &amp; Tsang (2000, J. Stat. Softw. 5:8)
 * with 256 layers: one hash and one comparison for 99 % of the draws, further hashes of the same
 * counter for the rest.
 */
final class CounterRandom {
    private CounterRandom() {}

    /** SplitMix64's finaliser of seed + salt·γ. */
    static long mix(long seed, long salt) {
        long z = seed + salt * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The random word of (key, step, index); {@code mix(key, step)} may be computed once per step as {@code stepKey}. */
    static long word(long stepKey, long index) {
        return mix(stepKey, index);
    }

    /** A uniform number in [0, 1) from a random word (its 53 high bits). */
    static double uniform(long word) {
        return (word >>> 11) * 0x1.0p-53;
    }

    // ---- ziggurat for the standard normal distribution -------------------------------------------

    private static final int LAYERS = 256;
    /** The start of the tail. */
    private static final double R = 3.6541528853610088;
    /** The area of every layer (and of the base strip with the tail). */
    private static final double V = 0.00492867323399;
    /** X[i]: right edge of layer i (X[0] the base strip's equivalent width, X[1] = R, X[256] = 0). */
    private static final double[] X = new double[LAYERS + 1];
    /** F[i] = exp(−X[i]²/2). */
    private static final double[] F = new double[LAYERS + 1];

    static {
        double f = Math.exp(-0.5 * R * R);
        X[0] = V / f;
        X[1] = R;
        for (int i = 1; i < LAYERS - 1; i++) {
            X[i + 1] = Math.sqrt(-2 * Math.log(V / X[i] + Math.exp(-0.5 * X[i] * X[i])));
        }
        X[LAYERS] = 0;
        for (int i = 0; i <= LAYERS; i++) {
            F[i] = Math.exp(-0.5 * X[i] * X[i]);
        }
    }

    /**
     * A standard normal number from the random word {@code word}; rejected draws continue with
     * further words {@code mix(word, 1), mix(word, 2), …}, so the result is a function of the word.
     */
    static double normal(long word) {
        long w = word;
        for (long attempt = 1; ; attempt++) {
            int i = (int) (w & 0xFF);
            double u = ((w >>> 11) * 0x1.0p-53) * 2 - 1;   // uniform in [−1, 1)
            double x = u * X[i];
            if (Math.abs(x) < X[i + 1]) {
                return x;                                   // inside the layer's rectangle
            }
            if (i == 0) {
                return tail(w, u < 0);
            }
            double y = F[i] + uniform(mix(w, -attempt)) * (F[i + 1] - F[i]);
            if (y < Math.exp(-0.5 * x * x)) {
                return x;                                   // under the curve in the wedge
            }
            w = mix(word, attempt);
        }
    }

    /** A sample beyond R (Marsaglia 1964): x = −ln(U₁)/R until −2 ln(U₂) > x². */
    private static double tail(long word, boolean negative) {
        for (long attempt = 1; ; attempt++) {
            double x = -Math.log1p(-uniform(mix(word, 2 * attempt))) / R;
            double y = -Math.log1p(-uniform(mix(word, 2 * attempt + 1)));
            if (2 * y > x * x) {
                return negative ? -(R + x) : R + x;
            }
        }
    }

    // ---- binomial counts by a table ---------------------------------------------------------------

    /**
     * The cumulative distribution of Binomial(n, p) up to where the rest is below 1e-17, the last
     * entry 1: the count of a uniform u is the first k with u &lt; cdf[k].
     */
    static double[] binomialCdf(int n, double p) {
        if (p <= 0) {
            return new double[] {1.0};
        }
        if (p >= 1) {
            double[] all = new double[n + 1];
            all[n] = 1.0;
            return all;
        }
        double logQ = Math.log1p(-p);
        double logRatio = Math.log(p) - logQ;
        double mean = n * p;
        int last = (int) Math.min(n, Math.ceil(mean + 12 * Math.sqrt(mean * (1 - p)) + 40));
        double[] cdf = new double[last + 1];
        double logPmf = n * logQ;
        double sum = 0;
        for (int k = 0; k <= last; k++) {
            sum += Math.exp(logPmf);
            cdf[k] = Math.min(sum, 1.0);
            if (k < last) {
                logPmf += Math.log((double) (n - k) / (k + 1)) + logRatio;
            }
        }
        cdf[last] = 1.0;
        return cdf;
    }

    /** The first k with u &lt; cdf[k] (linear from 0 when the mean is small, else by bisection). */
    static int count(double[] cdf, double u, boolean linear) {
        if (linear) {
            int k = 0;
            while (u >= cdf[k]) {
                k++;
            }
            return k;
        }
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u < cdf[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
