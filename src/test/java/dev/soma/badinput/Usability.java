package dev.soma.badinput;

import dev.soma.Network;
import dev.soma.Synapses;
import dev.soma.Neurons;
import dev.soma.Simulation;
import dev.soma.Spikes;
import dev.soma.Stimulus;
import dev.soma.activation.ActivationFunction;
import dev.soma.activation.ArtificialNeuron;
import dev.soma.activation.DaleNeuron;
import dev.soma.activation.Layer;
import dev.soma.activation.RateTrace;
import dev.soma.activation.RateUnit;
import dev.soma.analysis.BrunelNetwork;
import dev.soma.analysis.FiCurve;
import dev.soma.analysis.NoisyLif;
import dev.soma.analysis.ParameterSweep;
import dev.soma.analysis.PhasePlane;
import dev.soma.analysis.SweepSpec;
import dev.soma.model.NeuronModel;
import dev.soma.network.Connectivity;
import dev.soma.network.NetworkResult;
import dev.soma.network.SpikingNetwork;
import dev.soma.notebook.Interactive;
import dev.soma.sim.SimulationResult;
import dev.soma.sim.SimulationSetup;
import dev.soma.stimulus.Current;
import dev.soma.stimulus.SpikeTrain;
import dev.soma.stimulus.SpikeTrains;
import dev.soma.synapse.Kernel;
import dev.soma.synapse.MagnesiumBlock;
import dev.soma.synapse.Stdp;
import dev.soma.synapse.Synapse;
import dev.soma.synapse.TonicConductance;
import dev.soma.synapse.TsodyksMarkram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Whether an accepted call gave something usable. Two cheap checks: the numbers in the result are
 * finite (where those of the valid call are), and the result can be used for what it is for — a
 * setup runs for a few ms, a model runs, a builder builds and runs, a current and a kernel can be
 * evaluated, a sweep runs — and that use gives finite numbers too.
 */
final class Usability {
    private Usability() {}

    /** A short run: long enough for every model to move, short enough for thousands of cases. */
    static final double RUN_MS = 5;

    /** What using {@code result} gives (itself if there is nothing more to do with it). Throws what the use throws. */
    static Object use(Object result) {
        if (result instanceof SimulationSetup s) return s.run(RUN_MS);
        if (result instanceof NeuronModel m) return Simulation.of(m).inject(Stimulus.constant(1)).run(RUN_MS);
        if (result instanceof SpikingNetwork.Builder b) return b.build().run(RUN_MS);
        if (result instanceof SpikingNetwork n) return n.run(RUN_MS);
        if (result instanceof Connectivity c) {
            return Network.builder().population("P", Neurons.lif(), 4).connect("P", "P", Synapses.currentExponential(5), 0.5, c)
                    .seed(1).build().run(RUN_MS);
        }
        if (result instanceof BrunelNetwork b) return b.builder(1).build().run(RUN_MS);
        if (result instanceof Current c) {
            double[] values = new double[41];
            for (int i = 0; i < values.length; i++) values[i] = c.at(i * 0.5);
            return values;
        }
        if (result instanceof Synapse s) {
            Synapse fed = s.connectionCount() > 0 ? s : s.from(Spikes.at(1, 2), 0.01);
            return Simulation.of(Neurons.lif()).attach(fed).run(RUN_MS);
        }
        if (result instanceof TonicConductance t) return Simulation.of(Neurons.lif()).attach(t).run(RUN_MS);
        if (result instanceof Kernel k) return new double[] {k.at(1), k.at(5), k.peakTimeMs(), k.areaMs()};
        if (result instanceof TsodyksMarkram tm) return tm.efficacies(new double[] {0, 10, 20});
        if (result instanceof Stdp s) return new double[] {s.window(-10), s.window(10), s.run(0.5, new double[] {1, 5}, new double[] {2, 6})};
        if (result instanceof MagnesiumBlock b) return b.at(-65);
        if (result instanceof ActivationFunction f) return new double[] {f.apply(-0.5), f.apply(0.5), f.derivative(0.5)};
        if (result instanceof RateUnit u) return u.run(1.0, 20);
        if (result instanceof ArtificialNeuron n) return n.output(ones(n.inputCount()));
        if (result instanceof DaleNeuron n) return n.output(ones(n.inputCount()));
        if (result instanceof Layer l) return l.output(ones(l.inputCount()));
        if (result instanceof FiCurve.Builder b) return b.run();
        if (result instanceof ParameterSweep s) return s.experiment(p -> 1.0).measure("m", r -> r).run();
        if (result instanceof ParameterSweep.Experiment<?> e) return e.run();
        if (result instanceof NoisyLif n) return List.of(n.simulate(), n.siegert());
        if (result instanceof SweepSpec s) return s.run();
        if (result instanceof PhasePlane p) return p.flow(0, 0);
        if (result instanceof Interactive i) return i.initialValues();
        return result;
    }

    private static double[] ones(int n) {
        double[] x = new double[n];
        Arrays.fill(x, 1);
        return x;
    }

    /** Describes the first non-finite number in {@code value} (deep: arrays, lists, tables, results), or null if all are finite. */
    static String nonFinite(Object value) {
        if (value == null) return null;
        if (value instanceof Double d) return Double.isFinite(d) ? null : "the value " + d;
        if (value instanceof double[] a) {
            for (int i = 0; i < a.length; i++) if (!Double.isFinite(a[i])) return "[" + i + "] = " + a[i];
            return null;
        }
        if (value instanceof Object[] a) {
            for (int i = 0; i < a.length; i++) {
                String inner = nonFinite(a[i]);
                if (inner != null) return "[" + i + "]" + inner;
            }
            return null;
        }
        if (value instanceof List<?> l) return nonFinite(l.toArray());
        if (value instanceof Table t) {
            for (Column<?> c : t.columns()) {
                if (c instanceof NumericColumn<?> n) {
                    String inner = nonFinite(n.asDoubleArray());
                    if (inner != null) return "column \"" + c.name() + "\"" + inner;
                }
            }
            return null;
        }
        if (value instanceof SimulationResult r) {
            List<Object> parts = new ArrayList<>();
            for (String v : r.variables()) parts.add(r.values(v));
            parts.add(r.spikeTimes());
            return nonFinite(parts);
        }
        if (value instanceof NetworkResult r) {
            List<Object> parts = new ArrayList<>();
            for (String t : r.traces()) parts.add(r.trace(t));
            parts.add(r.spikeTimes());
            return nonFinite(parts);
        }
        if (value instanceof SpikeTrain s) return nonFinite(s.times());
        if (value instanceof SpikeTrains s) return nonFinite(s.all());
        if (value instanceof RateTrace r) return nonFinite(r.rate());
        if (value instanceof FiCurve f) return nonFinite(f.ratesHz());
        return null;
    }
}
