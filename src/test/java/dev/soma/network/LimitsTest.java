package dev.soma.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.soma.Network;
import org.junit.jupiter.api.Test;

/**
 * What a network cannot do is said before it is tried: more threads than help, a run that is not a
 * whole number of steps, and networks, recordings or delays too large for the heap — each refused
 * early with an exception that names the parameter and the fix, never an OutOfMemoryError later.
 */
class LimitsTest {

    private static final long HEAP = Runtime.getRuntime().maxMemory();

    private static void assertMentions(IllegalArgumentException x, String... parts) {
        for (String p : parts) {
            assertTrue(x.getMessage().contains(p), "message should mention \"" + p + "\": " + x.getMessage());
        }
    }

    @Test
    void threadsAreCappedAtOnePerCoreAndPerThousandNeurons() {
        assertEquals(2, SpikingNetwork.usefulThreads(4, 4000, 2));
        assertEquals(1, SpikingNetwork.usefulThreads(2, 1999, 8));
        assertEquals(3, SpikingNetwork.usefulThreads(3, 100_000, 8));
        assertEquals(1, SpikingNetwork.usefulThreads(256, 100, 64));
        assertEquals(1, SpikingNetwork.usefulThreads(1, 100_000, 1));
    }

    @Test
    void aSmallNetworkAskedFor256ThreadsStepsOnOneAndSaysSo() {
        SpikingNetwork net = SpikingNetwork.builder().threads(256)
                .population("P", Fixtures.lif(), 100)
                .connect("P", "P", Fixtures.E, 0.005, Connectivity.fixedProbability(0.1))
                .build();
        assertEquals(1, net.threads());
        assertTrue(net.toString().contains("1 thread (256 asked"), net.toString());
        NetworkResult r = net.run(100);
        assertEquals(1, r.threads());
    }

    @Test
    void aRunThatIsNotAWholeNumberOfStepsIsRefused() {
        SpikingNetwork net = SpikingNetwork.builder().dt(0.1).population("P", Fixtures.lif(), 10).build();
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> net.run(0.05));
        assertMentions(x, "durationMs = 0.05", "0.5 steps", "whole steps", "0.1 ms (1 step)");
        x = assertThrows(IllegalArgumentException.class, () -> net.run(1.25));
        assertMentions(x, "durationMs = 1.25", "12.5 steps", "1.2 ms (12 steps) or 1.3 ms");
        assertEquals(0, net.timeMs(), "a refused run takes no step");
        // Sums of dt that are whole steps up to rounding are accepted: 0.3 / 0.1 = 2.9999999999999996.
        assertEquals(0.3, net.run(0.3).durationMs(), 1e-12);
        assertEquals(1000.3, net.run(1000).durationMs(), 1e-9);
    }

    @Test
    void aNetworkTooLargeForTheHeapIsRefusedBeforeItIsDrawn() {
        SpikingNetwork.Builder b = Network.ei(Fixtures.lif(), 48000, 12000, 0.5, Fixtures.E, 0.01, Fixtures.I, -0.05);
        SpikingNetwork.Builder.Estimate e = b.estimate();
        // 0.5 × 60000² = 1.8e9 connections of 4 bytes (one weight and one delay per projection), 8.5 at the peak.
        assertEquals(1.8e9, e.connections(), 1e6);
        assertTrue(e.bytes() > 1.8e9 * 4 && e.bytes() < 1.8e9 * 4 * 1.5, "estimate " + e.bytes());
        assumeTrue(e.bytes() > HEAP, "this JVM's heap could hold the network");
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, b::build);
        assertMentions(x, "60000 neurons", "1,800,000,000 connections", "GB", "SOMA_KERNEL_JAVA_OPTS=-Xmx", "fewer neurons");
    }

    @Test
    void theEstimateCountsEveryRuleAndDelayBuffers() {
        SpikingNetwork.Builder b = SpikingNetwork.builder().dt(0.1)
                .population("A", Fixtures.lif(), 1000)
                .population("B", Fixtures.lif(), 500)
                .connect("A", "B", Fixtures.E, 0.01, Connectivity.allToAll())
                .connect("A", "A", Fixtures.I, -0.01, Connectivity.fixedInDegree(20))
                .connect("B", "B", Fixtures.E, 0.01, 10.0, Connectivity.oneToOne())
                .connect("B", "A", Fixtures.E, 0.01, Connectivity.explicit(new int[] {0, 1, 2}, new int[] {3, 4, 5}));
        SpikingNetwork.Builder.Estimate e = b.estimate();
        assertEquals(1000 * 500 + 20 * 1000 + 500 + 3, e.connections(), 1e-6);
        // B's receptor I_e, the one with a delay, gets a ring of 101 slots (10 ms at dt = 0.1 ms, plus one) of 500 neurons.
        assertEquals(101 * 500 * 8, e.ringBytes(), 1e-6);
        SpikingNetwork net = b.build();
        assertEquals(e.connections(), net.connections(), 1e-6);
    }

    @Test
    void aDelayTooLongToBufferIsRefusedByName() {
        SpikingNetwork.Builder b = SpikingNetwork.builder().population("A", Fixtures.lif(), 1000);
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> b.connect("A", "A", Fixtures.E, 1, 1e9, Connectivity.fixedProbability(0.1)));
        assertMentions(x, "delayMs = 1000000000", "10,000,000,000 steps", "ring buffer");
        // 1e6 ms = 1e7 steps × 1000 neurons × 8 bytes = 80 GB.
        assumeTrue(8e10 > HEAP, "this JVM's heap could hold the delay buffer");
        x = assertThrows(IllegalArgumentException.class,
                () -> b.connect("A", "A", Fixtures.E, 1, 1e6, Connectivity.fixedProbability(0.1)));
        assertMentions(x, "delayMs = 1000000", "1000 neurons of A", "80 GB", "SOMA_KERNEL_JAVA_OPTS");
        x = assertThrows(IllegalArgumentException.class, () -> b.connect("A", "A", Fixtures.E, new double[] {1, 1},
                new double[] {1, 1e6}, Connectivity.explicit(new int[] {0, 1}, new int[] {1, 0})));
        assertMentions(x, "delaysMs[1] = 1000000");
    }

    @Test
    void aRecordingTooLargeForTheHeapIsRefusedBeforeTheRun() {
        int[] all = new int[1000];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        SpikingNetwork net = SpikingNetwork.builder().population("P", Fixtures.lif(), 1000)
                .record("P", "V", all).build();
        // 1e7 ms at dt = 0.1 ms: 1e8 steps × 1000 traces × 8 bytes = 800 GB.
        assumeTrue(8e11 > HEAP, "this JVM's heap could hold the recording");
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> net.run(1e7));
        assertMentions(x, "10000000 ms", "1000 traced neurons", "GB", "record fewer neurons", "SOMA_KERNEL_JAVA_OPTS");
        assertEquals(0, net.timeMs());
        assertEquals(100, net.run(100).durationMs(), 1e-9);
    }
}
