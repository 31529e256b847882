package dev.soma.network;

import dev.soma.model.HodgkinHuxleyTraub;
import dev.soma.sim.Integrators;
import dev.soma.sim.Method;
import dev.soma.synapse.SynapseKind;
import java.util.Arrays;

/**
 * The hand-tuned step of a population of one {@link HodgkinHuxleyTraub} model whose receptors are
 * at most two exponential ones, conductance-based without a magnesium block or current-based
 * (jumps may end on any variable too), integrated by {@link Method#EXPONENTIAL_EULER}: the COBAHH
 * network of Brette et al. (2007).
 *
 * <p>It computes exactly what the general step computes — the model's linear parts a, b with the
 * receptors' input and conductance added in the same order, the factor (e^{bh} − 1)/b from
 * {@link Integrators#expm1}, x + (a + b x)·factor — so the two give the same state and the same
 * spikes bit for bit (tested). It only arranges the work differently: one pass over the
 * population's arrays with every term inlined, no gathering into a scratch state, the receptors'
 * factors computed once. The six rate functions come from one exponential and one square root, as
 * in the model.
 */
final class HhTraubStep extends PopulationStep {
    private static final double E_3_25 = Math.exp(3.25);
    private static final double E_M8 = Math.exp(-8);
    private static final double E_8 = Math.exp(8);
    private static final double E_3 = Math.exp(3);
    private static final double E_17_18 = Math.exp(17.0 / 18);
    private static final double E_0_25 = Math.exp(0.25);

    private final double[] v;
    private final double[] m;
    private final double[] h;
    private final double[] n;
    private final double[] r1;
    private final double[] r2;
    private final int[] until;
    private final int receptors;
    /** Whether receptor 1, 2 is a conductance (else a current). */
    private final boolean conductance1;
    private final boolean conductance2;
    private final double reversal1;
    private final double reversal2;
    /** Each receptor's b = −1/τ and factor (e^{b dt} − 1)/b. */
    private final double decay1;
    private final double decay2;
    private final double factor1;
    private final double factor2;
    private final double gNa;
    private final double gK;
    private final double gL;
    private final double cm;
    private final double eNa;
    private final double eK;
    private final double eL;
    private final double vT;
    private final double gain;
    private final double dt;
    private final double threshold;
    private final int refractorySteps;
    private final String population;
    private final String[] names;

    /** Whether a population can use this step. */
    static boolean applies(Layout layout, Method method, boolean noise) {
        if (layout.heterogeneous() || layout.model.getClass() != HodgkinHuxleyTraub.class
                || method != Method.EXPONENTIAL_EULER || noise || layout.receptors.length > 2 || layout.modelSize != 4
                || layout.vi != 0 || layout.resets) {
            return false;
        }
        // one variable: the exponential kernel, whose linear part is a = 0, b = −1/τ
        return plainDecayReceptors(layout, 4, HhTraubStep::decayOf);
    }

    /** The receptor's b = −1/τ as its own linear parts give it, or NaN if a is not 0 (then it is no plain decay). */
    private static double decayOf(SynapseKind kind) {
        double[] a = {Double.NaN};
        double[] b = {Double.NaN};
        double[] probe = {1.0};
        kind.linearParts(probe, 0, a, b);
        return a[0] == 0.0 ? b[0] : Double.NaN;
    }

    HhTraubStep(Layout layout, double[][] x, int[] until, double dtMs, String population) {
        HodgkinHuxleyTraub hh = (HodgkinHuxleyTraub) layout.model;
        this.v = x[0];
        this.m = x[1];
        this.h = x[2];
        this.n = x[3];
        this.receptors = layout.receptors.length;
        this.r1 = receptors > 0 ? x[4] : null;
        this.r2 = receptors > 1 ? x[5] : null;
        this.conductance1 = receptors > 0 && layout.receptors[0].coupling() == SynapseKind.Coupling.CONDUCTANCE;
        this.conductance2 = receptors > 1 && layout.receptors[1].coupling() == SynapseKind.Coupling.CONDUCTANCE;
        this.reversal1 = receptors > 0 ? layout.reversal[0] : 0;
        this.reversal2 = receptors > 1 ? layout.reversal[1] : 0;
        this.decay1 = receptors > 0 ? decayOf(layout.receptors[0]) : -1;
        this.decay2 = receptors > 1 ? decayOf(layout.receptors[1]) : -1;
        this.factor1 = Integrators.expm1(decay1 * dtMs) / decay1;
        this.factor2 = Integrators.expm1(decay2 * dtMs) / decay2;
        // the model's own arithmetic: a density times the area, (x·A)·10⁻⁵
        this.gNa = hh.gNa() * hh.areaUm2() * 1e-5;
        this.gK = hh.gK() * hh.areaUm2() * 1e-5;
        this.gL = hh.gL() * hh.areaUm2() * 1e-5;
        this.cm = hh.capacitanceNf();
        this.eNa = hh.eNa();
        this.eK = hh.eK();
        this.eL = hh.eL();
        this.vT = hh.vT();
        this.gain = layout.gain[0];
        this.dt = dtMs;
        this.threshold = layout.threshold[0];
        this.refractorySteps = layout.refractorySteps[0];
        this.until = until;
        this.population = population;
        this.names = layout.names;
    }

    @Override
    int step(long k, double t, double injected, int from, int to, int[] spikes, int count) {
        final double[] v = this.v, m = this.m, h = this.h, n = this.n, r1 = this.r1, r2 = this.r2;
        final int[] until = this.until;
        final int receptors = this.receptors;
        final boolean conductance1 = this.conductance1, conductance2 = this.conductance2;
        final double reversal1 = this.reversal1, reversal2 = this.reversal2;
        final double decay1 = this.decay1, decay2 = this.decay2, factor1 = this.factor1, factor2 = this.factor2;
        final double gNa = this.gNa, gK = this.gK, gL = this.gL, cm = this.cm, eNa = this.eNa, eK = this.eK, eL = this.eL;
        final double vT = this.vT, gain = this.gain, dt = this.dt, threshold = this.threshold;
        final int end = (int) (k + refractorySteps);
        for (int j = from; j < to; j++) {
            final double vj = v[j];
            // the receptors as the general step adds them: input += g·E, g += g (conductance), input += I (current)
            double input = injected;
            double g = 0;
            double x1 = 0;
            double x2 = 0;
            if (receptors > 0) {
                x1 = r1[j];
                if (conductance1) {
                    input += x1 * reversal1;
                    g += x1;
                } else {
                    input += x1;
                }
                if (receptors > 1) {
                    x2 = r2[j];
                    if (conductance2) {
                        input += x2 * reversal2;
                        g += x2;
                    } else {
                        input += x2;
                    }
                }
            }
            final double mj = m[j], hj = h[j], nj = n[j];
            final double gNaNow = gNa * mj * mj * mj * hj;
            final double n2 = nj * nj;
            final double gKNow = gK * n2 * n2;
            final double a0 = (input + gNaNow * eNa + gKNow * eK + gL * eL) / cm;
            double b0 = -(gNaNow + gKNow + gL) / cm;
            b0 -= gain * g;

            // HodgkinHuxleyTraub's gates: e = e^(u/180), w = e⁹ = e^(u/20), e¹⁰ = e^(u/18), w⁴ = e^(u/5), w⁵ = e^(u/4), 1/√w = e^(−u/40)
            final double u = vj - vT;
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

            final double vNew = advance(vj, a0, b0, dt);
            final double mNew = advance(mj, am, -(am + bm), dt);
            final double hNew = advance(hj, ah, -(ah + bh), dt);
            final double nNew = advance(nj, an, -(an + bn), dt);
            final double x1New = x1 + (0.0 + decay1 * x1) * factor1;
            final double x2New = x2 + (0.0 + decay2 * x2) * factor2;
            final double sum = vNew + mNew + hNew + nNew + x1New + x2New;
            if (sum - sum != 0) {
                checkFinite(names, population, j, k, dt, Method.EXPONENTIAL_EULER,
                        Arrays.copyOf(new double[] {vNew, mNew, hNew, nNew, x1New, x2New}, 4 + receptors));
            }
            if (vNew >= threshold && vj < threshold && !(k < until[j])) {
                until[j] = end;
                spikes[count++] = j;
            }
            v[j] = vNew;
            m[j] = mNew;
            h[j] = hNew;
            n[j] = nNew;
            if (receptors > 0) {
                r1[j] = x1New;
                if (receptors > 1) {
                    r2[j] = x2New;
                }
            }
        }
        return count;
    }

    /** Integrators.exponentialStep for one variable: x + (a + b x)(e^{bh} − 1)/b, or x + h a where b = 0. */
    private static double advance(double x, double a, double b, double h) {
        if (b == 0.0) {
            return x + h * a;
        }
        return x + (a + b * x) * (Integrators.expm1(b * h) / b);
    }

    /** x / (e^x − 1) given e^x, through the removable singularity at x = 0 by its series (as the model). */
    private static double xOverExpm1(double x, double ex) {
        if (Math.abs(x) < 1e-5) {
            return 1 - x * (0.5 - x * (1.0 / 12));
        }
        return x / (ex - 1);
    }

    @Override
    String describe() {
        return "hand-tuned HH Traub (exponential-euler)";
    }
}
