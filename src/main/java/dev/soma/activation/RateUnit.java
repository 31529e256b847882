package dev.soma.activation;

import java.util.function.DoubleUnaryOperator;

/**
 * A rate unit: a neuron described by its firing rate r, which relaxes with time constant τ
 * toward the activation of its input (Wilson &amp; Cowan 1972; Dayan &amp; Abbott 2001, ch. 7):
 * <pre>
 *   τ·dr/dt = −r + f(I(t))
 * </pre>
 * For a constant input I the solution is the exponential relaxation
 * r(t) = f(I) + (r(0) − f(I))·e^(−t/τ), reaching 63 % of the way to f(I) after one τ.
 *
 * <p><b>Integration.</b> Each step of length h uses the exact solution for an input held
 * constant over the step, r ← f(I) + (r − f(I))·e^(−h/τ), with I taken at the step's midpoint.
 * So a constant input or a piecewise-constant one that switches on the time grid (see
 * {@link #run(double[], double)}) is integrated exactly for any step, and a smoothly varying
 * input with second-order accuracy in h. The scheme is stable for every h.
 *
 * <p><b>Units.</b> τ and times in ms. I is in the units f expects and r in the units of f's
 * output (dimensionless for the standard functions; read it as a rate scaled to a maximum).
 *
 * <p>Immutable and thread-safe.
 */
public final class RateUnit {
    /** The time step of the runs that do not take one, in ms. */
    public static final double DEFAULT_DT_MS = 0.1;

    /** Runs longer than this many steps are refused rather than exhausting memory. */
    static final int MAX_STEPS = 50_000_000;

    private final double tauMs;
    private final ActivationFunction activation;
    private final double initialRate;

    /**
     * Creates a rate unit starting at r(0) = 0.
     *
     * @param tauMs the time constant τ in ms, finite and &gt; 0
     * @param activation the activation function f that maps input to steady-state rate
     * @throws IllegalArgumentException if τ is not finite and positive or f is null
     */
    public RateUnit(double tauMs, ActivationFunction activation) {
        this(tauMs, activation, 0.0);
    }

    private RateUnit(double tauMs, ActivationFunction activation, double initialRate) {
        this.tauMs = Checks.positive("tauMs", tauMs,
                "the time constant τ is in ms and must be finite and > 0, e.g. 10 (ms)");
        this.activation = Checks.notNull("activation", activation,
                "pass an activation function, e.g. Activation.SIGMOID");
        this.initialRate = Checks.finite("initialRate", initialRate, "the initial rate r(0) must be a finite number, e.g. 0");
    }

    /**
     * The same unit, starting from another rate.
     *
     * @param initialRate r(0), finite
     * @return a new rate unit
     * @throws IllegalArgumentException if {@code initialRate} is NaN or infinite
     */
    public RateUnit withInitialRate(double initialRate) {
        return new RateUnit(tauMs, activation, initialRate);
    }

    /**
     * The time constant τ.
     *
     * @return τ in ms
     */
    public double tauMs() {
        return tauMs;
    }

    /**
     * The activation function f.
     *
     * @return f
     */
    public ActivationFunction activation() {
        return activation;
    }

    /**
     * The initial rate r(0).
     *
     * @return r(0)
     */
    public double initialRate() {
        return initialRate;
    }

    /**
     * The rate the unit settles to under a constant input, r∞ = f(I).
     *
     * @param input the constant input I, finite
     * @return f(I)
     * @throws IllegalArgumentException if {@code input} is NaN or infinite
     */
    public double steadyState(double input) {
        return activation.apply(Checks.finite("input", input, "the input must be a finite number"));
    }

    /**
     * Runs the unit with a constant input, sampled every {@link #DEFAULT_DT_MS} ms. Exact.
     *
     * @param input the constant input I, finite
     * @param durationMs the duration in ms, finite and &gt; 0
     * @return the trace r(t) from t = 0 to {@code durationMs}
     * @throws IllegalArgumentException if an argument is NaN, infinite or out of range
     */
    public RateTrace run(double input, double durationMs) {
        Checks.finite("input", input, "the input must be a finite number");
        return run(t -> input, durationMs, DEFAULT_DT_MS);
    }

    /**
     * Runs the unit with a time-dependent input, with step {@link #DEFAULT_DT_MS} ms.
     *
     * @param input I(t), t in ms; must return finite values
     * @param durationMs the duration in ms, finite and &gt; 0
     * @return the trace r(t) from t = 0 to {@code durationMs}
     * @throws IllegalArgumentException if an argument is null, NaN, infinite or out of range, or
     *     {@code input} or f returns a NaN or infinite value
     */
    public RateTrace run(DoubleUnaryOperator input, double durationMs) {
        return run(input, durationMs, DEFAULT_DT_MS);
    }

    /**
     * Runs the unit with a time-dependent input. The samples are at t = 0, h, 2h, …; if
     * {@code durationMs} is not a multiple of h the last step is shorter, so the trace ends at
     * exactly {@code durationMs}. I is evaluated at each step's midpoint.
     *
     * @param input I(t), t in ms; must return finite values
     * @param durationMs the duration in ms, finite and &gt; 0
     * @param dtMs the step h in ms, finite and &gt; 0
     * @return the trace r(t) from t = 0 to {@code durationMs}
     * @throws IllegalArgumentException if an argument is null, NaN, infinite or out of range, or
     *     {@code input} or f returns a NaN or infinite value
     */
    public RateTrace run(DoubleUnaryOperator input, double durationMs, double dtMs) {
        Checks.notNull("input", input, "pass the input as a function of time in ms, e.g. t -> t < 50 ? 1.0 : 0.0");
        Checks.positive("durationMs", durationMs, "the duration is in ms and must be finite and > 0, e.g. 100 (ms)");
        Checks.positive("dtMs", dtMs, "the time step is in ms and must be finite and > 0, e.g. 0.1 (ms)");
        double exactSteps = durationMs / dtMs;
        if (exactSteps > MAX_STEPS) {
            throw new IllegalArgumentException("durationMs / dtMs = " + durationMs + " / " + dtMs + " = " + exactSteps
                    + " steps is more than the " + MAX_STEPS + " a run records: use a larger dtMs or a shorter durationMs");
        }
        // A duration that is a multiple of dt up to rounding must not gain a sliver of a last step.
        int steps = Math.max(1, (int) Math.ceil(exactSteps * (1 - 1e-12)));
        double[] t = new double[steps + 1];
        double[] r = new double[steps + 1];
        double fullStepGain = -Math.expm1(-dtMs / tauMs);
        double rate = initialRate;
        r[0] = rate;
        for (int k = 0; k < steps; k++) {
            double start = gridTime(k, dtMs);
            double end = k == steps - 1 ? durationMs : gridTime(k + 1, dtMs);
            double h = end - start;
            double gain = k == steps - 1 ? -Math.expm1(-h / tauMs) : fullStepGain;
            double mid = start + 0.5 * h;
            double target = target(input.applyAsDouble(mid), mid);
            rate += (target - rate) * gain;
            t[k + 1] = end;
            r[k + 1] = rate;
        }
        return new RateTrace(t, r);
    }

    /**
     * Runs the unit with a piecewise-constant input: {@code inputs[k]} is held over
     * [k·h, (k+1)·h). Exact for any h. The trace has {@code inputs.length + 1} samples, at
     * t = 0, h, …, n·h.
     *
     * @param inputs the input on each step, finite, at least one
     * @param dtMs the step h in ms, finite and &gt; 0
     * @return the trace r(t) from t = 0 to n·h
     * @throws IllegalArgumentException if {@code inputs} is null, empty or holds a NaN or infinite
     *     value, if {@code dtMs} is out of range, or if f returns a NaN or infinite value
     */
    public RateTrace run(double[] inputs, double dtMs) {
        Checks.finiteArray("inputs", inputs, "every input must be a finite number");
        if (inputs.length == 0) {
            throw new IllegalArgumentException("inputs is empty: give the input on at least one step");
        }
        Checks.positive("dtMs", dtMs, "the time step is in ms and must be finite and > 0, e.g. 0.1 (ms)");
        int steps = inputs.length;
        double[] t = new double[steps + 1];
        double[] r = new double[steps + 1];
        double gain = -Math.expm1(-dtMs / tauMs);
        double rate = initialRate;
        r[0] = rate;
        for (int k = 0; k < steps; k++) {
            rate += (target(inputs[k], gridTime(k, dtMs)) - rate) * gain;
            t[k + 1] = gridTime(k + 1, dtMs);
            r[k + 1] = rate;
        }
        return new RateTrace(t, r);
    }

    /**
     * Time k·h. When h is 1/m for an integer m (0.1, 0.05, 0.025 ms …), k/m is computed instead,
     * so the times read as people write them (0.3, not 0.30000000000000004 from 3 × 0.1).
     */
    static double gridTime(int k, double dtMs) {
        double perMs = 1.0 / dtMs;
        double m = Math.rint(perMs);
        if (m >= 1 && Math.abs(perMs - m) <= 1e-9 * m) {
            return k / m;
        }
        return k * dtMs;
    }

    private double target(double input, double timeMs) {
        if (!Double.isFinite(input)) {
            throw new IllegalArgumentException("input(t = " + timeMs + " ms) = " + input
                    + " is not a finite number: the input function must return a finite value at every time of the run");
        }
        double target = activation.apply(input);
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("activation " + activation.name() + " gives f(" + input + ") = " + target
                    + " at t = " + timeMs + " ms: the rate would blow up; use an input in the range where f is finite");
        }
        return target;
    }

    /** A one-line summary, e.g. {@code "RateUnit: τ = 10 ms, f = sigmoid, r(0) = 0"}. */
    @Override
    public String toString() {
        return "RateUnit: τ = " + Checks.number(tauMs) + " ms, f = " + activation.name()
                + ", r(0) = " + Checks.number(initialRate);
    }
}
