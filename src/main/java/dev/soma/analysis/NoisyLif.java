package dev.soma.analysis;

import dev.soma.model.LeakyIntegrateAndFire;
import dev.soma.sim.SimulationSetup;
import dev.soma.stimulus.Currents;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The f–I curve of a leaky integrate-and-fire neuron driven by noise, two ways: by simulation
 * (Ornstein–Uhlenbeck current noise around each mean current, fixed seeds, parallel trials) and by
 * the Siegert formula (mean first-passage time), so a notebook can show how noise turns the LIF's
 * hard threshold into a smooth, softplus-like curve and that theory and simulation agree.
 *
 * <p>The input is I(t) = I₀ + η(t), η an Ornstein–Uhlenbeck process with standard deviation
 * σ_I (nA) and correlation time τ_s (ms). For τ_s ≪ τ it acts on the membrane like white noise of
 * amplitude σ = R σ_I √(2 τ_s / τ) (mV, in the convention of {@link Siegert}); the Siegert rate is
 * evaluated with μ = E_L + R I₀, that σ, and the correction of Fourcaud &amp; Brunel (2002) for the
 * finite τ_s ({@link Siegert#colouredRateHz}).
 *
 * <p>Both tables have the columns {@code I [nA]} (mean current) and {@code rate [Hz]}; the
 * simulated one also {@code spikes} (all trials together).
 */
public final class NoisyLif {
    private final LeakyIntegrateAndFire lif;
    private final double sigmaNa;
    private final double noiseTauMs;
    private double[] currents;
    private double durationMs = 10_000;
    private double transientMs = 100;
    private int trials = 4;
    private double dtMs = 0.01;
    private long seed = 1;
    private int threads = Parallel.defaultThreads();
    private boolean progress = true;

    private NoisyLif(LeakyIntegrateAndFire lif, double sigmaNa, double noiseTauMs) {
        this.lif = lif;
        this.sigmaNa = sigmaNa;
        this.noiseTauMs = noiseTauMs;
    }

    /**
     * A noisy LIF: {@code lif} driven by Ornstein–Uhlenbeck current noise of standard deviation
     * {@code sigmaNa} (nA) and correlation time {@code noiseTauMs} (ms; short against the membrane's τ).
     */
    public static NoisyLif of(LeakyIntegrateAndFire lif, double sigmaNa, double noiseTauMs) {
        if (lif == null) {
            throw new IllegalArgumentException("lif = null; pass a LIF, e.g. Neurons.lif()");
        }
        if (!(sigmaNa > 0) || Double.isInfinite(sigmaNa)) {
            throw new IllegalArgumentException("sigmaNa = " + sigmaNa + " must be a finite number > 0 (nA)");
        }
        if (!(noiseTauMs > 0) || Double.isInfinite(noiseTauMs)) {
            throw new IllegalArgumentException("noiseTauMs = " + noiseTauMs + " must be a finite number > 0 (ms), e.g. 0.1");
        }
        return new NoisyLif(lif, sigmaNa, noiseTauMs);
    }

    /** The mean currents (nA), ascending. */
    public NoisyLif currents(double... values) {
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

    /** {@code count} mean currents from {@code from} to {@code to} (nA). */
    public NoisyLif range(double from, double to, int count) {
        return currents(Sweeps.linspace("currents", from, to, count));
    }

    /** Simulated time per trial (ms, default 10 000) and how many independent trials per current (default 4). */
    public NoisyLif durationMs(double durationMs, int trialCount) {
        if (!(durationMs > transientMs) || Double.isInfinite(durationMs)) {
            throw new IllegalArgumentException("durationMs = " + durationMs + " must be finite and longer than the "
                    + transientMs + " ms transient left out of each trial");
        }
        if (trialCount < 1) {
            throw new IllegalArgumentException("trialCount = " + trialCount + " must be ≥ 1");
        }
        // Every trial of every current is one run: their number must be an array index.
        if ((long) trialCount * (currents == null ? 1 : currents.length) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("trialCount = " + trialCount + " trials for each of "
                    + (currents == null ? "the" : currents.length) + " currents is more runs than Java can count; give fewer trials");
        }
        this.durationMs = durationMs;
        this.trials = trialCount;
        return this;
    }

    /** The integration step and noise grid (ms, default 0.01; keep it well below the noise's τ_s). */
    public NoisyLif dtMs(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("dtMs = " + value + " must be a finite number > 0 (ms)");
        }
        this.dtMs = value;
        return this;
    }

    /** The base seed; trial k of current i uses a seed derived from it, so results are reproducible. */
    public NoisyLif seed(long value) {
        this.seed = value;
        return this;
    }

    /** The pool size (default: all cores). */
    public NoisyLif threads(int value) {
        Parallel.checkThreads(value);
        this.threads = value;
        return this;
    }

    /** Whether a run longer than a second shows progress (default true). */
    public NoisyLif progress(boolean value) {
        this.progress = value;
        return this;
    }

    /** The white-noise amplitude σ (mV) the membrane sees: R σ_I √(2 τ_s / τ). */
    public double sigmaMv() {
        return lif.resistanceMOhm() * sigmaNa * Math.sqrt(2 * noiseTauMs / lif.tauMs());
    }

    /** The Siegert rate (Hz) at mean current {@code currentNa} (nA), corrected for the noise's correlation time. */
    public double siegertRateHz(double currentNa) {
        if (!Double.isFinite(currentNa)) {
            throw new IllegalArgumentException("currentNa = " + currentNa + " is not finite; give the mean input current in nA");
        }
        return Siegert.colouredRateHz(lif.restMv() + lif.resistanceMOhm() * currentNa, sigmaMv(), lif.tauMs(),
                lif.thresholdMv(), lif.resetMv(), lif.refractoryMs(), noiseTauMs);
    }

    /** The Siegert f–I curve: {@code I [nA]}, {@code rate [Hz]}. */
    public Table siegert() {
        double[] c = requireCurrents();
        double[] rates = new double[c.length];
        for (int i = 0; i < c.length; i++) rates[i] = siegertRateHz(c[i]);
        return Table.create(title("Siegert"), DoubleColumn.create("I [nA]", c), DoubleColumn.create("rate [Hz]", rates));
    }

    /**
     * The simulated f–I curve: per current, {@code trials} independent runs of {@code durationMs},
     * spikes counted after the first 100 ms of each; {@code I [nA]}, {@code rate [Hz]}, {@code spikes}.
     * Bit-identical for any number of threads.
     */
    public Table simulate() {
        double[] c = requireCurrents();
        if ((long) c.length * trials > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("trialCount = " + trials + " trials for each of " + c.length
                    + " currents is more runs than Java can count; give fewer trials");
        }
        int runs = c.length * trials;
        double window = (durationMs - transientMs) / 1000.0;
        int[] counts = new int[c.length];
        Integer[] perRun = Parallel.map(runs, threads, "noisy LIF", progress, r -> {
            int i = r / trials;
            long runSeed = ParameterSweep.mix(seed, r);
            try {
                SimulationSetup setup = SimulationSetup.of(lif)
                        .inject(Currents.noise(c[i], sigmaNa, noiseTauMs, runSeed, dtMs))
                        .dt(dtMs);
                double steps = Math.rint(durationMs / dtMs);
                // Sample once at the end (the spikes are what counts); beyond 2^53 steps run() refuses the duration.
                double[] spikes = (steps < 0x1p53 ? setup.sampleEvery(dtMs * Math.max(1, steps)) : setup).run(durationMs).spikeTimes();
                return SpikeTrains.window(spikes, transientMs, durationMs).length;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "currents[%d] = %s nA, trial %d of %d (seed %d): the noisy LIF run failed (%s); settings: sigmaNa = %s, "
                                + "noiseTauMs = %s, dtMs = %s, durationMs = %s. Measure at currents the neuron can follow or"
                                + " change the setting the message names",
                        i, plain(c[i]), r % trials + 1, trials, runSeed, e.getMessage(), plain(sigmaNa), plain(noiseTauMs),
                        plain(dtMs), plain(durationMs)), e);
            }
        }, Integer[]::new);
        for (int r = 0; r < runs; r++) counts[r / trials] += perRun[r];
        double[] rates = new double[c.length];
        for (int i = 0; i < c.length; i++) rates[i] = counts[i] / (window * trials);
        return Table.create(title("simulated"), DoubleColumn.create("I [nA]", c), DoubleColumn.create("rate [Hz]", rates),
                IntColumn.create("spikes", counts));
    }

    private double[] requireCurrents() {
        if (currents == null) {
            throw new IllegalArgumentException("currents not set; call .range(from, to, count) or .currents(values...) first");
        }
        return currents;
    }

    /** One line: the neuron and the noise. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "noisy %s; OU noise σ_I = %.4g nA, τ_s = %.4g ms (σ = %.4g mV)",
                lif, sigmaNa, noiseTauMs, sigmaMv());
    }

    private static String plain(double x) {
        return Sweeps.number(x);
    }

    private String title(String how) {
        return String.format(Locale.ROOT, "noisy LIF f–I (%s, σ_I = %.3g nA, τ_s = %.3g ms)", how, sigmaNa, noiseTauMs);
    }
}
