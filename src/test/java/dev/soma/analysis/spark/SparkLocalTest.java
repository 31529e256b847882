package dev.soma.analysis.spark;

import static dev.soma.analysis.SweepShardsAndCacheTest.assertSameTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.analysis.SweepException;
import dev.soma.analysis.SweepParts;
import dev.soma.analysis.SweepRunner;
import dev.soma.analysis.SweepShardsAndCacheTest;
import dev.soma.analysis.SweepSpec;
import dev.soma.analysis.TestSweepModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Spark local[2]: the same table as local threads and as three shards merged, bit for bit; a failed task is retried. */
class SparkLocalTest {
    private static SparkSweepRunner spark;

    @BeforeAll
    static void start() {
        SweepRunner found = SweepRunner.spark("local[2]");
        assertTrue(found instanceof SparkSweepRunner, "the provider is found through its service file: " + found);
        spark = (SparkSweepRunner) found;
        assertEquals("local[2,4]", spark.master(), "local masters retry failed tasks");
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.close();
    }

    @Test
    void localThreadsSparkAndThreeMergedShardsGiveTheSameTableBitForBit(@TempDir Path dir) {
        for (SweepSpec spec : List.of(SweepShardsAndCacheTest.brunelSmall(),
                SweepSpec.of("test:work").set("n", 8).random(37, 5).range("x", -1, 1).range("y [mV]", 0, 3)
                        .measure("value", "seed").seed(11).progress(false))) {
            Table threads = spec.run(SweepRunner.threads(2));
            Table onSpark = SweepSpec.fromJson(spec.toJson()).progress(false).run(spark);
            Path parts = dir.resolve(spec.model().replace(':', '-'));
            for (int k = 1; k <= 3; k++) SweepParts.runShard(spec, k, 3, parts, SweepRunner.threads(1));
            assertSameTable(threads, onSpark);
            assertSameTable(threads, SweepParts.merge(parts));
        }
    }

    @Test
    void aFailedTaskIsRetriedWithNoLostOrDuplicatedRows() {
        SweepSpec flaky = SweepSpec.of("test:flaky").vary("x", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12).measure("value", "x_echo")
                .progress(false);
        int failures = TestSweepModels.FAILURES.get();
        Table onSpark = flaky.run(spark);
        assertEquals(failures + 1, TestSweepModels.FAILURES.get(), "the first attempt of point 3's task failed");
        assertSameTable(flaky.run(SweepRunner.threads(1)), onSpark);
        assertEquals(12, onSpark.intColumn("point").unique().size());
    }

    @Test
    void tasksAreEightPerCoreAndNeverMoreThanPoints() {
        assertEquals(16, spark.taskCount(1000, 2));
        assertEquals(5, spark.taskCount(5, 2));
        assertEquals(1, spark.taskCount(1, 0));
        assertEquals(40, spark.tasksPerCore(20).taskCount(1000, 2));
    }

    @Test
    void badSpecificationsFailBeforeSparkRunsAnything() {
        SweepException e = assertThrows(SweepException.class,
                () -> SweepSpec.of("brunel").vary("gg", 1).measure("rate").run(spark));
        assertEquals(SweepException.Kind.UNKNOWN_PARAMETER, e.kind());
    }
}
