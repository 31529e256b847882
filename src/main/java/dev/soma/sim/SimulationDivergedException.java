package dev.soma.sim;

import java.util.Locale;

/**
 * Thrown when a run's state becomes NaN or infinite: the step is too large for the model's
 * dynamics (or the parameters make it explode). The message names the time, the variable and its
 * value, and suggests a smaller step.
 */
public final class SimulationDivergedException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final double timeMs;
    private final String variable;

    SimulationDivergedException(double timeMs, String variable, double value, String method, double dtMs) {
        super(String.format(Locale.ROOT,
                "the simulation blew up: %s = %s at t = %.6g ms (method %s, dt = %.4g ms). "
                        + "The step is too large for this model's dynamics: try dt = %.4g ms or Method.RK4 / Method.ADAPTIVE.",
                variable, value, timeMs, method, dtMs, dtMs / 10));
        this.timeMs = timeMs;
        this.variable = variable;
    }

    /** The time (ms) of the step at which the state stopped being finite. */
    public double timeMs() {
        return timeMs;
    }

    /** The name of the first variable found non-finite. */
    public String variable() {
        return variable;
    }
}
