package dev.soma.model;

import java.util.Locale;

/**
 * The Hodgkin–Huxley (1952) squid giant axon in the modern convention (rest at −65 mV), with the
 * equations and parameters of NEURON's built-in {@code hh} mechanism.
 *
 * <pre>
 * C dV/dt = I − g_Na m³h (V − E_Na) − g_K n⁴ (V − E_K) − g_L (V − E_L)
 * dx/dt   = φ [α_x(V) (1 − x) − β_x(V) x]            for x ∈ {m, h, n}
 * α_m = 0.1 (V + 40) / (1 − e^{−(V+40)/10})     β_m = 4 e^{−(V+65)/18}
 * α_h = 0.07 e^{−(V+65)/20}                     β_h = 1 / (1 + e^{−(V+35)/10})
 * α_n = 0.01 (V + 55) / (1 − e^{−(V+55)/10})    β_n = 0.125 e^{−(V+65)/80}
 * φ   = 3^{(T − 6.3 °C)/10}                     (Q10 = 3)
 * </pre>
 * V in mV, rates in 1/ms, I in µA/cm². The removable singularities at V = −40 and −55 mV are
 * evaluated through x / (e^x − 1).
 *
 * <table>
 *   <caption>Parameters ({@link #squidAxon()} defaults)</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>capacitance</td><td>1</td><td>µF/cm²</td><td>membrane capacitance C</td></tr>
 *   <tr><td>gNa</td><td>120</td><td>mS/cm²</td><td>maximal sodium conductance</td></tr>
 *   <tr><td>gK</td><td>36</td><td>mS/cm²</td><td>maximal potassium conductance</td></tr>
 *   <tr><td>gL</td><td>0.3</td><td>mS/cm²</td><td>leak conductance</td></tr>
 *   <tr><td>eNa</td><td>50</td><td>mV</td><td>sodium reversal potential</td></tr>
 *   <tr><td>eK</td><td>−77</td><td>mV</td><td>potassium reversal potential</td></tr>
 *   <tr><td>eL</td><td>−54.387</td><td>mV</td><td>leak reversal potential</td></tr>
 *   <tr><td>celsius</td><td>6.3</td><td>°C</td><td>temperature; rates scale by 3^((T − 6.3)/10)</td></tr>
 * </table>
 * State: V (mV), m, h, n (dimensionless), starting at rest with the gates at their steady state.
 * Derived: I_Na, I_K, I_L (µA/cm², outward positive). Spikes: upward crossings of 0 mV.
 *
 * <p>Reference: A. L. Hodgkin and A. F. Huxley, J. Physiol. 117:500–544 (1952); NEURON's {@code hh.mod}.
 */
public final class HodgkinHuxley implements NeuronModel {
    private static final String[] STATE = {"V", "m", "h", "n"};
    private static final String[] UNITS = {"mV", "1", "1", "1"};
    private static final String[] DERIVED = {"I_Na", "I_K", "I_L"};
    private static final String[] DERIVED_UNITS = {"µA/cm²", "µA/cm²", "µA/cm²"};

    private final double capacitance;
    private final double gNa;
    private final double gK;
    private final double gL;
    private final double eNa;
    private final double eK;
    private final double eL;
    private final double celsius;
    private final double phi;
    private final double restMv;

    private HodgkinHuxley(double capacitance, double gNa, double gK, double gL, double eNa, double eK, double eL,
                          double celsius, double restMv) {
        Check.positive("capacitance", capacitance, "µF/cm²", "1 µF/cm² for the squid axon");
        Check.nonNegative("gNa", gNa, "mS/cm²", "120 mS/cm²");
        Check.nonNegative("gK", gK, "mS/cm²", "36 mS/cm²");
        Check.nonNegative("gL", gL, "mS/cm²", "0.3 mS/cm²");
        Check.finite("eNa", eNa, "mV", "50 mV");
        Check.finite("eK", eK, "mV", "−77 mV");
        Check.finite("eL", eL, "mV", "−54.387 mV");
        Check.finite("celsius", celsius, "°C", "6.3 °C");
        if (celsius < -20 || celsius > 60) {
            throw new IllegalArgumentException("celsius = " + celsius + " °C is outside the range where Q10 scaling means anything; use −20…60 °C");
        }
        Check.finite("restMv", restMv, "mV", "−65 mV");
        this.capacitance = capacitance;
        this.gNa = gNa;
        this.gK = gK;
        this.gL = gL;
        this.eNa = eNa;
        this.eK = eK;
        this.eL = eL;
        this.celsius = celsius;
        this.phi = Math.pow(3.0, (celsius - 6.3) / 10.0);
        this.restMv = restMv;
    }

    /** The squid giant axon at 6.3 °C, NEURON's {@code hh} parameters, rest at −65 mV. */
    public static HodgkinHuxley squidAxon() {
        return new HodgkinHuxley(1.0, 120.0, 36.0, 0.3, 50.0, -77.0, -54.387, 6.3, -65.0);
    }

    /** This axon at temperature {@code celsius} (°C); all rates scale by 3^((T − 6.3)/10). */
    public HodgkinHuxley atCelsius(double celsius) {
        return new HodgkinHuxley(capacitance, gNa, gK, gL, eNa, eK, eL, celsius, restMv);
    }

    /** This axon with maximal sodium conductance {@code gNa} (mS/cm²). */
    public HodgkinHuxley withGNa(double gNa) {
        return new HodgkinHuxley(capacitance, gNa, gK, gL, eNa, eK, eL, celsius, restMv);
    }

    /** This axon with maximal potassium conductance {@code gK} (mS/cm²). */
    public HodgkinHuxley withGK(double gK) {
        return new HodgkinHuxley(capacitance, gNa, gK, gL, eNa, eK, eL, celsius, restMv);
    }

    /** This axon with leak conductance {@code gL} (mS/cm²). */
    public HodgkinHuxley withGL(double gL) {
        return new HodgkinHuxley(capacitance, gNa, gK, gL, eNa, eK, eL, celsius, restMv);
    }

    /** This axon with membrane capacitance {@code c} (µF/cm²). */
    public HodgkinHuxley withCapacitance(double c) {
        return new HodgkinHuxley(c, gNa, gK, gL, eNa, eK, eL, celsius, restMv);
    }

    /** This axon with reversal potentials E_Na, E_K, E_L (mV). */
    public HodgkinHuxley withReversals(double eNa, double eK, double eL) {
        return new HodgkinHuxley(capacitance, gNa, gK, gL, eNa, eK, eL, celsius, restMv);
    }

    /** Membrane capacitance (µF/cm²). */
    public double capacitance() { return capacitance; }
    /** Maximal sodium conductance (mS/cm²). */
    public double gNa() { return gNa; }
    /** Maximal potassium conductance (mS/cm²). */
    public double gK() { return gK; }
    /** Leak conductance (mS/cm²). */
    public double gL() { return gL; }
    /** Sodium reversal potential (mV). */
    public double eNa() { return eNa; }
    /** Potassium reversal potential (mV). */
    public double eK() { return eK; }
    /** Leak reversal potential (mV). */
    public double eL() { return eL; }
    /** Temperature (°C). */
    public double celsius() { return celsius; }

    @Override
    public String name() {
        return "Hodgkin–Huxley (squid axon, " + java.math.BigDecimal.valueOf(celsius).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString() + " °C)";
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
        return "µA/cm²";
    }

    /** 1/C (mV/ms per µA/cm²). */
    @Override
    public double inputGain() {
        return 1.0 / capacitance;
    }

    /** The gates m, h, n must lie in [0, 1]. */
    @Override
    public void checkState(double[] state) {
        Check.fractions(name(), STATE, state, 1, 2, 3);
    }

    /** The start state: V = −65 mV and each gate at its steady state α/(α + β) there. */
    @Override
    public double[] restingState() {
        double v = restMv;
        double am = alphaM(v), bm = betaM(v), ah = alphaH(v), bh = betaH(v), an = alphaN(v), bn = betaN(v);
        return new double[] {v, am / (am + bm), ah / (ah + bh), an / (an + bn)};
    }

    @Override
    public void derivatives(double t, double[] y, double input, double[] dydt) {
        double v = y[0], m = y[1], h = y[2], n = y[3];
        double gNaNow = gNa * m * m * m * h;
        double n2 = n * n;
        double gKNow = gK * n2 * n2;
        dydt[0] = (input - gNaNow * (v - eNa) - gKNow * (v - eK) - gL * (v - eL)) / capacitance;
        // three exponentials serve all six rates: e^{-(V+40)/10} and e^{-(V+55)/10} are multiples
        // of e^{-(V+35)/10}, and e^{-(V+65)/20} is the fourth power of e^{-(V+65)/80}
        double e35 = Math.exp(-(v + 35.0) / 10.0);
        double e80 = Math.exp(-(v + 65.0) / 80.0);
        double e40 = e80 * e80;
        double am = phi * relativeRate(-(v + 40.0) / 10.0, e35 * E_MINUS_HALF);
        double bm = phi * 4.0 * Math.exp(-(v + 65.0) / 18.0);
        double ah = phi * 0.07 * e40 * e40;
        double bh = phi / (1.0 + e35);
        double an = phi * 0.1 * relativeRate(-(v + 55.0) / 10.0, e35 * E_MINUS_TWO);
        double bn = phi * 0.125 * e80;
        dydt[1] = am * (1.0 - m) - bm * m;
        dydt[2] = ah * (1.0 - h) - bh * h;
        dydt[3] = an * (1.0 - n) - bn * n;
    }

    @Override
    public void linearParts(double t, double[] y, double input, double[] a, double[] b) {
        double v = y[0], m = y[1], h = y[2], n = y[3];
        double gNaNow = gNa * m * m * m * h;
        double n2 = n * n;
        double gKNow = gK * n2 * n2;
        a[0] = (input + gNaNow * eNa + gKNow * eK + gL * eL) / capacitance;
        b[0] = -(gNaNow + gKNow + gL) / capacitance;
        double e35 = Math.exp(-(v + 35.0) / 10.0);
        double e80 = Math.exp(-(v + 65.0) / 80.0);
        double e40 = e80 * e80;
        double am = phi * relativeRate(-(v + 40.0) / 10.0, e35 * E_MINUS_HALF);
        double bm = phi * 4.0 * Math.exp(-(v + 65.0) / 18.0);
        double ah = phi * 0.07 * e40 * e40;
        double bh = phi / (1.0 + e35);
        double an = phi * 0.1 * relativeRate(-(v + 55.0) / 10.0, e35 * E_MINUS_TWO);
        double bn = phi * 0.125 * e80;
        a[1] = am;
        b[1] = -(am + bm);
        a[2] = ah;
        b[2] = -(ah + bh);
        a[3] = an;
        b[3] = -(an + bn);
    }

    private static final double E_MINUS_HALF = Math.exp(-0.5);
    private static final double E_MINUS_TWO = Math.exp(-2.0);

    /**
     * z / (e^z − 1) given z and e^z, continuous through z = 0 (value 1) where the quotient is 0/0:
     * near zero its series 1 − z/2 + z²/12 is used (truncation error below 2e-15 for |z| < 1e-3).
     */
    private static double relativeRate(double z, double expZ) {
        if (Math.abs(z) < 1e-3) {
            return 1.0 - 0.5 * z + z * z / 12.0;
        }
        return z / (expZ - 1.0);
    }

    @Override
    public SpikeRule spikeRule() {
        return SpikeRule.crossing(0.0);
    }

    @Override
    public double defaultDtMs() {
        return 0.01;
    }

    @Override
    public String[] derivedNames() {
        return DERIVED.clone();
    }

    @Override
    public String[] derivedUnits() {
        return DERIVED_UNITS.clone();
    }

    @Override
    public void derived(double t, double[] y, double input, double[] out) {
        double v = y[0], m = y[1], h = y[2], n = y[3];
        out[0] = gNa * m * m * m * h * (v - eNa);
        out[1] = gK * n * n * n * n * (v - eK);
        out[2] = gL * (v - eL);
    }

    private static double ratio(double x, double scale) {
        double z = x / scale;
        return scale * relativeRate(z, Math.exp(z));
    }

    /**
     * The steady-state open probability x∞(V) = α/(α + β) of gate {@code "m"}, {@code "h"} or
     * {@code "n"} at membrane potential {@code vMv} (mV); temperature does not change it.
     */
    public double steadyState(String gate, double vMv) {
        double[] ab = rates(gate, vMv);
        return ab[0] / (ab[0] + ab[1]);
    }

    /** The time constant τ_x(V) = 1/(φ (α + β)) of gate {@code "m"}, {@code "h"} or {@code "n"} in ms, at this axon's temperature. */
    public double timeConstantMs(String gate, double vMv) {
        double[] ab = rates(gate, vMv);
        return 1.0 / (phi * (ab[0] + ab[1]));
    }

    private static double[] rates(String gate, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("vMv = " + v + " is not a finite membrane potential (mV)");
        }
        return switch (gate == null ? "" : gate) {
            case "m" -> new double[] {alphaM(v), betaM(v)};
            case "h" -> new double[] {alphaH(v), betaH(v)};
            case "n" -> new double[] {alphaN(v), betaN(v)};
            default -> throw new IllegalArgumentException("gate = \"" + gate + "\" is not a Hodgkin–Huxley gate; choose m, h or n");
        };
    }

    static double alphaM(double v) { return 0.1 * ratio(-(v + 40.0), 10.0); }
    static double betaM(double v) { return 4.0 * Math.exp(-(v + 65.0) / 18.0); }
    static double alphaH(double v) { return 0.07 * Math.exp(-(v + 65.0) / 20.0); }
    static double betaH(double v) { return 1.0 / (1.0 + Math.exp(-(v + 35.0) / 10.0)); }
    static double alphaN(double v) { return 0.01 * ratio(-(v + 55.0), 10.0); }
    static double betaN(double v) { return 0.125 * Math.exp(-(v + 65.0) / 80.0); }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: C = %.4g µF/cm², gNa = %.4g, gK = %.4g, gL = %.4g mS/cm², ENa = %.4g, EK = %.4g, EL = %.6g mV",
                name(), capacitance, gNa, gK, gL, eNa, eK, eL);
    }
}
