package dev.soma.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Runs the points of a {@link SweepSpec}: local threads ({@link #threads()}, the default), or
 * Apache Spark ({@link #spark(String)}) when Soma's Spark runner and Spark are on the class path.
 * A runner only computes rows, each with {@link SweepSpec#runPoint(int)}; the specification makes
 * the table, so every runner gives the same table bit for bit.
 */
public interface SweepRunner {
    /**
     * Computes the measurements of the given points: {@code result[r]} holds
     * {@link SweepSpec#runPoint(int) spec.runPoint(points[r])}. Shows progress if the
     * specification {@linkplain SweepSpec#showsProgress() asks for it}.
     */
    double[][] run(SweepSpec spec, int[] points);

    /**
     * Starts what the runner needs before its first sweep (a Spark context and its executors), so
     * that start-up can be timed, or paid, apart from the sweep. Nothing for local threads.
     */
    default void start() {}

    /** Local threads, one per core. */
    static SweepRunner threads() {
        return new ThreadRunner(Parallel.defaultThreads());
    }

    /** Local threads, {@code count} of them (1 runs on the calling thread). */
    static SweepRunner threads(int count) {
        Parallel.checkThreads(count);
        return new ThreadRunner(count);
    }

    /**
     * Apache Spark: {@code "local[*]"}, {@code "local[2]"} or a standalone cluster
     * {@code "spark://host:7077"}. Points are grouped into tasks, progress is shown as tasks finish,
     * and a task that fails is retried by Spark. The Spark runner lives in Soma's separate
     * {@code soma-<version>-spark.jar}; it is found here through
     * {@code META-INF/services/dev.soma.analysis.SweepRunner$Provider} when that jar and Spark
     * (Scala 2.13, e.g. {@code %maven org.apache.spark:spark-core_2.13:4.1.3}) are on the class path.
     *
     * @throws SweepException of kind {@code RUNNER_UNAVAILABLE} when they are not
     */
    static SweepRunner spark(String master) {
        return named("spark", master);
    }

    /** The runner a {@link Provider} of this name makes for {@code target}. */
    static SweepRunner named(String name, String target) {
        List<String> seen = new ArrayList<>();
        List<ClassLoader> loaders = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) loaders.add(context);
        if (SweepRunner.class.getClassLoader() != context) loaders.add(SweepRunner.class.getClassLoader());
        String failure = null;
        for (ClassLoader loader : loaders) {
            try {
                for (Provider p : ServiceLoader.load(Provider.class, loader)) {
                    if (p.name().equals(name)) {
                        return p.create(target);
                    }
                    seen.add(p.name());
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                failure = e.toString();
            }
        }
        String fix = name.equals("spark")
                ? "add Spark and Soma's Spark runner to the class path, e.g. in a notebook "
                  + "%maven org.apache.spark:spark-core_2.13:4.1.3 and %jars soma-<version>-spark.jar (built by make)"
                : "add the jar that provides it";
        throw new SweepException(SweepException.Kind.RUNNER_UNAVAILABLE, "no sweep runner \"" + name + "\" on the class path"
                + (seen.isEmpty() ? "" : " (found: " + seen + ")") + (failure == null ? "" : " (" + failure + ")") + "; " + fix);
    }

    /**
     * Makes runners of one kind; listed in {@code META-INF/services/dev.soma.analysis.SweepRunner$Provider}
     * so that a runner that needs libraries Soma does not carry (Spark) appears when they are present.
     */
    interface Provider {
        /** The kind, e.g. {@code "spark"}. */
        String name();

        /** A runner for {@code target}, e.g. a Spark master URL. */
        SweepRunner create(String target);
    }
}
