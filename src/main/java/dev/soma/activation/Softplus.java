package dev.soma.activation;

/**
 * The softplus, a smooth ReLU (Dugas et al. 2001), with sharpness β &gt; 0:
 * <pre>
 *   f(x)  = (1/β)·ln(1 + e^(β·x))
 *   f′(x) = σ(β·x) = 1 / (1 + e^(−β·x))
 * </pre>
 * As β → ∞ it tends to max(0, x). It is also the shape that noise gives a neuron's f–I curve
 * near threshold, which is why it appears in rate models of real neurons. Evaluated as
 * max(βx, 0) + ln(1 + e^(−|βx|)), which neither overflows nor loses digits for large |x|.
 *
 * <p>Get the default (β = 1) as {@link ActivationFunctions#SOFTPLUS}, others with
 * {@link ActivationFunctions#softplus(double)}.
 */
public final class Softplus extends NamedFunction {
    private final double beta;

    Softplus(double beta) {
        this.beta = Checks.positive("beta", beta,
                "softplus's sharpness β must be finite and > 0; β = 1 is the standard softplus, larger β is closer to ReLU");
    }

    /**
     * The sharpness β.
     *
     * @return β (in units of 1/x)
     */
    public double beta() {
        return beta;
    }

    /** {@inheritDoc} Returns (1/β)·ln(1 + e^(β·x)). */
    @Override
    public double apply(double x) {
        double z = beta * x;
        return (Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)))) / beta;
    }

    /** {@inheritDoc} Returns σ(β·x). */
    @Override
    public double derivative(double x) {
        return Sigmoid.logistic(beta * x);
    }

    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public String formula() {
        if (beta == 1.0) {
            return "f(x) = ln(1 + eˣ)";
        }
        String b = Checks.number(beta);
        return "f(x) = ln(1 + e^(" + b + "·x)) / " + b;
    }

    @Override
    public String latex() {
        if (beta == 1.0) {
            return "f(x) = \\ln(1 + e^{x})";
        }
        String b = Checks.number(beta);
        return "f(x) = \\frac{1}{" + b + "} \\ln(1 + e^{" + b + "x})";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Softplus && Double.compare(((Softplus) o).beta, beta) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(beta) * 31 + 3;
    }
}
