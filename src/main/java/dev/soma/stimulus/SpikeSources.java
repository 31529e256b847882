package dev.soma.stimulus;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Generators of presynaptic spike times, as primitive sorted {@code double[]} arrays in ms. The
 * front {@code dev.soma.Spikes} wraps them into {@link SpikeTrain} and {@link SpikeTrains}.
 *
 * <p>Rates are given in Hz as plain numbers in parameters named {@code ...Hz} (write {@code 20},
 * not {@code 20 * Hz}: {@code Units.Hz} converts <em>into</em> Soma's base rate unit 1/ms, so
 * {@code 20 * Hz} is 0.02). Internally a rate r Hz is r·10⁻³ events per ms.
 *
 * <p>Every random generator is seeded: the same seed gives the same spike times, bit for bit, on
 * every JVM ({@link SplittableRandom} has a specified algorithm; Gaussian numbers are drawn with
 * the Marsaglia polar method implemented here, not with a JDK default that may change).
 *
 * <ul>
 *   <li>Homogeneous Poisson process of rate λ: inter-spike intervals are exponential,
 *       Δ = −ln(1 − U)/λ with U uniform in [0, 1); the ISI coefficient of variation is 1.</li>
 *   <li>Inhomogeneous Poisson process of rate λ(t) ≤ λ_max, by thinning (Lewis &amp; Shedler 1979,
 *       Naval Res. Logist. Q. 26:403): candidates from a Poisson process of rate λ_max are kept
 *       with probability λ(t)/λ_max.</li>
 *   <li>Jittered volley: n spikes at t₀ + σ·ξᵢ with ξᵢ standard normal (for synchrony demos: a
 *       small σ is a synchronous volley, a large σ a dispersed one).</li>
 * </ul>
 */
public final class SpikeSources {
    private SpikeSources() {}

    /** Spike times (ms, sorted, in [0, durationMs)) of a homogeneous Poisson process of rate {@code rateHz}. */
    public static double[] poisson(double rateHz, double durationMs, long seed) {
        checkRate("rateHz", rateHz);
        checkDuration(durationMs);
        return poisson(rateHz, durationMs, new SplittableRandom(seed));
    }

    /** {@code n} independent Poisson trains of rate {@code rateHz}; train i is the same for every n ≥ i + 1. */
    public static double[][] poisson(int n, double rateHz, double durationMs, long seed) {
        checkCount(n);
        checkRate("rateHz", rateHz);
        checkDuration(durationMs);
        SplittableRandom root = new SplittableRandom(seed);
        double[][] trains = new double[n][];
        for (int i = 0; i < n; i++) {
            trains[i] = poisson(rateHz, durationMs, root.split());
        }
        return trains;
    }

    /**
     * Spike times of an inhomogeneous Poisson process of rate {@code rateHzAt.applyAsDouble(tMs)} (Hz),
     * by thinning against {@code maxRateHz}.
     *
     * @throws IllegalArgumentException if the rate function is negative, NaN or above {@code maxRateHz} at a candidate time
     */
    public static double[] poisson(DoubleUnaryOperator rateHzAt, double maxRateHz, double durationMs, long seed) {
        checkVarying(rateHzAt, maxRateHz, durationMs);
        return thinned(rateHzAt, maxRateHz, durationMs, new SplittableRandom(seed));
    }

    /** {@code n} independent inhomogeneous Poisson trains sharing the rate function. */
    public static double[][] poisson(int n, DoubleUnaryOperator rateHzAt, double maxRateHz, double durationMs, long seed) {
        checkCount(n);
        checkVarying(rateHzAt, maxRateHz, durationMs);
        SplittableRandom root = new SplittableRandom(seed);
        double[][] trains = new double[n][];
        for (int i = 0; i < n; i++) {
            trains[i] = thinned(rateHzAt, maxRateHz, durationMs, root.split());
        }
        return trains;
    }

    /** Regularly spaced spikes at {@code startMs + k·1000/rateHz} for every k ≥ 0 with a time below {@code stopMs}. */
    public static double[] regular(double rateHz, double startMs, double stopMs) {
        checkRate("rateHz", rateHz);
        checkTime("startMs", startMs);
        checkTime("stopMs", stopMs);
        if (!(stopMs >= startMs)) {
            throw new IllegalArgumentException("stopMs = " + stopMs + " is before startMs = " + startMs
                    + "; give stopMs ≥ startMs (ms)");
        }
        if (rateHz == 0) {
            return new double[0];
        }
        double periodMs = 1000.0 / rateHz;
        int count = (int) Math.ceil((stopMs - startMs) / periodMs - 1e-12);
        double[] times = new double[Math.max(count, 0)];
        int kept = 0;
        for (int k = 0; k < times.length; k++) {
            times[k] = startMs + k * periodMs;
            if (times[k] < stopMs) {
                kept = k + 1;
            }
        }
        // Rounding of (stop − start)/period can add one spike at the stop time; the window is half-open.
        return kept == times.length ? times : Arrays.copyOf(times, kept);
    }

    /** The given spike times (ms), checked and sorted into a fresh array. */
    public static double[] given(double... timesMs) {
        if (timesMs == null) {
            throw new IllegalArgumentException("timesMs = null; pass spike times in ms, e.g. 10, 20, 30");
        }
        for (int i = 0; i < timesMs.length; i++) {
            checkTime("timesMs[" + i + "]", timesMs[i]);
        }
        double[] sorted = timesMs.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * A jittered volley: {@code n} single-spike trains, spike i at {@code centerMs + sdMs·ξᵢ} with ξᵢ standard normal.
     * {@code sdMs = 0} gives a perfectly synchronous volley.
     */
    public static double[][] volley(int n, double centerMs, double sdMs, long seed) {
        checkCount(n);
        checkTime("centerMs", centerMs);
        if (!(sdMs >= 0) || Double.isInfinite(sdMs)) {
            throw new IllegalArgumentException("sdMs = " + sdMs + " must be a finite standard deviation ≥ 0 (ms), e.g. 1");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] trains = new double[n][];
        for (int i = 0; i < n; i++) {
            trains[i] = new double[] {centerMs + sdMs * gaussian(random)};
        }
        return trains;
    }

    /** A standard normal number by the Marsaglia polar method (deterministic for a given generator state). */
    static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    private static double[] poisson(double rateHz, double durationMs, SplittableRandom random) {
        if (rateHz == 0) {
            return new double[0];
        }
        double ratePerMs = rateHz * 1e-3;
        double[] times = new double[Math.max(16, (int) (1.2 * ratePerMs * durationMs) + 16)];
        int count = 0;
        double t = -Math.log(1 - random.nextDouble()) / ratePerMs;
        while (t < durationMs) {
            if (count == times.length) {
                times = Arrays.copyOf(times, 2 * times.length);
            }
            times[count++] = t;
            t += -Math.log(1 - random.nextDouble()) / ratePerMs;
        }
        return Arrays.copyOf(times, count);
    }

    private static double[] thinned(DoubleUnaryOperator rateHzAt, double maxRateHz, double durationMs, SplittableRandom random) {
        if (maxRateHz == 0) {
            return new double[0];
        }
        double maxPerMs = maxRateHz * 1e-3;
        double[] times = new double[Math.max(16, (int) (maxPerMs * durationMs) + 16)];
        int count = 0;
        double t = -Math.log(1 - random.nextDouble()) / maxPerMs;
        while (t < durationMs) {
            double rate = rateHzAt.applyAsDouble(t);
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("rateHzAt(" + t + " ms) = " + rate
                        + " Hz; the rate function must give finite rates ≥ 0 Hz");
            }
            if (rate > maxRateHz) {
                throw new IllegalArgumentException("rateHzAt(" + t + " ms) = " + rate + " Hz exceeds maxRateHz = "
                        + maxRateHz + "; pass a maxRateHz at least the largest rate (thinning needs an upper bound)");
            }
            if (random.nextDouble() * maxRateHz < rate) {
                if (count == times.length) {
                    times = Arrays.copyOf(times, 2 * times.length);
                }
                times[count++] = t;
            }
            t += -Math.log(1 - random.nextDouble()) / maxPerMs;
        }
        return Arrays.copyOf(times, count);
    }

    private static void checkVarying(DoubleUnaryOperator rateHzAt, double maxRateHz, double durationMs) {
        if (rateHzAt == null) {
            throw new IllegalArgumentException("rateHzAt = null; pass the rate in Hz as a function of time in ms, e.g. t -> 20 + 10 * Math.sin(t / 100)");
        }
        checkRate("maxRateHz", maxRateHz);
        checkDuration(durationMs);
    }

    static void checkRate(String name, double rateHz) {
        if (!(rateHz >= 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException(name + " = " + rateHz + " must be a finite rate ≥ 0 in Hz, e.g. 20");
        }
    }

    static void checkDuration(double durationMs) {
        if (!(durationMs >= 0) || Double.isInfinite(durationMs)) {
            throw new IllegalArgumentException("durationMs = " + durationMs + " must be a finite duration ≥ 0 in ms, e.g. 1000");
        }
    }

    static void checkCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n = " + n + " must be ≥ 0 (the number of trains)");
        }
    }

    static void checkTime(String name, double tMs) {
        if (!Double.isFinite(tMs)) {
            throw new IllegalArgumentException(name + " = " + tMs + " is not a finite time; give times in ms, e.g. 10");
        }
    }
}
