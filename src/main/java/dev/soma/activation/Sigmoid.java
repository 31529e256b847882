package dev.soma.activation;

/**
 * The logistic sigmoid, the classic smooth "firing probability" of a unit:
 * <pre>
 *   σ(x)  = 1 / (1 + e^(−x))
 *   σ′(x) = σ(x)·σ(−x) = σ(x)·(1 − σ(x))
 * </pre>
 * Both are evaluated so that neither overflows nor loses relative accuracy in the tails
 * (σ(−40) ≈ 4.2·10⁻¹⁸ is returned to full precision, not rounded to 0 via 1 − σ(40)).
 *
 * <p>Get it as {@link ActivationFunctions#SIGMOID}.
 */
public final class Sigmoid extends NamedFunction {
    Sigmoid() {}

    /** The logistic function, computed from whichever side keeps e^(…) ≤ 1. */
    static double logistic(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** {@inheritDoc} Returns 1 / (1 + e^(−x)). */
    @Override
    public double apply(double x) {
        return logistic(x);
    }

    /** {@inheritDoc} Returns σ(x)·σ(−x). */
    @Override
    public double derivative(double x) {
        return logistic(x) * logistic(-x);
    }

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String formula() {
        return "f(x) = 1 / (1 + e^(−x))";
    }

    @Override
    public String latex() {
        return "f(x) = \\frac{1}{1 + e^{-x}}";
    }
}
