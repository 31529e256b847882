package dev.soma.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The same seed gives bit-identical spikes and states whatever the number of threads. */
class DeterminismTest {

    private static void assertSameRun(NetworkResult a, NetworkResult b, String what) {
        assertTrue(a.spikeCount() > 0, what + ": no spikes");
        assertArrayEquals(a.spikeNeurons(), b.spikeNeurons(), what + ": spike neurons differ");
        assertArrayEquals(a.spikeSteps(), b.spikeSteps(), what + ": spike steps differ");
    }

    @Test
    void cubaSpikesAreIdenticalOnOneTwoAndThreeThreads() {
        NetworkResult one = EiNetwork.cuba().seed(11).threads(1).build().run(1000);
        NetworkResult two = EiNetwork.cuba().seed(11).threads(2).build().run(1000);
        NetworkResult three = EiNetwork.cuba().seed(11).threads(3).build().run(1000);
        assertEquals(1, one.threads());
        assertEquals(2, two.threads());
        assertSameRun(one, two, "1 vs 2 threads");
        assertSameRun(one, three, "1 vs 3 threads");
    }

    @Test
    void cobahhStateIsBitIdenticalOnOneAndTwoThreads() {
        SpikingNetwork a = EiNetwork.cobahh().seed(5).threads(1).recordState("I", "v", 0, 799).build();
        SpikingNetwork b = EiNetwork.cobahh().seed(5).threads(2).recordState("I", "v", 0, 799).build();
        NetworkResult ra = a.run(150);
        NetworkResult rb = b.run(150);
        assertSameRun(ra, rb, "COBAHH 1 vs 2 threads");
        for (String v : new String[] {"v", "m", "h", "n", "ge", "gi"}) {
            for (String p : new String[] {"E", "I"}) {
                assertArrayEquals(a.population(p).values(v), b.population(p).values(v), p + "." + v);
            }
        }
        assertArrayEquals(ra.trace("v I[799]"), rb.trace("v I[799]"));
    }

    @Test
    void continuingARunEqualsOneLongRun() {
        SpikingNetwork whole = EiNetwork.cuba().seed(3).threads(2).build();
        SpikingNetwork parts = EiNetwork.cuba().seed(3).threads(2).build();
        NetworkResult w = whole.run(400);
        parts.run(150);
        NetworkResult p = parts.run(250);
        assertSameRun(w, p, "one run vs two");
        assertEquals(400, p.durationMs(), 1e-9);
    }

    @Test
    void theSeedChoosesTheRealisation() {
        NetworkResult a = EiNetwork.cuba().seed(1).build().run(200);
        NetworkResult b = EiNetwork.cuba().seed(1).build().run(200);
        NetworkResult c = EiNetwork.cuba().seed(2).build().run(200);
        assertSameRun(a, b, "same seed");
        assertFalse(Arrays.equals(a.spikeNeurons(), c.spikeNeurons()), "different seeds gave the same spikes");
    }
}
