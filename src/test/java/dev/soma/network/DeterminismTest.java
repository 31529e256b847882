package dev.soma.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The same seed gives bit-identical spikes and states whatever the number of threads. */
class DeterminismTest {

    /** Exactly {@code n} threads, even more than the machine has cores: bit-identity must not depend on them. */
    static SpikingNetwork.Builder exactly(SpikingNetwork.Builder b, int n) {
        b.exactThreads = true;
        return b.threads(n);
    }

    private static void assertSameRun(NetworkResult a, NetworkResult b, String what) {
        assertTrue(a.spikeCount() > 0, what + ": no spikes");
        assertArrayEquals(a.spikeNeurons(), b.spikeNeurons(), what + ": spike neurons differ");
        assertArrayEquals(a.spikeSteps(), b.spikeSteps(), what + ": spike steps differ");
    }

    @Test
    void cubaSpikesAreIdenticalOnOneTwoAndThreeThreads() {
        // 300 ms (about 6700 spikes): threads meet at a barrier every step, which is slow when the
        // test machine's cores are busy, so the runs are kept short.
        NetworkResult one = exactly(EiNetwork.cuba().seed(11), 1).build().run(300);
        NetworkResult two = exactly(EiNetwork.cuba().seed(11), 2).build().run(300);
        NetworkResult three = exactly(EiNetwork.cuba().seed(11), 3).build().run(100);
        NetworkResult oneShort = exactly(EiNetwork.cuba().seed(11), 1).build().run(100);
        assertEquals(1, one.threads());
        assertEquals(2, two.threads());
        assertSameRun(one, two, "1 vs 2 threads");
        assertSameRun(oneShort, three, "1 vs 3 threads");
    }

    @Test
    void cobahhStateIsBitIdenticalOnOneAndTwoThreads() {
        SpikingNetwork a = exactly(EiNetwork.cobahh().seed(5), 1).record("I", "V", 0, 799).build();
        SpikingNetwork b = exactly(EiNetwork.cobahh().seed(5), 2).record("I", "V", 0, 799).build();
        NetworkResult ra = a.run(60);
        NetworkResult rb = b.run(60);
        assertSameRun(ra, rb, "COBAHH 1 vs 2 threads");
        for (String v : new String[] {"V", "m", "h", "n", "g_e", "g_i"}) {
            for (String p : new String[] {"E", "I"}) {
                assertArrayEquals(a.population(p).values(v), b.population(p).values(v), p + "." + v);
            }
        }
        assertArrayEquals(ra.trace("V I[799]"), rb.trace("V I[799]"));
    }

    @Test
    void continuingARunEqualsOneLongRun() {
        SpikingNetwork whole = exactly(EiNetwork.cuba().seed(3), 1).build();
        SpikingNetwork parts = exactly(EiNetwork.cuba().seed(3), 2).build();
        NetworkResult w = whole.run(200);
        parts.run(70);
        NetworkResult p = parts.run(130);
        assertSameRun(w, p, "one run vs two");
        assertEquals(200, p.durationMs(), 1e-9);
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
