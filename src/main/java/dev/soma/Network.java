package dev.soma;

import dev.soma.analysis.BrunelNetwork;
import dev.soma.model.NeuronModel;
import dev.soma.network.Connectivity;
import dev.soma.network.EiNetwork;
import dev.soma.network.RandomValue;
import dev.soma.network.SpikingNetwork;
import dev.soma.synapse.SynapseKind;

/**
 * Networks of spiking neurons of any model of the zoo (or your own), in a few notebook lines.
 * Populations are built from the same models as single neurons ({@code Neurons.adex("adapting")});
 * projections end on receptors ({@code Synapses.ampa()}, {@code Synapses.jump()}); spike sources
 * are populations too ({@code Spikes.poissonGroup(1000, 15 * Hz)}).
 *
 * <pre>{@code
 * var run = Network.cuba(42).run(1 * second);        // 4000 LIF neurons, Brette et al. 2007
 * run                                                  // one-line summary: spikes, rates
 * Plots.raster(run)
 *
 * var net = Network.builder().seed(7)                  // an AdEx E/I network
 *     .population("E", Neurons.adex("adapting"), 800)
 *     .population("I", Neurons.adex("tonic"), 200)
 *     .start("E", "V", Network.uniform(-70 * mV, -50 * mV))
 *     .connect("E", "E", Synapses.ampa(), 1 * nS, Network.fixedProbability(0.05))
 *     .connect("I", "E", Synapses.gabaA(), 8 * nS, Network.fixedProbability(0.05))
 *     .poissonInput("E", Synapses.ampa(), 100, 18 * Hz, 3 * nS)
 *     .method("euler").record("E", "V", 0).build();
 * }</pre>
 * Weights are in the receptor's unit: µS for a conductance onto a point neuron (write
 * {@code 1 * nS}), the model's input unit for a current ({@code 20 * pA}), mV for a jump. Rates
 * are typed {@code 20 * Hz}, delays and the step in ms.
 *
 * <p><b>Plasticity on projections.</b> {@code stdp(rule)} and {@code shortTermPlasticity(model)}
 * make the connection added last plastic (recurrent ones too); weights can be read as a table at
 * any time and recorded for chosen synapses:
 * <pre>{@code
 * var net = Network.builder().seed(1)
 *     .population("in", Spikes.poissonGroup(1000, 15 * Hz))
 *     .population("out", Neurons.lif().withTauMs(10 * ms).withResistanceMOhm(1), 1)
 *     .connect("in", "out", Synapses.currentExponential(5 * ms), Network.uniform(0, 0.6 * nA), 0, Network.allToAll())
 *     .stdp(Synapses.stdpAdditive(0.006 * nA, 0.0063 * nA, 20 * ms, 20 * ms, 0, 0.6 * nA))   // bounds [0, 0.6 nA]
 *     .recordWeights(0, 1, 2)                        // rows of the projection's weightTable()
 *     .build();
 * var run = net.run(10 * second);
 * net.projection("in", "out").weightTable()          // pre, post, w [nA], delay [ms]
 *
 * Network.songMillerAbbott().seed(1).build()         // Song, Miller & Abbott (2000), as Brian2's STDP example
 * }</pre>
 * STDP pairs all-to-all (nearest-spike with {@code rule.nearestSpike()}); in a step presynaptic
 * spikes act before postsynaptic ones, as in Brian2; results are the same on any number of threads.
 */
public final class Network {
    private Network() {}

    static {
        // In the real IJava, tables and results show as HTML there too (a no-op elsewhere).
        dev.soma.notebook.IJavaRenderers.registerIfInIJava();
    }

    /** The CUBA benchmark network (4000 LIF, exponential current synapses), built from {@code seed}. */
    public static SpikingNetwork cuba(long seed) {
        return EiNetwork.cuba().seed(seed).build();
    }

    /** The CUBA benchmark network stepped by {@code threads} threads (same spikes for any number). */
    public static SpikingNetwork cuba(long seed, int threads) {
        return EiNetwork.cuba().seed(seed).threads(threads).build();
    }

    /**
     * The CUBA network still open for changes, with other weights: excitatory and inhibitory
     * current jumps in nA (CUBA: {@code 16.2 * pA} and {@code -90 * pA}, i.e. R·I = 1.62 mV and −9 mV).
     */
    public static SpikingNetwork.Builder cubaWeights(double weightE, double weightI) {
        return EiNetwork.builder(EiNetwork.cubaNeuron(), 3200, 800, 0.02, EiNetwork.cubaExcitatory(), weightE,
                EiNetwork.cubaInhibitory(), weightI).dt(0.1)
                .start("E", "V", RandomValue.uniform(-60, -50))
                .start("I", "V", RandomValue.uniform(-60, -50));
    }

    /** The COBAHH benchmark network (4000 Traub–Miles Hodgkin–Huxley, exponential conductances), built from {@code seed}. */
    public static SpikingNetwork cobahh(long seed) {
        return EiNetwork.cobahh().seed(seed).build();
    }

    /** The COBAHH benchmark network stepped by {@code threads} threads (same spikes for any number). */
    public static SpikingNetwork cobahh(long seed, int threads) {
        return EiNetwork.cobahh().seed(seed).threads(threads).build();
    }

    /**
     * A custom excitatory–inhibitory network, still open for changes: populations {@code E} and
     * {@code I} of {@code model}, pairs connected with probability {@code p}, E spikes onto
     * {@code excitatory} with {@code weightE}, I spikes onto {@code inhibitory} with {@code weightI}.
     */
    public static SpikingNetwork.Builder ei(NeuronModel model, int nE, int nI, double p, SynapseKind excitatory,
                                            double weightE, SynapseKind inhibitory, double weightI) {
        return EiNetwork.builder(model, nE, nI, p, excitatory, weightE, inhibitory, weightI);
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

    /**
     * Izhikevich's (2003) network of 800 + 200 heterogeneous Izhikevich neurons (Fig. 3), as his
     * {@code net.m} runs it, open for changes: {@code Network.izhikevich2003().seed(1).build().run(1 * second)}.
     */
    public static SpikingNetwork.Builder izhikevich2003() {
        return EiNetwork.izhikevich2003();
    }

    /**
     * An E/I network of AdEx neurons (3200 adapting, 800 tonic) with AMPA and GABA-A conductances
     * and Poisson drive, open for changes.
     */
    public static SpikingNetwork.Builder adex() {
        return EiNetwork.adex();
    }

    /**
     * Song, Miller &amp; Abbott (2000) as Brian2's example {@code STDP.py} runs it: 1000 Poisson inputs
     * ({@code "in"}, 15 Hz) onto one integrate-and-fire neuron ({@code "out"}) through additive STDP
     * synapses, weights uniform in [0, 0.6 nA) at the start (g_max = 0.01 of the example is 0.6 nA
     * here), open for changes: {@code Network.songMillerAbbott().seed(1).build()}, run it for 100 s
     * and the weights are bimodal ({@code net.projection("in", "out").weightTable()}).
     */
    public static SpikingNetwork.Builder songMillerAbbott() {
        return EiNetwork.songMillerAbbott();
    }

    /** An empty network description: add populations, connections, inputs and recordings. */
    public static SpikingNetwork.Builder builder() {
        return SpikingNetwork.builder();
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

    /** Values drawn uniformly in [lo, hi): start values ({@code start}) or weights ({@code connect}). */
    public static RandomValue uniform(double lo, double hi) {
        return RandomValue.uniform(lo, hi);
    }

    /** Values drawn from a normal distribution: start values or weights. */
    public static RandomValue normal(double mean, double sd) {
        return RandomValue.normal(mean, sd);
    }
}
