package dev.soma.stimulus;

import static dev.soma.Units.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Spikes;
import org.junit.jupiter.api.Test;

/** The {@link Spikes} front: what a notebook types. */
class SpikesTest {

    @Test
    void poissonTrainsAreReproducibleAndHaveTheirRate() {
        var a = Spikes.poisson(50, 20 * Hz, 10_000, 42);
        var b = Spikes.poisson(50, 20 * Hz, 10_000, 42);
        assertEquals(50, a.size());
        for (int i = 0; i < 50; i++) assertArrayEquals(a.times(i), b.times(i));
        // 50 × 20 Hz × 10 s = 10 000 spikes expected, SD 100.
        assertEquals(20, a.rateHz(), 0.6);
        assertTrue(a.toString().startsWith("SpikeTrains: 50 trains"), a.toString());
    }

    @Test
    void oneTrainAndItsTable() {
        var train = Spikes.poisson(10 * Hz, 1000, 1);
        assertEquals(train.count(), train.table().rowCount());
        assertEquals(1000, train.durationMs());
    }

    @Test
    void timeVaryingRateFollowsTheFunction() {
        // A 2 Hz sine modulation between 0 and 60 Hz: half the spikes fall in the upper half-periods and far more than in the lower.
        var train = Spikes.poisson(t -> (30 + 30 * Math.sin(2 * Math.PI * t / 500)) * Hz, 60 * Hz, 200_000, 5);
        int upper = 0;
        for (double t : train.times()) if ((t % 500) < 250) upper++;
        assertEquals(30, train.rateHz(), 1.0);
        assertTrue(upper > 0.75 * train.count(), upper + " of " + train.count());
    }

    @Test
    void regularAtAndVolley() {
        assertArrayEquals(new double[] {0, 100, 200}, Spikes.regular(10 * Hz, 0, 300).times(), 1e-12);
        assertArrayEquals(new double[] {1, 5, 7}, Spikes.at(7, 1, 5).times());
        var volley = Spikes.volley(10, 50, 0, 1);
        assertEquals(10, volley.count());
        assertArrayEquals(new double[] {50, 50, 50, 50, 50, 50, 50, 50, 50, 50}, volley.merged().times());
        assertArrayEquals(new double[] {1, 2, 3}, Spikes.trains(100, new double[] {3, 1}, new double[] {2}).merged().times());
    }

    @Test
    void badInputIsRejectedWithTheParameterName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spikes.poisson(-5 * Hz, 1000, 1)).getMessage().startsWith("rate = -0.005"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spikes.at(1, Double.NaN)).getMessage().startsWith("timesMs[1] = NaN"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spikes.poisson(3, 10 * Hz, Double.NaN, 1)).getMessage().startsWith("durationMs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spikes.volley(3, 10, Double.POSITIVE_INFINITY, 1)).getMessage().startsWith("sdMs"));
    }
}
