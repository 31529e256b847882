package dev.soma.activation;

/** Gives every activation function the same notebook-friendly {@code toString}: its name and formula. */
abstract class NamedFunction implements ActivationFunction {

    /**
     * The name and formula, e.g. {@code "ReLU: f(x) = max(0, x)"}, which is what a notebook
     * shows as a cell's value.
     */
    @Override
    public String toString() {
        return name() + ": " + formula();
    }
}
