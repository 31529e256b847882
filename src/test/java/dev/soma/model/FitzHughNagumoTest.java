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
}
