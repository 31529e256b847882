package dev.soma.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What a {@link SpikingNetwork} recorded from t = 0: every spike (neuron, time), the number of
 * spikes per step and population, and the traces of the neurons chosen with
 * {@link SpikingNetwork.Builder#record(String, String, int...)}.
 *
 * <p>Neurons are numbered globally (populations end to end, see {@link Population#offset()}).
 * A spike is stamped with the start of the step in which its neuron crossed threshold, as in
 * Brian2. Times are in ms, rates in Hz. Spikes are held as two primitive arrays (4 + 4 bytes a
 * spike), so a million spikes take 8 MB.
 */
public final class NetworkResult {
    private final String[] names;
    private final int[] sizes;
    private final int[] offsets;
    private final double dtMs;
    private final long steps;
    private final int[] spikeSteps;
    private final int[] spikeNeurons;
    private final int[][] perStep;
    private final Map<String, double[]> traces;
    private final Map<String, String> units;
    private final int sampleStride;
    private final int threads;
    private final double simSeconds;
    private final long seed;

    NetworkResult(String[] names, int[] sizes, int[] offsets, double dtMs, long steps, int[] spikeSteps,
                  int[] spikeNeurons, int[][] perStep, Map<String, double[]> traces, Map<String, String> units,
                  int sampleStride, int threads, double simSeconds, long seed) {
        this.names = names;
        this.sizes = sizes;
        this.offsets = offsets;
        this.dtMs = dtMs;
        this.steps = steps;
        this.spikeSteps = spikeSteps;
        this.spikeNeurons = spikeNeurons;
        this.perStep = perStep;
        this.traces = traces;
        this.units = units;
        this.sampleStride = sampleStride;
        this.threads = threads;
        this.simSeconds = simSeconds;
        this.seed = seed;
    }

    /** Simulated duration in ms. */
    public double durationMs() {
        return steps * dtMs;
    }

    /** The time step in ms. */
    public double dtMs() {
        return dtMs;
    }

    /** Number of neurons in the network. */
    public int neurons() {
        int n = 0;
        for (int s : sizes) {
            n += s;
        }
        return n;
    }

    /** Population names in order. */
    public List<String> populations() {
        return List.of(names);
    }

    /** Number of threads of the last run. */
    public int threads() {
        return threads;
    }

    /** Wall-clock seconds of the last run's step loop. */
    public double simSeconds() {
        return simSeconds;
    }

    /** Number of spikes. */
    public int spikeCount() {
        return spikeNeurons.length;
    }

    /** The global index of the neuron of each spike, in time order (ties by neuron). */
    public int[] spikeNeurons() {
        return spikeNeurons.clone();
    }

    /** The time of each spike in ms (start of the step in which it happened). */
    public double[] spikeTimes() {
        double[] t = new double[spikeSteps.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = spikeSteps[i] * dtMs;
        }
        return t;
    }

    /** The step index of each spike. */
    public int[] spikeSteps() {
        return spikeSteps.clone();
    }

    /** The spikes of one population: their neurons as local indices (0..size−1), in time order. */
    public int[] spikeNeurons(String population) {
        int p = indexOf(population);
        int lo = offsets[p];
        int hi = lo + sizes[p];
        int n = 0;
        for (int g : spikeNeurons) {
            if (g >= lo && g < hi) n++;
        }
        int[] out = new int[n];
        n = 0;
        for (int g : spikeNeurons) {
            if (g >= lo && g < hi) out[n++] = g - lo;
        }
        return out;
    }

    /** The steps of one population's spikes, parallel to {@link #spikeNeurons(String)}. */
    public int[] spikeSteps(String population) {
        int p = indexOf(population);
        int lo = offsets[p];
        int hi = lo + sizes[p];
        int n = 0;
        for (int g : spikeNeurons) {
            if (g >= lo && g < hi) n++;
        }
        int[] out = new int[n];
        n = 0;
        for (int i = 0; i < spikeNeurons.length; i++) {
            if (spikeNeurons[i] >= lo && spikeNeurons[i] < hi) out[n++] = spikeSteps[i];
        }
        return out;
    }

    /** The times (ms) of one population's spikes, parallel to {@link #spikeNeurons(String)}. */
    public double[] spikeTimes(String population) {
        int[] k = spikeSteps(population);
        double[] t = new double[k.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = k[i] * dtMs;
        }
        return t;
    }

    /** The number of spikes of one population. */
    public int spikeCount(String population) {
        int p = indexOf(population);
        long c = 0;
        for (int v : perStep[p]) {
            c += v;
        }
        return (int) c;
    }

    /** The spike count of one population in every step (the population rate monitor at full resolution). */
    public int[] countsPerStep(String population) {
        return perStep[indexOf(population)].clone();
    }

    /** The seed the network was built from. */
    public long seed() {
        return seed;
    }

    /** Spikes per neuron (global index). */
    public int[] spikeCountsPerNeuron() {
        int[] c = new int[neurons()];
        for (int n : spikeNeurons) {
            c[n]++;
        }
        return c;
    }

    /** Mean firing rate over all neurons (spike sources included) and the whole run, in Hz. */
    public double rateHz() {
        return spikeCount() / (neurons() * durationMs() * 1e-3);
    }

    /** Mean firing rate of one population over the whole run, in Hz. */
    public double rateHz(String population) {
        int p = indexOf(population);
        long c = 0;
        for (int v : perStep[p]) {
            c += v;
        }
        return c / (sizes[p] * durationMs() * 1e-3);
    }

    private int indexOf(String population) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(population)) {
                return i;
            }
        }
        throw new IllegalArgumentException("population = \"" + population + "\" does not exist; use one of "
                + List.of(names));
    }

    /** The global index of a population's first neuron (for a raster: where I starts, 3200 in CUBA). */
    public int offsetOf(String population) {
        return offsets[indexOf(population)];
    }

    /** The number of neurons of a population. */
    public int sizeOf(String population) {
        return sizes[indexOf(population)];
    }

    /** The name of the population a global neuron index belongs to. */
    public String populationOf(int neuron) {
        for (int i = 0; i < names.length; i++) {
            if (neuron >= offsets[i] && neuron < offsets[i] + sizes[i]) {
                return names[i];
            }
        }
        throw new IllegalArgumentException("neuron = " + neuron + " is not in the network; use 0.." + (neurons() - 1));
    }

    /** Every spike as a table with columns {@code neuron} (global index) and {@code t [ms]}. */
    public Table spikeTable() {
        return Table.create("spikes", IntColumn.create("neuron", spikeNeurons.clone()),
                DoubleColumn.create("t [ms]", spikeTimes()));
    }

    /**
     * The population rate in bins of {@code binMs}: columns {@code t [ms]} (start of the bin),
     * {@code rate [Hz]} over all neurons and {@code rate NAME [Hz]} for each population.
     */
    public Table rateTable(double binMs) {
        if (!(binMs > 0) || !Double.isFinite(binMs)) {
            throw new IllegalArgumentException("binMs = " + binMs + " must be positive; give a bin width in ms, e.g. 5");
        }
        // A bin longer than the run is one bin of the whole run (its rate divides by the steps it holds).
        int per = (int) Math.min(Math.max(1, Math.round(binMs / dtMs)), Math.max(1, steps));
        int bins = (int) ((steps + per - 1) / per);
        double[] t = new double[bins];
        double[] all = new double[bins];
        double[][] pop = new double[names.length][bins];
        for (int b = 0; b < bins; b++) {
            t[b] = b * per * dtMs;
            long from = (long) b * per;
            long to = Math.min(steps, from + per);
            double width = (to - from) * dtMs * 1e-3;
            long total = 0;
            for (int p = 0; p < names.length; p++) {
                long c = 0;
                for (long k = from; k < to; k++) {
                    c += perStep[p][(int) k];
                }
                total += c;
                pop[p][b] = c / (sizes[p] * width);
            }
            all[b] = total / (neurons() * width);
        }
        Table table = Table.create("rate", DoubleColumn.create("t [ms]", t), DoubleColumn.create("rate [Hz]", all));
        for (int p = 0; p < names.length; p++) {
            table.addColumns(DoubleColumn.create("rate " + names[p] + " [Hz]", pop[p]));
        }
        return table;
    }

    /** Names of the recorded traces, e.g. {@code "V E[0]"}. */
    public List<String> traces() {
        return new ArrayList<>(traces.keySet());
    }

    /** One recorded trace, one value per sample (at the start of the step, after the step's input has arrived), at {@link #time()}. */
    public double[] trace(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name = null; name a recorded trace, one of " + traces.keySet());
        }
        double[] v = traces.get(name);
        if (v == null) {
            throw new IllegalArgumentException("trace = \"" + name + "\" was not recorded; use one of " + traces.keySet());
        }
        return v.clone();
    }

    /** The sample times of the traces in ms: every step, or every {@code sampleEvery}, from 0. */
    public double[] time() {
        double[] t = new double[(int) ((steps + sampleStride - 1) / sampleStride)];
        for (int k = 0; k < t.length; k++) {
            t[k] = (long) k * sampleStride * dtMs;
        }
        return t;
    }

    /** The unit of a recorded trace, e.g. {@code "mV"}. */
    public String unitOf(String trace) {
        trace(trace);
        return units.get(trace);
    }

    /** The recorded traces as a table: {@code t [ms]}, then one column per trace with its unit, e.g. {@code V E[0] [mV]}. */
    public Table stateTable() {
        Table table = Table.create("state", DoubleColumn.create("t [ms]", time()));
        for (Map.Entry<String, double[]> e : traces.entrySet()) {
            table.addColumns(DoubleColumn.create(e.getKey() + " [" + units.get(e.getKey()) + "]", e.getValue()));
        }
        return table;
    }

    /** A number without trailing zeros: 200, 0.1, 12.5. */
    static String plain(double x) {
        if (!Double.isFinite(x) || x != 0 && (Math.abs(x) >= 1e12 || Math.abs(x) < 1e-9)) {
            // A row of three hundred zeros reads worse than 1e+300.
            return String.format(Locale.ROOT, "%.8g", x);
        }
        return java.math.BigDecimal.valueOf(x).round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString();
    }

    /**
     * One line: neurons, duration, seed, spikes and rates. It leaves out the step loop's wall-clock
     * time ({@link #simSeconds()}), so a notebook cell shows the same text on every run.
     */
    @Override
    public String toString() {
        StringBuilder pops = new StringBuilder();
        StringBuilder rates = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            pops.append(i == 0 ? "" : ", ").append(names[i]).append(' ').append(sizes[i]);
            rates.append(i == 0 ? "" : ", ").append(names[i]).append(' ')
                    .append(String.format(Locale.ROOT, "%.3g", rateHz(names[i])));
        }
        return String.format(Locale.ROOT,
                "NetworkResult: %d neurons (%s), %s ms at dt %s ms, seed %d: %d spikes, %.3g Hz (%s); %d thread%s",
                neurons(), pops, plain(durationMs()), plain(dtMs), seed, spikeCount(), rateHz(), rates, threads,
                threads == 1 ? "" : "s");
    }
}
