package dev.soma.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ReluTest {
    private final ActivationFunction f = ActivationFunctions.RELU;

    @Test
    void passesPositiveInputAndZeroesNegative() {
        assertEquals(2.5, f.apply(2.5), 0.0);
        assertEquals(0.0, f.apply(-2.5), 0.0);
        assertEquals(0.0, f.apply(Double.NEGATIVE_INFINITY), 0.0);
    }

    @Test
    void derivativeIsOneAboveZeroAndZeroAtAndBelowTheKink() {
        assertEquals(1.0, f.derivative(1e-12), 0.0);
        assertEquals(0.0, f.derivative(0.0), 0.0);
        assertEquals(0.0, f.derivative(-1.0), 0.0);
        assertFalse(f.hasDerivativeEverywhere());
    }
}
