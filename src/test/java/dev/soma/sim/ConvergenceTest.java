package dev.soma.sim;

import static org.junit.jupiter.api.Assertions.*;

import dev.soma.Neurons;
import dev.soma.Simulation;
import dev.soma.Stimulus;
import org.junit.jupiter.api.Test;

/**
 * Order of accuracy, measured on a problem with a known solution: a passive membrane
 * τ dV/dt = −(V − E) + R I₀ sin ωt, whose exact V(t) is
 * E + R I₀ [sin ωt − ωτ cos ωt + ωτ e^{−t/τ}] / (1 + ω²τ²).
 * Halving the step should divide RK4's error by 16 and Euler's by 2.
 */
class ConvergenceTest {
    private static final double TAU = 10, R = 10, I0 = 1.0, E = -70, OMEGA = 2 * Math.PI * 0.05, T = 40;

    private static double exact(double t) {
        double wt = OMEGA * TAU;
        return E + R * I0 * (Math.sin(OMEGA * t) - wt * Math.cos(OMEGA * t) + wt * Math.exp(-t / TAU)) / (1 + wt * wt);
    }

    private static double maxError(Method method, double dt) {
        var passive = Neurons.lif().withThresholdMv(1e6);   // never fires: a passive membrane
        var run = Simulation.of(passive)
                .inject(Stimulus.sine(I0, 0.05, 0))   // 0.05 / ms = 50 Hz
                .method(method).dt(dt).sampleEvery(0.8).run(T);
        double[] t = run.time();
        double[] v = run.values("V");
        double worst = 0;
        for (int i = 0; i < t.length; i++) {
            worst = Math.max(worst, Math.abs(v[i] - exact(t[i])));
        }
        return worst;
    }

    @Test
    void rk4ErrorShrinksSixteenfoldPerHalving() {
        double e1 = maxError(Method.RK4, 0.4);
        double e2 = maxError(Method.RK4, 0.2);
        double e3 = maxError(Method.RK4, 0.1);
        assertEquals(16, e1 / e2, 4, "errors " + e1 + ", " + e2);
        assertEquals(16, e2 / e3, 4, "errors " + e2 + ", " + e3);
    }

    @Test
    void eulerErrorHalvesPerHalving() {
        double e1 = maxError(Method.EULER, 0.1);
        double e2 = maxError(Method.EULER, 0.05);
        double e3 = maxError(Method.EULER, 0.025);
        assertEquals(2, e1 / e2, 0.5, "errors " + e1 + ", " + e2);
        assertEquals(2, e2 / e3, 0.5, "errors " + e2 + ", " + e3);
    }

    @Test
    void exponentialMidpointIsSecondOrder() {
        double e1 = maxError(Method.EXPONENTIAL_MIDPOINT, 0.4);
        double e2 = maxError(Method.EXPONENTIAL_MIDPOINT, 0.2);
        assertEquals(4, e1 / e2, 1, "errors " + e1 + ", " + e2);
    }

    @Test
    void adaptiveMethodMeetsItsTolerance() {
        assertTrue(maxError(Method.ADAPTIVE, 0.8) < 1e-7);
    }
}
