package dev.soma.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The declarative sweep: JSON round trip, canonical form, seeds, grids, units, and bad input before any run. */
class SweepSpecTest {

    static SweepSpec work() {
        return SweepSpec.of("test:work").set("n", 8).vary("x", 1, 2, 3).vary("y [mV]", -1, 0.5)
                .measure("value", "seed", "y_echo").duration(100).warmup(10).seed(7).progress(false);
    }

    @Test
    void jsonRoundTripGivesTheSameSpecificationForEveryKindOfGrid() {
        List<SweepSpec> specs = List.of(work(),
                SweepSpec.of("test:work").points("x", "y [V]").point(1, 0.001).point(2.5, -0.002).measure("value"),
                SweepSpec.of("test:work").random(17, 99).range("x", 0, 1).range("y [uV]", -5, 5).measure("value", "x_echo")
                        .seed(Long.MIN_VALUE + 3).duration(0.1));
        for (SweepSpec s : specs) {
            SweepSpec back = SweepSpec.fromJson(s.toJson());
            assertEquals(s, back);
            assertEquals(s.canonicalJson(), back.canonicalJson());
            assertEquals(s.canonicalJson(), SweepSpec.fromJson(s.canonicalJson()).canonicalJson());
            assertEquals(s.size(), back.size());
            for (int i = 0; i < s.size(); i++) {
                assertEquals(s.point(i), back.point(i), "point " + i);
            }
        }
    }

    @Test
    void canonicalJsonIsCompactSortsFixedParametersAndWritesWholeNumbersAsIntegers() {
        SweepSpec a = SweepSpec.of("test:work").set("y [mV]", 2).set("n", 8).vary("x", 0.1, 3).measure("value");
        SweepSpec b = SweepSpec.of("test:work").set("n", 8).set("y [mV]", 2).vary("x", 0.1, 3).measure("value");
        assertEquals(a.canonicalJson(), b.canonicalJson());
        assertEquals("{\"format\":\"soma-sweep/1\",\"model\":\"test:work\",\"fixed\":[{\"name\":\"n\",\"unit\":\"1\",\"value\":8},"
                + "{\"name\":\"y\",\"unit\":\"mV\",\"value\":2}],\"grid\":{\"kind\":\"full\",\"parameters\":[{\"name\":\"x\","
                + "\"unit\":\"1\",\"values\":[0.1,3]}]},\"measurements\":[\"value\"],\"duration_ms\":1000,\"warmup_ms\":0,"
                + "\"seed\":1}", a.canonicalJson());
        assertNotEquals(a.canonicalJson(), a.seed(2).canonicalJson());
    }

    @Test
    void theReaderIsStrictAndNamesTheField() {
        String good = work().toJson();
        assertKind(SweepException.Kind.BAD_SPEC, () -> SweepSpec.fromJson(good.replace("\"seed\": 7", "\"seed\": 7, \"sede\": 1")));
        assertKind(SweepException.Kind.BAD_SPEC, () -> SweepSpec.fromJson(good.replace("\"duration_ms\": 100,", "")));
        assertKind(SweepException.Kind.BAD_SPEC, () -> SweepSpec.fromJson(good.replace("\"seed\": 7", "\"seed\": 7.5")));
        assertKind(SweepException.Kind.BAD_SPEC, () -> SweepSpec.fromJson(good + " x"));
        assertKind(SweepException.Kind.BAD_SPEC, () -> SweepSpec.fromJson(good.replace("\"seed\": 7", "\"seed\": 7,")));
        assertKind(SweepException.Kind.BAD_SPEC, () -> SweepSpec.fromJson(good.replace("soma-sweep/1", "soma-sweep/9")));
        SweepException dup = assertKind(SweepException.Kind.BAD_SPEC,
                () -> SweepSpec.fromJson(good.replace("\"seed\": 7", "\"seed\": 7, \"seed\": 8")));
        assertTrue(dup.getMessage().contains("duplicate key \"seed\""), dup.getMessage());
    }

    @Test
    void eachPointSeedDerivesFromTheSweepSeedAndTheIndexOnly() {
        SweepSpec s = work();
        for (int i = 0; i < s.size(); i++) {
            assertEquals(ParameterSweep.mix(7, i), s.point(i).seed());
        }
        // The same index in another grid has the same seed; another sweep seed changes it.
        assertEquals(s.point(2).seed(), s.vary("work [ms]", 0).point(2).seed());
        assertNotEquals(s.point(2).seed(), s.seed(8).point(2).seed());
    }

    @Test
    void fullGridVariesTheFirstParameterSlowestAndConvertsUnits() {
        Table t = work().run(SweepRunner.threads(2));
        assertEquals(List.of("point", "x [1]", "y [mV]", "value [1]", "seed [1]", "y_echo [mV]"), t.columnNames());
        assertArrayEquals(new double[] {1, 1, 2, 2, 3, 3}, t.doubleColumn("x [1]").asDoubleArray());
        SweepSpec volts = SweepSpec.of("test:work").vary("y [V]", 0.002).measure("y_echo").progress(false);
        assertEquals(2.0, volts.point(0).get("y"), 1e-15);
        assertEquals(List.of("point", "y [V]", "y_echo [mV]"), volts.run().columnNames());
        assertEquals(2.0, volts.run().doubleColumn("y_echo [mV]").getDouble(0), 1e-15);
    }

    @Test
    void randomGridsAreFixedBySamplingSeedAndStayInRange() {
        SweepSpec r = SweepSpec.of("test:work").random(50, 3).range("x", 2, 4).measure("x_echo").progress(false);
        Table t = r.run();
        for (double x : t.doubleColumn("x [1]").asDoubleArray()) assertTrue(x >= 2 && x <= 4, "x = " + x);
        assertArrayEquals(t.doubleColumn("x [1]").asDoubleArray(),
                SweepSpec.of("test:work").random(50, 3).range("x", 2, 4).measure("x_echo").progress(false).run()
                        .doubleColumn("x [1]").asDoubleArray());
        assertNotEquals(t.doubleColumn("x [1]").getDouble(0),
                SweepSpec.of("test:work").random(50, 4).range("x", 2, 4).measure("x_echo").progress(false).point(0).get("x"));
    }

    @Test
    void badInputIsANamedErrorBeforeAnySimulationRuns() {
        int before = TestSweepModels.RUNS.get();
        SweepSpec ok = work();
        assertKind(SweepException.Kind.UNKNOWN_PARAMETER, () -> ok.vary("z", 1).run());
        assertKind(SweepException.Kind.UNKNOWN_PARAMETER, () -> SweepSpec.fromJson(ok.toJson().replace("\"name\": \"x\"",
                "\"name\": \"xx\"")).run());
        assertKind(SweepException.Kind.EMPTY_GRID, () -> ok.vary("work [ms]"));
        assertKind(SweepException.Kind.EMPTY_GRID, () -> SweepSpec.fromJson(ok.toJson().replace("\"values\": [1, 2, 3]",
                "\"values\": []")).run());
        assertKind(SweepException.Kind.EMPTY_GRID, () -> SweepSpec.of("test:work").points("x").measure("value").run());
        assertKind(SweepException.Kind.EMPTY_GRID, () -> SweepSpec.of("test:work").measure("value").run());
        assertKind(SweepException.Kind.UNIT_MISMATCH, () -> SweepSpec.of("test:work").vary("y [ms]", 1).measure("value").run());
        assertKind(SweepException.Kind.UNIT_MISMATCH, () -> SweepSpec.of("test:work").vary("x [mV]", 1).measure("value").run());
        assertKind(SweepException.Kind.UNAVAILABLE_MEASUREMENT, () -> ok.measure("fi_onset").run());
        assertKind(SweepException.Kind.UNAVAILABLE_MEASUREMENT,
                () -> SweepSpec.of("brunel").vary("g", 4, 5).measure("rate", "fi_onset").run());
        assertKind(SweepException.Kind.UNKNOWN_MODEL, () -> SweepSpec.of("bruenl").vary("g", 4).measure("rate").run());
        assertKind(SweepException.Kind.BAD_VALUE, () -> SweepSpec.of("test:work").set("n", 2.5).vary("x", 1).measure("value").run());
        assertKind(SweepException.Kind.BAD_VALUE, () -> SweepSpec.of("brunel").vary("N_E", 1000, 1002).measure("rate").run());
        assertKind(SweepException.Kind.BAD_SHARD, () -> SweepParts.parseShard("4/3"));
        assertKind(SweepException.Kind.BAD_SHARD, () -> SweepParts.parseShard("0/3"));
        assertKind(SweepException.Kind.BAD_SHARD, () -> SweepParts.parseShard("3"));
        assertEquals(before, TestSweepModels.RUNS.get(), "no point ran");
        SweepException e = assertKind(SweepException.Kind.UNKNOWN_PARAMETER, () -> ok.vary("z", 1).check());
        assertTrue(e.getMessage().contains("\"z\"") && e.getMessage().contains("[x, y, work, n]"), e.getMessage());
    }

    @Test
    void neuronPresetsSweepRateOnsetAndSummariesWithUnitsInColumns() {
        // LIF (τ = 10 ms, R = 10 MΩ, θ − E_L = 20 mV): silent below 2 nA, the onset of repetitive firing at 2 nA.
        SweepSpec lif = SweepSpec.of("lif").vary("I [pA]", 1500, 2500, 3000).measure("rate", "fi_onset", "max:V")
                .duration(300).warmup(50).progress(false);
        Table t = lif.run(SweepRunner.threads(1));
        assertEquals(List.of("point", "I [pA]", "rate [Hz]", "f–I onset [nA]", "max V [mV]"), t.columnNames());
        double[] rate = t.doubleColumn("rate [Hz]").asDoubleArray();
        assertEquals(0, rate[0]);
        assertTrue(rate[1] > 10 && rate[2] > rate[1], java.util.Arrays.toString(rate));
        assertEquals(2.0, t.doubleColumn("f–I onset [nA]").getDouble(0), 0.01);
        assertTrue(t.doubleColumn("max V [mV]").getDouble(0) < -50, "silent LIF stays below threshold");
    }

    static SweepException assertKind(SweepException.Kind kind, Supplier<?> action) {
        SweepException e = assertThrows(SweepException.class, action::get);
        assertEquals(kind, e.kind(), e.getMessage());
        return e;
    }
}
