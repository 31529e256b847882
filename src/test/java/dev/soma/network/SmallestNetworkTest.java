package dev.soma.network;

import static dev.soma.Units.mV;
import static dev.soma.Units.ms;
import static dev.soma.Units.nA;
import static dev.soma.Units.nS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Neurons;
import dev.soma.Simulation;
import dev.soma.Stimulus;
import dev.soma.Synapses;
import dev.soma.model.HodgkinHuxleyTraub;
import dev.soma.sim.SimulationResult;
import dev.soma.stimulus.SpikeSource;
import dev.soma.stimulus.SpikeTrains;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A single neuron is the smallest network: one neuron in a population, stepped by the same
 * integrators as {@code Simulation.of(model)}, gives the same numbers bit for bit wherever the two
 * schedules agree — between spikes (the single neuron locates a threshold crossing inside the step,
 * the network tests it at the step's end, as Brian2 and NEST do).
 */
class SmallestNetworkTest {

    @Test
    void aHodgkinHuxleyNeuronAloneAndInAPopulation() {
        // HH never resets: its whole trace, spikes included, is the same.
        SimulationResult alone = Simulation.of(Neurons.hodgkinHuxley()).inject(Stimulus.constant(10)).dt(0.01)
                .method("rk4").run(50 * ms);
        NetworkResult net = SpikingNetwork.builder().dt(0.01)
                .population("H", Neurons.hodgkinHuxley(), 3)
                .inject("H", Stimulus.constant(10)).method("rk4").record("H", "V", 0, 2)
                .build().run(50 * ms);
        double[] v = alone.values("V");
        double[] inNet = net.trace("V H[2]");
        assertEquals(v.length - 1, inNet.length);
        assertArrayEquals(Arrays.copyOf(v, inNet.length), inNet);
        assertEquals(alone.spikeCount(), net.spikeCount("H") / 3);
    }

    /** A model as a user writes it in a notebook cell: the equations and the reset, nothing else. */
    record UserAdaptingLif(double tauMs, double eL, double threshold, double resetMv, double rMOhm, double tauWMs, double b)
            implements dev.soma.model.NeuronModel {
        public String name() { return "adapting LIF written by a user"; }
        public String[] stateNames() { return new String[] {"V", "w"}; }
        public String[] stateUnits() { return new String[] {"mV", "nA"}; }
        public int voltageIndex() { return 0; }
        public String inputUnit() { return "nA"; }
        public double[] restingState() { return new double[] {eL, 0}; }
        public void derivatives(double t, double[] y, double input, double[] dydt) {
            dydt[0] = (eL - y[0] + rMOhm * (input - y[1])) / tauMs;
            dydt[1] = -y[1] / tauWMs;
        }
        public dev.soma.model.SpikeRule spikeRule() { return dev.soma.model.SpikeRule.reset(threshold, 2); }
        public void reset(double[] y) { y[0] = resetMv; y[1] += b; }
        public double defaultDtMs() { return 0.1; }
    }

    @Test
    void aModelWrittenByAUserRunsAloneAndAsAPopulationWithNoExtraCode() {
        var user = new UserAdaptingLif(20, -70, -50, -60, 100, 200, 0.05);
        // Below threshold the two paths integrate the same equations step for step.
        SimulationResult alone = Simulation.of(user).inject(Stimulus.constant(0.15 * nA)).dt(0.1).method("rk4").run(100 * ms);
        NetworkResult net = SpikingNetwork.builder().dt(0.1).population("U", user, 4)
                .inject("U", Stimulus.constant(0.15 * nA)).method("rk4").record("U", "V", 3)
                .build().run(100 * ms);
        assertEquals(0, alone.spikeCount());
        double[] v = alone.values("V");
        double[] inNet = net.trace("V U[3]");
        assertArrayEquals(Arrays.copyOf(v, inNet.length), inNet);
        // Above threshold: every neuron of the population adapts as the lone neuron does; the spike
        // counts differ at most by the grid's rounding of each interval.
        SimulationResult firing = Simulation.of(user).inject(Stimulus.constant(0.4 * nA)).dt(0.1).run(1000 * ms);
        NetworkResult population = SpikingNetwork.builder().dt(0.1).population("U", user, 4)
                .inject("U", Stimulus.constant(0.4 * nA)).build().run(1000 * ms);
        assertTrue(firing.spikeCount() > 10, "the drive must make it fire: " + firing.spikeCount());
        assertEquals(4 * firing.spikeCount(), population.spikeCount("U"), 4 * 2.0,
                "alone " + firing.spikeCount() + " spikes, population of 4: " + population.spikeCount("U"));
    }

    @Test
    void anAdExNeuronWithAnAmpaSynapseAloneAndInAPopulation() {
        // Subthreshold: PSPs from 20 input spikes. A network delivers a spike of step s at the end of
        // that step; a single neuron's synapse applies an event at the start of the step that contains
        // it: the same as a delay of one step.
        double dt = 0.025;
        double[] times = new double[20];
        for (int i = 0; i < times.length; i++) {
            times[i] = (40 + 37 * i) * dt;
        }
        var adex = Neurons.adex("adapting");
        var synapse = Synapses.ampa(adex).from(times, 0.5 * nS, dt);
        SimulationResult alone = Simulation.of(adex).attach(synapse).dt(dt).method("rk4")
                .record("V", "w", "g_AMPA").run(25 * ms);
        NetworkResult net = SpikingNetwork.builder().dt(dt)
                .population("X", SpikeSource.of(new SpikeTrains(new double[][] {times}, 25)))
                .population("A", adex, 2)
                .connect("X", "A", Synapses.ampa(), 0.5 * nS, Connectivity.allToAll())
                .method("rk4").record("A", "V", 1).record("A", "w", 1).record("A", "g_AMPA", 1)
                .build().run(25 * ms);
        assertEquals(0, alone.spikeCount());
        for (String[] pair : new String[][] {{"V", "V A[1]"}, {"w", "w A[1]"}}) {
            double[] a = alone.values(pair[0]);
            double[] b = net.trace(pair[1]);
            assertArrayEquals(Arrays.copyOf(a, b.length), b, pair[0]);
        }
        // g jumps at an arrival: the single neuron samples it at the end of a step (before the event
        // of the next), the network at the start of a step (after the step's input), as Brian2 does.
        double[] g = alone.values("g_AMPA");
        double[] gNet = net.trace("g_AMPA A[1]");
        for (int k = 0; k < gNet.length; k++) {
            boolean arrival = false;
            for (double t : times) {
                arrival |= Math.round(t / dt) + 1 == k;
            }
            assertEquals(arrival ? g[k] + 0.5 * nS : g[k], gNet[k], arrival ? 1e-18 : 0.0, "g_AMPA at step " + k);
        }
        double peak = Arrays.stream(alone.values("V")).max().orElseThrow();
        assertTrue(peak > -70 + 0.5, "visible PSPs: peak " + peak + " mV");
    }

    @Test
    void aCrossingModelCountsUpwardCrossingsOnly() {
        // A Traub–Miles neuron that starts above −20 mV has not crossed: no spike until it comes down and rises again.
        SpikingNetwork net = SpikingNetwork.builder().dt(0.1).threads(1)
                .population("H", HodgkinHuxleyTraub.defaults(), 2)
                .method("exponential-euler")
                .build();
        Population p = net.population("H");
        p.set("V", new double[] {10, -21});
        p.set("m", new double[] {0.9, 0.9});
        p.set("h", new double[] {0.6, 0.6});
        p.set("n", new double[] {0.3, 0.3});
        NetworkResult r = net.run(1);
        assertArrayEquals(new int[] {1}, r.spikeNeurons(), "only the neuron that rose through −20 mV fired");
        assertArrayEquals(new int[] {0}, r.spikeSteps());
    }

    @Test
    void aLifPopulationFiresAtTheExactRateOnTheGrid() {
        // Constant input: the interval is the exact one rounded up to whole steps (threshold tested at
        // the step's end), plus the refractory period of round(t_ref/dt) steps.
        var lif = Neurons.lif();
        double input = 2.5 * nA;
        NetworkResult r = SpikingNetwork.builder().dt(0.1).population("L", lif, 1)
                .inject("L", Stimulus.constant(input)).build().run(1000);
        double free = lif.tauMs() * Math.log((lif.restMv() + lif.resistanceMOhm() * input - lif.resetMv())
                / (lif.restMv() + lif.resistanceMOhm() * input - lif.thresholdMv()));
        int[] k = r.spikeSteps();
        for (int i = 1; i < k.length; i++) {
            // a spike at step s: V_r at the end of s, held for steps s+1..s+19, free from s+20 on.
            int interval = k[i] - k[i - 1];
            assertEquals(Math.round(2 / 0.1) - 1 + (int) Math.ceil(free / 0.1 - 1e-9), interval, "interval " + i);
        }
        assertTrue(k.length > 10);
        assertTrue(Math.abs(r.rateHz() - lif.rateHz(input)) < 0.05 * lif.rateHz(input), r.rateHz() + " vs " + lif.rateHz(input));
        assertEquals(-70, Neurons.lif().restMv() * mV, 0);
    }
}
