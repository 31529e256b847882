package dev.soma.activation;

/**
 * The common base of Soma's activation functions: the same notebook-friendly {@code toString}, its
 * name and formula. Public because Java infers it as the type of mixed lists such as
 * {@code List.of(Activation.STEP, Activation.RELU)}, which a notebook cell must be able to name.
 */
public abstract class NamedFunction implements ActivationFunction {

    NamedFunction() {}

    /**
     * The name and formula, e.g. {@code "ReLU: f(x) = max(0, x)"}, which is what a notebook
     * shows as a cell's value.
     */
    @Override
    public String toString() {
        return name() + ": " + formula();
    }
}
