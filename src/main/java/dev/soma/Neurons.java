package dev.soma;

import dev.soma.model.AdaptiveExponentialIntegrateAndFire;
import dev.soma.model.ExponentialIntegrateAndFire;
import dev.soma.model.FitzHughNagumo;
import dev.soma.model.HodgkinHuxley;
import dev.soma.model.HodgkinHuxleyTraub;
import dev.soma.model.Izhikevich;
import dev.soma.model.LeakyIntegrateAndFire;
import dev.soma.model.MorrisLecar;
import dev.soma.model.QuadraticIntegrateAndFire;

/**
 * Neuron models with their published parameters, for a notebook cell:
 * {@code var hh = Neurons.hodgkinHuxley();}. Each returned model is immutable; change a parameter
 * with its withers, e.g. {@code Neurons.lif().withTauMs(20)}.
 */
public final class Neurons {
    private Neurons() {}

    static {
        // In the real IJava, tables and results show as HTML there too (a no-op elsewhere).
        dev.soma.notebook.IJavaRenderers.registerIfInIJava();
    }

    /** The Hodgkin–Huxley squid axon at 6.3 °C (NEURON's {@code hh}), input in µA/cm². */
    public static HodgkinHuxley hodgkinHuxley() {
        return HodgkinHuxley.squidAxon();
    }

    /** The same as {@link #hodgkinHuxley()}: the 1952 squid giant axon. */
    public static HodgkinHuxley squidAxon() {
        return HodgkinHuxley.squidAxon();
    }

    /**
     * The Hodgkin–Huxley neuron of Traub &amp; Miles (1991) as a point neuron of 20,000 µm², the cell of
     * the COBAHH benchmark (Brette et al. 2007); input in nA, spikes at upward crossings of −20 mV.
     */
    public static HodgkinHuxleyTraub hhTraub() {
        return HodgkinHuxleyTraub.defaults();
    }

    /** A leaky integrate-and-fire neuron: τ = 10 ms, R = 10 MΩ, E_L = −70, V_th = −50, V_reset = −70 mV, t_ref = 2 ms; input in nA. */
    public static LeakyIntegrateAndFire lif() {
        return LeakyIntegrateAndFire.standard();
    }

    /** A LIF preset by name: {@code standard}, {@code neuronalDynamics}, {@code unitResistance}. */
    public static LeakyIntegrateAndFire lif(String preset) {
        return LeakyIntegrateAndFire.preset(preset);
    }

    // --- zoo ---

    /** The exponential integrate-and-fire neuron (Fourcaud-Trocmé et al. 2003); input in nA. */
    public static ExponentialIntegrateAndFire exponentialIF() {
        return ExponentialIntegrateAndFire.defaults();
    }

    /** AdEx (Brette &amp; Gerstner 2005), tonic-spiking parameters of Naud et al. 2008; input in nA (0.5 nA fires it). */
    public static AdaptiveExponentialIntegrateAndFire adex() {
        return AdaptiveExponentialIntegrateAndFire.defaults();
    }

    /**
     * AdEx with a firing pattern of Naud et al. 2008: tonic, adapting, initial burst, regular bursting,
     * delayed accelerating, delayed regular bursting, transient, irregular. Its input current is
     * {@link #adexInputNa(String)}.
     */
    public static AdaptiveExponentialIntegrateAndFire adex(String pattern) {
        return AdaptiveExponentialIntegrateAndFire.preset(pattern);
    }

    /** The step current (nA) with which Naud et al. 2008 show an AdEx pattern. */
    public static double adexInputNa(String pattern) {
        return AdaptiveExponentialIntegrateAndFire.presetInputNa(pattern);
    }

    /** Izhikevich 2003, regular spiking; dimensionless input (10 fires it). */
    public static Izhikevich izhikevich() {
        return Izhikevich.defaults();
    }

    /** Izhikevich 2003 cell class: RS, IB, CH, FS, LTS, TC, RZ; see {@link #izhikevichInput(String)}. */
    public static Izhikevich izhikevich(String type) {
        return Izhikevich.preset(type);
    }

    /** A constant input that shows the Izhikevich cell class's pattern (TC and RZ need more; see {@link Izhikevich}). */
    public static double izhikevichInput(String type) {
        return Izhikevich.presetInput(type);
    }

    /** FitzHugh–Nagumo with FitzHugh's 1961 parameters (a, b, ε) = (0.7, 0.8, 0.08); dimensionless. */
    public static FitzHughNagumo fitzHughNagumo() {
        return FitzHughNagumo.defaults();
    }

    /** Morris–Lecar, type I set of Rinzel &amp; Ermentrout 1998; input in µA/cm². */
    public static MorrisLecar morrisLecar() {
        return MorrisLecar.defaults();
    }

    /** Morris–Lecar by parameter set: "type I" (SNIC onset) or "type II" (Hopf onset), Rinzel &amp; Ermentrout 1998. */
    public static MorrisLecar morrisLecar(String type) {
        return MorrisLecar.preset(type);
    }

    /** The quadratic integrate-and-fire neuron (Latham et al. 2000); input in nA. */
    public static QuadraticIntegrateAndFire quadraticIF() {
        return QuadraticIntegrateAndFire.defaults();
    }
}
