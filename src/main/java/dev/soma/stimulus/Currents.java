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

    /** {@code amplitude} for {@code startMs ≤ t < stopMs}, zero otherwise; breakpoints at both ends. */
    public static Current step(double amplitude, double startMs, double stopMs) {
        finite("amplitude", amplitude);
        window(startMs, stopMs);
        return new Ramp(amplitude, 0, startMs, stopMs, fmt("step %.4g from %.4g to %.4g ms", amplitude, startMs, stopMs));
    }

    /** A single pulse of {@code amplitude} from {@code startMs} for {@code widthMs}: a step from startMs to startMs + widthMs. */
    public static Current pulse(double amplitude, double startMs, double widthMs) {
        finite("amplitude", amplitude);
        finite("startMs", startMs);
        positive("widthMs", widthMs);
        if (!(startMs + widthMs > startMs)) {
            throw new IllegalArgumentException("widthMs = " + widthMs + " is too short to move the end past startMs = " + startMs
                    + " in double precision; give a wider pulse");
        }
        return step(amplitude, startMs, startMs + widthMs);
    }

    /** A linear ramp from {@code from} at {@code startMs} to {@code to} at {@code stopMs}, zero outside; breakpoints at both ends. */
    public static Current ramp(double from, double to, double startMs, double stopMs) {
        finite("from", from);
        finite("to", to);
        window(startMs, stopMs);
        double slope = (to - from) / (stopMs - startMs);
        return new Ramp(from, slope, startMs, stopMs, fmt("ramp %.4g → %.4g from %.4g to %.4g ms", from, to, startMs, stopMs));
    }

    /**
     * {@code count} rectangular pulses of height {@code amplitude} and width {@code widthMs}, one every
     * {@code periodMs}, the first starting at {@code startMs}; breakpoints at every edge.
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
        return new Pulses(amplitude, widthMs, periodMs, startMs, count,
                fmt("%d pulses of %.4g, %.4g ms wide, every %.4g ms from %.4g ms", count, amplitude, widthMs, periodMs, startMs));
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
            throw new IllegalArgumentException("parts " + (parts == null ? "= null" : "is empty") + ": give at least one current to sum");
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

    /** A smooth current with a readable description. */
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

    /**
     * {@code value + slope·(t − start)} on [start, stop), zero elsewhere: a step (slope 0) or a ramp.
     * Its two ends are breakpoints.
     */
    private record Ramp(double value, double slope, double startMs, double stopMs, String description) implements Current {
        @Override
        public double at(double tMs) {
            return tMs >= startMs && tMs < stopMs ? value + slope * (tMs - startMs) : 0.0;
        }

        @Override
        public double leftLimit(double tMs) {
            return tMs > startMs && tMs <= stopMs ? value + slope * (tMs - startMs) : 0.0;
        }

        @Override
        public double nextBreakpoint(double afterMs) {
            return afterMs < startMs ? startMs : afterMs < stopMs ? stopMs : Double.POSITIVE_INFINITY;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * Pulse k covers [onset(k), onset(k) + width) with onset(k) = start + k·period, k = 0 … count − 1.
     * The edges are computed by the same expressions wherever they are used, so that the value just
     * after a breakpoint is the new one exactly.
     */
    private record Pulses(double amplitude, double widthMs, double periodMs, double startMs, int count, String description)
            implements Current {
        private double onset(long k) {
            return startMs + k * periodMs;
        }

        /** The index of the last pulse whose onset is at or before {@code tMs} (−1 if none). */
        private long pulseAtOrBefore(double tMs) {
            if (tMs < startMs) {
                return -1;
            }
            long k = (long) Math.min(count - 1, Math.floor((tMs - startMs) / periodMs));
            while (k > 0 && onset(k) > tMs) {
                k--;
            }
            while (k + 1 < count && onset(k + 1) <= tMs) {
                k++;
            }
            return k;
        }

        @Override
        public double at(double tMs) {
            long k = pulseAtOrBefore(tMs);
            return k >= 0 && tMs < onset(k) + widthMs ? amplitude : 0.0;
        }

        @Override
        public double leftLimit(double tMs) {
            long k = pulseAtOrBefore(tMs);
            if (k >= 0 && onset(k) == tMs) {
                k--;   // just before an onset, the previous pulse (or nothing) decides
            }
            return k >= 0 && tMs <= onset(k) + widthMs ? amplitude : 0.0;
        }

        @Override
        public double nextBreakpoint(double afterMs) {
            long k = Math.max(0, pulseAtOrBefore(afterMs));
            for (long j = k; j < count && j <= k + 2; j++) {
                if (onset(j) > afterMs) {
                    return onset(j);
                }
                if (onset(j) + widthMs > afterMs) {
                    return onset(j) + widthMs;
                }
            }
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * Exact OU updates on a grid, reproducible from the seed without keeping the path: the random
     * numbers of cell k are a function of (seed, k) (the SplitMix64 sequence that
     * {@link SplittableRandom} draws, computed directly), the path is stored only every
     * {@value #BLOCK} cells, and each thread keeps the block of cells it is reading. A run of any
     * length therefore needs 1/{@value #BLOCK} of the path in memory (4 MB for 10⁸ cells) and any
     * number of threads can read one noise at once.
     */
    static final class OrnsteinUhlenbeck implements Current {
        static final int BLOCK = 256;
        private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

        private final double mean;
        private final double sigma;
        private final double tauMs;
        private final long seed;
        private final double gridMs;
        private final double decay;
        private final double kick;
        /** checkpoints[j] = the path at cell j·BLOCK, for j < filled. */
        private volatile double[] checkpoints = new double[0];
        private volatile int filled;
        private final ThreadLocal<double[]> cache = new ThreadLocal<>();

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
            double position = Math.floor(tMs / gridMs + 1e-9);
            if (!(position < (double) Integer.MAX_VALUE * BLOCK)) {
                throw new IllegalArgumentException("t = " + tMs + " ms is beyond the noise's " + (long) Integer.MAX_VALUE * BLOCK
                        + " grid cells of gridMs = " + gridMs + " ms; use a coarser gridMs");
            }
            long cell = (long) position;
            long block = cell / BLOCK;
            double[] values = cache.get();
            if (values == null || values[BLOCK] != block) {
                values = block(block, values);
                cache.set(values);
            }
            return values[(int) (cell - block * BLOCK)];
        }

        /** The path of block {@code j}, cells j·BLOCK … j·BLOCK + BLOCK − 1, with j itself in the last slot. */
        private double[] block(long j, double[] reuse) {
            double[] values = reuse != null ? reuse : new double[BLOCK + 1];
            double x = checkpoint((int) j);
            long first = j * BLOCK;
            values[0] = x;
            for (int i = 1; i < BLOCK; i++) {
                x = next(x, first + i);
                values[i] = x;
            }
            values[BLOCK] = j;
            publish(j + 1, next(x, first + BLOCK));   // reading in order never computes a cell twice
            return values;
        }

        /** Stores {@code value} as checkpoint {@code j} if it is the next one missing. */
        private void publish(long j, double value) {
            if (j != filled || j >= Integer.MAX_VALUE - 8) {
                return;
            }
            synchronized (this) {
                if (j != filled) {
                    return;
                }
                double[] known = checkpoints;
                if (j >= known.length) {
                    known = java.util.Arrays.copyOf(known, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(64L, 2L * known.length)));
                }
                known[(int) j] = value;
                checkpoints = known;
                filled = (int) j + 1;
            }
        }

        private double checkpoint(int j) {
            int ready = filled;              // volatile read first: every entry below it is published
            if (j < ready) {
                return checkpoints[j];
            }
            return extend(j);
        }

        private synchronized double extend(int j) {
            double[] known = checkpoints;
            int ready = filled;
            if (j >= known.length) {
                known = java.util.Arrays.copyOf(known, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(j + 1L, Math.max(64L, 2L * known.length))));
            }
            if (ready == 0) {
                known[0] = mean + sigma * gaussian(0);
                ready = 1;
            }
            for (int b = ready; b <= j; b++) {
                double x = known[b - 1];
                long first = (long) (b - 1) * BLOCK;
                for (int i = 1; i <= BLOCK; i++) {
                    x = next(x, first + i);
                }
                known[b] = x;
            }
            checkpoints = known;
            filled = Math.max(ready, j + 1);   // published after the entries and the array
            return known[j];
        }

        /** The path at {@code cell} from the path at the cell before. */
        private double next(double previous, long cell) {
            return mean + (previous - mean) * decay + kick * gaussian(cell);
        }

        /**
         * The standard normal variate of {@code cell} by the Box–Muller transform from the cell's two
         * uniform numbers: draws 2·cell + 1 and 2·cell + 2 of {@code new SplittableRandom(seed)}.
         */
        private double gaussian(long cell) {
            double u1 = uniform(2 * cell + 1);
            double u2 = uniform(2 * cell + 2);
            return Math.sqrt(-2.0 * Math.log1p(-u1)) * Math.cos(2.0 * Math.PI * u2);
        }

        /** The {@code k}-th {@code nextDouble()} (k ≥ 1) of {@code new SplittableRandom(seed)}: SplitMix64, in closed form. */
        double uniform(long k) {
            long z = seed + k * GOLDEN_GAMMA;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            z = z ^ (z >>> 31);
            return (z >>> 11) * 0x1.0p-53;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "OU noise: mean %.4g, σ %.4g, τ %.4g ms, seed %d", mean, sigma, tauMs, seed);
        }
    }
}
