package dev.soma.activation;

import org.hipparchus.special.Erf;

/**
 * The Gaussian error linear unit (Hendrycks &amp; Gimpel 2016), in its exact erf form (not the
 * tanh approximation):
 * <pre>
 *   f(x)  = x·Φ(x),          Φ(x) = ½·[1 + erf(x/√2)] = ½·erfc(−x/√2)
 *   f′(x) = Φ(x) + x·φ(x),   φ(x) = e^(−x²/2) / √(2π)
 * </pre>
 * Φ is the standard normal distribution function, evaluated through the complementary error
 * function of Hipparchus, which keeps full relative accuracy in the negative tail where
 * 1 + erf(…) would cancel. GELU is not monotonic: it dips to a minimum of about −0.17 near
 * x ≈ −0.75.
 *
 * <p>Get it as {@link ActivationFunctions#GELU}.
 */
public final class Gelu extends NamedFunction {
    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    Gelu() {}

    /** Φ(x), the standard normal cumulative distribution function. */
    static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x * INV_SQRT2);
    }

    /** {@inheritDoc} Returns x·Φ(x). */
    @Override
    public double apply(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return 0.0;
        }
        return x * normalCdf(x);
    }

    /** {@inheritDoc} Returns Φ(x) + x·φ(x). */
    @Override
    public double derivative(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? 1.0 : 0.0;
        }
        return normalCdf(x) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    @Override
    public String name() {
        return "GELU";
    }

    @Override
    public String formula() {
        return "f(x) = x·Φ(x),  Φ(x) = ½·[1 + erf(x/√2)]";
    }

    @Override
    public String latex() {
        return "f(x) = x\\,\\Phi(x) = \\frac{x}{2}\\left[1 + \\operatorname{erf}\\left(\\frac{x}{\\sqrt{2}}\\right)\\right]";
    }
}
