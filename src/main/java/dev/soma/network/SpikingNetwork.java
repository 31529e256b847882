package dev.soma.network;

import dev.soma.model.NeuronModel;
import dev.soma.sim.Integrators;
import dev.soma.sim.LinearPropagator;
import dev.soma.sim.Method;
import dev.soma.stimulus.Current;
import dev.soma.stimulus.SpikeSource;
import dev.soma.synapse.Stdp;
import dev.soma.synapse.SynapseKind;
import dev.soma.synapse.TsodyksMarkram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A network of {@link Population}s — neurons of any {@link NeuronModel}, or spike sources —
 * joined by {@link Projection}s onto receptors, stepped on a fixed grid by one or more threads.
 * Built with {@link #builder()}; {@link #run(double)} advances it and returns everything recorded
 * so far as a {@link NetworkResult}. Running again continues from where the last run stopped.
 *
 * <h2>One step</h2>
 * Step {@code k} takes the network from t = k·dt to (k+1)·dt, in Brian2's order:
 * <ol>
 *   <li>each population adds the input due at the start of the step (what its ring buffers hold
 *       for step k, and its external Poisson input) — jumps onto the V of a neuron that was still
 *       refractory are dropped;</li>
 *   <li>its neurons integrate over the step with the population's method, V held while
 *       refractory (models that reset), then the threshold is tested on the new state: a spike is
 *       stamped t = k·dt, the model's reset applied, and the neuron stays refractory for
 *       round(t_ref/dt) steps (V held at the reset value, inputs to V dropped, other variables
 *       integrating); spike sources fire;</li>
 *   <li>every spike of the step is delivered: with delay d = round(delay/dt) steps, at the end of
 *       step k + d, so that it acts from step k + d + 1 on (d = 0: straight into the receptor).</li>
 * </ol>
 *
 * <h2>Threads and determinism</h2>
 * Every population is cut into the same fixed chunks, one per thread; a thread steps its chunk
 * and then delivers <em>all</em> spikes of the step, but only to targets inside its chunk, walking
 * the spikes in increasing neuron order and the projections in the order they were added. Each
 * target therefore receives its increments in the same order whatever the number of threads, so
 * the floating-point sums, and all spikes, are bit-identical to a single thread. Random numbers in
 * the step loop (Poisson input, noise, Poisson sources) are hashes of (seed, step, neuron), not
 * draws from a stream; everything else random is drawn once at build time from streams derived
 * from the seed. One barrier per step; spike lists are double-buffered by step parity.
 *
 * <h2>Steppers</h2>
 * A population's neurons are stepped by the general step — the model's own equations, the
 * single-neuron engine's integrators — compiled for that model; a population of one leaky
 * integrate-and-fire model with current-based exponential (or jump) receptors and the exact method
 * uses a hand-tuned step that computes the same numbers bit for bit, and so does a population of one
 * Traub–Miles Hodgkin–Huxley model with exponential conductance- or current-based (or jump)
 * receptors and exponential Euler ({@link Population#stepper()} says which;
 * {@link Builder#generalPath()} forces the general one).
 */
public final class SpikingNetwork {
    private final long seed;
    private final double dtMs;
    private final int threads;
    private final int threadsAsked;
    final Population[] populations;
    final Projection[] projections;
    private final PoissonInput[] inputs;
    private final Current[] injected;
    /** Per population: the ring depth (all its rings share it), and the variables with a ring. */
    private final int[] depth;
    private final int[][] ringVariables;
    /** Per population: variables holding one-step current pulses, cleared after each step. */
    private final int[][] pulseVariables;
    /** Per population and thread: its step. */
    private final PopulationStep[][] steps;
    private final Probe[] probes;
    private final int sampleStride;

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
        for (PopSpec s : b.pops.values()) {
            total += s.size;
        }
        this.threadsAsked = b.threads > 0 ? b.threads : defaultThreads(total);
        this.threads = b.exactThreads ? threadsAsked
                : usefulThreads(threadsAsked, total, Runtime.getRuntime().availableProcessors());

        // Populations, with the receptors their incoming projections and inputs name, in order.
        List<Population> pops = new ArrayList<>();
        int offset = 0;
        int index = 0;
        for (PopSpec s : b.pops.values()) {
            if (s.source != null) {
                pops.add(new Population(s.name, s.size, offset, null, s.source, null));
            } else {
                NeuronModel[] models = s.draw == null ? null : drawModels(s, new SplittableRandom(mix(seed, 0x100 + index)));
                NeuronModel first = models == null ? s.model : models[0];
                List<SynapseKind> kinds = receptorsOnto(b, s.name);
                Layout layout = new Layout(first, models, kinds, dtMs, s.name);
                Method method = s.method != null ? s.method : b.method != null ? b.method : defaultMethod(first, kinds);
                pops.add(new Population(s.name, s.size, offset, layout, null, method));
            }
            offset += s.size;
            index++;
        }
        this.populations = pops.toArray(new Population[0]);
        for (int i = 0; i < populations.length; i++) {
            initialize(populations[i], b.pops.get(populations[i].name()), b.starts, i);
        }

        List<Projection> projs = new ArrayList<>();
        for (int i = 0; i < b.conns.size(); i++) {
            projs.add(b.conns.get(i).build(this, mix(seed, 0x10000 + i)));
        }
        this.projections = projs.toArray(new Projection[0]);

        this.inputs = new PoissonInput[b.drives.size()];
        for (int i = 0; i < inputs.length; i++) {
            DriveSpec d = b.drives.get(i);
            Population p = population(d.population);
            Target target = target(p, d.kind);
            inputs[i] = new PoissonInput(indexOf(p), target.variable, d.weight * target.scale, target.gated, d.sources,
                    d.rate * dtMs, mix(seed, 0x1000000 + i));
        }
        this.injected = new Current[populations.length];
        for (Map.Entry<String, Current> e : b.injections.entrySet()) {
            injected[indexOf(population(e.getKey()))] = e.getValue();
        }

        depth = new int[populations.length];
        ringVariables = new int[populations.length][];
        pulseVariables = new int[populations.length][];
        for (int pi = 0; pi < populations.length; pi++) {
            Population p = populations[pi];
            int longest = -1;
            Set<Integer> delayed = new LinkedHashSet<>();
            for (Projection pr : projections) {
                if (pr.target == p && pr.maxDelaySteps() > 0) {
                    longest = Math.max(longest, pr.maxDelaySteps());
                    delayed.add(pr.variable);
                }
            }
            depth[pi] = longest + 1;
            for (int v : delayed) {
                p.ensureRing(v, depth[pi]);
                for (Projection pr : projections) {
                    if (pr.target == p && pr.variable == v && pr.gated) {
                        p.gated[v] = true;
                    }
                }
            }
            ringVariables[pi] = delayed.stream().mapToInt(Integer::intValue).toArray();
            List<Integer> pulses = new ArrayList<>();
            if (p.layout != null) {
                for (int r = 0; r < p.layout.receptors.length; r++) {
                    if (p.layout.receptors[r].coupling() == SynapseKind.Coupling.PULSE) {
                        pulses.add(p.layout.receptorOffset[r]);
                    }
                }
            }
            pulseVariables[pi] = pulses.stream().mapToInt(Integer::intValue).toArray();
        }

        steps = new PopulationStep[populations.length][threads];
        for (int pi = 0; pi < populations.length; pi++) {
            Population p = populations[pi];
            PopSpec spec = b.pops.get(p.name());
            if (p.isSource()) {
                int[][] sourceSteps = null;
                if (p.source.kind() == SpikeSource.Kind.TRAINS) {
                    sourceSteps = new int[p.size()][];
                    for (int j = 0; j < p.size(); j++) {
                        sourceSteps[j] = p.source.steps(j, dtMs);
                    }
                }
                int[] cursor = new int[p.size()];
                for (int t = 0; t < threads; t++) {
                    steps[pi][t] = new SourceStep(p.source, dtMs, mix(seed, 0x3000000 + pi), p.offset(), sourceSteps, cursor);
                }
            } else {
                makeSteps(p, pi, spec.noiseSd, b.forceGeneral);
            }
            p.stepper = steps[pi][0].describe();
        }

        counts = new Monitor.Ints[populations.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new Monitor.Ints();
        }
        sampleStride = b.sampleEveryMs == null ? 1 : strideOf(b.sampleEveryMs, dtMs);
        List<Probe> all = new ArrayList<>();
        for (ProbeSpec spec : b.probes) {
            all.add(probe(spec));
        }
        for (int c = 0; c < b.conns.size(); c++) {
            int[] chosen = b.conns.get(c).weightProbes;
            if (chosen == null) {
                continue;
            }
            Projection pr = projections[c];
            for (int q = 0; q < chosen.length; q++) {
                int s = chosen[q];
                if (s < 0 || s >= pr.size()) {
                    throw new IllegalArgumentException("connections[" + q + "] = " + s + " is not a connection of " + pr.name()
                            + ", which has " + pr.size() + (pr.size() == 0 ? "" : " (0.." + (pr.size() - 1) + ", the rows of its "
                            + "weightTable())") + "; record connections that exist");
                }
                all.add(new Probe(indexOf(pr.target), pr.post[s], "w", pr.weightUnit(), -1, -1, -1, c, s));
            }
        }
        probes = all.toArray(new Probe[0]);
        probeValues = new Monitor.Doubles[probes.length];
        for (int i = 0; i < probes.length; i++) {
            probeValues[i] = new Monitor.Doubles();
        }
    }

    private static NeuronModel[] drawModels(PopSpec s, SplittableRandom random) {
        NeuronModel[] models = new NeuronModel[s.size];
        for (int j = 0; j < s.size; j++) {
            NeuronModel m = s.draw.draw(j, random);
            if (m == null) {
                throw new IllegalArgumentException("the model of neuron " + j + " of population " + s.name
                        + " is null; the function must return a neuron model for every index");
            }
            if (j > 0 && !Arrays.equals(m.stateNames(), models[0].stateNames())) {
                throw new IllegalArgumentException("neuron " + j + " of population " + s.name + " is a " + m.name()
                        + " with variables " + Arrays.toString(m.stateNames()) + ", neuron 0 a " + models[0].name()
                        + " with " + Arrays.toString(models[0].stateNames())
                        + "; the neurons of one population must share their variables: make two populations");
            }
            if (j > 0 && !m.inputUnit().equals(models[0].inputUnit())) {
                throw new IllegalArgumentException("neuron " + j + " of population " + s.name + " takes input in "
                        + m.inputUnit() + ", neuron 0 in " + models[0].inputUnit() + "; make two populations");
            }
            models[j] = m;
        }
        return models;
    }

    /** The receptor kinds with state that projections and inputs name onto {@code population}, first use first. */
    private static List<SynapseKind> receptorsOnto(Builder b, String population) {
        List<SynapseKind> kinds = new ArrayList<>();
        for (ConnSpec c : b.conns) {
            if (c.to.equals(population) && !kinds.contains(c.kind)) {
                kinds.add(c.kind);
            }
        }
        for (DriveSpec d : b.drives) {
            if (d.population.equals(population) && !kinds.contains(d.kind)) {
                kinds.add(d.kind);
            }
        }
        return kinds;
    }

    /**
     * The method a population uses unless one is chosen: exact when the model is linear between
     * spikes and every receptor is a jump or a current (CUBA, Brunel), otherwise RK4 as for one
     * neuron.
     */
    static Method defaultMethod(NeuronModel model, List<SynapseKind> kinds) {
        if (!model.isLinearBetweenSpikes()) {
            return Method.RK4;
        }
        for (SynapseKind k : kinds) {
            if (k.coupling() == SynapseKind.Coupling.CONDUCTANCE) {
                return Method.RK4;
            }
        }
        return Method.EXACT;
    }

    /** Start values: each neuron's model at rest, receptors at 0, then the start values the builder was given. */
    private void initialize(Population p, PopSpec spec, List<StartSpec> starts, int pi) {
        if (p.isSource()) {
            return;
        }
        Layout layout = p.layout;
        double[] rest = layout.model.restingState();
        for (int j = 0; j < p.size(); j++) {
            double[] r = layout.models == null ? rest : layout.models[j].restingState();
            for (int v = 0; v < layout.modelSize; v++) {
                p.x[v][j] = r[v];
            }
        }
        int k = 0;
        for (StartSpec s : starts) {
            if (!s.population.equals(p.name())) {
                continue;
            }
            int v = p.index(s.variable);
            SplittableRandom random = new SplittableRandom(mix(seed, 0x200000 + 4096L * pi + k++));
            for (int j = 0; j < p.size(); j++) {
                double value;
                if (s.draw == null) {
                    value = s.value;
                } else {
                    Number d = s.draw.draw(j, random);
                    value = d == null ? Double.NaN : d.doubleValue();
                }
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("the start value of " + s.variable + " of neuron " + j + " of population "
                            + p.name() + " is " + value + "; give finite start values");
                }
                p.x[v][j] = value;
            }
        }
        double[] state = new double[layout.modelSize];
        for (int j = 0; j < p.size(); j++) {
            for (int v = 0; v < layout.modelSize; v++) {
                state[v] = p.x[v][j];
            }
            try {
                layout.modelOf(j).checkState(state);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("neuron " + j + " of population " + p.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The steps of a population of neurons, one per thread: hand-tuned where one applies, else general. */
    private void makeSteps(Population p, int pi, double noiseSd, boolean forceGeneral) {
        Layout layout = p.layout;
        boolean noise = noiseSd > 0;
        GeneralSteps.Shape shape = new GeneralSteps.Shape(layout, p.method, dtMs, noise);
        long noiseKey = mix(seed, 0x2000000 + pi);
        GeneralSteps.Data probeData = new GeneralSteps.Data(p.name(), layout, p.x, p.until, null, null, noiseSd, noiseKey, p.offset());
        PopulationStep eq = GeneralSteps.create(shape, probeData);
        String where = " of population " + p.name();
        double[][][] propagators = null;
        double[][][] held = null;
        Map<NeuronModel, Integer> distinct = new IdentityHashMap<>();
        int count = layout.models == null ? 1 : p.size();
        for (int j = 0; j < count; j++) {
            distinct.putIfAbsent(layout.modelOf(j), j);
        }
        if (p.method == Method.EXACT) {
            propagators = new double[count][][];
            held = new double[count][][];
            Map<NeuronModel, double[][][]> done = new IdentityHashMap<>();
            for (int j = 0; j < count; j++) {
                NeuronModel m = layout.modelOf(j);
                double[][][] pair = done.get(m);
                if (pair == null) {
                    eq.prepare(j, false, 0.0);
                    double[] y = stateOf(p, j);
                    double[] a = LinearPropagator.matrix((Integrators.Equations) eq, layout.size, 0.0, y, layout.names,
                            m.name() + where);
                    double[][] free = LinearPropagator.propagator(a, layout.size, dtMs);
                    pair = new double[][][] {free, LinearPropagator.heldPropagator(a, free, layout.size, layout.vi, dtMs)};
                    done.put(m, pair);
                }
                propagators[j] = pair[0];
                held[j] = pair[1];
            }
        } else {
            for (int j : distinct.values()) {
                eq.prepare(j, false, 0.0);
                Integrators.checkStability((Integrators.Equations) eq, layout.size, stateOf(p, j), p.method, dtMs, layout.names, where);
            }
        }
        GeneralSteps.Data data = new GeneralSteps.Data(p.name(), layout, p.x, p.until, propagators, held, noiseSd, noiseKey, p.offset());
        boolean lif = !forceGeneral && LifStep.applies(layout, p.method, noise)
                && LifStep.structureHolds(propagators[0], layout.size);
        boolean hh = !forceGeneral && HhTraubStep.applies(layout, p.method, noise);
        boolean adex = !forceGeneral && AdexStep.applies(layout, p.method, noise);
        boolean izhikevich = !forceGeneral && IzhikevichStep.applies(layout, p.method);
        for (int t = 0; t < threads; t++) {
            steps[pi][t] = lif ? new LifStep(layout, p.x, p.until, propagators[0])
                    : hh ? new HhTraubStep(layout, p.x, p.until, dtMs, p.name())
                    : adex ? new AdexStep(layout, p.x, p.until, dtMs, p.name())
                    : izhikevich ? new IzhikevichStep(layout, p.x, p.until, dtMs, noiseSd, noiseKey, p.offset(), p.name())
                    : GeneralSteps.create(shape, data);
        }
    }

    private static double[] stateOf(Population p, int j) {
        double[] y = new double[p.layout.size];
        for (int v = 0; v < y.length; v++) {
            y[v] = p.x[v][j];
        }
        return y;
    }

    /** Where a kind's events land in a population: the variable, the scale of a weight, whether refractoriness drops them. */
    record Target(int variable, double scale, boolean gated) {}

    static Target target(Population p, SynapseKind kind) {
        Layout layout = p.layout;
        if (kind.coupling() == SynapseKind.Coupling.JUMP) {
            int v = kind.jumpIndex(layout.model);
            return new Target(v, 1.0, layout.resets && v == layout.vi);
        }
        int r = layout.receptorIndex(kind);
        return new Target(layout.receptorOffset[r] + kind.eventOffset(), kind.eventScale(), false);
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
        return CounterRandom.mix(seed, salt);
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

    /**
     * The projection from population {@code from} to population {@code to}, e.g. to read its
     * weights between runs ({@code net.projection("in", "out").weightTable()}); when several
     * receptors connect the same pair, {@link #projections()} lists them all.
     */
    public Projection projection(String from, String to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException((from == null ? "from" : "to") + " = null; name a population, one of " + names());
        }
        population(from);
        population(to);
        Projection found = null;
        for (Projection p : projections) {
            if (p.source.name().equals(from) && p.target.name().equals(to)) {
                if (found != null) {
                    throw new IllegalArgumentException("from = \"" + from + "\", to = \"" + to + "\": several projections join them ("
                            + found.name() + ", " + p.name() + ", ...); pick one from projections()");
                }
                found = p;
            }
        }
        if (found == null) {
            List<String> names = new ArrayList<>();
            for (Projection p : projections) {
                names.add(p.name());
            }
            throw new IllegalArgumentException("from = \"" + from + "\", to = \"" + to + "\": no projection joins them; the network has "
                    + names);
        }
        return found;
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

    /** Total number of neurons (spike sources included). */
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
            d.ensure(samples(k1));
        }
        for (Projection p : projections) {
            p.partition(threads);
        }
        Scratch scratch = new Scratch();
        long t0 = System.nanoTime();
        try {
            if (threads == 1) {
                loop(0, k0, k1, scratch, null);
            } else {
                runThreads(k0, k1, scratch);
            }
        } finally {
            lastRunSeconds = (System.nanoTime() - t0) * 1e-9;
        }
        step = k1;
        for (Monitor.Ints c : counts) {
            c.n = (int) k1;
        }
        for (Monitor.Doubles d : probeValues) {
            d.n = samples(k1);
        }
        checkFinite();
        return this;
    }

    private void runThreads(long k0, long k1, Scratch scratch) {
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
        // The first real failure wins over the "another thread failed" of the others.
        Throwable first = null;
        for (Throwable f : failure) {
            if (f != null && (first == null || "another stepping thread failed".equals(first.getMessage()))) {
                first = f;
            }
        }
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first != null) {
            throw new IllegalStateException("a stepping thread failed: " + first, first);
        }
    }

    /** The number of samples of a trace recorded every {@link #sampleStride} steps from step 0 up to (not including) {@code k}. */
    private int samples(long k) {
        return (int) ((k + sampleStride - 1) / sampleStride);
    }

    /**
     * Every step records each population's spike count (4 bytes) and every {@code sampleStride}
     * steps each traced neuron (8 bytes), from t = 0: refused before the run if that cannot fit.
     */
    private void checkRecordingFits(double durationMs, long steps) {
        double bytes = 0;
        for (Monitor.Ints c : counts) {
            bytes += 4.0 * Math.max(0, steps - c.a.length);
        }
        for (Monitor.Doubles d : probeValues) {
            bytes += 8.0 * Math.max(0, samples(steps) - d.a.length);
        }
        String what = String.format(Locale.ROOT,
                "running %s ms more (%d steps from t = 0) records %s%d population spike count%s every step (8 bytes "
                        + "a traced neuron and sample, 4 a population), which",
                NetworkResult.plain(durationMs), steps,
                probes.length == 0 ? "" : probes.length + " traced neuron" + (probes.length == 1 ? "" : "s") + " and ",
                counts.length, counts.length == 1 ? "" : "s");
        Memory.require(what, bytes, probes.length > 0
                ? "record fewer neurons, sample less often (sampleEvery), run a shorter time or use a larger dt"
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
        final int[] dstIndex = new int[projs.length];
        for (int i = 0; i < projs.length; i++) {
            srcIndex[i] = indexOf(projs[i].source);
            dstIndex[i] = indexOf(projs[i].target);
        }
        for (long k = k0; k < k1; k++) {
            final int par = (int) (k & 1);
            final double time = k * dtMs;
            for (int pi = 0; pi < np; pi++) {
                final Population p = pops[pi];
                final int lo = s.bounds[pi][t];
                final int hi = s.bounds[pi][t + 1];
                if (!p.isSource()) {
                    consumeInputs(p, pi, lo, hi, k);
                    if (probes.length > 0 && k % sampleStride == 0) {
                        record(p, pi, t, lo, hi, k);
                    }
                }
                double current = injected[pi] == null ? 0.0 : injected[pi].at(time);
                s.count[par][pi][t] = steps[pi][t].step(k, time, current, lo, hi, s.spikes[par][pi][t], 0);
                for (int v : pulseVariables[pi]) {
                    Arrays.fill(p.x[v], lo, hi, 0.0);
                }
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
            for (int i = 0; i < projs.length; i++) {
                if (projs[i].isPlastic()) {
                    final int dst = dstIndex[i];
                    projs[i].potentiate(s.spikes[par][dst][t], s.count[par][dst][t], t, k);
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

    /** Adds what the rings hold for step k and the Poisson input, dropping gated input to refractory neurons. */
    private void consumeInputs(Population p, int pi, int lo, int hi, long k) {
        if (ringVariables[pi].length > 0) {
            final int slot = (int) (k % depth[pi]);
            final int[] until = p.until;
            for (int v : ringVariables[pi]) {
                final double[] x = p.x[v];
                final double[] r = p.rings[v][slot];
                if (p.gated[v]) {
                    for (int j = lo; j < hi; j++) {
                        if (k > until[j]) {
                            x[j] += r[j];
                        }
                        r[j] = 0;
                    }
                } else {
                    for (int j = lo; j < hi; j++) {
                        x[j] += r[j];
                        r[j] = 0;
                    }
                }
            }
        }
        for (PoissonInput in : inputs) {
            if (in.population == pi) {
                in.apply(p.x[in.variable], p.until, lo, hi, k, p.offset());
            }
        }
    }

    // ---- monitors --------------------------------------------------------------------------------

    /** A recorded quantity of one neuron: a state variable, a model's derived quantity, or a receptor's current. */
    private record Probe(int population, int neuron, String variable, String unit, int state, int derived, int receptor,
                         int projection, int connection) {
        Probe(int population, int neuron, String variable, String unit, int state, int derived, int receptor) {
            this(population, neuron, variable, unit, state, derived, receptor, -1, -1);
        }
    }

    private Probe probe(ProbeSpec s) {
        Population p = population(s.population);
        int pi = indexOf(p);
        Layout layout = p.layout;
        int state = layout.indexOf(s.variable);
        if (state >= 0) {
            return new Probe(pi, s.neuron, s.variable, layout.units[state], state, -1, -1);
        }
        List<String> derived = Arrays.asList(layout.model.derivedNames());
        int d = derived.indexOf(s.variable);
        if (d >= 0) {
            return new Probe(pi, s.neuron, s.variable, layout.model.derivedUnits()[d], -1, d, -1);
        }
        for (int r = 0; r < layout.receptors.length; r++) {
            SynapseKind kind = layout.receptors[r];
            if (kind.coupling() == SynapseKind.Coupling.CONDUCTANCE && ("I_" + kind.name()).equals(s.variable)) {
                return new Probe(pi, s.neuron, s.variable, layout.model.inputUnit(), -1, -1, r);
            }
        }
        throw new IllegalArgumentException("variable = \"" + s.variable + "\" is not recordable in population " + p.name()
                + "; choose from " + recordable(p));
    }

    /** The names that {@code record} accepts for a population. */
    static List<String> recordable(Population p) {
        Layout layout = p.layout;
        List<String> names = new ArrayList<>(Arrays.asList(layout.names));
        names.addAll(Arrays.asList(layout.model.derivedNames()));
        for (SynapseKind kind : layout.receptors) {
            if (kind.coupling() == SynapseKind.Coupling.CONDUCTANCE) {
                names.add("I_" + kind.name());
            }
        }
        return names;
    }

    private void record(Population p, int pi, int t, int lo, int hi, long k) {
        final int sample = (int) (k / sampleStride);
        for (int q = 0; q < probes.length; q++) {
            Probe pr = probes[q];
            if (pr.population != pi || pr.neuron < lo || pr.neuron >= hi) {
                continue;
            }
            double value;
            if (pr.projection >= 0) {
                Projection proj = projections[pr.projection];
                value = proj.weights == null ? proj.weight : proj.weights[pr.connection];
            } else if (pr.state >= 0) {
                value = p.x[pr.state][pr.neuron];
            } else {
                value = derivedValue(p, pr, k);
            }
            probeValues[q].a[sample] = value;
        }
    }

    /** A derived quantity of a recorded neuron at the start of step k (not in the hot loop). */
    private double derivedValue(Population p, Probe pr, long k) {
        Layout layout = p.layout;
        int j = pr.neuron;
        double[] y = stateOf(p, j);
        double v = y[layout.vi];
        if (pr.receptor >= 0) {
            SynapseKind kind = layout.receptors[pr.receptor];
            return kind.current(y, layout.receptorOffset[pr.receptor], v, layout.reversal[pr.receptor]);
        }
        double input = injected[pr.population] == null ? 0.0 : injected[pr.population].at(k * dtMs);
        for (int r = 0; r < layout.receptors.length; r++) {
            input += layout.receptors[r].current(y, layout.receptorOffset[r], v, layout.reversal[r]);
        }
        NeuronModel m = layout.modelOf(j);
        double[] out = new double[Math.max(1, m.derivedNames().length)];
        m.derived(k * dtMs, y, input, out);
        return out[pr.derived];
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
            String key = pr.projection >= 0
                    ? "w " + projections[pr.projection].name() + "[" + projections[pr.projection].sourceOf(pr.connection) + "→"
                            + pr.neuron + "]"
                    : pr.variable + " " + p.name() + "[" + pr.neuron + "]";
            traces.put(key, Arrays.copyOf(probeValues[q].a, samples(step)));
            units.put(key, pr.unit);
        }
        return new NetworkResult(names, sizes, offsets, dtMs, step, spikeSteps.toArray(), spikeNeurons.toArray(),
                perStep, traces, units, sampleStride, threads, lastRunSeconds, seed);
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

    private static int strideOf(double sampleEveryMs, double dtMs) {
        double ratio = sampleEveryMs / dtMs;
        long stride = Math.round(ratio);
        if (stride < 1 || Math.abs(ratio - stride) > 1e-6 * ratio) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "sampleEvery = %s ms is not a whole number of steps of dt = %s ms; choose e.g. %s ms",
                    NetworkResult.plain(sampleEveryMs), NetworkResult.plain(dtMs),
                    NetworkResult.plain(Math.max(1, stride) * dtMs)));
        }
        return (int) stride;
    }

    /** The longest time step, ms: a second per step follows no neuron's dynamics. */
    static final double MAX_DT_MS = 1000;

    /** The longest delay in steps: ring indices are ints, and a longer wait is no synaptic delay. */
    static final int MAX_DELAY_STEPS = 1 << 30;

    /** The highest rate of one external input train, per ms: 1000 Hz, faster than any neuron fires. */
    static final double MAX_INPUT_RATE = 1.0;

    /** The bytes of the ring buffer a delay of {@code delayMs} needs in a population of {@code targetSize} (per variable). */
    static double ringBytes(double delayMs, double dtMs, int targetSize) {
        return 8.0 * (Math.round(delayMs / dtMs) + 1) * targetSize;
    }

    /** A delay checked again at build time, when dt is final. */
    static void checkDelay(String name, double delayMs, double dtMs) {
        if (!(delayMs >= 0) || Double.isInfinite(delayMs)) {
            throw new IllegalArgumentException(name + " = " + delayMs + " ms must be a finite delay ≥ 0 (0: the input acts "
                    + "from the step after the spike); give it in ms, e.g. 1.5 * ms");
        }
        if (delayMs / dtMs > MAX_DELAY_STEPS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s = %s is %s steps of dt = %s ms, more than the %d steps a delay can span; a spike waits in a "
                            + "ring buffer with one slot per step for every target neuron: give the delay in ms, "
                            + "e.g. 1.5, or use a larger dt", name, NetworkResult.plain(delayMs), Memory.count(delayMs / dtMs),
                    NetworkResult.plain(dtMs), MAX_DELAY_STEPS));
        }
    }

    // ---- the builder's records ----------------------------------------------------------------------

    private static final class PopSpec {
        final String name;
        final int size;
        final NeuronModel model;
        final NeuronDraw<? extends NeuronModel> draw;
        final SpikeSource source;
        Method method;
        double noiseSd;

        PopSpec(String name, int size, NeuronModel model, NeuronDraw<? extends NeuronModel> draw, SpikeSource source) {
            this.name = name;
            this.size = size;
            this.model = model;
            this.draw = draw;
            this.source = source;
        }

        /** The model the builder checks connections against (drawn later: the first of a draw). */
        NeuronModel template() {
            return model;
        }
    }

    private record StartSpec(String population, String variable, double value, NeuronDraw<? extends Number> draw) {}

    private record ProbeSpec(String population, String variable, int neuron) {}

    private record DriveSpec(String population, SynapseKind kind, int sources, double rate, double weight) {}

    private static final class ConnSpec {
        final String from;
        final String to;
        final SynapseKind kind;
        final double weight;
        final double[] weights;
        final ConnectionDraw weightDraw;
        final double delayMs;
        final double[] delaysMs;
        final ConnectionDraw delayDraw;
        final Connectivity rule;
        /** Plasticity and weight recording, set by the builder's calls after {@code connect}. */
        Stdp stdp;
        TsodyksMarkram stp;
        int[] weightProbes;

        ConnSpec(String from, String to, SynapseKind kind, double weight, double[] weights, ConnectionDraw weightDraw,
                 double delayMs, double[] delaysMs, ConnectionDraw delayDraw, Connectivity rule) {
            this.from = from;
            this.to = to;
            this.kind = kind;
            this.weight = weight;
            this.weights = weights;
            this.weightDraw = weightDraw;
            this.delayMs = delayMs;
            this.delaysMs = delaysMs;
            this.delayDraw = delayDraw;
            this.rule = rule;
        }

        Projection build(SpikingNetwork net, long key) {
            Population src = net.population(from);
            Population dst = net.population(to);
            Target target = target(dst, kind);
            Connectivity.Csr csr = rule.build(src.size(), dst.size(), src == dst, new SplittableRandom(key));
            int m = csr.size();
            double w = weight;
            double[] ws = null;
            if (weights != null) {
                if (weights.length != m) {
                    throw new IllegalArgumentException("weights.length = " + weights.length + " but " + rule
                            + " made " + m + " connections; give one weight per connection");
                }
                ws = new double[m];
                for (int s = 0; s < m; s++) {
                    ws[s] = weights[csr.order == null ? s : csr.order[s]];
                }
            } else if (weightDraw != null) {
                ws = new double[m];
                SplittableRandom random = new SplittableRandom(mix(key, 1));
                for (int i = 0; i < src.size(); i++) {
                    for (int s = csr.rowStart[i]; s < csr.rowStart[i + 1]; s++) {
                        ws[s] = weightDraw.draw(i, csr.post[s], random);
                    }
                }
            }
            if (ws != null) {
                w = Double.NaN;
                WeightCheck check = new WeightCheck(kind, dst.model(), net.dtMs);
                for (int s = 0; s < m; s++) {
                    check.check("weight of connection", s, ws[s]);
                }
            }
            String name = from + "→" + to + ":" + kind.name();
            double dt = net.dtMs;
            Plasticity plasticity = null;
            if (stdp != null || stp != null) {
                if (ws == null) {
                    ws = new double[m];
                    Arrays.fill(ws, w);
                    w = Double.NaN;
                }
                if (stdp != null) {
                    for (int s = 0; s < m; s++) {
                        if (!(ws[s] >= stdp.wMin() && ws[s] <= stdp.wMax())) {
                            int pre = 0;
                            while (csr.rowStart[pre + 1] <= s) {
                                pre++;
                            }
                            throw new IllegalArgumentException(String.format(Locale.ROOT, "the weight of connection %d (%s %d → %s %d) "
                                    + "is %s %s, outside the STDP bounds [wMin, wMax] = [%s, %s]; start the weights inside the bounds "
                                    + "or widen them", s, from, pre, to, csr.post[s], NetworkResult.plain(ws[s]), kind.weightUnit(dst.model()),
                                    NetworkResult.plain(stdp.wMin()), NetworkResult.plain(stdp.wMax())));
                        }
                    }
                }
                plasticity = new Plasticity(stdp, stp, src.size(), dst.size(), csr.rowStart, csr.post, dt, net.threads);
            }
            if (delaysMs == null && delayDraw == null) {
                checkDelay("delayMs", delayMs, dt);
                return new Projection(name, src, dst, kind, target.variable, target.scale, target.gated, csr, w, ws,
                        (int) Math.round(delayMs / dt), null, plasticity, dt);
            }
            int[] d = new int[m];
            if (delaysMs != null) {
                if (delaysMs.length != m) {
                    throw new IllegalArgumentException("delaysMs.length = " + delaysMs.length + " but " + rule
                            + " made " + m + " connections; give one delay per connection");
                }
                for (int s = 0; s < m; s++) {
                    int at = csr.order == null ? s : csr.order[s];
                    if (!(delaysMs[at] >= 0) || delaysMs[at] / dt > MAX_DELAY_STEPS) {
                        checkDelay("delaysMs[" + at + "]", delaysMs[at], dt);
                    }
                    d[s] = (int) Math.round(delaysMs[at] / dt);
                }
            } else {
                SplittableRandom random = new SplittableRandom(mix(key, 2));
                for (int i = 0; i < src.size(); i++) {
                    for (int s = csr.rowStart[i]; s < csr.rowStart[i + 1]; s++) {
                        double delay = delayDraw.draw(i, csr.post[s], random);
                        if (!(delay >= 0) || delay / dt > MAX_DELAY_STEPS) {
                            checkDelay("delay of connection " + i + "→" + csr.post[s], delay, dt);
                        }
                        d[s] = (int) Math.round(delay / dt);
                    }
                }
            }
            int longest = 0;
            for (int x : d) {
                longest = Math.max(longest, x);
            }
            Memory.require(String.format(Locale.ROOT, "the delays of %s (up to %d steps) need a ring buffer with one slot per "
                    + "step for each of the %d neurons of %s, which", name, longest, dst.size(), to),
                    8.0 * (longest + 1) * dst.size(), "give shorter delays (in ms) or use a larger dt");
            return new Projection(name, src, dst, kind, target.variable, target.scale, target.gated, csr, w, ws, -1, d,
                    plasticity, dt);
        }
    }

    /**
     * The checks of a weight onto one receptor of one model, prepared once so that a million
     * per-connection weights cost a million comparisons: finite, not a negative conductance, and not
     * beyond the limit of plausibility ({@link Builder#checkWeight}).
     */
    static final class WeightCheck {
        private final SynapseKind kind;
        private final NeuronModel model;
        private final String unit;
        private final boolean conductance;
        /** What one event of weight 1 moves V by (mV), 0 when the event does not reach V. */
        private final double perUnit;
        private final double limit;

        WeightCheck(SynapseKind kind, NeuronModel model, double dtMs) {
            this.kind = kind;
            this.model = model;
            this.unit = kind.weightUnit(model);
            this.conductance = kind.coupling() == SynapseKind.Coupling.CONDUCTANCE;
            int vi = model.voltageIndex();
            double rest = model.restingState()[vi];
            double threshold = model.spikeRule().thresholdMv();
            double gain = Math.abs(model.inputGain());
            this.perUnit = switch (kind.coupling()) {
                case JUMP -> kind.jumpIndex(model) == vi ? 1 : 0;
                case PULSE -> gain * dtMs;
                case CURRENT -> gain * kind.kernel().areaMs();
                case CONDUCTANCE -> {
                    double e = kind.reversalMvOnto(model);
                    yield gain * kind.kernel().areaMs() * Math.max(Math.abs(e - rest), Math.abs(e - threshold));
                }
            };
            this.limit = Math.max(250, 10 * Math.abs(threshold - rest));
        }

        /** Checks weight {@code w}, named {@code name} (with {@code [index]} when index ≥ 0) in a message. */
        void check(String name, int index, double w) {
            if (Double.isFinite(w) && !(conductance && w < 0) && !(perUnit * Math.abs(w) > limit)) {
                return;
            }
            String what = index < 0 ? name : name + "[" + index + "]";
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException(what + " = " + w + " is not a finite number; give the weight in " + unit);
            }
            if (conductance && w < 0) {
                throw new IllegalArgumentException(what + " = " + w + " " + unit + " is a negative conductance for " + kind.name()
                        + "; conductances are never negative: inhibition is chosen by the reversal potential of the receptor "
                        + "(e.g. Synapses.gabaA(), E = −80 mV), not by the sign of the weight");
            }
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s = %s %s onto %s: one event alone would move V by about %.3g %s (the limit of plausibility is %.3g), "
                            + "so the weight is almost surely in the wrong unit; write it with its unit, e.g. %s",
                    what, NetworkResult.plain(w), unit, model.name(), perUnit * Math.abs(w),
                    model.stateUnits()[model.voltageIndex()], limit, Builder.example(kind, unit)));
        }
    }

    /**
     * Describes a network: time step, seed, threads, populations (neurons of any model, or spike
     * sources), projections onto receptors, external input, and what to record. Every spike is
     * always recorded.
     *
     * <pre>{@code
     * var lif = Neurons.lif().withTauMs(20 * ms).withRestMv(0).withThresholdMv(20).withResetMv(10);
     * var net = Network.builder().seed(1).dt(0.1 * ms)
     *     .population("E", lif, 10000).population("I", lif, 2500)
     *     .start("E", "V", Network.uniform(10 * mV, 20 * mV))
     *     .connect("E", "E", Synapses.jump(), 0.1 * mV, 1.5 * ms, Network.fixedInDegree(1000))
     *     ...
     *     .poissonInput("E", Synapses.jump(), 1000, 20 * Hz, 0.1 * mV)
     *     .record("E", "V", 0, 1, 2)
     *     .build();
     * }</pre>
     *
     * <p>Plasticity qualifies the connection added last: {@link #stdp} (additive or multiplicative
     * STDP with bounds, all-to-all pairing unless the rule says nearest-spike),
     * {@link #shortTermPlasticity} (Tsodyks–Markram) and {@link #recordWeights} (weight traces of
     * chosen synapses); {@link SpikingNetwork#projection(String, String)} gives the weights as a
     * table at any time:
     * <pre>{@code
     * var net = Network.builder()
     *     .population("in", Spikes.poissonGroup(1000, 15 * Hz)).population("out", Neurons.lif(), 1)
     *     .connect("in", "out", Synapses.ampa(), Network.uniform(0, 2 * nS), 0, Network.allToAll())
     *     .stdp(Synapses.stdpAdditive(0.02 * nS, 0.021 * nS, 20 * ms, 20 * ms, 0, 2 * nS))
     *     .recordWeights(0, 1, 2)
     *     .build();
     * net.run(1 * second);
     * net.projection("in", "out").weightTable()
     * }</pre>
     * Bytes per synapse: 4 for a projection with one weight and one delay, 12 with per-connection
     * weights (or short-term plasticity), +4 with per-connection delays, 20 with STDP (weight and
     * a transposed index for the postsynaptic updates).
     */
    public static final class Builder {
        private long seed = 1;
        private double dtMs = 0.1;
        private int threads = 0;
        private Method method;
        private boolean forceGeneral;
        private Double sampleEveryMs;
        /** Tests only: step on exactly the threads asked, even more than the cores (results must not change). */
        boolean exactThreads;
        private final Map<String, PopSpec> pops = new LinkedHashMap<>();
        private final List<ConnSpec> conns = new ArrayList<>();
        private final List<ProbeSpec> probes = new ArrayList<>();
        private final List<DriveSpec> drives = new ArrayList<>();
        private final List<StartSpec> starts = new ArrayList<>();
        private final Map<String, Current> injections = new LinkedHashMap<>();

        private Builder() {}

        /** The seed of every random choice (connectivity, weights, start values, inputs, noise). Default 1. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The time step in ms, the same for every population (write {@code dt(0.1 * ms)}). Default 0.1 ms. */
        public Builder dt(double stepMs) {
            if (!(stepMs > 0) || !Double.isFinite(stepMs)) {
                throw new IllegalArgumentException("dt = " + stepMs + " ms must be positive and finite; e.g. dt(0.1 * ms)");
            }
            if (stepMs > MAX_DT_MS) {
                throw new IllegalArgumentException("dt = " + NetworkResult.plain(stepMs) + " ms is longer than " + NetworkResult.plain(MAX_DT_MS)
                        + " ms, more than any dynamics a network step can follow; give the step in ms, e.g. dt(0.1 * ms)");
            }
            this.dtMs = stepMs;
            return this;
        }

        /** The same as {@link #dt(double)} (the name notebooks written before the one spelling used). */
        public Builder dtMs(double dt) {
            return dt(dt);
        }

        /**
         * The integration method of every population that does not choose its own
         * ({@link #method(String, String)}). Without one, a population uses exact for a model linear
         * between spikes with current-based or jump receptors, else RK4 (as a single neuron does).
         */
        public Builder method(Method chosen) {
            this.method = checkMethod(chosen);
            return this;
        }

        /** As {@link #method(Method)} by name: "euler", "rk4", "exponential-euler", "exponential-midpoint", "exact", "split-euler". */
        public Builder method(String name) {
            return method(parseMethod(name));
        }

        /** The integration method of one population, by name (see {@link #method(String)}). */
        public Builder method(String population, String name) {
            PopSpec p = neurons(population, "method");
            p.method = checkMethod(parseMethod(name));
            return this;
        }

        private static Method checkMethod(Method m) {
            if (m == null) {
                throw new IllegalArgumentException("method = null; choose one of euler, rk4, exponential-euler, "
                        + "exponential-midpoint, exact, split-euler");
            }
            if (m == Method.ADAPTIVE) {
                throw new IllegalArgumentException("method = adaptive: a network steps on a fixed grid; choose one of euler, "
                        + "rk4, exponential-euler, exponential-midpoint, exact, split-euler");
            }
            return m;
        }

        private static Method parseMethod(String name) {
            if (name == null) {
                throw new IllegalArgumentException("name = null; choose a method: euler, rk4, exponential-euler, "
                        + "exponential-midpoint, exact, split-euler");
            }
            for (Method m : Method.values()) {
                if (m.label().equals(name) || m.name().equalsIgnoreCase(name) || m.name().replace('_', '-').equalsIgnoreCase(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("method = \"" + name + "\" is not an integration method; choose one of euler, "
                    + "rk4, exponential-euler, exponential-midpoint, exact, split-euler");
        }

        /** Steps every population with the general step, also where a hand-tuned one applies (to compare them). */
        public Builder generalPath() {
            this.forceGeneral = true;
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

        /** Adds a population of {@code size} neurons of one model, e.g. {@code population("E", Neurons.adex("adapting"), 3200)}. */
        public Builder population(String name, NeuronModel model, int size) {
            checkName(name);
            if (model == null) {
                throw new IllegalArgumentException("model is null; give a neuron model, e.g. Neurons.lif()");
            }
            checkSize(name, size);
            pops.put(name, new PopSpec(name, size, model, null, null));
            return this;
        }

        /**
         * Adds a population of {@code size} neurons whose models differ, one drawn per neuron from
         * its index and the population's random stream (all must share their variables), e.g.
         * Izhikevich's (2003) heterogeneous cells.
         */
        public Builder population(String name, int size, NeuronDraw<? extends NeuronModel> models) {
            checkName(name);
            checkSize(name, size);
            if (models == null) {
                throw new IllegalArgumentException("models is null; give a function (index, random) -> model");
            }
            NeuronModel first = models.draw(0, new SplittableRandom(0));
            if (first == null) {
                throw new IllegalArgumentException("the model function gave null for neuron 0; it must return a neuron model");
            }
            pops.put(name, new PopSpec(name, size, first, models, null));
            return this;
        }

        /** Adds a group of spike sources (e.g. {@code Spikes.poissonGroup(1000, 15 * Hz)}): the source of projections, never a target. */
        public Builder population(String name, SpikeSource source) {
            checkName(name);
            if (source == null) {
                throw new IllegalArgumentException("source is null; e.g. Spikes.poissonGroup(1000, 15 * Hz)");
            }
            pops.put(name, new PopSpec(name, source.size(), null, null, source));
            return this;
        }

        private void checkName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name = \"" + name + "\" is empty; give the population a name, e.g. \"E\"");
            }
            if (pops.containsKey(name)) {
                throw new IllegalArgumentException("name = \"" + name + "\" is used twice; give each population its own name");
            }
        }

        private void checkSize(String name, int size) {
            if (size <= 0) {
                throw new IllegalArgumentException("size = " + size + " neurons for population " + name
                        + "; a population needs at least one neuron");
            }
            long total = size;
            for (PopSpec p : pops.values()) {
                total += p.size;
            }
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "size = %,d neurons for population %s makes %,d "
                        + "neurons in all, more than a network can number (%,d); use fewer", size, name, total, Integer.MAX_VALUE - 8));
            }
        }

        /** A population of neurons by name; a source or an unknown name is refused, naming {@code role}. */
        private PopSpec neurons(String population, String role) {
            PopSpec p = pops.get(population);
            if (p == null) {
                throw new IllegalArgumentException(role + " = \"" + population + "\" is not a population; add it first or use one of "
                        + pops.keySet());
            }
            if (p.source != null) {
                throw new IllegalArgumentException(role + " = \"" + population + "\" is a group of spike sources, which has no "
                        + "state and receives no input; connect to a population of neurons");
            }
            return p;
        }

        /** Starts variable {@code variable} of every neuron of {@code population} at {@code value} (instead of the model's rest). */
        public Builder start(String population, String variable, double value) {
            neurons(population, "population");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value = " + value + " for " + variable + " is not finite; give a finite start value");
            }
            starts.add(new StartSpec(population, variable, value, null));
            return this;
        }

        /** Starts variable {@code variable} at a value drawn per neuron, e.g. {@code Network.uniform(10 * mV, 20 * mV)}. */
        public Builder start(String population, String variable, NeuronDraw<? extends Number> values) {
            neurons(population, "population");
            if (values == null) {
                throw new IllegalArgumentException("values is null; e.g. Network.uniform(-70 * mV, -50 * mV)");
            }
            starts.add(new StartSpec(population, variable, Double.NaN, values));
            return this;
        }

        /**
         * Connects {@code from} to the receptor {@code kind} of {@code to}, every spike adding
         * {@code weight} (in the receptor's weight unit: µS for a conductance onto a point neuron,
         * the input unit for a current, mV for a jump), with no delay (the input acts from the
         * step after the spike).
         */
        public Builder connect(String from, String to, SynapseKind kind, double weight, Connectivity rule) {
            return connect(from, to, kind, weight, 0.0, rule);
        }

        /** As {@link #connect(String, String, SynapseKind, double, Connectivity)} with a delay in ms (rounded to whole steps). */
        public Builder connect(String from, String to, SynapseKind kind, double weight, double delayMs, Connectivity rule) {
            NeuronModel target = checkConnection(from, to, kind, rule);
            checkDelay("delayMs", delayMs, dtMs);
            checkRingFits("delayMs", delayMs, to);
            checkWeight("weight", weight, kind, target, dtMs);
            conns.add(new ConnSpec(from, to, kind, weight, null, null, delayMs, null, null, rule));
            return this;
        }

        /**
         * As {@link #connect(String, String, SynapseKind, double, double, Connectivity)} with a weight drawn per
         * connection, e.g. {@code (pre, post, random) -> 0.5 * random.nextDouble()} or {@code Network.uniform(0, 1 * nS)}.
         */
        public Builder connect(String from, String to, SynapseKind kind, ConnectionDraw weights, double delayMs, Connectivity rule) {
            NeuronModel target = checkConnection(from, to, kind, rule);
            checkDelay("delayMs", delayMs, dtMs);
            checkRingFits("delayMs", delayMs, to);
            if (weights == null) {
                throw new IllegalArgumentException("weights is null; give a function (pre, post, random) -> weight");
            }
            conns.add(new ConnSpec(from, to, kind, Double.NaN, null, weights, delayMs, null, null, rule));
            return this;
        }

        /** With a weight and a delay (ms) drawn per connection. */
        public Builder connect(String from, String to, SynapseKind kind, ConnectionDraw weights, ConnectionDraw delaysMs,
                               Connectivity rule) {
            checkConnection(from, to, kind, rule);
            if (weights == null || delaysMs == null) {
                throw new IllegalArgumentException("weights and delaysMs must not be null; give functions (pre, post, random) -> value");
            }
            conns.add(new ConnSpec(from, to, kind, Double.NaN, null, weights, Double.NaN, null, delaysMs, rule));
            return this;
        }

        /** With one weight per connection (for an explicit list, in the order of its arrays) and a common delay (ms). */
        public Builder connect(String from, String to, SynapseKind kind, double[] weights, double delayMs, Connectivity rule) {
            NeuronModel target = checkConnection(from, to, kind, rule);
            checkDelay("delayMs", delayMs, dtMs);
            checkRingFits("delayMs", delayMs, to);
            if (weights == null) {
                throw new IllegalArgumentException("weights is null; give one weight per connection");
            }
            WeightCheck check = new WeightCheck(kind, target, dtMs);
            for (int s = 0; s < weights.length; s++) {
                check.check("weights", s, weights[s]);
            }
            conns.add(new ConnSpec(from, to, kind, Double.NaN, weights.clone(), null, delayMs, null, null, rule));
            return this;
        }

        /** With one weight and one delay (ms) per connection; for an explicit list, in the order of its arrays. */
        public Builder connect(String from, String to, SynapseKind kind, double[] weights, double[] delaysMs, Connectivity rule) {
            NeuronModel target = checkConnection(from, to, kind, rule);
            if (weights == null || delaysMs == null) {
                throw new IllegalArgumentException("weights and delaysMs must not be null; give one value per connection");
            }
            int longest = -1;
            for (int s = 0; s < delaysMs.length; s++) {
                if (!(delaysMs[s] >= 0) || delaysMs[s] / dtMs > MAX_DELAY_STEPS) {
                    checkDelay("delaysMs[" + s + "]", delaysMs[s], dtMs);
                }
                if (longest < 0 || delaysMs[s] > delaysMs[longest]) {
                    longest = s;
                }
            }
            if (longest >= 0) {
                checkRingFits("delaysMs[" + longest + "]", delaysMs[longest], to);
            }
            WeightCheck check = new WeightCheck(kind, target, dtMs);
            for (int s = 0; s < weights.length; s++) {
                check.check("weights", s, weights[s]);
            }
            conns.add(new ConnSpec(from, to, kind, Double.NaN, weights.clone(), null, Double.NaN, delaysMs.clone(), null, rule));
            return this;
        }

        /** The connection added last, for the calls that qualify it; {@code what} names the call in the message. */
        private ConnSpec lastConnection(String what) {
            if (conns.isEmpty()) {
                throw new IllegalStateException(what + " applies to the connection added last; call connect(...) first, "
                        + "e.g. .connect(\"in\", \"out\", Synapses.ampa(), Network.uniform(0, 2 * nS), 0, Network.allToAll())." + what);
            }
            return conns.get(conns.size() - 1);
        }

        /**
         * Makes the connection added last plastic with spike-timing-dependent plasticity
         * ({@code Synapses.stdpAdditive(...)}, {@code Synapses.stdpMultiplicative(...)},
         * {@code Synapses.stdpSong(gMax)}): its weights ({@link Projection#weightUnit()}) change with
         * every pre- and postsynaptic spike and stay in [wMin, wMax]; every starting weight must lie
         * there. Pairing is all-to-all (each trace steps by 1 at its neuron's spikes; nearest-spike
         * with {@code rule.nearestSpike()}); within a step presynaptic spikes (delivered with the
         * present weight, then depression by the target's trace) come before postsynaptic ones
         * (potentiation by the source's trace), so a pair in one step counts as pre before post, as
         * in Brian2. Δt is measured between the steps in which the two neurons fired. Recurrent
         * projections are allowed. The results do not depend on the number of threads.
         *
         * <pre>{@code
         * .connect("in", "out", Synapses.currentExponential(5 * ms), Network.uniform(0, 0.6 * nA), 0, Network.allToAll())
         * .stdp(Synapses.stdpAdditive(0.006 * nA, 0.0063 * nA, 20 * ms, 20 * ms, 0, 0.6 * nA))
         * }</pre>
         */
        public Builder stdp(Stdp rule) {
            if (rule == null) {
                throw new IllegalArgumentException("rule = null; give an STDP rule, e.g. Synapses.stdpSong(0.01)");
            }
            ConnSpec c = lastConnection("stdp(rule)");
            NeuronModel target = pops.get(c.to).template();
            if (c.kind.coupling() == SynapseKind.Coupling.CONDUCTANCE && rule.wMin() < 0) {
                throw new IllegalArgumentException("rule: wMin = " + rule.wMin() + " " + c.kind.weightUnit(target) + " would let a "
                        + "conductance of " + c.kind.name() + " become negative; give wMin ≥ 0 (inhibition comes from the reversal "
                        + "potential, e.g. Synapses.gabaA())");
            }
            checkWeight("rule: wMax", rule.wMax(), c.kind, target, dtMs);
            checkWeight("rule: wMin", rule.wMin(), c.kind, target, dtMs);
            if (!Double.isNaN(c.weight) && !(c.weight >= rule.wMin() && c.weight <= rule.wMax())) {
                throw new IllegalArgumentException("weight = " + c.weight + " " + c.kind.weightUnit(target) + " of " + c.from + "→"
                        + c.to + " is outside the STDP bounds [wMin, wMax] = [" + rule.wMin() + ", " + rule.wMax()
                        + "]; start the weights inside the bounds or widen them");
            }
            c.stdp = rule;
            return this;
        }

        /**
         * Gives the connection added last Tsodyks–Markram short-term plasticity
         * ({@code Synapses.depressing(0.5, 800 * ms)}, {@code Synapses.tsodyksMarkram(U, τ_rec, τ_facil)}):
         * each source neuron keeps one (u, R) pair, solved exactly between its spikes, and each of its
         * spikes delivers weight × u·R on every connection (with a delay, u·R at the step it was fired).
         */
        public Builder shortTermPlasticity(TsodyksMarkram model) {
            if (model == null) {
                throw new IllegalArgumentException("model = null; give a short-term plasticity model, e.g. Synapses.depressing(0.5, 800)");
            }
            lastConnection("shortTermPlasticity(model)").stp = model;
            return this;
        }

        /**
         * Records the weights of chosen connections of the connection added last, at the start of
         * every step (or every {@link #sampleEvery}): indices in storage order, the row numbers of
         * {@link Projection#weightTable()} (by source, then by target; with {@code allToAll} from one
         * source onto one target, the source's index). The traces are named
         * {@code w <projection>[pre→post]} in {@link NetworkResult#traces()}.
         */
        public Builder recordWeights(int... connections) {
            if (connections == null || connections.length == 0) {
                throw new IllegalArgumentException("connections " + (connections == null ? "= null" : "is empty")
                        + "; give the indices of the connections to record, e.g. 0, 1, 2 (rows of weightTable())");
            }
            for (int q = 0; q < connections.length; q++) {
                if (connections[q] < 0) {
                    throw new IllegalArgumentException("connections[" + q + "] = " + connections[q]
                            + " is not a connection index; indices count from 0 (rows of weightTable())");
                }
            }
            ConnSpec c = lastConnection("recordWeights(connections)");
            int[] all = c.weightProbes == null ? connections.clone() : concat(c.weightProbes, connections);
            c.weightProbes = all;
            return this;
        }

        private static int[] concat(int[] a, int[] b) {
            int[] c = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }

        private NeuronModel checkConnection(String from, String to, SynapseKind kind, Connectivity rule) {
            if (!pops.containsKey(from)) {
                throw new IllegalArgumentException("from = \"" + from + "\" is not a population; add it first or use one of " + pops.keySet());
            }
            PopSpec target = neurons(to, "to");
            if (rule == null) {
                throw new IllegalArgumentException("rule is null; give a connectivity, e.g. Network.fixedProbability(0.02)");
            }
            rule.checkSizes(pops.get(from).size, target.size, from.equals(to));
            checkKind(kind, target.template(), to);
            return target.template();
        }

        /** Whether a receptor kind can end on a model: a conductance needs a membrane potential in mV, a jump an existing variable. */
        private static void checkKind(SynapseKind kind, NeuronModel model, String population) {
            if (kind == null) {
                throw new IllegalArgumentException("kind is null; give a receptor, e.g. Synapses.ampa(), Synapses.jump() or "
                        + "Synapses.currentExponential(5 * ms)");
            }
            if (kind.coupling() == SynapseKind.Coupling.JUMP) {
                kind.jumpIndex(model);
            }
            if (kind.coupling() == SynapseKind.Coupling.CONDUCTANCE) {
                int vi = model.voltageIndex();
                if (vi < 0 || vi >= model.stateNames().length || !"mV".equals(model.stateUnits()[vi])) {
                    throw new IllegalArgumentException("kind = " + kind + ": a conductance drives the current g·(E − V) and "
                            + "needs a membrane potential in mV, which " + model.name() + " (population " + population
                            + ") does not have" + (vi >= 0 && vi < model.stateNames().length ? " (its " + model.stateNames()[vi]
                            + " is in " + model.stateUnits()[vi] + ")" : "") + "; use a current-based receptor, e.g. "
                            + "Synapses.currentExponential(5 * ms), or a jump");
                }
            }
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

        /**
         * A weight must be finite, a conductance not negative, and no single event may move V by
         * more than max(250 mV, 10 × the distance from rest to threshold), estimated from above as
         * the charge of one event (its weight × the kernel's area, a pulse's × dt) times the model's
         * input gain, times the largest driving force (reversal to rest or to threshold) for a
         * conductance. A unit slip is a factor of 1000; 250 mV lies between the largest single events
         * of the reference networks (COBAHH's 67 nS inhibition: 201 mV by this estimate) and the
         * smallest slips (CUBA's 16.2 pA typed as nA: 405 mV).
         */
        static void checkWeight(String name, double w, SynapseKind kind, NeuronModel model, double dtMs) {
            new WeightCheck(kind, model, dtMs).check(name, -1, w);
        }

        static String example(SynapseKind kind, String unit) {
            return switch (kind.coupling()) {
                case CONDUCTANCE -> unit.equals("µS") ? "2 * nS (= 0.002 µS)" : "0.1 * mS_per_cm2";
                case CURRENT, PULSE -> unit.equals("nA") ? "20 * pA (= 0.02 nA)" : "1 * uA_per_cm2";
                case JUMP -> "0.5 * mV";
            };
        }

        /**
         * External Poisson input (Brian2's {@code PoissonInput}): every neuron of {@code population}
         * receives {@code sources} independent Poisson spike trains of {@code rate} each, every
         * input spike adding {@code weight} to the receptor {@code kind} (e.g. Brunel's 1000
         * external inputs: {@code poissonInput("E", Synapses.jump(), 1000, 20 * Hz, 0.1 * mV)}). In
         * each step a neuron gets a binomial number of input spikes at once; the draws are the same
         * on any number of threads.
         *
         * @param rate spikes per ms of each input train, at most 1 (1000 Hz): write {@code 10 * Hz}
         */
        public Builder poissonInput(String population, SynapseKind kind, int sources, double rate, double weight) {
            PopSpec p = neurons(population, "population");
            checkKind(kind, p.template(), population);
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
            if (rate * dtMs > 1) {
                throw new IllegalArgumentException("rate × dt = " + rate * dtMs + " > 1: more than one spike per step and train; "
                        + "use a smaller dt");
            }
            checkWeight("weight", weight, kind, p.template(), dtMs);
            drives.add(new DriveSpec(population, kind, sources, rate, weight));
            return this;
        }

        /**
         * A fresh Gaussian current of standard deviation {@code sd} (the model's input unit) for every
         * neuron of {@code population} in every step, held over the step (Izhikevich's 2003 thalamic
         * input: 5 for E, 2 for I at dt = 1 ms). Its effect depends on dt, as the paper's does.
         */
        public Builder noise(String population, double sd) {
            PopSpec p = neurons(population, "population");
            if (!(sd >= 0) || !Double.isFinite(sd)) {
                throw new IllegalArgumentException("sd = " + sd + " must be a finite standard deviation ≥ 0, in the model's input unit");
            }
            p.noiseSd = sd;
            return this;
        }

        /** Injects the same current (the model's input unit, e.g. {@code Stimulus.constant(0.5 * nA)}) into every neuron of a population, read at the start of each step. */
        public Builder inject(String population, Current current) {
            neurons(population, "population");
            if (current == null) {
                throw new IllegalArgumentException("current is null; e.g. Stimulus.constant(0.5 * nA)");
            }
            injections.merge(population, current, Current::plus);
            return this;
        }

        /**
         * Records {@code variable} of the given neurons (local indices of {@code population}): a state
         * variable ({@code V}, {@code w}, {@code g_AMPA}), a model's derived quantity ({@code I_Na})
         * or a conductance receptor's current ({@code I_AMPA}), at the start of every step (or every
         * {@link #sampleEvery}), after the step's input has arrived.
         */
        public Builder record(String population, String variable, int... neurons) {
            PopSpec p = neurons(population, "population");
            if (variable == null || variable.isBlank()) {
                throw new IllegalArgumentException("variable = " + (variable == null ? "null" : "\"" + variable + "\"")
                        + "; name a variable, e.g. \"V\"");
            }
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

        /** Records the traces every {@code intervalMs} (a whole number of steps) instead of every step. */
        public Builder sampleEvery(double intervalMs) {
            if (!(intervalMs > 0) || !Double.isFinite(intervalMs)) {
                throw new IllegalArgumentException("sampleEvery = " + intervalMs + " ms must be positive, e.g. sampleEvery(1 * ms)");
            }
            this.sampleEveryMs = intervalMs;
            return this;
        }

        /**
         * Builds the network: draws the models, connections, weights and start values from the seed.
         * A network whose expected size (from the connection rules, before anything is drawn) does
         * not fit in the Java heap is refused with its size and how to give Java more memory.
         */
        public SpikingNetwork build() {
            boolean neurons = false;
            for (PopSpec p : pops.values()) {
                neurons |= p.source == null;
            }
            if (!neurons) {
                throw new IllegalArgumentException("the network has no population of neurons; add one with population(name, model, size)");
            }
            Estimate e = estimate();
            Memory.require(e.description(), e.bytes(), e.connections() > 1e6
                    ? "use fewer neurons or a lower connection probability" : "use fewer neurons or shorter delays");
            return new SpikingNetwork(this);
        }

        /** The memory a network needs and what it is made of. */
        record Estimate(double bytes, int neurons, double connections, double ringBytes, String description) {}

        /**
         * What {@link #build()} will allocate: per connection its target (4 bytes), a weight (8)
         * and a delay (4) only where they are per connection; the peak while a projection is drawn
         * (about 8.5 bytes a connection, on top of the projections drawn before it); per neuron
         * its variables; per variable that receives delayed input a ring of one slot per step of
         * the longest delay into the population, plus one.
         */
        Estimate estimate() {
            int neurons = 0;
            double state = 0;
            int nThreads = Math.max(1, threads);
            Map<String, Integer> variables = new LinkedHashMap<>();
            for (PopSpec p : pops.values()) {
                neurons += p.size;
                int vars = p.source != null ? 0 : p.model.stateNames().length + 2 * receptorsOntoSpec(p.name).size();
                variables.put(p.name, vars);
                state += p.size * (8.0 * vars + 4 + (p.source != null ? 8 : 0));
            }
            double connections = 0;
            double connectionBytes = 0;
            double peak = 0;
            Map<String, Double> longestDelay = new LinkedHashMap<>();
            Map<String, Set<SynapseKind>> delayed = new LinkedHashMap<>();
            for (ConnSpec c : conns) {
                PopSpec a = pops.get(c.from);
                PopSpec b = pops.get(c.to);
                double e = c.rule.expectedConnections(a.size, b.size, a == b);
                connections += e;
                peak = Math.max(peak, connectionBytes + 8.5 * e);
                boolean perWeight = c.weights != null || c.weightDraw != null || c.stdp != null || c.stp != null;
                boolean perDelay = c.delaysMs != null || c.delayDraw != null;
                connectionBytes += e * (4 + (perWeight ? 8 : 0) + (perDelay ? 4 : 0) + (c.stdp != null ? 8 : 0))
                        + 4.0 * (a.size + 1) * (nThreads + 2) + (c.stdp != null ? 4.0 * (b.size + 1) + 12.0 * a.size * nThreads : 0);
                double delay = c.delaysMs != null ? max(c.delaysMs) : c.delayDraw != null ? 0 : c.delayMs;
                if (Math.round(delay / dtMs) > 0) {
                    longestDelay.merge(c.to, delay, Math::max);
                    delayed.computeIfAbsent(c.to, k -> new LinkedHashSet<>()).add(c.kind);
                }
            }
            double rings = 0;
            for (Map.Entry<String, Double> d : longestDelay.entrySet()) {
                rings += ringBytes(d.getValue(), dtMs, pops.get(d.getKey()).size) * delayed.get(d.getKey()).size();
            }
            double bytes = state + Math.max(peak, connectionBytes) + rings;
            String description = String.format(Locale.ROOT, "this network (%d neurons, about %s connections%s)",
                    neurons, Memory.count(connections), rings > 0.01 * bytes ? ", delay buffers of " + Memory.size(rings) : "");
            return new Estimate(bytes, neurons, connections, rings, description);
        }

        private List<SynapseKind> receptorsOntoSpec(String population) {
            List<SynapseKind> kinds = new ArrayList<>();
            for (ConnSpec c : conns) {
                if (c.to.equals(population) && !kinds.contains(c.kind) && c.kind.stateSize() > 0) {
                    kinds.add(c.kind);
                }
            }
            return kinds;
        }

        private static double max(double[] values) {
            double m = 0;
            for (double v : values) {
                m = Math.max(m, v);
            }
            return m;
        }
    }
}
