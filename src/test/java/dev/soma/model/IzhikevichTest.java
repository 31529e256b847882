package dev.soma.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IzhikevichTest {

    @Test
    void javadocTableStatesTheDefaults() {
        assertEquals(5, ParameterTable.assertDefaultsMatch(Izhikevich.class, Izhikevich.defaults()));
    }

    @Test
    void presetsAreThoseOfThe2003Paper() {
        assertArrayEquals(new String[] {"RS", "IB", "CH", "FS", "LTS", "TC", "RZ"}, Izhikevich.presetNames());
        Izhikevich ch = Izhikevich.preset("ch");
        assertArrayEquals(new double[] {0.02, 0.2, -50, 2}, new double[] {ch.a(), ch.b(), ch.c(), ch.d()});
        Izhikevich rz = Izhikevich.preset("RZ");
        assertArrayEquals(new double[] {0.1, 0.26, -65, 2}, new double[] {rz.a(), rz.b(), rz.c(), rz.d()});
        Izhikevich tc = Izhikevich.preset("TC");
        assertEquals(0.05, tc.d());
    }

    @Test
    void unknownPresetListsTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Izhikevich.preset("XX"));
        assertTrue(e.getMessage().contains("RS, IB, CH, FS, LTS, TC, RZ"), e.getMessage());
    }

    @Test
    void badParametersAreRejectedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Izhikevich.defaults().withA(-0.02)).getMessage().startsWith("a = "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Izhikevich.defaults().withC(40)).getMessage().startsWith("c = "));
    }

    @Test
    void equationsAndStartFollowThePaper() {
        Izhikevich rs = Izhikevich.defaults();
        assertArrayEquals(new double[] {-65, -13}, rs.restingState(), 1e-12);
        double[] d = new double[2];
        rs.derivatives(0, new double[] {-70, -14}, 0, d);
        // −70 mV, u = b v is RS's resting fixed point: 0.04·4900 − 350 + 140 + 14 = 0.
        assertEquals(0, d[0], 1e-12);
        assertEquals(0, d[1], 1e-15);
        rs.derivatives(0, new double[] {-60, -10}, 10, d);
        assertEquals(0.04 * 3600 - 300 + 140 + 10 + 10, d[0], 1e-12);
        assertEquals(0.02 * (0.2 * -60 + 10), d[1], 1e-15);
        double[] y = {31, -5};
        rs.reset(y);
        assertArrayEquals(new double[] {-65, 3}, y);
    }
}
