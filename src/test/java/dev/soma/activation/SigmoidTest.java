package dev.soma.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SigmoidTest {
    private final ActivationFunction f = ActivationFunctions.SIGMOID;

    @Test
    void knownValues() {
        assertEquals(0.5, f.apply(0.0), 0.0);
        assertEquals(0.75, f.apply(Math.log(3)), 1e-16);
        assertEquals(0.25, f.apply(-Math.log(3)), 1e-16);
        assertEquals(0.25, f.derivative(0.0), 0.0);
    }

    @Test
    void isSymmetricAboutOneHalf() {
        for (double x : FiniteDifference.grid()) {
            assertEquals(1.0, f.apply(x) + f.apply(-x), 1e-15);
            assertEquals(f.derivative(x), f.derivative(-x), 1e-17);
        }
    }

    @Test
    void keepsRelativePrecisionInTheTails() {
        double e = Math.exp(-40);
        assertEquals(e / (1 + e), f.apply(-40.0), 1e-15 * e);
        assertEquals(e / ((1 + e) * (1 + e)), f.derivative(40.0), 1e-15 * e);
        assertEquals(1.0, f.apply(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(0.0, f.apply(Double.NEGATIVE_INFINITY), 0.0);
    }
}
