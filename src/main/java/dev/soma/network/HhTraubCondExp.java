package dev.soma.network;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Hodgkin–Huxley neurons with the Traub–Miles sodium and delayed-rectifier potassium channels and
 * exponentially decaying synaptic conductances (NEST's {@code hh_cond_exp_traub}; the COBAHH
 * network of Brette et al. 2007), integrated by exponential Euler as in Brian2.
 *
 * <pre>
 *   Cm dv/dt = gl (El − v) + ge (Ee − v) + gi (Ei − v) − gNa m³h (v − ENa) − gKd n⁴ (v − EK)
 *   dx/dt    = αx (1 − x) − βx x,   x ∈ {m, h, n}
 *   dge/dt   = −ge/τe,  dgi/dt = −gi/τi
 *   with u = v − VT (mV), rates in 1/ms:
 *   αm = 0.32 (13 − u)/(e^((13 − u)/4) − 1)   βm = 0.28 (u − 40)/(e^((u − 40)/5) − 1)
 *   αh = 0.128 e^((17 − u)/18)                 βh = 4/(1 + e^((40 − u)/5))
 *   αn = 0.032 (15 − u)/(e^((15 − u)/5) − 1)   βn = 0.5 e^((10 − u)/40)
 *   spike: v crosses −20 mV upward and is not refractory (3 ms); no reset
 * </pre>
 * Each step treats every equation as linear in its own variable with the others frozen at the
 * start of the step, and solves that exactly (exponential Euler): x ← x∞ + (x − x∞) e^(−dt/τx).
 * The six rate exponentials share one {@code Math.exp} call (of u/180, whose powers give the
 * others to a few ulp) and a square root, so a neuron costs five exponentials a step; the
 * removable singularities of αm, βm and αn are handled.
 *
 * <p>Densities are converted with the membrane area: conductances in µS = mS/cm² × area (cm²) ×
 * 1000, capacitance in nF = µF/cm² × area (cm²) × 1000; for 20000 µm² (2·10⁻⁴ cm²): Cm = 0.2 nF,
 * gl = 0.01 µS, gNa = 20 µS, gKd = 6 µS. Synaptic conductances {@code ge}, {@code gi} are in µS
 * (COBAHH: we = 6 nS = 0.006 µS, wi = 67 nS = 0.067 µS).
 *
 * <table>
 *   <caption>Parameters (defaults: COBAHH)</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>areaUm2</td><td>20000</td><td>µm²</td><td>membrane area</td></tr>
 *   <tr><td>cmUfPerCm2</td><td>1</td><td>µF/cm²</td><td>specific capacitance Cm</td></tr>
 *   <tr><td>glMsPerCm2</td><td>0.05</td><td>mS/cm²</td><td>leak conductance density gl</td></tr>
 *   <tr><td>gNaMsPerCm2</td><td>100</td><td>mS/cm²</td><td>sodium conductance density gNa</td></tr>
 *   <tr><td>gKdMsPerCm2</td><td>30</td><td>mS/cm²</td><td>potassium conductance density gKd</td></tr>
 *   <tr><td>elMv</td><td>−60</td><td>mV</td><td>leak reversal potential El</td></tr>
 *   <tr><td>ekMv</td><td>−90</td><td>mV</td><td>potassium reversal potential EK</td></tr>
 *   <tr><td>enaMv</td><td>50</td><td>mV</td><td>sodium reversal potential ENa</td></tr>
 *   <tr><td>vtMv</td><td>−63</td><td>mV</td><td>shift VT of the rate functions</td></tr>
 *   <tr><td>eeMv</td><td>0</td><td>mV</td><td>excitatory synaptic reversal potential Ee</td></tr>
 *   <tr><td>eiMv</td><td>−80</td><td>mV</td><td>inhibitory synaptic reversal potential Ei</td></tr>
 *   <tr><td>tauEMs</td><td>5</td><td>ms</td><td>excitatory synaptic decay τe</td></tr>
 *   <tr><td>tauIMs</td><td>10</td><td>ms</td><td>inhibitory synaptic decay τi</td></tr>
 *   <tr><td>thresholdMv</td><td>−20</td><td>mV</td><td>spike detection: upward crossing of this potential</td></tr>
 *   <tr><td>refractoryMs</td><td>3</td><td>ms</td><td>no second spike detected within this time</td></tr>
 *   <tr><td>start</td><td>v = El − 5 + 5 N(0,1) mV; ge = 40 + 15 N(0,1) nS; gi = 200 + 120 N(0,1) nS; m = h = n = 0</td>
 *       <td></td><td>as Brian2's COBAHH example</td></tr>
 * </table>
 * References: Traub RD, Miles R (1991) Neuronal Networks of the Hippocampus; Brette R et al.
 * (2007) J Comput Neurosci 23:349–398 (benchmark 3, COBAHH).
 */
public final class HhTraubCondExp extends PopulationModel {
    static final int V = 0;
    static final int M = 1;
    static final int H = 2;
    static final int N = 3;
    static final int GE = 4;
    static final int GI = 5;

    private final double areaUm2;
    private final double cmUfPerCm2;
    private final double glMsPerCm2;
    private final double gNaMsPerCm2;
    private final double gKdMsPerCm2;
    private final double elMv;
    private final double ekMv;
    private final double enaMv;
    private final double vtMv;
    private final double eeMv;
    private final double eiMv;
    private final double tauEMs;
    private final double tauIMs;
    private final double thresholdMv;
    private final double refractoryMs;

    private HhTraubCondExp(double areaUm2, double cmUfPerCm2, double glMsPerCm2, double gNaMsPerCm2,
                           double gKdMsPerCm2, double elMv, double ekMv, double enaMv, double vtMv,
                           double eeMv, double eiMv, double tauEMs, double tauIMs, double thresholdMv,
                           double refractoryMs) {
        requirePositive("areaUm2", areaUm2, "give the membrane area in µm², e.g. 20000");
        requirePositive("cmUfPerCm2", cmUfPerCm2, "give the specific capacitance in µF/cm², e.g. 1");
        requireNonNegative("glMsPerCm2", glMsPerCm2, "give the leak conductance density in mS/cm²");
        requireNonNegative("gNaMsPerCm2", gNaMsPerCm2, "give the sodium conductance density in mS/cm²");
        requireNonNegative("gKdMsPerCm2", gKdMsPerCm2, "give the potassium conductance density in mS/cm²");
        requireFinite("elMv", elMv, "give the leak reversal potential in mV");
        requireFinite("ekMv", ekMv, "give the potassium reversal potential in mV");
        requireFinite("enaMv", enaMv, "give the sodium reversal potential in mV");
        requireFinite("vtMv", vtMv, "give the rate-function shift VT in mV");
        requireFinite("eeMv", eeMv, "give the excitatory reversal potential in mV");
        requireFinite("eiMv", eiMv, "give the inhibitory reversal potential in mV");
        requirePositive("tauEMs", tauEMs, "give the excitatory synaptic time constant in ms");
        requirePositive("tauIMs", tauIMs, "give the inhibitory synaptic time constant in ms");
        requireFinite("thresholdMv", thresholdMv, "give the spike-detection threshold in mV");
        requireNonNegative("refractoryMs", refractoryMs, "give the refractory period in ms");
        this.areaUm2 = areaUm2;
        this.cmUfPerCm2 = cmUfPerCm2;
        this.glMsPerCm2 = glMsPerCm2;
        this.gNaMsPerCm2 = gNaMsPerCm2;
        this.gKdMsPerCm2 = gKdMsPerCm2;
        this.elMv = elMv;
        this.ekMv = ekMv;
        this.enaMv = enaMv;
        this.vtMv = vtMv;
        this.eeMv = eeMv;
        this.eiMv = eiMv;
        this.tauEMs = tauEMs;
        this.tauIMs = tauIMs;
        this.thresholdMv = thresholdMv;
        this.refractoryMs = refractoryMs;
    }

    /** The COBAHH neuron of Brette et al. (2007), parameters as in the table above. */
    public static HhTraubCondExp cobahh() {
        return new HhTraubCondExp(20000, 1, 0.05, 100, 30, -60, -90, 50, -63, 0, -80, 5, 10, -20, 3);
    }

    /** With the membrane area in µm². */
    public HhTraubCondExp withAreaUm2(double um2) {
        return new HhTraubCondExp(um2, cmUfPerCm2, glMsPerCm2, gNaMsPerCm2, gKdMsPerCm2, elMv, ekMv, enaMv,
                vtMv, eeMv, eiMv, tauEMs, tauIMs, thresholdMv, refractoryMs);
    }

    /** With the maximal sodium and potassium conductance densities in mS/cm². */
    public HhTraubCondExp withChannelDensities(double gNaMsPerCm2, double gKdMsPerCm2) {
        return new HhTraubCondExp(areaUm2, cmUfPerCm2, glMsPerCm2, gNaMsPerCm2, gKdMsPerCm2, elMv, ekMv, enaMv,
                vtMv, eeMv, eiMv, tauEMs, tauIMs, thresholdMv, refractoryMs);
    }

    /** With the leak conductance density in mS/cm² and its reversal potential in mV. */
    public HhTraubCondExp withLeak(double glMsPerCm2, double elMv) {
        return new HhTraubCondExp(areaUm2, cmUfPerCm2, glMsPerCm2, gNaMsPerCm2, gKdMsPerCm2, elMv, ekMv, enaMv,
                vtMv, eeMv, eiMv, tauEMs, tauIMs, thresholdMv, refractoryMs);
    }

    /** With the synaptic reversal potentials (excitatory, inhibitory) in mV. */
    public HhTraubCondExp withSynapticReversalsMv(double eeMv, double eiMv) {
        return new HhTraubCondExp(areaUm2, cmUfPerCm2, glMsPerCm2, gNaMsPerCm2, gKdMsPerCm2, elMv, ekMv, enaMv,
                vtMv, eeMv, eiMv, tauEMs, tauIMs, thresholdMv, refractoryMs);
    }

    /** With the synaptic decay time constants (excitatory, inhibitory) in ms. */
    public HhTraubCondExp withSynapticTausMs(double tauEMs, double tauIMs) {
        return new HhTraubCondExp(areaUm2, cmUfPerCm2, glMsPerCm2, gNaMsPerCm2, gKdMsPerCm2, elMv, ekMv, enaMv,
                vtMv, eeMv, eiMv, tauEMs, tauIMs, thresholdMv, refractoryMs);
    }

    /** Membrane area in µm². */
    public double areaUm2() { return areaUm2; }
    /** Specific membrane capacitance in µF/cm². */
    public double cmUfPerCm2() { return cmUfPerCm2; }
    /** Leak conductance density in mS/cm². */
    public double glMsPerCm2() { return glMsPerCm2; }
    /** Sodium conductance density in mS/cm². */
    public double gNaMsPerCm2() { return gNaMsPerCm2; }
    /** Potassium (delayed rectifier) conductance density in mS/cm². */
    public double gKdMsPerCm2() { return gKdMsPerCm2; }
    /** Leak reversal potential El in mV. */
    public double elMv() { return elMv; }
    /** Potassium reversal potential EK in mV. */
    public double ekMv() { return ekMv; }
    /** Sodium reversal potential ENa in mV. */
    public double enaMv() { return enaMv; }
    /** Shift VT of the rate functions in mV. */
    public double vtMv() { return vtMv; }
    /** Excitatory synaptic reversal potential Ee in mV. */
    public double eeMv() { return eeMv; }
    /** Inhibitory synaptic reversal potential Ei in mV. */
    public double eiMv() { return eiMv; }
    /** Excitatory synaptic decay τe in ms. */
    public double tauEMs() { return tauEMs; }
    /** Inhibitory synaptic decay τi in ms. */
    public double tauIMs() { return tauIMs; }
    /** Spike-detection threshold in mV. */
    public double thresholdMv() { return thresholdMv; }
    /** Refractory period of spike detection in ms. */
    public double refractoryMs() { return refractoryMs; }

    /** Membrane capacitance in nF (specific capacitance × area). */
    public double capacitanceNf() {
        return cmUfPerCm2 * areaUm2 * 1e-8 * 1e3;
    }

    /** Leak conductance in µS (density × area). */
    public double leakUs() {
        return densityToUs(glMsPerCm2);
    }

    /** Sodium conductance in µS (density × area). */
    public double sodiumUs() {
        return densityToUs(gNaMsPerCm2);
    }

    /** Potassium conductance in µS (density × area). */
    public double potassiumUs() {
        return densityToUs(gKdMsPerCm2);
    }

    private double densityToUs(double msPerCm2) {
        return msPerCm2 * areaUm2 * 1e-8 * 1e3;
    }

    @Override
    public String kind() {
        return "hh_traub_cond_exp";
    }

    @Override
    public List<String> variables() {
        return List.of("v", "m", "h", "n", "ge", "gi");
    }

    @Override
    public List<String> units() {
        return List.of("mV", "1", "1", "1", "µS", "µS");
    }

    @Override
    public List<String> inputVariables() {
        return List.of("ge", "gi");
    }

    @Override
    public boolean isConductance(String variable) {
        indexOf(variable);
        return variable.equals("ge") || variable.equals("gi");
    }

    @Override
    void initialize(double[][] x, SplittableRandom random) {
        int n = x[V].length;
        for (int j = 0; j < n; j++) {
            x[V][j] = elMv + (random.nextGaussian() * 5 - 5);
        }
        for (int j = 0; j < n; j++) {
            x[GE][j] = (random.nextGaussian() * 1.5 + 4) * 10e-3;
        }
        for (int j = 0; j < n; j++) {
            x[GI][j] = (random.nextGaussian() * 12 + 20) * 10e-3;
        }
    }

    @Override
    Kernel kernel(double[][] x, int[] refractory, double[][][] input, double dtMs) {
        return new CobaKernel(this, x, refractory, input, dtMs);
    }

    /** x / (e^x − 1) given e^x, with the removable singularity at x = 0. */
    static double xOverExpm1(double x, double ex) {
        if (Math.abs(x) < 1e-5) {
            return 1 - x * (0.5 - x * (1.0 / 12));
        }
        return x / (ex - 1);
    }

    /** The six rate functions at u = v − VT (1/ms), written straight from the formulas: the reference for the kernel. */
    static double[] rates(double u) {
        return new double[] {
            0.32 * 4 * xOverExpm1((13 - u) / 4, Math.exp((13 - u) / 4)),
            0.28 * 5 * xOverExpm1((u - 40) / 5, Math.exp((u - 40) / 5)),
            0.128 * Math.exp((17 - u) / 18),
            4 / (1 + Math.exp((40 - u) / 5)),
            0.032 * 5 * xOverExpm1((15 - u) / 5, Math.exp((15 - u) / 5)),
            0.5 * Math.exp((10 - u) / 40)
        };
    }

    private static final double E_3_25 = Math.exp(3.25);
    private static final double E_M8 = Math.exp(-8);
    private static final double E_8 = Math.exp(8);
    private static final double E_3 = Math.exp(3);
    private static final double E_17_18 = Math.exp(17.0 / 18);
    private static final double E_0_25 = Math.exp(0.25);

    private static final class CobaKernel extends Kernel {
        private final double[] v, m, h, n, ge, gi;
        private final int[] ref;
        private final double[][] inE, inI;
        private final double dt, dtOverCm, gl, glEl, gna, gkd, ena, ek, ee, ei, vt, de, di, threshold;
        private final int nref;

        CobaKernel(HhTraubCondExp p, double[][] x, int[] ref, double[][][] input, double dtMs) {
            v = x[V];
            m = x[M];
            h = x[H];
            n = x[N];
            ge = x[GE];
            gi = x[GI];
            this.ref = ref;
            inE = input[0];
            inI = input[1];
            dt = dtMs;
            dtOverCm = dtMs / p.capacitanceNf();
            gl = p.leakUs();
            glEl = gl * p.elMv;
            gna = p.sodiumUs();
            gkd = p.potassiumUs();
            ena = p.enaMv;
            ek = p.ekMv;
            ee = p.eeMv;
            ei = p.eiMv;
            vt = p.vtMv;
            de = Math.exp(-dtMs / p.tauEMs);
            di = Math.exp(-dtMs / p.tauIMs);
            threshold = p.thresholdMv;
            nref = refractorySteps(p.refractoryMs, dtMs);
        }

        @Override
        int step(int from, int to, int slot, int[] spikes, int count) {
            final double[] v = this.v, m = this.m, h = this.h, n = this.n, ge = this.ge, gi = this.gi;
            if (inE != null) {
                addAndClear(ge, inE[slot], from, to);
                addAndClear(gi, inI[slot], from, to);
            }
            final int[] ref = this.ref;
            final double dt = this.dt, dtOverCm = this.dtOverCm, gl = this.gl, glEl = this.glEl, gna = this.gna;
            final double gkd = this.gkd, ena = this.ena, ek = this.ek, ee = this.ee, ei = this.ei, vt = this.vt;
            final double de = this.de, di = this.di, threshold = this.threshold;
            for (int j = from; j < to; j++) {
                final double vj = v[j];
                final double e = ge[j];
                final double i = gi[j];
                final double u = vj - vt;
                // One exponential gives all six rates: b = e^(u/180), w = b⁹ = e^(u/20), b¹⁰ = e^(u/18),
                // w⁴ = e^(u/5), w⁵ = e^(u/4), 1/√w = e^(−u/40); one division gives the negative powers.
                final double b = Math.exp(u * (1.0 / 180));
                final double b2 = b * b;
                final double b8 = (b2 * b2) * (b2 * b2);
                final double w = b8 * b;
                final double iw = 1 / w;
                final double w2 = w * w;
                final double w4 = w2 * w2;
                final double iw2 = iw * iw;
                final double iw4 = iw2 * iw2;
                final double ib10 = iw / b;
                final double xm = (13 - u) * 0.25;
                final double am = 1.28 * xOverExpm1(xm, E_3_25 * iw4 * iw);
                final double ym = (u - 40) * 0.2;
                final double bm = 1.4 * xOverExpm1(ym, E_M8 * w4);
                final double ah = 0.128 * E_17_18 * ib10;
                final double bh = 4 / (1 + E_8 * iw4);
                final double xn = (15 - u) * 0.2;
                final double an = 0.16 * xOverExpm1(xn, E_3 * iw4);
                final double bn = 0.5 * E_0_25 * Math.sqrt(iw);

                final double mj = m[j], hj = h[j], nj = n[j];
                final double m3h = mj * mj * mj * hj;
                final double n2 = nj * nj;
                final double gNa = gna * m3h;
                final double gK = gkd * n2 * n2;
                final double g = gl + e + i + gNa + gK;
                final double vInf = (glEl + e * ee + i * ei + gNa * ena + gK * ek) / g;
                final double vNew = vInf + (vj - vInf) * Math.exp(-g * dtOverCm);

                final double sm = am + bm;
                final double mInf = am / sm;
                m[j] = mInf + (mj - mInf) * Math.exp(-sm * dt);
                final double sh = ah + bh;
                final double hInf = ah / sh;
                h[j] = hInf + (hj - hInf) * Math.exp(-sh * dt);
                final double sn = an + bn;
                final double nInf = an / sn;
                n[j] = nInf + (nj - nInf) * Math.exp(-sn * dt);
                ge[j] = e * de;
                gi[j] = i * di;
                v[j] = vNew;

                final int r = ref[j];
                if (r > 0) {
                    ref[j] = r - 1;
                } else if (vNew > threshold && vj <= threshold) {
                    ref[j] = nref;
                    spikes[count++] = j;
                }
            }
            return count;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "HH Traub–Miles with exponential conductances: area %.5g µm², Cm %.3g nF, gNa %.3g µS, gKd %.3g µS, gl %.3g µS",
                areaUm2, capacitanceNf(), sodiumUs(), potassiumUs(), leakUs());
    }
}
