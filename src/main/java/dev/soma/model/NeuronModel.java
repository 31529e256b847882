package dev.soma.model;

/**
 * A neuron model as equations: a state vector, its time derivatives, and (for integrate-and-fire
 * models) what happens at a spike. A model says <em>what</em> its equations are; integrators,
 * threshold events and recorders live in {@code dev.soma.sim} and never know which model they
 * serve.
 *
 * <p>Units are Soma's (see {@link dev.soma.Units}): time in ms, voltage in mV. The injected input
 * is a current in the unit {@link #inputUnit()} names: µA/cm² for membrane-patch models such as
 * Hodgkin–Huxley, nA for point neurons such as LIF or AdEx, and a dimensionless drive for
 * normalised models (Izhikevich, FitzHugh–Nagumo). A conductance-based synapse onto the model adds
 * g (E − V) in the matching unit (mS/cm² × mV = µA/cm², µS × mV = nA).
 *
 * <p>Implementations are immutable and thread-safe: all state lives in the arrays passed in.
 * The hot methods ({@link #derivatives}, {@link #linearParts}) must not allocate.
 */
public interface NeuronModel {

    /** A short human-readable name, e.g. {@code "Hodgkin–Huxley (squid axon, 6.3 °C)"}. */
    String name();

    /** Names of the state variables, in state-vector order, e.g. {@code V, m, h, n}. */
    String[] stateNames();

    /** Units of the state variables, parallel to {@link #stateNames()}, e.g. {@code mV, 1, 1, 1}. */
    String[] stateUnits();

    /**
     * Index of the membrane potential in the state vector. Every model of the zoo calls it
     * {@code V}; it is in mV except in the dimensionless FitzHugh–Nagumo model.
     */
    int voltageIndex();

    /** Unit of the injected input, e.g. {@code "µA/cm²"} or {@code "nA"}. */
    String inputUnit();

    /**
     * How fast the input moves the membrane potential: ∂(dV/dt)/∂I, in mV/ms per unit of
     * {@link #inputUnit()} — 1/C for a point neuron or a membrane patch, R/τ for a leaky
     * integrator written with τ and R, 1 for a dimensionless model. The input must enter the
     * equation of V additively (it does in every model of the zoo): dV/dt = … + gain · I. A
     * population uses the gain to integrate the conductance of its synapses with V's own linear
     * part (exponential methods) and to tell an implausible synaptic weight from a plausible one.
     * The default measures it from {@link #derivatives} at the resting state.
     */
    default double inputGain() {
        double[] rest = restingState();
        double[] d0 = new double[rest.length];
        double[] d1 = new double[rest.length];
        derivatives(0.0, rest, 0.0, d0);
        derivatives(0.0, rest, 1.0, d1);
        return d1[voltageIndex()] - d0[voltageIndex()];
    }

    /** A fresh copy of the start state (rest), e.g. gates at their steady state at rest. */
    double[] restingState();

    /**
     * Writes dy/dt (per ms) for state {@code y} at time {@code t} (ms) with injected input
     * {@code input} (in {@link #inputUnit()}). Must not allocate.
     */
    void derivatives(double t, double[] y, double input, double[] dydt);

    /**
     * Writes the conditionally linear form of the equations, dyᵢ/dt = aᵢ + bᵢ·yᵢ, where aᵢ and bᵢ
     * may depend on every variable except yᵢ. Exponential Euler integrates each variable exactly
     * over a step with aᵢ and bᵢ frozen, which is exact for linear models such as LIF and stable for
     * fast gates. The default (bᵢ = 0) makes exponential Euler fall back to forward Euler.
     */
    default void linearParts(double t, double[] y, double input, double[] a, double[] b) {
        derivatives(t, y, input, a);
        java.util.Arrays.fill(b, 0.0);
    }

    /**
     * True when the equations between spikes are linear with constant coefficients for constant
     * input (LIF), so that exponential Euler is exact and is the default method.
     */
    default boolean isLinearBetweenSpikes() {
        return false;
    }

    /**
     * Checks a start state given by a user (e.g. {@code Simulation.of(model).startFrom(...)}): throws an
     * {@link IllegalArgumentException} that names the variable, its value and the valid range when a value
     * is outside the range the model's equations are defined on — for example a gate (a fraction of open
     * channels) outside [0, 1]. {@code state} holds the model's variables in {@link #stateNames()} order
     * and may be longer (attachments' variables follow). The default accepts every finite value.
     */
    default void checkState(double[] state) {}

    /** How spikes are detected and, for integrate-and-fire models, what happens at one. */
    SpikeRule spikeRule();

    /**
     * Applies the reset at a spike to the state, in place (only called when
     * {@link SpikeRule#resets()}), e.g. V ← V_reset, w ← w + b.
     */
    default void reset(double[] y) {}

    /** The default integration step in ms, chosen for accuracy at the published parameters. */
    double defaultDtMs();

    /** Names of derived quantities that can be recorded besides the state, e.g. ionic currents. */
    default String[] derivedNames() {
        return new String[0];
    }

    /** Units of the derived quantities, parallel to {@link #derivedNames()}. */
    default String[] derivedUnits() {
        return new String[0];
    }

    /** Writes the derived quantities for state {@code y} and input into {@code out}. */
    default void derived(double t, double[] y, double input, double[] out) {}
}
