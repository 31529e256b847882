package dev.soma.synapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MagnesiumBlockTest {

    @Test
    void matchesJahrStevens() {
        for (double mg : new double[] {0.5, 1, 2}) {
            var block = new MagnesiumBlock(mg);
            for (double v = -100; v <= 40; v += 5) {
                double expected = 1 / (1 + Math.exp(-0.062 * v) * (mg / 3.57));
                assertEquals(expected, block.at(v), 1e-15);
            }
        }
        // The familiar numbers: about 6 % unblocked at −65 mV, most channels open near 0 mV.
        assertEquals(0.0597, new MagnesiumBlock(1).at(-65), 1e-4);
        assertEquals(3.57 / 4.57, new MagnesiumBlock(1).at(0), 1e-12);
        assertEquals(1.0, new MagnesiumBlock(0).at(-80), 0);
    }

    @Test
    void tableForPlots() {
        var table = new MagnesiumBlock(1).table(-100, 40, 10);
        assertEquals(15, table.rowCount());
        assertEquals(new MagnesiumBlock(1).at(0), table.doubleColumn("B [1]").get(10), 0);
    }

    @Test
    void negativeMagnesiumIsRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MagnesiumBlock(-1)).getMessage().contains("magnesiumMm"));
    }
}
