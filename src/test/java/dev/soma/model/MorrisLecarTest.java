package dev.soma.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MorrisLecarTest {

    @Test
    void javadocTableStatesTheDefaults() {
        assertEquals(12, ParameterTable.assertDefaultsMatch(MorrisLecar.class, MorrisLecar.defaults()));
    }

    @Test
    void typeIIDiffersFromTypeIWhereRinzelAndErmentroutSay() {
        MorrisLecar one = MorrisLecar.preset("type I");
        MorrisLecar two = MorrisLecar.preset("Type II");
        assertEquals(4.0, one.gCaMsPerCm2());
        assertEquals(4.4, two.gCaMsPerCm2());
        assertEquals(12, one.v3Mv());
        assertEquals(2, two.v3Mv());
        assertEquals(17.4, one.v4Mv());
        assertEquals(30, two.v4Mv());
        assertEquals(1.0 / 15, one.phiPerMs(), 1e-15);
        assertEquals(0.04, two.phiPerMs());
        var e = assertThrows(IllegalArgumentException.class, () -> MorrisLecar.preset("type III"));
        assertTrue(e.getMessage().contains("type I, type II"), e.getMessage());
    }

    @Test
    void restingStateIsAFixedPointNearMinus60() {
        for (String name : MorrisLecar.presetNames()) {
            MorrisLecar ml = MorrisLecar.preset(name);
            double[] rest = ml.restingState();
            double[] d = new double[2];
            ml.derivatives(0, rest, 0, d);
            assertEquals(0, d[0], 1e-9, name);
            assertEquals(0, d[1], 1e-12, name);
            assertTrue(rest[0] > -62 && rest[0] < -58, name + " rests at " + rest[0]);
        }
    }

    @Test
    void linearPartsReproduceTheDerivatives() {
        MorrisLecar ml = MorrisLecar.defaults();
        double[] y = {-20, 0.3};
        double[] d = new double[2];
        double[] a = new double[2];
        double[] b = new double[2];
        ml.derivatives(0, y, 50, d);
        ml.linearParts(0, y, 50, a, b);
        assertEquals(d[0], a[0] + b[0] * y[0], 1e-12);
        assertEquals(d[1], a[1] + b[1] * y[1], 1e-15);
    }

    @Test
    void negativeConductanceIsRejectedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MorrisLecar.defaults().withGKMsPerCm2(-8)).getMessage().startsWith("gKMsPerCm2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MorrisLecar.defaults().withCapacitanceUfPerCm2(-1)).getMessage().startsWith("capacitanceUfPerCm2"));
    }
}
