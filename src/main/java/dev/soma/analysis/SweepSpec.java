package dev.soma.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A declarative parameter sweep: a model named by a string (a neuron preset such as
 * {@code "lif"} or a network builder such as {@code "brunel"}), parameters fixed or varied with
 * their units, named measurements, a duration and a seed. Unlike a {@link ParameterSweep} (a
 * lambda, which only runs in the JVM that made it), a specification is plain data: it serialises
 * to JSON and back ({@link #toJson()}, {@link #fromJson(String)}) and runs wherever it is sent —
 * on local threads, on Apache Spark, or cut into shards for a batch scheduler — giving the same
 * table bit for bit, because every point computes from the specification and its own index alone.
 *
 * <pre>{@code
 * var spec = SweepSpec.of("brunel")
 *         .set("N_E", 2000).set("C_E", 200).set("J [mV]", 0.5)
 *         .vary("g", 3, 4, 5, 6)
 *         .vary("eta", 1, 2, 4)
 *         .measure("rate", "cv", "synchrony")
 *         .duration(300 * ms).warmup(100 * ms).seed(1);
 * Table t = spec.run();                 // local threads, progress bar
 * String json = spec.toJson();          // and SweepSpec.fromJson(json).run() gives the same table
 * }</pre>
 *
 * <h2>Grids</h2>
 * <ul>
 *   <li>full grid: {@link #vary(String, double...)} for each parameter; the first varies slowest;</li>
 *   <li>a list of points: {@link #points(String...)} names the parameters, {@link #point(double...)}
 *       adds one row of values;</li>
 *   <li>random sampling: {@link #random(int, long)} with {@link #range(String, double, double)} for
 *       each parameter: uniform values, fixed by the sampling seed and the point's index.</li>
 * </ul>
 * A parameter is written with its unit in brackets, {@code "I [pA]"}, or without for a pure number
 * ({@code "g"}); any unit of the parameter's quantity works and is converted.
 *
 * <h2>Seeds</h2>
 * Point {@code i} runs with the seed SplitMix64(seed, i) ({@link SweepPoint#seed()}), whatever
 * runs it and in whichever order.
 *
 * <h2>Table</h2>
 * One row per point in index order: {@code point}, one column per varied parameter named with its
 * unit ({@code g [1]}, {@code I [pA]}, in the unit given), then one per measurement with its unit
 * ({@code rate [Hz]}, {@code CV [1]}, {@code synchrony [1]}).
 *
 * <p>Instances are immutable; every method that changes something returns a new specification.
 * Errors in a specification are {@link SweepException}s, raised before any simulation runs.
 */
public final class SweepSpec {
    /** The format tag written into every specification. */
    public static final String FORMAT = "soma-sweep/1";

    enum GridKind { FULL, POINTS, RANDOM }

    /** A varied parameter: name, unit, and its values (full grid) or range (random). */
    record Axis(String name, String unit, double[] values, double from, double to) {
        String column() {
            return name + " [" + unit + "]";
        }
    }

    /** A fixed parameter. */
    record Fixed(String name, String unit, double value) {}

    private final String model;
    private final List<Fixed> fixed;
    private final GridKind kind;
    private final List<Axis> axes;
    private final List<double[]> rows;
    private final int randomCount;
    private final long randomSeed;
    private final List<String> measurements;
    private final double durationMs;
    private final double warmupMs;
    private final long seed;
    private final boolean progress;
    private volatile Plan plan;

    private SweepSpec(String model, List<Fixed> fixed, GridKind kind, List<Axis> axes, List<double[]> rows,
                      int randomCount, long randomSeed, List<String> measurements, double durationMs, double warmupMs,
                      long seed, boolean progress) {
        this.model = model;
        this.fixed = List.copyOf(fixed);
        this.kind = kind;
        this.axes = List.copyOf(axes);
        this.rows = List.copyOf(rows);
        this.randomCount = randomCount;
        this.randomSeed = randomSeed;
        this.measurements = List.copyOf(measurements);
        this.durationMs = durationMs;
        this.warmupMs = warmupMs;
        this.seed = seed;
        this.progress = progress;
    }

    /**
     * Starts a specification for the model named {@code model}: a neuron preset ({@code "lif"},
     * {@code "adex:adapting"}, {@code "hodgkinHuxley"}, …) or a network builder ({@code "brunel"});
     * see {@link #models()}. Defaults: 1000 ms, no warm-up, seed 1, a full grid.
     */
    public static SweepSpec of(String model) {
        if (model == null || model.isBlank()) {
            throw new SweepException(SweepException.Kind.UNKNOWN_MODEL, "model = \"" + model
                    + "\" is empty; name a neuron preset or network builder, e.g. \"brunel\" or \"lif\"");
        }
        return new SweepSpec(model.strip(), List.of(), GridKind.FULL, List.of(), List.of(), 0, 0, List.of(), 1000, 0,
                1, true);
    }

    /** The names of the built-in models (a specification may also name models added through {@link SweepModel}'s service file). */
    public static List<String> models() {
        return SweepModels.builtInNames();
    }

    private SweepSpec with(List<Fixed> fixed, GridKind kind, List<Axis> axes, List<double[]> rows, int randomCount,
                           long randomSeed) {
        return new SweepSpec(model, fixed, kind, axes, rows, randomCount, randomSeed, measurements, durationMs, warmupMs,
                seed, progress);
    }

    private void checkNew(String name) {
        for (Fixed f : fixed) {
            if (f.name().equals(name)) {
                throw new SweepException(SweepException.Kind.BAD_SPEC, "parameter \"" + name
                        + "\" is already fixed; give each parameter once");
            }
        }
        for (Axis a : axes) {
            if (a.name().equals(name)) {
                throw new SweepException(SweepException.Kind.BAD_SPEC, "parameter \"" + name
                        + "\" is already varied; give each parameter once");
            }
        }
    }

    private static double finite(String what, double value) {
        return finite(what, value, null);
    }

    private static double finite(String what, double value, String meaning) {
        if (!Double.isFinite(value)) {
            throw new SweepException(SweepException.Kind.BAD_VALUE, what + " = " + value + (meaning == null ? "" : " (" + meaning + ")")
                    + " is not finite; give a finite number");
        }
        return value;
    }

    /** Fixes parameter {@code nameWithUnit} (e.g. {@code "N_E"}, {@code "J [mV]"}) at {@code value} for every point. */
    public SweepSpec set(String nameWithUnit, double value) {
        String[] nu = SweepUnits.split(nameWithUnit);
        checkNew(nu[0]);
        finite("value of " + nu[0], value);
        List<Fixed> copy = new ArrayList<>(fixed);
        copy.add(new Fixed(nu[0], nu[1], value));
        return with(copy, kind, axes, rows, randomCount, randomSeed);
    }

    /**
     * Varies parameter {@code nameWithUnit} (e.g. {@code "g"}, {@code "I [pA]"}) over {@code values}
     * in a full grid: every combination of the varied parameters' values is a point.
     */
    public SweepSpec vary(String nameWithUnit, double... values) {
        if (kind != GridKind.FULL) {
            throw new SweepException(SweepException.Kind.BAD_SPEC, "this sweep is a " + kind.name().toLowerCase(Locale.ROOT)
                    + " grid; vary(...) builds a full grid: start from SweepSpec.of(model) again");
        }
        String[] nu = SweepUnits.split(nameWithUnit);
        checkNew(nu[0]);
        if (values == null || values.length == 0) {
            throw new SweepException(SweepException.Kind.EMPTY_GRID, "values " + (values == null ? "= null" : "is empty")
                    + ": parameter \"" + nu[0] + "\" has no values, so the grid has no points; give at least one value");
        }
        for (int i = 0; i < values.length; i++) finite("values[" + i + "] (" + nu[0] + ")", values[i]);
        List<Axis> copy = new ArrayList<>(axes);
        copy.add(new Axis(nu[0], nu[1], values.clone(), Double.NaN, Double.NaN));
        return with(fixed, GridKind.FULL, copy, rows, 0, 0);
    }

    /** {@code count} evenly spaced values from {@code from} to {@code to} inclusive, for {@link #vary}. */
    public static double[] linspace(double from, double to, int count) {
        return Sweeps.linspace("values", from, to, count);
    }

    /** Makes this a sweep over a list of points of the parameters named here (with units); add points with {@link #point}. */
    public SweepSpec points(String... namesWithUnits) {
        if (!axes.isEmpty()) {
            throw new SweepException(SweepException.Kind.BAD_SPEC, "this sweep already has a "
                    + kind.name().toLowerCase(Locale.ROOT) + " grid; call points(...) once, right after SweepSpec.of(model)");
        }
        if (namesWithUnits == null || namesWithUnits.length == 0) {
            throw new SweepException(SweepException.Kind.EMPTY_GRID, "namesWithUnits " + (namesWithUnits == null ? "= null" : "is empty")
                    + ": points() names no parameter; e.g. points(\"g\", \"eta\")");
        }
        List<Axis> list = new ArrayList<>();
        SweepSpec s = this;
        for (String n : namesWithUnits) {
            String[] nu = SweepUnits.split(n);
            s.checkNew(nu[0]);
            for (Axis a : list) {
                if (a.name().equals(nu[0])) {
                    throw new SweepException(SweepException.Kind.BAD_SPEC, "parameter \"" + nu[0] + "\" is named twice in points(...)");
                }
            }
            list.add(new Axis(nu[0], nu[1], null, Double.NaN, Double.NaN));
        }
        return with(fixed, GridKind.POINTS, list, List.of(), 0, 0);
    }

    /** Adds one point: a value for each parameter named in {@link #points(String...)}, in that order. */
    public SweepSpec point(double... values) {
        if (kind != GridKind.POINTS) {
            throw new SweepException(SweepException.Kind.BAD_SPEC, "point(...) needs a list of points; name its parameters "
                    + "first with points(\"g\", \"eta\")");
        }
        if (values == null || values.length != axes.size()) {
            throw new SweepException(SweepException.Kind.BAD_SPEC, "values " + (values == null ? "= null" : "has " + values.length
                    + " values") + " for " + axes.size() + " parameters " + names() + "; give point(...) one value for each");
        }
        for (int i = 0; i < values.length; i++) finite("values[" + i + "] (" + axes.get(i).name() + ")", values[i]);
        List<double[]> copy = new ArrayList<>(rows);
        copy.add(values.clone());
        return with(fixed, kind, axes, copy, 0, 0);
    }

    /**
     * Makes this a sweep of {@code count} random points, drawn uniformly within the ranges given
     * with {@link #range(String, double, double)}; the values are fixed by {@code samplingSeed} and
     * each point's index.
     */
    public SweepSpec random(int count, long samplingSeed) {
        if (!axes.isEmpty() && kind != GridKind.RANDOM) {
            throw new SweepException(SweepException.Kind.BAD_SPEC, "this sweep already has a "
                    + kind.name().toLowerCase(Locale.ROOT) + " grid; call random(...) right after SweepSpec.of(model)");
        }
        if (count < 1) {
            throw new SweepException(SweepException.Kind.EMPTY_GRID, "count = " + count + " random points; give at least 1");
        }
        return with(fixed, GridKind.RANDOM, axes, List.of(), count, samplingSeed);
    }

    /** For a random sweep: parameter {@code nameWithUnit} is drawn uniformly from [from, to]. */
    public SweepSpec range(String nameWithUnit, double from, double to) {
        if (kind != GridKind.RANDOM) {
            throw new SweepException(SweepException.Kind.BAD_SPEC, "range(...) is for random sweeps; call random(count, seed) first");
        }
        String[] nu = SweepUnits.split(nameWithUnit);
        checkNew(nu[0]);
        finite("from", from, "the lower end of " + nu[0]);
        finite("to", to, "the upper end of " + nu[0]);
        if (!(to >= from)) {
            throw new SweepException(SweepException.Kind.BAD_VALUE, "to = " + to + " is below from = " + from + ": the range of "
                    + nu[0] + " is empty; give from ≤ to");
        }
        List<Axis> copy = new ArrayList<>(axes);
        copy.add(new Axis(nu[0], nu[1], null, from, to));
        return with(fixed, kind, copy, rows, randomCount, randomSeed);
    }

    /**
     * Adds measurements by name, e.g. {@code "rate"}, {@code "cv"}, {@code "spikes"},
     * {@code "synchrony"}, {@code "rate:E"} (one population), {@code "fi_onset"},
     * {@code "mean:V"} (a summary of a recorded variable); which ones a model provides:
     * {@link #measurementsOf(String)}.
     */
    public SweepSpec measure(String... names) {
        if (names == null || names.length == 0) {
            throw new SweepException(SweepException.Kind.BAD_SPEC, "names " + (names == null ? "= null" : "is empty")
                    + ": measure() names nothing; e.g. measure(\"rate\", \"cv\")");
        }
        List<String> copy = new ArrayList<>(measurements);
        for (int i = 0; i < names.length; i++) {
            String n = names[i];
            if (n == null || n.isBlank()) {
                throw new SweepException(SweepException.Kind.BAD_SPEC, "names[" + i + "] = " + (n == null ? "null" : "\"" + n + "\"")
                        + " is empty; name a measurement, e.g. \"rate\"");
            }
            if (copy.contains(n.strip())) {
                throw new SweepException(SweepException.Kind.BAD_SPEC, "measurement \"" + n + "\" is named twice; name each once");
            }
            copy.add(n.strip());
        }
        return new SweepSpec(model, fixed, kind, axes, rows, randomCount, randomSeed, copy, durationMs, warmupMs, seed,
                progress);
    }

    /** The simulated time of each point, in ms (e.g. {@code 500 * ms}). */
    public SweepSpec duration(double ms) {
        if (!(ms > 0) || !Double.isFinite(ms)) {
            throw new SweepException(SweepException.Kind.BAD_VALUE, "duration = " + ms + " ms must be positive and finite, e.g. 1000");
        }
        return new SweepSpec(model, fixed, kind, axes, rows, randomCount, randomSeed, measurements, ms, warmupMs, seed,
                progress);
    }

    /** The first part of each run left out of the measurements (the start-up transient), in ms. Default 0. */
    public SweepSpec warmup(double ms) {
        if (!(ms >= 0) || !Double.isFinite(ms)) {
            throw new SweepException(SweepException.Kind.BAD_VALUE, "warmup = " + ms + " ms must be zero or positive, e.g. 100");
        }
        return new SweepSpec(model, fixed, kind, axes, rows, randomCount, randomSeed, measurements, durationMs, ms, seed,
                progress);
    }

    /** The sweep's seed, from which each point's seed is derived. Default 1. */
    public SweepSpec seed(long value) {
        return new SweepSpec(model, fixed, kind, axes, rows, randomCount, randomSeed, measurements, durationMs, warmupMs,
                value, progress);
    }

    /** Whether a run longer than a second shows a progress bar (default true; not part of the JSON). */
    public SweepSpec progress(boolean value) {
        return new SweepSpec(model, fixed, kind, axes, rows, randomCount, randomSeed, measurements, durationMs, warmupMs,
                seed, value);
    }

    /** The model's name. */
    public String model() {
        return model;
    }

    /** The sweep's seed. */
    public long seed() {
        return seed;
    }

    /** The simulated time of each point in ms. */
    public double durationMs() {
        return durationMs;
    }

    /** The warm-up in ms. */
    public double warmupMs() {
        return warmupMs;
    }

    /** Whether runs show a progress bar. */
    public boolean showsProgress() {
        return progress;
    }

    /** The measurement names, in column order. */
    public List<String> measurements() {
        return measurements;
    }

    private List<String> names() {
        List<String> n = new ArrayList<>();
        for (Axis a : axes) n.add(a.name());
        return n;
    }

    /** The measurements model {@code model} provides, with their units. */
    public static Map<String, String> measurementsOf(String model) {
        return SweepModels.find(model).measurements();
    }

    /** The parameters model {@code model} accepts, with units and defaults. */
    public static List<SweepParameter> parametersOf(String model) {
        return SweepModels.find(model).parameters();
    }

    // ----------------------------------------------------------------- checking

    /** Everything resolved: the model, each point's values in the model's units, the columns. */
    static final class Plan {
        final SweepModel model;
        final String[] parameterNames;
        final double[][] values;
        final double[][] gridValues;
        final String[] gridColumns;
        final String[] measureColumns;

        Plan(SweepModel model, String[] parameterNames, double[][] values, double[][] gridValues, String[] gridColumns,
             String[] measureColumns) {
            this.model = model;
            this.parameterNames = parameterNames;
            this.values = values;
            this.gridValues = gridValues;
            this.gridColumns = gridColumns;
            this.measureColumns = measureColumns;
        }
    }

    /**
     * Checks the whole specification against its model and every point's values, without running
     * anything: unknown model, unknown parameter, unit mismatch, empty grid, unavailable
     * measurement, values the model cannot run. Returns this specification.
     *
     * @throws SweepException naming the problem and the fix
     */
    public SweepSpec check() {
        plan();
        return this;
    }

    Plan plan() {
        Plan p = plan;
        if (p == null) {
            p = makePlan();
            plan = p;
        }
        return p;
    }

    private Plan makePlan() {
        SweepModel m = SweepModels.find(model);
        List<SweepParameter> declared = m.parameters();
        Map<String, SweepParameter> byName = new LinkedHashMap<>();
        for (SweepParameter d : declared) byName.put(d.name(), d);
        Map<String, Double> base = new LinkedHashMap<>();
        for (SweepParameter d : declared) base.put(d.name(), d.defaultValue());
        for (Fixed f : fixed) {
            SweepParameter d = declaredParameter(m, byName, f.name());
            double v = f.value() * SweepUnits.factor(f.unit(), d.unit(), "parameter " + f.name());
            base.put(f.name(), checkInteger(d, v, -1));
        }
        double[] factors = new double[axes.size()];
        SweepParameter[] axisParameters = new SweepParameter[axes.size()];
        for (int a = 0; a < axes.size(); a++) {
            Axis axis = axes.get(a);
            axisParameters[a] = declaredParameter(m, byName, axis.name());
            factors[a] = SweepUnits.factor(axis.unit(), axisParameters[a].unit(), "parameter " + axis.name());
        }
        if (axes.isEmpty()) {
            throw new SweepException(SweepException.Kind.EMPTY_GRID, "the sweep varies no parameter, so its grid has no "
                    + "points; add one with vary(\"g\", 3, 4, 5) (or points/random)");
        }
        double[][] grid = gridValues();
        int n = grid.length == 0 ? 0 : grid[0].length;
        if (n == 0) {
            throw new SweepException(SweepException.Kind.EMPTY_GRID, "the grid has no points; "
                    + (kind == GridKind.POINTS ? "add points with point(...)" : "give each parameter at least one value"));
        }
        Map<String, String> available = m.measurements();
        if (measurements.isEmpty()) {
            throw new SweepException(SweepException.Kind.BAD_SPEC, "no measurements; add some with measure(...), e.g. "
                    + String.join(", ", first(available.keySet(), 4)));
        }
        String[] measureColumns = new String[measurements.size()];
        for (int k = 0; k < measurements.size(); k++) {
            String name = measurements.get(k);
            String unit = available.get(name);
            if (unit == null) {
                throw new SweepException(SweepException.Kind.UNAVAILABLE_MEASUREMENT, "measurement \"" + name
                        + "\" is not provided by model \"" + model + "\"; it provides " + available.keySet());
            }
            measureColumns[k] = columnName(name, unit);
            if (Arrays.asList(gridColumns()).contains(measureColumns[k])) {
                throw new SweepException(SweepException.Kind.BAD_SPEC, "measurement \"" + name + "\" makes the column \""
                        + measureColumns[k] + "\", which a varied parameter already has; vary the parameter in another unit");
            }
        }
        if (!(warmupMs < durationMs)) {
            throw new SweepException(SweepException.Kind.BAD_VALUE, "warmup = " + warmupMs + " ms leaves nothing of the "
                    + "duration = " + durationMs + " ms to measure; make the warm-up shorter than the duration");
        }
        String[] names = base.keySet().toArray(new String[0]);
        double[][] values = new double[n][names.length];
        int[] axisSlot = new int[axes.size()];
        for (int a = 0; a < axes.size(); a++) axisSlot[a] = Arrays.asList(names).indexOf(axes.get(a).name());
        double[] baseValues = new double[names.length];
        for (int j = 0; j < names.length; j++) baseValues[j] = base.get(names[j]);
        for (int i = 0; i < n; i++) {
            double[] row = values[i];
            System.arraycopy(baseValues, 0, row, 0, names.length);
            for (int a = 0; a < axes.size(); a++) {
                row[axisSlot[a]] = checkInteger(axisParameters[a], grid[a][i] * factors[a], i);
            }
        }
        Plan plan = new Plan(m, names, values, grid, gridColumns(), measureColumns);
        for (int i = 0; i < n; i++) {
            try {
                m.check(point(plan, i));
            } catch (SweepException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new SweepException(SweepException.Kind.BAD_VALUE, "point " + i + " " + describe(plan, i)
                        + " cannot run: " + e.getMessage());
            }
        }
        return plan;
    }

    private static List<String> first(Set<String> names, int k) {
        List<String> out = new ArrayList<>();
        for (String s : names) {
            if (out.size() == k) break;
            out.add("\"" + s + "\"");
        }
        return out;
    }

    private SweepParameter declaredParameter(SweepModel m, Map<String, SweepParameter> byName, String name) {
        SweepParameter d = byName.get(name);
        if (d == null) {
            throw new SweepException(SweepException.Kind.UNKNOWN_PARAMETER, "parameter \"" + name
                    + "\" is not a parameter of model \"" + model + "\"; its parameters are " + byName.keySet());
        }
        return d;
    }

    private static double checkInteger(SweepParameter d, double v, int point) {
        if (d.integer() && v != Math.rint(v)) {
            throw new SweepException(SweepException.Kind.BAD_VALUE, "parameter " + d.name() + " = " + v
                    + (point >= 0 ? " at point " + point : "") + " counts something; give a whole number");
        }
        return v;
    }

    /** The varied values as given (the user's units): [axis][point]. */
    private double[][] gridValues() {
        int p = axes.size();
        switch (kind) {
            case FULL: {
                long n = 1;
                for (Axis a : axes) n *= a.values().length;
                if (n > 100_000_000L) {
                    throw new SweepException(SweepException.Kind.BAD_SPEC, "the grid has " + n + " points; sweep fewer values");
                }
                double[][] g = new double[p][(int) n];
                for (int i = 0; i < n; i++) {
                    int rest = i;
                    for (int a = p - 1; a >= 0; a--) {
                        double[] values = axes.get(a).values();
                        g[a][i] = values[rest % values.length];
                        rest /= values.length;
                    }
                }
                return g;
            }
            case POINTS: {
                double[][] g = new double[p][rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    for (int a = 0; a < p; a++) g[a][i] = rows.get(i)[a];
                }
                return g;
            }
            default: {
                double[][] g = new double[p][randomCount];
                for (int i = 0; i < randomCount; i++) {
                    long pointSeed = ParameterSweep.mix(randomSeed, i);
                    for (int a = 0; a < p; a++) {
                        Axis axis = axes.get(a);
                        double u = (ParameterSweep.mix(pointSeed, a) >>> 11) * 0x1.0p-53;
                        g[a][i] = axis.from() + (axis.to() - axis.from()) * u;
                    }
                }
                return g;
            }
        }
    }

    private String[] gridColumns() {
        String[] c = new String[axes.size()];
        for (int a = 0; a < c.length; a++) c[a] = axes.get(a).column();
        return c;
    }

    /** The column name of a measurement: {@code rate [Hz]}, {@code CV E [1]}, {@code mean V [mV]}, {@code f–I onset [nA]}. */
    static String columnName(String measurement, String unit) {
        int colon = measurement.indexOf(':');
        String what = colon < 0 ? measurement : measurement.substring(0, colon);
        String scope = colon < 0 ? "" : " " + measurement.substring(colon + 1);
        String label = switch (what) {
            case "cv" -> "CV";
            case "spikes" -> "spike count";
            case "fi_onset" -> "f–I onset";
            default -> what;
        };
        return label + scope + " [" + (unit.isEmpty() ? "1" : unit) + "]";
    }

    private static String describe(Plan plan, int i) {
        StringBuilder sb = new StringBuilder("(");
        for (int a = 0; a < plan.gridColumns.length; a++) {
            if (a > 0) sb.append(", ");
            sb.append(plan.gridColumns[a].replace(" [1]", "")).append(" = ").append(plan.gridValues[a][i]);
        }
        return sb.append(')').toString();
    }

    private SweepPoint point(Plan plan, int i) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int j = 0; j < plan.parameterNames.length; j++) values.put(plan.parameterNames[j], plan.values[i][j]);
        return new SweepPoint(i, ParameterSweep.mix(seed, i), values, durationMs, warmupMs);
    }

    // ----------------------------------------------------------------- running

    /** The number of points (checks the specification). */
    public int size() {
        return plan().values.length;
    }

    /** Point {@code index} as its model receives it: values in the model's units, seed, duration. */
    public SweepPoint point(int index) {
        Plan p = plan();
        checkIndex(p, index);
        return point(p, index);
    }

    private static void checkIndex(Plan p, int index) {
        if (index < 0 || index >= p.values.length) {
            throw new IllegalArgumentException("point index = " + index + " is outside the sweep; use 0.." + (p.values.length - 1));
        }
    }

    /** Runs point {@code index} in the calling thread: one value per measurement, in order. */
    public double[] runPoint(int index) {
        Plan p = plan();
        checkIndex(p, index);
        double[] out = p.model.run(point(p, index), measurements);
        if (out == null || out.length != measurements.size()) {
            throw new IllegalStateException("model " + model + " returned " + (out == null ? "null" : out.length + " values")
                    + " for " + measurements.size() + " measurements at point " + index);
        }
        return out;
    }

    /** Runs every point on local threads (all cores), with a progress bar, into the table described in the class comment. */
    public Table run() {
        return run(SweepRunner.threads());
    }

    /** Runs every point with {@code runner} (e.g. {@link SweepRunner#threads(int)} or {@link SweepRunner#spark(String)}). */
    public Table run(SweepRunner runner) {
        if (runner == null) {
            throw new IllegalArgumentException("runner = null; use SweepRunner.threads() or SweepRunner.spark(\"local[*]\")");
        }
        Plan p = plan();
        int n = p.values.length;
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        double[][] rows = runner.run(this, all);
        return table(all, rows);
    }

    /** Runs every point on Apache Spark ({@code "local[*]"}, {@code "spark://host:7077"}); see {@link SweepRunner#spark(String)}. */
    public Table runOnSpark(String master) {
        return run(SweepRunner.spark(master));
    }

    /**
     * The table of a run, or of the cache when it holds this specification for this Soma version
     * (see {@link SweepCache}): a lecture notebook re-run reads the table instead of recomputing.
     */
    public Table runCached() {
        return SweepCache.user().run(this, SweepRunner.threads());
    }

    /** As {@link #runCached()}, computing with {@code runner} when the cache does not hold the table. */
    public Table runCached(SweepRunner runner) {
        return SweepCache.user().run(this, runner);
    }

    /**
     * Runs shard {@code k} of {@code of} (points k−1, k−1+of, …) on local threads and writes its
     * part into {@code folder}; {@link SweepParts#merge(java.nio.file.Path...)} joins the parts.
     * See {@link SweepParts} for the batch-scheduler form on the command line.
     *
     * @return the part file
     */
    public java.nio.file.Path runShard(int k, int of, java.nio.file.Path folder) {
        return SweepParts.runShard(this, k, of, folder, SweepRunner.threads());
    }

    /** The table of the given points (indices ascending) and their measured rows. */
    Table table(int[] indices, double[][] measured) {
        Plan p = plan();
        if (measured.length != indices.length) {
            throw new IllegalStateException(indices.length + " points but " + measured.length + " rows");
        }
        Table table = Table.create(model + " sweep");
        table.addColumns(IntColumn.create("point", indices.clone()));
        for (int a = 0; a < p.gridColumns.length; a++) {
            double[] col = new double[indices.length];
            for (int r = 0; r < indices.length; r++) col[r] = p.gridValues[a][indices[r]];
            table.addColumns(DoubleColumn.create(p.gridColumns[a], col));
        }
        for (int k = 0; k < p.measureColumns.length; k++) {
            double[] col = new double[indices.length];
            for (int r = 0; r < indices.length; r++) col[r] = measured[r][k];
            table.addColumns(DoubleColumn.create(p.measureColumns[k], col));
        }
        return table;
    }

    /** The measurement column names, in order (checks the specification). */
    public List<String> measurementColumns() {
        return List.of(plan().measureColumns);
    }

    /** The varied-parameter column names, in order. */
    public List<String> parameterColumns() {
        return List.of(gridColumns());
    }

    // ----------------------------------------------------------------- JSON

    /** This specification as indented JSON, for people (same content as {@link #canonicalJson()}). */
    public String toJson() {
        return Json.write(tree(), true);
    }

    /**
     * The canonical JSON text: no white space, fields in a fixed order, fixed parameters sorted
     * by name, numbers in their shortest exact form. Two specifications of the same experiment
     * written the same way have the same canonical text; the result cache is keyed by it.
     */
    public String canonicalJson() {
        return Json.write(tree(), false);
    }

    private Map<String, Object> tree() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("format", FORMAT);
        t.put("model", model);
        List<Object> fixedList = new ArrayList<>();
        List<Fixed> sorted = new ArrayList<>(fixed);
        sorted.sort(Comparator.comparing(Fixed::name));
        for (Fixed f : sorted) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("unit", f.unit());
            m.put("value", f.value());
            fixedList.add(m);
        }
        t.put("fixed", fixedList);
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("kind", kind.name().toLowerCase(Locale.ROOT));
        if (kind == GridKind.RANDOM) {
            grid.put("count", (long) randomCount);
            grid.put("seed", randomSeed);
        }
        List<Object> axisList = new ArrayList<>();
        for (Axis a : axes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.name());
            m.put("unit", a.unit());
            if (kind == GridKind.FULL) m.put("values", doubles(a.values()));
            if (kind == GridKind.RANDOM) {
                m.put("from", a.from());
                m.put("to", a.to());
            }
            axisList.add(m);
        }
        grid.put("parameters", axisList);
        if (kind == GridKind.POINTS) {
            List<Object> points = new ArrayList<>();
            for (double[] r : rows) points.add(doubles(r));
            grid.put("points", points);
        }
        t.put("grid", grid);
        t.put("measurements", new ArrayList<Object>(measurements));
        t.put("duration_ms", durationMs);
        t.put("warmup_ms", warmupMs);
        t.put("seed", seed);
        return t;
    }

    private static List<Object> doubles(double[] values) {
        List<Object> out = new ArrayList<>();
        for (double v : values) out.add(v);
        return out;
    }

    /**
     * Reads a specification from JSON (as {@link #toJson()} or {@link #canonicalJson()} write
     * it). Strict: unknown or missing fields, wrong types and malformed JSON are
     * {@link SweepException}s of kind {@code BAD_SPEC} that name the field. Optional fields:
     * {@code fixed} (none), {@code warmup_ms} (0), {@code seed} (1).
     */
    public static SweepSpec fromJson(String json) {
        Object root;
        try {
            root = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new SweepException(SweepException.Kind.BAD_SPEC, e.getMessage());
        }
        Map<String, Object> t = object(root, "the specification");
        keys(t, "the specification", Set.of("format", "model", "grid", "measurements", "duration_ms"),
                Set.of("fixed", "warmup_ms", "seed"));
        String format = string(t, "format");
        if (!format.equals(FORMAT)) {
            throw new SweepException(SweepException.Kind.BAD_SPEC, "format = \"" + format + "\" is not known; this Soma reads \""
                    + FORMAT + "\"");
        }
        SweepSpec s = of(string(t, "model"));
        if (t.containsKey("fixed")) {
            for (Object o : list(t.get("fixed"), "fixed")) {
                Map<String, Object> f = object(o, "an entry of fixed");
                keys(f, "an entry of fixed", Set.of("name", "unit", "value"), Set.of());
                s = s.set(withUnit(string(f, "name"), string(f, "unit")), number(f.get("value"), "fixed value"));
            }
        }
        Map<String, Object> g = object(t.get("grid"), "grid");
        String kind = string(g, "kind");
        switch (kind) {
            case "full" -> {
                keys(g, "grid", Set.of("kind", "parameters"), Set.of());
                for (Object o : list(g.get("parameters"), "grid.parameters")) {
                    Map<String, Object> a = object(o, "a grid parameter");
                    keys(a, "a grid parameter", Set.of("name", "unit", "values"), Set.of());
                    List<Object> values = list(a.get("values"), "values");
                    double[] v = new double[values.size()];
                    for (int i = 0; i < v.length; i++) v[i] = number(values.get(i), "values");
                    s = s.vary(withUnit(string(a, "name"), string(a, "unit")), v);
                }
            }
            case "points" -> {
                keys(g, "grid", Set.of("kind", "parameters", "points"), Set.of());
                List<String> names = new ArrayList<>();
                for (Object o : list(g.get("parameters"), "grid.parameters")) {
                    Map<String, Object> a = object(o, "a grid parameter");
                    keys(a, "a grid parameter", Set.of("name", "unit"), Set.of());
                    names.add(withUnit(string(a, "name"), string(a, "unit")));
                }
                s = s.points(names.toArray(new String[0]));
                for (Object o : list(g.get("points"), "grid.points")) {
                    List<Object> row = list(o, "a point");
                    double[] v = new double[row.size()];
                    for (int i = 0; i < v.length; i++) v[i] = number(row.get(i), "a point's value");
                    s = s.point(v);
                }
            }
            case "random" -> {
                keys(g, "grid", Set.of("kind", "count", "seed", "parameters"), Set.of());
                s = s.random((int) integer(g.get("count"), "grid.count"), integer(g.get("seed"), "grid.seed"));
                for (Object o : list(g.get("parameters"), "grid.parameters")) {
                    Map<String, Object> a = object(o, "a grid parameter");
                    keys(a, "a grid parameter", Set.of("name", "unit", "from", "to"), Set.of());
                    s = s.range(withUnit(string(a, "name"), string(a, "unit")), number(a.get("from"), "from"),
                            number(a.get("to"), "to"));
                }
            }
            default -> throw new SweepException(SweepException.Kind.BAD_SPEC, "grid.kind = \"" + kind
                    + "\" is not known; use \"full\", \"points\" or \"random\"");
        }
        List<Object> ms = list(t.get("measurements"), "measurements");
        String[] names = new String[ms.size()];
        for (int i = 0; i < names.length; i++) {
            if (!(ms.get(i) instanceof String str)) {
                throw new SweepException(SweepException.Kind.BAD_SPEC, "measurements[" + i + "] is not a string");
            }
            names[i] = str;
        }
        if (names.length > 0) s = s.measure(names);
        s = s.duration(number(t.get("duration_ms"), "duration_ms"));
        if (t.containsKey("warmup_ms")) s = s.warmup(number(t.get("warmup_ms"), "warmup_ms"));
        if (t.containsKey("seed")) s = s.seed(integer(t.get("seed"), "seed"));
        return s;
    }

    private static String withUnit(String name, String unit) {
        return unit.equals("1") || unit.isEmpty() ? name : name + " [" + unit + "]";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o, String what) {
        if (!(o instanceof Map)) {
            throw new SweepException(SweepException.Kind.BAD_SPEC, what + " must be a JSON object");
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o, String what) {
        if (!(o instanceof List)) {
            throw new SweepException(SweepException.Kind.BAD_SPEC, what + " must be a JSON array");
        }
        return (List<Object>) o;
    }

    private static void keys(Map<String, Object> m, String what, Set<String> required, Set<String> optional) {
        for (String k : m.keySet()) {
            if (!required.contains(k) && !optional.contains(k)) {
                List<String> all = new ArrayList<>(required);
                all.addAll(optional);
                all.sort(null);
                throw new SweepException(SweepException.Kind.BAD_SPEC, what + " has an unknown field \"" + k
                        + "\"; its fields are " + all);
            }
        }
        for (String k : required) {
            if (!m.containsKey(k)) {
                throw new SweepException(SweepException.Kind.BAD_SPEC, what + " lacks the field \"" + k + "\"");
            }
        }
    }

    private static String string(Map<String, Object> m, String key) {
        Object o = m.get(key);
        if (!(o instanceof String s)) {
            throw new SweepException(SweepException.Kind.BAD_SPEC, "\"" + key + "\" must be a string");
        }
        return s;
    }

    private static double number(Object o, String what) {
        if (o instanceof Long l) return l.doubleValue();
        if (o instanceof Double d) return d;
        throw new SweepException(SweepException.Kind.BAD_SPEC, what + " must be a number, not " + o);
    }

    private static long integer(Object o, String what) {
        if (o instanceof Long l) return l;
        throw new SweepException(SweepException.Kind.BAD_SPEC, what + " must be a whole number, not " + o);
    }

    /** Equal when the canonical JSON texts are equal (the progress flag does not count). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SweepSpec s && s.canonicalJson().equals(canonicalJson());
    }

    @Override
    public int hashCode() {
        return canonicalJson().hashCode();
    }

    /** One line: model, points, measurements, duration and seed. */
    @Override
    public String toString() {
        String points;
        try {
            points = size() + " points";
        } catch (SweepException e) {
            points = "not valid: " + e.getMessage();
        }
        List<String> varied = new ArrayList<>();
        for (Axis a : axes) varied.add(a.unit().equals("1") ? a.name() : a.column());
        return String.format(Locale.ROOT, "SweepSpec %s: %s (%s grid of %s), measure %s; %s ms (warm-up %s ms), seed %d",
                model, points, kind.name().toLowerCase(Locale.ROOT), String.join(" × ", varied),
                String.join(", ", measurements), Json.number(durationMs), Json.number(warmupMs), seed);
    }
}
