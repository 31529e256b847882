package dev.soma.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Network;
import dev.soma.Neurons;
import dev.soma.Spikes;
import dev.soma.Synapses;
import dev.soma.synapse.Stdp;
import dev.soma.synapse.TsodyksMarkram;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tech.tablesaw.api.Table;

/** STDP and short-term plasticity on projections: the rules' numbers, threads, tables and monitors, bad input. */
class PlasticityTest {
    static final double DT = 0.1;

    /**
     * One source neuron firing at {@code preMs} onto one LIF neuron that a driver forces to fire at
     * {@code driveMs} + one step (a 100 mV jump, delay 0, acts from the next step), through a plastic
     * projection with {@code rule}, starting at weight {@code w0}.
     */
    private static SpikingNetwork pair(Stdp rule, double w0, double[] preMs, double[] driveMs) {
        var lif = Neurons.lif().withRestMv(-70).withThresholdMv(-50).withResetMv(-70).withRefractoryMs(0);
        return Network.builder().dt(DT)
                .population("pre", Spikes.group(Spikes.trains(1000, preMs)))
                .population("drive", Spikes.group(Spikes.trains(1000, driveMs)))
                .population("post", lif, 1)
                .connect("drive", "post", Synapses.jump(), 100, Network.allToAll())
                .connect("pre", "post", Synapses.currentExponential(5), w0, Network.allToAll())
                .stdp(rule)
                .recordWeights(0)
                .method("exact")
                .build();
    }

    @Test
    void stdpOnAProjectionChangesTheWeightAsTheRuleDoesOnTheSameSpikes() {
        double[] pre = {10, 30, 52, 70, 71, 120, 200, 203};
        double[] drive = {15, 28, 60, 70, 150, 199.9};
        for (Stdp rule : new Stdp[] {Synapses.stdpAdditive(0.01, 0.012, 20, 15, 0, 1),
                Synapses.stdpMultiplicative(0.05, 0.06, 20, 15, 0, 1), Synapses.stdpAdditive(0.01, 0.012, 20, 15, 0, 1).nearestSpike()}) {
            SpikingNetwork net = pair(rule, 0.5, pre, drive);
            NetworkResult r = net.run(300);
            double[] postMs = r.spikeTimes("post");
            assertEquals(drive.length, postMs.length, "the driver makes every postsynaptic spike: " + Arrays.toString(postMs));
            double[] preGrid = r.spikeTimes("pre");
            double expected = rule.run(0.5, preGrid, postMs);
            double got = net.projection("pre", "post").weights()[0];
            assertEquals(expected, got, 1e-12, rule + ": the network's weight and Stdp.run on the same spike times");
            assertNotEquals(0.5, got, 1e-6, "the weight changed");
            // the monitor saw the weight change and ends at the weight before the last step's changes
            String name = r.traces().stream().filter(t -> t.startsWith("w pre→post")).findFirst().orElseThrow();
            assertTrue(name.endsWith("[0→0]"), name);
            double[] trace = r.trace(name);
            assertEquals(0.5, trace[0], 0.0);
            assertEquals(got, trace[trace.length - 1], 1e-15);
        }
    }

    @Test
    void shortTermPlasticityReleasesAsTsodyksMarkram() {
        TsodyksMarkram tm = Synapses.tsodyksMarkram(0.3, 200, 400);
        double[] times = {10, 30, 50, 70, 90, 300, 310};
        double tau = 5;
        var lif = Neurons.lif().withThresholdMv(1000);
        SpikingNetwork net = Network.builder().dt(DT)
                .population("pre", Spikes.group(Spikes.trains(500, times)))
                .population("post", lif, 1)
                .connect("pre", "post", Synapses.currentExponential(tau), 0.5, Network.allToAll())
                .shortTermPlasticity(tm)
                .record("post", "I_" + Synapses.currentExponential(tau).name(), 0)
                .method("exact")
                .build();
        NetworkResult r = net.run(400);
        double[] current = r.trace(r.traces().get(0));
        double[] expected = tm.efficacies(times);
        double decay = Math.exp(-DT / tau);
        for (int i = 0; i < times.length; i++) {
            int k = (int) Math.round(times[i] / DT);
            double released = (current[k + 1] - current[k] * decay) / 0.5;
            assertEquals(expected[i], released, 1e-9, "release at spike " + i);
        }
        assertTrue(expected[4] < expected[0] || expected[4] > expected[0], "the train changes the release");
    }

    /** A recurrent E/I network with STDP on E→E and depression on E→I. */
    private static SpikingNetwork.Builder recurrent(int threads) {
        var lif = Neurons.lif().withTauMs(20).withRestMv(0).withThresholdMv(20).withResetMv(10).withRefractoryMs(2);
        SpikingNetwork.Builder b = Network.builder().seed(5).dt(DT)
                .population("E", lif, 1600).population("I", lif, 400)
                .start("E", "V", Network.uniform(0, 20)).start("I", "V", Network.uniform(0, 20))
                .connect("E", "E", Synapses.jump(), Network.uniform(0, 0.2), 1.5, Network.fixedProbability(0.05))
                .stdp(Synapses.stdpAdditive(0.001, 0.00105, 20, 20, 0, 0.3))
                .recordWeights(0, 10, 100)
                .connect("E", "I", Synapses.jump(), 0.1, 1.0, Network.fixedProbability(0.05))
                .shortTermPlasticity(Synapses.depressing(0.5, 100))
                .connect("I", "E", Synapses.jump(), -0.5, 1.5, Network.fixedProbability(0.05))
                .connect("I", "I", Synapses.jump(), -0.5, 1.5, Network.fixedProbability(0.05))
                .poissonInput("E", Synapses.jump(), 1000, 15 * 1e-3, 0.1)
                .poissonInput("I", Synapses.jump(), 1000, 15 * 1e-3, 0.1);
        return DeterminismTest.exactly(b, threads);
    }

    @Test
    void plasticRunsAreBitIdenticalOnAnyNumberOfThreads() {
        SpikingNetwork one = recurrent(1).build();
        SpikingNetwork two = recurrent(2).build();
        SpikingNetwork three = recurrent(3).build();
        NetworkResult a = one.run(200);
        NetworkResult b = two.run(200);
        NetworkResult c = three.run(200);
        assertTrue(a.spikeCount("E") > 100, "the network fires: " + a);
        assertArrayEquals(a.spikeNeurons(), b.spikeNeurons());
        assertArrayEquals(a.spikeSteps(), b.spikeSteps());
        assertArrayEquals(a.spikeNeurons(), c.spikeNeurons());
        double[] w1 = one.projection("E", "E").weights();
        assertArrayEquals(w1, two.projection("E", "E").weights(), 0.0, "weights after 1 vs 2 threads");
        assertArrayEquals(w1, three.projection("E", "E").weights(), 0.0, "weights after 1 vs 3 threads");
        for (String t : a.traces()) {
            assertArrayEquals(a.trace(t), b.trace(t), 0.0, t);
        }
        // STDP moved the weights, within the bounds
        double[] w0 = recurrent(1).build().projection("E", "E").weights();
        int changed = 0;
        for (int s = 0; s < w1.length; s++) {
            assertTrue(w1[s] >= 0 && w1[s] <= 0.3);
            changed += w1[s] != w0[s] ? 1 : 0;
        }
        assertTrue(changed > w1.length / 10, changed + " of " + w1.length + " weights changed");
    }

    @Test
    void weightsReadAsATableAtAnyTime() {
        SpikingNetwork net = recurrent(1).build();
        Projection p = net.projection("E", "E");
        Table before = p.weightTable();
        assertEquals(p.size(), before.rowCount());
        assertEquals(Arrays.asList("pre", "post", "w [mV]", "delay [ms]"), before.columnNames());
        assertEquals(p.targetsOf(0)[0], before.intColumn("post").get(0));
        net.advance(50);
        Table after = p.weightTable();
        assertArrayEquals(p.weights(), after.doubleColumn("w [mV]").asDoubleArray(), 0.0);
        assertTrue(p.isPlastic());
        assertEquals(20, p.bytesPerConnection(), "target 4 + weight 8 + transposed index 8");
        assertEquals(4, net.projection("I", "E").bytesPerConnection());
        assertEquals(12, net.projection("E", "I").bytesPerConnection(), "short-term plasticity keeps per-connection weights");
        NetworkResult r = net.result();
        assertEquals(3, r.traces().stream().filter(t -> t.startsWith("w E→E")).count(), "three monitored weights: " + r.traces());
    }

    // ---- bad input ---------------------------------------------------------------------------------

    private static IllegalArgumentException rejects(String parameter, Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(parameter), "message should name " + parameter + ": " + x.getMessage());
        return x;
    }

    private static SpikingNetwork.Builder small() {
        return Network.builder()
                .population("in", Spikes.poissonGroup(10, 10 * 1e-3))
                .population("out", Neurons.lif(), 2);
    }

    @Test
    void plasticityBoundsReversed() {
        IllegalArgumentException x = rejects("wMax", () -> Synapses.stdpAdditive(0.01, 0.01, 20, 20, 1, 0));
        assertTrue(x.getMessage().contains("swap"), x.getMessage());
        rejects("wMax", () -> Synapses.stdpMultiplicative(0.01, 0.01, 20, 20, 2, 2));
    }

    @Test
    void startingWeightsOutsideTheBounds() {
        rejects("outside the STDP bounds", () -> small()
                .connect("in", "out", Synapses.currentExponential(5), 0.5, Network.allToAll())
                .stdp(Synapses.stdpAdditive(0.01, 0.01, 20, 20, 0, 0.2)));
        rejects("outside the STDP bounds", () -> small()
                .connect("in", "out", Synapses.currentExponential(5), Network.uniform(0, 0.5), 0, Network.allToAll())
                .stdp(Synapses.stdpAdditive(0.01, 0.01, 20, 20, 0, 0.2)).build());
    }

    @Test
    void plasticityBeforeAnyConnection() {
        IllegalStateException x = assertThrows(IllegalStateException.class,
                () -> small().stdp(Synapses.stdpSong(0.01)));
        assertTrue(x.getMessage().contains("connect"), x.getMessage());
        assertThrows(IllegalStateException.class, () -> small().shortTermPlasticity(Synapses.depressing(0.5, 100)));
        rejects("rule", () -> small().connect("in", "out", Synapses.ampa(), 0.001, Network.allToAll()).stdp(null));
    }

    @Test
    void aConductanceBoundBelowZeroOrInTheWrongUnit() {
        rejects("wMin", () -> small().connect("in", "out", Synapses.ampa(), 0.001, Network.allToAll())
                .stdp(Synapses.stdpAdditive(0.0001, 0.0001, 20, 20, -0.01, 0.01)));
        rejects("wMax", () -> small().connect("in", "out", Synapses.ampa(), 0.001, Network.allToAll())
                .stdp(Synapses.stdpAdditive(0.1, 0.1, 20, 20, 0, 100)));
    }

    @Test
    void theIssuesListHoldsForPlasticProjections() {
        // a spike source as a target
        rejects("to", () -> small().connect("out", "in", Synapses.ampa(), 0.001, Network.allToAll()));
        // a receptor onto a variable the target lacks
        rejects("variable", () -> small().connect("in", "out", Synapses.jump("w"), 1, Network.allToAll()));
        // a conductance onto a model without a membrane potential in mV
        rejects("kind", () -> Network.builder().population("in", Spikes.poissonGroup(10, 0.01))
                .population("out", Neurons.fitzHughNagumo(), 2).connect("in", "out", Synapses.ampa(), 0.001, Network.allToAll()));
        // a weight monitor of a connection that does not exist
        rejects("connections[0]", () -> small().connect("in", "out", Synapses.currentExponential(5), 0.1, Network.allToAll())
                .recordWeights(50).build());
    }
}
