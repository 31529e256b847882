package dev.soma.sim;

import java.util.Locale;

/**
 * Thrown when a run stops being a solution of its equations: the state became NaN or infinite, the
 * injected current is not a number, or the neuron fired more than once within one integration step
 * (a rate no step can resolve). The message names the time, the variable and its value, and says
 * what to change — advice that depends on the method: a smaller step where the step is the cause,
 * the input or the parameters where it is not.
 */
public final class SimulationDivergedException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final double timeMs;
    private final String variable;

    private SimulationDivergedException(double timeMs, String variable, String message) {
        super(message);
        this.timeMs = timeMs;
        this.variable = variable;
    }

    /** The state variable {@code variable} became {@code value} (NaN or ±∞) at {@code timeMs}. */
    static SimulationDivergedException blewUp(double timeMs, String variable, double value, Method method, double dtMs) {
        return new SimulationDivergedException(timeMs, variable, String.format(Locale.ROOT,
                "the simulation blew up: %s = %s at t = %.6g ms (method %s, dt = %.4g ms). %s",
                variable, value, timeMs, method.label(), dtMs, advice(method, dtMs)));
    }

    /** The injected current was {@code input} (NaN or ±∞) at {@code inputTimeMs}, which made {@code variable} non-finite. */
    static SimulationDivergedException inputNotFinite(double timeMs, String variable, double value, double inputTimeMs, double input,
                                                      String inputUnit, Method method, double dtMs) {
        return new SimulationDivergedException(timeMs, variable, String.format(Locale.ROOT,
                "the simulation stopped: %s = %s at t = %.6g ms (method %s, dt = %.4g ms) because the injected current is %s %s "
                        + "at t = %.6g ms. The step is not the cause: the stimulus must give a finite current at every time; "
                        + "check the function or values passed to inject(...).",
                variable, value, timeMs, method.label(), dtMs, input, inputUnit, inputTimeMs));
    }

    /** Two spikes within one step: an instantaneous rate of 1/{@code intervalMs} that no step resolves. */
    static SimulationDivergedException tooManySpikes(double timeMs, String variable, double intervalMs, double input,
                                                     String inputUnit, Method method, double dtMs) {
        double rateHz = 1000.0 / intervalMs;
        String unit = inputUnit == null || inputUnit.isEmpty() || "1".equals(inputUnit) ? "" : " " + inputUnit;
        // No neuron fires faster than about 1 kHz; far beyond that the step is not what limits the result.
        String fix = intervalMs < 0.1
                ? "Lower the input or give the model a refractory period."
                : String.format(Locale.ROOT, "Lower the input, give the model a refractory period, or, if the rate is physical, "
                        + "use dt = %.4g ms or smaller.", intervalMs / 4);
        return new SimulationDivergedException(timeMs, variable, String.format(Locale.ROOT,
                "the simulation diverged: the neuron fired twice in less than one step at t = %.6g ms, %.3g ms apart "
                        + "(an instantaneous rate of %.3g Hz; method %s, dt = %.4g ms). More than one spike per step is not "
                        + "firing but a run-away: the input (%.4g%s at that time) drives %s past threshold faster than any step "
                        + "resolves. %s",
                timeMs, intervalMs, rateHz, method.label(), dtMs, input, unit, variable, fix));
    }

    /** The adaptive integrator could not continue after {@code timeMs} (for example its step fell below its floor). */
    static SimulationDivergedException adaptiveFailed(double timeMs, String variable, String reason, double tolerance, double dtMs) {
        String change = tolerance > 1e-6
                ? String.format(Locale.ROOT, "Its tolerance %.3g is loose enough to let the solution leave its domain: tighten it, "
                        + "e.g. .tolerance(1e-10)", tolerance)
                : "Loosen its tolerance, e.g. .tolerance(1e-8)";
        return new SimulationDivergedException(timeMs, variable, String.format(Locale.ROOT,
                "the adaptive method could not continue after t = %.6g ms (%s). %s, or use a fixed-step method such as "
                        + "Method.RK4 with a small dt (e.g. dt = %.4g ms); if every method fails here, check the parameters, "
                        + "the start state and the input.", timeMs, reason, change, dtMs / 10));
    }

    private static String advice(Method method, double dtMs) {
        String smaller = String.format(Locale.ROOT, "dt = %.4g ms", dtMs / 10);
        return switch (method) {
            case EXACT -> "The exact method solves linear equations exactly for any step, so the step is not the cause: "
                    + "the input is not finite or grows without bound. Check the input and the synapses.";
            case EULER, SPLIT_EULER -> "Forward Euler is only stable for steps well below the fastest time constant: try " + smaller
                    + ", or Method.RK4 (or Method.EXPONENTIAL_EULER for conductance-based models).";
            case EXPONENTIAL_EULER, EXPONENTIAL_MIDPOINT -> "The step may be too large for this model's dynamics: try " + smaller
                    + ", or Method.RK4.";
            case RK4 -> "The step may be too large for this model's dynamics: try " + smaller
                    + ". If the run blows up at the same time with every step, the equations themselves run away: "
                    + "check the parameters, the start state and the input.";
            case ADAPTIVE -> "The adaptive method controls its error, so the step is not the cause: the equations themselves "
                    + "run away. Check the parameters, the start state and the input.";
        };
    }

    /** The time (ms) of the step at which the run stopped. */
    public double timeMs() {
        return timeMs;
    }

    /** The name of the variable that stopped being finite (or that fired, for a run-away spike rate). */
    public String variable() {
        return variable;
    }
}
