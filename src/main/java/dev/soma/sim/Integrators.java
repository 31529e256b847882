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
 *   <tr><td>exponential Euler</td><td>yᵢ + (aᵢ + bᵢ yᵢ)(e^{bᵢh} − 1)/bᵢ with aᵢ, bᵢ of
 *       dyᵢ/dt = aᵢ + bᵢ yᵢ frozen at the step's start</td><td>1 (exact for linear equations)</td></tr>
 *   <tr><td>exponential midpoint</td><td>as above with aᵢ, bᵢ from a half-step prediction</td><td>2</td></tr>
 *   <tr><td>exact</td><td>y + M f(t, y), M = h φ₁(hA) for a linear system f = A y + c(t)</td>
 *       <td>exact for c constant over the step</td></tr>
 *   <tr><td>split Euler</td><td>V by two Euler half steps, then every other variable by one Euler
 *       step that sees the new V</td><td>1</td></tr>
 * </table>
 *
 * <p>Every method writes only into the arrays it is given and allocates nothing: scratch arrays
 * are passed in. The population stepper allocates them per neuron inside a loop the JIT compiles
 * with the model as a constant, which lets it keep them in registers.
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
                    factor = Math.expm1(bi * h) / bi;
                    memo[m] = bi;
                    memo[m + 1] = h;
                    memo[m + 2] = factor;
                }
                to[i] = x + (a[i] + bi * x) * factor;
            }
        }
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
     * of the step: {@code to = from + M f(t, from)}, {@code M} ({@link LinearPropagator}) row by row
     * in {@code n × n} row-major order; {@code f} is scratch.
     */
    public static void exact(Equations eq, int n, double[] m, double[] from, double t, double[] to, double[] f) {
        eq.derivatives(t, from, f);
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += m[row + j] * f[j];
            }
            to[i] = from[i] + s;
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
