package dev.soma.stimulus;

import static dev.soma.Units.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Spikes;
import java.util.List;
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

    @Test
    void spikeTimesBeforeTheRunStartsAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Spikes.at(-5, 3));
        assertTrue(e.getMessage().startsWith("timesMs[0] = -5.0 ms is negative"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spikes.trains(10, new double[] {1, -0.5}))
                .getMessage().startsWith("timesMs[1] = -0.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spikes.regular(10 * Hz, -20, 100))
                .getMessage().startsWith("startMs = -20"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spikes.volley(5, -1, 0.5, 1))
                .getMessage().startsWith("centerMs = -1"));
        assertEquals(2, Spikes.at(0, 3).count());
    }

    @Test
    void aRateTypedWithoutItsUnitIsRejectedWithTheFix() {
        // Spikes.poisson(20, ...) asks for 20 per ms = 20,000 Hz: almost surely "20 Hz" without "* Hz"
        for (var call : List.<org.junit.jupiter.api.function.Executable>of(
                () -> Spikes.poisson(20, 1000, 1), () -> Spikes.poisson(10, 20, 1000, 1), () -> Spikes.regular(50, 0, 100),
                () -> Spikes.poisson(t -> 20, 20, 1000, 1), () -> SpikeSources.poisson(30, 1000, 3))) {
            var e = assertThrows(IllegalArgumentException.class, call);
            assertTrue(e.getMessage().contains("Hz, more than one spike per ms") && e.getMessage().contains(" * Hz"), e.getMessage());
        }
        assertEquals(1000, Spikes.regular(1000 * Hz, 0, 1000).count(), "1000 Hz, one spike per ms, is still accepted");
    }

    @Test
    void everyRateIsTypedInSomasUnit() {
        // the generators take the same rates as the front: 20 * Hz is 20 Hz everywhere
        double[] direct = SpikeSources.poisson(20 * Hz, 100_000, 3);
        assertArrayEquals(direct, Spikes.poisson(20 * Hz, 100_000, 3).times());
        assertEquals(20, direct.length / 100.0, 1.5);
        assertArrayEquals(new double[] {0, 20, 40, 60, 80}, SpikeSources.regular(50 * Hz, 0, 100), 1e-12);
    }

    @Test
    void trainsTooLargeForMemoryAreRefusedBeforeTheyAreDrawn() {
        var huge = assertThrows(IllegalArgumentException.class, () -> Spikes.poisson(1e9 * Hz, 1e4, 1));
        assertTrue(huge.getMessage().startsWith("rate = "), huge.getMessage());
        var many = assertThrows(IllegalArgumentException.class, () -> Spikes.poisson(100_000, 500 * Hz, 1e7, 1));
        assertTrue(many.getMessage().contains("spikes") && many.getMessage().contains("MB"), many.getMessage());
    }
}
