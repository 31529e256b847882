package dev.soma.activation;

/**
 * The rectified linear unit (Nair &amp; Hinton 2010; Glorot, Bordes &amp; Bengio 2011):
 * <pre>
 *   f(x)  = max(0, x)
 *   f′(x) = 1 for x &gt; 0,  0 for x ≤ 0
 * </pre>
 * ReLU has a kink at 0, where it has no derivative (left derivative 0, right derivative 1).
 * {@link #derivative(double)} returns 0 there, the left derivative, which is the convention of
 * PyTorch and TensorFlow; {@link #hasDerivativeEverywhere()} is {@code false}.
 *
 * <p>Get it as {@link ActivationFunctions#RELU}.
 */
public final class Relu extends NamedFunction {
    Relu() {}

    /** {@inheritDoc} Returns max(0, x). */
    @Override
    public double apply(double x) {
        return Math.max(0.0, x);
    }

    /** {@inheritDoc} Returns 1 for x &gt; 0 and 0 for x ≤ 0 (by convention at the kink x = 0). */
    @Override
    public double derivative(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        return x > 0 ? 1.0 : 0.0;
    }

    /** {@inheritDoc} {@code false}: ReLU has a kink at 0. */
    @Override
    public boolean hasDerivativeEverywhere() {
        return false;
    }

    @Override
    public String name() {
        return "ReLU";
    }

    @Override
    public String formula() {
        return "f(x) = max(0, x)";
    }

    @Override
    public String latex() {
        return "f(x) = \\max(0, x)";
    }
}
