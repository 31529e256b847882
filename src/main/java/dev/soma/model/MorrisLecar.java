package dev.soma.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Morris–Lecar model (Morris &amp; Lecar 1981) of the barnacle muscle fibre: an instantaneous
 * calcium current and a delayed potassium current, two variables, and depending on parameters a
 * type I (saddle-node on invariant circle) or type II (Hopf) onset of firing.
 *
 * <pre>
 *   C dV/dt = I − g_Ca m∞(V) (V − E_Ca) − g_K w (V − E_K) − g_L (V − E_L)
 *   dw/dt   = φ (w∞(V) − w) / τ_w(V)
 *   m∞(V) = ½ (1 + tanh((V − V1)/V2)),  w∞(V) = ½ (1 + tanh((V − V3)/V4)),  τ_w(V) = 1 / cosh((V − V3)/(2 V4))
 * </pre>
 *
 * <table>
 *   <caption>Parameters (defaults: Rinzel &amp; Ermentrout 1998, type I set)</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>capacitanceUfPerCm2</td><td>20</td><td>µF/cm²</td><td>membrane capacitance C</td></tr>
 *   <tr><td>gCaMsPerCm2</td><td>4</td><td>mS/cm²</td><td>maximal calcium conductance (4.4 in type II)</td></tr>
 *   <tr><td>gKMsPerCm2</td><td>8</td><td>mS/cm²</td><td>maximal potassium conductance</td></tr>
 *   <tr><td>gLMsPerCm2</td><td>2</td><td>mS/cm²</td><td>leak conductance</td></tr>
 *   <tr><td>eCaMv</td><td>120</td><td>mV</td><td>calcium reversal potential</td></tr>
 *   <tr><td>eKMv</td><td>-84</td><td>mV</td><td>potassium reversal potential</td></tr>
 *   <tr><td>eLMv</td><td>-60</td><td>mV</td><td>leak reversal potential</td></tr>
 *   <tr><td>v1Mv</td><td>-1.2</td><td>mV</td><td>half-activation of m∞</td></tr>
 *   <tr><td>v2Mv</td><td>18</td><td>mV</td><td>slope of m∞</td></tr>
 *   <tr><td>v3Mv</td><td>12</td><td>mV</td><td>half-activation of w∞ (2 in type II)</td></tr>
 *   <tr><td>v4Mv</td><td>17.4</td><td>mV</td><td>slope of w∞ (30 in type II)</td></tr>
 *   <tr><td>phiPerMs</td><td>0.066667</td><td>1/ms</td><td>rate scale φ of w (1/15; 0.04 in type II)</td></tr>
 * </table>
 *
 * <p>State: {@code V} (mV), {@code w} (1). Input: current density in µA/cm². Start: the lowest
 * fixed point at I = 0. A spike is an upward crossing of 0 mV (2 ms dead time).
 *
 * <p>Presets ({@link #preset(String)}): {@code "type I"} (SNIC; firing starts at about 40 µA/cm²
 * with an arbitrarily low rate) and {@code "type II"} (Hopf; firing starts near 88 µA/cm² at a
 * finite rate, about 10 Hz, with bistability just below), the two parameter sets of J. Rinzel and
 * G. B. Ermentrout (1998), "Analysis of neural excitability and oscillations", in Koch &amp; Segev
 * (eds.), <i>Methods in Neuronal Modeling</i>, 2nd ed., MIT Press, ch. 7 (also used in Ermentrout
 * &amp; Terman, <i>Mathematical Foundations of Neuroscience</i>, 2010, ch. 3). The onsets quoted here
 * are what Soma's f–I analysis finds with these sets (see the tests).
 *
 * <p>Reference: C. Morris and H. Lecar (1981), "Voltage oscillations in the barnacle giant muscle
 * fiber", Biophys. J. 35:193–213.
 */
public record MorrisLecar(String name, double capacitanceUfPerCm2, double gCaMsPerCm2, double gKMsPerCm2,
        double gLMsPerCm2, double eCaMv, double eKMv, double eLMv, double v1Mv, double v2Mv, double v3Mv,
        double v4Mv, double phiPerMs) implements NeuronModel {

    private static final Map<String, MorrisLecar> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put("type I", new MorrisLecar("Morris–Lecar (type I)", 20, 4, 8, 2, 120, -84, -60, -1.2, 18, 12, 17.4, 1.0 / 15.0));
        PRESETS.put("type II", new MorrisLecar("Morris–Lecar (type II)", 20, 4.4, 8, 2, 120, -84, -60, -1.2, 18, 2, 30, 0.04));
    }

    /** Validates every parameter. */
    public MorrisLecar {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name = \"" + name + "\" is empty; give the model a short name");
        }
        Check.positive("capacitanceUfPerCm2", capacitanceUfPerCm2, "µF/cm²");
        Check.nonNegative("gCaMsPerCm2", gCaMsPerCm2, "mS/cm²");
        Check.nonNegative("gKMsPerCm2", gKMsPerCm2, "mS/cm²");
        Check.nonNegative("gLMsPerCm2", gLMsPerCm2, "mS/cm²");
        Check.finite("eCaMv", eCaMv, "mV");
        Check.finite("eKMv", eKMv, "mV");
        Check.finite("eLMv", eLMv, "mV");
        Check.finite("v1Mv", v1Mv, "mV");
        Check.positive("v2Mv", v2Mv, "mV");
        Check.finite("v3Mv", v3Mv, "mV");
        Check.positive("v4Mv", v4Mv, "mV");
        Check.positive("phiPerMs", phiPerMs, "1/ms");
    }

    /** The type I set of Rinzel &amp; Ermentrout 1998 (the defaults of the table above). */
    public static MorrisLecar defaults() {
        return PRESETS.get("type I");
    }

    /**
     * A parameter set by name: {@code "type I"} or {@code "type II"} (case, spaces ignored).
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the valid ones
     */
    public static MorrisLecar preset(String type) {
        return Check.preset("Morris–Lecar", PRESETS, type);
    }

    /** The preset names. */
    public static String[] presetNames() {
        return PRESETS.keySet().toArray(new String[0]);
    }

    /** A copy with another name. */
    public MorrisLecar withName(String v) {
        return new MorrisLecar(v, capacitanceUfPerCm2, gCaMsPerCm2, gKMsPerCm2, gLMsPerCm2, eCaMv, eKMv, eLMv, v1Mv, v2Mv, v3Mv, v4Mv, phiPerMs);
    }

    /** A copy with capacitance (µF/cm²). */
    public MorrisLecar withCapacitanceUfPerCm2(double v) {
        return new MorrisLecar(name, v, gCaMsPerCm2, gKMsPerCm2, gLMsPerCm2, eCaMv, eKMv, eLMv, v1Mv, v2Mv, v3Mv, v4Mv, phiPerMs);
    }

    /** A copy with calcium conductance (mS/cm²). */
    public MorrisLecar withGCaMsPerCm2(double v) {
        return new MorrisLecar(name, capacitanceUfPerCm2, v, gKMsPerCm2, gLMsPerCm2, eCaMv, eKMv, eLMv, v1Mv, v2Mv, v3Mv, v4Mv, phiPerMs);
    }

    /** A copy with potassium conductance (mS/cm²). */
    public MorrisLecar withGKMsPerCm2(double v) {
        return new MorrisLecar(name, capacitanceUfPerCm2, gCaMsPerCm2, v, gLMsPerCm2, eCaMv, eKMv, eLMv, v1Mv, v2Mv, v3Mv, v4Mv, phiPerMs);
    }

    /** A copy with leak conductance (mS/cm²). */
    public MorrisLecar withGLMsPerCm2(double v) {
        return new MorrisLecar(name, capacitanceUfPerCm2, gCaMsPerCm2, gKMsPerCm2, v, eCaMv, eKMv, eLMv, v1Mv, v2Mv, v3Mv, v4Mv, phiPerMs);
    }

    /** A copy with calcium reversal (mV). */
    public MorrisLecar withECaMv(double v) {
        return new MorrisLecar(name, capacitanceUfPerCm2, gCaMsPerCm2, gKMsPerCm2, gLMsPerCm2, v, eKMv, eLMv, v1Mv, v2Mv, v3Mv, v4Mv, phiPerMs);
    }

    /** A copy with potassium reversal (mV). */
    public MorrisLecar withEKMv(double v) {
        return new MorrisLecar(name, capacitanceUfPerCm2, gCaMsPerCm2, gKMsPerCm2, gLMsPerCm2, eCaMv, v, eLMv, v1Mv, v2Mv, v3Mv, v4Mv, phiPerMs);
    }

    /** A copy with leak reversal (mV). */
    public MorrisLecar withELMv(double v) {
        return new MorrisLecar(name, capacitanceUfPerCm2, gCaMsPerCm2, gKMsPerCm2, gLMsPerCm2, eCaMv, eKMv, v, v1Mv, v2Mv, v3Mv, v4Mv, phiPerMs);
    }

    /** A copy with m∞ half-activation V1 (mV). */
    public MorrisLecar withV1Mv(double v) {
        return new MorrisLecar(name, capacitanceUfPerCm2, gCaMsPerCm2, gKMsPerCm2, gLMsPerCm2, eCaMv, eKMv, eLMv, v, v2Mv, v3Mv, v4Mv, phiPerMs);
    }

    /** A copy with m∞ slope V2 (mV). */
    public MorrisLecar withV2Mv(double v) {
        return new MorrisLecar(name, capacitanceUfPerCm2, gCaMsPerCm2, gKMsPerCm2, gLMsPerCm2, eCaMv, eKMv, eLMv, v1Mv, v, v3Mv, v4Mv, phiPerMs);
    }

    /** A copy with w∞ half-activation V3 (mV). */
    public MorrisLecar withV3Mv(double v) {
        return new MorrisLecar(name, capacitanceUfPerCm2, gCaMsPerCm2, gKMsPerCm2, gLMsPerCm2, eCaMv, eKMv, eLMv, v1Mv, v2Mv, v, v4Mv, phiPerMs);
    }

    /** A copy with w∞ slope V4 (mV). */
    public MorrisLecar withV4Mv(double v) {
        return new MorrisLecar(name, capacitanceUfPerCm2, gCaMsPerCm2, gKMsPerCm2, gLMsPerCm2, eCaMv, eKMv, eLMv, v1Mv, v2Mv, v3Mv, v, phiPerMs);
    }

    /** A copy with rate scale φ (1/ms). */
    public MorrisLecar withPhiPerMs(double v) {
        return new MorrisLecar(name, capacitanceUfPerCm2, gCaMsPerCm2, gKMsPerCm2, gLMsPerCm2, eCaMv, eKMv, eLMv, v1Mv, v2Mv, v3Mv, v4Mv, v);
    }

    @Override
    public String[] stateNames() {
        return new String[] {"V", "w"};
    }

    @Override
    public String[] stateUnits() {
        return new String[] {"mV", "1"};
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
        return 1.0 / capacitanceUfPerCm2;
    }

    /** m∞(V). */
    public double mInf(double v) {
        return 0.5 * (1.0 + Math.tanh((v - v1Mv) / v2Mv));
    }

    /** w∞(V). */
    public double wInf(double v) {
        return 0.5 * (1.0 + Math.tanh((v - v3Mv) / v4Mv));
    }

    /** τ_w(V) before division by φ (1). */
    public double tauW(double v) {
        return 1.0 / Math.cosh((v - v3Mv) / (2.0 * v4Mv));
    }

    /** The potassium gate w must lie in [0, 1]. */
    @Override
    public void checkState(double[] state) {
        Check.fractions(name(), stateNames(), state, 1);
    }

    /** The lowest fixed point at I = 0, with w = w∞(V). */
    @Override
    public double[] restingState() {
        double lo = -150.0;
        double flo = steadyCurrent(lo);
        for (double hi = lo + 0.1; hi <= 100.0; hi += 0.1) {
            double fhi = steadyCurrent(hi);
            if ((flo > 0) != (fhi > 0)) {
                double l = lo;
                double h = hi;
                for (int i = 0; i < 200 && h - l > 1e-13; i++) {
                    double m = 0.5 * (l + h);
                    if ((steadyCurrent(m) > 0) == (flo > 0)) l = m; else h = m;
                }
                double v = 0.5 * (l + h);
                return new double[] {v, wInf(v)};
            }
            lo = hi;
            flo = fhi;
        }
        throw new IllegalStateException("no resting state of " + name + " in V ∈ [−150, 100] mV at I = 0 with gCaMsPerCm2 = "
                + gCaMsPerCm2 + ", gKMsPerCm2 = " + gKMsPerCm2 + ", gLMsPerCm2 = " + gLMsPerCm2 + ", eCaMv = " + eCaMv + ", eKMv = "
                + eKMv + ", eLMv = " + eLMv + ", v1Mv = " + v1Mv + ", v2Mv = " + v2Mv + ", v3Mv = " + v3Mv + ", v4Mv = " + v4Mv
                + "; give conductances and potentials of the order of the presets' (e.g. eCaMv = 120, eKMv = -84)");
    }

    /** The net ionic current into the cell at steady state (w = w∞), µA/cm². */
    private double steadyCurrent(double v) {
        return -gCaMsPerCm2 * mInf(v) * (v - eCaMv) - gKMsPerCm2 * wInf(v) * (v - eKMv) - gLMsPerCm2 * (v - eLMv);
    }

    @Override
    public void derivatives(double t, double[] y, double input, double[] dydt) {
        double v = y[0];
        double w = y[1];
        double x = (v - v3Mv) / v4Mv;
        dydt[0] = (input - gCaMsPerCm2 * 0.5 * (1.0 + Math.tanh((v - v1Mv) / v2Mv)) * (v - eCaMv)
                - gKMsPerCm2 * w * (v - eKMv) - gLMsPerCm2 * (v - eLMv)) / capacitanceUfPerCm2;
        dydt[1] = phiPerMs * (0.5 * (1.0 + Math.tanh(x)) - w) * Math.cosh(0.5 * x);
    }

    /** w's equation is linear in w; V's is linear in V given w and m∞(V), which is frozen over the step. */
    @Override
    public void linearParts(double t, double[] y, double input, double[] a, double[] b) {
        double v = y[0];
        double w = y[1];
        double m = 0.5 * (1.0 + Math.tanh((v - v1Mv) / v2Mv));
        double gCa = gCaMsPerCm2 * m;
        double gK = gKMsPerCm2 * w;
        a[0] = (input + gCa * eCaMv + gK * eKMv + gLMsPerCm2 * eLMv) / capacitanceUfPerCm2;
        b[0] = -(gCa + gK + gLMsPerCm2) / capacitanceUfPerCm2;
        double x = (v - v3Mv) / v4Mv;
        double rate = phiPerMs * Math.cosh(0.5 * x);
        a[1] = rate * 0.5 * (1.0 + Math.tanh(x));
        b[1] = -rate;
    }

    @Override
    public SpikeRule spikeRule() {
        return new SpikeRule(0.0, false, 2.0);
    }

    @Override
    public double defaultDtMs() {
        return 0.05;
    }
}
