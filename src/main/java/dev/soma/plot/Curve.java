package dev.soma.plot;

import dev.soma.activation.ActivationFunction;
import java.util.function.DoubleUnaryOperator;

/**
 * A named function with its derivative, as the activation figures draw it: an activation function
 * f(x) of a dimensionless net input x, and f′(x).
 *
 * @param name       the legend and panel title, e.g. {@code "ReLU"}
 * @param formula    the formula shown in the legend, e.g. {@code "f(x) = max(0, x)"}, or null for plain "f(x)"
 * @param function   f(x)
 * @param derivative f′(x); where it is undefined (a step's jump) it may return NaN, which leaves a gap
 */
public record Curve(String name, String formula, DoubleUnaryOperator function, DoubleUnaryOperator derivative) {

    public Curve {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name = \"" + name + "\" is blank; give the function's name, e.g. \"sigmoid\"");
        }
        if (function == null) {
            throw new IllegalArgumentException("function = null for \"" + name + "\"; pass f, e.g. x -> Math.max(0, x)");
        }
        if (derivative == null) {
            throw new IllegalArgumentException("derivative = null for \"" + name + "\"; pass f′, e.g. x -> x > 0 ? 1 : 0");
        }
    }

    /** A curve without a formula: the legend says "f(x)". */
    public Curve(String name, DoubleUnaryOperator function, DoubleUnaryOperator derivative) {
        this(name, null, function, derivative);
    }

    /** Shorthand for {@code new Curve(name, function, derivative)}. */
    public static Curve of(String name, DoubleUnaryOperator function, DoubleUnaryOperator derivative) {
        return new Curve(name, null, function, derivative);
    }

    /** The curve of one of Soma's activation functions, with its name and formula. */
    public static Curve of(ActivationFunction f) {
        if (f == null) {
            throw new IllegalArgumentException("f = null; pass an activation function, e.g. Activation.RELU");
        }
        return new Curve(f.name(), f.formula(), f::apply, f::derivative);
    }
}
