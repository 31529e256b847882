package dev.soma.network;

/**
 * One population's step for one thread: advances a range of neurons by one time step and lists
 * the ones that spiked. Called once per population, thread and step; the loop over neurons is
 * inside.
 */
abstract class PopulationStep {

    /**
     * Integrates neurons [from, to) over step {@code k} (from t = k·dt), applies the threshold
     * (on the state at the step's end, spikes stamped t), resets and refractoriness, and appends the
     * local indices of the neurons that spiked to {@code spikes} from position {@code count}.
     *
     * @param injected the injected current at t (the model's input unit), the same for every neuron
     * @return the new number of entries in {@code spikes}
     */
    abstract int step(long k, double t, double injected, int from, int to, int[] spikes, int count);

    /** A short name of the stepper, e.g. {@code "general (rk4)"}. */
    abstract String describe();

    /**
     * Sets the context of neuron {@code j} (its model, whether V is held, its external input) so
     * that the step can serve as that neuron's {@link dev.soma.sim.Integrators.Equations} outside
     * the step loop: to read the exact method's matrix, check the step's stability, or compute a
     * recorded neuron's derived quantities. Only the general step has equations.
     */
    void prepare(int j, boolean hold, double externalInput) {
        throw new UnsupportedOperationException(describe() + " has no equations of its own");
    }
}
