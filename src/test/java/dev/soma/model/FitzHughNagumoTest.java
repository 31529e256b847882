package dev.soma.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FitzHughNagumoTest {
    private final FitzHughNagumo fhn = FitzHughNagumo.defaults();

    @Test
    void javadocTableStatesTheDefaults() {
        assertEquals(3, ParameterTable.assertDefaultsMatch(FitzHughNagumo.class, fhn));
    }

    @Test
    void restingStateIsTheHandComputedFixedPoint() {
        // v − v³/3 − (v + 0.7)/0.8 = 0 has its real root at v ≈ −1.19941; w = (v + a)/b ≈ −0.62426.
        double[] rest = fhn.restingState();
        assertEquals(-1.199408035, rest[0], 1e-8);
        assertEquals(-0.624260044, rest[1], 1e-8);
        double[] d = new double[2];
        fhn.derivatives(0, rest, 0, d);
        assertEquals(0, d[0], 1e-12);
        assertEquals(0, d[1], 1e-12);
    }

    @Test
    void badParametersAreRejectedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> fhn.withEpsilon(-0.08)).getMessage().startsWith("epsilon"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> fhn.withA(Double.NaN)).getMessage().startsWith("a = "));
    }

    @Test
    void spikesPeriodicallyInsideTheOscillatoryRangeAndNotAtRest() {
        assertEquals(0, ZooRuns.spikes(fhn, 0.0, 500, 500).length);
        double[] s = ZooRuns.spikes(fhn, 0.5, 1000, 1000);
        assertTrue(s.length >= 20, java.util.Arrays.toString(s));
        double[] late = java.util.Arrays.copyOfRange(s, s.length / 2, s.length);
        double first = late[1] - late[0];
        for (int k = 2; k < late.length; k++) assertEquals(first, late[k] - late[k - 1], 1e-3 * first);
    }
}
