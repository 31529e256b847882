package dev.soma.network;

import static dev.soma.Units.Hz;
import static dev.soma.Units.mV;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Synapses;
import dev.soma.model.HodgkinHuxleyTraub;
import dev.soma.synapse.SynapseKind;
import org.junit.jupiter.api.Test;

/**
 * External Poisson input delivers binomial counts with mean sources · rate · dt (Brian2's
 * PoissonInput), identically on any thread count, and like every input to V it is dropped while a
 * neuron is refractory.
 */
class PoissonInputTest {
    /** A receptor that shows one step's count: a current pulse of 1 pA per input spike. */
    private static final SynapseKind COUNTER = SynapseKind.pulse().named("count");

    private static int[] all(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    /** The input spikes each of 4000 neurons receives in step 0. */
    private static double[] oneStep(int threads) {
        // 100 trains at 50 Hz, dt = 0.1 ms: n·p = 0.5 input spikes per neuron and step.
        NetworkResult r = DeterminismTest.exactly(SpikingNetwork.builder(), threads).seed(21).dt(0.1)
                .population("P", Fixtures.quietLif(), 4000)
                .poissonInput("P", COUNTER, 100, 50 * Hz, 0.001)
                .record("P", "I_count", all(4000))
                .build().run(0.1);
        double[] counts = new double[4000];
        for (int j = 0; j < counts.length; j++) {
            counts[j] = r.trace("I_count P[" + j + "]")[0] / 0.001;
        }
        return counts;
    }

    @Test
    void countsAreBinomialWithTheRightMeanAndVariance() {
        double[] counts = oneStep(1);
        double mean = 0;
        for (double k : counts) {
            assertEquals(Math.rint(k), k, 1e-9, "whole numbers of input spikes");
            mean += k;
        }
        mean /= counts.length;
        double var = 0;
        for (double k : counts) {
            var += (k - mean) * (k - mean);
        }
        var /= counts.length - 1;
        // Binomial(100, 0.005): mean 0.5, variance 0.4975.
        double se = Math.sqrt(0.4975 / counts.length);
        assertEquals(0.5, mean, 5 * se, "mean count");
        assertEquals(0.4975, var, 0.05, "variance n p (1 − p)");
    }

    @Test
    void inputIsTheSameOnOneAndTwoThreads() {
        assertArrayEquals(oneStep(1), oneStep(2));
    }

    @Test
    void binomialTablesInvertExactly() {
        double[] cdf = CounterRandom.binomialCdf(1000, 0.002);
        assertEquals(1.0, cdf[cdf.length - 1], 0.0);
        assertEquals(Math.pow(0.998, 1000), cdf[0], 1e-15);
        assertEquals(0, CounterRandom.count(cdf, 0.0, true));
        assertEquals(0, CounterRandom.count(cdf, cdf[0] * 0.999, true));
        assertEquals(1, CounterRandom.count(cdf, cdf[0], true));
        for (double u = 0; u < 1; u += 0.0137) {
            assertEquals(CounterRandom.count(cdf, u, true), CounterRandom.count(cdf, u, false), "u = " + u);
        }
        // A large mean: Binomial(10⁶, 0.01), mean 10⁴: the table stays short and its median is the mean.
        double[] big = CounterRandom.binomialCdf(1_000_000, 0.01);
        assertTrue(big.length < 12_000, "table of " + big.length);
        assertEquals(10_000, CounterRandom.count(big, 0.5, false), 2);
    }

    @Test
    void inputDrivesASilentNetworkToFire() {
        // LIF at rest −70 mV, threshold −50: 1000 inputs at 10 Hz of 0.5 mV jumps: mean drive 100 mV·(τ/s).
        NetworkResult r = SpikingNetwork.builder().seed(3)
                .population("P", Fixtures.quietLif(), 200)
                .poissonInput("P", Synapses.jump(), 1000, 10 * Hz, 0.5 * mV)
                .build().run(200);
        assertTrue(r.rateHz() > 1, r.toString());
    }

    @Test
    void aRateIsTypedWithHzAsEverywhereElse() {
        // 1000 trains of 10 * Hz for 100 ms: 1000 input spikes per neuron on average.
        NetworkResult r = SpikingNetwork.builder().seed(5)
                .population("P", Fixtures.quietLif(), 50)
                .poissonInput("P", COUNTER, 1000, 10 * Hz, 0.001)
                .record("P", "I_count", all(50))
                .build().run(100);
        double total = 0;
        for (String trace : r.traces()) {
            total += java.util.Arrays.stream(r.trace(trace)).sum() / 0.001;
        }
        double mean = total / 50;
        assertEquals(1000, mean, 5 * Math.sqrt(1000.0 / 50), "mean input spikes per neuron");
    }

    @Test
    void badInputIsNamed() {
        SpikingNetwork.Builder b = SpikingNetwork.builder().population("P", HodgkinHuxleyTraub.defaults(), 3);
        assertThrows(IllegalArgumentException.class, () -> b.poissonInput("P", Synapses.ampa(), 0, 10 * Hz, 0.001));
        assertThrows(IllegalArgumentException.class, () -> b.poissonInput("P", Synapses.ampa(), 10, -1 * Hz, 0.001));
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> b.poissonInput("P", Synapses.ampa(), 10, 10 * Hz, -0.001));
        assertTrue(x.getMessage().contains("reversal potential"));
    }

    @Test
    void aRateWithoutItsUnitIsRefusedWithTheFix() {
        SpikingNetwork.Builder b = SpikingNetwork.builder().population("P", Fixtures.lif(), 3);
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> b.poissonInput("P", Synapses.jump(), 1000, 10, 0.5 * mV));
        assertTrue(x.getMessage().contains("rate = 10") && x.getMessage().contains("10 * Hz")
                && x.getMessage().contains("10000 Hz"), x.getMessage());
        // 1000 Hz per train is the most a train may have; just below is accepted.
        b.poissonInput("P", Synapses.jump(), 10, 1000 * Hz, 0.5 * mV);
        assertThrows(IllegalArgumentException.class, () -> b.poissonInput("P", Synapses.jump(), 10, 1001 * Hz, 0.5 * mV));
    }
}
