package dev.soma.activation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which functions never decrease, and the two modern ones that dip below zero before rising. */
class MonotonicityTest {

    @Test
    void classicFunctionsNeverDecreaseAndHaveNonNegativeSlope() {
        List<ActivationFunction> monotone = List.of(ActivationFunctions.IDENTITY, ActivationFunctions.STEP,
                ActivationFunctions.SIGMOID, ActivationFunctions.TANH, ActivationFunctions.RELU,
                ActivationFunctions.LEAKY_RELU, ActivationFunctions.ELU, ActivationFunctions.SOFTPLUS,
                ActivationFunctions.elu(3.0), ActivationFunctions.softplus(10.0), ActivationFunctions.leakyRelu(0.5));
        for (ActivationFunction f : monotone) {
            double previous = Double.NEGATIVE_INFINITY;
            for (double x = -20; x <= 20; x += 0.01) {
                double y = f.apply(x);
                assertTrue(y >= previous, f.name() + " decreases at x = " + x);
                double slope = f.derivative(x);
                assertTrue(Double.isNaN(slope) && x == 0 || slope >= 0, f.name() + "' < 0 at x = " + x);
                previous = y;
            }
        }
    }

    @Test
    void strictlySmoothSigmoidsIncreaseStrictlyWhereTheyAreNotSaturated() {
        for (ActivationFunction f : List.of(ActivationFunctions.SIGMOID, ActivationFunctions.TANH, ActivationFunctions.SOFTPLUS)) {
            for (double x = -10; x < 10; x += 0.1) {
                assertTrue(f.apply(x + 0.1) > f.apply(x), f.name() + " at " + x);
            }
        }
    }

    @Test
    void geluAndSiluFallThenRise() {
        for (ActivationFunction f : List.of(ActivationFunctions.GELU, ActivationFunctions.SILU)) {
            assertTrue(f.derivative(-2.0) < 0, f.name() + " falls at −2");
            assertTrue(f.derivative(-0.5) > 0, f.name() + " rises at −0.5");
            assertTrue(f.apply(-1.0) < 0 && f.apply(-1.0) < f.apply(-3.0), f.name() + " dips below its left tail");
        }
    }
}
