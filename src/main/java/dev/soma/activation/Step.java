package dev.soma.activation;

/**
 * The Heaviside step, the threshold unit of McCulloch–Pitts (1943) and Rosenblatt's perceptron
 * (1958): the unit is "on" once its summed input reaches the threshold (here 0; a bias moves it).
 * <pre>
 *   H(x) = 1  for x ≥ 0
 *   H(x) = 0  for x &lt; 0
 * </pre>
 * The value at 0 is a convention; this class uses H(0) = 1, so a neuron with weights w and
 * bias b fires exactly when w·x ≥ −b.
 *
 * <p><b>Derivative.</b> H′(x) = 0 for every x ≠ 0, and H has no derivative at 0: the jump's
 * "derivative" is the Dirac delta, which has no finite value. {@link #derivative(double)}
 * therefore returns {@code NaN} at x = 0, and {@link #hasDerivativeEverywhere()} is
 * {@code false}. This is why the perceptron cannot be trained by gradient descent, and why
 * smooth functions such as the sigmoid replaced it.
 *
 * <p>Get it as {@link ActivationFunctions#STEP}.
 */
public final class Step extends NamedFunction {
    Step() {}

    /** {@inheritDoc} Returns 1 for x ≥ 0, 0 for x &lt; 0, NaN for NaN. */
    @Override
    public double apply(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        return x >= 0 ? 1.0 : 0.0;
    }

    /** {@inheritDoc} Returns 0 for x ≠ 0 and {@code NaN} at x = 0, where the derivative does not exist. */
    @Override
    public double derivative(double x) {
        if (x == 0 || Double.isNaN(x)) {
            return Double.NaN;
        }
        return 0.0;
    }

    /** {@inheritDoc} {@code false}: H jumps at 0. */
    @Override
    public boolean hasDerivativeEverywhere() {
        return false;
    }

    @Override
    public String name() {
        return "step";
    }

    @Override
    public String formula() {
        return "f(x) = 1 for x ≥ 0, 0 for x < 0";
    }

    @Override
    public String latex() {
        return "f(x) = \\begin{cases} 1 & x \\ge 0 \\\\ 0 & x < 0 \\end{cases}";
    }
}
