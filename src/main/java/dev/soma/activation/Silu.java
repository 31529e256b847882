package dev.soma.activation;

/**
 * The sigmoid-weighted linear unit, SiLU (Elfwing, Uchibe &amp; Doya 2017), also called swish
 * with β = 1 (Ramachandran et al. 2017):
 * <pre>
 *   f(x)  = x·σ(x) = x / (1 + e^(−x))
 *   f′(x) = σ(x)·[1 + x·σ(−x)]
 * </pre>
 * Like GELU it is smooth and not monotonic: it dips to a minimum of about −0.28 near x ≈ −1.28.
 *
 * <p>Get it as {@link ActivationFunctions#SILU}.
 */
public final class Silu extends NamedFunction {
    Silu() {}

    /** {@inheritDoc} Returns x·σ(x). */
    @Override
    public double apply(double x) {
        if (x == Double.NEGATIVE_INFINITY) {
            return 0.0;
        }
        return x * Sigmoid.logistic(x);
    }

    /** {@inheritDoc} Returns σ(x)·[1 + x·σ(−x)]. */
    @Override
    public double derivative(double x) {
        if (Double.isInfinite(x)) {
            return x > 0 ? 1.0 : 0.0;
        }
        return Sigmoid.logistic(x) * (1.0 + x * Sigmoid.logistic(-x));
    }

    @Override
    public String name() {
        return "SiLU";
    }

    @Override
    public String formula() {
        return "f(x) = x / (1 + e^(−x))";
    }

    @Override
    public String latex() {
        return "f(x) = \\frac{x}{1 + e^{-x}}";
    }
}
