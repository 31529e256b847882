package dev.soma.synapse;

import dev.soma.model.NeuronModel;
import dev.soma.sim.Attachment;
import java.util.Locale;

/**
 * A constant (tonic) conductance with a reversal potential: I = g·(E − V). It is what a steady
 * barrage of inhibitory synapses averages to, and the cleanest way to show what inhibition does:
 * with E at rest (shunting) the membrane does not move, yet the leak conductance grows from g_L to
 * g_L + g, so the current needed to fire grows by the factor (g_L + g)/g_L; with E below rest
 * (GABA-A) the membrane settles at the weighted mean (g_L E_L + g E)/(g_L + g).
 *
 * <p>g is in µS for point neurons (input in nA) and mS/cm² for membrane patches (input in µA/cm²),
 * ≥ 0. State variable {@code g_NAME} (constant, recordable). Stateless: every run uses this object
 * as its {@link Attachment.Instance}.
 */
public final class TonicConductance implements Attachment, Attachment.Instance {
    private final String name;
    private final double conductance;
    private final double reversalMv;
    private final String unit;

    private TonicConductance(String name, double conductance, double reversalMv, String unit) {
        this.name = name;
        this.conductance = conductance;
        this.reversalMv = reversalMv;
        this.unit = unit;
    }

    /** A tonic conductance {@code conductance} (µS or mS/cm², by the model's input unit) reversing at {@code reversalMv} (mV). */
    public static TonicConductance of(NeuronModel model, double conductance, double reversalMv) {
        if (model == null) {
            throw new IllegalArgumentException("model = null; pass the neuron the conductance is onto, e.g. Neurons.lif()");
        }
        String unit = Synapse.conductanceUnitFor(model.inputUnit());
        if (!Double.isFinite(conductance) || conductance < 0) {
            throw new IllegalArgumentException("conductance = " + conductance + " " + unit + " must be finite and ≥ 0; "
                    + "inhibition is chosen by the reversal potential, not by the sign (e.g. reversalMv = -80, or the resting potential for shunting)");
        }
        if (!Double.isFinite(reversalMv)) {
            throw new IllegalArgumentException("reversalMv = " + reversalMv + " is not finite; give the reversal potential in mV, e.g. -80");
        }
        return new TonicConductance("tonic", conductance, reversalMv, unit);
    }

    /** A tonic shunt: reversal at the model's resting potential. */
    public static TonicConductance shunt(NeuronModel model, double conductance) {
        if (model == null) {
            throw new IllegalArgumentException("model = null; pass the neuron the conductance is onto, e.g. Neurons.lif()");
        }
        return of(model, conductance, model.restingState()[model.voltageIndex()]);
    }

    /** This conductance with state variable {@code g_NAME}. */
    public TonicConductance named(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("name = \"" + name + "\" must be letters, digits or '_', e.g. \"shunt\"");
        }
        return new TonicConductance(name, conductance, reversalMv, unit);
    }

    /** The conductance (µS or mS/cm²). */
    public double conductance() {
        return conductance;
    }

    /** The reversal potential in mV. */
    public double reversalMv() {
        return reversalMv;
    }

    @Override
    public String[] stateNames() {
        return new String[] {"g_" + name};
    }

    @Override
    public String[] stateUnits() {
        return new String[] {unit};
    }

    @Override
    public double[] initialState() {
        return new double[] {conductance};
    }

    /** This object itself: a tonic conductance has nothing that changes during a run. */
    @Override
    public Instance startRun() {
        return this;
    }

    @Override
    public double current(double t, double v, double[] y, int offset) {
        return y[offset] * (reversalMv - v);
    }

    @Override
    public void derivatives(double t, double v, double[] y, int offset, double[] dydt) {
        dydt[offset] = 0;
    }

    @Override
    public void linearParts(double t, double v, double[] y, int offset, double[] a, double[] b) {
        a[offset] = 0;
        b[offset] = 0;
    }

    /** E.g. {@code tonic conductance 0.1 µS, E = -70 mV}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s conductance %s %s, E = %s mV", name, Kernel.num(conductance), unit, Kernel.num(reversalMv));
    }
}
