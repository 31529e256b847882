package dev.soma.network;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A kind of neuron for a {@link Population}: which variables each neuron has (held as one
 * primitive array per variable, structure of arrays), how they start, and one step kernel that
 * advances a range of neurons by one time step.
 *
 * <p>The kernel is the only code in the step loop; it is called once per population, thread and
 * step (never once per neuron), so the loop over neurons is a plain loop over arrays that the JIT
 * compiles tightly. Synaptic inputs arrive in the model's {@linkplain #inputVariables() input
 * variables}: the kernel adds what the projections delivered for this step before integrating.
 *
 * <p>Implementations: {@link LifCurrentExp} (leaky integrate-and-fire with exponential current
 * synapses, the CUBA benchmark) and {@link HhTraubCondExp} (Hodgkin–Huxley after Traub and Miles
 * with exponential conductances, the COBAHH benchmark).
 */
public abstract class PopulationModel {
    PopulationModel() {}

    /** A short name of the kind, e.g. {@code "lif_current_exp"}. */
    public abstract String kind();

    /** The state variables, e.g. {@code [v, ge, gi]}. */
    public abstract List<String> variables();

    /** The unit of each state variable, in the order of {@link #variables()}. */
    public abstract List<String> units();

    /**
     * The variables that projections usually target (synaptic inputs), e.g. {@code [ge, gi]}.
     * Any other variable may be targeted too (a jump in {@code v}, say); it is then updated before
     * the kernel runs.
     */
    public abstract List<String> inputVariables();

    /**
     * Whether the variable is a conductance, which must not receive a negative weight: inhibition
     * comes from the reversal potential of the conductance, not from the sign of its weight.
     */
    public boolean isConductance(String variable) {
        indexOf(variable);
        return false;
    }

    /** The index of a variable, or an exception listing the valid names. */
    public final int indexOf(String variable) {
        if (variable == null) {
            throw new IllegalArgumentException("variable = null; name a variable of " + kind() + ", one of " + variables());
        }
        int i = variables().indexOf(variable);
        if (i < 0) {
            throw new IllegalArgumentException("variable = \"" + variable + "\" is not a variable of "
                    + kind() + "; use one of " + variables());
        }
        return i;
    }

    /** The unit of a variable. */
    public final String unitOf(String variable) {
        return units().get(indexOf(variable));
    }

    /** Fills the state arrays {@code x[variable][neuron]} with the starting values. */
    abstract void initialize(double[][] x, SplittableRandom random);

    /**
     * A step kernel bound to one population's arrays and to a time step.
     *
     * @param x the state, {@code x[variable][neuron]}
     * @param refractory per-neuron counter of remaining refractory steps
     * @param input for each input variable (in the order of {@link #inputVariables()}), its ring
     *     of delivered increments {@code input[k][slot][neuron]}, or null where projections add
     *     straight into the variable (when every delay into the population is one step)
     * @param dtMs the time step in ms
     */
    abstract Kernel kernel(double[][] x, int[] refractory, double[][][] input, double dtMs);

    /** One population's step: advances neurons {@code [from, to)} by one time step. */
    abstract static class Kernel {
        /**
         * Adds this step's delivered inputs (ring slot {@code slot}, which it then clears),
         * integrates one step, applies threshold and reset, and appends the indices of the neurons
         * that spiked to {@code spikes} from position {@code count}.
         *
         * @return the new number of entries in {@code spikes}
         */
        abstract int step(int from, int to, int slot, int[] spikes, int count);
    }

    /** Adds this step's delivered increments into a variable and clears them. */
    static void addAndClear(double[] x, double[] in, int from, int to) {
        for (int j = from; j < to; j++) {
            x[j] += in[j];
            in[j] = 0;
        }
    }

    static void requireFinite(String name, double value, String fix) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " is not a finite number; " + fix);
        }
    }

    static void requirePositive(String name, double value, String fix) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " must be positive and finite; " + fix);
        }
    }

    static void requireNonNegative(String name, double value, String fix) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " must be zero or positive; " + fix);
        }
    }

    /** Refractory steps after the spike step: Brian2 holds a neuron while (t − t_spike) &lt; t_ref. */
    static int refractorySteps(double refractoryMs, double dtMs) {
        long steps = Math.round(refractoryMs / dtMs);
        return (int) Math.max(0, steps - 1);
    }

    @Override
    public String toString() {
        return kind() + Arrays.toString(variables().toArray());
    }
}
