package dev.soma.activation;

import java.util.function.DoubleUnaryOperator;

/** Numerical derivatives for checking analytic ones. */
final class FiniteDifference {
    private FiniteDifference() {}

    /**
     * Central difference with one Richardson extrapolation, error O(h⁴): with h = 1e-3 the
     * truncation error is about 1e-12·|f⁽⁵⁾| and the rounding error about 1e-13·|f|.
     */
    static double derivative(DoubleUnaryOperator f, double x) {
        double h = 1e-3;
        double coarse = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
        double fine = (f.applyAsDouble(x + h / 2) - f.applyAsDouble(x - h / 2)) / h;
        return (4 * fine - coarse) / 3;
    }

    /** Points from −8 to 8, none exactly on a round number, plus tails. */
    static double[] grid() {
        double[] xs = new double[170];
        for (int i = 0; i < 160; i++) {
            xs[i] = -8.0 + i * 0.1 + 0.0137;
        }
        double[] tails = {-30, -20, -12.5, -10, 10, 12.5, 20, 30, 0.5, -0.5};
        System.arraycopy(tails, 0, xs, 160, tails.length);
        return xs;
    }
}
