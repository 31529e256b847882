package dev.soma.sim;

/**
 * Something coupled to a simulated neuron that has state of its own and drives the membrane:
 * a synapse with its conductance, a plasticity trace, an adaptation current. The engine appends
 * the attachment's variables to the model's state vector and integrates them with the same
 * method and step; the attachment reads the membrane potential and returns the current it
 * injects (in the model's input unit, positive = depolarising).
 *
 * <p><b>A description and its runs.</b> An {@code Attachment} is a description: immutable, and
 * shared freely between setups, runs and threads. It names its state variables and gives their
 * start values. At the start of every run the engine calls {@link #startRun()} once and from then
 * on works only with the returned {@link Instance}. Everything that changes during a run lives in
 * the state vector (owned by the run) or in that instance — for example the cursor into a list of
 * presynaptic events. An instance serves one run on one thread and is dropped when the run ends,
 * so one setup can run in any number of threads at once and every run gives what it gives alone.
 * An attachment whose changing state is all in the state vector may return one shared, stateless
 * instance (for example itself).
 *
 * <p>Each method of an instance receives the whole state vector and the {@code offset} of the
 * attachment's first variable in it. Its hot methods ({@link Instance#current},
 * {@link Instance#derivatives}, {@link Instance#linearParts}) are called several times per step
 * and must not allocate.
 */
public interface Attachment {

    /** Names of this attachment's state variables (unique within a simulation), e.g. {@code g_AMPA}. */
    String[] stateNames();

    /** Units of the state variables, parallel to {@link #stateNames()}, e.g. {@code µS}. */
    String[] stateUnits();

    /** Start values of the state variables (a fresh copy). */
    double[] initialState();

    /** Names of quantities derived from the state that can be recorded, e.g. the synaptic current {@code I_AMPA}. */
    default String[] derivedNames() {
        return new String[0];
    }

    /** Units of the derived quantities, parallel to {@link #derivedNames()}. */
    default String[] derivedUnits() {
        return new String[0];
    }

    /**
     * The per-run part of this attachment, called by the engine once at the start of every run. Return a
     * new object whenever it has fields that change during a run; never keep run state in the attachment.
     */
    Instance startRun();

    /**
     * One run's view of an attachment: the equations it adds, the current it injects and the discrete
     * events it applies. Used by one run on one thread only.
     */
    interface Instance {

        /** The current (model input unit) injected at time {@code t} (ms) for membrane potential {@code v} (mV). */
        double current(double t, double v, double[] y, int offset);

        /** Writes the derivatives (per ms) of the attachment's variables into {@code dydt[offset ...]}. */
        void derivatives(double t, double v, double[] y, int offset, double[] dydt);

        /**
         * Writes the conditionally linear form dyᵢ/dt = aᵢ + bᵢ yᵢ of the attachment's variables into
         * {@code a[offset ...]} and {@code b[offset ...]}, for the exponential methods. The engine sets
         * {@code b} to 0 for these variables before the call; the default writes the derivatives into
         * {@code a}, which makes those variables follow forward Euler.
         */
        default void linearParts(double t, double v, double[] y, int offset, double[] a, double[] b) {
            derivatives(t, v, y, offset, a);
        }

        /**
         * Called at the start of each step [t, t + dt): applies the discrete events due in that interval
         * (for example presynaptic spikes arriving) to the state. Events therefore act on the step grid.
         */
        default void beforeStep(double t, double dt, double[] y, int offset) {}

        /** Called when the neuron fires at time {@code t} (ms), after any reset (for spike-timing plasticity). */
        default void onSpike(double t, double[] y, int offset) {}

        /** Writes the derived quantities ({@link Attachment#derivedNames()}) into {@code out[outOffset ...]}. */
        default void derived(double t, double v, double[] y, int offset, double[] out, int outOffset) {}
    }
}
