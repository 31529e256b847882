package dev.soma.activation;

/**
 * The identity, f(x) = x, f′(x) = 1: a linear neuron, whose output is its weighted input sum.
 * Get it as {@link ActivationFunctions#IDENTITY}.
 */
public final class Identity extends NamedFunction {
    Identity() {}

    /** {@inheritDoc} Returns x. */
    @Override
    public double apply(double x) {
        return x;
    }

    /** {@inheritDoc} Returns 1 (NaN for NaN). */
    @Override
    public double derivative(double x) {
        return Double.isNaN(x) ? Double.NaN : 1.0;
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public String formula() {
        return "f(x) = x";
    }

    @Override
    public String latex() {
        return "f(x) = x";
    }
}
