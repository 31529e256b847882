package dev.soma.activation;

/**
 * A scalar activation function y = f(x) together with its derivative f′(x), the nonlinearity of
 * an artificial neuron: the neuron computes f(w·x + b).
 *
 * <p>Implementations are immutable, thread-safe, and map a real number to a real number without
 * checking it: {@code NaN} gives {@code NaN}, and ±∞ give the function's limits, so a curve can be
 * sampled freely for a plot. The input x is dimensionless here (in a neuron it is the
 * pre-activation, in the units of the weighted inputs).
 *
 * <p>Where f has a kink or a jump, {@link #hasDerivativeEverywhere()} is {@code false}, and the
 * class documents what {@link #derivative(double)} returns there.
 *
 * <p>Get the standard functions from {@link ActivationFunctions} (or {@code dev.soma.Activation}
 * in a notebook).
 */
public interface ActivationFunction {

    /**
     * Evaluates the function.
     *
     * @param x the pre-activation
     * @return f(x)
     */
    double apply(double x);

    /**
     * Evaluates the derivative df/dx. At a point where f is not differentiable, returns the
     * convention documented by the implementing class ({@code NaN} where no value is meaningful).
     *
     * @param x the pre-activation
     * @return f′(x)
     */
    double derivative(double x);

    /**
     * A short human-readable name, such as {@code "ReLU"} or {@code "leaky ReLU"}; accepted by
     * {@link ActivationFunctions#byName(String)}.
     *
     * @return the name
     */
    String name();

    /**
     * The defining formula in plain text with Unicode symbols, with parameter values filled in,
     * for plot titles and legends, e.g. {@code "f(x) = max(0, x)"}.
     *
     * @return the formula in plain text
     */
    String formula();

    /**
     * The defining formula in LaTeX (without surrounding dollar signs), for Markdown cells,
     * e.g. {@code "f(x) = \\max(0, x)"}.
     *
     * @return the formula in LaTeX
     */
    String latex();

    /**
     * Whether f′(x) exists at every real x. {@code false} for functions with a jump (the step)
     * or a kink (ReLU at 0); {@link #derivative(double)} then returns a documented convention at
     * those points.
     *
     * @return {@code true} if f is differentiable on the whole real line
     */
    default boolean hasDerivativeEverywhere() {
        return true;
    }

    /**
     * Applies f to every element, into a new array; {@code xs} is not modified.
     *
     * @param xs the pre-activations
     * @return a new array with {@code f(xs[i])} at index i
     * @throws IllegalArgumentException if {@code xs} is null
     */
    default double[] apply(double[] xs) {
        if (xs == null) {
            throw new IllegalArgumentException("xs is null: pass an array of pre-activations, e.g. new double[] {-1, 0, 1}");
        }
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = apply(xs[i]);
        }
        return ys;
    }

    /**
     * Evaluates f′ at every element, into a new array; {@code xs} is not modified.
     *
     * @param xs the pre-activations
     * @return a new array with {@code f′(xs[i])} at index i
     * @throws IllegalArgumentException if {@code xs} is null
     */
    default double[] derivative(double[] xs) {
        if (xs == null) {
            throw new IllegalArgumentException("xs is null: pass an array of pre-activations, e.g. new double[] {-1, 0, 1}");
        }
        double[] ds = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ds[i] = derivative(xs[i]);
        }
        return ds;
    }
}
