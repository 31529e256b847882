package dev.soma.synapse;

import java.util.Locale;

/**
 * The named synapse kinds and their defaults (conductance-based; weights are peak conductances).
 * <table>
 *   <caption>Receptor defaults</caption>
 *   <tr><th>kind</th><th>kernel</th><th>E_rev</th><th>notes, reference</th></tr>
 *   <tr><td>AMPA</td><td>exponential, τ = 5 ms</td><td>0 mV</td><td>fast excitation (Vogels &amp; Abbott 2005, J. Neurosci. 25:10786)</td></tr>
 *   <tr><td>NMDA</td><td>bi-exponential, τ_r = 2 ms, τ_d = 100 ms</td><td>0 mV</td>
 *       <td>× Mg²⁺ block B(V), [Mg²⁺] = 1 mM (Jahr &amp; Stevens 1990, J. Neurosci. 10:3178)</td></tr>
 *   <tr><td>GABA-A</td><td>exponential, τ = 10 ms</td><td>−80 mV</td><td>fast, hyperpolarising inhibition (Cl⁻)</td></tr>
 *   <tr><td>GABA-B</td><td>bi-exponential, τ_r = 50 ms, τ_d = 200 ms</td><td>−90 mV</td><td>slow inhibition via K⁺ channels (Destexhe et al. 1998, in Methods in Neuronal Modeling)</td></tr>
 *   <tr><td>shunting</td><td>exponential, τ = 10 ms</td><td>the neuron's resting potential</td>
 *       <td>no voltage change at rest, divides rather than subtracts</td></tr>
 * </table>
 * Inhibition is chosen by the reversal potential, never by the sign of a weight.
 */
public enum Receptor {
    /** Fast excitation, E = 0 mV, exponential τ = 5 ms. */
    AMPA("AMPA", Kernel.exponential(5), 0, Double.NaN),
    /** Slow excitation with Mg²⁺ block, E = 0 mV, bi-exponential 2/100 ms, 1 mM Mg²⁺. */
    NMDA("NMDA", Kernel.biexponential(2, 100), 0, 1.0),
    /** Fast inhibition, E = −80 mV, exponential τ = 10 ms. */
    GABA_A("GABA_A", Kernel.exponential(10), -80, Double.NaN),
    /** Slow inhibition, E = −90 mV, bi-exponential 50/200 ms. */
    GABA_B("GABA_B", Kernel.biexponential(50, 200), -90, Double.NaN),
    /** Shunting inhibition, E = the neuron's resting potential, exponential τ = 10 ms. */
    SHUNTING("shunt", Kernel.exponential(10), Double.NaN, Double.NaN);

    private final String label;
    private final Kernel kernel;
    private final double reversalMv;
    private final double magnesiumMm;

    Receptor(String label, Kernel kernel, double reversalMv, double magnesiumMm) {
        this.label = label;
        this.kernel = kernel;
        this.reversalMv = reversalMv;
        this.magnesiumMm = magnesiumMm;
    }

    /** The name used in state variables, e.g. {@code g_AMPA}. */
    public String label() {
        return label;
    }

    /** The default kernel. */
    public Kernel kernel() {
        return kernel;
    }

    /** The default reversal potential in mV (NaN for shunting: it is the neuron's resting potential). */
    public double reversalMv() {
        return reversalMv;
    }

    /** The default [Mg²⁺] in mM for the NMDA block (NaN when there is no block). */
    public double magnesiumMm() {
        return magnesiumMm;
    }

    /**
     * The kind named {@code kind}, ignoring case, spaces, '-' and '_': "AMPA", "NMDA", "GABA-A", "GABA-B", "shunting".
     *
     * @throws IllegalArgumentException for an unknown kind, listing the known ones
     */
    public static Receptor parse(String kind) {
        if (kind == null) {
            throw new IllegalArgumentException("kind = null; known kinds: AMPA, NMDA, GABA-A, GABA-B, shunting");
        }
        String key = kind.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
        return switch (key) {
            case "AMPA" -> AMPA;
            case "NMDA" -> NMDA;
            case "GABAA" -> GABA_A;
            case "GABAB" -> GABA_B;
            case "SHUNTING", "SHUNT" -> SHUNTING;
            default -> throw new IllegalArgumentException("kind = \"" + kind
                    + "\" is not a synapse kind; known kinds: AMPA, NMDA, GABA-A, GABA-B, shunting");
        };
    }
}
