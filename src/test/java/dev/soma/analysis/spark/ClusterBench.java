package dev.soma.analysis.spark;

import dev.soma.analysis.SweepSpec;
import dev.soma.bench.SweepBench;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The benchmark of the Spark standalone cluster, run by {@code make bench} from the test class
 * path: starts a master and two one-core workers on this machine ({@link SparkCluster}), measures
 * the overhead of one task (a sweep of points that do almost nothing, one point per task, after a
 * warm-up run), and with {@code --points N} also runs the sweep benchmark of {@link SweepBench}:
 * <pre>
 *   workload=sweep runner=spark-cluster tasks=256 task_overhead_ms=6.1 startup_s=21.4
 *   workload=sweep runner=spark-cluster points=1000 whole_s=… startup_s=… sweep_s=… point_ms=…
 * </pre>
 * The task overhead is the wall time per task and executor core of the whole job: scheduling,
 * shipping the closure, deserialising the specification (cached per executor), running a 1 ms
 * LIF point and returning its row.
 */
public final class ClusterBench {
    private ClusterBench() {}

    /** Runs the cluster benchmark; {@code --points 0} (default) measures the task overhead only. */
    public static void main(String[] args) throws Exception {
        int points = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--points")) points = Integer.parseInt(args[++i]);
        }
        Path root = Files.createTempDirectory("soma-spark-bench-");
        try (SparkCluster cluster = SparkCluster.start(root, 2);
             SparkSweepRunner spark = SparkSweepRunner.create(cluster.url())
                     .with("spark.driver.host", "127.0.0.1")
                     .with("spark.driver.bindAddress", "127.0.0.1")
                     .with("spark.executor.memory", "512m")
                     .with("spark.executor.extraJavaOptions", "-XX:+UseSerialGC")
                     .tasksPerCore(128)) {
            spark.start();
            int executors = spark.awaitExecutors(2, 60_000);
            double startup = sinceJvmStart();
            SweepSpec tiny = SweepSpec.of("lif").vary("I [nA]", SweepSpec.linspace(1, 3, 256)).measure("rate")
                    .duration(1).progress(false);
            tiny.run(spark);
            long t0 = System.nanoTime();
            tiny.run(spark);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            int tasks = spark.taskCount(256, spark.context().defaultParallelism());
            System.out.printf(Locale.ROOT, "workload=sweep runner=spark-cluster tasks=%d task_overhead_ms=%.2f startup_s=%.2f"
                    + " executors=%d%n", tasks, seconds * 1e3 * executors / tasks, startup, executors);
            if (points > 0) {
                try (SparkSweepRunner big = SparkSweepRunner.create(cluster.url())
                        .with("spark.driver.host", "127.0.0.1")
                        .with("spark.driver.bindAddress", "127.0.0.1")
                        .with("spark.executor.memory", "512m")
                        .with("spark.executor.extraJavaOptions", "-XX:+UseSerialGC")) {
                    spark.close();
                    big.start();
                    big.awaitExecutors(2, 60_000);
                    double s1 = sinceJvmStart();
                    SweepBench.spec(points, 3000).run(big);
                    double s2 = sinceJvmStart();
                    System.out.printf(Locale.ROOT, "workload=sweep runner=spark-cluster points=%d whole_s=%.2f startup_s=%.2f "
                            + "sweep_s=%.2f point_ms=%.1f%n", points, s2, s1, s2 - s1, (s2 - s1) * 1e3 * 2 / points);
                }
            }
        } finally {
            try (var files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double sinceJvmStart() {
        return (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) * 1e-3;
    }
}
