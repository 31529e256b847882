package dev.soma.sim;

import static dev.soma.Units.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Neurons;
import dev.soma.Simulation;
import dev.soma.Spikes;
import dev.soma.Stimulus;
import dev.soma.Synapses;
import dev.soma.model.NeuronModel;
import dev.soma.stimulus.SpikeTrains;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A setup is immutable and can be run from several threads at once: the same setup run 8 times in a
 * parallel stream, 20 times over, gives the serial result bit for bit — for every kind of attachment
 * (all per-run state lives in the run, none in the shared synapse objects).
 */
class ConcurrentRunsTest {
    private static final NeuronModel LIF = Neurons.lif();
    private static final SpikeTrains INPUTS = Spikes.poisson(200, 20 * Hz, 300 * ms, 7);
    private static final SpikeTrains FEW = Spikes.poisson(20, 20 * Hz, 300 * ms, 8);

    /** A user-written attachment: an event counter kept in its per-run instance, a decaying current in the state. */
    private static final class Kicks implements Attachment {
        private final double[] times;

        Kicks(double[] times) {
            this.times = times;
        }

        public String[] stateNames() { return new String[] {"I_kick"}; }
        public String[] stateUnits() { return new String[] {"nA"}; }
        public double[] initialState() { return new double[] {0}; }

        public Instance startRun() {
            return new Instance() {
                private int next;

                public double current(double t, double v, double[] y, int offset) { return y[offset]; }

                public void derivatives(double t, double v, double[] y, int offset, double[] dydt) { dydt[offset] = -y[offset] / 3; }

                public void beforeStep(double t, double dt, double[] y, int offset) {
                    while (next < times.length && times[next] < t + dt) {
                        y[offset] += times[next++] < t ? 0 : 0.4;
                    }
                }
            };
        }
    }

    private static List<Object[]> kinds() {
        List<Object[]> kinds = new ArrayList<>();
        kinds.add(new Object[] {"AMPA conductance", Simulation.of(LIF).attach(Synapses.ampa(LIF).from(INPUTS, 3 * nS))});
        kinds.add(new Object[] {"exponential current", Simulation.of(LIF).attach(Synapses.currentExponential(LIF, 5).from(INPUTS, 0.15))});
        kinds.add(new Object[] {"voltage jump", Simulation.of(LIF).attach(Synapses.voltageJump(LIF).from(INPUTS, 0.6))});
        kinds.add(new Object[] {"alpha conductance", Simulation.of(LIF).attach(Synapses.alpha(LIF, 2, 0).from(INPUTS, 3 * nS))});
        kinds.add(new Object[] {"bi-exponential current", Simulation.of(LIF).attach(Synapses.currentBiexponential(LIF, 1, 6).from(INPUTS, 0.1))});
        kinds.add(new Object[] {"NMDA with Mg block", Simulation.of(LIF).inject(Stimulus.constant(1.8))
                .attach(Synapses.nmda(LIF).from(INPUTS, 1 * nS))});
        kinds.add(new Object[] {"GABA-A against AMPA", Simulation.of(LIF).attach(Synapses.ampa(LIF).from(INPUTS, 4 * nS),
                Synapses.gabaA(LIF).from(FEW, 5 * nS))});
        kinds.add(new Object[] {"STDP", Simulation.of(LIF).attach(Synapses.ampa(LIF).withStdp(Synapses.stdpSong(4 * nS))
                .from(INPUTS, 3 * nS))});
        kinds.add(new Object[] {"Tsodyks–Markram", Simulation.of(LIF).attach(Synapses.ampa(LIF)
                .withShortTermPlasticity(Synapses.tsodyksMarkram(0.2, 200, 500)).from(INPUTS, 20 * nS))});
        kinds.add(new Object[] {"tonic conductance", Simulation.of(LIF).inject(Stimulus.constant(2.6))
                .attach(Synapses.tonicShunt(LIF, 2 * nS), Synapses.ampa(LIF).from(INPUTS, 1 * nS))});
        kinds.add(new Object[] {"user attachment", Simulation.of(LIF).inject(Stimulus.constant(1.5))
                .attach(new Kicks(Spikes.poisson(400 * Hz, 300, 3).times()))});
        return kinds;
    }

    private static double[] fingerprint(SimulationResult run) {
        double[] v = run.values(run.variables()[0]);
        double[] spikes = run.spikeTimes();
        double[] all = new double[v.length + spikes.length + 1];
        System.arraycopy(v, 0, all, 0, v.length);
        System.arraycopy(spikes, 0, all, v.length, spikes.length);
        all[all.length - 1] = spikes.length;
        return all;
    }

    @TestFactory
    List<DynamicTest> parallelRunsOfOneSetupEqualTheSerialRun() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Object[] kind : kinds()) {
            String name = (String) kind[0];
            SimulationSetup setup = ((SimulationSetup) kind[1]).method("rk4").dt(0.05).sampleEvery(0.5);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                double[] serial = fingerprint(setup.run(300));
                assertTrue(serial[serial.length - 1] > 0, name + ": the reference run should fire");
                ForkJoinPool pool = new ForkJoinPool(8);
                try {
                    for (int round = 0; round < 20; round++) {
                        List<double[]> parallel = pool.submit(() -> IntStream.range(0, 8).parallel()
                                .mapToObj(i -> fingerprint(setup.run(300))).toList()).get();
                        for (double[] run : parallel) {
                            assertArrayEquals(serial, run, name + ": a concurrent run differs from the serial one (round " + round + ")");
                        }
                    }
                } finally {
                    pool.shutdown();
                }
            }));
        }
        return tests;
    }
}
