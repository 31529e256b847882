package dev.soma;

import dev.soma.model.NeuronModel;
import dev.soma.synapse.Kernel;
import dev.soma.synapse.MagnesiumBlock;
import dev.soma.synapse.Receptor;
import dev.soma.synapse.Stdp;
import dev.soma.synapse.Synapse;
import dev.soma.synapse.SynapseKind;
import dev.soma.synapse.TonicConductance;
import dev.soma.synapse.TsodyksMarkram;

/**
 * Synapses onto one neuron, for notebooks: the named receptor kinds, conductance- and
 * current-based synapses with exponential, alpha and bi-exponential time courses, voltage jumps,
 * and the plasticity rules (STDP, Tsodyks–Markram). A synapse is attached to a simulation:
 * <pre>{@code
 * var lif = Neurons.lif();
 * var exc = Synapses.ampa(lif).from(Spikes.poisson(100, 5 * Hz, 1 * second, 1), 2 * nS);
 * var inh = Synapses.gabaA(lif).from(Spikes.regular(20 * Hz, 0, 1 * second), 10 * nS, 1 * ms);
 * var run = Simulation.of(lif).attach(exc, inh).record("V", "g_AMPA", "g_GABA_A").run(1 * second);
 * }</pre>
 *
 * <p><b>Weights</b> are given in {@code .from(train, weight[, delayMs])}: for conductance-based
 * synapses the peak conductance, ≥ 0, in µS for point neurons (input in nA; write {@code 2 * nS})
 * or in mS/cm² for membrane patches such as Hodgkin–Huxley (input in µA/cm²; write
 * {@code 0.1 * mS_per_cm2}); for current-based synapses the peak current in the model's input unit;
 * for voltage jumps the jump in mV. Inhibition is chosen by the reversal potential, not the sign:
 * a negative conductance is rejected. See {@link Synapse} for the equations and state variables,
 * {@link Receptor} for the defaults of each kind.
 *
 * <p><b>Onto populations.</b> The same kinds without a model ({@code Synapses.ampa()},
 * {@code Synapses.currentExponential(5 * ms)}, {@code Synapses.jump()}) are the receptors a
 * network's projections end on; see {@link SynapseKind}:
 * <pre>{@code
 * Network.builder().population("E", Neurons.adex("adapting"), 3200) ...
 *     .connect("E", "I", Synapses.ampa(), 1 * nS, Network.fixedProbability(0.05))
 * }</pre>
 *
 * <p><b>Accuracy.</b> Events act on the step grid. For quantitative PSP shapes run with
 * {@code .method("rk4")} (error below 10⁻⁶ of the peak at dt = 0.025 ms); the LIF default,
 * exponential Euler, holds the synaptic input constant over a step (about 1 % at 0.1 ms).
 */
public final class Synapses {
    private Synapses() {}

    /** AMPA onto {@code model}: E = 0 mV, exponential τ = 5 ms; weight = peak conductance (µS or mS/cm²). */
    public static Synapse ampa(NeuronModel model) {
        return Synapse.of(Receptor.AMPA, model);
    }

    /**
     * NMDA onto {@code model}: E = 0 mV, bi-exponential 2/100 ms, times the Mg²⁺ block
     * B(V) = 1/(1 + [Mg]/3.57 mM · e^(−0.062 V)) at 1 mM (Jahr &amp; Stevens 1990); {@code .withMagnesiumMm(mM)} changes it.
     */
    public static Synapse nmda(NeuronModel model) {
        return Synapse.of(Receptor.NMDA, model);
    }

    /** GABA-A onto {@code model}: E = −80 mV, exponential τ = 10 ms: hyperpolarising inhibition. */
    public static Synapse gabaA(NeuronModel model) {
        return Synapse.of(Receptor.GABA_A, model);
    }

    /** GABA-B onto {@code model}: E = −90 mV, bi-exponential 50/200 ms: slow inhibition. */
    public static Synapse gabaB(NeuronModel model) {
        return Synapse.of(Receptor.GABA_B, model);
    }

    /** Shunting inhibition onto {@code model}: E = the model's resting potential, exponential τ = 10 ms. */
    public static Synapse shunting(NeuronModel model) {
        return Synapse.of(Receptor.SHUNTING, model);
    }

    /** A kind by name: "AMPA", "NMDA", "GABA-A", "GABA-B" or "shunting" (unknown names are rejected, listing these). */
    public static Synapse of(String kind, NeuronModel model) {
        return Synapse.of(Receptor.parse(kind), model);
    }

    /** Conductance-based, exponential kernel: g jumps by the weight and decays with {@code tauMs}; I = g(E − V). */
    public static Synapse exponential(NeuronModel model, double tauMs, double reversalMv) {
        return Synapse.conductance(model, Kernel.exponential(tauMs), reversalMv);
    }

    /** Conductance-based, alpha kernel peaking at {@code tauMs} after the event at the weight; I = g(E − V). */
    public static Synapse alpha(NeuronModel model, double tauMs, double reversalMv) {
        return Synapse.conductance(model, Kernel.alpha(tauMs), reversalMv);
    }

    /** Conductance-based, bi-exponential kernel (rise, decay in ms) with peak = weight; I = g(E − V). */
    public static Synapse biexponential(NeuronModel model, double riseMs, double decayMs, double reversalMv) {
        return Synapse.conductance(model, Kernel.biexponential(riseMs, decayMs), reversalMv);
    }

    /** Current-based, exponential: I jumps by the weight (nA or µA/cm², either sign) and decays with {@code tauMs}. */
    public static Synapse currentExponential(NeuronModel model, double tauMs) {
        return Synapse.current(model, Kernel.exponential(tauMs));
    }

    /** Current-based, alpha: I peaks at the weight (model input unit) {@code tauMs} after each event. */
    public static Synapse currentAlpha(NeuronModel model, double tauMs) {
        return Synapse.current(model, Kernel.alpha(tauMs));
    }

    /** Current-based, bi-exponential (rise, decay in ms) with peak current = weight. */
    public static Synapse currentBiexponential(NeuronModel model, double riseMs, double decayMs) {
        return Synapse.current(model, Kernel.biexponential(riseMs, decayMs));
    }

    /** Each event makes V jump by the weight in mV (either sign): the delta synapse of the CUBA benchmark, applied on the step grid. */
    public static Synapse voltageJump(NeuronModel model) {
        return Synapse.voltageJump(model);
    }

    /** A constant conductance (µS or mS/cm², ≥ 0) reversing at {@code reversalMv}: the average of a steady barrage. */
    public static TonicConductance tonic(NeuronModel model, double conductance, double reversalMv) {
        return TonicConductance.of(model, conductance, reversalMv);
    }

    /** A constant shunting conductance (µS or mS/cm², ≥ 0) reversing at the model's resting potential. */
    public static TonicConductance tonicShunt(NeuronModel model, double conductance) {
        return TonicConductance.shunt(model, conductance);
    }

    // ---- receptor kinds for populations (no model: the population's model is the target) ----

    /** AMPA as a receptor of a population: E = 0 mV, exponential τ = 5 ms; weights in µS (or mS/cm²). */
    public static SynapseKind ampa() {
        return SynapseKind.of(Receptor.AMPA);
    }

    /** NMDA as a receptor of a population: E = 0 mV, bi-exponential 2/100 ms, Mg²⁺ block at 1 mM. */
    public static SynapseKind nmda() {
        return SynapseKind.of(Receptor.NMDA);
    }

    /** GABA-A as a receptor of a population: E = −80 mV, exponential τ = 10 ms. */
    public static SynapseKind gabaA() {
        return SynapseKind.of(Receptor.GABA_A);
    }

    /** GABA-B as a receptor of a population: E = −90 mV, bi-exponential 50/200 ms. */
    public static SynapseKind gabaB() {
        return SynapseKind.of(Receptor.GABA_B);
    }

    /** Shunting inhibition as a receptor of a population: E = the neurons' resting potential, exponential τ = 10 ms. */
    public static SynapseKind shunting() {
        return SynapseKind.of(Receptor.SHUNTING);
    }

    /** A receptor kind by name: "AMPA", "NMDA", "GABA-A", "GABA-B" or "shunting". */
    public static SynapseKind of(String kind) {
        return SynapseKind.of(Receptor.parse(kind));
    }

    /** A conductance-based receptor with an exponential time course ({@code tauMs}) reversing at {@code reversalMv}. */
    public static SynapseKind exponential(double tauMs, double reversalMv) {
        return SynapseKind.conductance(Kernel.exponential(tauMs), reversalMv);
    }

    /** A conductance-based receptor with an alpha time course peaking {@code tauMs} after the event. */
    public static SynapseKind alpha(double tauMs, double reversalMv) {
        return SynapseKind.conductance(Kernel.alpha(tauMs), reversalMv);
    }

    /** A conductance-based receptor with a bi-exponential time course (rise, decay in ms). */
    public static SynapseKind biexponential(double riseMs, double decayMs, double reversalMv) {
        return SynapseKind.conductance(Kernel.biexponential(riseMs, decayMs), reversalMv);
    }

    /** A current-based receptor, exponential: I jumps by the weight (model input unit, either sign) and decays with {@code tauMs}. */
    public static SynapseKind currentExponential(double tauMs) {
        return SynapseKind.current(Kernel.exponential(tauMs));
    }

    /** A current-based receptor, alpha: I peaks at the weight {@code tauMs} after each event. */
    public static SynapseKind currentAlpha(double tauMs) {
        return SynapseKind.current(Kernel.alpha(tauMs));
    }

    /** A current-based receptor, bi-exponential (rise, decay in ms), peak current = weight. */
    public static SynapseKind currentBiexponential(double riseMs, double decayMs) {
        return SynapseKind.current(Kernel.biexponential(riseMs, decayMs));
    }

    /** A delta synapse onto a population: each spike makes V jump by the weight in mV (Brunel 2000). */
    public static SynapseKind jump() {
        return SynapseKind.jump();
    }

    /** Each spike adds the weight to the state variable {@code variable} of the target neurons (in its unit). */
    public static SynapseKind jump(String variable) {
        return SynapseKind.jump(variable);
    }

    /** Each spike adds the weight (model input unit) to a current held for the next step only (Izhikevich 2003). */
    public static SynapseKind pulse() {
        return SynapseKind.pulse();
    }

    /** Additive STDP with hard bounds [wMin, wMax]; A₊, A₋ and the bounds in the synapse's weight unit. */
    public static Stdp stdpAdditive(double aPlus, double aMinus, double tauPlusMs, double tauMinusMs, double wMin, double wMax) {
        return Stdp.additive(aPlus, aMinus, tauPlusMs, tauMinusMs, wMin, wMax);
    }

    /** Multiplicative (soft-bound) STDP: Δw ∝ (wMax − w) or (w − wMin); A₊, A₋ dimensionless. */
    public static Stdp stdpMultiplicative(double aPlus, double aMinus, double tauPlusMs, double tauMinusMs, double wMin, double wMax) {
        return Stdp.multiplicative(aPlus, aMinus, tauPlusMs, tauMinusMs, wMin, wMax);
    }

    /** The STDP of Song, Miller &amp; Abbott (2000): additive, A₊ = 0.005 gMax, A₋ = 1.05 A₊, τ = 20 ms, w ∈ [0, gMax]. */
    public static Stdp stdpSong(double gMax) {
        return Stdp.songMillerAbbott(gMax);
    }

    /** Tsodyks–Markram short-term plasticity: release fraction U, recovery and facilitation time constants in ms. */
    public static TsodyksMarkram tsodyksMarkram(double U, double tauRecMs, double tauFacilMs) {
        return TsodyksMarkram.of(U, tauRecMs, tauFacilMs);
    }

    /** Tsodyks–Markram depression only (no facilitation). */
    public static TsodyksMarkram depressing(double U, double tauRecMs) {
        return TsodyksMarkram.depressing(U, tauRecMs);
    }

    /** The Jahr–Stevens Mg²⁺ block at {@code magnesiumMm} mM, to plot B(V). */
    public static MagnesiumBlock magnesiumBlock(double magnesiumMm) {
        return new MagnesiumBlock(magnesiumMm);
    }
}
