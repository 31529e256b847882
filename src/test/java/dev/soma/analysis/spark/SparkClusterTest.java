package dev.soma.analysis.spark;

import static dev.soma.analysis.SweepShardsAndCacheTest.assertSameTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.analysis.SweepRunner;
import dev.soma.analysis.SweepShardsAndCacheTest;
import dev.soma.analysis.SweepSpec;
import dev.soma.analysis.TestSweepModels;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A real Spark standalone cluster on this machine (a master and two workers, each a JVM, and the
 * executors they launch): the sweep runs on it and gives the local table; when a worker dies in
 * the middle of a sweep, its tasks run again on the other and every point comes back exactly once.
 */
class SparkClusterTest {

    @Test
    void sweepRunsOnAStandaloneClusterAndSurvivesAWorkerKilledMidSweep(@TempDir Path dir) throws Exception {
        long t0 = System.nanoTime();
        try (SparkCluster cluster = SparkCluster.start(dir, 2);
             SparkSweepRunner spark = SparkSweepRunner.create(cluster.url())
                     .with("spark.driver.host", "127.0.0.1")
                     .with("spark.driver.bindAddress", "127.0.0.1")
                     .with("spark.executor.memory", "512m")
                     .with("spark.executor.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
                     .with("spark.jars", SparkSweepRunner.jarOf(TestSweepModels.class))) {
            phase("cluster up", t0);
            SweepSpec brunel = SweepShardsAndCacheTest.brunelSmall();
            Table local = brunel.run(SweepRunner.threads(2));
            long t1 = System.nanoTime();
            assertSameTable(local, brunel.run(spark));
            phase("first sweep on the cluster (context and executors start)", t1);

            // 64 points of 80 ms: 16 tasks of 4 points, about 2.6 s on the two one-core executors.
            SweepSpec slow = SweepSpec.of("test:work").vary("x", range(64)).set("work [ms]", 80).measure("value", "x_echo")
                    .seed(5).progress(false);
            Table expected = slow.run(SweepRunner.threads(2));
            CompletableFuture<Table> running = CompletableFuture.supplyAsync(() -> slow.run(spark));
            JavaSparkContext jsc = spark.context();
            FailureCounter failures = new FailureCounter();
            jsc.sc().addSparkListener(failures);
            int done = awaitCompletedTasks(jsc, 2, 60_000);
            cluster.killWorker(2);
            long t2 = System.nanoTime();
            Table survived = running.get(180, TimeUnit.SECONDS);
            phase("rest of the sweep after the kill", t2);
            assertTrue(done < 16, "the worker was killed mid-sweep, after " + done + " of 16 tasks");
            assertSameTable(expected, survived);
            assertEquals(64, survived.intColumn("point").unique().size(), "every point exactly once");
            assertTrue(failures.executorsRemoved.get() >= 1, "the driver saw the executor go; logs: " + cluster.logs());
            assertTrue(failures.failedTasks.get() >= 1, "the tasks running there failed and ran again; logs: " + cluster.logs());
        }
    }

    private static void phase(String what, long since) {
        System.err.printf(java.util.Locale.ROOT, "spark cluster test: %s %.1f s%n", what, (System.nanoTime() - since) * 1e-9);
    }

    private static double[] range(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i;
        return x;
    }

    /** Waits until the running job has completed at least {@code count} tasks; returns how many it had. */
    private static int awaitCompletedTasks(JavaSparkContext jsc, int count, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            for (int stage : jsc.statusTracker().getActiveStageIds()) {
                SparkStageInfo s = jsc.statusTracker().getStageInfo(stage);
                if (s != null && s.numCompletedTasks() >= count) return s.numCompletedTasks();
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the sweep did not complete " + count + " tasks within " + timeoutMs + " ms");
    }

    /** Counts failed task attempts and removed executors. */
    static final class FailureCounter extends SparkListener {
        final AtomicInteger failedTasks = new AtomicInteger();
        final AtomicInteger executorsRemoved = new AtomicInteger();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskInfo().failed()) failedTasks.incrementAndGet();
        }

        @Override
        public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
            executorsRemoved.incrementAndGet();
        }
    }
}
