package dev.soma.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EluTest {

    @Test
    void isLinearAboveZeroAndSaturatesToMinusAlpha() {
        Elu f = ActivationFunctions.elu(2.0);
        assertEquals(2.0, f.alpha(), 0.0);
        assertEquals(1.5, f.apply(1.5), 0.0);
        assertEquals(2.0 * (Math.exp(-1) - 1), f.apply(-1.0), 1e-15);
        assertEquals(-2.0, f.apply(-50.0), 1e-15);
        assertEquals(-2.0, f.apply(Double.NEGATIVE_INFINITY), 0.0);
    }

    @Test
    void keepsPrecisionForTinyNegativeInput() {
        assertEquals(-1e-20, ActivationFunctions.ELU.apply(-1e-20), 1e-35);
    }

    @Test
    void isDifferentiableAtZeroOnlyForAlphaOne() {
        assertTrue(ActivationFunctions.ELU.hasDerivativeEverywhere());
        assertEquals(1.0, ActivationFunctions.ELU.derivative(0.0), 0.0);
        assertFalse(ActivationFunctions.elu(0.5).hasDerivativeEverywhere());
        assertEquals(0.5, ActivationFunctions.elu(0.5).derivative(0.0), 0.0);
    }

    @Test
    void rejectsNegativeOrNonFiniteAlphaNamingIt() {
        for (double bad : new double[] {-0.1, Double.NaN, Double.NEGATIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActivationFunctions.elu(bad));
            assertTrue(e.getMessage().startsWith("alpha = " + bad), e.getMessage());
        }
    }
}
