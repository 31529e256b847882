package dev.soma.model;

/**
 * The exponential integrate-and-fire neuron (EIF) of Fourcaud-Trocmé, Hansel, van Vreeswijk &amp;
 * Brunel (2003): a leaky membrane whose spike initiation is an exponential current, the form that
 * the sodium activation of Hodgkin–Huxley-type neurons takes near threshold.
 *
 * <pre>
 *   C dV/dt = −g_L (V − E_L) + g_L Δ_T exp((V − V_T)/Δ_T) + I
 *   when V reaches V_peak:  V ← V_r   (then V held for t_ref)
 * </pre>
 *
 * <table>
 *   <caption>Parameters (defaults: the AdEx tonic cell of Naud et al. 2008 without adaptation)</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>capacitanceNf</td><td>0.2</td><td>nF</td><td>membrane capacitance C (200 pF)</td></tr>
 *   <tr><td>leakConductanceUs</td><td>0.01</td><td>µS</td><td>leak conductance g_L (10 nS; τ = C/g_L = 20 ms)</td></tr>
 *   <tr><td>restMv</td><td>-70</td><td>mV</td><td>leak reversal potential E_L</td></tr>
 *   <tr><td>thresholdMv</td><td>-50</td><td>mV</td><td>rheobase threshold V_T</td></tr>
 *   <tr><td>slopeMv</td><td>2</td><td>mV</td><td>slope factor Δ_T</td></tr>
 *   <tr><td>resetMv</td><td>-58</td><td>mV</td><td>reset potential V_r</td></tr>
 *   <tr><td>peakMv</td><td>0</td><td>mV</td><td>spike cut-off V_peak (the spike time is its crossing)</td></tr>
 *   <tr><td>refractoryMs</td><td>2</td><td>ms</td><td>absolute refractory period t_ref</td></tr>
 * </table>
 *
 * <p>State: {@code V} (mV). Input: current in nA. Rheobase: g_L (V_T − E_L − Δ_T) = 0.18 nA at the defaults.
 *
 * <p>Reference: N. Fourcaud-Trocmé, D. Hansel, C. van Vreeswijk, N. Brunel (2003), "How spike
 * generation mechanisms determine the neuronal response to fluctuating inputs", J. Neurosci.
 * 23:11628–11640; Gerstner et al., <i>Neuronal Dynamics</i> (2014), ch. 5.2.
 *
 * <p>Numerics: the exponential is evaluated at min(V, V_peak) so that trial stages of a step stay finite.
 */
public record ExponentialIntegrateAndFire(String name, double capacitanceNf, double leakConductanceUs, double restMv,
        double thresholdMv, double slopeMv, double resetMv, double peakMv, double refractoryMs) implements NeuronModel {

    /** Validates every parameter. */
    public ExponentialIntegrateAndFire {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name = \"" + name + "\" is empty; give the model a short name");
        }
        Check.positive("capacitanceNf", capacitanceNf, "nF");
        Check.nonNegative("leakConductanceUs", leakConductanceUs, "µS");
        Check.finite("restMv", restMv, "mV");
        Check.finite("thresholdMv", thresholdMv, "mV");
        Check.positive("slopeMv", slopeMv, "mV");
        Check.finite("resetMv", resetMv, "mV");
        Check.finite("peakMv", peakMv, "mV");
        Check.nonNegative("refractoryMs", refractoryMs, "ms");
        if (!(resetMv < peakMv)) {
            throw new IllegalArgumentException("resetMv = " + resetMv + " must be below peakMv = " + peakMv
                    + "; lower the reset or raise the peak");
        }
    }

    /** The defaults of the table above. */
    public static ExponentialIntegrateAndFire defaults() {
        return new ExponentialIntegrateAndFire("Exponential IF", 0.2, 0.01, -70, -50, 2, -58, 0, 2);
    }

    /** A copy with another name. */
    public ExponentialIntegrateAndFire withName(String v) {
        return new ExponentialIntegrateAndFire(v, capacitanceNf, leakConductanceUs, restMv, thresholdMv, slopeMv, resetMv, peakMv, refractoryMs);
    }

    /** A copy with membrane capacitance C (nF). */
    public ExponentialIntegrateAndFire withCapacitanceNf(double v) {
        return new ExponentialIntegrateAndFire(name, v, leakConductanceUs, restMv, thresholdMv, slopeMv, resetMv, peakMv, refractoryMs);
    }

    /** A copy with leak conductance g_L (µS). */
    public ExponentialIntegrateAndFire withLeakConductanceUs(double v) {
        return new ExponentialIntegrateAndFire(name, capacitanceNf, v, restMv, thresholdMv, slopeMv, resetMv, peakMv, refractoryMs);
    }

    /** A copy with leak reversal E_L (mV). */
    public ExponentialIntegrateAndFire withRestMv(double v) {
        return new ExponentialIntegrateAndFire(name, capacitanceNf, leakConductanceUs, v, thresholdMv, slopeMv, resetMv, peakMv, refractoryMs);
    }

    /** A copy with rheobase threshold V_T (mV). */
    public ExponentialIntegrateAndFire withThresholdMv(double v) {
        return new ExponentialIntegrateAndFire(name, capacitanceNf, leakConductanceUs, restMv, v, slopeMv, resetMv, peakMv, refractoryMs);
    }

    /** A copy with slope factor Δ_T (mV). */
    public ExponentialIntegrateAndFire withSlopeMv(double v) {
        return new ExponentialIntegrateAndFire(name, capacitanceNf, leakConductanceUs, restMv, thresholdMv, v, resetMv, peakMv, refractoryMs);
    }

    /** A copy with reset potential V_r (mV). */
    public ExponentialIntegrateAndFire withResetMv(double v) {
        return new ExponentialIntegrateAndFire(name, capacitanceNf, leakConductanceUs, restMv, thresholdMv, slopeMv, v, peakMv, refractoryMs);
    }

    /** A copy with spike cut-off V_peak (mV). */
    public ExponentialIntegrateAndFire withPeakMv(double v) {
        return new ExponentialIntegrateAndFire(name, capacitanceNf, leakConductanceUs, restMv, thresholdMv, slopeMv, resetMv, v, refractoryMs);
    }

    /** A copy with absolute refractory period (ms). */
    public ExponentialIntegrateAndFire withRefractoryMs(double v) {
        return new ExponentialIntegrateAndFire(name, capacitanceNf, leakConductanceUs, restMv, thresholdMv, slopeMv, resetMv, peakMv, v);
    }

    @Override
    public String[] stateNames() {
        return new String[] {"V"};
    }

    @Override
    public String[] stateUnits() {
        return new String[] {"mV"};
    }

    @Override
    public int voltageIndex() {
        return 0;
    }

    @Override
    public String inputUnit() {
        return "nA";
    }

    /** 1/C (mV/ms per nA). */
    @Override
    public double inputGain() {
        return 1.0 / capacitanceNf;
    }

    @Override
    public double[] restingState() {
        return new double[] {restMv};
    }

    @Override
    public void derivatives(double t, double[] y, double input, double[] dydt) {
        double v = y[0];
        double spike = leakConductanceUs * slopeMv * Math.exp((Math.min(v, peakMv) - thresholdMv) / slopeMv);
        dydt[0] = (-leakConductanceUs * (v - restMv) + spike + input) / capacitanceNf;
    }

    @Override
    public SpikeRule spikeRule() {
        return SpikeRule.reset(peakMv, refractoryMs);
    }

    @Override
    public void reset(double[] y) {
        y[0] = resetMv;
    }

    @Override
    public double defaultDtMs() {
        return 0.0025;
    }
}
