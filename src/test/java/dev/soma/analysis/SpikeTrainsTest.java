package dev.soma.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpikeTrainsTest {
    private final double[] regular = {10, 20, 30, 40, 50};

    @Test
    void countAndIsiRatesOfARegularTrain() {
        // 5 spikes at 100 Hz: the count in [0, 100) ms gives 50 Hz, the ISI gives the instantaneous 100 Hz.
        assertEquals(50, SpikeTrains.countRateHz(regular, 0, 100), 1e-12);
        assertEquals(100, SpikeTrains.isiRateHz(regular, 0, 100), 1e-12);
        assertEquals(100, SpikeTrains.isiRateHz(regular, 15, 45), 1e-12);
        assertEquals(1000.0 / 55, SpikeTrains.isiRateHz(new double[] {50}, 0, 55), 1e-12);
        assertEquals(0, SpikeTrains.isiRateHz(new double[0], 0, 55));
    }

    @Test
    void isiCvAndLatency() {
        assertArrayEquals(new double[] {10, 10, 10, 10}, SpikeTrains.isi(regular), 1e-12);
        assertEquals(0, SpikeTrains.cv(regular), 1e-12);
        // ISIs 10 and 30: mean 20, population s.d. 10, CV 0.5.
        assertEquals(0.5, SpikeTrains.cv(new double[] {0, 10, 40}), 1e-12);
        assertEquals(Double.NaN, SpikeTrains.cv(new double[] {1, 2}));
        assertEquals(5, SpikeTrains.firstSpikeLatencyMs(regular, 5), 1e-12);
        assertEquals(Double.NaN, SpikeTrains.firstSpikeLatencyMs(regular, 60));
    }

    @Test
    void adaptationIndexIsPositiveForSlowingAndNegativeForAcceleratingTrains() {
        // ISIs 10, 20, 40: each pair (20−10)/30 and (40−20)/60 gives 1/3.
        assertEquals(1.0 / 3, SpikeTrains.adaptationIndex(new double[] {0, 10, 30, 70}, 0), 1e-12);
        assertEquals(-1.0 / 3, SpikeTrains.adaptationIndex(new double[] {0, 40, 60, 70}, 0), 1e-12);
        assertEquals(0, SpikeTrains.adaptationIndex(regular, 1), 1e-12);
        assertTrue(Double.isNaN(SpikeTrains.adaptationIndex(regular, 3)));
    }

    @Test
    void burstsAreRunsOfShortIntervals() {
        assertArrayEquals(new int[] {3, 1, 2}, SpikeTrains.burstSizes(new double[] {0, 2, 4, 50, 100, 103}, 10));
        assertArrayEquals(new int[0], SpikeTrains.burstSizes(new double[0], 10));
    }

    @Test
    void badWindowsAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> SpikeTrains.countRateHz(regular, 100, 100));
        assertTrue(e.getMessage().contains("fromMs < toMs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpikeTrains.countRateHz(regular, Double.NaN, 100));
        assertThrows(IllegalArgumentException.class, () -> SpikeTrains.burstSizes(regular, 0));
        assertThrows(IllegalArgumentException.class, () -> SpikeTrains.adaptationIndex(regular, -1));
    }
}
