package dev.soma.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExponentialIntegrateAndFireTest {
    private final ExponentialIntegrateAndFire eif = ExponentialIntegrateAndFire.defaults();

    @Test
    void javadocTableStatesTheDefaults() {
        assertEquals(8, ParameterTable.assertDefaultsMatch(ExponentialIntegrateAndFire.class, eif));
    }

    @Test
    void rheobaseIsWhereTheVNullclineTouchesZero() {
        // dV/dt's minimum over V is at V = V_T, where C dV/dt = −gL (VT − EL) + gL ΔT + I: zero at I = 0.18 nA.
        double[] d = new double[1];
        eif.derivatives(0, new double[] {-50}, 0.18, d);
        assertEquals(0, d[0], 1e-12);
        eif.derivatives(0, new double[] {-50.5}, 0.18, d);
        assertTrue(d[0] > 0);
        eif.derivatives(0, new double[] {-49.5}, 0.18, d);
        assertTrue(d[0] > 0);
    }

    @Test
    void badParametersAreRejectedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> eif.withCapacitanceNf(0)).getMessage().startsWith("capacitanceNf"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> eif.withRefractoryMs(-1)).getMessage().startsWith("refractoryMs"));
    }

    @Test
    void firesRepetitivelyJustAboveRheobaseAndNotJustBelow() {
        assertEquals(0, ZooRuns.spikes(eif, 0.17, 1000, 1000).length);
        double[] above = ZooRuns.spikes(eif, 0.19, 1000, 1000);
        assertTrue(above.length >= 3, java.util.Arrays.toString(above));
        // Reset and held for 2 ms: no interval shorter than the refractory period.
        for (int k = 1; k < above.length; k++) assertTrue(above[k] - above[k - 1] > 2);
    }
}
