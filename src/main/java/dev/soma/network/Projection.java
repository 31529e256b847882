package dev.soma.network;

import dev.soma.synapse.Stdp;
import dev.soma.synapse.SynapseKind;
import dev.soma.synapse.TsodyksMarkram;
import java.util.Arrays;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Connections from one population (neurons or a spike source) to a receptor of another (or the
 * same) population of neurons: a spike of source neuron {@code i} stamped in step s adds each
 * connection's weight to the receptor of its target neuron at the end of step s + d, d the
 * connection's delay in whole steps (d = 0: in the spike's own step, after every population's
 * threshold; the input then acts from step s + 1 on — Brian2's schedule).
 *
 * <p>Stored compressed by presynaptic neuron (CSR): {@code rowStart} (one entry per source neuron
 * plus one) and {@code post} (one target per connection, increasing within a row). A projection
 * with one weight and one delay stores nothing else: 4 bytes a connection. Per-connection weights
 * add 8 bytes, per-connection delays 4.
 *
 * <p><b>Plasticity.</b> A plastic projection (STDP and/or Tsodyks–Markram short-term
 * plasticity, {@link SpikingNetwork.Builder#stdp} and {@link SpikingNetwork.Builder#shortTermPlasticity})
 * keeps its weights per connection (in this storage order), one presynaptic trace per source
 * neuron and one postsynaptic trace per target neuron, and a transposed index (connections by
 * target, two ints a connection) for the updates at a postsynaptic spike: 4 + 8 + 8 = 20 bytes a
 * connection (24 with per-connection delays), against 4 for a static projection with one weight
 * and one delay. Pairing is all-to-all (traces step by 1 at each spike), or nearest-spike with
 * {@link Stdp#nearestSpike()} (traces set to 1). Within a step: a presynaptic spike is delivered with the connection's
 * present weight and then depresses it by the target's postsynaptic trace; then every
 * postsynaptic spike of the step potentiates the connections onto its neuron by their sources'
 * presynaptic traces (so a pre and a post spike in one step pair as pre before post, as in
 * Brian2). Traces decay exactly between events; Δt is measured between the steps in which the
 * two neurons fired (a delay postpones arrival only). Every target's connections are updated by
 * the thread that owns the target, in a fixed order, so plastic runs are bit-identical on any
 * number of threads.
 */
public final class Projection {
    private final String name;
    final Population source;
    final Population target;
    final SynapseKind kind;
    /** The state variable of the target that an event adds to. */
    final int variable;
    /** What an event of weight 1 adds to it (1, or a bi-exponential's normalisation). */
    final double scale;
    /** Whether the events are discarded while the target is refractory (jumps onto a held V). */
    final boolean gated;
    final int[] rowStart;
    final int[] post;
    /** The weight of every connection, or NaN when they are per connection. */
    final double weight;
    /** Per-connection weights in storage order, or null. */
    final double[] weights;
    /** The time step in ms. */
    final double dtMs;
    /** The common delay in steps, or -1 when delays are per connection. */
    final int delaySteps;
    /** Per-connection delays in steps, or null. */
    final int[] delays;
    /** STDP and short-term plasticity, or null for a static projection. */
    final Plasticity plasticity;
    /** Per source neuron and thread: where the thread's target range starts in the row. */
    int[] segments;
    int segmentThreads;

    Projection(String name, Population source, Population target, SynapseKind kind, int variable, double scale,
               boolean gated, Connectivity.Csr csr, double weight, double[] weights, int delaySteps, int[] delays,
               Plasticity plasticity, double dtMs) {
        this.name = name;
        this.source = source;
        this.target = target;
        this.kind = kind;
        this.variable = variable;
        this.scale = scale;
        this.gated = gated;
        this.rowStart = csr.rowStart;
        this.post = csr.post;
        this.weight = weight;
        this.weights = weights;
        this.delaySteps = delaySteps;
        this.delays = delays;
        this.plasticity = plasticity;
        this.dtMs = dtMs;
    }

    /** The projection's name, {@code "source→target:receptor"}. */
    public String name() {
        return name;
    }

    /** The source population. */
    public Population source() {
        return source;
    }

    /** The target population. */
    public Population target() {
        return target;
    }

    /** The receptor the connections end on. */
    public SynapseKind kind() {
        return kind;
    }

    /** The unit of the weights, e.g. µS for a conductance onto a point neuron, mV for a jump. */
    public String weightUnit() {
        return kind.weightUnit(target.model());
    }

    /** Number of connections. */
    public int size() {
        return post.length;
    }

    /** The targets (local indices, increasing) of source neuron {@code i}. */
    public int[] targetsOf(int i) {
        if (i < 0 || i >= source.size()) {
            throw new IllegalArgumentException("i = " + i + " is not a neuron of " + source.name()
                    + "; use 0.." + (source.size() - 1));
        }
        return Arrays.copyOfRange(post, rowStart[i], rowStart[i + 1]);
    }

    /** The weights of source neuron {@code i}'s connections, in the order of {@link #targetsOf(int)}. */
    public double[] weightsOf(int i) {
        targetsOf(i);
        if (weights == null) {
            double[] w = new double[rowStart[i + 1] - rowStart[i]];
            Arrays.fill(w, weight);
            return w;
        }
        return Arrays.copyOfRange(weights, rowStart[i], rowStart[i + 1]);
    }

    /** Number of connections leaving each source neuron. */
    public int[] outDegrees() {
        int[] d = new int[source.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = rowStart[i + 1] - rowStart[i];
        }
        return d;
    }

    /** Number of connections arriving at each target neuron. */
    public int[] inDegrees() {
        int[] d = new int[target.size()];
        for (int p : post) {
            d[p]++;
        }
        return d;
    }

    /** The delay of every connection in steps (0: the input acts from the step after the spike), in storage order. */
    public int[] delaySteps() {
        if (delays != null) {
            return delays.clone();
        }
        int[] d = new int[post.length];
        Arrays.fill(d, delaySteps);
        return d;
    }

    /**
     * The bytes this projection keeps per connection: 4 (target), + 8 with per-connection (or
     * plastic) weights, + 4 with per-connection delays, + 8 for STDP's transposed index.
     */
    public int bytesPerConnection() {
        return 4 + (weights == null ? 0 : 8) + (delays == null ? 0 : 4) + (plasticity == null ? 0 : plasticity.bytesPerConnection());
    }

    /** Whether the weights change while the network runs (STDP). */
    public boolean isPlastic() {
        return plasticity != null && plasticity.stdp != null;
    }

    /** The STDP rule, or null. */
    public Stdp stdp() {
        return plasticity == null ? null : plasticity.stdp;
    }

    /** The short-term plasticity model, or null. */
    public TsodyksMarkram shortTermPlasticity() {
        return plasticity == null ? null : plasticity.stp;
    }

    /** The present weight of every connection ({@link #weightUnit()}), in storage order: by source, then by target. */
    public double[] weights() {
        if (weights == null) {
            double[] w = new double[post.length];
            Arrays.fill(w, weight);
            return w;
        }
        return weights.clone();
    }

    /**
     * The present weights as a table, one row per connection in storage order (the row number is
     * the connection's index for {@link SpikingNetwork.Builder#recordWeights}): {@code pre},
     * {@code post} (local indices), {@code w [unit]} and {@code delay [ms]}. Read it between runs:
     * {@code net.advance(10 * second); net.projection("in", "out").weightTable()}.
     */
    public Table weightTable() {
        int m = post.length;
        int[] pre = new int[m];
        for (int i = 0; i < source.size(); i++) {
            Arrays.fill(pre, rowStart[i], rowStart[i + 1], i);
        }
        double[] delayMs = new double[m];
        int[] d = delaySteps();
        for (int s = 0; s < m; s++) {
            delayMs[s] = d[s] * dtMs;
        }
        return Table.create(name, IntColumn.create("pre", pre), IntColumn.create("post", post.clone()),
                DoubleColumn.create("w [" + weightUnit() + "]", weights()), DoubleColumn.create("delay [ms]", delayMs));
    }

    /** The source (local index) of connection {@code s}, in storage order. */
    int sourceOf(int s) {
        int lo = 0;
        int hi = source.size();
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (rowStart[mid] <= s) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    int maxDelaySteps() {
        if (delays == null) {
            return delaySteps;
        }
        int m = 0;
        for (int d : delays) {
            m = Math.max(m, d);
        }
        return m;
    }

    /** Splits every row at the thread boundaries of the target population. */
    void partition(int threads) {
        if (segmentThreads == threads) {
            return;
        }
        int n = source.size();
        int stride = threads + 1;
        int[] seg = new int[n * stride];
        for (int i = 0; i < n; i++) {
            int a = rowStart[i];
            int b = rowStart[i + 1];
            seg[i * stride] = a;
            int s = a;
            for (int t = 1; t < threads; t++) {
                int lo = SpikingNetwork.chunkStart(target.size(), threads, t);
                while (s < b && post[s] < lo) {
                    s++;
                }
                seg[i * stride + t] = s;
            }
            seg[i * stride + threads] = b;
        }
        segments = seg;
        segmentThreads = threads;
    }

    /**
     * Delivers the spikes of step {@code k} of {@code count} source neurons (local indices in
     * {@code spikes}) to thread {@code t}'s share of the targets: straight into the variable when
     * the target has no ring for it (only delay 0 ends on it), else into the ring slot of step
     * k + d + 1, where the target's step adds it at its start. Jumps onto a refractory neuron's V are
     * dropped here (delay 0; the neuron is refractory while k &lt; its end of refractoriness) or when
     * the slot is read.
     */
    void deliver(int[] spikes, int count, int t, long k) {
        if (plasticity != null) {
            deliverPlastic(spikes, count, t, k);
            return;
        }
        final int[] seg = segments;
        final int stride = segmentThreads + 1;
        final int[] post = this.post;
        final double[][] ring = target.rings[variable];
        if (ring == null) {
            final double[] x = target.x[variable];
            final int[] until = target.until;
            final boolean gated = this.gated;
            for (int c = 0; c < count; c++) {
                int row = spikes[c] * stride + t;
                int end = seg[row + 1];
                if (weights == null) {
                    final double w = weight * scale;
                    for (int s = seg[row]; s < end; s++) {
                        int j = post[s];
                        if (!gated || k >= until[j]) {
                            x[j] += w;
                        }
                    }
                } else if (scale == 1.0 && !gated) {
                    final double[] ws = weights;
                    for (int s = seg[row]; s < end; s++) {
                        x[post[s]] += ws[s];
                    }
                } else {
                    final double[] ws = weights;
                    final double sc = scale;
                    for (int s = seg[row]; s < end; s++) {
                        int j = post[s];
                        if (!gated || k >= until[j]) {
                            x[j] += ws[s] * sc;
                        }
                    }
                }
            }
            return;
        }
        final int depth = ring.length;
        if (delays == null) {
            final double[] buf = ring[(int) ((k + delaySteps + 1) % depth)];
            for (int c = 0; c < count; c++) {
                int row = spikes[c] * stride + t;
                int end = seg[row + 1];
                if (weights == null) {
                    final double w = weight * scale;
                    for (int s = seg[row]; s < end; s++) {
                        buf[post[s]] += w;
                    }
                } else {
                    final double[] ws = weights;
                    final double sc = scale;
                    for (int s = seg[row]; s < end; s++) {
                        buf[post[s]] += ws[s] * sc;
                    }
                }
            }
        } else {
            final int[] d = delays;
            final int base = (int) ((k + 1) % depth);
            for (int c = 0; c < count; c++) {
                int row = spikes[c] * stride + t;
                int end = seg[row + 1];
                for (int s = seg[row]; s < end; s++) {
                    int slot = base + d[s];
                    if (slot >= depth) {
                        slot -= depth;
                    }
                    ring[slot][post[s]] += (weights == null ? weight : weights[s]) * scale;
                }
            }
        }
    }

    /**
     * {@link #deliver} for a plastic projection: the thread's copy of the presynaptic state steps
     * (release, trace), then each connection delivers weight × release and, with STDP, is depressed
     * by its target's postsynaptic trace.
     */
    private void deliverPlastic(int[] spikes, int count, int t, long k) {
        final Plasticity pl = plasticity;
        pl.presynaptic(spikes, count, t, k);
        final boolean depress = pl.stdp != null;
        final double[] release = pl.stp == null ? null : pl.release[t];
        final int[] seg = segments;
        final int stride = segmentThreads + 1;
        final int[] post = this.post;
        final double[] ws = weights;
        final double[][] ring = target.rings[variable];
        final double[] x = target.x[variable];
        final int[] until = target.until;
        final int depth = ring == null ? 1 : ring.length;
        final int base = (int) ((k + 1) % depth);
        final int step = (int) k;
        for (int c = 0; c < count; c++) {
            final int i = spikes[c];
            final int row = i * stride + t;
            final int end = seg[row + 1];
            final double factor = release == null ? scale : scale * release[i];
            for (int s = seg[row]; s < end; s++) {
                final int j = post[s];
                final double w = ws[s];
                final double amount = w * factor;
                if (ring == null) {
                    if (!gated || k >= until[j]) {
                        x[j] += amount;
                    }
                } else {
                    int slot = base + (delays == null ? delaySteps : delays[s]);
                    if (slot >= depth) {
                        slot -= depth;
                    }
                    ring[slot][j] += amount;
                }
                if (depress) {
                    ws[s] = pl.depressed(w, j, step);
                }
            }
        }
    }

    /** The postsynaptic half of STDP for thread t's spiking targets of step k (local indices). */
    void potentiate(int[] spikes, int count, int t, long k) {
        plasticity.postsynaptic(spikes, count, t, k, weights);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d connections", name, post.length);
    }
}
