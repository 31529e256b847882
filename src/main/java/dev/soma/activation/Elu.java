package dev.soma.activation;

/**
 * The exponential linear unit (Clevert, Unterthiner &amp; Hochreiter 2015), which saturates
 * smoothly to −α for negative input:
 * <pre>
 *   f(x)  = x   for x &gt; 0,   α·(eˣ − 1) for x ≤ 0
 *   f′(x) = 1   for x &gt; 0,   α·eˣ       for x ≤ 0
 * </pre>
 * with α ≥ 0 (dimensionless; 1 by default). For α = 1 the derivative is continuous and f is
 * differentiable everywhere; for any other α there is a kink at 0, where
 * {@link #derivative(double)} returns the left derivative α (PyTorch's convention).
 *
 * <p>Get the default as {@link ActivationFunctions#ELU}, others with
 * {@link ActivationFunctions#elu(double)}.
 */
public final class Elu extends NamedFunction {
    private final double alpha;

    Elu(double alpha) {
        Checks.finite("alpha", alpha, "ELU's saturation value α must be a finite number ≥ 0, usually 1");
        if (alpha < 0) {
            throw new IllegalArgumentException("alpha = " + alpha
                    + " is negative: ELU's α must be ≥ 0 (f saturates at −α for large negative x); usually α = 1");
        }
        this.alpha = alpha;
    }

    /**
     * The saturation value α: f(x) → −α as x → −∞.
     *
     * @return α (dimensionless)
     */
    public double alpha() {
        return alpha;
    }

    /** {@inheritDoc} Returns x for x &gt; 0 and α·(eˣ − 1) for x ≤ 0. */
    @Override
    public double apply(double x) {
        return x > 0 ? x : alpha * Math.expm1(x);
    }

    /** {@inheritDoc} Returns 1 for x &gt; 0 and α·eˣ for x ≤ 0 (α at the kink x = 0 when α ≠ 1). */
    @Override
    public double derivative(double x) {
        return x > 0 ? 1.0 : alpha * Math.exp(x);
    }

    /** {@inheritDoc} {@code true} only for α = 1. */
    @Override
    public boolean hasDerivativeEverywhere() {
        return alpha == 1.0;
    }

    @Override
    public String name() {
        return "ELU";
    }

    @Override
    public String formula() {
        String a = alpha == 1.0 ? "" : Checks.number(alpha) + "·";
        return "f(x) = x for x > 0, " + a + "(eˣ − 1) for x ≤ 0";
    }

    @Override
    public String latex() {
        String a = alpha == 1.0 ? "" : Checks.number(alpha) + "\\,";
        return "f(x) = \\begin{cases} x & x > 0 \\\\ " + a + "(e^{x} - 1) & x \\le 0 \\end{cases}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Elu && Double.compare(((Elu) o).alpha, alpha) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(alpha) * 31 + 2;
    }
}
