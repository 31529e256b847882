package dev.soma.analysis;

import dev.soma.model.LeakyIntegrateAndFire;
import dev.soma.network.Connectivity;
import dev.soma.network.RandomValue;
import dev.soma.network.SpikingNetwork;
import dev.soma.synapse.SynapseKind;
import java.util.Locale;

/**
 * Brunel's (2000) model A: a sparsely connected network of excitatory and inhibitory leaky
 * integrate-and-fire neurons with delta synapses and external Poisson drive, whose states
 * (synchronous regular, asynchronous irregular, synchronous irregular fast and slow) depend on
 * the relative strength of inhibition {@code g} and the external drive {@code η}.
 *
 * <pre>
 *   τ dV/dt = −V  (+ J per excitatory input spike, −gJ per inhibitory one, after delay D)
 *   V &gt; θ  →  spike, V ← V_r, held for t_ref
 *   every neuron: C_E inputs from E, C_I = C_E/4 from I (fixed in-degree, distinct sources),
 *                 C_E external Poisson trains at ν_ext = η ν_thr, ν_thr = θ / (J C_E τ), each spike adding J
 * </pre>
 *
 * <table>
 *   <caption>Parameters (defaults: the paper's model A)</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>g</td><td>5</td><td>1</td><td>relative strength of inhibition</td></tr>
 *   <tr><td>η (eta)</td><td>2</td><td>1</td><td>external rate in units of ν_thr</td></tr>
 *   <tr><td>J</td><td>0.1</td><td>mV</td><td>jump of V for one excitatory spike</td></tr>
 *   <tr><td>D (delay)</td><td>1.5</td><td>ms</td><td>transmission delay</td></tr>
 *   <tr><td>N_E</td><td>10000</td><td>1</td><td>excitatory neurons (N_I = N_E / 4)</td></tr>
 *   <tr><td>C_E</td><td>1000</td><td>1</td><td>excitatory inputs per neuron (C_I = C_E / 4)</td></tr>
 *   <tr><td>τ (tau)</td><td>20</td><td>ms</td><td>membrane time constant</td></tr>
 *   <tr><td>θ (theta)</td><td>20</td><td>mV</td><td>threshold</td></tr>
 *   <tr><td>V_r</td><td>10</td><td>mV</td><td>reset</td></tr>
 *   <tr><td>t_ref</td><td>2</td><td>ms</td><td>refractory period (V held at V_r)</td></tr>
 *   <tr><td>dt</td><td>0.1</td><td>ms</td><td>time step</td></tr>
 * </table>
 * Starting potentials are drawn uniformly in [V_r, θ). Populations are {@code E} (neurons
 * 0..N_E−1) and {@code I} (the next N_I).
 *
 * <p>Built from the zoo: {@link LeakyIntegrateAndFire} with rest 0 mV, jump receptors
 * ({@code Synapses.jump()}) onto V, and Poisson input onto V, stepped by the network engine in
 * Brian2's order: V is integrated exactly, a spike is stamped at the start of its step, it acts
 * D after the end of that step, and while refractory V is held at V_r and every input to it is
 * dropped — as Brian2's {@code (unless refractory)} and NEST's {@code iaf_psc_delta} do. The
 * external drive is Brian2's {@code PoissonInput}: a binomial count of the C_E trains per neuron
 * and step. A neuron's sources are drawn without replacement from the whole source population (a
 * neuron may be its own source, as in Brian2's reference runs).
 *
 * <p>Reference: Brunel N (2000) Dynamics of sparsely connected networks of excitatory and
 * inhibitory spiking neurons. J Comput Neurosci 8:183–208 (model A, Fig. 8).
 */
public final class BrunelNetwork {
    private final double g;
    private final double eta;
    private final double jMv;
    private final double delayMs;
    private final int nE;
    private final int cE;
    private final double tauMs;
    private final double thetaMv;
    private final double resetMv;
    private final double refractoryMs;
    private final double dtMs;

    private BrunelNetwork(double g, double eta, double jMv, double delayMs, int nE, int cE, double tauMs,
                          double thetaMv, double resetMv, double refractoryMs, double dtMs) {
        check("g", g, g >= 0, "give the relative inhibition, e.g. 5");
        check("eta", eta, eta >= 0, "give the external rate in units of ν_thr, e.g. 2");
        check("jMv", jMv, jMv > 0, "give the excitatory jump in mV, e.g. 0.1");
        check("tauMs", tauMs, tauMs > 0, "give the membrane time constant in ms, e.g. 20");
        check("thetaMv", thetaMv, thetaMv > 0, "give the threshold in mV above rest, e.g. 20");
        check("resetMv", resetMv, resetMv < thetaMv, "give a reset below the threshold θ = " + thetaMv + " mV, e.g. 10");
        check("refractoryMs", refractoryMs, refractoryMs >= 0, "give the refractory period in ms, e.g. 2");
        check("dtMs", dtMs, dtMs > 0, "give the time step in ms, e.g. 0.1");
        check("delayMs", delayMs, delayMs >= 0, "give the delay in ms (0: the input acts from the next step), e.g. 1.5");
        if (delayMs > 0 && !(delayMs >= dtMs * (1 - 1e-9))) {
            throw new IllegalArgumentException("delayMs = " + plain(delayMs) + " is shorter than one step, dtMs = " + plain(dtMs)
                    + ": a delay is a whole number of steps; give a longer delay, 0, or a smaller dt, e.g. dt = 0.1 ms, D = 1.5 ms");
        }
        // One input's jump, excitatory J or inhibitory g·J, beyond 250 mV (or 10 θ) is a unit slip, as for any network weight.
        double largest = Math.max(250, 10 * thetaMv);
        if (!(jMv <= largest) || !(g * jMv <= largest)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "jMv = %s mV and g = %s make jumps of J = %s mV and "
                            + "−g·J = −%s mV, beyond %s mV for one input spike; give J in mV (the paper: 0.1) and g of order 1 (3 to 6)",
                    plain(jMv), plain(g), plain(jMv), plain(g * jMv), plain(largest)));
        }
        if (nE < 4 || nE % 4 != 0) {
            throw new IllegalArgumentException("nE = " + nE + " excitatory neurons; give a multiple of 4 (N_I = N_E / 4), e.g. 10000");
        }
        if (cE < 4 || cE % 4 != 0 || cE > nE - 1) {
            throw new IllegalArgumentException("cE = " + cE + " inputs per neuron; give a multiple of 4 (C_I = C_E / 4) "
                    + "below N_E = " + nE + ", e.g. N_E / 10 = " + Math.max(4, nE / 40 * 4));
        }
        // Each neuron gets C_E external Poisson trains of η ν_thr: a train cannot fire faster than 1 spike per ms.
        double externalPerMs = eta * thetaMv / (jMv * cE * tauMs);
        if (!(externalPerMs <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "eta = %s gives each of the cE = %d external inputs "
                            + "η ν_thr = η θ / (J C_E τ) = %s Hz (thetaMv = %s, jMv = %s, tauMs = %s), more than 1000 Hz, which no "
                            + "input train fires; lower eta or thetaMv, or raise jMv or cE (the paper: J = 0.1 mV, C_E = 1000)",
                    plain(eta), cE, plain(externalPerMs * 1000), plain(thetaMv), plain(jMv), plain(tauMs)));
        }
        this.g = g;
        this.eta = eta;
        this.jMv = jMv;
        this.delayMs = delayMs;
        this.nE = nE;
        this.cE = cE;
        this.tauMs = tauMs;
        this.thetaMv = thetaMv;
        this.resetMv = resetMv;
        this.refractoryMs = refractoryMs;
        this.dtMs = dtMs;
    }

    private static void check(String name, double value, boolean ok, String fix) {
        if (!Double.isFinite(value) || !ok) {
            throw new IllegalArgumentException(name + " = " + plain(value) + " is out of range; " + fix);
        }
    }

    /** Model A at the paper's size (12,500 neurons, 1.25 million synapses) in the AI state (g = 5, η = 2). */
    public static BrunelNetwork modelA() {
        return new BrunelNetwork(5, 2, 0.1, 1.5, 10_000, 1_000, 20, 20, 10, 2, 0.1);
    }

    /** With the relative inhibition g and the external drive η (in units of ν_thr). */
    public BrunelNetwork withState(double g, double eta) {
        return new BrunelNetwork(g, eta, jMv, delayMs, nE, cE, tauMs, thetaMv, resetMv, refractoryMs, dtMs);
    }

    /**
     * With {@code nE} excitatory neurons and {@code cE} excitatory inputs per neuron (both
     * multiples of 4; N_I = N_E/4, C_I = C_E/4), J unchanged. Brunel's theory depends on C_E and J,
     * not on N_E, as long as C_E/N_E stays small.
     */
    public BrunelNetwork withSize(int nE, int cE) {
        return new BrunelNetwork(g, eta, jMv, delayMs, nE, cE, tauMs, thetaMv, resetMv, refractoryMs, dtMs);
    }

    /** With the excitatory jump J in mV. */
    public BrunelNetwork withJMv(double mv) {
        return new BrunelNetwork(g, eta, mv, delayMs, nE, cE, tauMs, thetaMv, resetMv, refractoryMs, dtMs);
    }

    /** With the transmission delay D in ms. */
    public BrunelNetwork withDelayMs(double ms) {
        return new BrunelNetwork(g, eta, jMv, ms, nE, cE, tauMs, thetaMv, resetMv, refractoryMs, dtMs);
    }

    /** With the membrane time constant τ, threshold θ, reset V_r and refractory period (ms, mV, mV, ms). */
    public BrunelNetwork withNeuron(double tauMs, double thetaMv, double resetMv, double refractoryMs) {
        return new BrunelNetwork(g, eta, jMv, delayMs, nE, cE, tauMs, thetaMv, resetMv, refractoryMs, dtMs);
    }

    /** With the time step in ms. */
    public BrunelNetwork withDtMs(double ms) {
        return new BrunelNetwork(g, eta, jMv, delayMs, nE, cE, tauMs, thetaMv, resetMv, refractoryMs, ms);
    }

    /** g. */
    public double g() { return g; }
    /** η. */
    public double eta() { return eta; }
    /** J in mV. */
    public double jMv() { return jMv; }
    /** N_E. */
    public int nE() { return nE; }
    /** C_E. */
    public int cE() { return cE; }

    /** ν_thr = θ / (J C_E τ) in Hz: the external rate that brings the free membrane to threshold. */
    public double thresholdRateHz() {
        return thetaMv / (jMv * cE * tauMs) * 1e3;
    }

    /** The leaky integrate-and-fire neuron of the model: rest 0 mV, τ, θ, V_r, t_ref (R plays no part: every input is a jump of V). */
    public LeakyIntegrateAndFire neuron() {
        return LeakyIntegrateAndFire.standard().withRestMv(0).withThresholdMv(thetaMv).withResetMv(resetMv).withTauMs(tauMs)
                .withRefractoryMs(refractoryMs);
    }

    /** The network, still open for recordings or a thread count, drawn from {@code seed}. */
    public SpikingNetwork.Builder builder(long seed) {
        int nI = nE / 4;
        int cI = cE / 4;
        LeakyIntegrateAndFire neuron = neuron();
        SynapseKind jump = SynapseKind.jump();
        Connectivity fromE = Connectivity.fixedInDegree(cE);
        Connectivity fromI = Connectivity.fixedInDegree(cI);
        // the rate of each external train, per ms (Soma's Hz is 1e-3 per ms)
        double external = eta * thresholdRateHz() / 1000;
        return SpikingNetwork.builder().seed(seed).dt(dtMs)
                .population("E", neuron, nE)
                .population("I", neuron, nI)
                .start("E", "V", RandomValue.uniform(resetMv, thetaMv))
                .start("I", "V", RandomValue.uniform(resetMv, thetaMv))
                .connect("E", "E", jump, jMv, delayMs, fromE)
                .connect("E", "I", jump, jMv, delayMs, fromE)
                .connect("I", "E", jump, -g * jMv, delayMs, fromI)
                .connect("I", "I", jump, -g * jMv, delayMs, fromI)
                .poissonInput("E", jump, cE, external, jMv)
                .poissonInput("I", jump, cE, external, jMv);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Brunel model A: g = %s, η = %s, J = %s mV, D = %s ms, N_E = %d, N_I = %d, "
                        + "C_E = %d, C_I = %d, τ = %s ms, θ = %s mV, V_r = %s mV, t_ref = %s ms, dt = %s ms",
                plain(g), plain(eta), plain(jMv), plain(delayMs), nE, nE / 4, cE, cE / 4, plain(tauMs), plain(thetaMv),
                plain(resetMv), plain(refractoryMs), plain(dtMs));
    }

    static String plain(double x) {
        return Sweeps.number(x);
    }
}
