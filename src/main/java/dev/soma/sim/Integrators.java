package dev.soma.sim;

/**
 * The fixed-step methods, as code shared by the single-neuron engine and the population stepper
 * of {@code dev.soma.network}: one step of one neuron's state vector, whatever the equations. A
 * method never knows which model it serves; it sees the equations through {@link Equations}.
 *
 * <table>
 *   <caption>Methods (y the state, f the right-hand side, h the step)</caption>
 *   <tr><th>method</th><th>one step</th><th>order</th></tr>
 *   <tr><td>Euler</td><td>y + h f(t, y)</td><td>1</td></tr>
 *   <tr><td>RK4</td><td>Butcher tableau c = (0, ½, ½, 1), b = (⅙, ⅓, ⅓, ⅙)</td><td>4</td></tr>
 *   <tr><td>exponential Euler</td><td>yᵢ + (aᵢ + bᵢ yᵢ)(e^{bᵢh} − 1)/bᵢ ({@link #expm1}) with aᵢ, bᵢ of
 *       dyᵢ/dt = aᵢ + bᵢ yᵢ frozen at the step's start</td><td>1 (exact for linear equations)</td></tr>
 *   <tr><td>exponential midpoint</td><td>as above with aᵢ, bᵢ from a half-step prediction</td><td>2</td></tr>
 *   <tr><td>exact</td><td>e^{hA} y + h φ₁(hA) c for a linear system f = A y + c(t)</td>
 *       <td>exact for c constant over the step</td></tr>
 *   <tr><td>split Euler</td><td>V by two Euler half steps, then every other variable by one Euler
 *       step that sees the new V</td><td>1</td></tr>
 * </table>
 *
 * <p>Every method writes only into the arrays it is given and allocates nothing: scratch arrays
 * are passed in (the engine and each population's step keep theirs for the whole run).
 */
public final class Integrators {
    private Integrators() {}

    /**
     * One neuron's equations as the methods see them: the model with whatever drives it (injected
     * current, synapses), and the refractory hold already applied (a held variable has derivative
     * 0 and a = b = 0).
     */
    public interface Equations {
        /** Writes dy/dt (per ms) at time {@code t} (ms) and state {@code y} into {@code dydt}. */
        void derivatives(double t, double[] y, double[] dydt);

        /** Writes the conditionally linear form dyᵢ/dt = aᵢ + bᵢ yᵢ at {@code t}, {@code y} into {@code a}, {@code b}. */
        void linearParts(double t, double[] y, double[] a, double[] b);
    }

    /** |dt·∂fᵢ/∂yᵢ| beyond which forward Euler no longer decays monotonically (at 2 it diverges). */
    private static final double EULER_LIMIT = 1.0;
    /** |dt·∂fᵢ/∂yᵢ| at which classical RK4 stops being stable on the negative real axis. */
    private static final double RK4_LIMIT = 2.78;

    /**
     * Rejects a step too large for the method's stability: each variable's own decay rate −∂fᵢ/∂yᵢ at
     * the state {@code y} (by a finite difference) times dt must stay below the method's limit on the
     * negative real axis. Variables that an exponential method integrates exactly are exempt, and
     * the exact method is stable for every step.
     *
     * @param where appended to the variable's name in the message (e.g. " of population E"), or ""
     * @throws IllegalArgumentException naming the variable, its time constant and the step to use
     */
    public static void checkStability(Equations eq, int n, double[] y, Method method, double dt, String[] names, String where) {
        if (method == Method.EXACT || method == Method.ADAPTIVE) {
            return;
        }
        boolean exponential = method == Method.EXPONENTIAL_EULER || method == Method.EXPONENTIAL_MIDPOINT;
        double limit = method == Method.RK4 ? RK4_LIMIT : EULER_LIMIT;
        double t = 0;
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        double[] tmp = new double[n];
        eq.derivatives(t, y, k1);
        eq.linearParts(t, y, a, b);
        for (int i = 0; i < n; i++) {
            if (exponential && b[i] != 0) {
                continue;
            }
            double delta = 1e-6 * Math.max(1, Math.abs(y[i]));
            System.arraycopy(y, 0, tmp, 0, n);
            tmp[i] += delta;
            eq.derivatives(t, tmp, k2);
            double rate = -(k2[i] - k1[i]) / delta;
            if (rate * dt > limit) {
                double tau = 1 / rate;
                String how = method == Method.RK4 ? "RK4 is unstable for steps beyond 2.78 time constants"
                        : "forward Euler steps longer than that make it oscillate around its steady state (and diverge beyond twice that)";
                String within = exponential ? " (its equation is not conditionally linear, so " + method.label()
                        + " integrates it by forward Euler)" : "";
                String alternative = !exponential && b[i] != 0 ? ", or Method.EXPONENTIAL_EULER, which integrates its linear decay exactly"
                        : method == Method.RK4 ? "" : ", or Method.RK4";
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "dt = %.4g ms is too large for %s: %s%s%s relaxes with a time constant of %.4g ms at the start, and %s. "
                                + "Use dt ≤ %.4g ms (a tenth of that time constant)%s.",
                        dt, method.label(), names[i], where, within, tau, how, tau / 10, alternative));
            }
        }
    }

    /** Forward Euler: {@code to = from + h f(t, from)}; {@code k} is scratch. */
    public static void euler(Equations eq, int n, double[] from, double t, double h, double[] to, double[] k) {
        eq.derivatives(t, from, k);
        for (int i = 0; i < n; i++) {
            to[i] = from[i] + h * k[i];
        }
    }

    /** Classical fourth-order Runge–Kutta; {@code k1..k4}, {@code tmp} are scratch. */
    public static void rk4(Equations eq, int n, double[] from, double t, double h, double[] to,
                           double[] k1, double[] k2, double[] k3, double[] k4, double[] tmp) {
        double half = 0.5 * h;
        eq.derivatives(t, from, k1);
        for (int i = 0; i < n; i++) tmp[i] = from[i] + half * k1[i];
        eq.derivatives(t + half, tmp, k2);
        for (int i = 0; i < n; i++) tmp[i] = from[i] + half * k2[i];
        eq.derivatives(t + half, tmp, k3);
        for (int i = 0; i < n; i++) tmp[i] = from[i] + h * k3[i];
        eq.derivatives(t + h, tmp, k4);
        double sixth = h / 6.0;
        for (int i = 0; i < n; i++) {
            to[i] = from[i] + sixth * (k1[i] + 2.0 * (k2[i] + k3[i]) + k4[i]);
        }
    }

    /**
     * Exponential Euler from {@code from}, with the linear parts taken at {@code coefficientsAt}
     * (the same array for exponential Euler, a predicted state for the midpoint method). The factor
     * (e^{bh} − 1)/b is remembered per variable in {@code memo} (layout: b, h, factor for each
     * variable; 3n entries, NaN to start): a population whose neurons share a time constant
     * computes it once, with the same result bit for bit.
     */
    public static void exponentialStep(Equations eq, int n, double[] coefficientsAt, double[] from, double t, double h,
                                       double[] to, double[] a, double[] b, double[] memo) {
        eq.linearParts(t, coefficientsAt, a, b);
        for (int i = 0; i < n; i++) {
            double bi = b[i];
            double x = from[i];
            if (bi == 0.0) {
                to[i] = x + h * a[i];
            } else {
                // x(h) = x + (a + b x) (e^{bh} − 1)/b : exact for dx/dt = a + b x with a, b frozen
                double factor;
                int m = 3 * i;
                if (memo[m] == bi && memo[m + 1] == h) {
                    factor = memo[m + 2];
                } else {
                    factor = expm1(bi * h) / bi;
                    memo[m] = bi;
                    memo[m + 1] = h;
                    memo[m + 2] = factor;
                }
                to[i] = x + (a[i] + bi * x) * factor;
            }
        }
    }

    private static final double[] EXPM1 = {
        1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880, 1.0 / 3628800,
        1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800.0};

    /**
     * e^z − 1 to within 2 ulp of {@link Math#expm1} (tested), at the cost of an exponential: for
     * |z| ≤ 0.35 its Taylor series to z¹³ (truncation below 2·10⁻¹⁶ relative), beyond that
     * e^z − 1, whose subtraction then loses at most two bits. {@code Math.expm1} is not a JIT
     * intrinsic and costs several exponentials; a population's exponential-Euler step calls this
     * once per variable and neuron.
     */
    public static double expm1(double z) {
        if (!(Math.abs(z) <= 0.35)) {
            return Math.exp(z) - 1.0;
        }
        final double[] c = EXPM1;
        double p = c[11];
        p = c[10] + z * p;
        p = c[9] + z * p;
        p = c[8] + z * p;
        p = c[7] + z * p;
        p = c[6] + z * p;
        p = c[5] + z * p;
        p = c[4] + z * p;
        p = c[3] + z * p;
        p = c[2] + z * p;
        p = c[1] + z * p;
        p = c[0] + z * p;
        return z + z * z * p;
    }

    /** Exponential Euler: {@link #exponentialStep} with the coefficients at the start of the step. */
    public static void exponentialEuler(Equations eq, int n, double[] from, double t, double h, double[] to,
                                        double[] a, double[] b, double[] memo) {
        exponentialStep(eq, n, from, from, t, h, to, a, b, memo);
    }

    /** Exponential midpoint: the coefficients from an exponential-Euler half step into {@code mid} (scratch). */
    public static void exponentialMidpoint(Equations eq, int n, double[] from, double t, double h, double[] to,
                                           double[] a, double[] b, double[] memo, double[] mid) {
        exponentialStep(eq, n, from, from, t, 0.5 * h, mid, a, b, memo);
        exponentialStep(eq, n, mid, from, t + 0.5 * h, h, to, a, b, memo);
    }

    /**
     * The exact step of a linear system f(t, y) = A y + c(t) with c held at its value at the start
     * of the step: {@code to = P from + Q c}, c = f(t, 0) ({@link LinearPropagator}; P and Q
     * n × n, row-major). {@code zero} must hold zeros (it is read, not written); {@code c} is
     * scratch. Each component is summed from 0 over P's row, then Q's.
     */
    public static void exact(Equations eq, int n, double[] p, double[] q, double[] from, double t, double[] to,
                             double[] zero, double[] c) {
        eq.derivatives(t, zero, c);
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += p[row + j] * from[j];
            }
            for (int j = 0; j < n; j++) {
                s += q[row + j] * c[j];
            }
            to[i] = s;
        }
    }

    /**
     * Split Euler, the scheme of Izhikevich's (2003) network code: variable {@code v} advances by
     * two Euler half steps with the others frozen, then every other variable by one Euler step
     * that sees the new {@code v}. {@code k} is scratch.
     */
    public static void splitEuler(Equations eq, int n, int v, double[] from, double t, double h, double[] to, double[] k) {
        for (int i = 0; i < n; i++) {
            to[i] = from[i];
        }
        double half = 0.5 * h;
        eq.derivatives(t, to, k);
        to[v] += half * k[v];
        eq.derivatives(t + half, to, k);
        to[v] += half * k[v];
        eq.derivatives(t, to, k);
        for (int i = 0; i < n; i++) {
            if (i != v) {
                to[i] = from[i] + h * k[i];
            }
        }
    }
}
