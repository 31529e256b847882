package dev.soma.sim;

import static dev.soma.Units.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.soma.Neurons;
import dev.soma.Simulation;
import dev.soma.Stimulus;
import dev.soma.model.NeuronModel;
import dev.soma.model.SpikeRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tech.tablesaw.api.Table;

/** The fluent set-up: defaults, recording, tables, and every kind of bad input named in the message. */
class SimulationSetupTest {

    private static void rejects(String parameter, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(parameter), "message should name " + parameter + ": " + e.getMessage());
    }

    @Test
    void defaultsFollowTheModel() {
        assertEquals(Method.RK4, Simulation.of(Neurons.hodgkinHuxley()).chosenMethod());
        assertEquals(0.01, Simulation.of(Neurons.hodgkinHuxley()).chosenDtMs());
        assertEquals(Method.EXPONENTIAL_EULER, Simulation.of(Neurons.lif()).chosenMethod());
    }

    @Test
    void tableHasTimeAndRecordedVariablesWithUnits() {
        var run = Simulation.of(Neurons.hodgkinHuxley()).inject(Stimulus.step(10, 5, 50))
                .record("V", "m", "h", "n", "I_Na").sampleEvery(0.1 * ms).run(50 * ms);
        Table table = run.table();
        assertEquals(java.util.List.of("t [ms]", "V [mV]", "m [1]", "h [1]", "n [1]", "I_Na [µA/cm²]"), table.columnNames());
        assertEquals(501, table.rowCount());
        assertEquals(50.0, table.doubleColumn("t [ms]").get(500), 1e-12);
        assertEquals(run.spikeCount(), run.spikeTable().rowCount());
        assertTrue(run.toString().contains("spike"), run.toString());
        assertTrue(run.toString().startsWith("Hodgkin–Huxley"), run.toString());
    }

    @Test
    void sameSetupGivesBitIdenticalResults() {
        var setup = Simulation.of(Neurons.hodgkinHuxley()).inject(Stimulus.noise(8, 3, 2, 42));
        assertArrayEquals(setup.run(100).values("V"), setup.run(100).values("V"));
    }

    @Test
    void badStepsAndDurationsNameTheParameter() {
        var setup = Simulation.of(Neurons.hodgkinHuxley());
        rejects("dt", () -> setup.dt(Double.NaN));
        rejects("dt", () -> setup.dt(0));
        rejects("dt", () -> setup.dt(-0.01));
        rejects("duration", () -> setup.run(Double.NaN));
        rejects("duration", () -> setup.run(0));
        rejects("duration", () -> setup.run(-5));
        rejects("sampleEvery", () -> setup.sampleEvery(-1));
        rejects("dt", () -> setup.dt(0.1).sampleEvery(0.05).run(10));
        rejects("sampleEvery", () -> setup.dt(0.1).sampleEvery(0.25).run(10));
    }

    @Test
    void unknownVariableListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Simulation.of(Neurons.hodgkinHuxley()).record("V", "q"));
        assertTrue(e.getMessage().contains("variable") && e.getMessage().contains("\"q\""), e.getMessage());
        assertTrue(e.getMessage().contains("[V, m, h, n, I_Na, I_K, I_L]"), e.getMessage());
        var run = Simulation.of(Neurons.hodgkinHuxley()).run(1);
        rejects("variable", () -> run.values("m"));
    }

    @Test
    void badStartStatesAndStimuliAreRejected() {
        var setup = Simulation.of(Neurons.hodgkinHuxley());
        rejects("state", () -> setup.startFrom(-65, 0.05));
        rejects("state[1]", () -> setup.startFrom(-65, Double.NaN, 0.6, 0.3));
        rejects("stimulus", () -> setup.inject(null));
        rejects("amplitude", () -> Stimulus.step(Double.NaN, 0, 1));
        rejects("stopMs", () -> Stimulus.step(1, 10, 5));
    }

    @Test
    void aRunThatBlowsUpStopsWithTimeAndVariable() {
        // dt = 0.2 ms passes the start-state check (the fastest gate, m, relaxes in 0.24 ms at rest) but not the spike.
        SimulationDivergedException e = assertThrows(SimulationDivergedException.class,
                () -> Simulation.of(Neurons.hodgkinHuxley()).inject(Stimulus.constant(10)).method(Method.EULER).dt(0.2).run(100));
        assertTrue(e.getMessage().contains("t = ") && e.getMessage().contains("dt"), e.getMessage());
        assertTrue(e.timeMs() > 0 && e.timeMs() <= 100);
        assertNotNull(e.variable());
    }

    /** dy/dt = y² from y(0) = 1 reaches infinity at t = 1 ms. */
    private static final NeuronModel EXPLODING = new NeuronModel() {
        public String name() { return "explodes at 1 ms"; }
        public String[] stateNames() { return new String[] {"V"}; }
        public String[] stateUnits() { return new String[] {"mV"}; }
        public int voltageIndex() { return 0; }
        public String inputUnit() { return "nA"; }
        public double[] restingState() { return new double[] {1}; }
        public void derivatives(double t, double[] y, double input, double[] dydt) { dydt[0] = y[0] * y[0]; }
        public SpikeRule spikeRule() { return SpikeRule.crossing(1e300); }
        public double defaultDtMs() { return 0.01; }
    };

    @Test
    void divergenceNamesTheVariableAndSuggestsASmallerStep() {
        SimulationDivergedException e = assertThrows(SimulationDivergedException.class, () -> Simulation.of(EXPLODING).run(5));
        assertEquals("V", e.variable());
        assertTrue(e.timeMs() >= 0.9 && e.timeMs() < 2, "blew up at " + e.timeMs());
        assertTrue(e.getMessage().contains("try dt"), e.getMessage());
    }

    @Test
    void samplingIntervalSetsTheNumberOfSamples() {
        var run = Simulation.of(Neurons.lif()).dt(0.1).sampleEvery(1).run(100);
        assertEquals(101, run.time().length);
        assertEquals(100.0, run.time()[100], 1e-12);
    }

    @Test
    void methodsCanBeChosenByNameAndUnknownNamesListTheValidOnes() {
        assertEquals(Method.EXPONENTIAL_MIDPOINT, Simulation.of(Neurons.hodgkinHuxley()).method("exponential-midpoint").chosenMethod());
        assertEquals(Method.ADAPTIVE, Simulation.of(Neurons.hodgkinHuxley()).method("adaptive").chosenMethod());
        assertEquals(Method.RK4, Simulation.of(Neurons.lif()).method("rk4").chosenMethod());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Simulation.of(Neurons.lif()).method("heun"));
        assertTrue(e.getMessage().contains("method") && e.getMessage().contains("rk4"), e.getMessage());
    }
}
