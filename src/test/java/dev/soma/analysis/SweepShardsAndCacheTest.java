package dev.soma.analysis;

import static dev.soma.analysis.SweepSpecTest.assertKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Sharded runs merged, the result cache and the command line give the local table bit for bit. */
public class SweepShardsAndCacheTest {

    /** Two tables are equal bit for bit: same columns, same types, same bits in every cell. */
    public static void assertSameTable(Table expected, Table actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.rowCount(), actual.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            Column<?> e = expected.column(c);
            Column<?> a = actual.column(c);
            assertEquals(e.type(), a.type(), e.name());
            for (int r = 0; r < expected.rowCount(); r++) {
                Object x = e.get(r);
                Object y = a.get(r);
                if (x instanceof Double dx && y instanceof Double dy) {
                    assertEquals(Double.doubleToRawLongBits(dx), Double.doubleToRawLongBits(dy),
                            e.name() + " row " + r + ": " + dx + " vs " + dy);
                } else {
                    assertEquals(x, y, e.name() + " row " + r);
                }
            }
        }
    }

    public static SweepSpec brunelSmall() {
        // A small Brunel network (400 + 100 neurons, 40 + 10 inputs), 4 points: real simulations, a second in all.
        return SweepSpec.of("brunel").set("N_E", 400).set("C_E", 40).set("J [mV]", 2.5)
                .vary("g", 4, 6).vary("eta", 1, 2).measure("rate", "cv:E", "synchrony", "spikes:I")
                .duration(200).warmup(50).seed(3).progress(false);
    }

    @Test
    void threeShardsMergedEqualTheLocalRunBitForBit(@TempDir Path dir) {
        SweepSpec spec = SweepSpecTest.work().vary("work [ms]", 0, 0.5);
        Table local = spec.run(SweepRunner.threads(2));
        for (int k = 1; k <= 3; k++) {
            SweepParts.runShard(SweepSpec.fromJson(spec.toJson()).progress(false), k, 3, dir, SweepRunner.threads(1));
        }
        assertSameTable(local, SweepParts.merge(dir));
        Table brunel = brunelSmall().run(SweepRunner.threads(2));
        Path b = dir.resolve("brunel");
        for (int k = 3; k >= 1; k--) SweepParts.runShard(brunelSmall(), k, 3, b, SweepRunner.threads(1));
        assertSameTable(brunel, SweepParts.merge(b));
        assertTrue(brunel.doubleColumn("rate [Hz]").getDouble(0) > 0, "the network fires");
    }

    @Test
    void shardsDealPointsInTurnAndCoverEveryPointOnce() {
        assertArrayEquals(new int[] {2, 5, 8}, SweepParts.shardPoints(10, 3, 3));
        assertArrayEquals(new int[] {0, 3, 6, 9}, SweepParts.shardPoints(10, 1, 3));
        assertArrayEquals(new int[] {}, SweepParts.shardPoints(2, 3, 3));
        assertEquals("part-00003-of-00040.csv", SweepParts.partName(3, 40));
    }

    @Test
    void mergeNamesMissingAndDoubledPointsAndForeignParts(@TempDir Path dir) throws Exception {
        SweepSpec spec = SweepSpecTest.work();
        SweepParts.runShard(spec, 1, 3, dir, SweepRunner.threads(1));
        SweepParts.runShard(spec, 3, 3, dir, SweepRunner.threads(1));
        SweepException missing = assertKind(SweepException.Kind.MISSING_POINTS, () -> SweepParts.merge(dir));
        assertTrue(missing.getMessage().contains("shards 2/3"), missing.getMessage());
        SweepParts.runShard(spec, 2, 3, dir, SweepRunner.threads(1));
        SweepParts.merge(dir);
        Files.copy(dir.resolve("part-00002-of-00003.csv"), dir.resolve("part-00002-of-00004.csv"));
        assertKind(SweepException.Kind.DUPLICATE_POINTS, () -> SweepParts.merge(dir));
        Files.delete(dir.resolve("part-00002-of-00004.csv"));
        Path other = dir.resolve("other");
        SweepParts.runShard(spec.seed(8), 2, 3, other, SweepRunner.threads(1));
        assertKind(SweepException.Kind.SPEC_MISMATCH, () -> SweepParts.merge(dir.resolve("part-00001-of-00003.csv"),
                other.resolve("part-00002-of-00003.csv"), dir.resolve("part-00003-of-00003.csv")));
        assertKind(SweepException.Kind.MISSING_POINTS, () -> SweepParts.merge(dir.resolve("nothing-here")));
    }

    @Test
    void cacheReturnsTheSameTableWithoutRunningAndClears(@TempDir Path dir) throws Exception {
        SweepCache cache = SweepCache.at(dir.resolve("cache"));
        SweepSpec spec = SweepSpecTest.work().vary("work [ms]", 1);
        int runs = TestSweepModels.RUNS.get();
        Table first = cache.run(spec, SweepRunner.threads(2));
        assertEquals(runs + spec.size(), TestSweepModels.RUNS.get());
        assertTrue(cache.contains(spec));
        Table again = cache.run(SweepSpec.fromJson(spec.toJson()).progress(false), SweepRunner.threads(2));
        assertEquals(runs + spec.size(), TestSweepModels.RUNS.get(), "read from the cache, nothing ran");
        assertSameTable(first, again);
        assertFalse(cache.contains(spec.seed(99)), "another seed is another entry");
        // A damaged entry is computed again, not trusted.
        Files.writeString(cache.entries().get(0), "# soma sweep part\nnot a table\n");
        assertSameTable(first, cache.run(spec, SweepRunner.threads(2)));
        assertEquals(runs + 2 * spec.size(), TestSweepModels.RUNS.get());
        assertEquals(1, cache.entries().size());
        assertEquals(1, cache.clear());
        assertFalse(cache.contains(spec));
    }

    @Test
    void aRunnerThatIsNotOnTheClassPathIsANamedError() {
        SweepException e = assertKind(SweepException.Kind.RUNNER_UNAVAILABLE, () -> SweepRunner.named("dask", "local"));
        assertTrue(e.getMessage().contains("\"dask\""), e.getMessage());
    }

    @Test
    void userCacheIsOutsideTheWorkingFolderUnlessConfigured() {
        String saved = System.getProperty("soma.cache.dir");
        try {
            System.clearProperty("soma.cache.dir");
            if (System.getenv("SOMA_CACHE_DIR") == null) {
                Path d = SweepCache.user().directory();
                assertFalse(d.startsWith(Path.of("").toAbsolutePath()), d.toString());
                assertTrue(d.endsWith(Path.of("soma", "sweeps")), d.toString());
            }
            System.setProperty("soma.cache.dir", "/tmp/x-soma-cache");
            assertEquals(Path.of("/tmp/x-soma-cache"), SweepCache.user().directory());
        } finally {
            if (saved == null) System.clearProperty("soma.cache.dir");
            else System.setProperty("soma.cache.dir", saved);
        }
    }

    @Test
    void commandLineRunsShardsMergesThemAndRejectsBadShardsWithExitCode2(@TempDir Path dir) throws Exception {
        SweepSpec spec = SweepSpecTest.work();
        Path json = dir.resolve("spec.json");
        Files.writeString(json, spec.toJson());
        Path out = dir.resolve("results");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        int before = TestSweepModels.RUNS.get();
        assertEquals(2, SweepCommand.run(new String[] {"sweep", json.toString(), "--shard", "4/3", "--out", out.toString()}, o, e));
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("BAD_SHARD"), stderr.toString(StandardCharsets.UTF_8));
        assertEquals(before, TestSweepModels.RUNS.get());
        for (String shard : List.of("1/3", "2/3", "3/3")) {
            assertEquals(0, SweepCommand.run(new String[] {"sweep", json.toString(), "--shard", shard, "--out", out.toString(),
                    "--quiet", "--threads", "1"}, o, e), stderr.toString(StandardCharsets.UTF_8));
        }
        Path csv = dir.resolve("table.csv");
        assertEquals(0, SweepCommand.run(new String[] {"merge", out.toString(), "--out", csv.toString()}, o, e));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("point,x [1],y [mV],value [1],seed [1],y_echo [mV]", lines.get(0));
        Table local = spec.run(SweepRunner.threads(1));
        assertEquals(local.rowCount() + 1, lines.size());
        for (int r = 0; r < local.rowCount(); r++) {
            String[] cells = lines.get(r + 1).split(",");
            assertEquals(Double.doubleToRawLongBits(local.doubleColumn("value [1]").getDouble(r)),
                    Double.doubleToRawLongBits(Double.parseDouble(cells[3])));
        }
        assertEquals(2, SweepCommand.run(new String[] {"sweep", json.toString(), "--shard", "x"}, o, e));
        assertEquals(0, SweepCommand.run(new String[] {"describe", "brunel"}, o, e));
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("C_E [1] = 1000"));
    }
}
