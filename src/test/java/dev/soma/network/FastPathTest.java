package dev.soma.network;

import static dev.soma.Units.mV;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Stimulus;
import dev.soma.analysis.BrunelNetwork;
import org.junit.jupiter.api.Test;

/**
 * The hand-tuned LIF step computes what the general step computes, bit for bit: the same spikes
 * and the same state over whole runs of CUBA and of Brunel's network, and with an injected current.
 */
class FastPathTest {

    private static void assertSameRun(SpikingNetwork fast, SpikingNetwork general, double ms) {
        NetworkResult a = fast.run(ms);
        NetworkResult b = general.run(ms);
        assertTrue(a.spikeCount() > 100, "spikes: " + a.spikeCount());
        assertArrayEquals(a.spikeNeurons(), b.spikeNeurons(), "spike neurons");
        assertArrayEquals(a.spikeSteps(), b.spikeSteps(), "spike steps");
        for (Population p : fast.populations()) {
            for (String v : p.variables()) {
                assertArrayEquals(p.values(v), general.population(p.name()).values(v), p.name() + "." + v);
            }
        }
    }

    @Test
    void cubaOnTheHandTunedStepEqualsTheGeneralStep() {
        SpikingNetwork fast = EiNetwork.cuba().seed(3).build();
        SpikingNetwork general = EiNetwork.cuba().seed(3).generalPath().build();
        assertEquals("hand-tuned LIF (exact)", fast.population("E").stepper());
        assertEquals("general (exact)", general.population("E").stepper());
        assertSameRun(fast, general, 300);
    }

    @Test
    void brunelOnTheHandTunedStepEqualsTheGeneralStep() {
        BrunelNetwork small = BrunelNetwork.modelA().withSize(2000, 200).withJMv(0.5 * mV);
        SpikingNetwork fast = small.builder(2).build();
        SpikingNetwork general = small.builder(2).generalPath().build();
        assertEquals("hand-tuned LIF (exact)", fast.population("I").stepper());
        assertSameRun(fast, general, 200);
    }

    @Test
    void anInjectedCurrentAndOneReceptorToo() {
        SpikingNetwork.Builder b = SpikingNetwork.builder().seed(5)
                .population("P", Fixtures.quietLif(), 500)
                .start("P", "V", RandomValue.uniform(-70, -50))
                .inject("P", Stimulus.step(0.25, 10, 60))
                .connect("P", "P", Fixtures.E, 0.01, 0.5, Connectivity.fixedProbability(0.1));
        SpikingNetwork fast = b.build();
        SpikingNetwork general = b.generalPath().build();
        assertEquals("hand-tuned LIF (exact)", fast.population("P").stepper());
        assertSameRun(fast, general, 100);
    }
}
