package dev.soma.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A rule that decides which neurons of a source population connect to which of a target
 * population. The result is stored compressed by presynaptic neuron (CSR): for source neuron
 * {@code i}, its targets are {@code post[rowStart[i] .. rowStart[i+1])}, in increasing order.
 *
 * <p>Random rules draw from the network's seed, so the same seed gives the same connections.
 * Self-connections (autapses) are allowed when source and target are the same population, as in
 * Brian2, unless {@link #withoutAutapses()} is used.
 */
public abstract class Connectivity {
    final boolean autapses;

    Connectivity(boolean autapses) {
        this.autapses = autapses;
    }

    /**
     * Each ordered pair (source, target) connects independently with probability {@code p} (about
     * p·Nsource·Ntarget connections; the Brette et al. benchmarks use p = 0.02).
     */
    public static Connectivity fixedProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p = " + p + " is not a probability; give a value in [0, 1], e.g. 0.02");
        }
        return new FixedProbability(p, true);
    }

    /** Every target neuron receives exactly {@code k} connections from distinct source neurons. */
    public static Connectivity fixedInDegree(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k = " + k + " is a negative in-degree; give the number of inputs per neuron, e.g. 80");
        }
        return new FixedInDegree(k, true);
    }

    /** Source neuron i connects to target neuron i; both populations must have the same size. */
    public static Connectivity oneToOne() {
        return new OneToOne();
    }

    /** Every source neuron connects to every target neuron. */
    public static Connectivity allToAll() {
        return new AllToAll(true);
    }

    /**
     * Exactly the listed connections: {@code pre[s] → post[s]} (local indices). Repeats make
     * several connections between the same pair.
     */
    public static Connectivity explicit(int[] pre, int[] post) {
        if (pre == null || post == null) {
            throw new IllegalArgumentException("pre and post must not be null; give two int arrays of equal length");
        }
        if (pre.length != post.length) {
            throw new IllegalArgumentException("pre.length = " + pre.length + " differs from post.length = "
                    + post.length + "; give one target per source entry");
        }
        return new Explicit(pre.clone(), post.clone());
    }

    /** The same rule without self-connections (only matters when source and target coincide). */
    public abstract Connectivity withoutAutapses();

    /**
     * Builds the connections. Row {@code i} lists the targets of source neuron {@code i} in
     * increasing order; for an explicit list, {@link Csr#order} maps each stored connection back
     * to its position in the user's arrays (so per-connection weights follow it).
     */
    abstract Csr build(int nPre, int nPost, boolean samePopulation, SplittableRandom random);

    /**
     * Refuses, when the connection is declared, a rule the populations' sizes cannot satisfy (an
     * in-degree above the number of sources), before a memory estimate built on it misleads.
     */
    void checkSizes(int nPre, int nPost, boolean samePopulation) {}

    /**
     * The number of connections {@link #build} is expected to make (the mean for a random rule),
     * known before anything is drawn: the network's memory check uses it.
     */
    abstract double expectedConnections(int nPre, int nPost, boolean samePopulation);

    /** Connections stored by presynaptic neuron. */
    static final class Csr {
        final int[] rowStart;
        final int[] post;
        /** For explicit lists: the position in the user's arrays of each stored connection, else null. */
        final int[] order;

        Csr(int[] rowStart, int[] post, int[] order) {
            this.rowStart = rowStart;
            this.post = post;
            this.order = order;
        }

        int size() {
            return post.length;
        }
    }

    /** Growable int array used while building. */
    static final class IntBuf {
        int[] a;
        int n;

        IntBuf(int capacity) {
            a = new int[Math.max(16, capacity)];
        }

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, a.length + (a.length >> 1) + 16);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    private static final class FixedProbability extends Connectivity {
        final double p;

        FixedProbability(double p, boolean autapses) {
            super(autapses);
            this.p = p;
        }

        @Override
        public Connectivity withoutAutapses() {
            return new FixedProbability(p, false);
        }

        @Override
        Csr build(int nPre, int nPost, boolean same, SplittableRandom random) {
            int[] rowStart = new int[nPre + 1];
            long expected = (long) Math.ceil(p * nPre * (double) nPost * 1.05) + 16;
            if (expected > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("p = " + p + " gives about " + expected
                        + " connections, more than one projection can hold; use a smaller p or fewer neurons");
            }
            IntBuf post = new IntBuf((int) expected);
            if (p > 0) {
                // Skip the unconnected pairs geometrically: one random number per connection, not per pair.
                double logq = Math.log1p(-p);
                for (int i = 0; i < nPre; i++) {
                    long j = -1;
                    while (true) {
                        if (p >= 1) {
                            j++;
                        } else {
                            double u = 1 - random.nextDouble();
                            j += 1 + (long) Math.floor(Math.log(u) / logq);
                        }
                        if (j >= nPost) {
                            break;
                        }
                        if (!autapses && same && j == i) {
                            continue;
                        }
                        post.add((int) j);
                    }
                    rowStart[i + 1] = post.n;
                }
            }
            return new Csr(rowStart, post.toArray(), null);
        }

        @Override
        double expectedConnections(int nPre, int nPost, boolean same) {
            double pairs = (double) nPre * nPost - (same && !autapses ? Math.min(nPre, nPost) : 0);
            return p * pairs;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "fixed probability %.4g", p);
        }
    }

    private static final class FixedInDegree extends Connectivity {
        final int k;

        FixedInDegree(int k, boolean autapses) {
            super(autapses);
            this.k = k;
        }

        @Override
        public Connectivity withoutAutapses() {
            return new FixedInDegree(k, false);
        }

        @Override
        void checkSizes(int nPre, int nPost, boolean same) {
            int available = same && !autapses ? nPre - 1 : nPre;
            if (k > available) {
                throw new IllegalArgumentException("k = " + k + " exceeds the " + available
                        + " distinct sources available; give an in-degree of at most " + available);
            }
        }

        @Override
        Csr build(int nPre, int nPost, boolean same, SplittableRandom random) {
            checkSizes(nPre, nPost, same);
            int available = same && !autapses ? nPre - 1 : nPre;
            // Draw sources per target (Floyd's sampling without replacement), then transpose by source.
            int[] pres = new int[nPost * k];
            boolean[] taken = new boolean[nPre];
            int[] chosen = new int[k];
            for (int j = 0; j < nPost; j++) {
                int c = 0;
                int excluded = same && !autapses ? j : -1;
                int pool = available;
                for (int t = pool - k; t < pool; t++) {
                    int r = random.nextInt(t + 1);
                    int src = map(r, excluded);
                    if (taken[src]) {
                        src = map(t, excluded);
                    }
                    taken[src] = true;
                    chosen[c++] = src;
                }
                for (int q = 0; q < k; q++) {
                    taken[chosen[q]] = false;
                    pres[j * k + q] = chosen[q];
                }
            }
            int[] rowStart = new int[nPre + 1];
            for (int s : pres) {
                rowStart[s + 1]++;
            }
            for (int i = 0; i < nPre; i++) {
                rowStart[i + 1] += rowStart[i];
            }
            int[] fill = Arrays.copyOf(rowStart, nPre);
            int[] post = new int[pres.length];
            for (int j = 0; j < nPost; j++) {
                for (int q = 0; q < k; q++) {
                    int s = pres[j * k + q];
                    post[fill[s]++] = j;
                }
            }
            return new Csr(rowStart, post, null);
        }

        @Override
        double expectedConnections(int nPre, int nPost, boolean same) {
            return (double) k * nPost;
        }

        /** Maps 0..available-1 onto source indices, skipping the excluded one. */
        private static int map(int r, int excluded) {
            return excluded >= 0 && r >= excluded ? r + 1 : r;
        }

        @Override
        public String toString() {
            return "fixed in-degree " + k;
        }
    }

    private static final class OneToOne extends Connectivity {
        OneToOne() {
            super(true);
        }

        @Override
        public Connectivity withoutAutapses() {
            throw new IllegalArgumentException("one-to-one connections within one population are all autapses; "
                    + "connect two different populations instead");
        }

        @Override
        Csr build(int nPre, int nPost, boolean same, SplittableRandom random) {
            if (nPre != nPost) {
                throw new IllegalArgumentException("one-to-one needs equal sizes but the source has " + nPre
                        + " neurons and the target " + nPost + "; use populations of the same size");
            }
            int[] rowStart = new int[nPre + 1];
            int[] post = new int[nPre];
            for (int i = 0; i < nPre; i++) {
                rowStart[i + 1] = i + 1;
                post[i] = i;
            }
            return new Csr(rowStart, post, null);
        }

        @Override
        double expectedConnections(int nPre, int nPost, boolean same) {
            return nPre;
        }

        @Override
        public String toString() {
            return "one-to-one";
        }
    }

    private static final class AllToAll extends Connectivity {
        AllToAll(boolean autapses) {
            super(autapses);
        }

        @Override
        public Connectivity withoutAutapses() {
            return new AllToAll(false);
        }

        @Override
        Csr build(int nPre, int nPost, boolean same, SplittableRandom random) {
            boolean skip = same && !autapses;
            long total = (long) nPre * nPost - (skip ? nPre : 0);
            if (total > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("all-to-all between " + nPre + " and " + nPost
                        + " neurons makes " + total + " connections, too many; use a sparse rule");
            }
            int[] rowStart = new int[nPre + 1];
            int[] post = new int[(int) total];
            int s = 0;
            for (int i = 0; i < nPre; i++) {
                for (int j = 0; j < nPost; j++) {
                    if (skip && i == j) {
                        continue;
                    }
                    post[s++] = j;
                }
                rowStart[i + 1] = s;
            }
            return new Csr(rowStart, post, null);
        }

        @Override
        double expectedConnections(int nPre, int nPost, boolean same) {
            return (double) nPre * nPost - (same && !autapses ? nPre : 0);
        }

        @Override
        public String toString() {
            return "all-to-all";
        }
    }

    private static final class Explicit extends Connectivity {
        final int[] pre;
        final int[] post;

        Explicit(int[] pre, int[] post) {
            super(true);
            this.pre = pre;
            this.post = post;
        }

        @Override
        public Connectivity withoutAutapses() {
            IntBuf a = new IntBuf(pre.length);
            IntBuf b = new IntBuf(pre.length);
            for (int s = 0; s < pre.length; s++) {
                if (pre[s] != post[s]) {
                    a.add(pre[s]);
                    b.add(post[s]);
                }
            }
            return new Explicit(a.toArray(), b.toArray());
        }

        @Override
        Csr build(int nPre, int nPost, boolean same, SplittableRandom random) {
            int m = pre.length;
            for (int s = 0; s < m; s++) {
                if (pre[s] < 0 || pre[s] >= nPre) {
                    throw new IllegalArgumentException("pre[" + s + "] = " + pre[s] + " is outside the source's "
                            + nPre + " neurons; use local indices 0.." + (nPre - 1));
                }
                if (post[s] < 0 || post[s] >= nPost) {
                    throw new IllegalArgumentException("post[" + s + "] = " + post[s] + " is outside the target's "
                            + nPost + " neurons; use local indices 0.." + (nPost - 1));
                }
            }
            // Sort by (pre, post), stably, with two counting passes: by post, then by pre.
            int[] byPost = countingOrder(post, nPost, identity(m));
            int[] order = countingOrder(pre, nPre, byPost);
            int[] rowStart = new int[nPre + 1];
            for (int s = 0; s < m; s++) {
                rowStart[pre[s] + 1]++;
            }
            for (int i = 0; i < nPre; i++) {
                rowStart[i + 1] += rowStart[i];
            }
            int[] sortedPost = new int[m];
            for (int s = 0; s < m; s++) {
                sortedPost[s] = post[order[s]];
            }
            return new Csr(rowStart, sortedPost, order);
        }

        @Override
        double expectedConnections(int nPre, int nPost, boolean same) {
            return pre.length;
        }

        private static int[] identity(int m) {
            int[] a = new int[m];
            for (int i = 0; i < m; i++) {
                a[i] = i;
            }
            return a;
        }

        /** Stable counting sort of the entries {@code in} by {@code key[entry]}. */
        private static int[] countingOrder(int[] key, int range, int[] in) {
            int[] count = new int[range + 1];
            for (int e : in) {
                count[key[e] + 1]++;
            }
            for (int i = 0; i < range; i++) {
                count[i + 1] += count[i];
            }
            int[] out = new int[in.length];
            for (int e : in) {
                out[count[key[e]]++] = e;
            }
            return out;
        }

        @Override
        public String toString() {
            return "explicit list of " + pre.length;
        }
    }
}
