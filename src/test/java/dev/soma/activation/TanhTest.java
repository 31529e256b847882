package dev.soma.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TanhTest {
    private final ActivationFunction f = ActivationFunctions.TANH;

    @Test
    void knownValues() {
        assertEquals(0.0, f.apply(0.0), 0.0);
        assertEquals(0.6, f.apply(Math.log(2)), 1e-15);
        assertEquals(1.0, f.derivative(0.0), 0.0);
        assertEquals(0.64, f.derivative(Math.log(2)), 1e-15);
    }

    @Test
    void isTwiceTheSigmoidOfTwiceXMinusOne() {
        for (double x : FiniteDifference.grid()) {
            assertEquals(2 * ActivationFunctions.SIGMOID.apply(2 * x) - 1, f.apply(x), 1e-15);
        }
    }

    @Test
    void derivativeKeepsRelativePrecisionInTheTails() {
        double expected = 4 * Math.exp(-40);
        assertEquals(expected, f.derivative(20.0), 1e-14 * expected);
        assertEquals(0.0, f.derivative(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(-1.0, f.apply(Double.NEGATIVE_INFINITY), 0.0);
    }
}
