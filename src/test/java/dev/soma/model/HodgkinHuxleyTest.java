package dev.soma.model;

import static dev.soma.Units.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.soma.Neurons;
import dev.soma.Simulation;
import dev.soma.Stimulus;
import dev.soma.sim.Method;
import dev.soma.sim.SimulationResult;
import dev.soma.testing.RefData;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Hodgkin–Huxley against SciPy/NEURON/Brian2 reference runs (src/test/resources/refdata): a step of
 * current from 10 to 110 ms should give the reference spikes, each within 0.05 ms at dt = 0.01 ms.
 */
class HodgkinHuxleyTest {

    @Test
    void javadocTableStatesTheDefaults() {
        assertEquals(8, ParameterTable.assertDefaultsMatch(HodgkinHuxley.class, HodgkinHuxley.squidAxon()));
    }

    static List<Arguments> currentsAndMethods() {
        return List.of(0.0, 5.0, 10.0, 15.0, 50.0).stream()
                .flatMap(i -> List.of(Arguments.of(i, Method.RK4, 0.05), Arguments.of(i, Method.EXPONENTIAL_MIDPOINT, 0.05),
                        Arguments.of(i, Method.ADAPTIVE, 0.005)).stream())
                .toList();
    }

    @ParameterizedTest(name = "I = {0} µA/cm² with {1}: every spike within {2} ms")
    @MethodSource("currentsAndMethods")
    void stepResponseSpikesMatchTheReference(double current, Method method, double toleranceMs) {
        double[] expected = RefData.spikes("hh_step_spikes.csv", current);
        SimulationResult run = Simulation.of(Neurons.hodgkinHuxley())
                .inject(Stimulus.step(current * uA_per_cm2, 10 * ms, 110 * ms))
                .method(method).dt(0.01 * ms)
                .run(150 * ms);
        double[] actual = run.spikeTimes();
        assertEquals(expected.length, actual.length, "spike count for I = " + current);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], toleranceMs, "spike " + k + " for I = " + current);
        }
    }

    @Test
    void firstOrderExponentialEulerCountsTheSameSpikesButDrifts() {
        double[] expected = RefData.spikes("hh_step_spikes.csv", 10);
        double[] actual = Simulation.of(Neurons.hodgkinHuxley())
                .inject(Stimulus.step(10 * uA_per_cm2, 10 * ms, 110 * ms))
                .method(Method.EXPONENTIAL_EULER).dt(0.01 * ms).run(150 * ms).spikeTimes();
        assertEquals(expected.length, actual.length);
        // first order: the error grows spike by spike (Brian2's exponential Euler does the same)
        double lastError = Math.abs(actual[actual.length - 1] - expected[expected.length - 1]);
        assertTrue(lastError < 1.0, "last spike off by " + lastError + " ms");
        assertTrue(lastError > Math.abs(actual[0] - expected[0]));
    }

    @Test
    void voltageTraceAtTenMicroampsMatchesTheReferenceWithinPointTwoMillivoltsRms() {
        List<double[]> reference = RefData.rows("hh_trace_I10.csv");
        SimulationResult run = Simulation.of(Neurons.hodgkinHuxley())
                .inject(Stimulus.step(10 * uA_per_cm2, 10 * ms, 110 * ms))
                .method(Method.RK4).dt(0.01 * ms)
                .record("V", "m", "h", "n")
                .run(150 * ms);
        double[] v = run.values("V");
        double[] t = run.time();
        assertEquals(reference.size(), v.length);
        double sumSquares = 0;
        for (int i = 0; i < v.length; i++) {
            assertEquals(reference.get(i)[0], t[i], 1e-9);
            double d = v[i] - reference.get(i)[1];
            sumSquares += d * d;
        }
        double rms = Math.sqrt(sumSquares / v.length);
        assertTrue(rms < 0.2, "RMS difference " + rms + " mV");
    }

    private static double traceRms(Method method) {
        List<double[]> reference = RefData.rows("hh_trace_I10.csv");
        double[] v = Simulation.of(Neurons.hodgkinHuxley())
                .inject(Stimulus.step(10 * uA_per_cm2, 10 * ms, 110 * ms))
                .method(method).dt(0.01 * ms)
                .run(150 * ms).values("V");
        assertEquals(reference.size(), v.length);
        double sumSquares = 0;
        for (int i = 0; i < v.length; i++) {
            double d = v[i] - reference.get(i)[1];
            sumSquares += d * d;
        }
        return Math.sqrt(sumSquares / v.length);
    }

    /** The README's figures: RK4 follows the reference trace to 1e-5 mV RMS, exponential midpoint to 0.21 mV RMS. */
    @Test
    void voltageTraceRmsDifferenceIsWhatTheReadmeStates() {
        double rk4 = traceRms(Method.RK4);
        double midpoint = traceRms(Method.EXPONENTIAL_MIDPOINT);
        assertTrue(rk4 < 1e-5, "RK4: RMS difference " + rk4 + " mV");
        assertTrue(midpoint < 0.215, "exponential midpoint: RMS difference " + midpoint + " mV");
    }

    @Test
    void firingRatesMatchTheReferenceFiCurveIncludingTheJumpAtOnset() {
        List<double[]> reference = RefData.rows("hh_fI.csv");
        for (double[] row : reference) {
            double current = row[0];
            double expectedCount = row[1];
            SimulationResult run = Simulation.of(Neurons.hodgkinHuxley())
                    .inject(Stimulus.constant(current * uA_per_cm2))
                    .method(Method.RK4).dt(0.01 * ms)
                    .sampleEvery(1 * ms)
                    .run(1000 * ms);
            long count = java.util.Arrays.stream(run.spikeTimes()).filter(s -> s >= 500 && s < 1000).count();
            double allowed = Math.max(1.0, 0.01 * expectedCount);
            assertEquals(expectedCount, count, allowed, "spikes in [500, 1000) ms at I = " + current + " µA/cm²");
        }
        double at6 = reference.get(6)[2];
        double at7 = reference.get(7)[2];
        assertEquals(0.0, at6);
        assertTrue(at7 > 50, "the reference jumps from 0 to above 50 Hz between 6 and 7 µA/cm²");
    }

    @Test
    void restingStateIsTheSteadyStateOfTheGatesAtMinus65() {
        double[] rest = Neurons.hodgkinHuxley().restingState();
        assertArrayEquals(new double[] {-65, 0.052932485257, 0.596120753508, 0.317676914061}, rest, 1e-11);
    }

    @Test
    void gateRatesAreContinuousThroughTheirRemovableSingularities() {
        assertEquals(1.0, HodgkinHuxley.alphaM(-40.0), 1e-12);
        assertEquals(0.1, HodgkinHuxley.alphaN(-55.0), 1e-12);
        assertEquals(HodgkinHuxley.alphaM(-40.0 + 1e-7), HodgkinHuxley.alphaM(-40.0), 1e-7);
        assertEquals(HodgkinHuxley.alphaN(-55.0 - 1e-7), HodgkinHuxley.alphaN(-55.0), 1e-7);
    }

    @Test
    void warmerAxonFiresFasterWithQ10OfThree() {
        double cold = Simulation.of(Neurons.hodgkinHuxley()).inject(Stimulus.constant(10)).run(300).rateHz();
        double warm = Simulation.of(Neurons.hodgkinHuxley().atCelsius(16.3)).inject(Stimulus.constant(10)).run(300).rateHz();
        assertTrue(warm > 1.5 * cold, "rate at 16.3 °C " + warm + " Hz vs 6.3 °C " + cold + " Hz");
    }

    @Test
    void ionicCurrentsCanBeRecordedAndBalanceAtRest() {
        SimulationResult run = Simulation.of(Neurons.hodgkinHuxley()).record("I_Na", "I_K", "I_L").run(1);
        double total = run.values("I_Na")[0] + run.values("I_K")[0] + run.values("I_L")[0];
        assertEquals(0.0, total, 1e-2, "NEURON's E_L is chosen so that the currents nearly cancel at −65 mV");
        assertEquals("I_Na [µA/cm²]", run.columnName("I_Na"));
    }

    @Test
    void meaninglessParametersAreRejectedByName() {
        var hh = Neurons.hodgkinHuxley();
        IllegalArgumentException capacitance = assertThrows(IllegalArgumentException.class, () -> hh.withCapacitance(-1));
        assertTrue(capacitance.getMessage().contains("capacitance"), capacitance.getMessage());
        IllegalArgumentException conductance = assertThrows(IllegalArgumentException.class, () -> hh.withGNa(-120));
        assertTrue(conductance.getMessage().contains("gNa"), conductance.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> hh.withGK(Double.NaN));
        assertTrue(nan.getMessage().contains("gK"), nan.getMessage());
        IllegalArgumentException temperature = assertThrows(IllegalArgumentException.class, () -> hh.atCelsius(500));
        assertTrue(temperature.getMessage().contains("celsius"), temperature.getMessage());
    }

    @Test
    void gateCurvesGiveTheRestingStateAndScaleWithTemperature() {
        var hh = Neurons.hodgkinHuxley();
        double[] rest = hh.restingState();
        assertEquals(rest[1], hh.steadyState("m", -65), 1e-15);
        assertEquals(rest[3], hh.steadyState("n", -65), 1e-15);
        assertEquals(hh.timeConstantMs("h", -65) / 3, hh.atCelsius(16.3).timeConstantMs("h", -65), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hh.steadyState("x", 0));
        assertTrue(e.getMessage().contains("gate"), e.getMessage());
    }
}
