package dev.soma.model;

import java.util.Locale;

/**
 * A Hodgkin–Huxley neuron with the sodium and delayed-rectifier potassium channels of Traub &amp;
 * Miles (1991), as a point neuron of a given membrane area: the cell of the COBAHH benchmark of
 * Brette et al. (2007) and of NEST's {@code hh_cond_exp_traub}.
 *
 * <pre>
 *   C dV/dt = I − g_L (V − E_L) − g_Na m³h (V − E_Na) − g_K n⁴ (V − E_K)
 *   dx/dt   = α_x (1 − x) − β_x x,   x ∈ {m, h, n}
 *   with u = V − V_T (mV), rates in 1/ms:
 *   α_m = 0.32 (13 − u)/(e^((13 − u)/4) − 1)   β_m = 0.28 (u − 40)/(e^((u − 40)/5) − 1)
 *   α_h = 0.128 e^((17 − u)/18)                 β_h = 4/(1 + e^((40 − u)/5))
 *   α_n = 0.032 (15 − u)/(e^((15 − u)/5) − 1)   β_n = 0.5 e^((10 − u)/40)
 *   spike: V crosses −20 mV upward, not within 3 ms of the last one; nothing is reset
 * </pre>
 * Densities are per cm² and are multiplied by the area: for 20,000 µm² (2·10⁻⁴ cm²) C = 0.2 nF,
 * g_L = 0.01 µS, g_Na = 20 µS, g_K = 6 µS. The input is a current in nA, so a conductance-based
 * synapse onto it has its weight in µS ({@code 6 * nS}).
 *
 * <table>
 *   <caption>Parameters ({@link #defaults()}: COBAHH)</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>areaUm2</td><td>20000</td><td>µm²</td><td>membrane area</td></tr>
 *   <tr><td>capacitance</td><td>1</td><td>µF/cm²</td><td>specific membrane capacitance</td></tr>
 *   <tr><td>gNa</td><td>100</td><td>mS/cm²</td><td>maximal sodium conductance density</td></tr>
 *   <tr><td>gK</td><td>30</td><td>mS/cm²</td><td>maximal potassium (delayed rectifier) conductance density</td></tr>
 *   <tr><td>gL</td><td>0.05</td><td>mS/cm²</td><td>leak conductance density</td></tr>
 *   <tr><td>eNa</td><td>50</td><td>mV</td><td>sodium reversal potential</td></tr>
 *   <tr><td>eK</td><td>-90</td><td>mV</td><td>potassium reversal potential</td></tr>
 *   <tr><td>eL</td><td>-60</td><td>mV</td><td>leak reversal potential</td></tr>
 *   <tr><td>vT</td><td>-63</td><td>mV</td><td>shift V_T of the rate functions</td></tr>
 *   <tr><td>thresholdMv</td><td>-20</td><td>mV</td><td>spike detection: upward crossing of this potential</td></tr>
 *   <tr><td>refractoryMs</td><td>3</td><td>ms</td><td>no second spike counted within this time</td></tr>
 * </table>
 * State: V (mV), m, h, n (1), starting at the lowest potential where the currents balance with
 * every gate at its steady state (near −33 mV for the defaults: with V_T = −63 mV the sodium
 * window current outweighs the leak at E_L, so the cell is not quiet alone; COBAHH starts its
 * neurons near −65 mV with closed gates, as Brian2's example does). Derived: I_Na, I_K, I_L (nA,
 * outward positive).
 *
 * <p>Numerics: the six rate functions come from one exponential and one square root — with
 * b = e^(u/180), b⁹ = e^(u/20), b¹⁰ = e^(u/18) and their powers give every exponential above to a
 * few ulp — and the removable singularities of α_m, β_m and α_n are taken through their series.
 *
 * <p>References: R. D. Traub and R. Miles (1991), <i>Neuronal Networks of the Hippocampus</i>,
 * Cambridge University Press; R. Brette et al. (2007), J. Comput. Neurosci. 23:349–398 (benchmark 3).
 */
public record HodgkinHuxleyTraub(double areaUm2, double capacitance, double gNa, double gK, double gL, double eNa,
        double eK, double eL, double vT, double thresholdMv, double refractoryMs) implements NeuronModel {

    private static final String[] STATE = {"V", "m", "h", "n"};
    private static final String[] UNITS = {"mV", "1", "1", "1"};
    private static final String[] DERIVED = {"I_Na", "I_K", "I_L"};
    private static final String[] DERIVED_UNITS = {"nA", "nA", "nA"};

    /** Validates every parameter. */
    public HodgkinHuxleyTraub {
        Check.positive("areaUm2", areaUm2, "µm²", "20000 µm²");
        Check.positive("capacitance", capacitance, "µF/cm²", "1 µF/cm²");
        Check.nonNegative("gNa", gNa, "mS/cm²", "100 mS/cm²");
        Check.nonNegative("gK", gK, "mS/cm²", "30 mS/cm²");
        Check.nonNegative("gL", gL, "mS/cm²", "0.05 mS/cm²");
        Check.finite("eNa", eNa, "mV", "50 mV");
        Check.finite("eK", eK, "mV", "−90 mV");
        Check.finite("eL", eL, "mV", "−60 mV");
        Check.finite("vT", vT, "mV", "−63 mV");
        Check.finite("thresholdMv", thresholdMv, "mV", "−20 mV");
        Check.nonNegativeTime("refractoryMs", refractoryMs);
    }

    /** The COBAHH cell of Brette et al. (2007), the defaults of the table above. */
    public static HodgkinHuxleyTraub defaults() {
        return new HodgkinHuxleyTraub(20000, 1, 100, 30, 0.05, 50, -90, -60, -63, -20, 3);
    }

    /** A copy with membrane area (µm²). */
    public HodgkinHuxleyTraub withAreaUm2(double value) {
        return new HodgkinHuxleyTraub(value, capacitance, gNa, gK, gL, eNa, eK, eL, vT, thresholdMv, refractoryMs);
    }

    /** A copy with maximal sodium and potassium conductance densities {@code gNa}, {@code gK} in mS/cm². */
    public HodgkinHuxleyTraub withChannels(double gNa, double gK) {
        return new HodgkinHuxleyTraub(areaUm2, capacitance, gNa, gK, gL, eNa, eK, eL, vT, thresholdMv, refractoryMs);
    }

    /** A copy with leak conductance density {@code gL} (mS/cm²) and leak reversal potential {@code eL} (mV). */
    public HodgkinHuxleyTraub withLeak(double gL, double eL) {
        return new HodgkinHuxleyTraub(areaUm2, capacitance, gNa, gK, gL, eNa, eK, eL, vT, thresholdMv, refractoryMs);
    }

    /** A copy with the rate-function shift V_T (mV). */
    public HodgkinHuxleyTraub withVT(double mv) {
        return new HodgkinHuxleyTraub(areaUm2, capacitance, gNa, gK, gL, eNa, eK, eL, mv, thresholdMv, refractoryMs);
    }

    /** Membrane capacitance in nF (specific capacitance × area). */
    public double capacitanceNf() {
        return capacitance * areaUm2 * 1e-5;
    }

    /** A conductance density (mS/cm²) over this membrane, in µS. */
    private double us(double msPerCm2) {
        return msPerCm2 * areaUm2 * 1e-5;
    }

    @Override
    public String name() {
        return "Hodgkin–Huxley (Traub–Miles)";
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

    /** 1/C (mV/ms per nA). */
    @Override
    public double inputGain() {
        return 1.0 / capacitanceNf();
    }

    /** The gates m, h, n must lie in [0, 1]. */
    @Override
    public void checkState(double[] state) {
        Check.fractions(name(), STATE, state, 1, 2, 3);
    }

    /** The lowest potential where the membrane currents balance with every gate at its steady state, and those gates. */
    @Override
    public double[] restingState() {
        double[] y = new double[4];
        double[] a = new double[4];
        double[] b = new double[4];
        double lo = -120;
        double hi = lo;
        while (hi < 40 && restingCurrent(hi + 0.5, y, a, b) > 0) {
            hi += 0.5;
        }
        lo = hi;
        hi = hi + 0.5;
        for (int k = 0; k < 100; k++) {
            double v = 0.5 * (lo + hi);
            if (restingCurrent(v, y, a, b) > 0) {
                lo = v;
            } else {
                hi = v;
            }
        }
        restingCurrent(0.5 * (lo + hi), y, a, b);
        return y;
    }

    /** The inward current (nA) at {@code v} with the gates at their steady states there, which it writes into {@code y}. */
    private double restingCurrent(double v, double[] y, double[] a, double[] b) {
        y[0] = v;
        gates(v - vT, y, a, b);
        for (int i = 1; i < 4; i++) {
            y[i] = -a[i] / b[i];
        }
        double m = y[1], h = y[2], n = y[3];
        return -us(gL) * (v - eL) - us(gNa) * m * m * m * h * (v - eNa) - us(gK) * n * n * n * n * (v - eK);
    }

    @Override
    public void derivatives(double t, double[] y, double input, double[] dydt) {
        double v = y[0], m = y[1], h = y[2], n = y[3];
        double gNaNow = us(gNa) * m * m * m * h;
        double n2 = n * n;
        double gKNow = us(gK) * n2 * n2;
        dydt[0] = (input - gNaNow * (v - eNa) - gKNow * (v - eK) - us(gL) * (v - eL)) / capacitanceNf();
        gates(v - vT, y, dydt, null);
    }

    @Override
    public void linearParts(double t, double[] y, double input, double[] a, double[] b) {
        double m = y[1], h = y[2], n = y[3];
        double gNaNow = us(gNa) * m * m * m * h;
        double n2 = n * n;
        double gKNow = us(gK) * n2 * n2;
        double cm = capacitanceNf();
        double gL = us(this.gL);
        a[0] = (input + gNaNow * eNa + gKNow * eK + gL * eL) / cm;
        b[0] = -(gNaNow + gKNow + gL) / cm;
        gates(y[0] - vT, y, a, b);
    }

    private static final double E_3_25 = Math.exp(3.25);
    private static final double E_M8 = Math.exp(-8);
    private static final double E_8 = Math.exp(8);
    private static final double E_3 = Math.exp(3);
    private static final double E_17_18 = Math.exp(17.0 / 18);
    private static final double E_0_25 = Math.exp(0.25);

    /**
     * The gates' equations at u = V − V_T, the six rates from one exponential: with {@code b} null,
     * dx/dt into {@code a[1..3]}; otherwise the linear parts α and −(α + β) into {@code a}, {@code b}.
     */
    private static void gates(double u, double[] y, double[] a, double[] b) {
        // e = e^(u/180), w = e⁹ = e^(u/20), e¹⁰ = e^(u/18), w⁴ = e^(u/5), w⁵ = e^(u/4), 1/√w = e^(−u/40)
        final double e = Math.exp(u * (1.0 / 180));
        final double e2 = e * e;
        final double e8 = (e2 * e2) * (e2 * e2);
        final double w = e8 * e;
        final double iw = 1 / w;
        final double w2 = w * w;
        final double w4 = w2 * w2;
        final double iw2 = iw * iw;
        final double iw4 = iw2 * iw2;
        final double ie10 = iw / e;
        final double am = 1.28 * xOverExpm1((13 - u) * 0.25, E_3_25 * iw4 * iw);
        final double bm = 1.4 * xOverExpm1((u - 40) * 0.2, E_M8 * w4);
        final double ah = 0.128 * E_17_18 * ie10;
        final double bh = 4 / (1 + E_8 * iw4);
        final double an = 0.16 * xOverExpm1((15 - u) * 0.2, E_3 * iw4);
        final double bn = 0.5 * E_0_25 * Math.sqrt(iw);
        if (b == null) {
            a[1] = am - (am + bm) * y[1];
            a[2] = ah - (ah + bh) * y[2];
            a[3] = an - (an + bn) * y[3];
        } else {
            a[1] = am;
            b[1] = -(am + bm);
            a[2] = ah;
            b[2] = -(ah + bh);
            a[3] = an;
            b[3] = -(an + bn);
        }
    }

    /** x / (e^x − 1) given e^x, through the removable singularity at x = 0 by its series. */
    static double xOverExpm1(double x, double ex) {
        if (Math.abs(x) < 1e-5) {
            return 1 - x * (0.5 - x * (1.0 / 12));
        }
        return x / (ex - 1);
    }

    /** The six rates (1/ms) at u = V − V_T written straight from the formulas of the class comment: αm, βm, αh, βh, αn, βn. */
    public static double[] ratesFromFormulas(double u) {
        return new double[] {
            0.32 * 4 * xOverExpm1((13 - u) / 4, Math.exp((13 - u) / 4)),
            0.28 * 5 * xOverExpm1((u - 40) / 5, Math.exp((u - 40) / 5)),
            0.128 * Math.exp((17 - u) / 18),
            4 / (1 + Math.exp((40 - u) / 5)),
            0.032 * 5 * xOverExpm1((15 - u) / 5, Math.exp((15 - u) / 5)),
            0.5 * Math.exp((10 - u) / 40)
        };
    }

    /** The six rates (1/ms) at u = V − V_T as the model computes them (one exponential): αm, βm, αh, βh, αn, βn. */
    public static double[] rates(double u) {
        double[] a = new double[4];
        double[] b = new double[4];
        gates(u, new double[4], a, b);
        return new double[] {a[1], -b[1] - a[1], a[2], -b[2] - a[2], a[3], -b[3] - a[3]};
    }

    @Override
    public SpikeRule spikeRule() {
        return SpikeRule.crossing(thresholdMv, refractoryMs);
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
        out[0] = us(gNa) * m * m * m * h * (v - eNa);
        out[1] = us(gK) * n * n * n * n * (v - eK);
        out[2] = us(gL) * (v - eL);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: area %.5g µm², C = %.4g nF, gNa = %.4g µS, gK = %.4g µS, gL = %.4g µS, "
                        + "ENa = %.4g, EK = %.4g, EL = %.4g, VT = %.4g mV", name(), areaUm2, capacitanceNf(), us(gNa), us(gK),
                us(gL), eNa, eK, eL, vT);
    }
}
