package dev.soma.analysis;

import dev.soma.model.NeuronModel;
import java.util.Arrays;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The f–I curve of a neuron model: its steady firing rate for each constant input current.
 * Build one with {@link #of(NeuronModel)}; each current is one simulation from rest, run on all
 * cores by default (a fixed-size pool; the result does not depend on the thread count).
 *
 * <p>The rate is measured in the window [{@code windowFromMs}, {@code durationMs}) so that the
 * transient after onset is left out (defaults: 1000 ms runs, window from 500 ms, as in the
 * reference data), either from the mean inter-spike interval there ({@link RateMeasure#ISI},
 * the default, exact for periodic firing) or by counting ({@link RateMeasure#COUNT}).
 *
 * <p>{@link #table()} shape: columns {@code I [<input unit>]} (e.g. {@code I [nA]},
 * {@code I [µA/cm²]}), {@code rate [Hz]} and {@code spikes} (count in the window), one row per current.
 */
public final class FiCurve {

    /** How a rate is read from the spikes in the measurement window. */
    public enum RateMeasure {
        /** 1 / mean inter-spike interval in the window (count-based with fewer than two spikes). */
        ISI,
        /** Spikes in the window / window length. */
        COUNT
    }

    private final Settings settings;
    private final double[] currents;
    private final double[] rates;
    private final int[] counts;

    private FiCurve(Settings settings, double[] currents, double[] rates, int[] counts) {
        this.settings = settings;
        this.currents = currents;
        this.rates = rates;
        this.counts = counts;
    }

    /** Starts an f–I curve of {@code model}; set the currents, then {@link Builder#run()}. */
    public static Builder of(NeuronModel model) {
        if (model == null) {
            throw new IllegalArgumentException("model = null; pass a neuron model, e.g. Neurons.adex()");
        }
        return new Builder(model);
    }

    /** The model. */
    public NeuronModel model() {
        return settings.model;
    }

    /** The input currents, in the model's input unit (a copy). */
    public double[] currents() {
        return currents.clone();
    }

    /** The firing rates in Hz, parallel to {@link #currents()} (a copy). */
    public double[] ratesHz() {
        return rates.clone();
    }

    /** The spike counts in the measurement window, parallel to {@link #currents()} (a copy). */
    public int[] spikeCounts() {
        return counts.clone();
    }

    /** The input unit of the currents, e.g. {@code nA}. */
    public String inputUnit() {
        return settings.model.inputUnit();
    }

    /** The curve as a table: {@code I [unit]}, {@code rate [Hz]}, {@code spikes}. */
    public Table table() {
        return Table.create(settings.model.name() + " f–I",
                DoubleColumn.create("I [" + inputUnit() + "]", currents),
                DoubleColumn.create("rate [Hz]", rates),
                IntColumn.create("spikes", counts));
    }

    /**
     * The onset of firing, refined between the last silent and the first firing current of the curve
     * by bisection (extra runs with the same settings) until the bracket is narrower than
     * {@code tolerance} (input unit). Returns the rheobase (the firing end of the refined bracket),
     * the rate there, and the class of excitability: type II when that rate is more than
     * {@code jumpFraction} of the curve's maximum rate (the curve jumps), type I otherwise (it
     * starts from near zero).
     *
     * @throws IllegalArgumentException for a tolerance that is not positive and finite, or a fraction outside (0, 1)
     */
    public Onset onset(double tolerance, double jumpFraction) {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance = " + tolerance + " must be a finite number > 0 (" + inputUnit() + ")");
        }
        if (!(jumpFraction > 0 && jumpFraction < 1)) {
            throw new IllegalArgumentException("jumpFraction = " + jumpFraction + " must lie in (0, 1), e.g. 0.25");
        }
        int first = -1;
        for (int i = 0; i < currents.length; i++) {
            if (counts[i] > 0) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return new Onset(Double.NaN, 0, Excitability.UNDETERMINED,
                    "no firing for any current up to " + currents[currents.length - 1] + " " + inputUnit());
        }
        if (first == 0) {
            return new Onset(Double.NaN, rates[0], Excitability.UNDETERMINED,
                    "already firing at the lowest current " + currents[0] + " " + inputUnit() + "; start the sweep lower");
        }
        double lo = currents[first - 1];
        double hi = currents[first];
        double rateHi = rates[first];
        while (hi - lo > tolerance) {
            double mid = 0.5 * (lo + hi);
            if (!(mid > lo && mid < hi)) break;
            double[] measured = settings.measure(mid, "the onset search's current I");
            if (measured[1] > 0) {
                hi = mid;
                rateHi = measured[0];
            } else {
                lo = mid;
            }
        }
        double max = Arrays.stream(rates).max().orElse(0);
        Excitability type = rateHi > jumpFraction * max ? Excitability.TYPE_II : Excitability.TYPE_I;
        return new Onset(hi, rateHi, type, String.format(Locale.ROOT,
                "silent at %.6g %s, %.4g Hz at %.6g %s (maximum %.4g Hz)", lo, inputUnit(), rateHi, hi, inputUnit(), max));
    }

    /**
     * The onset with a bracket of 1/10000 of the sweep's range and a jump criterion of a quarter of
     * the maximum rate: Hodgkin–Huxley starts at about 60 % of its rate at 30 µA/cm², a type I
     * model near 0 (rates of a few Hz are the floor a 500 ms window can measure). The LIF, whose
     * rate rises like 1/log, sits in between: classify it with a range well above its rheobase.
     */
    public Onset onset() {
        double range = currents[currents.length - 1] - currents[0];
        return onset(range > 0 ? range * 1e-4 : 1e-4, 0.25);
    }

    /** The rheobase from {@link #onset()}: the smallest current (model input unit) that fires in the window. */
    public double rheobase() {
        return onset().rheobase();
    }

    /** The class of excitability from {@link #onset()}. */
    public Excitability excitability() {
        return onset().type();
    }

    /**
     * Where firing starts.
     *
     * @param rheobase    the smallest current found to fire in the window (model input unit), NaN if undetermined
     * @param rateHz      the rate at that current (Hz)
     * @param type        type I or II (or undetermined)
     * @param explanation one line saying what was found
     */
    public record Onset(double rheobase, double rateHz, Excitability type, String explanation) {}

    /** One line: model, number of currents, range, maximum rate. */
    @Override
    public String toString() {
        double max = Arrays.stream(rates).max().orElse(0);
        return String.format(Locale.ROOT, "f–I of %s: %d currents from %.4g to %.4g %s, max %.4g Hz",
                settings.model.name(), currents.length, currents[0], currents[currents.length - 1], inputUnit(), max);
    }

    /** Settings of an f–I sweep. Defaults: 1000 ms runs, rates from 500 ms on, ISI-based, all cores, progress shown. */
    public static final class Builder {
        private final NeuronModel model;
        private double[] currents;
        private double durationMs = 1000;
        private double windowFromMs = 500;
        private RateMeasure measure = RateMeasure.ISI;
        private int threads = Parallel.defaultThreads();
        private boolean progress = true;

        private Builder(NeuronModel model) {
            this.model = model;
        }

        /** The input currents (model input unit), ascending. */
        public Builder currents(double... values) {
            double[] checked = Sweeps.checkValues("currents", values).clone();
            for (int i = 1; i < checked.length; i++) {
                if (!(checked[i] > checked[i - 1])) {
                    throw new IllegalArgumentException("currents must be strictly ascending; currents[" + i + "] = "
                            + checked[i] + " follows " + checked[i - 1]);
                }
            }
            this.currents = checked;
            return this;
        }

        /** {@code count} evenly spaced currents from {@code from} to {@code to} inclusive (model input unit). */
        public Builder range(double from, double to, int count) {
            return currents(Sweeps.linspace("currents", from, to, count));
        }

        /** The length of each run (ms), default 1000. */
        public Builder durationMs(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("durationMs = " + value + " must be a finite number > 0 (ms)");
            }
            this.durationMs = value;
            return this;
        }

        /** The start (ms) of the window [start, duration) in which rates are measured, default 500. */
        public Builder windowFromMs(double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("windowFromMs = " + value + " must be a finite number ≥ 0 (ms)");
            }
            this.windowFromMs = value;
            return this;
        }

        /** ISI- or count-based rates (default ISI). */
        public Builder rate(RateMeasure value) {
            if (value == null) {
                throw new IllegalArgumentException("rate = null; use FiCurve.RateMeasure.ISI or COUNT");
            }
            this.measure = value;
            return this;
        }

        /** The pool size (default: all cores); 1 runs on the calling thread. */
        public Builder threads(int value) {
            Parallel.checkThreads(value);
            this.threads = value;
            return this;
        }

        /** Whether a sweep longer than a second shows a progress bar (default true). */
        public Builder progress(boolean value) {
            this.progress = value;
            return this;
        }

        /** Runs one simulation per current and returns the curve. */
        public FiCurve run() {
            if (currents == null) {
                throw new IllegalArgumentException("currents not set; call .range(from, to, count) or .currents(values...) before run()");
            }
            if (!(windowFromMs < durationMs)) {
                throw new IllegalArgumentException("windowFromMs = " + windowFromMs + " must be below durationMs = "
                        + durationMs + "; the rate is measured in [windowFromMs, durationMs)");
            }
            Settings settings = new Settings(model, durationMs, windowFromMs, measure);
            double[][] results = Parallel.map(currents.length, threads, "f–I sweep", progress,
                    i -> settings.measure(currents[i], "currents[" + i + "]"), double[][]::new);
            double[] rates = new double[currents.length];
            int[] counts = new int[currents.length];
            for (int i = 0; i < currents.length; i++) {
                rates[i] = results[i][0];
                counts[i] = (int) results[i][1];
            }
            return new FiCurve(settings, currents.clone(), rates, counts);
        }
    }

    /** What one point of the curve needs, shared by the sweep and the onset refinement. */
    private static final class Settings {
        final NeuronModel model;
        final double durationMs;
        final double windowFromMs;
        final RateMeasure measure;

        Settings(NeuronModel model, double durationMs, double windowFromMs, RateMeasure measure) {
            this.model = model;
            this.durationMs = durationMs;
            this.windowFromMs = windowFromMs;
            this.measure = measure;
        }

        /**
         * {rate (Hz), spike count in the window} for a constant current; a run that fails (diverges)
         * is reported with the current, named {@code name}, that made it fail.
         */
        double[] measure(double current, String name) {
            double[] spikes;
            try {
                spikes = Runs.spikeTimes(model, t -> current, durationMs);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s = %s %s: the f–I run of %s at this current failed (%s); measure the curve at currents the "
                                + "model can follow (a smaller range) or pick a method and step for it",
                        name, java.math.BigDecimal.valueOf(current).round(new java.math.MathContext(8))
                                .stripTrailingZeros().toPlainString(), model.inputUnit(), model.name(), e.getMessage()), e);
            }
            double[] in = SpikeTrains.window(spikes, windowFromMs, durationMs);
            double rate = measure == RateMeasure.ISI
                    ? SpikeTrains.isiRateHz(spikes, windowFromMs, durationMs)
                    : SpikeTrains.countRateHz(spikes, windowFromMs, durationMs);
            return new double[] {rate, in.length};
        }
    }
}
