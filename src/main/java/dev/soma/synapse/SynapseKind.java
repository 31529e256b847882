package dev.soma.synapse;

import dev.soma.model.NeuronModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What a synapse does to the neuron it ends on, whatever feeds it: its coupling, its time course
 * ({@link Kernel}), its reversal potential and Mg²⁺ block, and the name of its state variables.
 * It is the receptor of a population (every projection of one kind onto a population sums into
 * one set of its variables per neuron) and the postsynaptic half of a single-neuron
 * {@link Synapse}. Built by {@code dev.soma.Synapses}, e.g. {@code Synapses.ampa()}.
 *
 * <table>
 *   <caption>Couplings (k = kernel, w = weight of one event)</caption>
 *   <tr><th>coupling</th><th>effect of the receptor variables</th><th>an event</th><th>weight unit</th></tr>
 *   <tr><td>{@link Coupling#JUMP jump}</td><td>none: no variables</td><td>V += w (or another
 *       state variable named by {@link #jump(String)})</td><td>the unit of that variable (mV)</td></tr>
 *   <tr><td>{@link Coupling#PULSE pulse}</td><td>I = I_NAME for one step, then 0</td>
 *       <td>I_NAME += w</td><td>the model's input unit</td></tr>
 *   <tr><td>{@link Coupling#CURRENT current}</td><td>I = I_NAME, decaying by k</td>
 *       <td>w added at k's peak</td><td>the model's input unit (nA, µA/cm²)</td></tr>
 *   <tr><td>{@link Coupling#CONDUCTANCE conductance}</td><td>I = g_NAME · B(V) · (E − V)</td>
 *       <td>w added at k's peak</td><td>µS for input in nA, mS/cm² for µA/cm², ≥ 0</td></tr>
 * </table>
 * Variables: {@code I_NAME} or {@code g_NAME} (the kernel's value), then for the alpha kernel
 * {@code z_NAME} and for the bi-exponential {@code x_NAME} (its driving variable). A current of a
 * conductance-based receptor, g·B(V)·(E − V), is recordable as {@code I_NAME}.
 *
 * <p>Immutable. The per-neuron methods at the end ({@link #addEvent}, {@link #derivatives},
 * {@link #linearParts}, {@link #current}, {@link #conductance}) are the receptor's equations for
 * engines: they read and write the receptor's variables at {@code offset} of a neuron's state
 * vector and allocate nothing.
 */
public final class SynapseKind {

    /** How a receptor acts on the neuron; see the class comment. */
    public enum Coupling {
        /** Each event makes a state variable (V unless named) jump by the weight. */
        JUMP,
        /** Each event adds the weight to a current that lasts for one time step. */
        PULSE,
        /** A current with a kernel's time course. */
        CURRENT,
        /** A conductance with a kernel's time course and a reversal potential. */
        CONDUCTANCE
    }

    private final String name;
    private final Coupling coupling;
    private final Kernel kernel;
    private final double reversalMv;
    private final MagnesiumBlock block;
    private final String target;

    private SynapseKind(String name, Coupling coupling, Kernel kernel, double reversalMv, MagnesiumBlock block, String target) {
        this.name = name;
        this.coupling = coupling;
        this.kernel = kernel;
        this.reversalMv = reversalMv;
        this.block = block;
        this.target = target;
    }

    /** Each event makes the membrane potential V jump by the weight (mV): a delta synapse. */
    public static SynapseKind jump() {
        return new SynapseKind("jump", Coupling.JUMP, null, Double.NaN, null, null);
    }

    /**
     * Each event adds the weight to the state variable {@code variable} of the target model (in
     * that variable's unit), e.g. {@code jump("w")} onto an AdEx neuron's adaptation current.
     */
    public static SynapseKind jump(String variable) {
        if (variable == null || variable.isBlank()) {
            throw new IllegalArgumentException("variable = \"" + variable + "\" is empty; name a state variable of the target, e.g. \"V\"");
        }
        return new SynapseKind("jump_" + variable, Coupling.JUMP, null, Double.NaN, null, variable);
    }

    /**
     * Each event adds the weight (model input unit) to a current that lasts for the next time step
     * only: charge = weight × dt, so its effect depends on dt. It is the synapse of Izhikevich's
     * (2003) network (1 ms steps); for a step-independent synapse use {@link #jump()} or a kernel.
     */
    public static SynapseKind pulse() {
        return new SynapseKind("pulse", Coupling.PULSE, null, Double.NaN, null, null);
    }

    /** A current-based synapse with the time course {@code kernel}; weights in the model's input unit, either sign. */
    public static SynapseKind current(Kernel kernel) {
        checkKernel(kernel);
        return new SynapseKind("syn", Coupling.CURRENT, kernel, Double.NaN, null, null);
    }

    /** A conductance-based synapse with the time course {@code kernel} and reversal potential {@code reversalMv} (mV). */
    public static SynapseKind conductance(Kernel kernel, double reversalMv) {
        checkKernel(kernel);
        checkReversal(reversalMv);
        return new SynapseKind("syn", Coupling.CONDUCTANCE, kernel, reversalMv, null, null);
    }

    /** A named receptor with its defaults ({@link Receptor}); shunting reverses at the target's resting potential. */
    public static SynapseKind of(Receptor receptor) {
        if (receptor == null) {
            throw new IllegalArgumentException("receptor = null; use one of " + Arrays.toString(Receptor.values()));
        }
        MagnesiumBlock block = Double.isNaN(receptor.magnesiumMm()) ? null : new MagnesiumBlock(receptor.magnesiumMm());
        return new SynapseKind(receptor.label(), Coupling.CONDUCTANCE, receptor.kernel(), receptor.reversalMv(), block, null);
    }

    private static void checkKernel(Kernel kernel) {
        if (kernel == null) {
            throw new IllegalArgumentException("kernel = null; use Kernel.exponential(tauMs), Kernel.alpha(tauMs) or Kernel.biexponential(riseMs, decayMs)");
        }
    }

    static void checkReversal(double reversalMv) {
        if (!Double.isFinite(reversalMv)) {
            throw new IllegalArgumentException("reversalMv = " + reversalMv + " is not finite; give the reversal potential in mV, e.g. 0 (excitatory) or -80 (inhibitory)");
        }
    }

    // ---- withers -------------------------------------------------------------------------------

    /**
     * This kind with its variables named after {@code name} (e.g. "exc" → {@code g_exc}): needed when
     * two different kinds that would share a name end on one neuron or population.
     */
    public SynapseKind named(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("name = \"" + name + "\" must be letters, digits or '_', e.g. \"exc\"");
        }
        return new SynapseKind(name, coupling, kernel, reversalMv, block, target);
    }

    /** This conductance-based kind with reversal potential {@code reversalMv} (mV). */
    public SynapseKind withReversalMv(double reversalMv) {
        requireConductance("withReversalMv");
        checkReversal(reversalMv);
        return new SynapseKind(name, coupling, kernel, reversalMv, block, target);
    }

    /** This kind with another time course. */
    public SynapseKind withKernel(Kernel kernel) {
        requireKernel("kernel");
        checkKernel(kernel);
        return new SynapseKind(name, coupling, kernel, reversalMv, block, target);
    }

    /** This kind with decay time constant {@code tauMs} (ms), keeping the kernel's shape. */
    public SynapseKind withTauMs(double tauMs) {
        requireKernel("tauMs");
        return new SynapseKind(name, coupling, kernel.withDecayMs(tauMs), reversalMv, block, target);
    }

    /** This conductance-based kind with the NMDA Mg²⁺ block at {@code magnesiumMm} mM (0 removes its effect). */
    public SynapseKind withMagnesiumMm(double magnesiumMm) {
        requireConductance("withMagnesiumMm");
        return new SynapseKind(name, coupling, kernel, reversalMv, new MagnesiumBlock(magnesiumMm), target);
    }

    private void requireConductance(String method) {
        if (coupling != Coupling.CONDUCTANCE) {
            throw new IllegalArgumentException(method + ": this is a " + coupling.name().toLowerCase(Locale.ROOT)
                    + " synapse with no reversal potential; use a conductance-based one, e.g. Synapses.exponential(tauMs, reversalMv)");
        }
    }

    private void requireKernel(String what) {
        if (kernel == null) {
            throw new IllegalArgumentException(what + ": a " + coupling.name().toLowerCase(Locale.ROOT)
                    + " synapse has no time course; use Synapses.currentExponential(tauMs) for a current with one");
        }
    }

    // ---- inspection ----------------------------------------------------------------------------

    /** The name in the state variables, e.g. {@code AMPA} for {@code g_AMPA}. */
    public String name() {
        return name;
    }

    /** The coupling. */
    public Coupling coupling() {
        return coupling;
    }

    /** The time course, or null for a jump or a pulse. */
    public Kernel kernel() {
        return kernel;
    }

    /** The reversal potential in mV; NaN for a shunting kind (the target's resting potential) and for currents. */
    public double reversalMv() {
        return reversalMv;
    }

    /** The Mg²⁺ block, or null. */
    public MagnesiumBlock magnesiumBlock() {
        return block;
    }

    /** The variable a jump changes, or null for V (and for the other couplings). */
    public String jumpVariable() {
        return target;
    }

    /** The reversal potential (mV) onto {@code model}: its own, or the model's resting potential for a shunting kind. */
    public double reversalMvOnto(NeuronModel model) {
        requireModel(model);
        if (coupling != Coupling.CONDUCTANCE) {
            return Double.NaN;
        }
        return Double.isNaN(reversalMv) ? model.restingState()[model.voltageIndex()] : reversalMv;
    }

    /** The unit of a weight onto {@code model}: µS or mS/cm² (conductance), the model's input unit (current, pulse), mV (jump onto V). */
    public String weightUnit(NeuronModel model) {
        requireModel(model);
        return switch (coupling) {
            case CONDUCTANCE -> Synapse.conductanceUnitFor(model.inputUnit());
            case CURRENT, PULSE -> model.inputUnit();
            case JUMP -> model.stateUnits()[jumpIndex(model)];
        };
    }

    /**
     * The state variable of {@code model} a jump changes (V unless {@link #jump(String)} named another).
     *
     * @throws IllegalArgumentException if the model has no such variable (the message lists its variables)
     */
    public int jumpIndex(NeuronModel model) {
        requireModel(model);
        if (target == null) {
            return model.voltageIndex();
        }
        int index = Arrays.asList(model.stateNames()).indexOf(target);
        if (index < 0) {
            throw new IllegalArgumentException("variable = \"" + target + "\" is not a variable of " + model.name()
                    + "; a jump can change one of " + Arrays.toString(model.stateNames()));
        }
        return index;
    }

    private static void requireModel(NeuronModel model) {
        if (model == null) {
            throw new IllegalArgumentException("model = null; give the neuron model the receptor ends on, e.g. Neurons.lif()");
        }
    }

    /** The names of the receptor's state variables: none for a jump, {@code I_NAME} for a pulse, the kernel's otherwise. */
    public String[] stateNames() {
        return switch (coupling) {
            case JUMP -> new String[0];
            case PULSE -> new String[] {"I_" + name};
            case CURRENT, CONDUCTANCE -> {
                String value = (coupling == Coupling.CURRENT ? "I_" : "g_") + name;
                yield kernel.size() == 1 ? new String[] {value} : new String[] {value, kernel.auxName() + "_" + name};
            }
        };
    }

    /** The units of {@link #stateNames()} onto {@code model}. */
    public String[] stateUnits(NeuronModel model) {
        requireModel(model);
        String unit = coupling == Coupling.CONDUCTANCE ? Synapse.conductanceUnitFor(model.inputUnit()) : model.inputUnit();
        String[] units = new String[stateNames().length];
        Arrays.fill(units, unit);
        return units;
    }

    /** The number of state variables (0 for a jump, 1 for a pulse or an exponential kernel, 2 for alpha and bi-exponential). */
    public int stateSize() {
        return switch (coupling) {
            case JUMP -> 0;
            case PULSE -> 1;
            case CURRENT, CONDUCTANCE -> kernel.size();
        };
    }

    /** The variable an event adds to, relative to the receptor's first: 0, or 1 for alpha and bi-exponential kernels. */
    public int eventOffset() {
        return kernel != null && kernel.size() == 2 ? 1 : 0;
    }

    /** What an event of weight 1 adds to that variable (1, or the bi-exponential's peak normalisation). */
    public double eventScale() {
        return kernel == null ? 1.0 : kernel.eventScale();
    }

    /** Whether two kinds are the same receptor (same coupling, kernel, reversal, block, target and name). */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SynapseKind k)) {
            return false;
        }
        return name.equals(k.name) && coupling == k.coupling && Objects.equals(String.valueOf(kernel), String.valueOf(k.kernel))
                && Double.compare(reversalMv, k.reversalMv) == 0 && Objects.equals(block, k.block) && Objects.equals(target, k.target);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, coupling, String.valueOf(kernel), reversalMv, block, target);
    }

    // ---- the receptor's equations, per neuron ---------------------------------------------------

    /** Adds an event of weight {@code w} to the receptor's variables at {@code offset} (not for jumps). */
    public void addEvent(double[] y, int offset, double w) {
        if (coupling == Coupling.PULSE) {
            y[offset] += w;
        } else {
            kernel.addEvent(y, offset, w);
        }
    }

    /** Writes the derivatives of the receptor's variables (a pulse is constant within its step). */
    public void derivatives(double[] y, int offset, double[] dydt) {
        if (coupling == Coupling.PULSE) {
            dydt[offset] = 0;
        } else if (kernel != null) {
            kernel.derivatives(y, offset, dydt);
        }
    }

    /** Writes the conditionally linear form of the receptor's variables. */
    public void linearParts(double[] y, int offset, double[] a, double[] b) {
        if (coupling == Coupling.PULSE) {
            a[offset] = 0;
            b[offset] = 0;
        } else if (kernel != null) {
            kernel.linearParts(y, offset, a, b);
        }
    }

    /** The conductance g·B(V) of a conductance-based receptor at membrane potential {@code v} (mV). */
    public double conductance(double[] y, int offset, double v) {
        return y[offset] * (block == null ? 1 : block.at(v));
    }

    /** The current (model input unit, positive = depolarising) at {@code v}: g·B(V)·(E − V), or I; 0 for a jump. */
    public double current(double[] y, int offset, double v, double reversal) {
        return switch (coupling) {
            case CONDUCTANCE -> y[offset] * (block == null ? 1 : block.at(v)) * (reversal - v);
            case CURRENT, PULSE -> y[offset];
            case JUMP -> 0;
        };
    }

    /** E.g. {@code AMPA: conductance exponential(τ = 5 ms), E = 0 mV}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name).append(": ");
        switch (coupling) {
            case CONDUCTANCE -> text.append("conductance ").append(kernel).append(", E = ")
                    .append(Double.isNaN(reversalMv) ? "rest" : Kernel.num(reversalMv) + " mV");
            case CURRENT -> text.append("current ").append(kernel);
            case PULSE -> text.append("current pulse of one step");
            case JUMP -> text.append("jump of ").append(target == null ? "V" : target);
        }
        if (block != null) {
            text.append(", Mg²⁺ block at ").append(Kernel.num(block.magnesiumMm())).append(" mM");
        }
        return text.toString();
    }
}
