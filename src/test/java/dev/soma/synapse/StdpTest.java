package dev.soma.synapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StdpTest {
    private static final double A_PLUS = 0.01;
    private static final double A_MINUS = 0.012;
    private static final double TAU_PLUS = 16.8;
    private static final double TAU_MINUS = 33.7;

    @Test
    void additiveIsolatedPairsReproduceTheWindow() {
        // An isolated pair: pre at 100 ms, post at 100 + Δt. The change is A₊e^(−Δt/τ₊) or −A₋e^(Δt/τ₋).
        var rule = Stdp.additive(A_PLUS, A_MINUS, TAU_PLUS, TAU_MINUS, 0, 1);
        for (double dt = -100; dt <= 100; dt += 0.7) {
            double expected = dt >= 0 ? A_PLUS * Math.exp(-dt / TAU_PLUS) : -A_MINUS * Math.exp(dt / TAU_MINUS);
            double w = rule.run(0.5, new double[] {100}, new double[] {100 + dt});
            assertEquals(expected, w - 0.5, 1e-9, "Δt = " + dt);
            assertEquals(expected, rule.window(dt), 1e-15);
        }
    }

    @Test
    void multiplicativeIsolatedPairsScaleTheWindowByTheDistanceToTheBound() {
        var rule = Stdp.multiplicative(A_PLUS, A_MINUS, TAU_PLUS, TAU_MINUS, 0.1, 2.0);
        double w0 = 0.7;
        for (double dt = -100; dt <= 100; dt += 0.7) {
            double expected = dt >= 0 ? A_PLUS * (2.0 - w0) * Math.exp(-dt / TAU_PLUS) : -A_MINUS * (w0 - 0.1) * Math.exp(dt / TAU_MINUS);
            double w = rule.run(w0, new double[] {100}, new double[] {100 + dt});
            assertEquals(expected, w - w0, 1e-9, "Δt = " + dt);
        }
    }

    @Test
    void hardBoundsClip() {
        var rule = Stdp.additive(0.3, 0.3, 20, 20, 0, 1);
        assertEquals(1.0, rule.run(0.9, new double[] {0}, new double[] {1}), 0);
        assertEquals(0.0, rule.run(0.1, new double[] {1}, new double[] {0}), 0);
    }

    @Test
    void allToAllSumsPairsNearestTakesTheLast() {
        // Two pre spikes then one post: all-to-all adds both pairs, nearest-spike only the closer one.
        var allToAll = Stdp.additive(0.01, 0.01, 20, 20, 0, 1);
        double both = allToAll.run(0.5, new double[] {0, 10}, new double[] {15});
        assertEquals(0.01 * (Math.exp(-15.0 / 20) + Math.exp(-5.0 / 20)), both - 0.5, 1e-12);
        double nearest = allToAll.nearestSpike().run(0.5, new double[] {0, 10}, new double[] {15});
        assertEquals(0.01 * Math.exp(-5.0 / 20), nearest - 0.5, 1e-12);
    }

    @Test
    void historyTableHasOneRowPerSpike() {
        var table = Stdp.songMillerAbbott(1).history(0.5, new double[] {0, 30}, new double[] {10}, "µS");
        assertEquals(3, table.rowCount());
        assertEquals("w [µS]", table.column(2).name());
        assertEquals("post", table.stringColumn("spike").get(1));
    }

    @Test
    void windowTableForPlots() {
        var rule = Stdp.additive(A_PLUS, A_MINUS, TAU_PLUS, TAU_MINUS, 0, 1);
        var table = rule.windowTable(50, 1, "µS");
        assertEquals(101, table.rowCount());
        assertEquals(-A_MINUS * Math.exp(-50 / TAU_MINUS), table.doubleColumn("W [µS]").get(0), 1e-15);
        assertEquals(A_PLUS, table.doubleColumn("W [µS]").get(50), 1e-15);
    }

    @Test
    void badInputNamesTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Stdp.additive(-1, 0.01, 20, 20, 0, 1)).getMessage().contains("aPlus"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Stdp.additive(0.01, 0.01, 0, 20, 0, 1)).getMessage().contains("tauPlusMs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Stdp.additive(0.01, 0.01, 20, 20, 1, 1)).getMessage().contains("wMax"));
        var rule = Stdp.additive(0.01, 0.01, 20, 20, 0, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rule.run(2, new double[0], new double[0])).getMessage().contains("w0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rule.run(0.5, new double[] {Double.NaN}, new double[0])).getMessage().contains("preMs[0]"));
    }
}
