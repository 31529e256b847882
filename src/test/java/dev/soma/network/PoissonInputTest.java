package dev.soma.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.soma.Units.Hz;
import static dev.soma.Units.mV;

import org.junit.jupiter.api.Test;

/** External Poisson input delivers Poisson counts with mean sources · rate · dt, identically on any thread count. */
class PoissonInputTest {

    private static SpikingNetwork oneStep(int threads) {
        // 100 trains at 50 Hz, dt = 0.1 ms: λ = 0.5 input spikes per neuron and step.
        SpikingNetwork net = DeterminismTest.exactly(SpikingNetwork.builder(), threads).seed(21).dtMs(0.1)
                .population("P", LifCurrentExp.cuba().withRestMv(-70).withStartMv(-70, -70), 4000)
                .poissonInput("P", "ge", 100, 50 * Hz, 1.0)
                .build();
        net.run(0.1);
        return net;
    }

    @Test
    void countsArePoissonWithTheRightMean() {
        double[] ge = oneStep(1).population("P").values("ge");
        double decay = Math.exp(-0.1 / 5);
        double mean = 0;
        double var = 0;
        for (double g : ge) {
            double k = g / decay;
            assertEquals(Math.rint(k), k, 1e-9, "whole numbers of input spikes");
            mean += k;
        }
        mean /= ge.length;
        for (double g : ge) {
            var += (g / decay - mean) * (g / decay - mean);
        }
        var /= ge.length - 1;
        double se = Math.sqrt(0.5 / ge.length);
        assertEquals(0.5, mean, 5 * se, "mean count");
        assertEquals(0.5, var, 0.1, "variance equals the mean");
    }

    @Test
    void inputIsTheSameOnOneAndTwoThreads() {
        assertArrayEquals(oneStep(1).population("P").values("ge"), oneStep(2).population("P").values("ge"));
    }

    @Test
    void inputDrivesASilentNetworkToFire() {
        // LIF at rest −70 mV, threshold −50: 1000 inputs at 10 Hz of 0.2 mV → mean drive 20 mV·(τe/…), fires.
        NetworkResult r = SpikingNetwork.builder().seed(3)
                .population("P", LifCurrentExp.cuba().withRestMv(-70).withStartMv(-70, -70), 200)
                .poissonInput("P", "ge", 1000, 10 * Hz, 0.5)
                .build().run(200);
        assertTrue(r.rateHz() > 1, r.toString());
    }

    @Test
    void badInputIsNamed() {
        SpikingNetwork.Builder b = SpikingNetwork.builder().population("P", HhTraubCondExp.cobahh(), 3);
        assertThrows(IllegalArgumentException.class, () -> b.poissonInput("P", "ge", 0, 10 * Hz, 0.001));
        assertThrows(IllegalArgumentException.class, () -> b.poissonInput("P", "ge", 10, -1 * Hz, 0.001));
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> b.poissonInput("P", "ge", 10, 10 * Hz, -0.001));
        assertTrue(x.getMessage().contains("reversal potential"));
    }

    @Test
    void aRateIsTypedWithHzAsEverywhereElse() {
        // 1000 trains of 10 * Hz for 100 ms: 1000 input spikes per neuron on average (before the rate was read
        // as plain Hz, 10 * Hz = 0.01 meant 0.01 Hz: one input spike per neuron in 100 s, a silent network).
        SpikingNetwork net = SpikingNetwork.builder().seed(5)
                .population("P", LifCurrentExp.cuba().withRestMv(-70).withStartMv(-70, -70).withSynapticTausMs(1e9, 1e9), 50)
                .poissonInput("P", "ge", 1000, 10 * Hz, 1.0)
                .build();
        net.run(100);
        double mean = java.util.Arrays.stream(net.population("P").values("ge")).average().orElse(0);
        assertEquals(1000, mean, 5 * Math.sqrt(1000.0 / 50), "mean input spikes per neuron");
    }

    @Test
    void aRateWithoutItsUnitIsRefusedWithTheFix() {
        SpikingNetwork.Builder b = SpikingNetwork.builder().population("P", LifCurrentExp.cuba(), 3);
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> b.poissonInput("P", "ge", 1000, 10, 0.5 * mV));
        assertTrue(x.getMessage().contains("rate = 10") && x.getMessage().contains("10 * Hz")
                && x.getMessage().contains("10000 Hz"), x.getMessage());
        // 1000 Hz per train is the most a train may have; just below is accepted.
        b.poissonInput("P", "ge", 10, 1000 * Hz, 0.5 * mV);
        assertThrows(IllegalArgumentException.class, () -> b.poissonInput("P", "ge", 10, 1001 * Hz, 0.5 * mV));
    }
}
