package dev.soma.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SiluTest {
    private final ActivationFunction f = ActivationFunctions.SILU;

    @Test
    void isXTimesTheSigmoid() {
        assertEquals(0.0, f.apply(0.0), 0.0);
        assertEquals(0.5, f.derivative(0.0), 0.0);
        assertEquals(1 / (1 + Math.exp(-1)), f.apply(1.0), 1e-16);
        for (double x : FiniteDifference.grid()) {
            assertEquals(x * ActivationFunctions.SIGMOID.apply(x), f.apply(x), 1e-15 * Math.max(1, Math.abs(x)));
        }
    }

    @Test
    void minimumIsWhereTheDerivativeVanishes() {
        // f′(x) = 0 ⇔ 1 + x·σ(−x) = 0 ⇔ x = −1 − e^x; the root is x* ≈ −1.27846 and f(x*) = x* + 1.
        double x = -1.3;
        for (int i = 0; i < 60; i++) {
            x = -1 - Math.exp(x);
        }
        assertEquals(0.0, f.derivative(x), 1e-15);
        assertEquals(x + 1, f.apply(x), 1e-15);
        assertEquals(-1.27846, x, 1e-5);
    }

    @Test
    void limitsAtInfinity() {
        assertEquals(0.0, f.apply(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, f.apply(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(0.0, f.derivative(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(1.0, f.derivative(Double.POSITIVE_INFINITY), 0.0);
    }
}
