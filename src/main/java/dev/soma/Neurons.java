package dev.soma;

import dev.soma.model.HodgkinHuxley;
import dev.soma.model.LeakyIntegrateAndFire;

/**
 * Neuron models with their published parameters, for a notebook cell:
 * {@code var hh = Neurons.hodgkinHuxley();}. Each returned model is immutable; change a parameter
 * with its withers, e.g. {@code Neurons.lif().withTauMs(20)}.
 */
public final class Neurons {
    private Neurons() {}

    /** The Hodgkin–Huxley squid axon at 6.3 °C (NEURON's {@code hh}), input in µA/cm². */
    public static HodgkinHuxley hodgkinHuxley() {
        return HodgkinHuxley.squidAxon();
    }

    /** The same as {@link #hodgkinHuxley()}: the 1952 squid giant axon. */
    public static HodgkinHuxley squidAxon() {
        return HodgkinHuxley.squidAxon();
    }

    /** A leaky integrate-and-fire neuron: τ = 10 ms, R = 10 MΩ, E_L = −70, V_th = −50, V_reset = −70 mV, t_ref = 2 ms; input in nA. */
    public static LeakyIntegrateAndFire lif() {
        return LeakyIntegrateAndFire.standard();
    }

    /** A LIF preset by name: {@code standard}, {@code neuronalDynamics}, {@code unitResistance}. */
    public static LeakyIntegrateAndFire lif(String preset) {
        return LeakyIntegrateAndFire.preset(preset);
    }
}
