package dev.soma.network;

import dev.soma.model.HodgkinHuxleyTraub;
import dev.soma.model.LeakyIntegrateAndFire;
import dev.soma.model.NeuronModel;
import dev.soma.synapse.Kernel;
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
}
