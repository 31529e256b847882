package dev.soma.network;

import dev.soma.sim.Method;
import dev.soma.synapse.SynapseKind;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

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

    /**
     * Whether every receptor of {@code layout} is one variable that only decays (a current or a
     * conductance without Mg²⁺ block, its variable at {@code firstOffset + r}), so that a hand-tuned
     * step may integrate it; {@code rate} reads the decay from the receptor's own equations (NaN when
     * it is no plain decay).
     */
    static boolean plainDecayReceptors(Layout layout, int firstOffset, ToDoubleFunction<SynapseKind> rate) {
        for (int r = 0; r < layout.receptors.length; r++) {
            SynapseKind kind = layout.receptors[r];
            boolean conductance = kind.coupling() == SynapseKind.Coupling.CONDUCTANCE && kind.magnesiumBlock() == null;
            boolean current = kind.coupling() == SynapseKind.Coupling.CURRENT;
            if (!(conductance || current) || kind.stateSize() != 1 || layout.receptorOffset[r] != firstOffset + r
                    || !Double.isFinite(rate.applyAsDouble(kind))) {
                return false;
            }
        }
        return true;
    }

    /** The message of every step when a variable of neuron j stops being finite in step k. */
    static IllegalStateException diverged(String variable, int j, String population, double value, long k, double dtMs,
                                          String method) {
        return new IllegalStateException(String.format(Locale.ROOT,
                "the network diverged: %s of neuron %d in population %s became %s in the step from t = %.6g ms (%s at "
                        + "dt = %s ms); use a smaller dt or another method, and check the weights, the input and the start values",
                variable, j, population, value, k * dtMs, method, NetworkResult.plain(dtMs)));
    }

    /** The general step's check for the hand-tuned steps: the first of {@code values} that is not finite stops the run. */
    static void checkFinite(String[] names, String population, int j, long k, double dtMs, Method method, double... values) {
        for (int i = 0; i < values.length; i++) {
            double value = values[i];
            if (value - value != 0) {
                throw diverged(names[i], j, population, value, k, dtMs, method.label());
            }
        }
    }
}
