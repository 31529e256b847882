package dev.soma.stimulus;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * A group of spike sources that a network steps like a population of neurons and that can feed
 * any projection: Poisson neurons at a constant or time-varying rate, or trains of given times
 * (regular, jittered volleys, recorded data: any {@link SpikeTrains}). Built by
 * {@code dev.soma.Spikes}, e.g. {@code Spikes.poissonGroup(1000, 15 * Hz)}; added with
 * {@code Network.builder().population("X", source)}.
 *
 * <p>On the network's grid (step dt, step k covering [k·dt, (k+1)·dt)):
 * <ul>
 *   <li>Poisson: each source spikes in step k with probability rate(k·dt)·dt, one independent
 *       draw per source and step (Brian2's {@code PoissonGroup}); the draws are counter-based
 *       random numbers of (seed, step, source), the same on any number of threads. rate·dt must
 *       stay ≤ 1.</li>
 *   <li>Given times: a spike at time t falls in the step containing it, k = ⌊t/dt⌋ (Brian2's
 *       {@code SpikeGeneratorGroup}); two spikes of one train in one step are refused.</li>
 * </ul>
 * Rates are in Soma's unit, per ms: write them with {@code Hz}. Immutable.
 */
public final class SpikeSource {
    /** What generates the spikes. */
    public enum Kind {
        /** Poisson at a constant rate. */
        POISSON,
        /** Poisson at a rate that is a function of time. */
        POISSON_VARYING,
        /** Spike trains of given times. */
        TRAINS
    }

    private final Kind kind;
    private final int size;
    private final double rate;
    private final DoubleUnaryOperator rateAt;
    private final SpikeTrains trains;

    private SpikeSource(Kind kind, int size, double rate, DoubleUnaryOperator rateAt, SpikeTrains trains) {
        this.kind = kind;
        this.size = size;
        this.rate = rate;
        this.rateAt = rateAt;
        this.trains = trains;
    }

    /** {@code n} independent Poisson sources at {@code rate} each (per ms: write {@code 15 * Hz}). */
    public static SpikeSource poisson(int n, double rate) {
        SpikeSources.checkCount(n);
        SpikeSources.checkRate("rate", rate);
        return new SpikeSource(Kind.POISSON, n, rate, null, null);
    }

    /**
     * {@code n} independent Poisson sources sharing the rate {@code rateAt(tMs)} (per ms: write the
     * function with {@code Hz}), evaluated once per step at its start.
     */
    public static SpikeSource poisson(int n, DoubleUnaryOperator rateAt) {
        SpikeSources.checkCount(n);
        if (rateAt == null) {
            throw new IllegalArgumentException("rateAt = null; give the rate as a function of time in ms, e.g. t -> 20 * Hz");
        }
        return new SpikeSource(Kind.POISSON_VARYING, n, Double.NaN, rateAt, null);
    }

    /** One source per train of {@code trains}, firing at the train's times. */
    public static SpikeSource of(SpikeTrains trains) {
        if (trains == null) {
            throw new IllegalArgumentException("trains = null; make them with Spikes.poisson(n, ...), Spikes.volley(...) or Spikes.trains(...)");
        }
        if (trains.size() == 0) {
            throw new IllegalArgumentException("trains has no train; a spike source needs at least one");
        }
        return new SpikeSource(Kind.TRAINS, trains.size(), Double.NaN, null, trains);
    }

    /** What generates the spikes. */
    public Kind kind() {
        return kind;
    }

    /** The number of sources. */
    public int size() {
        return size;
    }

    /** The constant rate (per ms), NaN otherwise. */
    public double rate() {
        return rate;
    }

    /**
     * The rate (per ms) at {@code tMs}: the constant rate or the function's value, checked to be a
     * number in [0, 1/dtMs] so that one draw per step can represent it.
     *
     * @throws IllegalArgumentException naming the time and the value otherwise
     */
    public double rateAt(double tMs, double dtMs) {
        double r = kind == Kind.POISSON ? rate : rateAt.applyAsDouble(tMs);
        if (!(r >= 0) || r * dtMs > 1 || Double.isInfinite(r)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "rate = %s per ms (%s Hz) at t = %s ms: a Poisson source's rate must be a number ≥ 0 and at most one "
                            + "spike per step (1/dt = %s Hz); write rates with their unit, e.g. 20 * Hz", r, r * 1000,
                    tMs, 1000 / dtMs));
        }
        return r;
    }

    /** The trains of given times, or null. */
    public SpikeTrains trains() {
        return trains;
    }

    /**
     * The steps (⌊t/dt⌋) of train {@code i}'s spikes, increasing; spikes before t = 0 are dropped.
     *
     * @throws IllegalArgumentException when two spikes of the train fall in one step (use a smaller dt)
     */
    public int[] steps(int i, double dtMs) {
        double[] t = trains.times(i);
        int[] steps = new int[t.length];
        int n = 0;
        for (double time : t) {
            if (time < 0) {
                continue;
            }
            double ratio = time / dtMs;
            long k = (long) Math.floor(ratio + 1e-9 * Math.max(1, ratio));
            if (k > Integer.MAX_VALUE - 1) {
                break;
            }
            if (n > 0 && steps[n - 1] == k) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "train %d has two spikes in the step of t = %s ms (dt = %s ms); a source fires at most once a step: "
                                + "use a smaller dt or merge the spikes", i, time, dtMs));
            }
            steps[n++] = (int) k;
        }
        return java.util.Arrays.copyOf(steps, n);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case POISSON -> String.format(Locale.ROOT, "%d Poisson sources at %s Hz", size, rate * 1000);
            case POISSON_VARYING -> size + " Poisson sources at a time-varying rate";
            case TRAINS -> size + " spike trains of given times";
        };
    }
}
