package dev.soma.activation;

/**
 * The hyperbolic tangent, a sigmoid centred on 0 with range (−1, 1):
 * <pre>
 *   f(x)  = tanh(x) = 2σ(2x) − 1
 *   f′(x) = 1 / cosh²(x) = 1 − tanh²(x)
 * </pre>
 * The derivative is computed as 1/cosh²(x), which keeps its relative accuracy in the tails where
 * 1 − tanh²(x) would round to 0.
 *
 * <p>Get it as {@link ActivationFunctions#TANH}.
 */
public final class Tanh extends NamedFunction {
    Tanh() {}

    /** {@inheritDoc} Returns tanh(x). */
    @Override
    public double apply(double x) {
        return Math.tanh(x);
    }

    /** {@inheritDoc} Returns 1 / cosh²(x). */
    @Override
    public double derivative(double x) {
        double c = Math.cosh(x);
        return 1.0 / (c * c);
    }

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String formula() {
        return "f(x) = tanh(x)";
    }

    @Override
    public String latex() {
        return "f(x) = \\tanh(x)";
    }
}
