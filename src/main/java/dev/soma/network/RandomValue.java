package dev.soma.network;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A distribution of start values or connection weights: {@code uniform(lo, hi)} or
 * {@code normal(mean, sd)}, usable wherever a {@link NeuronDraw} of numbers or a
 * {@link ConnectionDraw} is taken (e.g. {@code Network.uniform(10 * mV, 20 * mV)}).
 */
public final class RandomValue implements NeuronDraw<Double>, ConnectionDraw {
    private final boolean uniform;
    private final double a;
    private final double b;

    private RandomValue(boolean uniform, double a, double b) {
        this.uniform = uniform;
        this.a = a;
        this.b = b;
    }

    /** Uniform in [lo, hi) (all equal to lo when hi = lo). */
    public static RandomValue uniform(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || hi < lo) {
            String which = !Double.isFinite(lo) ? "lo = " + lo : !Double.isFinite(hi) ? "hi = " + hi : "hi = " + hi + " < lo = " + lo;
            throw new IllegalArgumentException("uniform(" + lo + ", " + hi + "): " + which + "; give finite ends with lo ≤ hi");
        }
        return new RandomValue(true, lo, hi);
    }

    /** Normal with mean {@code mean} and standard deviation {@code sd} ≥ 0. */
    public static RandomValue normal(double mean, double sd) {
        if (!Double.isFinite(mean) || !(sd >= 0) || Double.isInfinite(sd)) {
            String which = !Double.isFinite(mean) ? "mean = " + mean : "sd = " + sd;
            throw new IllegalArgumentException("normal(" + mean + ", " + sd + "): " + which
                    + "; give a finite mean and a finite standard deviation sd ≥ 0");
        }
        return new RandomValue(false, mean, sd);
    }

    /** One value from {@code random}. */
    public double next(SplittableRandom random) {
        if (uniform) {
            return a == b ? a : a + (b - a) * random.nextDouble();
        }
        return a + b * gaussian(random);
    }

    /** A standard normal number by the Marsaglia polar method (the same on every JVM). */
    static double gaussian(SplittableRandom random) {
        while (true) {
            double u = 2 * random.nextDouble() - 1;
            double v = 2 * random.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2 * Math.log(s) / s);
            }
        }
    }

    @Override
    public Double draw(int neuron, SplittableRandom random) {
        return next(random);
    }

    @Override
    public double draw(int pre, int post, SplittableRandom random) {
        return next(random);
    }

    @Override
    public String toString() {
        return uniform ? String.format(Locale.ROOT, "uniform(%s, %s)", a, b) : String.format(Locale.ROOT, "normal(%s, %s)", a, b);
    }
}
