package dev.soma.analysis.spark;

import dev.soma.analysis.Progress;
import dev.soma.analysis.SweepException;
import dev.soma.analysis.SweepRunner;
import dev.soma.analysis.SweepSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * Runs the points of a declarative sweep on Apache Spark: {@code local[*]}, {@code local[N]} or a
 * standalone cluster {@code spark://host:port}.
 *
 * <p>How: only the specification's canonical JSON and the point indices travel to the executors;
 * each task parses the JSON (once per executor JVM) and runs its points with
 * {@link SweepSpec#runPoint(int)}. The points are dealt to tasks in turn (task t of T gets the
 * t-th, (t+T)-th, … point), so that each task gets a fair share of the grid's cheap and expensive
 * corners; T is eight times the cluster's default parallelism (at most one task per point), which
 * keeps the tail short and the per-task overhead small. Progress is read from Spark's status
 * tracker while the job runs and drawn by {@link Progress}, like the thread runner's bar.
 *
 * <p>Faults: a task that fails (an executor lost with its worker, say) is run again by Spark;
 * Spark keeps exactly one result per task, and the driver checks that every point came back
 * exactly once before it makes the table. Local masters get retries too: {@code local[N]} runs as
 * {@code local[N,4]} (four attempts per task, as {@code spark.task.maxFailures} on a cluster).
 *
 * <p>Set-up: the driver JVM (a notebook kernel, a test) must start with the {@code --add-opens}
 * flags Spark needs on Java 17 ({@code org.apache.spark.launcher.JavaModuleOptions}); without
 * them the runner stops with a message that lists them. For a cluster, the jars holding Soma and
 * this runner are shipped to the executors ({@code spark.jars}); a class folder (a build tree) is
 * packed into a temporary jar first. A running SparkContext of the same master is reused.
 */
public final class SparkSweepRunner implements SweepRunner, AutoCloseable {
    private static final Pattern LOCAL = Pattern.compile("local\\[(\\*|\\d+)]");

    private final String master;
    private final Map<String, String> settings;
    private final int tasksPerCore;
    private JavaSparkContext context;
    private boolean ownsContext;

    private SparkSweepRunner(String master, Map<String, String> settings, int tasksPerCore) {
        this.master = master;
        this.settings = settings;
        this.tasksPerCore = tasksPerCore;
    }

    /** A runner for {@code master} with Spark's defaults (and no web UI). */
    public static SparkSweepRunner create(String master) {
        if (master == null || master.isBlank()) {
            throw new IllegalArgumentException("master = \"" + master + "\"; give a Spark master, e.g. \"local[*]\" or "
                    + "\"spark://host:7077\"");
        }
        return new SparkSweepRunner(master.strip(), new LinkedHashMap<>(Map.of("spark.ui.enabled", "false")), 8);
    }

    /** With a Spark setting, e.g. {@code ("spark.executor.memory", "2g")}; applied when the context starts. */
    public SparkSweepRunner with(String key, String value) {
        if (key == null || !key.startsWith("spark.")) {
            throw new IllegalArgumentException("key = \"" + key + "\" is not a Spark setting; they start with \"spark.\"");
        }
        Map<String, String> copy = new LinkedHashMap<>(settings);
        copy.put(key, value);
        return new SparkSweepRunner(master, copy, tasksPerCore);
    }

    /** With {@code count} tasks per core of the cluster's default parallelism (default 8). */
    public SparkSweepRunner tasksPerCore(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("tasksPerCore = " + count + "; give at least 1 (default 8)");
        }
        return new SparkSweepRunner(master, settings, count);
    }

    /** The master this runner submits to, as Spark runs it (with retries for local masters). */
    public String master() {
        Matcher m = LOCAL.matcher(master);
        return m.matches() ? "local[" + m.group(1) + ",4]" : master;
    }

    /** The Spark context, started on first use (or the running one of the same master). */
    public synchronized JavaSparkContext context() {
        if (context != null && !context.sc().isStopped()) {
            return context;
        }
        checkModuleOptions();
        SparkConf conf = new SparkConf().setMaster(master()).setAppName("soma sweep");
        for (Map.Entry<String, String> e : settings.entrySet()) conf.set(e.getKey(), e.getValue());
        if (!master.startsWith("local")) {
            Set<String> jars = new LinkedHashSet<>();
            String given = conf.get("spark.jars", "");
            for (String j : given.split(",")) if (!j.isBlank()) jars.add(j.strip());
            jars.add(jarOf(SweepSpec.class));
            jars.add(jarOf(SparkSweepRunner.class));
            conf.set("spark.jars", String.join(",", jars));
        }
        boolean running = org.apache.spark.SparkContext$.MODULE$.getActive().isDefined();
        SparkContext sc = SparkContext.getOrCreate(conf);
        if (!sc.master().equals(master()) && !sc.master().equals(master)) {
            throw new IllegalStateException("a SparkContext for " + sc.master() + " is already running in this JVM; "
                    + "use a runner for that master, or stop it (sc.stop()) first");
        }
        ownsContext = !running;
        context = JavaSparkContext.fromSparkContext(sc);
        return context;
    }

    /** Starts the Spark context now (on a cluster: and waits up to 60 s for a first executor). */
    @Override
    public void start() {
        context();
        if (!master.startsWith("local")) awaitExecutors(1, 60_000);
    }

    /**
     * Waits until {@code count} executors have registered with the context (at most
     * {@code timeoutMs}); returns how many there are.
     */
    public int awaitExecutors(int count, long timeoutMs) {
        JavaSparkContext jsc = context();
        long end = System.currentTimeMillis() + timeoutMs;
        while (executors(jsc) < count && System.currentTimeMillis() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return executors(jsc);
    }

    private static int executors(JavaSparkContext jsc) {
        // The driver is listed too, except in local mode where it is the only executor.
        int n = jsc.sc().statusTracker().getExecutorInfos().length;
        return jsc.isLocal() ? n : n - 1;
    }

    /** Stops the Spark context if this runner started it. */
    @Override
    public synchronized void close() {
        if (context != null && ownsContext) {
            context.stop();
        }
        context = null;
    }

    /** The number of tasks for {@code points} points: eight per core of the default parallelism, at most one per point. */
    int taskCount(int points, int parallelism) {
        long t = (long) Math.max(1, parallelism) * tasksPerCore;
        return (int) Math.max(1, Math.min(points, t));
    }

    @Override
    public double[][] run(SweepSpec spec, int[] points) {
        spec.check();
        int n = points.length;
        if (n == 0) return new double[0][];
        JavaSparkContext jsc = context();
        int tasks = taskCount(n, jsc.defaultParallelism());
        List<Integer> ids = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) ids.add(t);
        String group = "soma-sweep-" + GROUPS.incrementAndGet();
        jsc.setJobGroup(group, spec.model() + " sweep of " + n + " points", true);
        JavaRDD<PointRow> rows = jsc.parallelize(ids, tasks)
                .flatMap(new RunPoints(spec.canonicalJson(), points.clone(), tasks));
        JavaFutureAction<List<PointRow>> job = rows.collectAsync();
        Progress progress = Progress.start(spec.model() + " sweep on Spark " + master(), n);
        List<PointRow> out;
        try {
            while (true) {
                try {
                    out = job.get(200, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    if (spec.showsProgress()) progress.update(pointsDone(jsc, group, tasks, n));
                }
            }
        } catch (InterruptedException e) {
            jsc.cancelJobGroup(group);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the Spark sweep was interrupted; its job was cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("the Spark sweep failed (after Spark's retries): " + cause.getMessage(), cause);
        } finally {
            jsc.clearJobGroup();
        }
        if (spec.showsProgress()) progress.finish();
        return assemble(out, points);
    }

    private static final AtomicLong GROUPS = new AtomicLong();

    /** Points finished so far, from the completed tasks of the job group (tasks hold n/T points each, ±1). */
    private static int pointsDone(JavaSparkContext jsc, String group, int tasks, int n) {
        long completed = 0;
        for (int job : jsc.statusTracker().getJobIdsForGroup(group)) {
            SparkJobInfo info = jsc.statusTracker().getJobInfo(job);
            if (info == null) continue;
            for (int stage : info.stageIds()) {
                SparkStageInfo s = jsc.statusTracker().getStageInfo(stage);
                if (s != null) completed += s.numCompletedTasks();
            }
        }
        return (int) Math.min(n, completed * n / tasks);
    }

    /** Rows by position, checking that every point came back exactly once. */
    static double[][] assemble(List<PointRow> rows, int[] points) {
        double[][] out = new double[points.length][];
        for (PointRow r : rows) {
            if (r.position < 0 || r.position >= points.length || points[r.position] != r.index) {
                throw new IllegalStateException("Spark returned point " + r.index + " at position " + r.position
                        + ", which this sweep did not send");
            }
            if (out[r.position] != null) {
                throw new IllegalStateException("Spark returned point " + r.index + " twice");
            }
            out[r.position] = r.values;
        }
        for (int p = 0; p < out.length; p++) {
            if (out[p] == null) {
                throw new IllegalStateException("Spark returned no result for point " + points[p]);
            }
        }
        return out;
    }

    /** One point's result as it travels back to the driver. */
    static final class PointRow implements Serializable {
        private static final long serialVersionUID = 1L;
        final int position;
        final int index;
        final double[] values;

        PointRow(int position, int index, double[] values) {
            this.position = position;
            this.index = index;
            this.values = values;
        }
    }

    /** A task: runs the points at positions t, t+T, t+2T, … of the point list. */
    static final class RunPoints implements FlatMapFunction<Integer, PointRow> {
        private static final long serialVersionUID = 1L;
        /** Parsed specifications, per executor JVM. */
        private static final Map<String, SweepSpec> SPECS = new ConcurrentHashMap<>();
        private final String json;
        private final int[] points;
        private final int tasks;

        RunPoints(String json, int[] points, int tasks) {
            this.json = json;
            this.points = points;
            this.tasks = tasks;
        }

        @Override
        public Iterator<PointRow> call(Integer task) {
            SweepSpec spec = SPECS.computeIfAbsent(json, j -> SweepSpec.fromJson(j).progress(false));
            List<PointRow> rows = new ArrayList<>();
            for (int p = task; p < points.length; p += tasks) {
                rows.add(new PointRow(p, points[p], spec.runPoint(points[p])));
            }
            return rows.iterator();
        }
    }

    /** Fails early, naming the flags, when this JVM was started without the opens Spark needs on Java 17. */
    static void checkModuleOptions() {
        Module base = Object.class.getModule();
        Module here = SparkSweepRunner.class.getModule();
        for (String pkg : new String[] {"java.lang", "java.nio", "java.util", "sun.nio.ch"}) {
            if (!base.isOpen(pkg, here)) {
                String flags;
                try {
                    flags = org.apache.spark.launcher.JavaModuleOptions.defaultModuleOptions();
                } catch (LinkageError e) {
                    flags = "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED (and the others Spark lists)";
                }
                throw new SweepException(SweepException.Kind.RUNNER_UNAVAILABLE, "this JVM does not open java.base/" + pkg
                        + " to Spark; start it with Spark's Java options: " + flags
                        + " (for the Soma kernel: SOMA_KERNEL_JAVA_OPTS=\"...\")");
            }
        }
    }

    /** The jar that holds {@code type}; a class folder is packed into a temporary jar. */
    static String jarOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell which jar holds " + type.getName() + "; add it to spark.jars yourself");
        }
        Path path;
        try {
            path = Paths.get(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the location of " + type.getName() + ": " + source.getLocation(), e);
        }
        if (Files.isRegularFile(path)) {
            return path.toAbsolutePath().toString();
        }
        return PACKED.computeIfAbsent(path.toAbsolutePath().toString(), SparkSweepRunner::pack);
    }

    private static final Map<String, String> PACKED = new ConcurrentHashMap<>();

    private static String pack(String folder) {
        Path dir = Paths.get(folder);
        try {
            Path jar = Files.createTempFile("soma-classes-", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
                 Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    out.putNextEntry(new JarEntry(dir.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            return jar.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("could not pack " + folder + " into a jar for Spark: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "spark(" + master() + ")";
    }
}
