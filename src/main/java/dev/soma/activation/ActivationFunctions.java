package dev.soma.activation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalogue of activation functions: constants for the parameter-free ones and for the
 * defaults of the parameterized ones, factories for the rest, and look-up by name. Notebooks
 * reach the same members through {@code dev.soma.Activation}.
 */
public final class ActivationFunctions {
    private ActivationFunctions() {}

    /** Default slope of {@link #LEAKY_RELU}: 0.01, as in PyTorch and TensorFlow. */
    public static final double DEFAULT_LEAKY_SLOPE = 0.01;

    /** f(x) = x. */
    public static final Identity IDENTITY = new Identity();
    /** Heaviside step, H(0) = 1; no derivative at 0 (see {@link Step}). */
    public static final Step STEP = new Step();
    /** Logistic sigmoid, 1 / (1 + e^(−x)). */
    public static final Sigmoid SIGMOID = new Sigmoid();
    /** Hyperbolic tangent. */
    public static final Tanh TANH = new Tanh();
    /** max(0, x); derivative 0 at the kink (see {@link Relu}). */
    public static final Relu RELU = new Relu();
    /** Leaky ReLU with slope {@value #DEFAULT_LEAKY_SLOPE}. */
    public static final LeakyRelu LEAKY_RELU = new LeakyRelu(DEFAULT_LEAKY_SLOPE);
    /** ELU with α = 1. */
    public static final Elu ELU = new Elu(1.0);
    /** Softplus with β = 1, ln(1 + eˣ). */
    public static final Softplus SOFTPLUS = new Softplus(1.0);
    /** GELU, x·Φ(x), exact erf form. */
    public static final Gelu GELU = new Gelu();
    /** SiLU (swish), x·σ(x). */
    public static final Silu SILU = new Silu();

    private static final List<ActivationFunction> ALL = List.of(
            IDENTITY, STEP, SIGMOID, TANH, RELU, LEAKY_RELU, ELU, SOFTPLUS, GELU, SILU);

    /** Normalized name or alias → function; insertion order is the teaching order. */
    private static final Map<String, ActivationFunction> BY_NAME = new LinkedHashMap<>();

    static {
        for (ActivationFunction f : ALL) {
            BY_NAME.put(normalize(f.name()), f);
        }
        BY_NAME.put("linear", IDENTITY);
        BY_NAME.put("heaviside", STEP);
        BY_NAME.put("logistic", SIGMOID);
        BY_NAME.put("swish", SILU);
    }

    /**
     * A leaky ReLU with the given slope for negative input (see {@link LeakyRelu}).
     *
     * @param slope the slope a for x &lt; 0, dimensionless and finite (typically 0.01 to 0.3)
     * @return f(x) = x for x ≥ 0, a·x for x &lt; 0
     * @throws IllegalArgumentException if {@code slope} is NaN or infinite
     */
    public static LeakyRelu leakyRelu(double slope) {
        return new LeakyRelu(slope);
    }

    /**
     * An ELU with the given saturation value (see {@link Elu}).
     *
     * @param alpha α ≥ 0, dimensionless; f(x) → −α as x → −∞
     * @return f(x) = x for x &gt; 0, α·(eˣ − 1) for x ≤ 0
     * @throws IllegalArgumentException if {@code alpha} is negative, NaN or infinite
     */
    public static Elu elu(double alpha) {
        return new Elu(alpha);
    }

    /**
     * A softplus with the given sharpness (see {@link Softplus}).
     *
     * @param beta β &gt; 0; larger β is closer to ReLU
     * @return f(x) = (1/β)·ln(1 + e^(β·x))
     * @throws IllegalArgumentException if {@code beta} is not finite and positive
     */
    public static Softplus softplus(double beta) {
        return new Softplus(beta);
    }

    /**
     * Every standard function, parameterized ones at their defaults, in teaching order: identity,
     * step, sigmoid, tanh, ReLU, leaky ReLU, ELU, softplus, GELU, SiLU (roughly the order in
     * which they entered the field). For a gallery of plots.
     *
     * @return an unmodifiable list
     */
    public static List<ActivationFunction> all() {
        return ALL;
    }

    /**
     * Looks a function up by name, ignoring case, spaces, hyphens and underscores; the
     * parameterized ones come at their defaults. Accepted: the {@link ActivationFunction#name()}
     * of every member of {@link #all()} (e.g. {@code "relu"}, {@code "leaky_relu"}) and the aliases
     * {@code "linear"}, {@code "heaviside"}, {@code "logistic"}, {@code "swish"}.
     *
     * @param name the name
     * @return the function
     * @throws IllegalArgumentException if the name is null or unknown; the message lists the valid names
     */
    public static ActivationFunction byName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name is null: pass one of " + validNames());
        }
        ActivationFunction f = BY_NAME.get(normalize(name));
        if (f == null) {
            throw new IllegalArgumentException("name = \"" + name + "\" is not a known activation function: use one of "
                    + validNames());
        }
        return f;
    }

    /**
     * The names {@link #byName(String)} accepts, canonical names first, then aliases.
     *
     * @return an unmodifiable list of lower-case names
     */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (ActivationFunction f : ALL) {
            names.add(f.name().toLowerCase(Locale.ROOT).replace(' ', '_'));
        }
        names.addAll(List.of("linear", "heaviside", "logistic", "swish"));
        return Collections.unmodifiableList(names);
    }

    private static String validNames() {
        return String.join(", ", names());
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
