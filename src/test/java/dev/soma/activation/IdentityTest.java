package dev.soma.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdentityTest {
    private final ActivationFunction f = ActivationFunctions.IDENTITY;

    @Test
    void returnsItsInputWithSlopeOne() {
        for (double x : new double[] {-3.5, -0.0, 0.0, 2.25, 1e300}) {
            assertEquals(x, f.apply(x), 0.0);
            assertEquals(1.0, f.derivative(x), 0.0);
        }
        assertTrue(f.hasDerivativeEverywhere());
    }
}
