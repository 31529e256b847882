package dev.soma.stimulus;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Injected currents: constant, step, ramp, pulse train, sine, sums, and Ornstein–Uhlenbeck noise.
 * Amplitudes are in the receiving model's input unit (µA/cm² or nA); times in ms; frequencies in
 * Soma's rate unit 1/ms (write {@code 10 * Hz}). Notebooks reach these through {@code dev.soma.Stimulus}.
 */
public final class Currents {
    private Currents() {}

    /** A constant current {@code amplitude}. */
    public static Current constant(double amplitude) {
        finite("amplitude", amplitude);
        return new Named(t -> amplitude, fmt("constant %.4g", amplitude));
    }

    /** {@code amplitude} for {@code startMs ≤ t < stopMs}, zero otherwise. */
    public static Current step(double amplitude, double startMs, double stopMs) {
        finite("amplitude", amplitude);
        window(startMs, stopMs);
        return new Named(t -> t >= startMs && t < stopMs ? amplitude : 0.0, fmt("step %.4g from %.4g to %.4g ms", amplitude, startMs, stopMs));
    }

    /** A linear ramp from {@code from} at {@code startMs} to {@code to} at {@code stopMs}, zero outside. */
    public static Current ramp(double from, double to, double startMs, double stopMs) {
        finite("from", from);
        finite("to", to);
        window(startMs, stopMs);
        double slope = (to - from) / (stopMs - startMs);
        return new Named(t -> t >= startMs && t < stopMs ? from + slope * (t - startMs) : 0.0,
                fmt("ramp %.4g → %.4g from %.4g to %.4g ms", from, to, startMs, stopMs));
    }

    /**
     * {@code count} rectangular pulses of height {@code amplitude} and width {@code widthMs}, one every
     * {@code periodMs}, the first starting at {@code startMs}.
     */
    public static Current pulses(double amplitude, double widthMs, double periodMs, double startMs, int count) {
        finite("amplitude", amplitude);
        positive("widthMs", widthMs);
        positive("periodMs", periodMs);
        finite("startMs", startMs);
        if (count < 1) {
            throw new IllegalArgumentException("count = " + count + " must be ≥ 1 (the number of pulses)");
        }
        if (widthMs > periodMs) {
            throw new IllegalArgumentException("widthMs = " + widthMs + " ms is longer than periodMs = " + periodMs
                    + " ms; pulses would overlap — use a width below the period");
        }
        double endMs = startMs + (count - 1) * periodMs + widthMs;
        return new Named(t -> {
            if (t < startMs || t >= endMs) return 0.0;
            double phase = (t - startMs) % periodMs;
            return phase < widthMs ? amplitude : 0.0;
        }, fmt("%d pulses of %.4g, %.4g ms wide, every %.4g ms from %.4g ms", count, amplitude, widthMs, periodMs, startMs));
    }

    /**
     * {@code offset + amplitude · sin(2π f t)} with frequency {@code frequency} in 1/ms (write {@code 10 * Hz}).
     */
    public static Current sine(double amplitude, double frequency, double offset) {
        finite("amplitude", amplitude);
        positive("frequency", frequency);
        finite("offset", offset);
        double omega = 2 * Math.PI * frequency;
        return new Named(t -> offset + amplitude * Math.sin(omega * t),
                fmt("sine %.4g + %.4g sin(2π·%.4g Hz·t)", offset, amplitude, frequency * 1000));
    }

    /** The sum of {@code parts}. */
    public static Current sum(Current... parts) {
        if (parts == null || parts.length == 0) {
            throw new IllegalArgumentException("parts = [] : give at least one current to sum");
        }
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                throw new IllegalArgumentException("parts[" + i + "] = null: pass a current");
            }
        }
        return new Current.Sum(parts);
    }

    /**
     * Ornstein–Uhlenbeck noise: τ dI = (μ − I) dt + σ √(2τ) dW, a stationary process with mean μ,
     * standard deviation σ and correlation time τ, sampled exactly on a grid of {@code gridMs}
     * (held constant within a grid cell). The path is fixed by {@code seed}: the same seed gives the
     * same current, in any thread.
     */
    public static Current noise(double mean, double sigma, double tauMs, long seed, double gridMs) {
        finite("mean", mean);
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma = " + sigma + " must be a finite standard deviation ≥ 0");
        }
        positive("tauMs", tauMs);
        positive("gridMs", gridMs);
        return new OrnsteinUhlenbeck(mean, sigma, tauMs, seed, gridMs);
    }

    static void finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " is not a finite number; pass a finite value");
        }
    }

    static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " must be a finite number > 0");
        }
    }

    private static void window(double startMs, double stopMs) {
        finite("startMs", startMs);
        finite("stopMs", stopMs);
        if (!(stopMs > startMs)) {
            throw new IllegalArgumentException("stopMs = " + stopMs + " ms must come after startMs = " + startMs + " ms");
        }
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** A current with a readable description. */
    private record Named(Current current, String description) implements Current {
        @Override
        public double at(double tMs) {
            return current.at(tMs);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** Exact OU updates on a grid, generated lazily and shared safely between threads. */
    private static final class OrnsteinUhlenbeck implements Current {
        private final double mean;
        private final double sigma;
        private final double tauMs;
        private final long seed;
        private final double gridMs;
        private final double decay;
        private final double kick;
        private volatile double[] path = new double[0];
        private SplittableRandom random;
        private int filled;

        OrnsteinUhlenbeck(double mean, double sigma, double tauMs, long seed, double gridMs) {
            this.mean = mean;
            this.sigma = sigma;
            this.tauMs = tauMs;
            this.seed = seed;
            this.gridMs = gridMs;
            this.decay = Math.exp(-gridMs / tauMs);
            this.kick = sigma * Math.sqrt(-Math.expm1(-2 * gridMs / tauMs));
        }

        @Override
        public double at(double tMs) {
            if (tMs < 0) return mean;
            long cell = (long) Math.floor(tMs / gridMs + 1e-9);
            double[] p = path;
            if (cell < p.length) {
                return p[(int) cell];
            }
            return extend(cell);
        }

        private synchronized double extend(long cell) {
            if (cell > 500_000_000L) {
                throw new IllegalArgumentException("noise grid cell " + cell + " is beyond 500 million samples; use a coarser gridMs");
            }
            int needed = (int) cell + 1;
            double[] p = path;
            if (needed > p.length) {
                int capacity = Math.max(needed, Math.max(1024, p.length * 2));
                double[] grown = java.util.Arrays.copyOf(p, capacity);
                if (random == null) {
                    random = new SplittableRandom(seed);
                    grown[0] = mean + sigma * gaussian(random);
                    filled = 1;
                }
                for (int k = filled; k < capacity; k++) {
                    grown[k] = mean + (grown[k - 1] - mean) * decay + kick * gaussian(random);
                }
                filled = capacity;
                path = grown;
                p = grown;
            }
            return p[(int) cell];
        }

        /** A standard normal variate by the Box–Muller transform (deterministic across JVMs, unlike nextGaussian's algorithm choice). */
        private static double gaussian(SplittableRandom random) {
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            return Math.sqrt(-2.0 * Math.log1p(-u1)) * Math.cos(2.0 * Math.PI * u2);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "OU noise: mean %.4g, σ %.4g, τ %.4g ms, seed %d", mean, sigma, tauMs, seed);
        }
    }
}
