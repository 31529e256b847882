package dev.soma.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * One source neuron that fires at step 0 (it starts just under the drive, above threshold) and a
 * silent target neuron: the input arrives exactly {@code delay} steps later, the LIF follows the
 * exact postsynaptic potential, and the monitors report what happened.
 */
class DelayAndMonitorTest {
    static final double DT = 0.1;

    /** S fires at step 0 and then not before ~50 ms; T rests at −70 mV and never fires. */
    private static SpikingNetwork.Builder pair() {
        return SpikingNetwork.builder().dtMs(DT).threads(1)
                .population("S", LifCurrentExp.cuba().withStartMv(-49.5, -49.5), 1)
                .population("T", LifCurrentExp.cuba().withRestMv(-70).withStartMv(-70, -70), 1);
    }

    @Test
    void aSpikeArrivesExactlyDelayStepsLater() {
        for (int d : new int[] {1, 2, 5, 13}) {
            NetworkResult r = pair()
                    .connect("S", "T", "ge", 2.0, d * DT, Connectivity.oneToOne())
                    .recordState("T", "ge", 0)
                    .build().run(5);
            assertArrayEquals(new int[] {0}, r.spikeSteps(), "the source fires once, at step 0");
            double[] ge = r.trace("ge T[0]");
            for (int k = 0; k < d; k++) {
                assertEquals(0.0, ge[k], "delay " + d + ": input before step " + d + " at step " + k);
            }
            assertEquals(2.0, ge[d], 0.0, "delay " + d + ": the weight arrives whole at step " + d);
            assertEquals(2.0 * Math.exp(-DT / 5), ge[d + 1], 1e-15);
        }
    }

    @Test
    void eachConnectionKeepsItsOwnDelay() {
        // S → T[0] after 1 step, S → T[1] after 4, S → T[2] after 10 and again after 2.
        int[] pre = {0, 0, 0, 0};
        int[] post = {0, 1, 2, 2};
        double[] w = {1.0, 2.0, 3.0, 0.5};
        double[] delays = {1 * DT, 4 * DT, 10 * DT, 2 * DT};
        SpikingNetwork net = DeterminismTest.exactly(SpikingNetwork.builder(), 2).dtMs(DT)
                .population("S", LifCurrentExp.cuba().withStartMv(-49.5, -49.5), 1)
                .population("T", LifCurrentExp.cuba().withRestMv(-70).withStartMv(-70, -70), 3)
                .connect("S", "T", "ge", w, delays, Connectivity.explicit(pre, post))
                .recordState("T", "ge", 0, 1, 2)
                .build();
        assertArrayEquals(new int[] {1, 4, 10, 2}, net.projections().get(0).delaySteps());
        NetworkResult r = net.run(3);
        double[] g0 = r.trace("ge T[0]");
        double[] g1 = r.trace("ge T[1]");
        double[] g2 = r.trace("ge T[2]");
        assertEquals(0.0, g0[0], 0.0);
        assertEquals(1.0, g0[1], 0.0);
        assertEquals(0.0, g1[3], 0.0);
        assertEquals(2.0, g1[4], 0.0);
        assertEquals(0.0, g2[1], 0.0);
        assertEquals(0.5, g2[2], 0.0);
        double decay = Math.exp(-DT / 5);
        assertEquals(0.5 * Math.pow(decay, 8) + 3.0, g2[10], 1e-12);
    }

    @Test
    void withoutADelayTheInputActsAtTheNextStepWhateverDtIsChosenLater() {
        NetworkResult r = SpikingNetwork.builder()
                .population("S", LifCurrentExp.cuba().withStartMv(-49.5, -49.5), 1)
                .population("T", LifCurrentExp.cuba().withRestMv(-70).withStartMv(-70, -70), 1)
                .connect("S", "T", "ge", 2.0, Connectivity.oneToOne())
                .recordState("T", "ge", 0)
                .dtMs(0.025)
                .build().run(1);
        double[] ge = r.trace("ge T[0]");
        assertEquals(0.0, ge[0], 0.0);
        assertEquals(2.0, ge[1], 0.0);
    }

    @Test
    void aJumpIntoAnyVariableArrivesOnTime() {
        NetworkResult r = pair()
                .connect("S", "T", "v", 1.0, 3 * DT, Connectivity.oneToOne())
                .recordState("T", "v", 0)
                .build().run(2);
        double[] v = r.trace("v T[0]");
        assertEquals(-70.0, v[2], 0.0);
        assertEquals(-69.0, v[3], 1e-12);
    }

    @Test
    void theMembraneFollowsTheExactPostsynapticPotential() {
        // v(t) − El = w τe/(τe − τm) (e^(−s/τe) − e^(−s/τm)), s = t − arrival, τm = 20, τe = 5 ms.
        double w = 2.0;
        NetworkResult r = pair()
                .connect("S", "T", "ge", w, DT, Connectivity.oneToOne())
                .recordState("T", "v", 0)
                .build().run(40);
        double[] v = r.trace("v T[0]");
        double peak = 0;
        for (int k = 1; k < v.length; k++) {
            double s = (k - 1) * DT;
            double psp = w * 5 / (5 - 20.0) * (Math.exp(-s / 5) - Math.exp(-s / 20));
            peak = Math.max(peak, psp);
            assertEquals(psp, v[k] + 70, 1e-9 * Math.max(psp, 1e-3), "t = " + k * DT + " ms");
        }
        assertTrue(peak > 0.3, "a visible PSP of about 0.31 mV: " + peak);
    }

    @Test
    void aNeuronIsHeldAtResetForTheRefractoryPeriod() {
        // Brian2's rule: held while t − t_spike < 5 ms, i.e. for steps 1..49 after the spike step.
        NetworkResult r = pair().recordState("S", "v", 0).build().run(10);
        double[] v = r.trace("v S[0]");
        assertEquals(-49.5, v[0], 0.0);
        for (int k = 1; k <= 50; k++) {
            assertEquals(-60.0, v[k], 0.0, "step " + k);
        }
        assertTrue(v[51] > -60.0);
        assertEquals(-49 - 11 * Math.exp(-DT / 20), v[51], 1e-12);
    }

    @Test
    void monitorsReportSpikesRatesAndStates() {
        SpikingNetwork net = EiNetwork.cuba().seed(4).recordState("E", "v", 0, 5).recordState("I", "gi", 3).build();
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
        int[] perNeuron = r.spikeCountsPerNeuron();
        assertEquals(r.spikeCount(), java.util.Arrays.stream(perNeuron).sum());
        assertEquals("I", r.populationOf(3200));
        assertEquals(3200, r.offsetOf("I"));
        assertEquals(800, r.sizeOf("I"));
        Table state = r.stateTable();
        assertEquals(2000, state.rowCount());
        assertEquals(java.util.List.of("t [ms]", "v E[0] [mV]", "v E[5] [mV]", "gi I[3] [mV]"), state.columnNames());
        double[] v = r.trace("v E[0]");
        for (double x : v) {
            assertTrue(x >= -60 - 1e-9 && x <= -50 + 1e-9, "v stays between reset and threshold: " + x);
        }
        String s = r.toString();
        assertTrue(s.startsWith("NetworkResult: 4000 neurons (E 3200, I 800), 200 ms"), s);
        assertTrue(!s.contains("\n"));
        assertTrue(net.toString().contains("4 projections"), net.toString());
    }
}
