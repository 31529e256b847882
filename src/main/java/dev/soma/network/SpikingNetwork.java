package dev.soma.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A network of {@link Population}s joined by {@link Projection}s, stepped on a fixed grid with one
 * or more threads. Built with {@link #builder()}; {@link #run(double)} advances it and returns
 * everything recorded so far as a {@link NetworkResult}. Running again continues from where the
 * last run stopped.
 *
 * <h2>One step</h2>
 * Step {@code k} takes the state from t = k·dt to (k+1)·dt:
 * <ol>
 *   <li>each population adds the inputs due at step k from its ring buffers, integrates, applies
 *       threshold and reset, and lists its spikes (stamped t = k·dt, as Brian2 does);</li>
 *   <li>each projection adds the weights of those spikes into the ring slot of step
 *       {@code k + delay} of its target variable ({@code delay ≥ 1}; one step is the benchmarks'
 *       "no delay": the input acts from the next step on). When every delay into a population
 *       is one step, the weights go straight into the variable, which no one reads before the
 *       next step.</li>
 * </ol>
 *
 * <h2>Threads and determinism</h2>
 * Every population is cut into the same fixed chunks, one per thread; a thread integrates its
 * chunk and then delivers <em>all</em> spikes of the step, but only to targets inside its chunk,
 * walking the spikes in increasing neuron order and the projections in the order they were
 * added. Each target therefore receives its increments in the same order whatever the number of
 * threads, so the floating-point sums, and all spikes, are bit-identical to a single thread. The
 * CSR rows are pre-split at the chunk boundaries, so no thread scans another's targets. Spike
 * lists are double-buffered by step parity, which leaves one barrier per step. Nothing random
 * happens inside the step loop: all random numbers (connectivity, starting values) are drawn
 * once, at build time, from streams derived from the seed.
 */
public final class SpikingNetwork {
    private final long seed;
    private final double dtMs;
    private final int threads;
    private final int threadsAsked;
    final Population[] populations;
    final Projection[] projections;
    private final Probe[] probes;
    private final PoissonDrive[] drives;
    /** Ring depth per population: all its rings share it so one slot index serves all. */
    private final int[] depth;
    /** Per population: the variables with a ring that the kernel does not consume itself. */
    private final int[][] extraInputs;
    /** Per population: for each variable, whether the kernel consumes its ring. */
    private final boolean[][] kernelInput;

    private long step;
    private final Monitor.Ints spikeSteps = new Monitor.Ints();
    private final Monitor.Ints spikeNeurons = new Monitor.Ints();
    private final Monitor.Ints[] counts;
    private final Monitor.Doubles[] probeValues;
    private double lastRunSeconds;

    private SpikingNetwork(Builder b) {
        this.seed = b.seed;
        this.dtMs = b.dtMs;
        int total = 0;
        List<Population> pops = new ArrayList<>();
        for (PopSpec s : b.pops.values()) {
            pops.add(new Population(s.name, s.model, s.size, total));
            total += s.size;
        }
        this.populations = pops.toArray(new Population[0]);
        this.threadsAsked = b.threads > 0 ? b.threads : defaultThreads(total);
        this.threads = b.exactThreads ? threadsAsked
                : usefulThreads(threadsAsked, total, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < populations.length; i++) {
            Population p = populations[i];
            p.model().initialize(p.x, new SplittableRandom(mix(seed, 0x100 + i)));
        }
        List<Projection> projs = new ArrayList<>();
        for (int i = 0; i < b.conns.size(); i++) {
            projs.add(b.conns.get(i).build(this, new SplittableRandom(mix(seed, 0x10000 + i))));
        }
        this.projections = projs.toArray(new Projection[0]);

        depth = new int[populations.length];
        Arrays.fill(depth, 1);
        for (Projection pr : projections) {
            int pi = indexOf(pr.target);
            depth[pi] = Math.max(depth[pi], pr.maxDelaySteps());
        }
        extraInputs = new int[populations.length][];
        kernelInput = new boolean[populations.length][];
        for (int pi = 0; pi < populations.length; pi++) {
            Population p = populations[pi];
            List<String> vars = p.model().variables();
            kernelInput[pi] = new boolean[vars.size()];
            for (String in : p.model().inputVariables()) {
                kernelInput[pi][vars.indexOf(in)] = true;
            }
            // With one-step delays only, projections add straight into the variables: no rings.
            List<Integer> extra = new ArrayList<>();
            if (depth[pi] > 1) {
                for (int v = 0; v < vars.size(); v++) {
                    if (kernelInput[pi][v]) {
                        p.ensureRing(v, depth[pi]);
                    }
                }
                for (Projection pr : projections) {
                    if (pr.target == p && !kernelInput[pi][pr.variable] && !extra.contains(pr.variable)) {
                        extra.add(pr.variable);
                        p.ensureRing(pr.variable, depth[pi]);
                    }
                }
            }
            extraInputs[pi] = extra.stream().mapToInt(Integer::intValue).toArray();
            double[][][] in = new double[p.model().inputVariables().size()][][];
            for (int k = 0; k < in.length; k++) {
                in[k] = p.rings[vars.indexOf(p.model().inputVariables().get(k))];
            }
            p.kernel = p.model().kernel(p.x, p.refractory, in, dtMs);
        }
        counts = new Monitor.Ints[populations.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new Monitor.Ints();
        }
        probes = new Probe[b.probes.size()];
        probeValues = new Monitor.Doubles[probes.length];
        for (int i = 0; i < probes.length; i++) {
            ProbeSpec s = b.probes.get(i);
            Population p = population(s.population);
            int v = p.model().indexOf(s.variable);
            probes[i] = new Probe(indexOf(p), v, s.neuron, s.variable);
            probeValues[i] = new Monitor.Doubles();
        }
        drives = new PoissonDrive[b.drives.size()];
        for (int i = 0; i < drives.length; i++) {
            DriveSpec d = b.drives.get(i);
            Population p = population(d.population);
            double lambda = d.sources * d.rate * dtMs;
            if (lambda > 500) {
                throw new IllegalArgumentException("sources × rate × dt = " + lambda + " input spikes per step and neuron "
                        + "is too many to draw exactly; use fewer sources, a lower rate or a smaller dt");
            }
            drives[i] = new PoissonDrive(indexOf(p), p.model().indexOf(d.variable), lambda, d.weight,
                    mix(seed, 0x1000000 + i));
        }
    }

    /** A builder for a network; see {@link Builder}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One thread unless asked: the threads meet at a barrier every step, which costs little on
     * free cores but a great deal on a machine whose cores are busy with other work (a shared
     * notebook server), and the results are the same either way.
     */
    static int defaultThreads(int neurons) {
        return 1;
    }

    /**
     * The fewest neurons a stepping thread must have to be worth its barrier: below this a step's
     * share of work (about 1 µs for 1000 LIF neurons) costs less than the threads' meeting.
     */
    static final int MIN_NEURONS_PER_THREAD = 1000;

    /**
     * The threads that can help: no more than {@code cores} (a spinning thread waiting for one that
     * has no core makes every step wait for the scheduler: 256 threads on 100 neurons ran several
     * hundred times slower than one) and no more than one per {@link #MIN_NEURONS_PER_THREAD}
     * neurons; at least one.
     */
    static int usefulThreads(int asked, int neurons, int cores) {
        return Math.max(1, Math.min(asked, Math.min(cores, neurons / MIN_NEURONS_PER_THREAD)));
    }

    /** The first neuron of chunk {@code t} when {@code n} neurons are cut into {@code parts} chunks. */
    static int chunkStart(int n, int parts, int t) {
        return (int) ((long) n * t / parts);
    }

    static long mix(long seed, long salt) {
        long z = seed + salt * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private int indexOf(Population p) {
        for (int i = 0; i < populations.length; i++) {
            if (populations[i] == p) {
                return i;
            }
        }
        throw new IllegalStateException("population " + p.name() + " is not part of this network");
    }

    /** The population with this name, or an exception listing the names. */
    public Population population(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name = null; name a population, one of " + names());
        }
        for (Population p : populations) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("population = \"" + name + "\" does not exist; use one of " + names());
    }

    /** The populations in the order they were added. */
    public List<Population> populations() {
        return List.of(populations);
    }

    /** The projections in the order they were added (the order in which spikes are delivered). */
    public List<Projection> projections() {
        return List.of(projections);
    }

    private List<String> names() {
        List<String> n = new ArrayList<>();
        for (Population p : populations) {
            n.add(p.name());
        }
        return n;
    }

    /** Total number of neurons. */
    public int size() {
        int n = 0;
        for (Population p : populations) {
            n += p.size();
        }
        return n;
    }

    /** Total number of connections. */
    public long connections() {
        long c = 0;
        for (Projection p : projections) {
            c += p.size();
        }
        return c;
    }

    /** The time step in ms. */
    public double dtMs() {
        return dtMs;
    }

    /** The seed everything random was drawn from. */
    public long seed() {
        return seed;
    }

    /**
     * Number of threads that step the network: those asked with {@link Builder#threads(int)}, but
     * at most one per available core and one per 1000 neurons ({@link #toString()} says when
     * fewer were used than asked). The results are the same for any number.
     */
    public int threads() {
        return threads;
    }

    /** Simulated time so far, in ms. */
    public double timeMs() {
        return step * dtMs;
    }

    /** Wall-clock seconds the step loop of the last {@link #run(double)} took. */
    public double lastRunSeconds() {
        return lastRunSeconds;
    }

    /**
     * Advances the network by {@code durationMs}, a whole number of steps of dt, and returns all
     * that has been recorded since t = 0.
     */
    public NetworkResult run(double durationMs) {
        advance(durationMs);
        return result();
    }

    /**
     * Advances the network by {@code durationMs}, a whole number of steps of dt, without
     * assembling a result; {@link #result()} gives it later.
     *
     * @return this network
     */
    public SpikingNetwork advance(double durationMs) {
        if (!(durationMs > 0) || !Double.isFinite(durationMs)) {
            throw new IllegalArgumentException("durationMs = " + durationMs
                    + " must be positive and finite; give the time to simulate in ms, e.g. 1000");
        }
        double ratio = durationMs / dtMs;
        if (ratio + step > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("durationMs = " + durationMs + " makes more than 2^31 steps in total; "
                    + "use a larger dt or a shorter run");
        }
        long n = Math.round(ratio);
        if (n < 1 || Math.abs(ratio - n) > 1e-6 * Math.max(1, ratio)) {
            long lower = Math.max(1, (long) Math.floor(ratio));
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "durationMs = %s is %s steps of dtMs = %s ms; the network advances in whole steps (it has no "
                            + "partial step to take), so give a multiple of dt, e.g. %s ms (%d step%s) or %s ms",
                    NetworkResult.plain(durationMs), Memory.count(ratio), NetworkResult.plain(dtMs),
                    NetworkResult.plain(lower * dtMs), lower, lower == 1 ? "" : "s",
                    NetworkResult.plain((lower + 1) * dtMs)));
        }
        long k0 = step;
        long k1 = step + n;
        checkRecordingFits(durationMs, k1);
        for (Monitor.Ints c : counts) {
            c.ensure((int) k1);
        }
        for (Monitor.Doubles d : probeValues) {
            d.ensure((int) k1);
        }
        for (Projection p : projections) {
            p.partition(threads);
        }
        Scratch scratch = new Scratch();
        long t0 = System.nanoTime();
        if (threads == 1) {
            loop(0, k0, k1, scratch, null);
        } else {
            SpinBarrier barrier = new SpinBarrier(threads);
            Thread[] workers = new Thread[threads - 1];
            Throwable[] failure = new Throwable[threads];
            for (int t = 1; t < threads; t++) {
                final int id = t;
                workers[t - 1] = new Thread(() -> {
                    try {
                        loop(id, k0, k1, scratch, barrier);
                    } catch (Throwable e) {
                        failure[id] = e;
                        barrier.breakBarrier();
                    }
                }, "soma-network-" + t);
                workers[t - 1].setDaemon(true);
                workers[t - 1].start();
            }
            try {
                loop(0, k0, k1, scratch, barrier);
            } catch (Throwable e) {
                failure[0] = e;
                barrier.breakBarrier();
            }
            for (Thread w : workers) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    barrier.breakBarrier();
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while stepping the network", e);
                }
            }
            for (Throwable f : failure) {
                if (f instanceof RuntimeException && !(f instanceof IllegalStateException)) {
                    throw (RuntimeException) f;
                }
                if (f != null) {
                    throw new IllegalStateException("a stepping thread failed: " + f, f);
                }
            }
        }
        lastRunSeconds = (System.nanoTime() - t0) * 1e-9;
        step = k1;
        for (Monitor.Ints c : counts) {
            c.n = (int) k1;
        }
        for (Monitor.Doubles d : probeValues) {
            d.n = (int) k1;
        }
        checkFinite();
        return this;
    }

    /**
     * Every step records each traced neuron (8 bytes) and each population's spike count (4 bytes)
     * from t = 0: refused before the run if the arrays for {@code steps} steps cannot fit.
     */
    private void checkRecordingFits(double durationMs, long steps) {
        double bytes = 0;
        for (Monitor.Ints c : counts) {
            bytes += 4.0 * Math.max(0, steps - c.a.length);
        }
        for (Monitor.Doubles d : probeValues) {
            bytes += 8.0 * Math.max(0, steps - d.a.length);
        }
        String what = String.format(Locale.ROOT,
                "running %s ms more (%d steps from t = 0) records %s%d population spike count%s every step (8 bytes "
                        + "a traced neuron, 4 a population), which",
                NetworkResult.plain(durationMs), steps,
                probes.length == 0 ? "" : probes.length + " traced neuron" + (probes.length == 1 ? "" : "s") + " and ",
                counts.length, counts.length == 1 ? "" : "s");
        Memory.require(what, bytes, probes.length > 0
                ? "trace fewer neurons (recordState), run a shorter time or use a larger dt"
                : "run a shorter time or use a larger dt");
    }

    private void checkFinite() {
        for (Population p : populations) {
            for (int v = 0; v < p.x.length; v++) {
                double[] a = p.x[v];
                for (int j = 0; j < a.length; j++) {
                    if (!Double.isFinite(a[j])) {
                        throw new IllegalStateException(String.format(Locale.ROOT,
                                "the network diverged: %s of neuron %d in population %s is %s at t = %.4g ms; "
                                        + "use a smaller dt or check the weights", p.variables().get(v), j, p.name(),
                                a[j], timeMs()));
                    }
                }
            }
        }
    }

    /** Per-run buffers: spike lists by step parity, population and thread. */
    private final class Scratch {
        final int[][][][] spikes = new int[2][populations.length][threads][];
        final int[][][] count = new int[2][populations.length][threads];
        final int[][] bounds = new int[populations.length][threads + 1];

        Scratch() {
            for (int pi = 0; pi < populations.length; pi++) {
                int n = populations[pi].size();
                for (int t = 0; t <= threads; t++) {
                    bounds[pi][t] = chunkStart(n, threads, t);
                }
                for (int par = 0; par < 2; par++) {
                    for (int t = 0; t < threads; t++) {
                        spikes[par][pi][t] = new int[bounds[pi][t + 1] - bounds[pi][t]];
                    }
                }
            }
        }
    }

    private void loop(int t, long k0, long k1, Scratch s, SpinBarrier barrier) {
        final Population[] pops = populations;
        final Projection[] projs = projections;
        final int np = pops.length;
        final int[] srcIndex = new int[projs.length];
        for (int i = 0; i < projs.length; i++) {
            srcIndex[i] = indexOf(projs[i].source);
        }
        for (long k = k0; k < k1; k++) {
            final int par = (int) (k & 1);
            for (int pi = 0; pi < np; pi++) {
                final Population p = pops[pi];
                final int lo = s.bounds[pi][t];
                final int hi = s.bounds[pi][t + 1];
                final int slot = (int) (k % depth[pi]);
                for (int v : extraInputs[pi]) {
                    final double[] x = p.x[v];
                    final double[] r = p.rings[v][slot];
                    for (int j = lo; j < hi; j++) {
                        x[j] += r[j];
                        r[j] = 0;
                    }
                }
                for (PoissonDrive d : drives) {
                    if (d.population == pi) {
                        d.apply(p.x[d.variable], lo, hi, k, p.offset());
                    }
                }
                for (int q = 0; q < probes.length; q++) {
                    Probe pr = probes[q];
                    if (pr.population == pi && pr.neuron >= lo && pr.neuron < hi) {
                        double value = p.x[pr.variable][pr.neuron];
                        if (kernelInput[pi][pr.variable] && p.rings[pr.variable] != null) {
                            value += p.rings[pr.variable][slot][pr.neuron];
                        }
                        probeValues[q].a[(int) k] = value;
                    }
                }
                s.count[par][pi][t] = p.kernel.step(lo, hi, slot, s.spikes[par][pi][t], 0);
            }
            if (barrier != null) {
                barrier.await(t, k - k0 + 1);
            }
            for (int i = 0; i < projs.length; i++) {
                final int src = srcIndex[i];
                for (int q = 0; q < threads; q++) {
                    projs[i].deliver(s.spikes[par][src][q], s.count[par][src][q], t, k);
                }
            }
            if (t == 0) {
                for (int pi = 0; pi < np; pi++) {
                    int total = 0;
                    int offset = pops[pi].offset();
                    for (int q = 0; q < threads; q++) {
                        final int c = s.count[par][pi][q];
                        final int[] list = s.spikes[par][pi][q];
                        for (int e = 0; e < c; e++) {
                            spikeSteps.add((int) k);
                            spikeNeurons.add(offset + list[e]);
                        }
                        total += c;
                    }
                    counts[pi].a[(int) k] = total;
                }
            }
        }
    }

    /** Everything recorded since t = 0. */
    public NetworkResult result() {
        String[] names = new String[populations.length];
        int[] sizes = new int[populations.length];
        int[] offsets = new int[populations.length];
        int[][] perStep = new int[populations.length][];
        for (int i = 0; i < populations.length; i++) {
            names[i] = populations[i].name();
            sizes[i] = populations[i].size();
            offsets[i] = populations[i].offset();
            perStep[i] = Arrays.copyOf(counts[i].a, (int) step);
        }
        Map<String, double[]> traces = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (int q = 0; q < probes.length; q++) {
            Probe pr = probes[q];
            Population p = populations[pr.population];
            String key = pr.name + " " + p.name() + "[" + pr.neuron + "]";
            traces.put(key, Arrays.copyOf(probeValues[q].a, (int) step));
            units.put(key, p.model().units().get(pr.variable));
        }
        return new NetworkResult(names, sizes, offsets, dtMs, step, spikeSteps.toArray(), spikeNeurons.toArray(),
                perStep, traces, units, threads, lastRunSeconds, seed);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SpikingNetwork: ");
        for (int i = 0; i < populations.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(populations[i]);
        }
        sb.append(String.format(Locale.ROOT, "; %d projections, %d connections; dt %s ms, t = %s ms, %d thread%s%s, seed %d",
                projections.length, connections(), NetworkResult.plain(dtMs), NetworkResult.plain(timeMs()), threads,
                threads == 1 ? "" : "s", threadNote(), seed));
        return sb.toString();
    }

    /** Why fewer threads step the network than were asked for, or "". */
    private String threadNote() {
        if (threads >= threadsAsked) {
            return "";
        }
        return String.format(Locale.ROOT, " (%d asked; at most one per core, %d here, and one per %d neurons)",
                threadsAsked, Runtime.getRuntime().availableProcessors(), MIN_NEURONS_PER_THREAD);
    }

    /** The delay of a connection made without one: one step, whatever dt is chosen later. */
    private static final double ONE_STEP = -1;

    /** A delay checked again at build time, when dt is final. */
    static void checkDelay(String name, double delayMs, double dtMs) {
        if (!Double.isFinite(delayMs) || delayMs < dtMs * (1 - 1e-9)) {
            throw new IllegalArgumentException(name + " = " + delayMs + " is shorter than one step (dt = " + dtMs
                    + " ms); a spike acts at the next step at the earliest, so give a delay of at least dt");
        }
        if (delayMs / dtMs > MAX_DELAY_STEPS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s = %s is %s steps of dt = %s ms, more than the %d steps a delay can span; a spike waits in a "
                            + "ring buffer with one slot per step for every target neuron: give the delay in ms, "
                            + "e.g. 1.5, or use a larger dt", name, NetworkResult.plain(delayMs), Memory.count(delayMs / dtMs),
                    NetworkResult.plain(dtMs), MAX_DELAY_STEPS));
        }
    }

    /** The longest delay in steps: ring indices are ints, and a longer wait is no synaptic delay. */
    static final int MAX_DELAY_STEPS = 1 << 30;

    /** The bytes of the ring buffer a delay needs in a population of {@code targetSize} neurons (per variable). */
    static double ringBytes(double delayMs, double dtMs, int targetSize) {
        return 8.0 * Math.max(1, Math.round(delayMs / dtMs)) * targetSize;
    }

    private record Probe(int population, int variable, int neuron, String name) {}

    private record PopSpec(String name, PopulationModel model, int size) {}

    private record ProbeSpec(String population, String variable, int neuron) {}

    /** The highest rate of one external input train, per ms: 1000 Hz, faster than any neuron fires. */
    static final double MAX_INPUT_RATE = 1.0;

    /** External input; {@code rate} per ms (Soma's unit: {@code 10 * Hz} = 0.01). */
    private record DriveSpec(String population, String variable, int sources, double rate, double weight) {}

    private static final class ConnSpec {
        final String from;
        final String to;
        final String variable;
        final double weight;
        final double[] weights;
        final double delayMs;
        final double[] delaysMs;
        final Connectivity rule;

        ConnSpec(String from, String to, String variable, double weight, double[] weights, double delayMs,
                 double[] delaysMs, Connectivity rule) {
            this.from = from;
            this.to = to;
            this.variable = variable;
            this.weight = weight;
            this.weights = weights;
            this.delayMs = delayMs;
            this.delaysMs = delaysMs;
            this.rule = rule;
        }

        Projection build(SpikingNetwork net, SplittableRandom random) {
            Population src = net.population(from);
            Population dst = net.population(to);
            int v = dst.model().indexOf(variable);
            Connectivity.Csr csr = rule.build(src.size(), dst.size(), src == dst, random);
            double[] w = new double[csr.size()];
            if (weights == null) {
                Arrays.fill(w, weight);
            } else {
                if (weights.length != csr.size()) {
                    throw new IllegalArgumentException("weights.length = " + weights.length + " but " + rule
                            + " made " + csr.size() + " connections; give one weight per connection");
                }
                for (int s = 0; s < w.length; s++) {
                    w[s] = weights[csr.order == null ? s : csr.order[s]];
                }
            }
            String name = from + "→" + to + ":" + variable;
            if (delaysMs == null) {
                if (delayMs == ONE_STEP) {
                    return new Projection(name, src, dst, v, csr, w, 1, null);
                }
                checkDelay("delayMs", delayMs, net.dtMs);
                int d = (int) Math.round(delayMs / net.dtMs);
                return new Projection(name, src, dst, v, csr, w, Math.max(1, d), null);
            }
            if (delaysMs.length != csr.size()) {
                throw new IllegalArgumentException("delaysMs.length = " + delaysMs.length + " but " + rule
                        + " made " + csr.size() + " connections; give one delay per connection");
            }
            int[] d = new int[csr.size()];
            for (int s = 0; s < d.length; s++) {
                int at = csr.order == null ? s : csr.order[s];
                checkDelay("delaysMs[" + at + "]", delaysMs[at], net.dtMs);
                d[s] = (int) Math.max(1, Math.round(delaysMs[at] / net.dtMs));
            }
            return new Projection(name, src, dst, v, csr, w, -1, d);
        }
    }

    /**
     * Describes a network: time step, seed, threads, populations, connections and what to record.
     * Every spike is always recorded.
     *
     * <pre>{@code
     * var net = SpikingNetwork.builder().seed(1)
     *     .population("E", LifCurrentExp.cuba(), 3200)
     *     .population("I", LifCurrentExp.cuba(), 800)
     *     .connect("E", "E", "ge", 1.62 * mV, Connectivity.fixedProbability(0.02))
     *     ...
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private long seed = 1;
        private double dtMs = 0.1;
        private int threads = 0;
        /** Tests only: step on exactly the threads asked, even more than the cores (results must not change). */
        boolean exactThreads;
        private final Map<String, PopSpec> pops = new LinkedHashMap<>();
        private final List<ConnSpec> conns = new ArrayList<>();
        private final List<ProbeSpec> probes = new ArrayList<>();
        private final List<DriveSpec> drives = new ArrayList<>();

        private Builder() {}

        /** The seed of every random choice (connectivity, starting values). Default 1. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The time step in ms. Default 0.1 ms. */
        public Builder dtMs(double dtMs) {
            if (!(dtMs > 0) || !Double.isFinite(dtMs)) {
                throw new IllegalArgumentException("dtMs = " + dtMs + " must be positive and finite; e.g. 0.1");
            }
            this.dtMs = dtMs;
            return this;
        }

        /**
         * Number of stepping threads; the results do not depend on it. Default 1. The threads meet
         * at a barrier every step, which only pays when each has enough work and a core of its own:
         * the network uses at most one thread per available core and one per 1000 neurons, and
         * says so in its summary when that is fewer than asked. Even then, on cores busy with
         * other work (a shared notebook server) one thread can be the fastest.
         */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("threads = " + threads + " must be between 1 and 256; "
                        + "e.g. the number of cores");
            }
            this.threads = threads;
            return this;
        }

        /** Adds a population of {@code size} neurons of a kind. */
        public Builder population(String name, PopulationModel model, int size) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name = \"" + name + "\" is empty; give the population a name, e.g. \"E\"");
            }
            if (pops.containsKey(name)) {
                throw new IllegalArgumentException("name = \"" + name + "\" is used twice; give each population its own name");
            }
            if (model == null) {
                throw new IllegalArgumentException("model is null; give a kind of neuron, e.g. LifCurrentExp.cuba()");
            }
            if (size <= 0) {
                throw new IllegalArgumentException("size = " + size + " neurons for population " + name
                        + "; a population needs at least one neuron");
            }
            long total = size;
            for (PopSpec p : pops.values()) total += p.size;
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "size = %,d neurons for population %s makes %,d "
                        + "neurons in all, more than a network can number (%,d); use fewer", size, name, total, Integer.MAX_VALUE - 8));
            }
            pops.put(name, new PopSpec(name, model, size));
            return this;
        }

        /**
         * Connects {@code from} to variable {@code variable} of {@code to}, every spike adding
         * {@code weight} (in the variable's unit), with the minimal delay of one step.
         */
        public Builder connect(String from, String to, String variable, double weight, Connectivity rule) {
            PopulationModel target = checkConnection(from, to, variable, ONE_STEP, rule);
            checkWeight("weight", weight, target, variable);
            conns.add(new ConnSpec(from, to, variable, weight, null, ONE_STEP, null, rule));
            return this;
        }

        /** As {@link #connect(String, String, String, double, Connectivity)}, with a delay in ms (at least dt). */
        public Builder connect(String from, String to, String variable, double weight, double delayMs,
                               Connectivity rule) {
            checkDelay("delayMs", delayMs, dtMs);
            PopulationModel target = checkConnection(from, to, variable, delayMs, rule);
            checkRingFits("delayMs", delayMs, to);
            checkWeight("weight", weight, target, variable);
            conns.add(new ConnSpec(from, to, variable, weight, null, delayMs, null, rule));
            return this;
        }

        /**
         * As {@link #connect(String, String, String, double, double, Connectivity)} with one weight
         * per connection; for an explicit list, in the order of its arrays.
         */
        public Builder connect(String from, String to, String variable, double[] weights, double delayMs,
                               Connectivity rule) {
            checkDelay("delayMs", delayMs, dtMs);
            PopulationModel target = checkConnection(from, to, variable, delayMs, rule);
            checkRingFits("delayMs", delayMs, to);
            if (weights == null) {
                throw new IllegalArgumentException("weights is null; give one weight per connection");
            }
            for (int s = 0; s < weights.length; s++) {
                checkWeight("weights[" + s + "]", weights[s], target, variable);
            }
            conns.add(new ConnSpec(from, to, variable, Double.NaN, weights.clone(), delayMs, null, rule));
            return this;
        }

        /**
         * As {@link #connect(String, String, String, double[], double, Connectivity)} with one delay
         * per connection, in ms (each at least dt, rounded to whole steps); for an explicit list, in
         * the order of its arrays.
         */
        public Builder connect(String from, String to, String variable, double[] weights, double[] delaysMs,
                               Connectivity rule) {
            if (delaysMs == null) {
                throw new IllegalArgumentException("delaysMs is null; give one delay in ms per connection");
            }
            int longest = -1;
            for (int s = 0; s < delaysMs.length; s++) {
                checkDelay("delaysMs[" + s + "]", delaysMs[s], dtMs);
                if (longest < 0 || delaysMs[s] > delaysMs[longest]) {
                    longest = s;
                }
            }
            PopulationModel target = checkConnection(from, to, variable, ONE_STEP, rule);
            if (longest >= 0) {
                checkRingFits("delaysMs[" + longest + "]", delaysMs[longest], to);
            }
            if (weights == null) {
                throw new IllegalArgumentException("weights is null; give one weight per connection");
            }
            for (int s = 0; s < weights.length; s++) {
                checkWeight("weights[" + s + "]", weights[s], target, variable);
            }
            conns.add(new ConnSpec(from, to, variable, Double.NaN, weights.clone(), dtMs, delaysMs.clone(), rule));
            return this;
        }

        private PopulationModel checkConnection(String from, String to, String variable, double delayMs,
                                                Connectivity rule) {
            PopSpec a = pops.get(from);
            PopSpec b = pops.get(to);
            if (a == null) {
                throw new IllegalArgumentException("from = \"" + from + "\" is not a population; add it first or use one of " + pops.keySet());
            }
            if (b == null) {
                throw new IllegalArgumentException("to = \"" + to + "\" is not a population; add it first or use one of " + pops.keySet());
            }
            b.model.indexOf(variable);
            if (rule == null) {
                throw new IllegalArgumentException("rule is null; give a connectivity, e.g. Connectivity.fixedProbability(0.02)");
            }
            rule.checkSizes(a.size, b.size, from.equals(to));
            if (delayMs != ONE_STEP) {
                checkDelay("delayMs", delayMs, dtMs);
            }
            return b.model;
        }

        /** A delay's ring buffer alone must fit in the heap: refused here, naming the delay. */
        private void checkRingFits(String name, double delayMs, String to) {
            int size = pops.get(to).size;
            Memory.require(String.format(Locale.ROOT,
                    "%s = %s is %s steps of dt = %s ms; a spike waits in a ring buffer with one slot per step "
                            + "for each of the %d neurons of %s, which", name, NetworkResult.plain(delayMs),
                    Memory.count(delayMs / dtMs), NetworkResult.plain(dtMs), size, to),
                    ringBytes(delayMs, dtMs, size), "give a shorter delay (in ms) or use a larger dt");
        }

        private static void checkWeight(String name, double w, PopulationModel target, String variable) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException(name + " = " + w + " is not a finite number; give the weight in "
                        + target.unitOf(variable));
            }
            if (w < 0 && target.isConductance(variable)) {
                throw new IllegalArgumentException(name + " = " + w + " is a negative conductance for " + variable
                        + "; conductances are never negative: inhibition is chosen by the reversal potential of the "
                        + "target conductance (e.g. connect to gi), not by the sign of the weight");
            }
        }

        /**
         * External Poisson input: every neuron of {@code population} receives {@code sources}
         * independent Poisson spike trains of {@code rate} each, every input spike adding
         * {@code weight} to {@code variable} (e.g. Brunel's 1000 external inputs at 10 Hz:
         * {@code poissonInput("E", "ge", 1000, 10 * Hz, 0.1 * mV)}). The rate is in Soma's unit,
         * spikes per ms, as everywhere a rate is typed: write it with {@code Hz}. Drawn from the
         * seed with a counter-based generator, so it is the same on any number of threads.
         *
         * @param rate spikes per ms of each input train, at most 1 (1000 Hz): write {@code 10 * Hz}
         */
        public Builder poissonInput(String population, String variable, int sources, double rate, double weight) {
            PopSpec p = pops.get(population);
            if (p == null) {
                throw new IllegalArgumentException("population = \"" + population + "\" does not exist; use one of " + pops.keySet());
            }
            p.model.indexOf(variable);
            if (sources < 1) {
                throw new IllegalArgumentException("sources = " + sources + "; give at least one input train per neuron");
            }
            if (!(rate >= 0) || !Double.isFinite(rate)) {
                throw new IllegalArgumentException("rate = " + rate + " must be zero or positive; give the rate of each "
                        + "input train with its unit, e.g. 10 * Hz");
            }
            if (rate > MAX_INPUT_RATE) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "rate = %s means %s Hz for each input train (rates are in spikes per ms), more than a neuron "
                                + "can fire; write the rate with its unit: %s * Hz",
                        NetworkResult.plain(rate), NetworkResult.plain(rate * 1000), NetworkResult.plain(rate)));
            }
            checkWeight("weight", weight, p.model, variable);
            drives.add(new DriveSpec(population, variable, sources, rate, weight));
            return this;
        }

        /** Records {@code variable} of the given neurons (local indices of population {@code population}) every step. */
        public Builder recordState(String population, String variable, int... neurons) {
            PopSpec p = pops.get(population);
            if (p == null) {
                throw new IllegalArgumentException("population = \"" + population + "\" does not exist; use one of " + pops.keySet());
            }
            p.model.indexOf(variable);
            if (neurons == null || neurons.length == 0) {
                throw new IllegalArgumentException("neurons " + (neurons == null ? "= null" : "is empty")
                        + "; give the indices of the neurons to record, e.g. 0, 1, 2");
            }
            for (int i = 0; i < neurons.length; i++) {
                if (neurons[i] < 0 || neurons[i] >= p.size) {
                    throw new IllegalArgumentException("neurons[" + i + "] = " + neurons[i] + ": neuron " + neurons[i]
                            + " is not in population " + population + "; use 0.." + (p.size - 1));
                }
            }
            for (int j : neurons) {
                probes.add(new ProbeSpec(population, variable, j));
            }
            return this;
        }

        /**
         * Builds the network: draws the connections and the starting state from the seed. A network
         * whose expected size (from the connection rules, before anything is drawn) does not fit in
         * the Java heap is refused with its size and how to give Java more memory.
         */
        public SpikingNetwork build() {
            if (pops.isEmpty()) {
                throw new IllegalArgumentException("the network has no population; add one with population(name, model, size)");
            }
            Estimate e = estimate();
            Memory.require(e.description(), e.bytes(), e.connections() > 1e6
                    ? "use fewer neurons or a lower connection probability" : "use fewer neurons or shorter delays");
            return new SpikingNetwork(this);
        }

        /** The memory a network needs and what it is made of. */
        record Estimate(double bytes, int neurons, double connections, double ringBytes, String description) {}

        /**
         * What {@link #build()} will allocate: per connection its target (4 bytes), weight (8) and
         * own delay if given (4), at the peak while a projection is drawn (its targets grow in a
         * buffer that is copied once: about 8.5 bytes a connection, on top of the projections
         * drawn before it); per neuron its variables; per delayed target variable a ring of one
         * slot per step of the longest delay into it.
         */
        Estimate estimate() {
            int neurons = 0;
            double state = 0;
            int nThreads = Math.max(1, threads);
            for (PopSpec p : pops.values()) {
                neurons += p.size;
                state += p.size * (8.0 * p.model.variables().size() + 4);
            }
            double connections = 0;
            double connectionBytes = 0;
            double peak = 0;
            Map<String, Double> longestDelay = new LinkedHashMap<>();
            Map<String, java.util.Set<String>> delayedVariables = new LinkedHashMap<>();
            for (ConnSpec c : conns) {
                PopSpec a = pops.get(c.from);
                PopSpec b = pops.get(c.to);
                double e = c.rule.expectedConnections(a.size, b.size, a == b);
                connections += e;
                peak = Math.max(peak, connectionBytes + 8.5 * e);
                connectionBytes += e * (c.delaysMs == null ? 12 : 16) + 4.0 * (a.size + 1) * (nThreads + 2);
                double delay = c.delaysMs == null ? (c.delayMs == ONE_STEP ? dtMs : c.delayMs) : max(c.delaysMs, dtMs);
                longestDelay.merge(c.to, delay, Math::max);
                delayedVariables.computeIfAbsent(c.to, k -> new java.util.LinkedHashSet<>(b.model.inputVariables()))
                        .add(c.variable);
            }
            double rings = 0;
            for (Map.Entry<String, Double> d : longestDelay.entrySet()) {
                if (Math.round(d.getValue() / dtMs) > 1) {
                    rings += ringBytes(d.getValue(), dtMs, pops.get(d.getKey()).size) * delayedVariables.get(d.getKey()).size();
                }
            }
            double bytes = state + Math.max(peak, connectionBytes) + rings;
            String description = String.format(Locale.ROOT, "this network (%d neurons, about %s connections%s)",
                    neurons, Memory.count(connections), rings > 0.01 * bytes ? ", delay buffers of " + Memory.size(rings) : "");
            return new Estimate(bytes, neurons, connections, rings, description);
        }

        private static double max(double[] values, double floor) {
            double m = floor;
            for (double v : values) {
                m = Math.max(m, v);
            }
            return m;
        }
    }
}
