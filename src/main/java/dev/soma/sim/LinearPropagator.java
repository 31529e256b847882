package dev.soma.sim;

import java.util.Arrays;
import java.util.Locale;

/**
 * The exact step of a linear system dy/dt = A y + c: y(t + h) = P y + Q c with P = e^{hA} and
 * Q = h φ₁(hA) = ∫₀ʰ e^{As} ds, c = f(t, 0) the equations at the zero state (the constant part:
 * leak reversal, injected current). Used by {@link Method#EXACT}: for a leaky integrate-and-fire
 * neuron with current-based synapses it is the propagator Brian2 calls {@code exact} and NEST uses
 * for {@code iaf_psc_exp}, and it is exact for any step as long as c is constant over it.
 *
 * <p>A is read from the equations themselves, column by column: f(y₀ + s eⱼ) − f(y₀) = s Aⱼ for a
 * large power of two s, which keeps rounding at the level of one ulp of A. The same differences at
 * 2s tell a linear system from one that is not: a nonlinear model is refused by name.
 * P and Q are the two top blocks of exp([[hA, hI], [0, 0]]), computed by scaling and squaring of a
 * Taylor series whose truncation error is below 1e-20.
 */
public final class LinearPropagator {
    private LinearPropagator() {}

    /** The scale of the finite differences: large enough that the constant part does not round A. */
    private static final double SCALE = 0x1p20;

    /**
     * The system matrix A of {@code eq} (n × n, row-major) at time {@code t}, read from its
     * derivatives around the state {@code probe}.
     *
     * @param what names the equations in the message when they are not linear
     * @throws IllegalArgumentException when f is not affine in some variable (the message names it)
     */
    public static double[] matrix(Integrators.Equations eq, int n, double t, double[] probe, String[] names, String what) {
        double[] a = new double[n * n];
        double[] f0 = new double[n];
        double[] f1 = new double[n];
        double[] f2 = new double[n];
        double[] y = probe.clone();
        eq.derivatives(t, y, f0);
        for (int j = 0; j < n; j++) {
            double step = SCALE * Math.max(1.0, Math.abs(probe[j]));
            y[j] = probe[j] + step;
            eq.derivatives(t, y, f1);
            y[j] = probe[j] + 2 * step;
            eq.derivatives(t, y, f2);
            y[j] = probe[j];
            for (int i = 0; i < n; i++) {
                double first = (f1[i] - f0[i]) / step;
                double second = (f2[i] - f1[i]) / step;
                if (!Double.isFinite(first) || Math.abs(first - second) > 1e-9 * (Math.abs(first) + Math.abs(second)) + 1e-300) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "method = exact needs linear equations, but d%s/dt of %s is not linear in %s "
                                    + "(its slope changes from %.6g to %.6g); use exponential-euler or rk4",
                            names[i], what, names[j], first, second));
                }
                a[i * n + j] = first;
            }
        }
        return a;
    }

    /** {P, Q} = {e^{hA}, h φ₁(hA)} (each n × n, row-major) for the matrix {@code a} of {@link #matrix}. */
    public static double[][] propagator(double[] a, int n, double h) {
        int m = 2 * n;
        double[] big = new double[m * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                big[i * m + j] = h * a[i * n + j];
            }
            big[i * m + n + i] = h;
        }
        double[] e = exp(big, m);
        double[] p = new double[n * n];
        double[] q = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(e, i * m, p, i * n, n);
            System.arraycopy(e, i * m + n, q, i * n, n);
        }
        return new double[][] {p, q};
    }

    /**
     * The propagator {P, Q} while variable {@code v} is held (its row of A zero, its value kept):
     * when no other variable depends on {@code v} (column {@code v} of A zero off the diagonal),
     * that is {@code free} with row {@code v} of P the unit row and of Q zero, exactly; otherwise
     * it is computed from the held matrix.
     */
    public static double[][] heldPropagator(double[] a, double[][] free, int n, int v, double h) {
        boolean independent = true;
        for (int i = 0; i < n; i++) {
            if (i != v && a[i * n + v] != 0.0) {
                independent = false;
                break;
            }
        }
        double[][] held;
        if (independent) {
            held = new double[][] {free[0].clone(), free[1].clone()};
        } else {
            double[] heldA = a.clone();
            Arrays.fill(heldA, v * n, v * n + n, 0.0);
            held = propagator(heldA, n, h);
        }
        Arrays.fill(held[0], v * n, v * n + n, 0.0);
        held[0][v * n + v] = 1.0;
        Arrays.fill(held[1], v * n, v * n + n, 0.0);
        return held;
    }

    /** e^X of an m × m matrix: X scaled by 2^-s to a norm ≤ 1/4, a Taylor series of 20 terms, s squarings. */
    static double[] exp(double[] x, int m) {
        double norm = 0;
        for (int i = 0; i < m; i++) {
            double row = 0;
            for (int j = 0; j < m; j++) {
                row += Math.abs(x[i * m + j]);
            }
            norm = Math.max(norm, row);
        }
        int s = 0;
        while (norm > 0.25 && s < 1000) {
            norm *= 0.5;
            s++;
        }
        double scale = Math.scalb(1.0, -s);
        double[] a = new double[m * m];
        for (int i = 0; i < a.length; i++) {
            a[i] = x[i] * scale;
        }
        double[] sum = identity(m);
        double[] term = identity(m);
        for (int k = 1; k <= 20; k++) {
            term = multiply(term, a, m);
            double inv = 1.0 / k;
            for (int i = 0; i < term.length; i++) {
                term[i] *= inv;
                sum[i] += term[i];
            }
        }
        for (int k = 0; k < s; k++) {
            sum = multiply(sum, sum, m);
        }
        return sum;
    }

    private static double[] identity(int m) {
        double[] id = new double[m * m];
        for (int i = 0; i < m; i++) {
            id[i * m + i] = 1.0;
        }
        return id;
    }

    private static double[] multiply(double[] p, double[] q, int m) {
        double[] r = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < m; k++) {
                double pik = p[i * m + k];
                if (pik == 0.0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    r[i * m + j] += pik * q[k * m + j];
                }
            }
        }
        return r;
    }
}
