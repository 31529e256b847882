package dev.soma.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LeakyReluTest {

    @Test
    void scalesNegativeInputBySlope() {
        LeakyRelu f = ActivationFunctions.leakyRelu(0.1);
        assertEquals(0.1, f.slope(), 0.0);
        assertEquals(3.0, f.apply(3.0), 0.0);
        assertEquals(-0.3, f.apply(-3.0), 1e-15);
        assertEquals(0.1, f.derivative(-3.0), 0.0);
        assertEquals(1.0, f.derivative(3.0), 0.0);
    }

    @Test
    void derivativeAtTheKinkIsTheSlope() {
        assertEquals(0.2, ActivationFunctions.leakyRelu(0.2).derivative(0.0), 0.0);
        assertFalse(ActivationFunctions.leakyRelu(0.2).hasDerivativeEverywhere());
    }

    @Test
    void slopeZeroIsReluAndSlopeOneIsIdentity() {
        for (double x : FiniteDifference.grid()) {
            assertEquals(ActivationFunctions.RELU.apply(x), ActivationFunctions.leakyRelu(0).apply(x), 0.0);
            assertEquals(x, ActivationFunctions.leakyRelu(1).apply(x), 0.0);
        }
        assertTrue(ActivationFunctions.leakyRelu(1).hasDerivativeEverywhere());
    }

    @Test
    void defaultSlopeIsOneHundredth() {
        assertEquals(0.01, ActivationFunctions.LEAKY_RELU.slope(), 0.0);
        assertEquals("leaky ReLU: f(x) = x for x ≥ 0, 0.01·x for x < 0", ActivationFunctions.LEAKY_RELU.toString());
    }

    @Test
    void equalSlopesMakeEqualFunctions() {
        assertEquals(ActivationFunctions.leakyRelu(0.3), ActivationFunctions.leakyRelu(0.3));
        assertEquals(ActivationFunctions.leakyRelu(0.3).hashCode(), ActivationFunctions.leakyRelu(0.3).hashCode());
        assertFalse(ActivationFunctions.leakyRelu(0.3).equals(ActivationFunctions.leakyRelu(0.2)));
    }

    @Test
    void rejectsNonFiniteSlopeNamingIt() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActivationFunctions.leakyRelu(bad));
            assertTrue(e.getMessage().startsWith("slope = " + bad), e.getMessage());
        }
    }
}
