package dev.soma.synapse;

import dev.soma.model.NeuronModel;
import dev.soma.sim.Attachment;
import dev.soma.sim.SimulationResult;
import dev.soma.stimulus.SpikeTrain;
import dev.soma.stimulus.SpikeTrains;
import java.util.Arrays;
import java.util.Locale;

/**
 * A synapse onto one neuron, driven by presynaptic spike trains, each a connection with its own
 * weight and delay. It plugs into a simulation as an {@link Attachment}: its state (conductance,
 * plasticity variables) is integrated with the neuron's, and it injects a current.
 *
 * <p>Three couplings:
 * <table>
 *   <caption>Synapse types (k = {@link Kernel}, sum over events i of connection c, t_i = spike + delay)</caption>
 *   <tr><th>type</th><th>effect</th><th>weight is</th></tr>
 *   <tr><td>conductance-based</td><td>I = g(t)·(E_rev − V)·[B(V) for NMDA], g = Σ w_c·k(t − t_i)</td>
 *       <td>peak conductance, ≥ 0, in µS for point neurons (input in nA) or mS/cm² for membrane
 *       patches (input in µA/cm²)</td></tr>
 *   <tr><td>current-based</td><td>I = Σ w_c·k(t − t_i)</td><td>peak current, either sign, in the model's input unit (nA or µA/cm²)</td></tr>
 *   <tr><td>voltage jump</td><td>V ← V + w_c at each event (a delta current of charge C·w)</td><td>jump size in mV, either sign</td></tr>
 * </table>
 * The unit is chosen by the model's {@link NeuronModel#inputUnit()} (nA → µS, µA/cm² → mS/cm²,
 * pA → nS, otherwise input/mV) and shown by {@link #weightUnit()}. A negative conductance is
 * rejected: inhibition comes from the reversal potential (GABA-A −80 mV, shunting at rest), not
 * from a sign.
 *
 * <p><b>Events on the step grid.</b> An event arriving in [t, t + dt) is applied at the start of
 * that step (as {@link Attachment.Instance#beforeStep} specifies), so results are exact for spike times on
 * the grid and shifted by less than dt otherwise. Events before the run's start are ignored. A
 * voltage jump that arrives while an integrate-and-fire neuron is held after a reset is added to
 * the held V here; a population ({@code dev.soma.network}) discards it, as Brian2 does for a
 * variable held {@code (unless refractory)} and NEST's {@code iaf_psc_delta} does.
 *
 * <p><b>Accuracy.</b> The synaptic state is integrated with the neuron by the simulation's method.
 * Exponential Euler (the default for LIF) holds the synaptic input constant over a step, which is
 * first order: one PSP onto {@code Neurons.lif()} at dt = 0.1 ms is off by about 1 % of its peak
 * (exponential current, τ_s = 5 ms) to 3 % (alpha, τ = 2 ms). Exponential midpoint is second order
 * (6·10⁻⁵ and 6·10⁻⁴ at 0.1 ms); RK4 is fourth order (2·10⁻⁹ and 1·10⁻⁷ at 0.1 ms, below 10⁻⁹ at
 * 0.025 ms). Use {@code .method("rk4")} when PSP shapes matter quantitatively. Plasticity
 * traces are updated event by event from exact times and do not depend on the step.
 *
 * <p><b>State variables</b> (recordable with {@code .record(...)}; {@code _c} is the connection
 * index, omitted when there is one connection): {@code g_NAME} (conductance) or {@code I_NAME}
 * (current-based), plus {@code z_NAME} (alpha) or {@code x_NAME} (bi-exponential) driving variable;
 * with short-term plasticity {@code u_NAME_c}, {@code R_NAME_c}; with STDP the weights
 * {@code w_NAME_c}, the presynaptic traces {@code xpre_NAME_c} (value just after the last
 * presynaptic spike, at time {@code tpre_NAME_c}), and {@code xpost_NAME}, {@code tpost_NAME}. The
 * synaptic current is derived from the recorded conductance and V by {@link #currentTrace}.
 *
 * <p>Immutable (every {@code with...}/{@code from} returns a new synapse) and safe to share: each
 * run gets its own event cursor from {@link #startRun()}, and conductances, plasticity variables
 * and plastic weights live in the run's state vector, so one synapse serves any number of
 * simulations running at the same time.
 */
public final class Synapse implements Attachment {

    private final String modelName;
    private final int voltageIndex;
    private final String voltageName;
    private final String inputUnit;
    private final String conductanceUnit;
    private final double restMv;

    private final String name;
    private final SynapseKind.Coupling coupling;
    private final SynapseKind kind;
    private final Kernel kernel;
    private final double reversalMv;
    private final MagnesiumBlock block;
    private final double[][] trains;
    private final double[] weights;
    private final double[] delays;
    private final Stdp stdp;
    private final TsodyksMarkram stp;

    private final int kernelSize;
    private final int stpBase;
    private final int stdpBase;
    private final String[] names;
    private final String[] units;
    private final double[] arrival;
    private final int[] source;

    private Synapse(String modelName, int voltageIndex, String voltageName, String inputUnit, String conductanceUnit, double restMv,
                    String name, SynapseKind.Coupling coupling, Kernel kernel, double reversalMv, MagnesiumBlock block,
                    double[][] trains, double[] weights, double[] delays, Stdp stdp, TsodyksMarkram stp) {
        this.modelName = modelName;
        this.voltageIndex = voltageIndex;
        this.voltageName = voltageName;
        this.inputUnit = inputUnit;
        this.conductanceUnit = conductanceUnit;
        this.restMv = restMv;
        this.name = name;
        this.coupling = coupling;
        this.kernel = kernel;
        this.reversalMv = reversalMv;
        this.block = block;
        this.trains = trains;
        this.weights = weights;
        this.delays = delays;
        this.stdp = stdp;
        this.stp = stp;
        this.kind = kindOf(name, coupling, kernel, reversalMv, block);
        if (stdp != null) {
            if (coupling == SynapseKind.Coupling.CONDUCTANCE && stdp.wMin() < 0) {
                throw new IllegalArgumentException("wMin = " + stdp.wMin() + " < 0 for a conductance synapse; a conductance cannot be negative: "
                        + "use wMin ≥ 0 (inhibition is chosen by the reversal potential)");
            }
            for (int c = 0; c < weights.length; c++) {
                stdp.checkWeight("weight of connection " + c, weights[c]);
            }
        }

        int n = weights.length;
        this.kernelSize = coupling == SynapseKind.Coupling.JUMP ? 0 : kernel.size();
        this.stpBase = kernelSize;
        this.stdpBase = stpBase + (stp == null ? 0 : 2 * n);
        int size = stdpBase + (stdp == null ? 0 : 3 * n + 2);
        this.names = new String[size];
        this.units = new String[size];
        String valueUnit = coupling == SynapseKind.Coupling.CURRENT ? inputUnit : conductanceUnit;
        if (kernelSize > 0) {
            names[0] = (coupling == SynapseKind.Coupling.CURRENT ? "I_" : "g_") + name;
            units[0] = valueUnit;
            if (kernelSize == 2) {
                names[1] = kernel.auxName() + "_" + name;
                units[1] = valueUnit;
            }
        }
        for (int c = 0; c < n && stp != null; c++) {
            names[stpBase + 2 * c] = "u_" + name + suffix(c, n);
            units[stpBase + 2 * c] = "1";
            names[stpBase + 2 * c + 1] = "R_" + name + suffix(c, n);
            units[stpBase + 2 * c + 1] = "1";
        }
        if (stdp != null) {
            for (int c = 0; c < n; c++) {
                names[stdpBase + c] = "w_" + name + suffix(c, n);
                units[stdpBase + c] = weightUnit();
                names[stdpBase + n + c] = "xpre_" + name + suffix(c, n);
                units[stdpBase + n + c] = "1";
                names[stdpBase + 2 * n + c] = "tpre_" + name + suffix(c, n);
                units[stdpBase + 2 * n + c] = "ms";
            }
            names[stdpBase + 3 * n] = "xpost_" + name;
            units[stdpBase + 3 * n] = "1";
            names[stdpBase + 3 * n + 1] = "tpost_" + name;
            units[stdpBase + 3 * n + 1] = "ms";
        }

        int events = 0;
        for (double[] train : trains) {
            events += train.length;
        }
        double[] times = new double[events];
        int[] from = new int[events];
        int k = 0;
        for (int c = 0; c < n; c++) {
            for (double t : trains[c]) {
                times[k] = t + delays[c];
                from[k++] = c;
            }
        }
        // A stable sort keeps simultaneous events in connection order, so runs are reproducible.
        int[] order = stableOrder(times);
        this.arrival = new double[events];
        this.source = new int[events];
        for (int i = 0; i < events; i++) {
            arrival[i] = times[order[i]];
            source[i] = from[order[i]];
        }
    }

    /** The indices of {@code keys} in ascending, stable order (bottom-up merge sort on primitives, no boxing). */
    static int[] stableOrder(double[] keys) {
        int n = keys.length;
        int[] order = new int[n];
        int[] buffer = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    buffer[k++] = keys[order[j]] < keys[order[i]] ? order[j++] : order[i++];
                }
                while (i < mid) {
                    buffer[k++] = order[i++];
                }
                while (j < hi) {
                    buffer[k++] = order[j++];
                }
            }
            int[] swap = order;
            order = buffer;
            buffer = swap;
        }
        return order;
    }

    /** The receptor these parts make, with the reversal potential as resolved onto the model. */
    private static SynapseKind kindOf(String name, SynapseKind.Coupling coupling, Kernel kernel, double reversalMv, MagnesiumBlock block) {
        SynapseKind kind = switch (coupling) {
            case JUMP -> SynapseKind.jump();
            case CURRENT -> SynapseKind.current(kernel);
            case CONDUCTANCE -> SynapseKind.conductance(kernel, reversalMv);
            case PULSE -> SynapseKind.pulse();
        };
        if (block != null) {
            kind = kind.withMagnesiumMm(block.magnesiumMm());
        }
        return kind.named(name);
    }

    private static String suffix(int c, int n) {
        return n == 1 ? "" : "_" + c;
    }

    private static Synapse create(NeuronModel model, String name, SynapseKind.Coupling coupling, Kernel kernel, double reversalMv, MagnesiumBlock block) {
        if (model == null) {
            throw new IllegalArgumentException("model = null; pass the neuron the synapse is onto, e.g. Neurons.lif()");
        }
        int vi = model.voltageIndex();
        double rest = model.restingState()[vi];
        String unit = model.inputUnit();
        return new Synapse(model.name(), vi, model.stateNames()[vi], unit, conductanceUnitFor(unit), rest, name, coupling, kernel,
                Double.isNaN(reversalMv) && coupling == SynapseKind.Coupling.CONDUCTANCE ? rest : reversalMv, block,
                new double[0][], new double[0], new double[0], null, null);
    }

    /** A conductance-based synapse onto {@code model}: kernel {@code kernel}, reversal potential {@code reversalMv} (mV). */
    public static Synapse conductance(NeuronModel model, Kernel kernel, double reversalMv) {
        checkKernel(kernel);
        checkReversal(reversalMv);
        return create(model, "syn", SynapseKind.Coupling.CONDUCTANCE, kernel, reversalMv, null);
    }

    /** A current-based synapse onto {@code model}: I = Σ w·k(t − t_i) with w in the model's input unit. */
    public static Synapse current(NeuronModel model, Kernel kernel) {
        checkKernel(kernel);
        return create(model, "syn", SynapseKind.Coupling.CURRENT, kernel, Double.NaN, null);
    }

    /** A synapse that makes V jump by the weight (mV) at each event. */
    public static Synapse voltageJump(NeuronModel model) {
        return create(model, "jump", SynapseKind.Coupling.JUMP, null, Double.NaN, null);
    }

    /** A named kind with its defaults (see {@link Receptor}); shunting takes E from the model's resting state. */
    public static Synapse of(Receptor receptor, NeuronModel model) {
        if (receptor == null) {
            throw new IllegalArgumentException("receptor = null; use one of " + Arrays.toString(Receptor.values()));
        }
        MagnesiumBlock block = Double.isNaN(receptor.magnesiumMm()) ? null : new MagnesiumBlock(receptor.magnesiumMm());
        return create(model, receptor.label(), SynapseKind.Coupling.CONDUCTANCE, receptor.kernel(), receptor.reversalMv(), block);
    }

    /**
     * A synapse of {@code kind} onto {@code model}, still without connections: the receptor of a
     * population, here fed by spike trains ({@link #from}). A pulse is not offered for one neuron
     * (its step is the simulation's); use a jump or a current kernel.
     */
    public static Synapse of(SynapseKind kind, NeuronModel model) {
        if (kind == null) {
            throw new IllegalArgumentException("kind = null; e.g. Synapses.ampa() or Synapses.currentExponential(5)");
        }
        if (kind.coupling() == SynapseKind.Coupling.PULSE) {
            throw new IllegalArgumentException("kind = pulse: a one-step current pulse belongs to a network's fixed step; "
                    + "onto one neuron use Synapses.voltageJump(model) or Synapses.currentExponential(model, tauMs)");
        }
        if (kind.jumpVariable() != null) {
            throw new IllegalArgumentException("kind = " + kind + ": a jump onto " + kind.jumpVariable()
                    + " is for populations; onto one neuron a jump changes V (Synapses.voltageJump(model))");
        }
        Synapse synapse = create(model, kind.name(), kind.coupling(), kind.kernel(), kind.reversalMv(), kind.magnesiumBlock());
        return synapse;
    }

    /** The receptor of this synapse: coupling, time course, reversal potential (shunting: the model's rest), block, name. */
    public SynapseKind kind() {
        return kind;
    }

    /** The conductance unit matching an input unit: nA → µS, pA → nS, µA/cm² → mS/cm², otherwise input/mV. */
    static String conductanceUnitFor(String inputUnit) {
        String compact = inputUnit == null ? "" : inputUnit.replace(" ", "");
        return switch (compact) {
            case "nA" -> "µS";
            case "pA" -> "nS";
            case "µA/cm²", "uA/cm2", "µA/cm^2", "uA/cm^2", "µA/cm2" -> "mS/cm²";
            case "1", "" -> "1/mV";
            default -> "(" + inputUnit + ")/mV";
        };
    }

    // ---- connections -------------------------------------------------------------------------

    /** Adds one connection from {@code train} with weight {@code weight} (see {@link #weightUnit()}) and no delay. */
    public Synapse from(SpikeTrain train, double weight) {
        return from(train, weight, 0);
    }

    /** Adds one connection from {@code train} with weight {@code weight} ({@link #weightUnit()}) and delay {@code delayMs} (ms). */
    public Synapse from(SpikeTrain train, double weight, double delayMs) {
        if (train == null) {
            throw new IllegalArgumentException("train = null; make one with Spikes.at(...), Spikes.poisson(...)");
        }
        return from(train.times(), weight, delayMs);
    }

    /** Adds one connection per train, all with weight {@code weight} ({@link #weightUnit()}) and no delay. */
    public Synapse from(SpikeTrains trains, double weight) {
        return from(trains, weight, 0);
    }

    /** Adds one connection per train, all with weight {@code weight} ({@link #weightUnit()}) and delay {@code delayMs}. */
    public Synapse from(SpikeTrains trains, double weight, double delayMs) {
        if (trains == null) {
            throw new IllegalArgumentException("trains = null; make them with Spikes.poisson(n, ...) or Spikes.volley(...)");
        }
        double[] w = new double[trains.size()];
        double[] d = new double[trains.size()];
        Arrays.fill(w, weight);
        Arrays.fill(d, delayMs);
        return add(trains.all(), w, d, false);
    }

    /** Adds one connection from spike times {@code timesMs} (ms) with weight and delay (ms). */
    public Synapse from(double[] timesMs, double weight, double delayMs) {
        if (timesMs == null) {
            throw new IllegalArgumentException("timesMs = null; pass spike times in ms");
        }
        return add(new double[][] {timesMs}, new double[] {weight}, new double[] {delayMs}, false);
    }

    /** Adds connections, one per spike-time array, each with its own weight ({@link #weightUnit()}) and delay (ms). */
    public Synapse from(double[][] timesMs, double[] weights, double[] delaysMs) {
        if (timesMs == null || weights == null || delaysMs == null) {
            String which = timesMs == null ? "timesMs" : weights == null ? "weights" : "delaysMs";
            throw new IllegalArgumentException(which + " = null; pass timesMs, weights and delaysMs with one entry per connection");
        }
        return add(timesMs, weights, delaysMs, true);
    }

    /**
     * Adds the connections; {@code perConnection} says whether the caller gave arrays of weights
     * and delays (a bad one is named {@code weights[i]}) or one weight and delay for all ({@code weight}).
     */
    private Synapse add(double[][] timesMs, double[] weights, double[] delaysMs, boolean perConnection) {
        if (weights.length != timesMs.length || delaysMs.length != timesMs.length) {
            throw new IllegalArgumentException("weights.length = " + weights.length + " and delaysMs.length = " + delaysMs.length
                    + " must equal timesMs.length = " + timesMs.length + " (one per connection)");
        }
        int old = this.weights.length;
        int n = old + timesMs.length;
        double[][] t = Arrays.copyOf(trains, n);
        double[] w = Arrays.copyOf(this.weights, n);
        double[] d = Arrays.copyOf(delays, n);
        for (int i = 0; i < timesMs.length; i++) {
            checkWeight(perConnection ? "weights[" + i + "]" : "weight", weights[i]);
            checkDelay(perConnection ? "delaysMs[" + i + "]" : "delayMs", delaysMs[i]);
            if (timesMs[i] == null) {
                throw new IllegalArgumentException("timesMs[" + i + "] = null; pass an empty array for a silent input");
            }
            double[] times = timesMs[i].clone();
            for (int j = 0; j < times.length; j++) {
                if (!Double.isFinite(times[j])) {
                    throw new IllegalArgumentException("spike time timesMs" + (perConnection ? "[" + i + "]" : "") + "[" + j + "] = "
                            + times[j] + " is not finite; give spike times in ms");
                }
            }
            Arrays.sort(times);
            t[old + i] = times;
            w[old + i] = weights[i];
            d[old + i] = delaysMs[i];
        }
        return new Synapse(modelName, voltageIndex, voltageName, inputUnit, conductanceUnit, restMv, name, coupling, kernel, reversalMv,
                block, t, w, d, stdp, stp);
    }

    private void checkWeight(String name, double weight) {
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException(name + " = " + weight + " is not finite; give a " + describeWeight());
        }
        if (coupling == SynapseKind.Coupling.CONDUCTANCE && weight < 0) {
            throw new IllegalArgumentException(name + " = " + weight + " " + conductanceUnit + " is a negative conductance, which does not exist. "
                    + "Inhibition is chosen by the reversal potential, not by the sign: use a positive weight with an inhibitory kind "
                    + "(Synapses.gabaA(model): E = −80 mV; Synapses.shunting(model): E = rest) or .withReversalMv(-80)");
        }
    }

    private static void checkDelay(String name, double delayMs) {
        if (!(delayMs >= 0) || Double.isInfinite(delayMs)) {
            throw new IllegalArgumentException(name + " = " + delayMs + " must be a finite delay ≥ 0 in ms, e.g. 1.5");
        }
    }

    private static void checkKernel(Kernel kernel) {
        if (kernel == null) {
            throw new IllegalArgumentException("kernel = null; use Kernel.exponential(tauMs), Kernel.alpha(tauMs) or Kernel.biexponential(riseMs, decayMs)");
        }
    }

    private static void checkReversal(double reversalMv) {
        if (!Double.isFinite(reversalMv)) {
            throw new IllegalArgumentException("reversalMv = " + reversalMv + " is not finite; give the reversal potential in mV, e.g. 0 (excitatory) or -80 (inhibitory)");
        }
    }

    private String describeWeight() {
        return switch (coupling) {
            case CONDUCTANCE -> "peak conductance ≥ 0 in " + conductanceUnit;
            case CURRENT, PULSE -> "peak current in " + inputUnit;
            case JUMP -> "voltage jump in mV";
        };
    }

    // ---- withers -------------------------------------------------------------------------------

    /** This synapse with state variables named after {@code name} (e.g. "exc" → {@code g_exc}); needed when two synapses of a kind are attached. */
    public Synapse named(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("name = \"" + name + "\" must be letters, digits or '_', e.g. \"exc\"");
        }
        return copy(name, kernel, reversalMv, block, stdp, stp);
    }

    /** This conductance synapse with reversal potential {@code reversalMv} (mV). */
    public Synapse withReversalMv(double reversalMv) {
        requireConductance("withReversalMv");
        checkReversal(reversalMv);
        return copy(name, kernel, reversalMv, block, stdp, stp);
    }

    /** This synapse with another kernel (time course). */
    public Synapse withKernel(Kernel kernel) {
        if (coupling == SynapseKind.Coupling.JUMP) {
            throw new IllegalArgumentException("kernel: a voltage-jump synapse has no kernel; use Synapses.currentExponential(model, tauMs) for a current with a time course");
        }
        checkKernel(kernel);
        return copy(name, kernel, reversalMv, block, stdp, stp);
    }

    /** This synapse with decay time constant {@code tauMs} (ms), keeping the kernel's shape. */
    public Synapse withTauMs(double tauMs) {
        if (coupling == SynapseKind.Coupling.JUMP) {
            throw new IllegalArgumentException("tauMs: a voltage-jump synapse has no time constant");
        }
        return copy(name, kernel.withDecayMs(tauMs), reversalMv, block, stdp, stp);
    }

    /** This conductance synapse with the NMDA Mg²⁺ block at {@code magnesiumMm} mM (0 removes the block's effect). */
    public Synapse withMagnesiumMm(double magnesiumMm) {
        requireConductance("withMagnesiumMm");
        return copy(name, kernel, reversalMv, new MagnesiumBlock(magnesiumMm), stdp, stp);
    }

    /** This synapse with spike-timing-dependent plasticity of its weights (null removes it). */
    public Synapse withStdp(Stdp rule) {
        return copy(name, kernel, reversalMv, block, rule, stp);
    }

    /** This synapse with Tsodyks–Markram short-term plasticity on every connection (null removes it). */
    public Synapse withShortTermPlasticity(TsodyksMarkram model) {
        return copy(name, kernel, reversalMv, block, stdp, model);
    }

    private Synapse copy(String name, Kernel kernel, double reversalMv, MagnesiumBlock block, Stdp stdp, TsodyksMarkram stp) {
        return new Synapse(modelName, voltageIndex, voltageName, inputUnit, conductanceUnit, restMv, name, coupling, kernel, reversalMv,
                block, trains, weights, delays, stdp, stp);
    }

    private void requireConductance(String method) {
        if (coupling != SynapseKind.Coupling.CONDUCTANCE) {
            throw new IllegalArgumentException(method + ": this is a " + coupling.name().toLowerCase(Locale.ROOT)
                    + " synapse with no reversal potential; use a conductance-based one, e.g. Synapses.exponential(model, tauMs, reversalMv)");
        }
    }

    // ---- inspection ----------------------------------------------------------------------------

    /** The name in the state variables, e.g. {@code AMPA}. */
    public String name() {
        return name;
    }

    /** The unit of the weights: µS / mS/cm² (conductance), nA / µA/cm² (current), mV (jump). */
    public String weightUnit() {
        return switch (coupling) {
            case CONDUCTANCE -> conductanceUnit;
            case CURRENT, PULSE -> inputUnit;
            case JUMP -> "mV";
        };
    }

    /** The reversal potential in mV (NaN for current-based and jump synapses). */
    public double reversalMv() {
        return coupling == SynapseKind.Coupling.CONDUCTANCE ? reversalMv : Double.NaN;
    }

    /** The kernel (null for a voltage jump). */
    public Kernel kernel() {
        return kernel;
    }

    /** The Mg²⁺ block, or null. */
    public MagnesiumBlock magnesiumBlock() {
        return block;
    }

    /** Whether this is a conductance-based synapse. */
    public boolean isConductanceBased() {
        return coupling == SynapseKind.Coupling.CONDUCTANCE;
    }

    /** The number of connections (presynaptic trains). */
    public int connectionCount() {
        return weights.length;
    }

    /** The initial weights of the connections (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    /** The name of the recordable value, {@code g_NAME} or {@code I_NAME} (null for a voltage jump). */
    public String valueName() {
        return kernelSize > 0 ? names[0] : null;
    }

    /** The name of the plastic weight of connection {@code c}, {@code w_NAME_c} (needs STDP). */
    public String weightName(int c) {
        if (stdp == null) {
            throw new IllegalArgumentException("c: this synapse has no STDP, its weights are constant; add .withStdp(rule) to record them");
        }
        if (c < 0 || c >= weights.length) {
            throw new IllegalArgumentException("c = " + c + " is not a connection index; valid: 0.." + (weights.length - 1));
        }
        return names[stdpBase + c];
    }

    /** The names of all plastic weights {@code w_NAME_c}, to pass to {@code .record(...)} (needs STDP). */
    public String[] weightNames() {
        String[] out = new String[weights.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = weightName(c);
        }
        return out;
    }

    /**
     * The synaptic current (model input unit, positive = depolarising) over a run, from the recorded
     * {@link #valueName()} and V: g·B(V)·(E − V) or the current-based I.
     *
     * @throws IllegalArgumentException if those variables were not recorded (the message says which to record)
     */
    public double[] currentTrace(SimulationResult result) {
        if (result == null) {
            throw new IllegalArgumentException("result = null; pass the run this synapse was attached to, recorded with .record(\""
                    + names[0] + "\", \"" + voltageName + "\")");
        }
        if (coupling == SynapseKind.Coupling.JUMP) {
            throw new IllegalArgumentException("result: a voltage-jump synapse has no current (its effect is instantaneous); record V instead");
        }
        double[] value = result.values(names[0]);
        if (coupling == SynapseKind.Coupling.CURRENT) {
            return value;
        }
        double[] v = result.values(voltageName);
        double[] current = new double[value.length];
        for (int i = 0; i < current.length; i++) {
            current[i] = value[i] * (block == null ? 1 : block.at(v[i])) * (reversalMv - v[i]);
        }
        return current;
    }

    // ---- Attachment ----------------------------------------------------------------------------

    /** The synaptic current {@code I_<name>} (model input unit, positive = depolarising), recordable by name. */
    @Override
    public String[] derivedNames() {
        return coupling == SynapseKind.Coupling.CONDUCTANCE ? new String[] {"I_" + name} : new String[0];
    }

    @Override
    public String[] derivedUnits() {
        return coupling == SynapseKind.Coupling.CONDUCTANCE ? new String[] {inputUnit} : new String[0];
    }

    @Override
    public String[] stateNames() {
        return names.clone();
    }

    @Override
    public String[] stateUnits() {
        return units.clone();
    }

    @Override
    public double[] initialState() {
        double[] y = new double[names.length];
        int n = weights.length;
        for (int c = 0; c < n && stp != null; c++) {
            y[stpBase + 2 * c] = stp.initialU();
            y[stpBase + 2 * c + 1] = 1;
        }
        if (stdp != null) {
            System.arraycopy(weights, 0, y, stdpBase, n);
        }
        return y;
    }

    /** A run of this synapse: its own cursor into the (shared, immutable) list of arriving events. */
    @Override
    public Instance startRun() {
        return new Run();
    }

    /** The per-run part: the event cursor. Conductances, plasticity variables and weights live in the run's state vector. */
    private final class Run implements Instance {
        private int next;

        @Override
        public double current(double t, double v, double[] y, int offset) {
            return currentAt(v, y, offset);
        }

        @Override
        public void derived(double t, double v, double[] y, int offset, double[] out, int outOffset) {
            if (coupling == SynapseKind.Coupling.CONDUCTANCE) {
                out[outOffset] = currentAt(v, y, offset);
            }
        }

        @Override
        public void derivatives(double t, double v, double[] y, int offset, double[] dydt) {
            if (kernelSize > 0) {
                kernel.derivatives(y, offset, dydt);
            }
            int n = weights.length;
            for (int c = 0; c < n && stp != null; c++) {
                stp.derivatives(y, offset + stpBase + 2 * c, offset + stpBase + 2 * c + 1, dydt);
            }
            for (int i = offset + stdpBase; i < offset + names.length; i++) {
                dydt[i] = 0;
            }
        }

        @Override
        public void linearParts(double t, double v, double[] y, int offset, double[] a, double[] b) {
            if (kernelSize > 0) {
                kernel.linearParts(y, offset, a, b);
            }
            int n = weights.length;
            for (int c = 0; c < n && stp != null; c++) {
                stp.linearParts(offset + stpBase + 2 * c, offset + stpBase + 2 * c + 1, a, b);
            }
            for (int i = offset + stdpBase; i < offset + names.length; i++) {
                a[i] = 0;
                b[i] = 0;
            }
        }

        @Override
        public void beforeStep(double t, double dt, double[] y, int offset) {
            // A relative tolerance keeps an event exactly on a grid point in its own step despite rounding of t.
            double tolerance = 1e-6 * dt;
            double limit = t + dt - tolerance;
            double stale = t - tolerance;
            while (next < arrival.length && arrival[next] < limit) {
                int c = source[next];
                double te = arrival[next++];
                if (te >= stale) {
                    deliver(t, c, y, offset);
                }
            }
        }

        @Override
        public void onSpike(double t, double[] y, int offset) {
            if (stdp == null) {
                return;
            }
            int n = weights.length;
            int base = offset + stdpBase;
            for (int c = 0; c < n; c++) {
                stdp.potentiate(t, y, base + c, base + n + c, base + 2 * n + c);
            }
            stdp.postTrace(t, y, base + 3 * n, base + 3 * n + 1);
        }
    }

    private double currentAt(double v, double[] y, int offset) {
        return kind.current(y, offset, v, reversalMv);
    }

    private void deliver(double t, int c, double[] y, int offset) {
        int n = weights.length;
        double amount = stdp == null ? weights[c] : y[offset + stdpBase + c];
        if (stp != null) {
            amount *= stp.release(y, offset + stpBase + 2 * c, offset + stpBase + 2 * c + 1);
        }
        if (stdp != null) {
            int base = offset + stdpBase;
            stdp.onPre(t, y, base + c, base + n + c, base + 2 * n + c, base + 3 * n, base + 3 * n + 1);
        }
        if (coupling == SynapseKind.Coupling.JUMP) {
            y[voltageIndex] += amount;
        } else {
            kind.addEvent(y, offset, amount);
        }
    }

    /** One line, e.g. {@code AMPA synapse onto LIF: exponential(τ = 5 ms), E = 0 mV, 100 connections (weights in µS), 512 events}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name).append(" synapse onto ").append(modelName).append(": ");
        switch (coupling) {
            case CONDUCTANCE -> text.append(kernel).append(", E = ").append(Kernel.num(reversalMv)).append(" mV");
            case CURRENT -> text.append("current ").append(kernel);
            case JUMP, PULSE -> text.append("voltage jump");
        }
        if (block != null) {
            text.append(", Mg²⁺ block at ").append(Kernel.num(block.magnesiumMm())).append(" mM");
        }
        if (stp != null) {
            text.append(", ").append(stp);
        }
        if (stdp != null) {
            text.append(", ").append(stdp);
        }
        text.append(", ").append(weights.length).append(weights.length == 1 ? " connection" : " connections")
                .append(" (weights in ").append(weightUnit()).append("), ").append(arrival.length).append(arrival.length == 1 ? " event" : " events");
        return text.toString();
    }
}
