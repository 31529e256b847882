package dev.soma;

import dev.soma.activation.ActivationFunction;
import dev.soma.activation.ActivationFunctions;
import dev.soma.activation.ArtificialNeuron;
import dev.soma.activation.DaleNeuron;
import dev.soma.activation.Elu;
import dev.soma.activation.Gelu;
import dev.soma.activation.Identity;
import dev.soma.activation.Layer;
import dev.soma.activation.LeakyRelu;
import dev.soma.activation.PresynapticType;
import dev.soma.activation.RateUnit;
import dev.soma.activation.Relu;
import dev.soma.activation.Sigmoid;
import dev.soma.activation.Silu;
import dev.soma.activation.Softplus;
import dev.soma.activation.Step;
import dev.soma.activation.Tanh;
import java.util.List;

/**
 * Activation functions and artificial neurons, for a notebook that has done
 * {@code import dev.soma.*;}. Everything here delegates to {@code dev.soma.activation}.
 *
 * <pre>{@code
 * Activation.RELU.apply(-2.0)                          // 0.0
 * Activation.byName("gelu").derivative(0.0)            // 0.5
 * var n = Activation.neuron(Activation.STEP, -1.5, 1, 1);   // AND gate: fires only for 1, 1
 * n.output(1, 1)                                       // 1.0
 * var d = Activation.daleNeuron(Activation.RELU, 0, "EEI", 0.6, 0.4, -1.0);
 * var r = Activation.rateUnit(10 * ms, Activation.SIGMOID).run(2.0, 50 * ms);
 * }</pre>
 */
public final class Activation {
    private Activation() {}

    /** Identity, f(x) = x. */
    public static final Identity IDENTITY = ActivationFunctions.IDENTITY;
    /** Heaviside step, 1 for x ≥ 0, 0 for x &lt; 0; no derivative at 0 (NaN there). */
    public static final Step STEP = ActivationFunctions.STEP;
    /** Logistic sigmoid, 1 / (1 + e^(−x)). */
    public static final Sigmoid SIGMOID = ActivationFunctions.SIGMOID;
    /** Hyperbolic tangent. */
    public static final Tanh TANH = ActivationFunctions.TANH;
    /** ReLU, max(0, x); derivative 0 at the kink x = 0 by convention. */
    public static final Relu RELU = ActivationFunctions.RELU;
    /** Leaky ReLU with slope 0.01 for x &lt; 0; other slopes with {@link #leakyRelu(double)}. */
    public static final LeakyRelu LEAKY_RELU = ActivationFunctions.LEAKY_RELU;
    /** ELU with α = 1; others with {@link #elu(double)}. */
    public static final Elu ELU = ActivationFunctions.ELU;
    /** Softplus with β = 1, ln(1 + eˣ); others with {@link #softplus(double)}. */
    public static final Softplus SOFTPLUS = ActivationFunctions.SOFTPLUS;
    /** GELU, x·Φ(x) with the exact normal distribution function Φ. */
    public static final Gelu GELU = ActivationFunctions.GELU;
    /** SiLU (swish), x·σ(x). */
    public static final Silu SILU = ActivationFunctions.SILU;

    /** Excitatory presynaptic neuron, for {@link #daleNeuron(ActivationFunction, double, PresynapticType[], double...)}. */
    public static final PresynapticType EXCITATORY = PresynapticType.EXCITATORY;
    /** Inhibitory presynaptic neuron, for {@link #daleNeuron(ActivationFunction, double, PresynapticType[], double...)}. */
    public static final PresynapticType INHIBITORY = PresynapticType.INHIBITORY;

    /**
     * Leaky ReLU: x for x ≥ 0, slope·x for x &lt; 0.
     *
     * @param slope the slope for negative input, dimensionless, finite (typically 0.01 to 0.3)
     * @return the function
     * @throws IllegalArgumentException if {@code slope} is NaN or infinite
     */
    public static LeakyRelu leakyRelu(double slope) {
        return ActivationFunctions.leakyRelu(slope);
    }

    /**
     * ELU: x for x &gt; 0, α·(eˣ − 1) for x ≤ 0.
     *
     * @param alpha α ≥ 0, dimensionless, the saturation value for large negative x
     * @return the function
     * @throws IllegalArgumentException if {@code alpha} is negative, NaN or infinite
     */
    public static Elu elu(double alpha) {
        return ActivationFunctions.elu(alpha);
    }

    /**
     * Softplus with sharpness β: (1/β)·ln(1 + e^(β·x)); tends to ReLU as β grows.
     *
     * @param beta β &gt; 0, finite
     * @return the function
     * @throws IllegalArgumentException if {@code beta} is not finite and positive
     */
    public static Softplus softplus(double beta) {
        return ActivationFunctions.softplus(beta);
    }

    /**
     * All standard functions at their defaults, in teaching order (identity, step, sigmoid,
     * tanh, ReLU, leaky ReLU, ELU, softplus, GELU, SiLU), for a gallery.
     *
     * @return an unmodifiable list
     */
    public static List<ActivationFunction> all() {
        return ActivationFunctions.all();
    }

    /**
     * A function by name, ignoring case, spaces, hyphens and underscores, e.g. {@code "relu"},
     * {@code "leaky_relu"}, {@code "GELU"}, {@code "swish"}.
     *
     * @param name the name
     * @return the function (parameterized ones at their defaults)
     * @throws IllegalArgumentException if the name is unknown; the message lists the valid names
     */
    public static ActivationFunction byName(String name) {
        return ActivationFunctions.byName(name);
    }

    /**
     * An artificial neuron y = f(w·x + b). A negative weight is the textbook inhibitory synapse.
     *
     * @param f the activation function
     * @param bias the bias b, finite
     * @param weights the signed weights, one per input, finite
     * @return the neuron
     * @throws IllegalArgumentException if an argument is null, empty or not finite
     */
    public static ArtificialNeuron neuron(ActivationFunction f, double bias, double... weights) {
        return new ArtificialNeuron(f, bias, weights);
    }

    /**
     * A fully connected layer y = f(W·x + b).
     *
     * @param f the activation function of every neuron
     * @param weights W, {@code weights[j][i]} from input i onto neuron j, rectangular, finite
     * @param biases b, one per row of W, finite
     * @return the layer
     * @throws IllegalArgumentException if an argument is null, empty, ragged, of mismatched length or not finite
     */
    public static Layer layer(ActivationFunction f, double[][] weights, double[] biases) {
        return new Layer(f, weights, biases);
    }

    /**
     * A neuron obeying Dale's law, with the presynaptic types as letters: {@code 'E'} excitatory
     * (weight ≥ 0), {@code 'I'} inhibitory (weight ≤ 0), e.g. {@code daleNeuron(RELU, 0, "EEI", 0.6, 0.4, -1)}.
     *
     * @param f the activation function
     * @param bias the bias b, finite
     * @param types one letter per weight, E or I
     * @param weights the signed weights, finite, each of the sign its type allows
     * @return the neuron
     * @throws IllegalArgumentException if a weight has the wrong sign (the message names it and the
     *     fix), a letter is not E or I, the lengths differ, or a value is not finite
     */
    public static DaleNeuron daleNeuron(ActivationFunction f, double bias, String types, double... weights) {
        return new DaleNeuron(f, bias, PresynapticType.parse(types), weights);
    }

    /**
     * A neuron obeying Dale's law, with the presynaptic types as values, e.g.
     * {@code new PresynapticType[] {EXCITATORY, INHIBITORY}}.
     *
     * @param f the activation function
     * @param bias the bias b, finite
     * @param types one type per weight
     * @param weights the signed weights, finite, each of the sign its type allows
     * @return the neuron
     * @throws IllegalArgumentException as {@link #daleNeuron(ActivationFunction, double, String, double...)}
     */
    public static DaleNeuron daleNeuron(ActivationFunction f, double bias, PresynapticType[] types, double... weights) {
        return new DaleNeuron(f, bias, types, weights);
    }

    /**
     * A rate unit τ·dr/dt = −r + f(I(t)), starting at r = 0.
     *
     * @param tauMs the time constant τ in ms, finite and &gt; 0
     * @param f the activation function giving the steady-state rate f(I)
     * @return the unit; run it with {@link RateUnit#run(java.util.function.DoubleUnaryOperator, double, double)}
     * @throws IllegalArgumentException if τ is not finite and positive or f is null
     */
    public static RateUnit rateUnit(double tauMs, ActivationFunction f) {
        return new RateUnit(tauMs, f);
    }
}
