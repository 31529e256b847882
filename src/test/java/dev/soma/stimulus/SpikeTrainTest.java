package dev.soma.stimulus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpikeTrainTest {

    @Test
    void rateIsCountOverWindow() {
        var train = new SpikeTrain(new double[] {100, 200, 300}, 1000);
        assertEquals(3.0, train.rateHz(), 1e-12);
        assertArrayEquals(new double[] {100, 100}, train.isisMs(), 1e-12);
        assertTrue(train.toString().startsWith("SpikeTrain: 3 spikes in 1000 ms (3 Hz)"), train.toString());
    }

    @Test
    void tableHasUnitInTheColumnName() {
        var table = new SpikeTrain(new double[] {1, 2}, 10).table();
        assertEquals(2, table.rowCount());
        assertEquals("spike time [ms]", table.column(0).name());
    }

    @Test
    void timesAreACopy() {
        var train = new SpikeTrain(new double[] {1, 2}, 10);
        train.times()[0] = 99;
        assertEquals(1, train.times()[0]);
    }

    @Test
    void unsortedTimesAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SpikeTrain(new double[] {2, 1}, 10));
        assertTrue(e.getMessage().contains("timesMs[1]"), e.getMessage());
    }
}
