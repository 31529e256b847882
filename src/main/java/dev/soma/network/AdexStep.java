package dev.soma.network;

import dev.soma.model.AdaptiveExponentialIntegrateAndFire;
import dev.soma.sim.Integrators;
import dev.soma.sim.Method;
import dev.soma.synapse.SynapseKind;
import java.util.Arrays;

/**
 * The hand-tuned step of a population of one {@link AdaptiveExponentialIntegrateAndFire} model
 * whose receptors are at most two exponential ones, conductance-based without a magnesium block or
 * current-based (jumps may end on any variable too), integrated by forward {@link Method#EULER}
 * without noise: the adex-net workload (Soma's Brian2 comparison).
 *
 * <p>It computes exactly what the general step computes — the receptors' currents g·(E − V) or I
 * added to the input in the same order, the model's derivatives term for term (gL·ΔT·e^{(min(V, V_peak)
 * − V_T)/ΔT}, the divisions by C and τ_w kept as divisions), the receptors' −x/τ, then
 * {@link Integrators#euler}'s x + h·dx/dt, V held while refractory — so the two give the same state and
 * the same spikes bit for bit (tested). It only arranges the work differently: one pass over the
 * population's arrays with every term inlined, no gathering into a scratch state, and no
 * exponential for a neuron whose V is held.
 */
final class AdexStep extends PopulationStep {
    private final double[] v;
    private final double[] w;
    private final double[] r1;
    private final double[] r2;
    private final int[] until;
    private final int receptors;
    /** Whether receptor 1, 2 is a conductance (else a current). */
    private final boolean conductance1;
    private final boolean conductance2;
    private final double reversal1;
    private final double reversal2;
    /** Each receptor's decay time constant τ (ms): dx/dt = −x/τ. */
    private final double tau1;
    private final double tau2;
    private final double negativeLeak;
    private final double leakSlope;
    private final double rest;
    private final double vT;
    private final double slope;
    private final double peak;
    private final double cm;
    private final double adaptation;
    private final double tauW;
    private final double reset;
    private final double spikeAdaptation;
    private final double dt;
    private final double threshold;
    private final int refractorySteps;
    private final String population;
    private final String[] names;

    /** Whether a population can use this step. */
    static boolean applies(Layout layout, Method method, boolean noise) {
        if (layout.heterogeneous() || layout.model.getClass() != AdaptiveExponentialIntegrateAndFire.class
                || method != Method.EULER || noise || layout.receptors.length > 2 || layout.modelSize != 2
                || layout.vi != 0 || !layout.resets) {
            return false;
        }
        return plainDecayReceptors(layout, 2, AdexStep::tauOf);
    }

    /**
     * The receptor's τ if its one variable decays as dx/dt = −x/τ, as its own derivatives give it
     * (probed at two values), or NaN.
     */
    private static double tauOf(SynapseKind kind) {
        if (kind.kernel() == null) {
            return Double.NaN;
        }
        double tau = kind.kernel().decayMs();
        double[] dydt = {Double.NaN};
        for (double x : new double[] {1.0, -0.3712}) {
            kind.derivatives(new double[] {x}, 0, dydt);
            if (Double.doubleToLongBits(dydt[0]) != Double.doubleToLongBits(-x / tau)) {
                return Double.NaN;
            }
        }
        return tau;
    }

    AdexStep(Layout layout, double[][] x, int[] until, double dtMs, String population) {
        AdaptiveExponentialIntegrateAndFire adex = (AdaptiveExponentialIntegrateAndFire) layout.model;
        this.v = x[0];
        this.w = x[1];
        this.receptors = layout.receptors.length;
        this.r1 = receptors > 0 ? x[2] : null;
        this.r2 = receptors > 1 ? x[3] : null;
        this.conductance1 = receptors > 0 && layout.receptors[0].coupling() == SynapseKind.Coupling.CONDUCTANCE;
        this.conductance2 = receptors > 1 && layout.receptors[1].coupling() == SynapseKind.Coupling.CONDUCTANCE;
        this.reversal1 = receptors > 0 ? layout.reversal[0] : 0;
        this.reversal2 = receptors > 1 ? layout.reversal[1] : 0;
        this.tau1 = receptors > 0 ? tauOf(layout.receptors[0]) : 1;
        this.tau2 = receptors > 1 ? tauOf(layout.receptors[1]) : 1;
        // the model's own arithmetic: (−gL)·(V − E_L) and (gL·ΔT)·e^(…)
        this.negativeLeak = -adex.leakConductanceUs();
        this.leakSlope = adex.leakConductanceUs() * adex.slopeMv();
        this.rest = adex.restMv();
        this.vT = adex.thresholdMv();
        this.slope = adex.slopeMv();
        this.peak = adex.peakMv();
        this.cm = adex.capacitanceNf();
        this.adaptation = adex.adaptationUs();
        this.tauW = adex.adaptationTauMs();
        this.reset = adex.resetMv();
        this.spikeAdaptation = adex.spikeAdaptationNa();
        this.dt = dtMs;
        this.threshold = layout.threshold[0];
        this.refractorySteps = layout.refractorySteps[0];
        this.until = until;
        this.population = population;
        this.names = layout.names;
    }

    @Override
    int step(long k, double t, double injected, int from, int to, int[] spikes, int count) {
        final double[] v = this.v, w = this.w, r1 = this.r1, r2 = this.r2;
        final int[] until = this.until;
        final int receptors = this.receptors;
        final boolean conductance1 = this.conductance1, conductance2 = this.conductance2;
        final double reversal1 = this.reversal1, reversal2 = this.reversal2, tau1 = this.tau1, tau2 = this.tau2;
        final double negativeLeak = this.negativeLeak, leakSlope = this.leakSlope, rest = this.rest, vT = this.vT;
        final double slope = this.slope, peak = this.peak, cm = this.cm, adaptation = this.adaptation, tauW = this.tauW;
        final double reset = this.reset, spikeAdaptation = this.spikeAdaptation, dt = this.dt, threshold = this.threshold;
        final int end = (int) (k + refractorySteps);
        for (int j = from; j < to; j++) {
            final double vj = v[j];
            final double wj = w[j];
            // the receptors' currents as the general step adds them: g·(E − V) or I
            double input = injected;
            double x1 = 0;
            double x2 = 0;
            if (receptors > 0) {
                x1 = r1[j];
                input += conductance1 ? x1 * (reversal1 - vj) : x1;
                if (receptors > 1) {
                    x2 = r2[j];
                    input += conductance2 ? x2 * (reversal2 - vj) : x2;
                }
            }
            final boolean refractoryNow = k < until[j];
            double dv = 0.0;
            if (!refractoryNow) {
                final double spike = leakSlope * Math.exp((Math.min(vj, peak) - vT) / slope);
                dv = (negativeLeak * (vj - rest) + spike - wj + input) / cm;
            }
            final double dw = (adaptation * (vj - rest) - wj) / tauW;
            double vNew = vj + dt * dv;
            double wNew = wj + dt * dw;
            final double x1New = x1 + dt * (-x1 / tau1);
            final double x2New = x2 + dt * (-x2 / tau2);
            final double sum = vNew + wNew + x1New + x2New;
            if (sum - sum != 0) {
                checkFinite(names, population, j, k, dt, Method.EULER, Arrays.copyOf(new double[] {vNew, wNew, x1New, x2New}, 2 + receptors));
            }
            if (!refractoryNow && vNew >= threshold) {
                vNew = reset;
                wNew += spikeAdaptation;
                until[j] = end;
                spikes[count++] = j;
            }
            v[j] = vNew;
            w[j] = wNew;
            if (receptors > 0) {
                r1[j] = x1New;
                if (receptors > 1) {
                    r2[j] = x2New;
                }
            }
        }
        return count;
    }

    @Override
    String describe() {
        return "hand-tuned AdEx (euler)";
    }
}
