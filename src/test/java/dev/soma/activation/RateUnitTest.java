package dev.soma.activation;

import static dev.soma.activation.Messages.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class RateUnitTest {
    private static final double TAU_MS = 10.0;

    /** r(t) = r∞ + (r0 − r∞)·e^(−t/τ), the solution for a constant input. */
    private static double relaxation(double r0, double rInf, double tMs) {
        return rInf + (r0 - rInf) * Math.exp(-tMs / TAU_MS);
    }

    private static void assertRelativelyClose(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.abs(expected), what);
    }

    @Test
    void constantInputRelaxesExponentiallyTowardTheActivationAtAnyStep() {
        RateUnit unit = new RateUnit(TAU_MS, ActivationFunctions.SIGMOID).withInitialRate(0.2);
        double rInf = ActivationFunctions.SIGMOID.apply(1.5);
        for (double dt : new double[] {0.1, 1.0, 7.0}) {
            RateTrace trace = unit.run(t -> 1.5, 50.0, dt);
            double[] t = trace.timeMs();
            double[] r = trace.rate();
            for (int k = 0; k < trace.size(); k++) {
                assertRelativelyClose(relaxation(0.2, rInf, t[k]), r[k], 1e-12, "dt = " + dt + ", t = " + t[k]);
            }
        }
    }

    @Test
    void afterOneTimeConstantTheRateHasCoveredOneMinusOneOverEOfTheWay() {
        RateUnit unit = new RateUnit(TAU_MS, ActivationFunctions.IDENTITY);
        assertRelativelyClose(1 - Math.exp(-1), unit.run(1.0, TAU_MS).finalRate(), 1e-12, "r(τ)");
    }

    @Test
    void stepInputOnTheGridIsIntegratedExactly() {
        RateUnit unit = new RateUnit(TAU_MS, ActivationFunctions.RELU);
        DoubleUnaryOperator pulse = t -> t < 20.0 ? 2.0 : 0.0;
        RateTrace trace = unit.run(pulse, 60.0, 0.5);
        double rAtOffset = relaxation(0.0, 2.0, 20.0);
        double[] t = trace.timeMs();
        double[] r = trace.rate();
        for (int k = 0; k < trace.size(); k++) {
            double expected = t[k] <= 20.0 ? relaxation(0.0, 2.0, t[k]) : rAtOffset * Math.exp(-(t[k] - 20.0) / TAU_MS);
            assertRelativelyClose(expected, r[k], 1e-9, "t = " + t[k]);
        }
    }

    @Test
    void piecewiseConstantArrayInputIsIntegratedExactly() {
        RateUnit unit = new RateUnit(TAU_MS, ActivationFunctions.IDENTITY);
        double[] inputs = {1.0, 1.0, 3.0, -2.0, 0.5};
        double dt = 4.0;
        RateTrace trace = unit.run(inputs, dt);
        double expected = 0.0;
        for (int k = 0; k < inputs.length; k++) {
            expected = inputs[k] + (expected - inputs[k]) * Math.exp(-dt / TAU_MS);
            assertRelativelyClose(expected, trace.rate()[k + 1], 1e-12, "step " + k);
            assertEquals((k + 1) * dt, trace.timeMs()[k + 1], 0.0);
        }
    }

    @Test
    void smoothInputConvergesAtSecondOrderToTheAnalyticSolution() {
        // τ r' = −r + sin(ωt), r(0) = 0: r(t) = [sin ωt − ωτ cos ωt + ωτ e^(−t/τ)] / (1 + ω²τ²).
        double omega = 2 * Math.PI / 25.0;
        double wt = omega * TAU_MS;
        double duration = 40.0;
        double exact = (Math.sin(omega * duration) - wt * Math.cos(omega * duration) + wt * Math.exp(-duration / TAU_MS))
                / (1 + wt * wt);
        RateUnit unit = new RateUnit(TAU_MS, ActivationFunctions.IDENTITY);
        double coarse = Math.abs(unit.run(t -> Math.sin(omega * t), duration, 0.2).finalRate() - exact);
        double fine = Math.abs(unit.run(t -> Math.sin(omega * t), duration, 0.1).finalRate() - exact);
        assertTrue(fine < 1e-4, "error at dt = 0.1 ms: " + fine);
        assertEquals(4.0, coarse / fine, 0.3, "halving the step divides the error by 4");
    }

    @Test
    void samplesStartAtZeroOnAGridAndEndExactlyAtTheDuration() {
        RateUnit unit = new RateUnit(TAU_MS, ActivationFunctions.SIGMOID);
        RateTrace trace = unit.run(t -> 1.0, 1.05, 0.1);
        double[] t = trace.timeMs();
        assertEquals(12, trace.size());
        assertEquals(0.0, t[0], 0.0);
        assertEquals(0.5, t[5], 0.0);
        assertEquals(1.05, t[11], 0.0);
        assertRelativelyClose(relaxation(0, ActivationFunctions.SIGMOID.apply(1.0), 1.05), trace.finalRate(), 1e-12, "end");
        assertEquals(11, unit.run(t2 -> 1.0, 1.0, 0.1).size(), "a duration that is a multiple of the step");
        assertEquals(1001, unit.run(1.0, 100.0).size(), "default step 0.1 ms");
    }

    @Test
    void sampleTimesReadAsDecimalsForStepsLikeOneTenthMs() {
        double[] t = new RateUnit(TAU_MS, ActivationFunctions.SIGMOID).run(1.0, 1.0).timeMs();
        assertEquals(0.3, t[3], 0.0);
        assertEquals(0.7, t[7], 0.0);
        assertEquals(2.1, RateUnit.gridTime(21, 0.1), 0.0);
        assertEquals(21 * 0.3, RateUnit.gridTime(21, 0.3), 0.0);
    }

    @Test
    void settlesAtTheSteadyState() {
        RateUnit unit = new RateUnit(TAU_MS, ActivationFunctions.SOFTPLUS);
        assertEquals(ActivationFunctions.SOFTPLUS.apply(0.7), unit.steadyState(0.7), 0.0);
        assertRelativelyClose(unit.steadyState(0.7), unit.run(0.7, 30 * TAU_MS).finalRate(), 1e-12, "after 30 τ");
    }

    @Test
    void withInitialRateLeavesTheOriginalUnchanged() {
        RateUnit unit = new RateUnit(TAU_MS, ActivationFunctions.TANH);
        RateUnit started = unit.withInitialRate(0.4);
        assertEquals(0.0, unit.initialRate(), 0.0);
        assertEquals(0.4, started.initialRate(), 0.0);
        assertEquals(0.4, started.run(0.0, 1.0).rate()[0], 0.0);
        assertEquals(TAU_MS, started.tauMs(), 0.0);
        assertEquals("RateUnit: τ = 10 ms, f = tanh, r(0) = 0.4", started.toString());
    }

    @Test
    void rejectsNonPositiveOrNonFiniteTimeConstantNamingTauMs() {
        for (double bad : new double[] {0.0, -5.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            rejects(() -> new RateUnit(bad, ActivationFunctions.RELU), "tauMs = " + bad, "> 0");
        }
        rejects(() -> new RateUnit(TAU_MS, null), "activation is null");
        rejects(() -> new RateUnit(TAU_MS, ActivationFunctions.RELU).withInitialRate(Double.NaN), "initialRate = NaN");
    }

    @Test
    void rejectsBadRunArgumentsNamingThem() {
        RateUnit unit = new RateUnit(TAU_MS, ActivationFunctions.RELU);
        rejects(() -> unit.run(t -> 1.0, 0.0, 0.1), "durationMs = 0.0");
        rejects(() -> unit.run(t -> 1.0, Double.NaN, 0.1), "durationMs = NaN");
        rejects(() -> unit.run(t -> 1.0, 10.0, -0.1), "dtMs = -0.1");
        rejects(() -> unit.run(t -> 1.0, 10.0, Double.POSITIVE_INFINITY), "dtMs = Infinity");
        rejects(() -> unit.run(t -> 1.0, 1e9, 1e-3), "durationMs / dtMs", "larger dtMs");
        rejects(() -> unit.run((DoubleUnaryOperator) null, 10.0, 0.1), "input is null");
        rejects(() -> unit.run(Double.NaN, 10.0), "input = NaN");
        rejects(() -> unit.run(new double[] {1.0, Double.NEGATIVE_INFINITY}, 0.1), "inputs[1] = -Infinity");
        rejects(() -> unit.run(new double[0], 0.1), "inputs is empty");
        rejects(() -> unit.steadyState(Double.NaN), "input = NaN");
    }

    @Test
    void rejectsAnInputFunctionThatReturnsNanNamingTheTime() {
        RateUnit unit = new RateUnit(TAU_MS, ActivationFunctions.RELU);
        rejects(() -> unit.run(t -> t > 5.0 ? Double.NaN : 1.0, 10.0, 1.0), "input(t = 5.5 ms) = NaN", "finite");
    }

    @Test
    void rejectsAnActivationThatBlowsUpRatherThanReturningInfiniteRates() {
        RateUnit unit = new RateUnit(TAU_MS, ActivationFunctions.leakyRelu(1e308));
        rejects(() -> unit.run(-10.0, 1.0), "f(-10.0) = -Infinity", "blow up");
    }
}
