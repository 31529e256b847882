package dev.soma.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A sweep over the grid of any parameters × values, measuring chosen quantities at each point,
 * into a table. Points run in parallel on a fixed-size pool; each point computes from its own
 * values and its own seed ({@link Point#seed()}, derived from the sweep's seed and the point's
 * index), so the table is the same bit for bit with any number of threads.
 *
 * <pre>{@code
 * Table t = ParameterSweep.vary("a [nS]", 0, 2, 4)
 *         .and("b [pA]", 0, 60)
 *         .experiment(p -> Simulation.of(Neurons.adex().withAdaptationUs(p.get("a [nS]") * nS)
 *                                                   .withSpikeAdaptationNa(p.get("b [pA]") * pA))
 *                 .inject(Stimulus.constant(0.5)).run(500))
 *         .measure("rate [Hz]", r -> r.rateHz())
 *         .measure("CV", SpikeTrains::cv)
 *         .run();
 * }</pre>
 *
 * <p>Table shape: one column per parameter (named as given), then one per measure, one row per
 * grid point; the first parameter varies slowest.
 */
public final class ParameterSweep {
    private final Map<String, double[]> parameters;
    private final int threads;
    private final boolean progress;
    private final long seed;

    private ParameterSweep(Map<String, double[]> parameters, int threads, boolean progress, long seed) {
        this.parameters = parameters;
        this.threads = threads;
        this.progress = progress;
        this.seed = seed;
    }

    /** Starts a sweep over parameter {@code name} (put the unit in the name, e.g. {@code "a [nS]"}) with its values. */
    public static ParameterSweep vary(String name, double... values) {
        return new ParameterSweep(new LinkedHashMap<>(), Parallel.defaultThreads(), true, 1L).and(name, values);
    }

    /** Adds parameter {@code name} with its values; the grid is the product of all values. */
    public ParameterSweep and(String name, double... values) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name = \"" + name + "\" is empty; name it, with its unit, e.g. \"a [nS]\"");
        }
        if (parameters.containsKey(name)) {
            throw new IllegalArgumentException("parameter \"" + name + "\" is already swept; give each parameter once");
        }
        Sweeps.checkValues("values of \"" + name + "\"", values);
        Map<String, double[]> copy = new LinkedHashMap<>(parameters);
        copy.put(name, values.clone());
        return new ParameterSweep(copy, threads, progress, seed);
    }

    /** {@code count} evenly spaced values from {@code from} to {@code to} inclusive, to pass to {@link #and}. */
    public static double[] linspace(double from, double to, int count) {
        return Sweeps.linspace("values", from, to, count);
    }

    /** The pool size (default: all cores); 1 runs on the calling thread. */
    public ParameterSweep threads(int value) {
        Parallel.checkThreads(value);
        return new ParameterSweep(parameters, value, progress, seed);
    }

    /** Whether a sweep longer than a second shows a progress bar (default true). */
    public ParameterSweep progress(boolean value) {
        return new ParameterSweep(parameters, threads, value, seed);
    }

    /** The base seed from which each point's seed is derived (default 1). */
    public ParameterSweep seed(long value) {
        return new ParameterSweep(parameters, threads, progress, value);
    }

    /** The number of grid points. */
    public int size() {
        long n = 1;
        for (double[] values : parameters.values()) n *= values.length;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the grid has " + n + " points; sweep fewer values");
        }
        return (int) n;
    }

    /** The experiment run at each point: from a point's values (and seed) to a result, e.g. a simulation run. */
    public <R> Experiment<R> experiment(Function<Point, R> experiment) {
        if (experiment == null) {
            throw new IllegalArgumentException("experiment = null; pass a function from a Point to a result");
        }
        return new Experiment<>(this, experiment, List.of());
    }

    /**
     * One point of the grid: its index, the value of each parameter, and a seed of its own for
     * stochastic experiments.
     */
    public static final class Point {
        private final int index;
        private final Map<String, Double> values;
        private final long seed;

        Point(int index, Map<String, Double> values, long seed) {
            this.index = index;
            this.values = values;
            this.seed = seed;
        }

        /** The value of parameter {@code name} at this point. */
        public double get(String name) {
            Double value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("parameter = \"" + name + "\" is not swept; swept: " + values.keySet());
            }
            return value;
        }

        /** The point's position in the grid (row of the table). */
        public int index() {
            return index;
        }

        /** A seed for this point, fixed by the sweep's seed and the index (SplitMix64 of both). */
        public long seed() {
            return seed;
        }

        @Override
        public String toString() {
            return "point " + index + " " + values;
        }
    }

    /**
     * A sweep with its experiment; add measures, then {@link #run()}.
     *
     * @param <R> the experiment's result type
     */
    public static final class Experiment<R> {
        private final ParameterSweep sweep;
        private final Function<Point, R> experiment;
        private final List<Map.Entry<String, ToDoubleFunction<? super R>>> measures;

        private Experiment(ParameterSweep sweep, Function<Point, R> experiment,
                           List<Map.Entry<String, ToDoubleFunction<? super R>>> measures) {
            this.sweep = sweep;
            this.experiment = experiment;
            this.measures = measures;
        }

        /** Adds a measure of each result, named with its unit, e.g. {@code "rate [Hz]"}. */
        public Experiment<R> measure(String name, ToDoubleFunction<? super R> measure) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("measure name = \"" + name + "\" is empty; name it with its unit, e.g. \"rate [Hz]\"");
            }
            if (measure == null) {
                throw new IllegalArgumentException("measure \"" + name + "\" = null; pass a function of the result");
            }
            for (Map.Entry<String, ToDoubleFunction<? super R>> m : measures) {
                if (m.getKey().equals(name)) {
                    throw new IllegalArgumentException("measure \"" + name + "\" is already defined; give each measure once");
                }
            }
            if (sweep.parameters.containsKey(name)) {
                throw new IllegalArgumentException("measure \"" + name + "\" has the name of a swept parameter; rename it");
            }
            List<Map.Entry<String, ToDoubleFunction<? super R>>> copy = new ArrayList<>(measures);
            copy.add(Map.entry(name, measure));
            return new Experiment<>(sweep, experiment, List.copyOf(copy));
        }

        /** Runs every point and returns the table (shape in the class comment). */
        public Table run() {
            if (measures.isEmpty()) {
                throw new IllegalArgumentException("no measures; add at least one with .measure(\"rate [Hz]\", r -> ...)");
            }
            int n = sweep.size();
            String[] names = sweep.parameters.keySet().toArray(new String[0]);
            double[][] grid = new double[names.length][n];
            for (int i = 0; i < n; i++) {
                int rest = i;
                for (int p = names.length - 1; p >= 0; p--) {
                    double[] values = sweep.parameters.get(names[p]);
                    grid[p][i] = values[rest % values.length];
                    rest /= values.length;
                }
            }
            int m = measures.size();
            double[][] rows = Parallel.map(n, sweep.threads, "parameter sweep", sweep.progress, i -> {
                Map<String, Double> values = new LinkedHashMap<>();
                for (int p = 0; p < names.length; p++) values.put(names[p], grid[p][i]);
                Point point = new Point(i, values, mix(sweep.seed, i));
                R result;
                try {
                    result = experiment.apply(point);
                } catch (RuntimeException e) {
                    throw failed(point, "the experiment", e);
                }
                double[] row = new double[m];
                for (int k = 0; k < m; k++) {
                    try {
                        row[k] = measures.get(k).getValue().applyAsDouble(result);
                    } catch (RuntimeException e) {
                        throw failed(point, "measure \"" + measures.get(k).getKey() + "\"", e);
                    }
                }
                return row;
            }, double[][]::new);
            Table table = Table.create("parameter sweep");
            for (int p = 0; p < names.length; p++) {
                table.addColumns(DoubleColumn.create(names[p], grid[p]));
            }
            for (int k = 0; k < m; k++) {
                double[] column = new double[n];
                for (int i = 0; i < n; i++) column[i] = rows[i][k];
                table.addColumns(DoubleColumn.create(measures.get(k).getKey(), column));
            }
            return table;
        }
    }

    /** A failure at one point, saying at which values (and seed) it happened, so it can be re-run alone. */
    private static IllegalArgumentException failed(Point point, String what, RuntimeException e) {
        StringBuilder at = new StringBuilder();
        for (Map.Entry<String, Double> v : point.values.entrySet()) {
            at.append(at.length() == 0 ? "" : ", ").append(v.getKey()).append(" = ").append(Sweeps.number(v.getValue()));
        }
        return new IllegalArgumentException("point " + point.index + " of the sweep (" + at + "; seed " + point.seed + "): " + what
                + " failed: " + e.getMessage() + "; sweep values the experiment can run, or fix it at this point", e);
    }

    /** SplitMix64 of seed and index: well-mixed, independent of thread scheduling. */
    static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
