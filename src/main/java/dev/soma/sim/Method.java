package dev.soma.sim;

/**
 * Integration methods of the single-neuron engine.
 *
 * <ul>
 *   <li>{@link #EULER} — forward Euler, first order; for teaching and for convergence demos.</li>
 *   <li>{@link #RK4} — classical fourth-order Runge–Kutta, the default for nonlinear models.
 *       Butcher tableau: c = (0, ½, ½, 1), b = (⅙, ⅓, ⅓, ⅙).</li>
 *   <li>{@link #EXPONENTIAL_EULER} — each variable integrated exactly over the step with the others
 *       frozen, from the model's conditionally linear form dy/dt = a + b·y (as NEURON and Brian2 do
 *       for Hodgkin–Huxley gates); exact for linear models (LIF) with constant input over a step.</li>
 *   <li>{@link #EXPONENTIAL_MIDPOINT} — exponential Euler with a, b taken from a half-step
 *       prediction; second order.</li>
 *   <li>{@link #EXACT} — the exact solution of linear equations over the step (Brian2's
 *       {@code exact}): e^{hA} y + h φ₁(hA) c with both matrices precomputed from the equations
 *       ({@link LinearPropagator}); for a leaky integrate-and-fire neuron with current-based
 *       synapses. Equations that are not linear are refused by name.</li>
 *   <li>{@link #SPLIT_EULER} — forward Euler split as in Izhikevich's (2003) network code: the
 *       membrane potential by two half steps with the other variables frozen, then the other
 *       variables by one step that sees the new potential; first order.</li>
 *   <li>{@link #ADAPTIVE} — Dormand–Prince 8(5,3) with error control and event location (Hipparchus),
 *       for reference runs; the step size is chosen by the integrator, the output is sampled. It runs
 *       every model, including the explosive upstroke of exponential integrate-and-fire models.</li>
 * </ul>
 *
 * <p>Every method keeps its order with step, pulse and ramp currents: the engines end a step at each
 * time the current switches ({@link dev.soma.stimulus.Current#nextBreakpoint}). A fixed step too large
 * for the method's stability at the start state is refused before the run, with the step to use.
 */
public enum Method {
    /** Forward Euler (order 1). */
    EULER("euler"),
    /** Classical Runge–Kutta (order 4). */
    RK4("rk4"),
    /** Exponential Euler for conditionally linear equations. */
    EXPONENTIAL_EULER("exponential-euler"),
    /** Exponential midpoint: exponential Euler with coefficients from a half-step prediction (order 2). */
    EXPONENTIAL_MIDPOINT("exponential-midpoint"),
    /** The exact solution of linear equations over a step (input held at its value at the step's start). */
    EXACT("exact"),
    /** Euler with the membrane potential in two half steps, then the other variables (Izhikevich 2003). */
    SPLIT_EULER("split-euler"),
    /** Adaptive Dormand–Prince 8(5,3) with event location. */
    ADAPTIVE("adaptive-dop853");

    private final String label;

    Method(String label) {
        this.label = label;
    }

    /** The short name used in summaries, e.g. {@code rk4}. */
    public String label() {
        return label;
    }
}
