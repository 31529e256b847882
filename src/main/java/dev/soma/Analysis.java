package dev.soma;

import dev.soma.analysis.FiCurve;
import dev.soma.analysis.NoisyLif;
import dev.soma.analysis.ParameterSweep;
import dev.soma.analysis.PhasePlane;
import dev.soma.analysis.Siegert;
import dev.soma.analysis.SpikeTrains;
import dev.soma.analysis.SweepCache;
import dev.soma.analysis.SweepParts;
import dev.soma.analysis.SweepSpec;
import dev.soma.model.LeakyIntegrateAndFire;
import dev.soma.model.NeuronModel;
import dev.soma.sim.SimulationResult;
import tech.tablesaw.api.Table;

/**
 * Analysis of spiking neurons, the front door to {@code dev.soma.analysis}: spike-train measures,
 * f–I curves with rheobase and excitability class, the Siegert rate of a noisy LIF, phase planes
 * of two-variable models, and parameter sweeps into tables. Times in ms, rates in Hz, currents in
 * the model's input unit.
 */
public final class Analysis {
    private Analysis() {}

    static {
        // In the real IJava, tables and results show as HTML there too (a no-op elsewhere).
        dev.soma.notebook.IJavaRenderers.registerIfInIJava();
    }

    /** Rate (Hz) by counting the run's spikes in [fromMs, toMs). */
    public static double countRateHz(SimulationResult run, double fromMs, double toMs) {
        return SpikeTrains.countRateHz(run, fromMs, toMs);
    }

    /** Rate (Hz) from the mean inter-spike interval of the run's spikes in [fromMs, toMs). */
    public static double isiRateHz(SimulationResult run, double fromMs, double toMs) {
        return SpikeTrains.isiRateHz(run, fromMs, toMs);
    }

    /** The inter-spike intervals (ms) of a run. */
    public static double[] isi(SimulationResult run) {
        return SpikeTrains.isi(run);
    }

    /** The coefficient of variation of a run's inter-spike intervals. */
    public static double cv(SimulationResult run) {
        return SpikeTrains.cv(run);
    }

    /** The latency (ms) of the first spike at or after {@code onsetMs}; NaN if none. */
    public static double firstSpikeLatencyMs(SimulationResult run, double onsetMs) {
        return SpikeTrains.firstSpikeLatencyMs(run, onsetMs);
    }

    /** The adaptation index of Naud et al. 2008 (positive: adapting, negative: accelerating), skipping {@code skip} ISIs. */
    public static double adaptationIndex(SimulationResult run, int skip) {
        return SpikeTrains.adaptationIndex(run, skip);
    }

    /** Starts an f–I curve of {@code model}: set {@code .range(from, to, count)} or {@code .currents(...)}, then {@code .run()}. */
    public static FiCurve.Builder fI(NeuronModel model) {
        return FiCurve.of(model);
    }

    /** The f–I curve of {@code model} at {@code count} currents from {@code from} to {@code to} (model input unit), 1 s runs. */
    public static FiCurve fI(NeuronModel model, double from, double to, int count) {
        return FiCurve.of(model).range(from, to, count).run();
    }

    /** The Siegert rate (Hz) of an LIF driven by white noise: mean μ and amplitude σ of the free membrane (mV). */
    public static double siegertRateHz(double meanMv, double sigmaMv, double tauMs, double thresholdMv, double resetMv,
                                       double refractoryMs) {
        return Siegert.rateHz(meanMv, sigmaMv, tauMs, thresholdMv, resetMv, refractoryMs);
    }

    /**
     * A LIF driven by Ornstein–Uhlenbeck current noise of standard deviation {@code sigmaNa} (nA)
     * and correlation time {@code noiseTauMs} (ms): set {@code .range(from, to, count)}, then
     * {@code .simulate()} or {@code .siegert()} for its f–I curve as a table.
     */
    public static NoisyLif noisyLif(LeakyIntegrateAndFire lif, double sigmaNa, double noiseTauMs) {
        return NoisyLif.of(lif, sigmaNa, noiseTauMs);
    }

    /** The phase plane of a two-variable model at a constant input, over a window of its two variables. */
    public static PhasePlane phasePlane(NeuronModel model, double input, double xMin, double xMax, double yMin, double yMax) {
        return PhasePlane.of(model, input, xMin, xMax, yMin, yMax);
    }

    /**
     * Starts a declarative sweep of the model named {@code model} — a neuron preset ({@code "lif"},
     * {@code "adex:adapting"}) or a network builder ({@code "brunel"}): fix and vary parameters with
     * their units, name the measurements, then {@code run()} it locally, on Spark, or in shards.
     * It serialises to JSON ({@code toJson()}); see {@link SweepSpec}.
     */
    public static SweepSpec sweepOf(String model) {
        return SweepSpec.of(model);
    }

    /** A declarative sweep read back from its JSON (as {@code toJson()} writes it). */
    public static SweepSpec sweepFromJson(String json) {
        return SweepSpec.fromJson(json);
    }

    /**
     * Joins the parts of a sharded sweep (part files, or folders holding {@code part-*.csv}) into
     * its table, checking that no point is missing or doubled; equal bit for bit to the table of
     * the whole sweep run at once.
     */
    public static Table mergeSweepParts(java.nio.file.Path... partsOrFolders) {
        return SweepParts.merge(partsOrFolders);
    }

    /** The result cache of declarative sweeps in the user's cache folder: {@code sweepCache().clear()} empties it. */
    public static SweepCache sweepCache() {
        return SweepCache.user();
    }

    /** Starts a parameter sweep over {@code name} (with its unit) and values; add more with {@code .and(...)}. */
    public static ParameterSweep sweep(String name, double... values) {
        return ParameterSweep.vary(name, values);
    }
}
