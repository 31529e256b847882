package dev.soma.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuadraticIntegrateAndFireTest {
    private final QuadraticIntegrateAndFire qif = QuadraticIntegrateAndFire.defaults();

    @Test
    void javadocTableStatesTheDefaults() {
        assertEquals(8, ParameterTable.assertDefaultsMatch(QuadraticIntegrateAndFire.class, qif));
    }

    @Test
    void rheobaseAndPeriodAreClosedForm() {
        assertEquals(0.225, qif.rheobaseNa(), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, qif.periodMs(0.2));
        // The period is the integral of τ dV / (a0 (V − Vr)(V − Vc) + R I) from reset to peak: check by quadrature.
        double i = 0.5;
        int n = 2_000_000;
        double h = (30 - -60) / (double) n;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double v = -60 + (k + 0.5) * h;
            sum += 10 / (0.04 * (v + 65) * (v + 50) + 10 * i);
        }
        assertEquals(sum * h, qif.periodMs(i), 1e-6 * sum * h);
    }

    @Test
    void badParametersAreRejectedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> qif.withTauMs(-10)).getMessage().startsWith("tauMs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> qif.withCriticalMv(-70)).getMessage().startsWith("restMv"));
    }
}
