package dev.soma;

import static dev.soma.Units.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Soma's units are coherent: products of base units give base units. */
class UnitsTest {
    @Test
    void conversionsReadAsWhatTheyAre() {
        assertEquals(0.2, 200 * pA, 1e-15);
        assertEquals(1000, 1 * second);
        assertEquals(0.01, 10 * Hz, 1e-15);
        assertEquals(0.006, 6 * nS, 1e-15);
        assertEquals(0.2, 200 * pF, 1e-15);
    }

    @Test
    void systemIsCoherent() {
        // µS × mV = nA; nA × MΩ = mV; MΩ × nF = ms
        assertEquals(1 * nA, (1 * uS) * (1 * mV));
        assertEquals(10 * mV, (1 * nA) * (10 * MOhm));
        assertEquals(10 * ms, (10 * MOhm) * (1 * nF));
        assertEquals(1 * uA_per_cm2, (1 * mS_per_cm2) * (1 * mV));
    }
}
