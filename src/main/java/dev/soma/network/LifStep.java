package dev.soma.network;

import dev.soma.model.LeakyIntegrateAndFire;
import dev.soma.sim.Method;
import dev.soma.synapse.SynapseKind;

/**
 * The hand-tuned step of a population of one {@link LeakyIntegrateAndFire} model whose receptors
 * are at most two current-based exponential ones (jumps may end on V too), integrated by
 * {@link Method#EXACT}: the CUBA network of Brette et al. (2007) and Brunel's (2000) model A.
 *
 * <p>It computes exactly what the general step computes — the same propagator M, the same
 * derivatives f, y + M f summed in the same order — so the two give the same state bit for bit
 * (tested); it only arranges the work differently: one branch-free pass over blocks of neurons
 * that the JIT vectorises, then a threshold pass over the same block while it is still in L1.
 * A held (refractory) neuron's V is V_r throughout its hold, which the threshold pass restores.
 */
final class LifStep extends PopulationStep {
    private static final int BLOCK = 512;

    private final double[] v;
    private final double[] i1;
    private final double[] i2;
    private final int[] until;
    private final int receptors;
    private final double rest;
    private final double resistance;
    private final double tau;
    private final double threshold;
    private final double reset;
    private final int refractorySteps;
    /** The exact method's P = e^{hA} and Q = h φ₁(hA), row-major. */
    private final double[] p;
    private final double[] q;

    /** Whether a population can use this step. */
    static boolean applies(Layout layout, Method method, boolean noise) {
        if (layout.heterogeneous() || layout.model.getClass() != LeakyIntegrateAndFire.class || method != Method.EXACT
                || noise || layout.receptors.length > 2 || layout.modelSize != 1) {
            return false;
        }
        for (SynapseKind kind : layout.receptors) {
            // a current with one variable: the exponential kernel
            if (kind.coupling() != SynapseKind.Coupling.CURRENT || kind.stateSize() != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the propagator has the structure the step relies on to skip terms: every receptor
     * evolves on its own (its rows of P zero off the diagonal, of Q zero in V's column). It always
     * has for these equations; were it not so, the general step would run.
     */
    static boolean structureHolds(double[][] propagator, int n) {
        double[] p = propagator[0];
        double[] q = propagator[1];
        for (int r = 1; r < n; r++) {
            if (q[r * n] != 0.0) {
                return false;
            }
            for (int j = 0; j < n; j++) {
                if (j != r && p[r * n + j] != 0.0) {
                    return false;
                }
            }
        }
        return true;
    }

    LifStep(Layout layout, double[][] x, int[] until, double[][] propagator) {
        LeakyIntegrateAndFire lif = (LeakyIntegrateAndFire) layout.model;
        this.v = x[0];
        this.receptors = layout.receptors.length;
        this.i1 = receptors > 0 ? x[layout.receptorOffset[0]] : null;
        this.i2 = receptors > 1 ? x[layout.receptorOffset[1]] : null;
        this.until = until;
        this.rest = lif.restMv();
        this.resistance = lif.resistanceMOhm();
        this.tau = lif.tauMs();
        this.threshold = layout.threshold[0];
        this.reset = lif.resetMv();
        this.refractorySteps = layout.refractorySteps[0];
        this.p = propagator[0];
        this.q = propagator[1];
    }

    @Override
    int step(long k, double t, double injected, int from, int to, int[] spikes, int count) {
        // The constant part c = f(t, 0) as the general step computes it for every neuron: the model
        // at V = 0 with the receptors' currents (0) added to the injected current; the receptors'
        // own c is −0, and Q's terms with it, like P's and Q's structural zeros, add nothing.
        double input = injected;
        for (int r = 0; r < receptors; r++) {
            input += 0.0;
        }
        final double c0 = (rest - 0.0 + resistance * input) / tau;
        final double qc0 = q[0] * c0;
        for (int a = from; a < to; a += BLOCK) {
            int b = Math.min(to, a + BLOCK);
            switch (receptors) {
                case 0 -> propagate0(a, b, qc0);
                case 1 -> propagate1(a, b, qc0);
                default -> propagate2(a, b, qc0);
            }
            count = threshold(a, b, k, spikes, count);
        }
        return count;
    }

    // The general step's arithmetic, term for term (Integrators.exact): yᵢ' = (0 + Σⱼ Pᵢⱼ yⱼ) + Σⱼ Qᵢⱼ cⱼ.

    private void propagate0(int from, int to, double qc0) {
        final double[] v = this.v;
        final double p00 = p[0];
        for (int j = from; j < to; j++) {
            double s = 0.0;
            s += p00 * v[j];
            s += qc0;
            v[j] = s;
        }
    }

    private void propagate1(int from, int to, double qc0) {
        final double[] v = this.v, i1 = this.i1;
        final double p00 = p[0], p01 = p[1], p11 = p[3];
        for (int j = from; j < to; j++) {
            final double c1 = i1[j];
            double s0 = 0.0;
            s0 += p00 * v[j];
            s0 += p01 * c1;
            s0 += qc0;
            double s1 = 0.0;
            s1 += p11 * c1;
            v[j] = s0;
            i1[j] = s1;
        }
    }

    private void propagate2(int from, int to, double qc0) {
        final double[] v = this.v, i1 = this.i1, i2 = this.i2;
        final double p00 = p[0], p01 = p[1], p02 = p[2], p11 = p[4], p22 = p[8];
        for (int j = from; j < to; j++) {
            final double c1 = i1[j];
            final double c2 = i2[j];
            double s0 = 0.0;
            s0 += p00 * v[j];
            s0 += p01 * c1;
            s0 += p02 * c2;
            s0 += qc0;
            double s1 = 0.0;
            s1 += p11 * c1;
            double s2 = 0.0;
            s2 += p22 * c2;
            v[j] = s0;
            i1[j] = s1;
            i2[j] = s2;
        }
    }

    /**
     * Held neurons stay at V_r; the others spike when V ≥ θ, are reset and held for the refractory
     * steps. (A NaN, which only a non-finite input could make, is caught by the network's check of
     * every state at the end of the run.)
     */
    private int threshold(int from, int to, long k, int[] spikes, int count) {
        final double[] v = this.v;
        final int[] until = this.until;
        final double threshold = this.threshold, reset = this.reset;
        final int step = (int) k;
        final int end = step + refractorySteps;
        for (int j = from; j < to; j++) {
            if (step < until[j]) {
                v[j] = reset;
            } else if (v[j] >= threshold) {
                v[j] = reset;
                until[j] = end;
                spikes[count++] = j;
            }
        }
        return count;
    }

    @Override
    String describe() {
        return "hand-tuned LIF (exact)";
    }
}
