package dev.soma.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.model.Izhikevich;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ParameterSweepTest {

    @Test
    void gridIsTheProductWithTheFirstParameterSlowest() {
        Table table = ParameterSweep.vary("x", 1, 2).and("y", 10, 20, 30).progress(false)
                .experiment(p -> p.get("x") * p.get("y"))
                .measure("x·y", r -> r)
                .run();
        assertEquals(List.of("x", "y", "x·y"), table.columnNames());
        assertArrayEquals(new double[] {1, 1, 1, 2, 2, 2}, table.doubleColumn("x").asDoubleArray());
        assertArrayEquals(new double[] {10, 20, 30, 10, 20, 30}, table.doubleColumn("y").asDoubleArray());
        assertArrayEquals(new double[] {10, 20, 30, 20, 40, 60}, table.doubleColumn("x·y").asDoubleArray());
    }

    @Test
    void izhikevichRecoveryJumpSweepIsReproducibleOnAnyNumberOfThreads() {
        // Larger d (more recovery per spike) slows regular spiking: the rate falls along d.
        ParameterSweep sweep = ParameterSweep.vary("d", 2, 4, 6, 8).and("I", 8, 12).progress(false);
        var experiment = sweep.experiment(p -> Runs.spikeTimes(Izhikevich.defaults().withD(p.get("d")), t -> p.get("I"), 500))
                .measure("rate [Hz]", s -> SpikeTrains.isiRateHz(s, 200, 500))
                .measure("CV", SpikeTrains::cv);
        Table one = sweep.threads(1).experiment(p -> Runs.spikeTimes(Izhikevich.defaults().withD(p.get("d")), t -> p.get("I"), 500))
                .measure("rate [Hz]", s -> SpikeTrains.isiRateHz(s, 200, 500))
                .measure("CV", SpikeTrains::cv).run();
        Table two = sweep.threads(2).experiment(p -> Runs.spikeTimes(Izhikevich.defaults().withD(p.get("d")), t -> p.get("I"), 500))
                .measure("rate [Hz]", s -> SpikeTrains.isiRateHz(s, 200, 500))
                .measure("CV", SpikeTrains::cv).run();
        Table all = experiment.run();
        double[] rates = one.doubleColumn("rate [Hz]").asDoubleArray();
        assertArrayEquals(rates, two.doubleColumn("rate [Hz]").asDoubleArray());
        assertArrayEquals(rates, all.doubleColumn("rate [Hz]").asDoubleArray());
        for (int i = 2; i < 8; i += 2) {
            assertTrue(rates[i] < rates[i - 2], "rate falls with d at I = 8: " + java.util.Arrays.toString(rates));
        }
    }

    @Test
    void eachPointHasItsOwnSeedWhateverTheThreads() {
        ParameterSweep sweep = ParameterSweep.vary("k", 0, 1, 2, 3, 4, 5).seed(42).progress(false);
        Table one = sweep.threads(1).experiment(p -> new SplittableRandom(p.seed()).nextDouble()).measure("draw", r -> r).run();
        Table three = sweep.threads(3).experiment(p -> new SplittableRandom(p.seed()).nextDouble()).measure("draw", r -> r).run();
        double[] draws = one.doubleColumn("draw").asDoubleArray();
        assertArrayEquals(draws, three.doubleColumn("draw").asDoubleArray());
        assertNotEquals(draws[0], draws[1]);
        Table other = sweep.seed(43).threads(1).experiment(p -> new SplittableRandom(p.seed()).nextDouble()).measure("draw", r -> r).run();
        assertNotEquals(draws[0], other.doubleColumn("draw").getDouble(0));
    }

    @Test
    void badSweepsAreRejectedWithClearMessages() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterSweep.vary("a")).getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterSweep.vary("a", 1, Double.NaN)).getMessage().contains("NaN"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterSweep.vary("a", 1).and("a", 2)).getMessage().contains("already"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterSweep.vary("a", 1).and("b", ParameterSweep.linspace(2, 1, 3))).getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterSweep.vary(" ", 1)).getMessage().contains("name"));
        var noMeasures = ParameterSweep.vary("a", 1).experiment(p -> 1.0);
        assertTrue(assertThrows(IllegalArgumentException.class, noMeasures::run).getMessage().contains("no measures"));
        var point = ParameterSweep.vary("a", 1).progress(false).experiment(p -> p.get("b")).measure("m", r -> r);
        assertTrue(assertThrows(IllegalArgumentException.class, point::run).getMessage().contains("not swept"));
        assertThrows(IllegalArgumentException.class, () -> ParameterSweep.vary("a", 1).threads(0));
    }

    @Test
    void aPointThatFailsIsNamedByItsValuesAndSeed() {
        var sweep = ParameterSweep.vary("g [nS]", 1, 2, 3).and("I [nA]", 0.5).progress(false).threads(2)
                .experiment(p -> {
                    if (p.get("g [nS]") == 2) throw new IllegalStateException("diverged at t = 3 ms");
                    return p.get("g [nS]");
                })
                .measure("g", r -> r);
        String message = assertThrows(IllegalArgumentException.class, sweep::run).getMessage();
        assertTrue(message.contains("point 1") && message.contains("g [nS] = 2") && message.contains("I [nA] = 0.5")
                && message.contains("seed ") && message.contains("diverged at t = 3 ms"), message);
        var measure = ParameterSweep.vary("a", 1, 2).progress(false).threads(1).experiment(p -> p.get("a"))
                .measure("inverse", r -> {
                    if (r == 2) throw new ArithmeticException("no inverse");
                    return 1 / r;
                });
        String m2 = assertThrows(IllegalArgumentException.class, measure::run).getMessage();
        assertTrue(m2.contains("a = 2") && m2.contains("measure \"inverse\"") && m2.contains("no inverse"), m2);
    }
}
