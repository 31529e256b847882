package dev.soma.sim;

/**
 * Something coupled to a simulated neuron that has state of its own and drives the membrane:
 * a synapse with its conductance, a plasticity trace, an adaptation current. The engine appends
 * the attachment's variables to the model's state vector and integrates them with the same
 * method and step; the attachment reads the membrane potential and returns the current it
 * injects (in the model's input unit, positive = depolarising).
 *
 * <p>Each method receives the whole state vector and the {@code offset} of the attachment's first
 * variable in it. Hot methods must not allocate. Implementations hold no mutable state of their
 * own between runs apart from what they keep in the state vector, except for event queues they
 * rewind in {@link #start()}.
 */
public interface Attachment {

    /** Names of this attachment's state variables (unique within a simulation), e.g. {@code g_AMPA}. */
    String[] stateNames();

    /** Units of the state variables, parallel to {@link #stateNames()}, e.g. {@code µS}. */
    String[] stateUnits();

    /** Start values of the state variables (a fresh copy). */
    double[] initialState();

    /** The current (model input unit) this attachment injects at time {@code t} for membrane potential {@code v} (mV). */
    double current(double t, double v, double[] y, int offset);

    /** Writes the derivatives (per ms) of this attachment's variables into {@code dydt[offset ...]}. */
    void derivatives(double t, double v, double[] y, int offset, double[] dydt);

    /**
     * Writes the conditionally linear form dyᵢ/dt = aᵢ + bᵢ yᵢ of this attachment's variables into
     * {@code a[offset ...]} and {@code b[offset ...]}, for exponential Euler. The default falls back to
     * forward Euler for these variables.
     */
    default void linearParts(double t, double v, double[] y, int offset, double[] a, double[] b) {
        derivatives(t, v, y, offset, a);
        for (int i = 0; i < stateNames().length; i++) {
            b[offset + i] = 0.0;
        }
    }

    /** Called once before a run starts, to rewind any event queue. */
    default void start() {}

    /**
     * Called at the start of each step [t, t + dt): applies the discrete events due in that interval
     * (for example presynaptic spikes arriving) to the state. Events therefore act on the step grid.
     */
    default void beforeStep(double t, double dt, double[] y, int offset) {}

    /** Called when the neuron fires at time {@code t} (ms), after any reset (for spike-timing plasticity). */
    default void onSpike(double t, double[] y, int offset) {}

    /** Names of quantities derived from the state that can be recorded, e.g. the synaptic current {@code I_AMPA}. */
    default String[] derivedNames() {
        return new String[0];
    }

    /** Units of the derived quantities, parallel to {@link #derivedNames()}. */
    default String[] derivedUnits() {
        return new String[0];
    }

    /** Writes the derived quantities into {@code out[outOffset ...]}. */
    default void derived(double t, double v, double[] y, int offset, double[] out, int outOffset) {}
}
