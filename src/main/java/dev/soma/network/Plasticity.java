package dev.soma.network;

import dev.soma.synapse.Stdp;
import dev.soma.synapse.TsodyksMarkram;
import java.util.Arrays;

/**
 * The plastic state of one projection: spike-timing-dependent plasticity (a {@link Stdp} rule)
 * and/or Tsodyks–Markram short-term plasticity (a {@link TsodyksMarkram} model), with the
 * per-connection weights kept by the {@link Projection}.
 *
 * <p><b>STDP.</b> One presynaptic trace per source neuron (τ₊) and one postsynaptic trace per
 * target neuron (τ₋), each decayed exactly between its own events from the step of its last
 * update (x ← x·e^(−(k − k_last)·dt/τ)) and stepped by 1 at a spike (all-to-all pairing) or set
 * to 1 (nearest-spike pairing, {@link Stdp#nearestSpike()}). In step k, after every population
 * has fired, in Brian2's order:
 * <ol>
 *   <li>presynaptic spikes, projection by projection: the spike is delivered with the connection's
 *       present weight (times the short-term release), then the weight is depressed by the
 *       target's postsynaptic trace (w ← w − A₋·f₋(w)·y) and the presynaptic trace steps;</li>
 *   <li>postsynaptic spikes: every connection onto the spiking neuron (a transposed index, by
 *       increasing source) is potentiated by its source's presynaptic trace (w ← w + A₊·f₊(w)·x),
 *       then the postsynaptic trace steps;</li>
 * </ol>
 * and w is clipped to [w_min, w_max] after each change. So a pre and a post spike in one step pair
 * as pre before post (potentiation), as in {@link Stdp}. Δt is measured between the spikes at the
 * somata (the step in which each fired): with a delay, the weight a spike carries is the weight at
 * the step it was fired and the delay only postpones its arrival.
 *
 * <p><b>Short-term plasticity.</b> One (u, R) pair per source neuron (its parameters are the
 * projection's), solved exactly between its spikes; at a spike u ← u + U(1 − u) (u = U without
 * facilitation), release = u·R, R ← R − u·R, and every connection of the neuron delivers
 * weight × release.
 *
 * <p><b>Threads.</b> The per-source state (presynaptic traces, u, R) is kept once per stepping
 * thread: every thread applies all the step's presynaptic spikes to its own copy, with the same
 * arithmetic in the same order, so the copies stay equal and no thread reads what another writes.
 * Weights and postsynaptic traces belong to the thread that owns the target neuron. The results are
 * therefore bit-identical for any number of threads.
 */
final class Plasticity {
    static final int NEVER = Integer.MIN_VALUE;

    final Stdp stdp;
    final TsodyksMarkram stp;
    // STDP constants
    private final boolean multiplicative;
    private final boolean nearest;
    private final double aPlus;
    private final double aMinus;
    private final double wMin;
    private final double wMax;
    /** dt/τ₊ and dt/τ₋. */
    private final double plusPerStep;
    private final double minusPerStep;
    // STP constants
    private final double release0;
    private final boolean facilitating;
    private final double facilPerStep;
    private final double recPerStep;

    /** Per thread and source neuron: the presynaptic trace and the step of its last spike. */
    final double[][] preTrace;
    final int[][] preLast;
    /** Per thread and source neuron: u, R after the last spike, its step, and the release of the current spike. */
    final double[][] u;
    final double[][] r;
    final int[][] stpLast;
    final double[][] release;
    /** Per target neuron: the postsynaptic trace and the step of its last spike. */
    final double[] postTrace;
    final int[] postLast;
    /** The transposed index: connections onto target j are colConn[colStart[j] .. colStart[j+1]), sources colPre. */
    final int[] colStart;
    final int[] colConn;
    final int[] colPre;

    Plasticity(Stdp stdp, TsodyksMarkram stp, int sources, int targets, int[] rowStart, int[] post, double dtMs, int threads) {
        this.stdp = stdp;
        this.stp = stp;
        if (stdp != null) {
            multiplicative = stdp.isMultiplicative();
            nearest = stdp.isNearestSpike();
            aPlus = stdp.aPlus();
            aMinus = stdp.aMinus();
            wMin = stdp.wMin();
            wMax = stdp.wMax();
            plusPerStep = dtMs / stdp.tauPlusMs();
            minusPerStep = dtMs / stdp.tauMinusMs();
            preTrace = new double[threads][sources];
            preLast = new int[threads][sources];
            for (int[] a : preLast) {
                Arrays.fill(a, NEVER);
            }
            postTrace = new double[targets];
            postLast = new int[targets];
            Arrays.fill(postLast, NEVER);
            // the transposed index, by target; within a target by increasing source (the CSR order)
            int m = post.length;
            colStart = new int[targets + 1];
            for (int p : post) {
                colStart[p + 1]++;
            }
            for (int j = 0; j < targets; j++) {
                colStart[j + 1] += colStart[j];
            }
            colConn = new int[m];
            colPre = new int[m];
            int[] fill = Arrays.copyOf(colStart, targets);
            for (int i = 0; i < sources; i++) {
                for (int s = rowStart[i]; s < rowStart[i + 1]; s++) {
                    int c = fill[post[s]]++;
                    colConn[c] = s;
                    colPre[c] = i;
                }
            }
        } else {
            multiplicative = false;
            nearest = false;
            aPlus = aMinus = wMin = wMax = plusPerStep = minusPerStep = 0;
            preTrace = null;
            preLast = null;
            postTrace = null;
            postLast = null;
            colStart = null;
            colConn = null;
            colPre = null;
        }
        if (stp != null) {
            release0 = stp.releaseFraction();
            facilitating = stp.tauFacilMs() > 0;
            facilPerStep = facilitating ? dtMs / stp.tauFacilMs() : 0;
            recPerStep = dtMs / stp.tauRecMs();
            u = new double[threads][sources];
            r = new double[threads][sources];
            stpLast = new int[threads][sources];
            release = new double[threads][sources];
            for (int t = 0; t < threads; t++) {
                Arrays.fill(r[t], 1.0);
                Arrays.fill(stpLast[t], NEVER);
            }
        } else {
            release0 = facilPerStep = recPerStep = 0;
            facilitating = false;
            u = r = release = null;
            stpLast = null;
        }
    }

    /**
     * The presynaptic half of step k for thread t's copy: the release of each spiking source (STP)
     * and its presynaptic trace (STDP). The trace steps after the spike's own depression, which reads
     * only postsynaptic traces, so the order within the step does not matter for it.
     */
    void presynaptic(int[] spikes, int count, int t, long k) {
        final int step = (int) k;
        if (stp != null) {
            final double[] uu = u[t];
            final double[] rr = r[t];
            final int[] last = stpLast[t];
            final double[] rel = release[t];
            for (int c = 0; c < count; c++) {
                int i = spikes[c];
                double uNow;
                double rNow;
                if (last[i] == NEVER) {
                    uNow = 0;
                    rNow = 1;
                } else {
                    double gap = step - last[i];
                    uNow = facilitating ? uu[i] * Math.exp(-gap * facilPerStep) : 0;
                    rNow = 1 - (1 - rr[i]) * Math.exp(-gap * recPerStep);
                }
                uNow = facilitating ? uNow + release0 * (1 - uNow) : release0;
                double released = uNow * rNow;
                uu[i] = uNow;
                rr[i] = rNow - released;
                rel[i] = released;
                last[i] = step;
            }
        }
        if (stdp != null) {
            final double[] x = preTrace[t];
            final int[] last = preLast[t];
            for (int c = 0; c < count; c++) {
                int i = spikes[c];
                double decayed = last[i] == NEVER ? 0 : x[i] * Math.exp(-(step - last[i]) * plusPerStep);
                x[i] = nearest ? 1 : decayed + 1;
                last[i] = step;
            }
        }
    }

    /** The weight after depression by target j's postsynaptic trace at step k (a presynaptic spike). */
    double depressed(double w, int j, int step) {
        int last = postLast[j];
        if (last == NEVER) {
            return w;
        }
        double y = postTrace[j] * Math.exp(-(step - last) * minusPerStep);
        double change = multiplicative ? aMinus * (w - wMin) * y : aMinus * y;
        return clip(w - change);
    }

    /**
     * The postsynaptic half of step k: for each spiking target j (local indices, thread t's own),
     * potentiation of every connection onto j by its source's presynaptic trace, then j's trace.
     */
    void postsynaptic(int[] spikes, int count, int t, long k, double[] weights) {
        final int step = (int) k;
        final double[] x = preTrace[t];
        final int[] last = preLast[t];
        for (int c = 0; c < count; c++) {
            int j = spikes[c];
            for (int e = colStart[j]; e < colStart[j + 1]; e++) {
                int i = colPre[e];
                if (last[i] == NEVER) {
                    continue;
                }
                double pre = x[i] * Math.exp(-(step - last[i]) * plusPerStep);
                int s = colConn[e];
                double w = weights[s];
                double change = multiplicative ? aPlus * (wMax - w) * pre : aPlus * pre;
                weights[s] = clip(w + change);
            }
            double decayed = postLast[j] == NEVER ? 0 : postTrace[j] * Math.exp(-(step - postLast[j]) * minusPerStep);
            postTrace[j] = nearest ? 1 : decayed + 1;
            postLast[j] = step;
        }
    }

    private double clip(double w) {
        return w < wMin ? wMin : (w > wMax ? wMax : w);
    }

    /** Bytes per connection this plasticity adds beyond the weight: the transposed index (two ints) with STDP. */
    int bytesPerConnection() {
        return stdp == null ? 0 : 8;
    }
}
