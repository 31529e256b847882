package dev.soma.network;

import dev.soma.model.Izhikevich;
import dev.soma.sim.Integrators;
import dev.soma.sim.Method;
import dev.soma.synapse.SynapseKind;

/**
 * The hand-tuned step of a population of {@link Izhikevich} neurons, each with its own a, b, c, d
 * and peak or all with the same, whose receptor is at most one current pulse, integrated by
 * {@link Method#SPLIT_EULER} with or without a noise current: Izhikevich's (2003) network.
 *
 * <p>It computes exactly what the general step computes — the noise current from the same counter
 * draw, {@link Integrators#splitEuler}'s two half steps of V and one step of u with the model's
 * derivatives term for term, the pulse variable advanced by h·0 — so the two give the same state
 * and the same spikes bit for bit (tested). It only arranges the work differently: the parameters
 * in arrays, one pass over the population with every term inlined, and only the derivatives that
 * split Euler uses.
 */
final class IzhikevichStep extends PopulationStep {
    private final double[] v;
    private final double[] u;
    private final double[] pulse;
    private final int[] until;
    private final double[] a;
    private final double[] b;
    private final double[] c;
    private final double[] d;
    /** Each neuron's clamp of V in the derivatives, peak + 100 mV (as the model). */
    private final double[] clamp;
    private final double[] threshold;
    private final int[] refractorySteps;
    private final boolean noise;
    private final double noiseSd;
    private final long noiseKey;
    private final int offset;
    private final double dt;
    private final String population;
    private final String[] names;

    /** Whether a population can use this step. */
    static boolean applies(Layout layout, Method method) {
        if (method != Method.SPLIT_EULER || layout.modelSize != 2 || layout.vi != 0 || !layout.resets
                || layout.receptors.length > 1) {
            return false;
        }
        int count = layout.heterogeneous() ? layout.models.length : 1;
        for (int j = 0; j < count; j++) {
            if (layout.modelOf(j).getClass() != Izhikevich.class) {
                return false;
            }
        }
        return layout.receptors.length == 0
                || layout.receptors[0].coupling() == SynapseKind.Coupling.PULSE && layout.receptorOffset[0] == 2;
    }

    IzhikevichStep(Layout layout, double[][] x, int[] until, double dtMs, double noiseSd, long noiseKey, int offset,
                   String population) {
        this.v = x[0];
        this.u = x[1];
        this.pulse = layout.receptors.length > 0 ? x[2] : null;
        this.until = until;
        int n = x[0].length;
        this.a = new double[n];
        this.b = new double[n];
        this.c = new double[n];
        this.d = new double[n];
        this.clamp = new double[n];
        this.threshold = new double[n];
        this.refractorySteps = new int[n];
        for (int j = 0; j < n; j++) {
            Izhikevich model = (Izhikevich) layout.modelOf(layout.heterogeneous() ? j : 0);
            a[j] = model.a();
            b[j] = model.b();
            c[j] = model.c();
            d[j] = model.d();
            clamp[j] = model.peakMv() + 100.0;
            threshold[j] = layout.threshold[layout.heterogeneous() ? j : 0];
            refractorySteps[j] = layout.refractorySteps[layout.heterogeneous() ? j : 0];
        }
        this.noise = noiseSd > 0;
        this.noiseSd = noiseSd;
        this.noiseKey = noiseKey;
        this.offset = offset;
        this.dt = dtMs;
        this.population = population;
        this.names = layout.names;
    }

    @Override
    int step(long k, double t, double injected, int from, int to, int[] spikes, int count) {
        final double[] v = this.v, u = this.u, pulse = this.pulse, a = this.a, b = this.b, c = this.c, d = this.d;
        final double[] clamp = this.clamp, threshold = this.threshold;
        final int[] until = this.until, refractorySteps = this.refractorySteps;
        final boolean noise = this.noise;
        final double noiseSd = this.noiseSd, h = this.dt, half = 0.5 * h;
        final long noiseStep = noise ? CounterRandom.mix(noiseKey, k) : 0L;
        for (int j = from; j < to; j++) {
            final double ext = noise ? injected + noiseSd * CounterRandom.normal(CounterRandom.word(noiseStep, offset + j)) : injected;
            final double pj = pulse == null ? 0.0 : pulse[j];
            final double input = pulse == null ? ext : ext + pj;
            final double uj = u[j];
            final boolean refractoryNow = k < until[j];
            double vNew = v[j];
            final double limit = clamp[j];
            for (int half2 = 0; half2 < 2; half2++) {
                final double vc = Math.min(vNew, limit);
                final double dv = refractoryNow ? 0.0 : 0.04 * vc * vc + 5.0 * vc + 140.0 - uj + input;
                vNew += half * dv;
            }
            double uNew = uj + h * (a[j] * (b[j] * vNew - uj));
            final double pNew = pj + h * 0.0;
            final double sum = vNew + uNew + pNew;
            if (sum - sum != 0) {
                checkFinite(names, population, j, k, dt, Method.SPLIT_EULER,
                        pulse == null ? new double[] {vNew, uNew} : new double[] {vNew, uNew, pNew});
            }
            if (!refractoryNow && vNew >= threshold[j]) {
                vNew = c[j];
                uNew += d[j];
                until[j] = (int) (k + refractorySteps[j]);
                spikes[count++] = j;
            }
            v[j] = vNew;
            u[j] = uNew;
            if (pulse != null) {
                pulse[j] = pNew;
            }
        }
        return count;
    }

    @Override
    String describe() {
        return "hand-tuned Izhikevich (split-euler)";
    }
}
