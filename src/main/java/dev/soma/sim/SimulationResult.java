package dev.soma.sim;

import dev.soma.model.NeuronModel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The outcome of one {@link Simulation} run: the recorded traces as primitive arrays, the spike
 * times, and a Tablesaw view of both.
 *
 * <p>Times are in ms, voltages in mV; every other variable carries the unit its model declares
 * ({@link #unitOf(String)}). Table columns are named with their unit, e.g. {@code t [ms]},
 * {@code V [mV]}, {@code m [1]}, {@code I_Na [µA/cm²]}.
 */
public final class SimulationResult {
    private final NeuronModel model;
    private final String method;
    private final double dtMs;
    private final double durationMs;
    private final double[] time;
    private final Map<String, double[]> traces;
    private final Map<String, String> units;
    private final double[] spikeTimes;

    SimulationResult(NeuronModel model, String method, double dtMs, double durationMs, double[] time,
                     Map<String, double[]> traces, Map<String, String> units, double[] spikeTimes) {
        this.model = model;
        this.method = method;
        this.dtMs = dtMs;
        this.durationMs = durationMs;
        this.time = time;
        this.traces = traces;
        this.units = units;
        this.spikeTimes = spikeTimes;
    }

    /** The model that was simulated. */
    public NeuronModel model() {
        return model;
    }

    /** The integration method's name, e.g. {@code "rk4"}. */
    public String method() {
        return method;
    }

    /** The integration step in ms (for the adaptive method, the sampling interval). */
    public double dtMs() {
        return dtMs;
    }

    /** The simulated duration in ms. */
    public double durationMs() {
        return durationMs;
    }

    /** Sample times in ms (a copy). */
    public double[] time() {
        return time.clone();
    }

    /** Names of the recorded variables, in the order they were asked for. */
    public String[] variables() {
        return traces.keySet().toArray(new String[0]);
    }

    /**
     * The recorded samples of {@code variable} (a copy), parallel to {@link #time()}.
     *
     * @throws IllegalArgumentException if the variable was not recorded; the message lists those that were
     */
    public double[] values(String variable) {
        return trace(variable).clone();
    }

    /** The unit of a recorded variable, e.g. {@code "mV"}. */
    public String unitOf(String variable) {
        trace(variable);
        return units.get(variable);
    }

    /** Spike times in ms, in order (upward threshold crossings, interpolated within the step). */
    public double[] spikeTimes() {
        return spikeTimes.clone();
    }

    /** The number of spikes. */
    public int spikeCount() {
        return spikeTimes.length;
    }

    /** The mean firing rate over the whole run, in Hz. */
    public double rateHz() {
        return spikeTimes.length / (durationMs / 1000.0);
    }

    /** The recorded traces as a Tablesaw table: {@code t [ms]} then one column per variable, units in the names. */
    public Table table() {
        Table table = Table.create(model.name());
        table.addColumns(DoubleColumn.create("t [ms]", time));
        for (Map.Entry<String, double[]> entry : traces.entrySet()) {
            table.addColumns(DoubleColumn.create(columnName(entry.getKey()), entry.getValue()));
        }
        return table;
    }

    /** The spike times as a Tablesaw table with one column {@code spike time [ms]}. */
    public Table spikeTable() {
        return Table.create(model.name() + " spikes", DoubleColumn.create("spike time [ms]", spikeTimes));
    }

    /** The table column name of a variable, with its unit, e.g. {@code V [mV]}. */
    public String columnName(String variable) {
        return variable + " [" + unitOf(variable) + "]";
    }

    double[] trace(String variable) {
        double[] values = traces.get(variable);
        if (values == null) {
            throw new IllegalArgumentException("variable = \"" + variable + "\" was not recorded; recorded: "
                    + traces.keySet() + ". Add it with .record(\"" + variable + "\") before run().");
        }
        return values;
    }

    /** One line: model, duration, method and step, spike count and rate. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %.4g ms with %s at dt = %.4g ms, %d spike%s (%.4g Hz), %d samples of %s",
                model.name(), durationMs, method, dtMs, spikeTimes.length, spikeTimes.length == 1 ? "" : "s",
                rateHz(), time.length, String.join(", ", traces.keySet()));
    }

    /**
     * The result of an engine's run from its primitive arrays: the first {@code samples} samples of
     * {@code time} and of each trace, and the first {@code spikeCount} spike times.
     */
    static SimulationResult assemble(NeuronModel model, String method, double dtMs, double durationMs, double[] time,
                                     int samples, String[] names, String[] units, double[][] traces,
                                     double[] spikes, int spikeCount) {
        Map<String, double[]> recorded = new LinkedHashMap<>();
        Map<String, String> unitOf = new LinkedHashMap<>();
        for (int r = 0; r < names.length; r++) {
            recorded.put(names[r], trimmed(traces[r], samples));
            unitOf.put(names[r], units[r]);
        }
        return new SimulationResult(model, method, dtMs, durationMs, trimmed(time, samples), recorded, unitOf,
                Arrays.copyOf(spikes, spikeCount));
    }

    private static double[] trimmed(double[] values, int length) {
        return values.length == length ? values : Arrays.copyOf(values, length);
    }
}
