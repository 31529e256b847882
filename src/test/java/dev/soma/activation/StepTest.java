package dev.soma.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepTest {
    private final ActivationFunction f = ActivationFunctions.STEP;

    @Test
    void isOneFromZeroOnAndZeroBelow() {
        assertEquals(1.0, f.apply(0.0), 0.0);
        assertEquals(1.0, f.apply(-0.0), 0.0);
        assertEquals(1.0, f.apply(1e-300), 0.0);
        assertEquals(0.0, f.apply(-1e-300), 0.0);
        assertEquals(1.0, f.apply(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(0.0, f.apply(Double.NEGATIVE_INFINITY), 0.0);
    }

    @Test
    void hasZeroSlopeAwayFromZeroAndNoDerivativeAtZero() {
        assertEquals(0.0, f.derivative(-2.0), 0.0);
        assertEquals(0.0, f.derivative(3.0), 0.0);
        assertTrue(Double.isNaN(f.derivative(0.0)), "the jump has no derivative");
        assertFalse(f.hasDerivativeEverywhere());
    }
}
