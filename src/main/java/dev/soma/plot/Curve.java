package dev.soma.plot;

import java.util.function.DoubleUnaryOperator;

/**
 * A named function with its derivative, as the activation figures draw it: an activation function
 * f(x) of a dimensionless net input x, and f′(x).
 *
 * @param name       the legend and panel title, e.g. {@code "ReLU"}
 * @param function   f(x)
 * @param derivative f′(x); where it is undefined (a step's jump) it may return NaN, which leaves a gap
 */
public record Curve(String name, DoubleUnaryOperator function, DoubleUnaryOperator derivative) {

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

    /** Shorthand for {@code new Curve(name, function, derivative)}. */
    public static Curve of(String name, DoubleUnaryOperator function, DoubleUnaryOperator derivative) {
        return new Curve(name, function, derivative);
    }
}
