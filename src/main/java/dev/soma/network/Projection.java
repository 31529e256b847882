package dev.soma.network;

import java.util.Arrays;
import java.util.Locale;

/**
 * Connections from one population to a variable of another (or the same) population: a spike of
 * source neuron {@code i} adds each connection's weight to the target variable of its target
 * neuron, {@code delay} steps after the step in which {@code i} spiked (at least one step; one
 * step is "no delay", as in the Brette et al. benchmarks).
 *
 * <p>Stored compressed by presynaptic neuron (CSR): {@code rowStart} (one entry per source neuron
 * plus one), {@code post} and {@code weight} (one entry per connection, targets in increasing
 * order within a row). Delays are whole steps, one per projection or one per connection; delivery
 * goes through a ring buffer per target variable.
 */
public final class Projection {
    private final String name;
    final Population source;
    final Population target;
    final int variable;
    final int[] rowStart;
    final int[] post;
    final double[] weight;
    /** The common delay in steps, or -1 when delays are per connection. */
    final int delaySteps;
    /** Per-connection delays in steps, or null. */
    final int[] delays;
    /** Per source neuron and thread: where the thread's target range starts in the row. */
    int[] segments;
    int segmentThreads;

    Projection(String name, Population source, Population target, int variable, Connectivity.Csr csr,
               double[] weight, int delaySteps, int[] delays) {
        this.name = name;
        this.source = source;
        this.target = target;
        this.variable = variable;
        this.rowStart = csr.rowStart;
        this.post = csr.post;
        this.weight = weight;
        this.delaySteps = delaySteps;
        this.delays = delays;
    }

    /** The projection's name, {@code "source→target:variable"}. */
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

    /** The targeted variable of the target population. */
    public String variable() {
        return target.model().variables().get(variable);
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
        return Arrays.copyOfRange(weight, rowStart[i], rowStart[i + 1]);
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

    /** The delay of every connection in steps, in storage order. */
    public int[] delaySteps() {
        if (delays != null) {
            return delays.clone();
        }
        int[] d = new int[post.length];
        Arrays.fill(d, delaySteps);
        return d;
    }

    int maxDelaySteps() {
        if (delays == null) {
            return delaySteps;
        }
        int m = 1;
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
     * Delivers the spikes of {@code count} source neurons (local indices in {@code spikes}) to
     * thread {@code t}'s share of targets, for arrival {@code step + delay}.
     */
    void deliver(int[] spikes, int count, int t, long step) {
        final int[] seg = segments;
        final int stride = segmentThreads + 1;
        final int[] post = this.post;
        final double[] w = this.weight;
        final double[][] ring = target.rings[variable];
        if (ring == null) {
            // All delays into the target are one step: add straight into the variable.
            final double[] x = target.x[variable];
            for (int c = 0; c < count; c++) {
                int row = spikes[c] * stride + t;
                int end = seg[row + 1];
                for (int s = seg[row]; s < end; s++) {
                    x[post[s]] += w[s];
                }
            }
            return;
        }
        final int depth = ring.length;
        if (delays == null) {
            final double[] buf = ring[(int) ((step + delaySteps) % depth)];
            for (int c = 0; c < count; c++) {
                int row = spikes[c] * stride + t;
                int end = seg[row + 1];
                for (int s = seg[row]; s < end; s++) {
                    buf[post[s]] += w[s];
                }
            }
        } else {
            final int[] d = delays;
            final int base = (int) (step % depth);
            for (int c = 0; c < count; c++) {
                int row = spikes[c] * stride + t;
                int end = seg[row + 1];
                for (int s = seg[row]; s < end; s++) {
                    int slot = base + d[s];
                    if (slot >= depth) {
                        slot -= depth;
                    }
                    ring[slot][post[s]] += w[s];
                }
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d connections", name, post.length);
    }
}
