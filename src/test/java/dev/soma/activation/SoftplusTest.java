package dev.soma.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SoftplusTest {

    @Test
    void knownValues() {
        Softplus f = ActivationFunctions.SOFTPLUS;
        assertEquals(Math.log(2), f.apply(0.0), 1e-16);
        assertEquals(1.0, f.apply(Math.log(Math.E - 1)), 1e-15);
        assertEquals(0.5, f.derivative(0.0), 0.0);
        assertEquals(Math.log(2) / 4, ActivationFunctions.softplus(4).apply(0.0), 1e-16);
    }

    @Test
    void neitherOverflowsNorLosesTheTail() {
        Softplus f = ActivationFunctions.SOFTPLUS;
        assertEquals(800.0, f.apply(800.0), 0.0);
        assertEquals(Math.exp(-40), f.apply(-40.0), 1e-15 * Math.exp(-40));
        assertEquals(0.0, f.apply(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, f.apply(Double.POSITIVE_INFINITY), 0.0);
    }

    @Test
    void approachesReluWithinLn2OverBeta() {
        for (double beta : new double[] {1, 10, 100}) {
            Softplus f = ActivationFunctions.softplus(beta);
            for (double x : FiniteDifference.grid()) {
                double gap = f.apply(x) - ActivationFunctions.RELU.apply(x);
                assertTrue(gap > 0 || Math.abs(x) * beta > 30, "above ReLU");
                assertTrue(gap <= Math.log(2) / beta + 1e-15, "β = " + beta + ", x = " + x + ": gap " + gap);
            }
        }
    }

    @Test
    void derivativeIsTheLogisticOfBetaX() {
        Softplus f = ActivationFunctions.softplus(3);
        assertEquals(1 / (1 + Math.exp(-3 * 0.7)), f.derivative(0.7), 1e-15);
        assertEquals(3.0, f.beta(), 0.0);
    }

    @Test
    void rejectsNonPositiveOrNonFiniteBetaNamingIt() {
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActivationFunctions.softplus(bad));
            assertTrue(e.getMessage().startsWith("beta = " + bad), e.getMessage());
        }
    }
}
