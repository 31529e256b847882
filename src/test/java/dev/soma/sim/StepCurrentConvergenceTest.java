package dev.soma.sim;

import static dev.soma.Units.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.soma.Neurons;
import dev.soma.Simulation;
import dev.soma.Stimulus;
import dev.soma.stimulus.Current;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A current that switches on is a discontinuity: a method that lets the last stage of the step before
 * the switch see the new value makes every spike come early by a fraction of dt, a first-order error
 * whatever the method. The engines step to the switch and evaluate the current on one side of it, so
 * with a step current the Hodgkin–Huxley spike times converge with each method's own order: halving dt
 * divides RK4's largest spike-time error by 16, exponential midpoint's by 4 and Euler's by 2 — for a
 * switch on the step grid (10 ms) and between grid points (10.003 ms).
 */
class StepCurrentConvergenceTest {

    private static double worstSpikeError(Current stimulus, String method, double dt, double[] reference) {
        double[] spikes = Simulation.of(Neurons.hodgkinHuxley()).inject(stimulus).method(method).dt(dt)
                .sampleEvery(dt * Math.round(1 / dt)).run(150 * ms).spikeTimes();
        assertEquals(reference.length, spikes.length, method + " at dt = " + dt + ": spike count");
        double worst = 0;
        for (int k = 0; k < spikes.length; k++) {
            worst = Math.max(worst, Math.abs(spikes[k] - reference[k]));
        }
        return worst;
    }

    private static double[] ratios(double onsetMs, String method, double... steps) {
        Current stimulus = Stimulus.step(10 * uA_per_cm2, onsetMs, 110 * ms);
        double[] reference = Simulation.of(Neurons.hodgkinHuxley()).inject(stimulus).method("adaptive").tolerance(1e-12)
                .dt(0.1).run(150 * ms).spikeTimes();
        double[] errors = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            errors[i] = worstSpikeError(stimulus, method, steps[i], reference);
        }
        double[] ratios = new double[steps.length - 1];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = errors[i] / errors[i + 1];
        }
        return ratios;
    }

    @ParameterizedTest(name = "switch at {0} ms: RK4 error ÷16 per halving")
    @ValueSource(doubles = {10, 10.003})
    void rk4IsFourthOrderWithAStepCurrent(double onsetMs) {
        double[] r = ratios(onsetMs, "rk4", 0.02, 0.01, 0.005);
        for (double ratio : r) {
            assertEquals(16, ratio, 3, "RK4 error ratio per halving of dt (first order would give 2)");
        }
    }

    @ParameterizedTest(name = "switch at {0} ms: exponential midpoint error ÷4 per halving")
    @ValueSource(doubles = {10, 10.003})
    void exponentialMidpointIsSecondOrderWithAStepCurrent(double onsetMs) {
        double[] r = ratios(onsetMs, "exponential-midpoint", 0.02, 0.01, 0.005);
        for (double ratio : r) {
            assertEquals(4, ratio, 0.5, "exponential midpoint error ratio per halving of dt");
        }
    }

    @ParameterizedTest(name = "switch at {0} ms: Euler error ÷2 per halving")
    @ValueSource(doubles = {10, 10.003})
    void eulerIsFirstOrderWithAStepCurrent(double onsetMs) {
        double[] r = ratios(onsetMs, "euler", 0.02, 0.01, 0.005);
        for (double ratio : r) {
            assertEquals(2, ratio, 0.2, "Euler error ratio per halving of dt");
        }
    }
}
