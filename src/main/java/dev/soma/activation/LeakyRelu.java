package dev.soma.activation;

/**
 * The leaky ReLU (Maas, Hannun &amp; Ng 2013), which lets a small gradient through for negative
 * input so a unit cannot "die":
 * <pre>
 *   f(x)  = x    for x ≥ 0,   a·x for x &lt; 0
 *   f′(x) = 1    for x &gt; 0,   a   for x ≤ 0
 * </pre>
 * with slope a (dimensionless; 0.01 by default, as in PyTorch). a = 0 is the ReLU, a = 1 the
 * identity; any finite a is accepted (a learned PReLU slope can be anything), but only a ≥ 0
 * keeps f non-decreasing (a = −1 gives |x|). For a ≠ 1 there is a kink at 0; {@link #derivative(double)} returns the left
 * derivative a there (PyTorch's convention, and the same rule as {@link Relu}).
 *
 * <p>Create it with {@link ActivationFunctions#leakyRelu(double)}.
 */
public final class LeakyRelu extends NamedFunction {
    private final double slope;

    LeakyRelu(double slope) {
        this.slope = Checks.finite("slope", slope,
                "the leaky ReLU's negative-side slope must be a finite number, typically 0.01 to 0.3");
    }

    /**
     * The slope a for negative input.
     *
     * @return a (dimensionless)
     */
    public double slope() {
        return slope;
    }

    /** {@inheritDoc} Returns x for x ≥ 0, a·x for x &lt; 0. */
    @Override
    public double apply(double x) {
        return x >= 0 ? x : slope * x;
    }

    /** {@inheritDoc} Returns 1 for x &gt; 0 and a for x ≤ 0 (by convention at the kink x = 0). */
    @Override
    public double derivative(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        return x > 0 ? 1.0 : slope;
    }

    /** {@inheritDoc} {@code true} only for slope 1, where the kink at 0 disappears. */
    @Override
    public boolean hasDerivativeEverywhere() {
        return slope == 1.0;
    }

    @Override
    public String name() {
        return "leaky ReLU";
    }

    @Override
    public String formula() {
        return "f(x) = x for x ≥ 0, " + Checks.number(slope) + "·x for x < 0";
    }

    @Override
    public String latex() {
        return "f(x) = \\begin{cases} x & x \\ge 0 \\\\ " + Checks.number(slope) + "\\,x & x < 0 \\end{cases}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeakyRelu && Double.compare(((LeakyRelu) o).slope, slope) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(slope) * 31 + 1;
    }
}
