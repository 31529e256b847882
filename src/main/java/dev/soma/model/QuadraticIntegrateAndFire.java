package dev.soma.model;

/**
 * The quadratic integrate-and-fire neuron (QIF, Latham et al. 2000; the normal form of a
 * saddle-node on invariant circle bifurcation, Ermentrout &amp; Kopell 1986).
 *
 * <pre>
 *   τ dV/dt = a₀ (V − V_rest)(V − V_c) + R I
 *   when V reaches V_peak:  V ← V_r   (then V held for t_ref)
 * </pre>
 *
 * <table>
 *   <caption>Parameters (defaults: Gerstner et al., Neuronal Dynamics, ch. 5.3, scaled to a point neuron)</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>tauMs</td><td>10</td><td>ms</td><td>membrane time constant τ</td></tr>
 *   <tr><td>resistanceMohm</td><td>10</td><td>MΩ</td><td>input resistance R (R I in mV)</td></tr>
 *   <tr><td>restMv</td><td>-65</td><td>mV</td><td>resting potential V_rest</td></tr>
 *   <tr><td>criticalMv</td><td>-50</td><td>mV</td><td>critical voltage V_c (unstable fixed point at I = 0)</td></tr>
 *   <tr><td>sharpnessPerMv</td><td>0.04</td><td>1/mV</td><td>curvature a₀</td></tr>
 *   <tr><td>resetMv</td><td>-60</td><td>mV</td><td>reset potential V_r</td></tr>
 *   <tr><td>peakMv</td><td>30</td><td>mV</td><td>spike cut-off V_peak</td></tr>
 *   <tr><td>refractoryMs</td><td>0</td><td>ms</td><td>absolute refractory period t_ref</td></tr>
 * </table>
 *
 * <p>State: {@code V} (mV). Input: current in nA. Rheobase: R I = a₀ (V_c − V_rest)² / 4, i.e.
 * 0.225 nA at the defaults. Above it the period is closed-form: with m = (V_rest + V_c)/2 and
 * k² = R I / a₀ − (V_c − V_rest)²/4, T = t_ref + τ/(a₀ k) [atan((V_peak − m)/k) − atan((V_r − m)/k)],
 * so the rate rises from zero like a square root (type I).
 *
 * <p>References: P. E. Latham, B. J. Richmond, P. G. Nelson, S. Nirenberg (2000), J. Neurophysiol.
 * 83:808–827; G. B. Ermentrout, N. Kopell (1986), SIAM J. Appl. Math. 46:233–253; W. Gerstner et al.
 * (2014), <i>Neuronal Dynamics</i>, ch. 5.3.
 */
public record QuadraticIntegrateAndFire(String name, double tauMs, double resistanceMohm, double restMv,
        double criticalMv, double sharpnessPerMv, double resetMv, double peakMv, double refractoryMs)
        implements NeuronModel {

    /** Validates every parameter. */
    public QuadraticIntegrateAndFire {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name = \"" + name + "\" is empty; give the model a short name");
        }
        Check.positive("tauMs", tauMs, "ms");
        Check.positive("resistanceMohm", resistanceMohm, "MΩ");
        Check.finite("restMv", restMv, "mV");
        Check.finite("criticalMv", criticalMv, "mV");
        Check.positive("sharpnessPerMv", sharpnessPerMv, "1/mV");
        Check.finite("resetMv", resetMv, "mV");
        Check.finite("peakMv", peakMv, "mV");
        Check.nonNegative("refractoryMs", refractoryMs, "ms");
        if (!(restMv < criticalMv)) {
            throw new IllegalArgumentException("restMv = " + restMv + " must be below criticalMv = " + criticalMv);
        }
        if (!(resetMv < peakMv)) {
            throw new IllegalArgumentException("resetMv = " + resetMv + " must be below peakMv = " + peakMv);
        }
    }

    /** The defaults of the table above. */
    public static QuadraticIntegrateAndFire defaults() {
        return new QuadraticIntegrateAndFire("Quadratic IF", 10, 10, -65, -50, 0.04, -60, 30, 0);
    }

    /** The rheobase current (nA): the smallest constant input that fires repetitively. */
    public double rheobaseNa() {
        double half = 0.5 * (criticalMv - restMv);
        return sharpnessPerMv * half * half / resistanceMohm;
    }

    /** The exact firing period (ms) for a constant input (nA) above rheobase; infinity at or below it. */
    public double periodMs(double inputNa) {
        if (!Double.isFinite(inputNa)) {
            throw new IllegalArgumentException("inputNa = " + inputNa + " is not finite; give the constant input current in nA");
        }
        double half = 0.5 * (criticalMv - restMv);
        double k2 = resistanceMohm * inputNa / sharpnessPerMv - half * half;
        if (!(k2 > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double k = Math.sqrt(k2);
        double mid = 0.5 * (restMv + criticalMv);
        return refractoryMs + tauMs / (sharpnessPerMv * k) * (Math.atan((peakMv - mid) / k) - Math.atan((resetMv - mid) / k));
    }

    /** A copy with another name. */
    public QuadraticIntegrateAndFire withName(String v) {
        return new QuadraticIntegrateAndFire(v, tauMs, resistanceMohm, restMv, criticalMv, sharpnessPerMv, resetMv, peakMv, refractoryMs);
    }

    /** A copy with membrane time constant τ (ms). */
    public QuadraticIntegrateAndFire withTauMs(double v) {
        return new QuadraticIntegrateAndFire(name, v, resistanceMohm, restMv, criticalMv, sharpnessPerMv, resetMv, peakMv, refractoryMs);
    }

    /** A copy with input resistance R (MΩ). */
    public QuadraticIntegrateAndFire withResistanceMohm(double v) {
        return new QuadraticIntegrateAndFire(name, tauMs, v, restMv, criticalMv, sharpnessPerMv, resetMv, peakMv, refractoryMs);
    }

    /** A copy with resting potential (mV). */
    public QuadraticIntegrateAndFire withRestMv(double v) {
        return new QuadraticIntegrateAndFire(name, tauMs, resistanceMohm, v, criticalMv, sharpnessPerMv, resetMv, peakMv, refractoryMs);
    }

    /** A copy with critical voltage (mV). */
    public QuadraticIntegrateAndFire withCriticalMv(double v) {
        return new QuadraticIntegrateAndFire(name, tauMs, resistanceMohm, restMv, v, sharpnessPerMv, resetMv, peakMv, refractoryMs);
    }

    /** A copy with curvature a₀ (1/mV). */
    public QuadraticIntegrateAndFire withSharpnessPerMv(double v) {
        return new QuadraticIntegrateAndFire(name, tauMs, resistanceMohm, restMv, criticalMv, v, resetMv, peakMv, refractoryMs);
    }

    /** A copy with reset potential (mV). */
    public QuadraticIntegrateAndFire withResetMv(double v) {
        return new QuadraticIntegrateAndFire(name, tauMs, resistanceMohm, restMv, criticalMv, sharpnessPerMv, v, peakMv, refractoryMs);
    }

    /** A copy with spike cut-off (mV). */
    public QuadraticIntegrateAndFire withPeakMv(double v) {
        return new QuadraticIntegrateAndFire(name, tauMs, resistanceMohm, restMv, criticalMv, sharpnessPerMv, resetMv, v, refractoryMs);
    }

    /** A copy with absolute refractory period (ms). */
    public QuadraticIntegrateAndFire withRefractoryMs(double v) {
        return new QuadraticIntegrateAndFire(name, tauMs, resistanceMohm, restMv, criticalMv, sharpnessPerMv, resetMv, peakMv, v);
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

    /** R/τ (mV/ms per nA). */
    @Override
    public double inputGain() {
        return resistanceMohm / tauMs;
    }

    @Override
    public double[] restingState() {
        return new double[] {restMv};
    }

    @Override
    public void derivatives(double t, double[] y, double input, double[] dydt) {
        // Bounded so that the trial stages of a step that jumps past the peak stay finite.
        double v = Math.min(y[0], peakMv + 100.0);
        dydt[0] = (sharpnessPerMv * (v - restMv) * (v - criticalMv) + resistanceMohm * input) / tauMs;
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
        return 0.01;
    }
}
