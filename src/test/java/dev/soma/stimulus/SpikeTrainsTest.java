package dev.soma.stimulus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpikeTrainsTest {

    @Test
    void mergedPoolsAndSortsAllSpikes() {
        var trains = new SpikeTrains(new double[][] {{1, 5}, {2}, {}}, 10);
        assertEquals(3, trains.size());
        assertEquals(3, trains.count());
        assertArrayEquals(new double[] {1, 2, 5}, trains.merged().times());
        assertEquals(100, trains.rateHz(), 1e-12, "3 spikes / (3 trains × 10 ms)");
    }

    @Test
    void tableIsLongFormatForRasters() {
        var table = new SpikeTrains(new double[][] {{1, 5}, {2}}, 10).table();
        assertEquals(3, table.rowCount());
        assertEquals("train", table.column(0).name());
        assertEquals("spike time [ms]", table.column(1).name());
        assertEquals(1, table.intColumn("train").get(2));
    }

    @Test
    void badIndexIsRejected() {
        var trains = new SpikeTrains(new double[][] {{1}}, 10);
        assertThrows(IllegalArgumentException.class, () -> trains.train(1));
    }
}
