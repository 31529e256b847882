package dev.soma.network;

import dev.soma.model.NeuronModel;
import dev.soma.sim.Method;
import dev.soma.stimulus.SpikeSource;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A group of neurons of one {@link NeuronModel} (or one model per neuron), or of spike sources,
 * inside a {@link SpikingNetwork}. A population of neurons holds its state as one primitive array
 * per variable (structure of arrays): the model's variables, then each receptor's.
 *
 * <p>Neurons are numbered locally from 0 and globally from {@link #offset()}: populations are
 * laid end to end in the order they were added (CUBA: E is 0–3199, I is 3200–3999).
 */
public final class Population {
    private final String name;
    private final int size;
    private final int offset;
    final Layout layout;
    final SpikeSource source;
    final Method method;
    final double[][] x;
    /** Per neuron: the first step at which it is no longer refractory. */
    final int[] until;
    /** Per variable, its ring of delivered increments [slot][neuron], or null. */
    final double[][][] rings;
    /** Per variable with a ring: whether its increments are dropped while the neuron is refractory. */
    final boolean[] gated;
    String stepper = "";

    Population(String name, int size, int offset, Layout layout, SpikeSource source, Method method) {
        this.name = name;
        this.size = size;
        this.offset = offset;
        this.layout = layout;
        this.source = source;
        this.method = method;
        int nv = layout == null ? 0 : layout.size;
        this.x = new double[nv][size];
        this.until = new int[size];
        Arrays.fill(until, Integer.MIN_VALUE / 2);
        this.rings = new double[nv][][];
        this.gated = new boolean[nv];
    }

    /** The population's name, e.g. {@code "E"}. */
    public String name() {
        return name;
    }

    /** The model of its neurons (of neuron 0 when they differ), or null for spike sources. */
    public NeuronModel model() {
        return layout == null ? null : layout.model;
    }

    /** The model of neuron {@code j} (local index). */
    public NeuronModel model(int j) {
        checkNeuron(j);
        return layout == null ? null : layout.modelOf(j);
    }

    /** The spike sources of a source population, or null for neurons. */
    public SpikeSource source() {
        return source;
    }

    /** Whether this is a group of spike sources (no state; never the target of a projection). */
    public boolean isSource() {
        return source != null;
    }

    /** The integration method of its neurons (null for spike sources). */
    public Method method() {
        return method;
    }

    /**
     * Which step code runs it: {@code "general (METHOD)"} (the model's own equations, one neuron at
     * a time), {@code "hand-tuned LIF (exact)"}, {@code "hand-tuned HH Traub (exponential-euler)"}, or
     * {@code "spike source"}.
     */
    public String stepper() {
        return stepper;
    }

    /** Number of neurons. */
    public int size() {
        return size;
    }

    /** Global index of this population's first neuron. */
    public int offset() {
        return offset;
    }

    /** The state variables: the model's, then each receptor's (e.g. {@code [V, w, g_AMPA, g_GABA_A]}); none for sources. */
    public List<String> variables() {
        return layout == null ? List.of() : List.of(layout.names);
    }

    /** The unit of a state variable. */
    public String unitOf(String variable) {
        return layout.units[index(variable)];
    }

    /** A copy of the current values of one variable, one per neuron, in its unit ({@link #unitOf}). */
    public double[] values(String variable) {
        return x[index(variable)].clone();
    }

    /** Sets one variable of every neuron (e.g. between runs); one finite value per neuron. */
    public void set(String variable, double[] values) {
        int k = index(variable);
        if (values == null) {
            throw new IllegalArgumentException("values = null; give one value of " + variable + " per neuron (" + size + ")");
        }
        if (values.length != size) {
            throw new IllegalArgumentException("values.length = " + values.length + " but population " + name
                    + " has " + size + " neurons; give one value per neuron");
        }
        for (int j = 0; j < size; j++) {
            if (!Double.isFinite(values[j])) {
                throw new IllegalArgumentException("values[" + j + "] = " + values[j] + " for " + variable
                        + " is not finite; give finite values");
            }
        }
        System.arraycopy(values, 0, x[k], 0, size);
    }

    int index(String variable) {
        if (layout == null) {
            throw new IllegalArgumentException("population " + name + " is a group of spike sources and has no variable \""
                    + variable + "\"");
        }
        if (variable == null) {
            throw new IllegalArgumentException("variable = null; name a variable of population " + name + ", one of "
                    + Arrays.toString(layout.names));
        }
        int k = layout.indexOf(variable);
        if (k < 0) {
            throw new IllegalArgumentException("variable = \"" + variable + "\" is not a variable of population " + name
                    + "; use one of " + Arrays.toString(layout.names));
        }
        return k;
    }

    void checkNeuron(int j) {
        if (j < 0 || j >= size) {
            throw new IllegalArgumentException("j = " + j + ": neuron " + j + " is not in population " + name + "; use 0.." + (size - 1));
        }
    }

    /** Ensures a ring of at least {@code depth} slots for a variable. */
    void ensureRing(int variable, int depth) {
        double[][] r = rings[variable];
        if (r == null || r.length < depth) {
            rings[variable] = new double[depth][size];
        }
    }

    @Override
    public String toString() {
        if (source != null) {
            return String.format(Locale.ROOT, "%s: %s", name, source);
        }
        return String.format(Locale.ROOT, "%s: %d × %s", name, size, layout.heterogeneous() ? layout.model.name() + " (varied)"
                : layout.model.name());
    }
}
