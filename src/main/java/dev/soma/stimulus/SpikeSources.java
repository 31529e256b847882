package dev.soma.stimulus;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Generators of presynaptic spike times, as primitive sorted {@code double[]} arrays in ms. The
 * front {@code dev.soma.Spikes} wraps them into {@link SpikeTrain} and {@link SpikeTrains}.
 *
 * <p>Rates are in Soma's rate unit, events per ms, as everywhere a rate is typed: write
 * {@code 20 * Hz} (with {@code import static dev.soma.Units.*}), which is 0.02 per ms. An input train
 * faster than one spike per ms (1000 Hz) is rejected as implausible: it is almost always a rate
 * typed without its unit ({@code 20} instead of {@code 20 * Hz}). Spike times are ≥ 0 ms.
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

    /** Spike times (ms, sorted, in [0, durationMs)) of a homogeneous Poisson process of {@code rate} (per ms: write {@code 20 * Hz}). */
    public static double[] poisson(double rate, double durationMs, long seed) {
        checkRate("rate", rate);
        checkDuration(durationMs);
        checkExpectedCount(null, 1, "rate", rate, "durationMs", durationMs);
        return poisson(rate, durationMs, new SplittableRandom(seed));
    }

    /** {@code n} independent Poisson trains of {@code rate} (per ms: {@code 20 * Hz}); train i is the same for every n ≥ i + 1. */
    public static double[][] poisson(int n, double rate, double durationMs, long seed) {
        checkCount(n);
        checkRate("rate", rate);
        checkDuration(durationMs);
        checkExpectedCount("n", n, "rate", rate, "durationMs", durationMs);
        SplittableRandom root = new SplittableRandom(seed);
        double[][] trains = new double[n][];
        for (int i = 0; i < n; i++) {
            trains[i] = poisson(rate, durationMs, root.split());
        }
        return trains;
    }

    /**
     * Spike times of an inhomogeneous Poisson process of rate {@code rateAt.applyAsDouble(tMs)} (per ms: write the
     * function with {@code Hz}, e.g. {@code t -> 20 * Hz}), by thinning against {@code maxRate} (per ms).
     *
     * @throws IllegalArgumentException if the rate function is negative, NaN or above {@code maxRate} at a candidate time
     */
    public static double[] poisson(DoubleUnaryOperator rateAt, double maxRate, double durationMs, long seed) {
        checkVarying(rateAt, maxRate, durationMs, 1);
        return thinned(rateAt, maxRate, durationMs, new SplittableRandom(seed));
    }

    /** {@code n} independent inhomogeneous Poisson trains sharing the rate function (per ms). */
    public static double[][] poisson(int n, DoubleUnaryOperator rateAt, double maxRate, double durationMs, long seed) {
        checkCount(n);
        checkVarying(rateAt, maxRate, durationMs, n);
        SplittableRandom root = new SplittableRandom(seed);
        double[][] trains = new double[n][];
        for (int i = 0; i < n; i++) {
            trains[i] = thinned(rateAt, maxRate, durationMs, root.split());
        }
        return trains;
    }

    /** Regularly spaced spikes at {@code startMs + k/rate} (rate per ms: {@code 50 * Hz}) for every k ≥ 0 with a time below {@code stopMs}. */
    public static double[] regular(double rate, double startMs, double stopMs) {
        checkRate("rate", rate);
        checkStart("startMs", startMs);
        checkTime("stopMs", stopMs);
        if (!(stopMs >= startMs)) {
            throw new IllegalArgumentException("stopMs = " + stopMs + " is before startMs = " + startMs
                    + "; give stopMs ≥ startMs (ms)");
        }
        if (rate == 0) {
            return new double[0];
        }
        checkExpectedCount(null, 1, "rate", rate, "stopMs − startMs", stopMs - startMs);
        double periodMs = 1.0 / rate;
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
            checkStart("timesMs[" + i + "]", timesMs[i]);
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
        // One array of one spike per fibre: about 40 bytes each with its header and reference.
        if (40.0 * n > Runtime.getRuntime().maxMemory() / 2.0) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "n = %,d fibres need about %,.0f MB, more than "
                    + "this JVM can hold (%,.0f MB free for it); use fewer", n, 40.0 * n / 1e6, Runtime.getRuntime().maxMemory() / 2e6));
        }
        checkStart("centerMs", centerMs);
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

    private static double[] poisson(double ratePerMs, double durationMs, SplittableRandom random) {
        if (ratePerMs == 0) {
            return new double[0];
        }
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

    private static double[] thinned(DoubleUnaryOperator rateAt, double maxRate, double durationMs, SplittableRandom random) {
        if (maxRate == 0) {
            return new double[0];
        }
        double[] times = new double[Math.max(16, (int) (maxRate * durationMs) + 16)];
        int count = 0;
        double t = -Math.log(1 - random.nextDouble()) / maxRate;
        while (t < durationMs) {
            double rate = rateAt.applyAsDouble(t);
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("rateAt(" + t + " ms) = " + rate
                        + " per ms; the rate function must give finite rates ≥ 0 (write them with the unit, e.g. t -> 20 * Hz)");
            }
            if (rate > maxRate) {
                throw new IllegalArgumentException("rateAt(" + t + " ms) = " + rate + " per ms (" + rate / HZ + " Hz) exceeds maxRate = "
                        + maxRate + " per ms (" + maxRate / HZ + " Hz); pass a maxRate at least the largest rate (thinning needs an upper bound)");
            }
            if (random.nextDouble() * maxRate < rate) {
                if (count == times.length) {
                    times = Arrays.copyOf(times, 2 * times.length);
                }
                times[count++] = t;
            }
            t += -Math.log(1 - random.nextDouble()) / maxRate;
        }
        return Arrays.copyOf(times, count);
    }

    private static void checkVarying(DoubleUnaryOperator rateAt, double maxRate, double durationMs, int n) {
        if (rateAt == null) {
            throw new IllegalArgumentException("rateAt = null; pass the rate (per ms) as a function of time in ms, "
                    + "e.g. t -> (20 + 10 * Math.sin(t / 100)) * Hz");
        }
        checkRate("maxRate", maxRate);
        checkDuration(durationMs);
        checkExpectedCount(n == 1 ? null : "n", n, "maxRate", maxRate, "durationMs", durationMs);
    }

    /** One Hz in Soma's rate unit (1/ms); the value of {@code dev.soma.Units.Hz}, which this room cannot import. */
    private static final double HZ = 1e-3;
    /** Input trains above this rate (per ms, i.e. 1000 Hz) are rejected as a rate typed without its unit. */
    static final double MAX_RATE = 1.0;

    /** A rate per ms, finite, ≥ 0 and at most one spike per ms; the message shows it in Hz and hints at {@code * Hz}. */
    static void checkRate(String name, double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(name + " = " + rate + " per ms must be a finite rate ≥ 0; write it with the unit, e.g. 20 * Hz");
        }
        if (rate > MAX_RATE) {
            throw new IllegalArgumentException(name + " = " + rate + " per ms is " + rate / HZ + " Hz, more than one spike per ms for an "
                    + "input train (above 1000 Hz). Rates are in Soma's unit, per ms: did you forget the unit? Write e.g. "
                    + shortNumber(rate) + " * Hz for " + shortNumber(rate) + " Hz.");
        }
    }

    /** Refuses trains whose expected spikes (n × rate × duration) would not fit in memory, before drawing them. */
    static void checkExpectedCount(String nName, int n, String rateName, double rate, String durationName, double durationMs) {
        double perTrain = 1.2 * rate * durationMs + 16;
        double bytes = 8 * perTrain * n;
        double available = Runtime.getRuntime().maxMemory() / 2.0;
        if (perTrain > Integer.MAX_VALUE - 8 || bytes > available) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%s%d train%s at %s = %s Hz over %s = %s ms is about %.3g spikes (%.3g MB), more than this JVM can hold (%.0f MB "
                            + "free for it); use fewer trains, a lower rate or a shorter duration",
                    nName == null ? "" : nName + " = ", n, n == 1 ? "" : "s", rateName, shortNumber(rate / HZ), durationName,
                    shortNumber(durationMs), rate * durationMs * n, bytes / 1e6, available / 1e6));
        }
    }

    private static String shortNumber(double x) {
        return SpikeTrain.short4(x);
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

    /** A finite time ≥ 0 ms: a run starts at 0, so an input spike before it would never arrive. */
    static void checkStart(String name, double tMs) {
        checkTime(name, tMs);
        if (tMs < 0) {
            throw new IllegalArgumentException(name + " = " + tMs + " ms is negative; spike times are ≥ 0 ms (a run starts at 0), e.g. 10");
        }
    }
}
