package dev.soma.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.network.NetworkResult;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Brunel's model A: its drive, its scaling and its four states. */
class BrunelNetworkTest {
    private static final BrunelNetwork SMALL = BrunelNetwork.modelA().withSize(2000, 200).withJMv(0.5);

    @Test
    void thresholdRateIsThetaOverJCeTau() {
        // θ / (J C_E τ) = 20 mV / (0.1 mV · 1000 · 20 ms) = 10 Hz at the paper's size, and the same when C_E·J is kept.
        assertEquals(10.0, BrunelNetwork.modelA().thresholdRateHz(), 1e-12);
        assertEquals(10.0, SMALL.thresholdRateHz(), 1e-12);
    }

    @Test
    void belowThresholdDriveHoldsTheFreeMembraneAtEtaTimesTheta() {
        // η = 0.5 with strong inhibition: the network stays (almost) silent and each membrane
        // fluctuates around the mean external input C_E J ν_ext τ = η θ = 10 mV.
        int[] neurons = new int[40];
        for (int i = 0; i < neurons.length; i++) neurons[i] = i * 50;
        NetworkResult run = SMALL.withState(8, 0.5).builder(3).record("E", "V", neurons).build().run(600);
        assertTrue(run.rateHz() < 0.5, "silent: " + run.rateHz() + " Hz");
        double sum = 0;
        int n = 0;
        for (String trace : run.traces()) {
            double[] v = run.trace(trace);
            for (int k = 2000; k < v.length; k++) {
                sum += v[k];
                n++;
            }
        }
        assertEquals(10.0, sum / n, 0.3, "mean free membrane potential in mV");
    }

    @Test
    void theFourExampleStatesShowBrunelsSignatures() {
        Table t = SweepSpec.of("brunel").set("N_E", 2000).set("C_E", 200).set("J [mV]", 0.5)
                .points("g", "eta").point(3, 2).point(5, 2).point(6, 4).point(4.5, 0.9)
                .measure("rate", "cv", "synchrony").duration(300).warmup(100).progress(false)
                .run(SweepRunner.threads(2));
        double[] rate = t.doubleColumn("rate [Hz]").asDoubleArray();
        double[] cv = t.doubleColumn("CV [1]").asDoubleArray();
        double[] chi = t.doubleColumn("synchrony [1]").asDoubleArray();
        String all = t.print();
        // SR: fast, clock-like, synchronous.
        assertTrue(rate[0] > 200 && cv[0] < 0.2 && chi[0] > 0.3, all);
        // AI and SI fast: irregular (CV near 1), slower, weakly synchronous.
        assertTrue(cv[1] > 0.6 && cv[2] > 0.6 && rate[1] < 100 && rate[2] < 100 && chi[1] < 0.2, all);
        // SI slow: the slowest, and more synchronous than AI.
        assertTrue(rate[3] < rate[1] && chi[3] > chi[1], all);
    }

    @Test
    void sizesMustDivideByFour() {
        assertThrows(IllegalArgumentException.class, () -> SMALL.withSize(2002, 200));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withSize(2000, 202));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withDelayMs(-0.1));
    }
}
