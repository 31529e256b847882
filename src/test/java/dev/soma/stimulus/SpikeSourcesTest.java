package dev.soma.stimulus;

import static dev.soma.Units.Hz;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpikeSourcesTest {

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) sum += v;
        return sum / x.length;
    }

    private static double sd(double[] x) {
        double m = mean(x);
        double sum = 0;
        for (double v : x) sum += (v - m) * (v - m);
        return Math.sqrt(sum / (x.length - 1));
    }

    private static double[] isis(double[] t) {
        double[] isi = new double[t.length - 1];
        for (int i = 0; i < isi.length; i++) isi[i] = t[i + 1] - t[i];
        return isi;
    }

    @Test
    void poissonHasTheAskedRateAndCvOfOne() {
        // 20 Hz for 500 s: about 10 000 spikes, so the rate is within ~1 % (3 SD) and the CV near 1.
        double[] t = SpikeSources.poisson(20 * Hz, 500_000, 7);
        double rateHz = t.length / 500.0;
        assertEquals(20, rateHz, 0.6);
        double[] isi = isis(t);
        assertEquals(50, mean(isi), 1.5, "mean ISI = 1000/20 ms");
        assertEquals(1.0, sd(isi) / mean(isi), 0.03, "CV of a Poisson process");
        for (int i = 1; i < t.length; i++) assertTrue(t[i] > t[i - 1]);
        assertTrue(t[0] >= 0 && t[t.length - 1] < 500_000);
    }

    @Test
    void sameSeedSameTrainsOtherSeedOtherTrains() {
        assertArrayEquals(SpikeSources.poisson(30 * Hz, 1000, 3), SpikeSources.poisson(30 * Hz, 1000, 3));
        assertFalse(java.util.Arrays.equals(SpikeSources.poisson(30 * Hz, 1000, 3), SpikeSources.poisson(30 * Hz, 1000, 4)));
        double[][] a = SpikeSources.poisson(5, 30 * Hz, 1000, 11);
        double[][] b = SpikeSources.poisson(8, 30 * Hz, 1000, 11);
        for (int i = 0; i < 5; i++) assertArrayEquals(a[i], b[i], "train i does not depend on n");
        assertFalse(java.util.Arrays.equals(a[0], a[1]), "trains are independent");
    }

    @Test
    void independentTrainsPoolToTheSummedRate() {
        double[][] trains = SpikeSources.poisson(200, 10 * Hz, 10_000, 5);
        int total = 0;
        for (double[] train : trains) total += train.length;
        // 200 × 10 Hz × 10 s = 20 000 expected, SD ≈ 141.
        assertEquals(20_000, total, 600);
    }

    @Test
    void thinningFollowsTheRateFunction() {
        // 40 Hz in the first half, 10 Hz in the second, for 200 s.
        double[] t = SpikeSources.poisson(x -> x < 100_000 ? 40 * Hz : 10 * Hz, 40 * Hz, 200_000, 9);
        int first = 0;
        for (double x : t) if (x < 100_000) first++;
        int second = t.length - first;
        assertEquals(4000, first, 200);
        assertEquals(1000, second, 100);
        assertArrayEquals(t, SpikeSources.poisson(x -> x < 100_000 ? 40 * Hz : 10 * Hz, 40 * Hz, 200_000, 9));
    }

    @Test
    void thinningRejectsARateAboveItsBound() {
        var e = assertThrows(IllegalArgumentException.class, () -> SpikeSources.poisson(x -> 50 * Hz, 40 * Hz, 1000, 1));
        assertTrue(e.getMessage().contains("maxRate"), e.getMessage());
        var n = assertThrows(IllegalArgumentException.class, () -> SpikeSources.poisson(x -> -1 * Hz, 40 * Hz, 1000, 1));
        assertTrue(n.getMessage().contains("rateAt"), n.getMessage());
    }

    @Test
    void regularSpikesArePeriodic() {
        assertArrayEquals(new double[] {10, 30, 50, 70, 90}, SpikeSources.regular(50 * Hz, 10, 100), 1e-12);
        assertEquals(0, SpikeSources.regular(0 * Hz, 0, 100).length);
        for (double rate : new double[] {3, 7, 30, 33, 70, 130, 1000.0 / 3}) {
            double[] t = SpikeSources.regular(rate * Hz, 0, 1000);
            assertTrue(t[t.length - 1] < 1000, "rate " + rate);
            assertEquals((int) Math.ceil(rate - 1e-9), t.length, "rate " + rate + " Hz for 1 s");
        }
    }

    @Test
    void volleyJitterHasTheAskedSd() {
        double[][] volley = SpikeSources.volley(20_000, 100, 2.5, 1);
        double[] t = new double[volley.length];
        for (int i = 0; i < t.length; i++) {
            assertEquals(1, volley[i].length);
            t[i] = volley[i][0];
        }
        assertEquals(100, mean(t), 0.06);
        assertEquals(2.5, sd(t), 0.05);
        double[][] synchronous = SpikeSources.volley(10, 50, 0, 1);
        for (double[] train : synchronous) assertEquals(50, train[0]);
    }

    @Test
    void givenTimesAreSortedAndChecked() {
        assertArrayEquals(new double[] {1, 2, 3}, SpikeSources.given(3, 1, 2));
        var e = assertThrows(IllegalArgumentException.class, () -> SpikeSources.given(1, Double.NaN));
        assertTrue(e.getMessage().contains("timesMs[1]"), e.getMessage());
    }

    @Test
    void badInputNamesTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpikeSources.poisson(-1 * Hz, 100, 1))
                .getMessage().contains("rate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpikeSources.poisson(Double.NaN, 100, 1))
                .getMessage().contains("rate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpikeSources.poisson(10 * Hz, -5, 1))
                .getMessage().contains("durationMs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpikeSources.poisson(-2, 10 * Hz, 100, 1))
                .getMessage().contains("n = -2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpikeSources.volley(3, Double.NaN, 1, 1))
                .getMessage().contains("centerMs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpikeSources.volley(3, 10, -1, 1))
                .getMessage().contains("sdMs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpikeSources.regular(10 * Hz, 100, 50))
                .getMessage().contains("stopMs"));
    }
}
