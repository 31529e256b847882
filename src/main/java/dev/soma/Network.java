package dev.soma;

import dev.soma.analysis.BrunelNetwork;
import dev.soma.network.Connectivity;
import dev.soma.network.EiNetwork;
import dev.soma.network.HhTraubCondExp;
import dev.soma.network.LifCurrentExp;
import dev.soma.network.PopulationModel;
import dev.soma.network.SpikingNetwork;

/**
 * Networks of spiking neurons in a few notebook lines.
 *
 * <pre>{@code
 * var run = Network.cuba(42).run(1 * second);        // 4000 LIF neurons, Brette et al. 2007
 * run                                                  // one-line summary: spikes, rate, time
 * run.spikeTable()                                     // neuron, t [ms]
 * Plots.raster(run.spikeTimes(), run.spikeNeurons(), run.durationMs(), run.offsetOf("I"))
 *
 * var net = Network.ei(Network.lif().withRestMv(-60), 800, 200, 0.1, 0.5 * mV, -2 * mV)  // custom E/I
 *         .poissonInput("E", "ge", 400, 10 * Hz, 0.5 * mV)   // 400 input trains of 10 Hz per E neuron
 *         .seed(7).recordState("E", "v", 0).build();
 * }</pre>
 * Weights are in the unit of the variable they target: mV for the LIF's current variables
 * {@code ge}/{@code gi}, µS for the HH neuron's conductances (6 nS = {@code 6 * nS}).
 */
public final class Network {
    private Network() {}

    static {
        // In the real IJava, tables and results show as HTML there too (a no-op elsewhere).
        dev.soma.notebook.IJavaRenderers.registerIfInIJava();
    }

    /** The CUBA benchmark network (4000 LIF, exponential currents), built from {@code seed}. */
    public static SpikingNetwork cuba(long seed) {
        return EiNetwork.cuba().seed(seed).build();
    }

    /** The CUBA benchmark network stepped by {@code threads} threads (same spikes for any number). */
    public static SpikingNetwork cuba(long seed, int threads) {
        return EiNetwork.cuba().seed(seed).threads(threads).build();
    }

    /** The COBAHH benchmark network (4000 Hodgkin–Huxley, exponential conductances), built from {@code seed}. */
    public static SpikingNetwork cobahh(long seed) {
        return EiNetwork.cobahh().seed(seed).build();
    }

    /** The COBAHH benchmark network stepped by {@code threads} threads (same spikes for any number). */
    public static SpikingNetwork cobahh(long seed, int threads) {
        return EiNetwork.cobahh().seed(seed).threads(threads).build();
    }

    /**
     * A custom excitatory–inhibitory network, still open for changes: populations {@code E} and
     * {@code I}, pairs connected with probability {@code p}, E spikes add {@code weightE} to
     * {@code ge}, I spikes add {@code weightI} to {@code gi}.
     */
    public static SpikingNetwork.Builder ei(PopulationModel model, int nE, int nI, double p, double weightE,
                                            double weightI) {
        return EiNetwork.builder(model, nE, nI, p, weightE, weightI);
    }

    /**
     * Brunel's (2000) model A at the paper's size (10,000 E + 2,500 I LIF, delta synapses, fixed
     * in-degree, Poisson drive) in the AI state; choose the state with {@code withState(g, η)}, a
     * smaller size with {@code withSize(nE, cE)}, then {@code builder(seed).build().run(...)}.
     * Sweeps name it {@code "brunel"}.
     */
    public static BrunelNetwork brunel() {
        return BrunelNetwork.modelA();
    }

    /** An empty network description: add populations, connections and recordings. */
    public static SpikingNetwork.Builder builder() {
        return SpikingNetwork.builder();
    }

    /** Leaky integrate-and-fire with exponential currents, CUBA parameters (customise with withers). */
    public static LifCurrentExp lif() {
        return LifCurrentExp.cuba();
    }

    /** Hodgkin–Huxley (Traub–Miles) with exponential conductances, COBAHH parameters. */
    public static HhTraubCondExp hhTraub() {
        return HhTraubCondExp.cobahh();
    }

    /** Each ordered pair connects independently with probability {@code p}. */
    public static Connectivity fixedProbability(double p) {
        return Connectivity.fixedProbability(p);
    }

    /** Each target receives exactly {@code k} inputs from distinct sources. */
    public static Connectivity fixedInDegree(int k) {
        return Connectivity.fixedInDegree(k);
    }

    /** Neuron i to neuron i. */
    public static Connectivity oneToOne() {
        return Connectivity.oneToOne();
    }

    /** Every source to every target. */
    public static Connectivity allToAll() {
        return Connectivity.allToAll();
    }

    /** Exactly the connections {@code pre[s] → post[s]}. */
    public static Connectivity explicit(int[] pre, int[] post) {
        return Connectivity.explicit(pre, post);
    }
}
