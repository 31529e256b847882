package dev.soma.network;

import dev.soma.model.AdaptiveExponentialIntegrateAndFire;
import dev.soma.model.HodgkinHuxleyTraub;
import dev.soma.model.Izhikevich;
import dev.soma.model.LeakyIntegrateAndFire;
import dev.soma.model.NeuronModel;
import dev.soma.sim.Method;
import dev.soma.synapse.Kernel;
import dev.soma.synapse.Receptor;
import dev.soma.synapse.SynapseKind;

/**
 * Excitatory–inhibitory networks: two populations {@code E} and {@code I} of one model, every
 * ordered pair connected independently with probability p, excitatory spikes onto one receptor,
 * inhibitory ones onto another — and the two such benchmark networks of Brette et al. (2007),
 * built from the zoo's neurons and receptors.
 *
 * <p>Each factory returns a {@link SpikingNetwork.Builder}, so seed, threads, recordings and
 * extra projections can still be added before {@code build()}.
 */
public final class EiNetwork {
    private EiNetwork() {}

    /**
     * Populations {@code E} (neurons 0..nE−1) and {@code I} (the next nI) of {@code model},
     * connected E→E, E→I onto {@code excitatory} with {@code weightE} and I→E, I→I onto
     * {@code inhibitory} with {@code weightI}, each pair with probability {@code p}, no delay.
     */
    public static SpikingNetwork.Builder builder(NeuronModel model, int nE, int nI, double p, SynapseKind excitatory,
                                                 double weightE, SynapseKind inhibitory, double weightI) {
        // The sizes and weights under the names this call gives them (the builder would call them size and weight).
        if (nE < 1 || nI < 1) {
            String which = nE < 1 ? "nE = " + nE : "nI = " + nI;
            throw new IllegalArgumentException(which + " neurons; each population needs at least one, e.g. nE = 800, nI = 200");
        }
        if ((long) nE + nI > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "nE = %,d and nI = %,d make more neurons than a "
                    + "network can number (%,d); use fewer", nE, nI, Integer.MAX_VALUE - 8));
        }
        if (!Double.isFinite(weightE) || !Double.isFinite(weightI)) {
            throw new IllegalArgumentException((Double.isFinite(weightE) ? "weightI = " + weightI : "weightE = " + weightE)
                    + " is not a finite number; give the weight in the unit of the " + (Double.isFinite(weightE) ? "inhibitory" : "excitatory")
                    + " receptor onto " + (model == null ? "the model" : model.name()));
        }
        if (excitatory == null || inhibitory == null) {
            throw new IllegalArgumentException((excitatory == null ? "excitatory" : "inhibitory") + " = null; give a receptor, "
                    + "e.g. Synapses.ampa() and Synapses.gabaA(), or Synapses.currentExponential(5 * ms)");
        }
        if (model != null) {
            SpikingNetwork.Builder.checkWeight("weightE", weightE, excitatory, model, 0.1);
            SpikingNetwork.Builder.checkWeight("weightI", weightI, inhibitory, model, 0.1);
        }
        Connectivity c = Connectivity.fixedProbability(p);
        return SpikingNetwork.builder()
                .population("E", model, nE)
                .population("I", model, nI)
                .connect("E", "E", excitatory, weightE, c)
                .connect("E", "I", excitatory, weightE, c)
                .connect("I", "E", inhibitory, weightI, c)
                .connect("I", "I", inhibitory, weightI, c);
    }

    /**
     * The CUBA neuron of Brette et al. (2007): leaky integrate-and-fire, τ = 20 ms, R = 100 MΩ
     * (C = 200 pF), E_L = −49 mV, V_th = −50 mV, V_reset = −60 mV, t_ref = 5 ms.
     */
    public static LeakyIntegrateAndFire cubaNeuron() {
        return LeakyIntegrateAndFire.standard().withTauMs(20).withResistanceMOhm(100).withRestMv(-49).withThresholdMv(-50)
                .withResetMv(-60).withRefractoryMs(5);
    }

    /** CUBA's excitatory receptor: a current decaying with τ = 5 ms, named {@code e} (variable {@code I_e}). */
    public static SynapseKind cubaExcitatory() {
        return SynapseKind.current(Kernel.exponential(5)).named("e");
    }

    /** CUBA's inhibitory receptor: a current decaying with τ = 10 ms, named {@code i} (variable {@code I_i}). */
    public static SynapseKind cubaInhibitory() {
        return SynapseKind.current(Kernel.exponential(10)).named("i");
    }

    /**
     * CUBA: 3200 + 800 {@link #cubaNeuron()}s, p = 0.02, excitatory jumps of the current by
     * 16.2 pA (R·I = 1.62 mV), inhibitory by −90 pA (−9 mV), start V uniform in [V_r, V_th),
     * dt = 0.1 ms, exact integration. About 5.6 Hz.
     */
    public static SpikingNetwork.Builder cuba() {
        return builder(cubaNeuron(), 3200, 800, 0.02, cubaExcitatory(), 16.2 * 1e-3, cubaInhibitory(), -90 * 1e-3).dt(0.1)
                .start("E", "V", RandomValue.uniform(-60, -50))
                .start("I", "V", RandomValue.uniform(-60, -50));
    }

    /**
     * COBAHH: 3200 + 800 {@link HodgkinHuxleyTraub#defaults()} neurons, p = 0.02, exponential
     * conductances we = 6 nS (E_e = 0 mV, τ = 5 ms, variable {@code g_e}) and wi = 67 nS
     * (E_i = −80 mV, τ = 10 ms, {@code g_i}), exponential Euler at dt = 0.1 ms, started as Brian2's
     * example: V = −65 + 5 N(0, 1) mV, m = h = n = 0, g_e = 40 + 15 N(0, 1) nS,
     * g_i = 200 + 120 N(0, 1) nS. About 35–40 Hz.
     */
    public static SpikingNetwork.Builder cobahh() {
        SynapseKind e = SynapseKind.conductance(Kernel.exponential(5), 0).named("e");
        SynapseKind i = SynapseKind.conductance(Kernel.exponential(10), -80).named("i");
        SpikingNetwork.Builder b = builder(HodgkinHuxleyTraub.defaults(), 3200, 800, 0.02, e, 0.006, i, 0.067).dt(0.1)
                .method("exponential-euler");
        for (String pop : new String[] {"E", "I"}) {
            b.start(pop, "V", RandomValue.normal(-65, 5))
                    .start(pop, "m", 0).start(pop, "h", 0).start(pop, "n", 0)
                    .start(pop, "g_e", RandomValue.normal(0.04, 0.015))
                    .start(pop, "g_i", RandomValue.normal(0.2, 0.12));
        }
        return b;
    }

    /**
     * Song, Miller &amp; Abbott (2000) as Brian2's example {@code synapses/STDP.py} runs it: 1000
     * Poisson inputs ({@code "in"}, 15 Hz) onto one leaky integrate-and-fire neuron ({@code "out"}:
     * τ = 10 ms, E_L = −74 mV, θ = −54 mV, reset −60 mV, no refractory period, R = 1 MΩ, V starts at
     * 0 mV) through additive all-to-all STDP synapses onto a current-based exponential receptor
     * (τ = 5 ms). The example's drive g_e·(E_e − V_r) has a fixed driving force of 60 mV with g_e
     * in units of the leak conductance, so a weight w of the example is 60·w nA here: g_max = 0.01 is
     * 0.6 nA, A₊ = 0.01·g_max, A₋ = 1.05·A₊, τ₊ = τ₋ = 20 ms, weights uniform in [0, g_max) at the
     * start. Over 100 s the weights drift down and pile up at both bounds (bimodal). Read them with
     * {@code net.projection("in", "out").weightTable()}.
     */
    public static SpikingNetwork.Builder songMillerAbbott() {
        double gMax = 0.01 * SONG_NA_PER_G;
        LeakyIntegrateAndFire neuron = LeakyIntegrateAndFire.standard().withTauMs(10).withResistanceMOhm(1).withRestMv(-74)
                .withThresholdMv(-54).withResetMv(-60).withRefractoryMs(0);
        return SpikingNetwork.builder().dt(0.1)
                .population("in", dev.soma.stimulus.SpikeSource.poisson(1000, 15e-3))
                .population("out", neuron, 1)
                .start("out", "V", 0.0)
                .connect("in", "out", SynapseKind.current(Kernel.exponential(5)), RandomValue.uniform(0, gMax), 0.0,
                        Connectivity.allToAll())
                .stdp(dev.soma.synapse.Stdp.additive(0.01 * gMax, 0.0105 * gMax, 20, 20, 0, gMax))
                .method(Method.EXACT);
    }

    /** nA of Song's network per unit of the example's g_e: the fixed driving force of 60 mV across R = 1 MΩ. */
    public static final double SONG_NA_PER_G = 60;

    /**
     * The network of Izhikevich (2003), Fig. 3, as his program {@code net.m} runs it: 800 excitatory
     * and 200 inhibitory {@link Izhikevich} neurons with the paper's heterogeneity (one r ~ U[0, 1)
     * per neuron: E a = 0.02, b = 0.2, c = −65 + 15r², d = 8 − 6r²; I a = 0.02 + 0.08r,
     * b = 0.25 − 0.05r, c = −65, d = 2), all-to-all with autapses onto a one-step current pulse
     * ({@code Synapses.pulse()}, variable {@code I_pulse}) with weights 0.5·U[0, 1) from E and
     * −U[0, 1) from I, thalamic noise currents of standard deviation 5 (E) and 2 (I), 1 ms steps of
     * split Euler (V in two half steps, then u with the new V). Alpha (≈ 8 Hz) and gamma
     * (≈ 30 Hz) rhythms; about 7 Hz.
     */
    public static SpikingNetwork.Builder izhikevich2003() {
        SynapseKind pulse = SynapseKind.pulse();
        Izhikevich rs = Izhikevich.defaults();
        return SpikingNetwork.builder().dt(1).method(Method.SPLIT_EULER)
                .population("E", 800, (i, random) -> {
                    double r = random.nextDouble();
                    return rs.withName("Izhikevich excitatory").withC(-65 + 15 * r * r).withD(8 - 6 * r * r);
                })
                .population("I", 200, (i, random) -> {
                    double r = random.nextDouble();
                    return rs.withName("Izhikevich inhibitory").withA(0.02 + 0.08 * r).withB(0.25 - 0.05 * r).withC(-65).withD(2);
                })
                .connect("E", "E", pulse, (i, j, random) -> 0.5 * random.nextDouble(), 0, Connectivity.allToAll())
                .connect("E", "I", pulse, (i, j, random) -> 0.5 * random.nextDouble(), 0, Connectivity.allToAll())
                .connect("I", "E", pulse, (i, j, random) -> -random.nextDouble(), 0, Connectivity.allToAll())
                .connect("I", "I", pulse, (i, j, random) -> -random.nextDouble(), 0, Connectivity.allToAll())
                .noise("E", 5)
                .noise("I", 2);
    }

    /**
     * An E/I network of AdEx neurons with conductance synapses (defined for Soma's Brian2
     * comparison, src/test/resources/brian2/README.md): 3200 excitatory Naud "adapting" and 800
     * inhibitory "tonic" cells with t_ref = 2 ms, every ordered pair connected with p = 0.05, AMPA
     * (E = 0 mV, τ = 5 ms) 1 nS from E and GABA-A (E = −80 mV, τ = 10 ms) 8 nS from I, no delay;
     * 100 Poisson trains at 18 Hz of 3 nS onto AMPA per neuron; start V uniform in [−70, −50) mV;
     * forward Euler at dt = 0.1 ms. About 9 Hz (E) and 20 Hz (I), irregular, no rhythm.
     */
    public static SpikingNetwork.Builder adex() {
        AdaptiveExponentialIntegrateAndFire e = AdaptiveExponentialIntegrateAndFire.preset("adapting").withRefractoryMs(2);
        AdaptiveExponentialIntegrateAndFire i = AdaptiveExponentialIntegrateAndFire.preset("tonic").withRefractoryMs(2);
        SynapseKind ampa = SynapseKind.of(Receptor.AMPA);
        SynapseKind gaba = SynapseKind.of(Receptor.GABA_A);
        Connectivity p = Connectivity.fixedProbability(0.05);
        return SpikingNetwork.builder().dt(0.1).method(Method.EULER)
                .population("E", e, 3200)
                .population("I", i, 800)
                .start("E", "V", RandomValue.uniform(-70, -50))
                .start("I", "V", RandomValue.uniform(-70, -50))
                .connect("E", "E", ampa, 0.001, p)
                .connect("E", "I", ampa, 0.001, p)
                .connect("I", "E", gaba, 0.008, p)
                .connect("I", "I", gaba, 0.008, p)
                .poissonInput("E", ampa, 100, 0.018, 0.003)
                .poissonInput("I", ampa, 100, 0.018, 0.003);
    }
}
