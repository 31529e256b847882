package dev.soma.sim;

import static dev.soma.Units.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Neurons;
import dev.soma.Simulation;
import dev.soma.Stimulus;
import dev.soma.model.ExponentialIntegrateAndFire;
import dev.soma.model.NeuronModel;
import dev.soma.model.SpikeRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A run that stops being a solution stops, and says why: a NaN input is a divergence in every model
 * (never fake spikes), an integrate-and-fire model driven to fire more than once per step is a run-away
 * (never a hang), the advice depends on the method, and a step too large for stability or a start state
 * outside the model's range is refused before the run with what to change.
 */
class DivergenceTest {

    private static List<NeuronModel> everyModel() {
        return List.of(Neurons.lif(), Neurons.hodgkinHuxley(), Neurons.exponentialIF(), Neurons.adex(), Neurons.izhikevich(),
                Neurons.fitzHughNagumo(), Neurons.morrisLecar(), Neurons.quadraticIF());
    }

    @TestFactory
    List<DynamicTest> aNaNInputStopsEveryModelWithTheTimeAndTheVariable() {
        List<DynamicTest> tests = new ArrayList<>();
        for (NeuronModel model : everyModel()) {
            for (String method : List.of("default", "rk4", "exponential-midpoint", "adaptive")) {
                tests.add(DynamicTest.dynamicTest(model.name() + ", " + method, () -> {
                    var setup = Simulation.of(model).inject(t -> t > 5 ? Double.NaN : 0);
                    var chosen = method.equals("default") ? setup : setup.method(method);
                    // (a NaN input used to fire zero-length fake spikes for ever in models without a refractory period)
                    SimulationDivergedException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                            () -> assertThrows(SimulationDivergedException.class, () -> chosen.run(10),
                                    "a NaN input must stop the run, not fire fake spikes"));
                    assertTrue(e.timeMs() >= 5 && e.timeMs() <= 5 + 2 * chosen.chosenDtMs() + 1e-9, "stopped at " + e.timeMs());
                    assertTrue(Arrays.asList(model.stateNames()).contains(e.variable()), e.variable());
                    assertTrue(e.getMessage().contains("injected current is NaN"), e.getMessage());
                }));
            }
        }
        return tests;
    }

    /** EIF without the cap at V_peak: the exponential overflows within the step that crosses the peak. */
    private static final class UnboundedEif implements NeuronModel {
        private final ExponentialIntegrateAndFire eif = Neurons.exponentialIF();

        public String name() { return "EIF without a cap"; }
        public String[] stateNames() { return eif.stateNames(); }
        public String[] stateUnits() { return eif.stateUnits(); }
        public int voltageIndex() { return 0; }
        public String inputUnit() { return "nA"; }
        public double[] restingState() { return eif.restingState(); }
        public SpikeRule spikeRule() { return eif.spikeRule(); }
        public void reset(double[] y) { eif.reset(y); }
        public double defaultDtMs() { return eif.defaultDtMs(); }

        public void derivatives(double t, double[] y, double input, double[] dydt) {
            double spike = eif.leakConductanceUs() * eif.slopeMv() * Math.exp((y[0] - eif.thresholdMv()) / eif.slopeMv());
            dydt[0] = (-eif.leakConductanceUs() * (y[0] - eif.restMv()) + spike + input) / eif.capacitanceNf();
        }
    }

    @Test
    void anExponentialBlowUpOfVIsStillASpike() {
        // V overflows to +∞ (and its RK4 combination to NaN) inside the steps that cross the peak: those are spikes.
        var stimulus = Stimulus.step(1 * nA, 10, 190);
        double[] unbounded = Simulation.of(new UnboundedEif()).inject(stimulus).dt(0.02).run(200).spikeTimes();
        double[] capped = Simulation.of(Neurons.exponentialIF()).inject(stimulus).dt(0.02).run(200).spikeTimes();
        assertTrue(capped.length > 5, "the capped model fires: " + capped.length);
        assertEquals(capped.length, unbounded.length);
        for (int k = 0; k < capped.length; k++) {
            assertEquals(capped[k], unbounded[k], 0.05, "spike " + k);
        }
    }

    @Test
    void runAwayFiringStopsAtOnceWithTheTimeAndTheRate() {
        List<Object[]> cases = List.of(
                new Object[] {Neurons.izhikevich(), 1e12}, new Object[] {Neurons.adex(), 1e9}, new Object[] {Neurons.quadraticIF(), 1e9});
        for (Object[] c : cases) {
            NeuronModel model = (NeuronModel) c[0];
            for (String method : List.of("rk4", "adaptive")) {
                SimulationDivergedException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
                        SimulationDivergedException.class,
                        () -> Simulation.of(model).inject(Stimulus.constant((double) c[1])).method(method).run(10)),
                        model.name() + " with " + method + " must stop, not hang");
                assertTrue(e.getMessage().contains("fired twice") && e.getMessage().contains(" Hz"), e.getMessage());
                assertTrue(e.timeMs() >= 0 && e.timeMs() < 0.01, model.name() + ": stopped at " + e.timeMs());
                assertEquals(model.stateNames()[model.voltageIndex()], e.variable());
            }
        }
    }

    @Test
    void ordinaryFastFiringIsNotARunAway() {
        var run = Simulation.of(Neurons.izhikevich("FS")).inject(Stimulus.constant(40)).run(200);
        assertTrue(run.rateHz() > 100, run.toString());
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
    void theAdviceDependsOnTheMethod() {
        String rk4 = assertThrows(SimulationDivergedException.class, () -> Simulation.of(EXPLODING).method("rk4").run(5)).getMessage();
        assertTrue(rk4.contains("try dt"), rk4);
        assertFalse(rk4.contains("Method.RK4"), "a run that is already RK4 must not be told to use RK4: " + rk4);
        String euler = assertThrows(SimulationDivergedException.class, () -> Simulation.of(EXPLODING).method("euler").run(5)).getMessage();
        assertTrue(euler.contains("Method.RK4") && euler.contains("try dt"), euler);
        String adaptive = assertThrows(SimulationDivergedException.class, () -> Simulation.of(EXPLODING).method("adaptive").run(5)).getMessage();
        assertTrue(adaptive.contains("not the cause") && !adaptive.contains("try dt"), adaptive);
    }

    @Test
    void aStepTooLargeForStabilityIsRefusedWithTheStepToUse() {
        var lif = Neurons.lif();   // τ = 10 ms
        IllegalArgumentException euler = assertThrows(IllegalArgumentException.class,
                () -> Simulation.of(lif).inject(Stimulus.constant(1)).method("euler").dt(15).run(100));
        assertTrue(euler.getMessage().startsWith("dt = 15") && euler.getMessage().contains("time constant of 10")
                && euler.getMessage().contains("EXPONENTIAL_EULER"), euler.getMessage());
        IllegalArgumentException rk4 = assertThrows(IllegalArgumentException.class,
                () -> Simulation.of(lif).method("rk4").dt(30).run(300));
        assertTrue(rk4.getMessage().startsWith("dt = 30") && rk4.getMessage().contains("RK4"), rk4.getMessage());
        IllegalArgumentException synapse = assertThrows(IllegalArgumentException.class,
                () -> Simulation.of(lif).attach(dev.soma.Synapses.exponential(lif, 0.5, 0)).method("euler").dt(1).run(10));
        assertTrue(synapse.getMessage().contains("g_syn"), synapse.getMessage());
        // within the limits nothing changes: Euler at a tenth of τ, and exponential Euler at any step (exact for LIF)
        assertEquals(101, Simulation.of(lif).inject(Stimulus.constant(1)).method("euler").dt(1).run(100).time().length);
        assertEquals(5, Simulation.of(lif).inject(Stimulus.constant(1)).method("exponential-euler").dt(25).run(100).time().length);
    }

    @Test
    void startValuesOutsideTheModelsRangeNameTheVariable() {
        IllegalArgumentException gate = assertThrows(IllegalArgumentException.class,
                () -> Simulation.of(Neurons.hodgkinHuxley()).startFrom(-65, 1.5, 0.6, 0.3));
        assertTrue(gate.getMessage().startsWith("state[1] (m) = 1.5") && gate.getMessage().contains("[0, 1]"), gate.getMessage());
        assertFalse(gate.getMessage().contains("dt"), gate.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> Simulation.of(Neurons.hodgkinHuxley()).startFrom(-65, 0.05, -0.1, 0.3));
        assertTrue(negative.getMessage().contains("(h)"), negative.getMessage());
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> Simulation.of(Neurons.morrisLecar()).startFrom(-60, 2));
        assertTrue(w.getMessage().contains("(w)"), w.getMessage());
        var run = Simulation.of(Neurons.hodgkinHuxley()).startFrom(-70, 0.1, 0.5, 0.4).record("V", "m", "h", "n").run(1);
        assertArrayEquals(new double[] {-70, 0.1, 0.5, 0.4},
                new double[] {run.values("V")[0], run.values("m")[0], run.values("h")[0], run.values("n")[0]});
    }
}
