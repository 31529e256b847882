package dev.soma.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.stimulus.SpikeSource;
import dev.soma.stimulus.SpikeTrains;
import dev.soma.synapse.SynapseKind;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The step's schedule, as Brian2 runs it: a spike stamped in step s with a delay of d steps is
 * delivered at the end of step s + d and acts from step s + d + 1 on; a recorded value is the state
 * at the start of a step, after that step's input has arrived; a neuron that spiked is held at its
 * reset for round(t_ref/dt) − 1 more steps and drops every input to V meanwhile.
 */
class DelayAndMonitorTest {
    static final double DT = 0.1;

    /** A source S that fires at the given times (ms) and a quiet LIF target T at −70 mV. */
    private static SpikingNetwork.Builder pair(double... times) {
        return SpikingNetwork.builder().dt(DT).threads(1)
                .population("S", SpikeSource.of(new SpikeTrains(new double[][] {times}, 100)))
                .population("T", Fixtures.quietLif(), 3);
    }

    @Test
    void aSpikeActsFromTheStepAfterItsDelay() {
        for (int d : new int[] {0, 1, 2, 5, 13}) {
            NetworkResult r = pair(0)
                    .connect("S", "T", Fixtures.E, 0.02, d * DT, Connectivity.allToAll())
                    .record("T", "I_e", 0)
                    .build().run(5);
            assertArrayEquals(new int[] {0}, r.spikeSteps("S"), "the source fires once, at step 0");
            double[] current = r.trace("I_e T[0]");
            for (int k = 0; k <= d; k++) {
                assertEquals(0.0, current[k], "delay " + d + ": input at the start of step " + k);
            }
            assertEquals(0.02, current[d + 1], 0.0, "delay " + d + ": the weight arrives whole at step " + (d + 1));
            assertEquals(0.02 * Math.exp(-DT / 5), current[d + 2], 1e-17);
        }
    }

    @Test
    void eachConnectionKeepsItsOwnDelay() {
        // S → T[0] after 1 step, S → T[1] after 4, S → T[2] after 10 and again after 2.
        int[] pre = {0, 0, 0, 0};
        int[] post = {0, 1, 2, 2};
        double[] w = {0.01, 0.02, 0.03, 0.005};
        double[] delays = {1 * DT, 4 * DT, 10 * DT, 2 * DT};
        SpikingNetwork net = DeterminismTest.exactly(pair(0), 2)
                .connect("S", "T", Fixtures.E, w, delays, Connectivity.explicit(pre, post))
                .record("T", "I_e", 0, 1, 2)
                .build();
        assertArrayEquals(new int[] {1, 4, 10, 2}, net.projections().get(0).delaySteps());
        NetworkResult r = net.run(3);
        double[] g0 = r.trace("I_e T[0]");
        double[] g1 = r.trace("I_e T[1]");
        double[] g2 = r.trace("I_e T[2]");
        assertEquals(0.0, g0[1], 0.0);
        assertEquals(0.01, g0[2], 0.0);
        assertEquals(0.0, g1[4], 0.0);
        assertEquals(0.02, g1[5], 0.0);
        assertEquals(0.0, g2[2], 0.0);
        assertEquals(0.005, g2[3], 0.0);
        double decay = Math.exp(-DT / 5);
        assertEquals(0.005 * Math.pow(decay, 8) + 0.03, g2[11], 1e-14);
    }

    @Test
    void aJumpMovesVOnTime() {
        NetworkResult r = pair(0)
                .connect("S", "T", SynapseKind.jump(), 1.0, 3 * DT, Connectivity.allToAll())
                .record("T", "V", 0)
                .build().run(2);
        double[] v = r.trace("V T[0]");
        assertEquals(-70.0, v[3], 1e-12);
        assertEquals(-69.0, v[4], 1e-12);
        assertEquals(-70 + Math.exp(-DT / 20), v[5], 1e-12);
    }

    @Test
    void theMembraneFollowsTheExactPostsynapticPotential() {
        // V(t) − E_L = R w τe/(τe − τm) (e^(−s/τe) − e^(−s/τm)), s = t − arrival, τm = 20, τe = 5 ms, R = 100 MΩ.
        double w = 0.02;
        NetworkResult r = pair(0)
                .connect("S", "T", Fixtures.E, w, Connectivity.allToAll())
                .record("T", "V", 0)
                .build().run(40);
        double[] v = r.trace("V T[0]");
        double peak = 0;
        for (int k = 1; k < v.length; k++) {
            double s = (k - 1) * DT;
            double psp = 100 * w * 5 / (5 - 20.0) * (Math.exp(-s / 5) - Math.exp(-s / 20));
            peak = Math.max(peak, psp);
            assertEquals(psp, v[k] + 70, 1e-9 * Math.max(psp, 1e-3) + 1e-12, "t = " + k * DT + " ms");
        }
        assertTrue(peak > 0.3, "a visible PSP of about 0.31 mV: " + peak);
    }

    /** A LIF that starts above threshold spikes in step 0 (stamped t = 0). */
    private static SpikingNetwork.Builder firing() {
        return SpikingNetwork.builder().dt(DT).threads(1)
                .population("S", SpikeSource.of(new SpikeTrains(new double[][] {{4.85, 4.95, 5.05}}, 10)))
                .population("N", Fixtures.lif(), 1)
                .start("N", "V", -49.5)
                .connect("S", "N", SynapseKind.jump(), 2.0, Connectivity.allToAll())
                .record("N", "V", 0);
    }

    @Test
    void aNeuronIsHeldAtResetAndDropsInputToV() {
        // t_ref = 5 ms = 50 steps: held during steps 1..49, integrating again from step 50. Jumps
        // delivered in steps 48 and 49 (sources fire at 4.85, 4.95 ms) are dropped; one delivered in
        // step 50 (5.05 ms) is kept and acts from step 51.
        NetworkResult r = firing().build().run(10);
        assertArrayEquals(new int[] {0}, r.spikeSteps("N"));
        double[] v = r.trace("V N[0]");
        assertEquals(-49.5, v[0], 0.0);
        for (int k = 1; k <= 50; k++) {
            assertEquals(-60.0, v[k], 0.0, "step " + k);
        }
        double free = -49 - 11 * Math.exp(-DT / 20);
        assertEquals(free + 2.0, v[51], 1e-12, "integrated from step 50, plus the one jump that arrived after the hold");
    }

    @Test
    void monitorsReportSpikesRatesAndStates() {
        SpikingNetwork net = EiNetwork.cuba().seed(4).record("E", "V", 0, 5).record("I", "I_i", 3).build();
        NetworkResult r = net.run(200);
        Table spikes = r.spikeTable();
        assertEquals(r.spikeCount(), spikes.rowCount());
        assertEquals("neuron", spikes.column(0).name());
        assertEquals("t [ms]", spikes.column(1).name());
        double[] t = r.spikeTimes();
        int[] n = r.spikeNeurons();
        for (int i = 1; i < t.length; i++) {
            assertTrue(t[i - 1] < t[i] || (t[i - 1] == t[i] && n[i - 1] < n[i]), "spikes in time, then neuron order");
        }
        Table rate = r.rateTable(10);
        assertEquals(20, rate.rowCount());
        assertEquals("t [ms]", rate.column(0).name());
        assertEquals("rate [Hz]", rate.column(1).name());
        double counted = 0;
        for (int b = 0; b < rate.rowCount(); b++) {
            counted += rate.doubleColumn("rate [Hz]").get(b) * 4000 * 0.010;
        }
        assertEquals(r.spikeCount(), counted, 1e-6);
        double perPop = (r.rateHz("E") * 3200 + r.rateHz("I") * 800) / 4000;
        assertEquals(r.rateHz(), perPop, 1e-9);
        assertEquals(r.spikeCount(), java.util.Arrays.stream(r.spikeCountsPerNeuron()).sum());
        assertEquals(r.spikeCount("I"), r.spikeNeurons("I").length);
        assertEquals("I", r.populationOf(3200));
        assertEquals(3200, r.offsetOf("I"));
        assertEquals(800, r.sizeOf("I"));
        Table state = r.stateTable();
        assertEquals(2000, state.rowCount());
        assertEquals(java.util.List.of("t [ms]", "V E[0] [mV]", "V E[5] [mV]", "I_i I[3] [nA]"), state.columnNames());
        for (double x : r.trace("V E[0]")) {
            assertTrue(x >= -60 - 1e-9 && x <= -50 + 1e-9, "V stays between reset and threshold: " + x);
        }
        String s = r.toString();
        assertTrue(s.startsWith("NetworkResult: 4000 neurons (E 3200, I 800), 200 ms"), s);
        assertTrue(!s.contains("\n"));
        assertTrue(net.toString().contains("4 projections"), net.toString());
    }

    @Test
    void tracesCanBeSampledEveryFewSteps() {
        NetworkResult every = EiNetwork.cuba().seed(4).record("E", "V", 0).build().run(20);
        NetworkResult fifth = EiNetwork.cuba().seed(4).record("E", "V", 0).sampleEvery(0.5).build().run(20);
        double[] all = every.trace("V E[0]");
        double[] some = fifth.trace("V E[0]");
        assertEquals(40, some.length);
        for (int i = 0; i < some.length; i++) {
            assertEquals(all[5 * i], some[i], 0.0);
            assertEquals(0.5 * i, fifth.time()[i], 1e-12);
        }
    }
}
