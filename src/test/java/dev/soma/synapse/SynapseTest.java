package dev.soma.synapse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.stimulus.SpikeTrain;
import org.junit.jupiter.api.Test;

/** The synapse as an attachment, driven by hand (no engine): names, units, events, plasticity, bad input. */
class SynapseTest {
    private final PassiveMembraneFixture neuron = PassiveMembraneFixture.pointNeuron();
    private final PassiveMembraneFixture patch = new PassiveMembraneFixture(1, 1, -65, "µA/cm²");

    /** Advances the attachment's linear state variables exactly (a, b frozen is exact for these kernels' own variables). */
    private static void advanceExactly(Synapse syn, double[] y, int off, double dt) {
        double[] a = new double[y.length];
        double[] b = new double[y.length];
        syn.startRun().linearParts(0, -70, y, off, a, b);
        for (int i = off; i < y.length; i++) {
            y[i] = b[i] == 0 ? y[i] + a[i] * dt : y[i] * Math.exp(b[i] * dt) + a[i] / b[i] * (Math.exp(b[i] * dt) - 1);
        }
    }

    @Test
    void eventOrderIsSortedAndStable() {
        var random = new java.util.SplittableRandom(1);
        double[] keys = new double[1001];
        for (int i = 0; i < keys.length; i++) keys[i] = random.nextInt(50) - 10;
        int[] order = Synapse.stableOrder(keys);
        for (int i = 1; i < order.length; i++) {
            assertTrue(keys[order[i - 1]] < keys[order[i]] || (keys[order[i - 1]] == keys[order[i]] && order[i - 1] < order[i]));
        }
        assertEquals(0, Synapse.stableOrder(new double[0]).length);
    }

    @Test
    void unitsFollowTheModelsInputUnit() {
        var ampa = Synapse.of(Receptor.AMPA, neuron).from(new SpikeTrain(new double[] {1}, 10), 0.002);
        assertEquals("µS", ampa.weightUnit());
        assertArrayEquals(new String[] {"g_AMPA"}, ampa.stateNames());
        assertArrayEquals(new String[] {"µS"}, ampa.stateUnits());
        var onPatch = Synapse.of(Receptor.NMDA, patch);
        assertEquals("mS/cm²", onPatch.weightUnit());
        assertArrayEquals(new String[] {"g_NMDA", "x_NMDA"}, onPatch.stateNames());
        var current = Synapse.current(neuron, Kernel.alpha(2)).named("exc");
        assertArrayEquals(new String[] {"I_exc", "z_exc"}, current.stateNames());
        assertEquals("nA", current.stateUnits()[0]);
        assertEquals("mV", Synapse.voltageJump(neuron).weightUnit());
        assertEquals(0, Synapse.voltageJump(neuron).stateNames().length);
    }

    @Test
    void eventsInAStepAreAppliedAtItsStartWithTheirWeights() {
        var syn = Synapse.conductance(neuron, Kernel.exponential(5), 0)
                .from(new double[] {1.0, 2.0}, 0.003, 0)
                .from(new double[] {1.0}, 0.004, 1.0);
        double[] y = syn.initialState();
        var run = syn.startRun();
        run.beforeStep(0.9, 0.1, y, 0);
        assertEquals(0, y[0], "nothing due before 1 ms");
        run.beforeStep(1.0, 0.1, y, 0);
        assertEquals(0.003, y[0], 1e-15);
        run.beforeStep(2.0, 0.1, y, 0);
        assertEquals(0.003 + 0.003 + 0.004, y[0], 1e-15, "the delayed connection arrives at 2 ms with the second spike");
        run = syn.startRun();
        y = syn.initialState();
        run.beforeStep(0.95, 0.1, y, 0);
        assertEquals(0.003, y[0], 1e-15, "an event inside [t, t + dt) acts at t in a new run");
    }

    @Test
    void currentIsConductanceTimesDrivingForce() {
        var gaba = Synapse.of(Receptor.GABA_A, neuron);
        double[] y = {0.01};
        assertEquals(0.01 * (-80 - (-60)), gaba.startRun().current(0, -60, y, 0), 1e-15);
        assertEquals(-80, gaba.reversalMv());
        var shunt = Synapse.of(Receptor.SHUNTING, neuron);
        assertEquals(neuron.restMv, shunt.reversalMv(), "shunting reverses at the model's rest");
        assertEquals(0, shunt.startRun().current(0, neuron.restMv, y, 0), 0, "no current at rest");
        assertTrue(Double.isNaN(Synapse.current(neuron, Kernel.exponential(1)).reversalMv()));
    }

    @Test
    void nmdaCurrentCarriesTheJahrStevensBlock() {
        for (double mg : new double[] {1.0, 2.0}) {
            var nmda = Synapse.of(Receptor.NMDA, neuron).withMagnesiumMm(mg);
            double[] y = {0.02, 0};
            for (double v = -90; v <= 30; v += 7.5) {
                double b = 1 / (1 + mg / 3.57 * Math.exp(-0.062 * v));
                assertEquals(0.02 * b * (0 - v), nmda.startRun().current(0, v, y, 0), 1e-14, "V = " + v + ", Mg = " + mg);
            }
        }
    }

    @Test
    void stdpOnTheSynapseReproducesTheWindowForIsolatedPairs() {
        var rule = Stdp.additive(0.001, 0.0012, 20, 25, 0, 0.01);
        var multiplicative = Stdp.multiplicative(0.1, 0.12, 20, 25, 0, 0.01);
        double dtStep = 0.1;
        for (double deltaT = -60; deltaT <= 60; deltaT += 2.5) {
            double pre = 200;
            double post = pre + deltaT;
            for (Stdp r : new Stdp[] {rule, multiplicative}) {
                var syn = Synapse.of(Receptor.AMPA, neuron).from(new double[] {pre}, 0.005, 0).withStdp(r);
                double[] y = syn.initialState();
                var run = syn.startRun();
                int wIndex = java.util.Arrays.asList(syn.stateNames()).indexOf(syn.weightName(0));
                // Post spike and pre event in time order (the engine calls onSpike at the neuron's spike time).
                if (post < pre) {
                    run.onSpike(post, y, 0);
                }
                run.beforeStep(pre, dtStep, y, 0);
                if (post >= pre) {
                    run.onSpike(post, y, 0);
                }
                double window = deltaT >= 0 ? r.window(deltaT) : r.window(deltaT);
                double expected = r.isMultiplicative() ? window * (deltaT >= 0 ? 0.01 - 0.005 : 0.005) : window;
                assertEquals(expected, y[wIndex] - 0.005, 1e-9 * Math.abs(expected) + 1e-15, r + ", Δt = " + deltaT);
            }
        }
    }

    @Test
    void plasticWeightScalesTheEvent() {
        var syn = Synapse.of(Receptor.AMPA, neuron).from(new double[] {10, 20}, 0.005, 0).withStdp(Stdp.additive(0.001, 0.001, 20, 20, 0, 0.01));
        double[] y = syn.initialState();
        var run = syn.startRun();
        run.beforeStep(10, 0.1, y, 0);
        assertEquals(0.005, y[0], 1e-15);
        run.onSpike(15, y, 0);
        double w = y[1];
        assertEquals(0.005 + 0.001 * Math.exp(-5.0 / 20), w, 1e-15);
        y[0] = 0;
        run.beforeStep(20, 0.1, y, 0);
        assertEquals(w, y[0], 1e-15, "the second event uses the potentiated weight");
    }

    @Test
    void shortTermPlasticityScalesEventsByRelease() {
        var stp = TsodyksMarkram.of(0.2, 150, 300);
        double[] times = {10, 30, 50, 70, 90, 300, 320};
        var syn = Synapse.current(neuron, Kernel.exponential(3)).from(times, 0.5, 0).withShortTermPlasticity(stp);
        assertArrayEquals(new String[] {"I_syn", "u_syn", "R_syn"}, syn.stateNames());
        double[] y = syn.initialState();
        var run = syn.startRun();
        double[] expected = stp.efficacies(times);
        double t = 0;
        for (int k = 0; k < times.length; k++) {
            advanceExactly(syn, y, 0, times[k] - t);
            t = times[k];
            double before = y[0];
            run.beforeStep(t, 0.1, y, 0);
            assertEquals(0.5 * expected[k], y[0] - before, 1e-12, "event " + k);
        }
    }

    @Test
    void voltageJumpAddsToTheMembranePotential() {
        var jump = Synapse.voltageJump(neuron).from(new double[] {5}, 0.5, 0).from(new double[] {5}, -0.2, 0);
        double[] y = {-70};
        jump.startRun().beforeStep(5, 0.1, y, 1);
        assertEquals(-69.7, y[0], 1e-12);
        assertNull(jump.kernel());
    }

    @Test
    void manyConnectionsGetIndexedPlasticVariables() {
        var syn = Synapse.of(Receptor.AMPA, neuron).from(new double[][] {{1}, {2}, {3}}, new double[] {0.001, 0.002, 0.003}, new double[] {0, 1, 2})
                .withStdp(Stdp.additive(0.0001, 0.0001, 20, 20, 0, 0.01)).withShortTermPlasticity(TsodyksMarkram.depressing(0.5, 100));
        assertEquals(3, syn.connectionCount());
        assertEquals("w_AMPA_2", syn.weightName(2));
        assertEquals(java.util.List.of("w_AMPA_0", "w_AMPA_1", "w_AMPA_2"), java.util.List.of(syn.weightNames()));
        assertEquals(java.util.List.of("g_AMPA", "u_AMPA_0", "R_AMPA_0", "u_AMPA_1", "R_AMPA_1", "u_AMPA_2", "R_AMPA_2",
                "w_AMPA_0", "w_AMPA_1", "w_AMPA_2", "xpre_AMPA_0", "xpre_AMPA_1", "xpre_AMPA_2",
                "tpre_AMPA_0", "tpre_AMPA_1", "tpre_AMPA_2", "xpost_AMPA", "tpost_AMPA"), java.util.List.of(syn.stateNames()));
        assertEquals("µS", syn.stateUnits()[8]);
        assertEquals(0.002, syn.initialState()[8]);
        assertThrows(IllegalArgumentException.class, () -> syn.weightName(3));
    }

    @Test
    void negativeConductanceIsRejectedWithTheReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> Synapse.of(Receptor.AMPA, neuron).from(new double[] {1}, -0.002, 0));
        assertTrue(e.getMessage().contains("weight = -0.002"), e.getMessage());
        assertTrue(e.getMessage().contains("reversal potential"), e.getMessage());
        // Current-based synapses may be negative: an inhibitory current.
        Synapse.current(neuron, Kernel.exponential(5)).from(new double[] {1}, -0.1, 0);
    }

    @Test
    void badInputNamesTheParameter() {
        var ampa = Synapse.of(Receptor.AMPA, neuron);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ampa.from(new double[] {1}, 0.001, -1)).getMessage().contains("delayMs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ampa.from(new double[] {Double.NaN}, 0.001, 0)).getMessage().contains("timesMs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ampa.from(new double[] {1}, Double.NaN, 0)).getMessage().contains("weight"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Receptor.parse("glycine")).getMessage().contains("kind = \"glycine\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Synapse.conductance(neuron, Kernel.exponential(5), Double.NaN)).getMessage().contains("reversalMv"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Synapse.current(neuron, Kernel.exponential(5)).withReversalMv(0)).getMessage().contains("withReversalMv"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ampa.named("a b")).getMessage().contains("name"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ampa.from(new double[] {1}, 0.5, 0).withStdp(Stdp.additive(0.01, 0.01, 20, 20, 0, 0.1))).getMessage().contains("outside the STDP weight bounds"));
    }

    @Test
    void receptorNamesParseLoosely() {
        assertEquals(Receptor.GABA_A, Receptor.parse("GABA-A"));
        assertEquals(Receptor.GABA_B, Receptor.parse("gaba_b"));
        assertEquals(Receptor.SHUNTING, Receptor.parse("Shunting"));
        assertEquals(Receptor.NMDA, Receptor.parse("nmda"));
    }

    @Test
    void toStringSaysWhatItIs() {
        var text = Synapse.of(Receptor.GABA_A, neuron).from(new double[] {1, 2}, 0.004, 1).toString();
        assertEquals("GABA_A synapse onto passive membrane: exponential(τ = 10 ms), E = -80 mV, 1 connection (weights in µS), 2 events", text);
    }
}
