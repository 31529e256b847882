package dev.soma.network;

import java.util.List;
import java.util.Locale;

/**
 * A group of neurons of one {@link PopulationModel} inside a {@link SpikingNetwork}, holding its
 * state as one primitive array per variable (structure of arrays).
 *
 * <p>Neurons are numbered locally from 0 and globally from {@link #offset()}: populations are
 * laid end to end in the order they were added (CUBA: E is 0–3199, I is 3200–3999).
 */
public final class Population {
    private final String name;
    private final PopulationModel model;
    private final int size;
    private final int offset;
    final double[][] x;
    final int[] refractory;
    /** Per variable, its ring of delivered increments [slot][neuron], or null if nothing targets it. */
    final double[][][] rings;
    PopulationModel.Kernel kernel;

    Population(String name, PopulationModel model, int size, int offset) {
        this.name = name;
        this.model = model;
        this.size = size;
        this.offset = offset;
        int nv = model.variables().size();
        this.x = new double[nv][size];
        this.refractory = new int[size];
        this.rings = new double[nv][][];
    }

    /** The population's name, e.g. {@code "E"}. */
    public String name() {
        return name;
    }

    /** The kind of neuron. */
    public PopulationModel model() {
        return model;
    }

    /** Number of neurons. */
    public int size() {
        return size;
    }

    /** Global index of this population's first neuron. */
    public int offset() {
        return offset;
    }

    /** The variable names. */
    public List<String> variables() {
        return model.variables();
    }

    /**
     * A copy of the current values of one variable, one per neuron, in the variable's unit
     * ({@link PopulationModel#unitOf(String)}).
     */
    public double[] values(String variable) {
        return x[model.indexOf(variable)].clone();
    }

    /** Sets one variable of every neuron (e.g. custom starting potentials); the length must match. */
    public void set(String variable, double[] values) {
        int k = model.indexOf(variable);
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
                        + " is not finite; give finite starting values");
            }
        }
        System.arraycopy(values, 0, x[k], 0, size);
    }

    /** Ensures a ring of at least {@code depth} slots for a variable. */
    void ensureRing(int variable, int depth) {
        double[][] r = rings[variable];
        if (r == null || r.length < depth) {
            double[][] nr = new double[depth][size];
            rings[variable] = nr;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d × %s", name, size, model.kind());
    }
}
