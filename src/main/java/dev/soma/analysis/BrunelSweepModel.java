package dev.soma.analysis;

import dev.soma.network.NetworkResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network builder {@code "brunel"}: {@link BrunelNetwork} (Brunel 2000, model A), its
 * parameters under the paper's names, measured over all neurons or one population ({@code :E},
 * {@code :I}). Each point builds its own network from the point's seed, on one thread.
 */
final class BrunelSweepModel implements SweepModel {
    static final String NAME = "brunel";

    private static final List<SweepParameter> PARAMETERS = List.of(
            SweepParameter.real("g", "1", 5, "relative strength of inhibition"),
            SweepParameter.real("eta", "1", 2, "external rate in units of the threshold rate ν_thr"),
            SweepParameter.real("J", "mV", 0.1, "jump of V for one excitatory spike"),
            SweepParameter.real("delay", "ms", 1.5, "transmission delay D"),
            SweepParameter.count("N_E", 10_000, "excitatory neurons (N_I = N_E/4; a multiple of 4)"),
            SweepParameter.count("C_E", 1_000, "excitatory inputs per neuron (C_I = C_E/4; a multiple of 4)"),
            SweepParameter.real("tau", "ms", 20, "membrane time constant"),
            SweepParameter.real("theta", "mV", 20, "threshold above rest"),
            SweepParameter.real("V_r", "mV", 10, "reset"),
            SweepParameter.real("t_ref", "ms", 2, "refractory period"),
            SweepParameter.real("dt", "ms", 0.1, "time step"));

    private static final Map<String, String> MEASUREMENTS = new LinkedHashMap<>();

    static {
        for (String scope : new String[] {"", ":E", ":I"}) {
            MEASUREMENTS.put("rate" + scope, "Hz");
            MEASUREMENTS.put("cv" + scope, "1");
            MEASUREMENTS.put("spikes" + scope, "1");
            MEASUREMENTS.put("synchrony" + scope, "1");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Brunel (2000) model A: E/I network of LIF neurons, delta synapses, fixed in-degree, Poisson drive";
    }

    @Override
    public List<SweepParameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public Map<String, String> measurements() {
        return MEASUREMENTS;
    }

    /** The network of a point (checks the values). */
    static BrunelNetwork network(SweepPoint p) {
        return BrunelNetwork.modelA()
                .withState(p.get("g"), p.get("eta"))
                .withJMv(p.get("J"))
                .withDtMs(p.get("dt"))
                .withDelayMs(p.get("delay"))
                .withSize((int) p.get("N_E"), (int) p.get("C_E"))
                .withNeuron(p.get("tau"), p.get("theta"), p.get("V_r"), p.get("t_ref"));
    }

    @Override
    public void check(SweepPoint point) {
        network(point);
    }

    @Override
    public double[] run(SweepPoint point, List<String> measurements) {
        BrunelNetwork model = network(point);
        NetworkResult run = model.builder(point.seed()).threads(1).build().run(point.durationMs());
        int nE = model.nE();
        int nI = nE / 4;
        double[] times = run.spikeTimes();
        int[] neurons = run.spikeNeurons();
        double[] out = new double[measurements.size()];
        for (int k = 0; k < out.length; k++) {
            String m = measurements.get(k);
            int colon = m.indexOf(':');
            String what = colon < 0 ? m : m.substring(0, colon);
            String scope = colon < 0 ? "" : m.substring(colon + 1);
            int first = scope.equals("I") ? nE : 0;
            int count = scope.isEmpty() ? nE + nI : scope.equals("E") ? nE : nI;
            NetworkMeasures measures = new NetworkMeasures(times, neurons, first, count, point.warmupMs(), run.durationMs());
            out[k] = switch (what) {
                case "rate" -> measures.rateHz();
                case "cv" -> measures.cv();
                case "spikes" -> measures.spikes();
                case "synchrony" -> measures.synchrony();
                default -> throw new IllegalStateException("measurement " + m + " is not provided by " + NAME);
            };
        }
        return out;
    }
}
