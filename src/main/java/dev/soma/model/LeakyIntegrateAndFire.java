package dev.soma.model;

import java.util.Locale;
import java.util.Map;

/**
 * The leaky integrate-and-fire neuron: a passive membrane that fires when V reaches a threshold,
 * then is reset and held for an absolute refractory period.
 *
 * <pre>
 * τ dV/dt = −(V − E_L) + R I
 * V ≥ V_th  ⇒  spike; V ← V_reset; V held for t_ref
 * </pre>
 * Between spikes the equation is linear, so Soma's default method (exponential Euler) integrates
 * it exactly for input that is constant over a step, and the threshold crossing is located within
 * the step: spike times and rates are exact, not step-limited. For constant input the rate is
 * 1 / (t_ref + τ ln(R I / (R I − (V_th − E_L)))) when V_reset = E_L.
 *
 * <table>
 *   <caption>Parameters ({@link #standard()} defaults)</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>tauMs</td><td>10</td><td>ms</td><td>membrane time constant τ = R C</td></tr>
 *   <tr><td>resistanceMOhm</td><td>10</td><td>MΩ</td><td>input resistance R (R I in mV for I in nA)</td></tr>
 *   <tr><td>restMv</td><td>−70</td><td>mV</td><td>leak reversal (resting) potential E_L</td></tr>
 *   <tr><td>thresholdMv</td><td>−50</td><td>mV</td><td>firing threshold V_th</td></tr>
 *   <tr><td>resetMv</td><td>−70</td><td>mV</td><td>reset potential V_reset</td></tr>
 *   <tr><td>refractoryMs</td><td>2</td><td>ms</td><td>absolute refractory period t_ref</td></tr>
 * </table>
 * Input in nA. State: V (mV). Spikes: V reaching V_th.
 *
 * <p>Reference: L. Lapicque (1907); W. Gerstner, W. M. Kistler, R. Naud, L. Paninski, <i>Neuronal
 * Dynamics</i>, Cambridge University Press (2014), ch. 1.3.
 */
public final class LeakyIntegrateAndFire implements NeuronModel {
    private static final String[] STATE = {"V"};
    private static final String[] UNITS = {"mV"};

    private final double tauMs;
    private final double resistanceMOhm;
    private final double restMv;
    private final double thresholdMv;
    private final double resetMv;
    private final double refractoryMs;

    private LeakyIntegrateAndFire(double tauMs, double resistanceMOhm, double restMv, double thresholdMv,
                                  double resetMv, double refractoryMs) {
        Check.positive("tauMs", tauMs, "ms", "10 ms");
        Check.positive("resistanceMOhm", resistanceMOhm, "MΩ", "10 MΩ");
        Check.finite("restMv", restMv, "mV", "−70 mV");
        Check.finite("thresholdMv", thresholdMv, "mV", "−50 mV");
        Check.finite("resetMv", resetMv, "mV", "−70 mV");
        Check.nonNegativeTime("refractoryMs", refractoryMs);
        if (resetMv >= thresholdMv) {
            throw new IllegalArgumentException("resetMv = " + resetMv + " mV must lie below thresholdMv = " + thresholdMv
                    + " mV, or the neuron would fire again at once; lower the reset or raise the threshold");
        }
        this.tauMs = tauMs;
        this.resistanceMOhm = resistanceMOhm;
        this.restMv = restMv;
        this.thresholdMv = thresholdMv;
        this.resetMv = resetMv;
        this.refractoryMs = refractoryMs;
    }

    /** τ = 10 ms, R = 10 MΩ, E_L = V_reset = −70 mV, V_th = −50 mV, t_ref = 2 ms. */
    public static LeakyIntegrateAndFire standard() {
        return new LeakyIntegrateAndFire(10, 10, -70, -50, -70, 2);
    }

    /**
     * The exercise neuron of Gerstner et al., <i>Neuronal Dynamics</i> (2014), ch. 1: τ = 8 ms,
     * R = 10 MΩ, E_L = −70 mV, V_th = −50 mV, V_reset = −65 mV, t_ref = 2 ms.
     */
    public static LeakyIntegrateAndFire neuronalDynamics() {
        return new LeakyIntegrateAndFire(8, 10, -70, -50, -65, 2);
    }

    /**
     * The reference neuron of Soma's test data: τ = 10 ms, R = 1 MΩ (so R I in mV equals I in nA),
     * E_L = V_reset = −70 mV, V_th = −50 mV, t_ref = 2 ms.
     */
    public static LeakyIntegrateAndFire unitResistance() {
        return new LeakyIntegrateAndFire(10, 1, -70, -50, -70, 2);
    }

    private static final Map<String, java.util.function.Supplier<LeakyIntegrateAndFire>> PRESETS = new java.util.LinkedHashMap<>(Map.of(
            "standard", LeakyIntegrateAndFire::standard,
            "neuronalDynamics", LeakyIntegrateAndFire::neuronalDynamics,
            "unitResistance", LeakyIntegrateAndFire::unitResistance));

    /** The preset called {@code name}: {@code standard}, {@code neuronalDynamics} or {@code unitResistance}. */
    public static LeakyIntegrateAndFire preset(String name) {
        return Check.preset("LIF", PRESETS, name).get();
    }

    /** The preset names: standard, neuronalDynamics, unitResistance. */
    public static String[] presetNames() {
        return new String[] {"standard", "neuronalDynamics", "unitResistance"};
    }

    /** With membrane time constant τ (ms). */
    public LeakyIntegrateAndFire withTauMs(double tau) {
        return new LeakyIntegrateAndFire(tau, resistanceMOhm, restMv, thresholdMv, resetMv, refractoryMs);
    }

    /** With input resistance R (MΩ). */
    public LeakyIntegrateAndFire withResistanceMOhm(double r) {
        return new LeakyIntegrateAndFire(tauMs, r, restMv, thresholdMv, resetMv, refractoryMs);
    }

    /** With resting potential E_L (mV). */
    public LeakyIntegrateAndFire withRestMv(double rest) {
        return new LeakyIntegrateAndFire(tauMs, resistanceMOhm, rest, thresholdMv, resetMv, refractoryMs);
    }

    /** With firing threshold V_th (mV). */
    public LeakyIntegrateAndFire withThresholdMv(double threshold) {
        return new LeakyIntegrateAndFire(tauMs, resistanceMOhm, restMv, threshold, resetMv, refractoryMs);
    }

    /** With reset potential V_reset (mV). */
    public LeakyIntegrateAndFire withResetMv(double reset) {
        return new LeakyIntegrateAndFire(tauMs, resistanceMOhm, restMv, thresholdMv, reset, refractoryMs);
    }

    /** With absolute refractory period t_ref (ms). */
    public LeakyIntegrateAndFire withRefractoryMs(double refractory) {
        return new LeakyIntegrateAndFire(tauMs, resistanceMOhm, restMv, thresholdMv, resetMv, refractory);
    }

    /** Membrane time constant τ (ms). */
    public double tauMs() { return tauMs; }
    /** Input resistance R (MΩ). */
    public double resistanceMOhm() { return resistanceMOhm; }
    /** Resting potential E_L (mV). */
    public double restMv() { return restMv; }
    /** Threshold V_th (mV). */
    public double thresholdMv() { return thresholdMv; }
    /** Reset potential V_reset (mV). */
    public double resetMv() { return resetMv; }
    /** Absolute refractory period (ms). */
    public double refractoryMs() { return refractoryMs; }
    /** Membrane capacitance C = τ / R (nF). */
    public double capacitanceNf() { return tauMs / resistanceMOhm; }

    /** The smallest constant input (nA) that makes the neuron fire: (V_th − E_L) / R. */
    public double rheobaseNa() {
        return (thresholdMv - restMv) / resistanceMOhm;
    }

    /**
     * The exact firing rate (Hz) for a constant input {@code currentNa} (nA), starting from reset:
     * 1 / (t_ref + τ ln((E_L + R I − V_reset) / (E_L + R I − V_th))), or 0 below rheobase.
     */
    public double rateHz(double currentNa) {
        if (!Double.isFinite(currentNa)) {
            throw new IllegalArgumentException("currentNa = " + currentNa + " is not finite; give the constant input current in nA");
        }
        double drive = restMv + resistanceMOhm * currentNa;
        if (drive <= thresholdMv) {
            return 0.0;
        }
        double isi = refractoryMs + tauMs * Math.log((drive - resetMv) / (drive - thresholdMv));
        return 1000.0 / isi;
    }

    @Override
    public String name() {
        return "leaky integrate-and-fire";
    }

    @Override
    public String[] stateNames() {
        return STATE.clone();
    }

    @Override
    public String[] stateUnits() {
        return UNITS.clone();
    }

    @Override
    public int voltageIndex() {
        return 0;
    }

    @Override
    public String inputUnit() {
        return "nA";
    }

    /** R/τ (mV/ms per nA). */
    @Override
    public double inputGain() {
        return resistanceMOhm / tauMs;
    }

    @Override
    public double[] restingState() {
        return new double[] {restMv};
    }

    @Override
    public void derivatives(double t, double[] y, double input, double[] dydt) {
        dydt[0] = (restMv - y[0] + resistanceMOhm * input) / tauMs;
    }

    @Override
    public void linearParts(double t, double[] y, double input, double[] a, double[] b) {
        a[0] = (restMv + resistanceMOhm * input) / tauMs;
        b[0] = -1.0 / tauMs;
    }

    @Override
    public boolean isLinearBetweenSpikes() {
        return true;
    }

    @Override
    public SpikeRule spikeRule() {
        return SpikeRule.reset(thresholdMv, refractoryMs);
    }

    @Override
    public void reset(double[] y) {
        y[0] = resetMv;
    }

    @Override
    public double defaultDtMs() {
        return 0.1;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: τ = %.4g ms, R = %.4g MΩ, E_L = %.4g mV, V_th = %.4g mV, V_reset = %.4g mV, t_ref = %.4g ms",
                name(), tauMs, resistanceMOhm, restMv, thresholdMv, resetMv, refractoryMs);
    }
}
