package dev.soma.network;

import dev.soma.model.LeakyIntegrateAndFire;
import dev.soma.synapse.Kernel;
import dev.soma.synapse.SynapseKind;

/** Models and receptors the network tests share. */
final class Fixtures {
    private Fixtures() {}

    /** CUBA's neuron: τ = 20 ms, R = 100 MΩ, E_L = −49, V_th = −50, V_r = −60 mV, t_ref = 5 ms. */
    static LeakyIntegrateAndFire lif() {
        return EiNetwork.cubaNeuron();
    }

    /** A quiet LIF: CUBA's with rest at −70 mV. */
    static LeakyIntegrateAndFire quietLif() {
        return EiNetwork.cubaNeuron().withRestMv(-70);
    }

    /** A current-based exponential receptor, τ = 5 ms, variable I_e. */
    static final SynapseKind E = SynapseKind.current(Kernel.exponential(5)).named("e");
    /** A current-based exponential receptor, τ = 10 ms, variable I_i. */
    static final SynapseKind I = SynapseKind.current(Kernel.exponential(10)).named("i");
}
