package dev.soma.activation;

import java.util.Arrays;

/**
 * The artificial neuron of machine learning: a weighted sum of its inputs plus a bias, passed
 * through an activation function,
 * <pre>
 *   z = w·x + b = Σᵢ wᵢ·xᵢ + b      (the pre-activation)
 *   y = f(z)                        (the output)
 * </pre>
 * The weights are signed. A positive weight is the textbook "excitatory synapse", a negative
 * weight the textbook "inhibitory synapse": an active input with wᵢ &lt; 0 subtracts from z and
 * pushes the unit away from firing. Real inhibition is different: it is a conductance with a
 * reversal potential, which hyperpolarizes (GABA-A) or merely shunts, dividing rather than
 * subtracting; see the synapse models for that. Nothing here stops one input from having weights
 * of both signs onto different neurons; {@link DaleNeuron} enforces the biological rule.
 *
 * <p>Immutable and thread-safe. Units: x, w and b are whatever the user chooses, as long as
 * w·x and b share them; y is in the units of f.
 */
public final class ArtificialNeuron {
    private final ActivationFunction activation;
    private final double bias;
    private final double[] weights;

    /**
     * Creates a neuron.
     *
     * @param activation the activation function f
     * @param bias the bias b, finite; −b is the threshold the weighted sum must reach
     * @param weights the weights wᵢ, one per input, finite, at least one; copied
     * @throws IllegalArgumentException if {@code activation} or {@code weights} is null, no weight is
     *     given, or a weight or the bias is NaN or infinite
     */
    public ArtificialNeuron(ActivationFunction activation, double bias, double... weights) {
        this.activation = Checks.notNull("activation", activation,
                "pass an activation function, e.g. Activation.RELU");
        this.bias = Checks.finite("bias", bias, "give the bias as a finite number, e.g. 0.0");
        Checks.finiteArray("weights", weights, "every weight must be a finite number, e.g. 0.5 or -0.5");
        if (weights.length == 0) {
            throw new IllegalArgumentException("weights is empty: give one weight per input, e.g. 0.5, -0.3");
        }
        this.weights = weights.clone();
    }

    /**
     * The pre-activation z = w·x + b.
     *
     * @param inputs the inputs xᵢ, one per weight, finite
     * @return z
     * @throws IllegalArgumentException if {@code inputs} is null, has the wrong length, or holds a
     *     NaN or infinite value
     */
    public double preActivation(double... inputs) {
        checkInputs(inputs, weights.length);
        return dot(weights, 0, inputs) + bias;
    }

    /**
     * The output y = f(w·x + b).
     *
     * @param inputs the inputs xᵢ, one per weight, finite
     * @return y
     * @throws IllegalArgumentException if {@code inputs} is null, has the wrong length, or holds a
     *     NaN or infinite value
     */
    public double output(double... inputs) {
        return activation.apply(preActivation(inputs));
    }

    /**
     * The weights.
     *
     * @return a copy of the weights wᵢ
     */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * One weight.
     *
     * @param i the input's index, 0 ≤ i &lt; {@link #inputCount()}
     * @return wᵢ
     * @throws IllegalArgumentException if {@code i} is out of range
     */
    public double weight(int i) {
        if (i < 0 || i >= weights.length) {
            throw new IllegalArgumentException("i = " + i + " is out of range: this neuron has "
                    + weights.length + " inputs, numbered 0 to " + (weights.length - 1));
        }
        return weights[i];
    }

    /**
     * The bias b.
     *
     * @return b
     */
    public double bias() {
        return bias;
    }

    /**
     * The activation function f.
     *
     * @return f
     */
    public ActivationFunction activation() {
        return activation;
    }

    /**
     * The number of inputs, which is the number of weights.
     *
     * @return the input count
     */
    public int inputCount() {
        return weights.length;
    }

    /**
     * A one-line summary, e.g.
     * {@code "ArtificialNeuron: ReLU, weights [0.5, -1.0] (1 excitatory, 1 inhibitory), bias 0.1"}.
     */
    @Override
    public String toString() {
        return "ArtificialNeuron: " + activation.name() + ", weights " + Arrays.toString(weights)
                + " (" + signCounts(weights) + "), bias " + bias;
    }

    static String signCounts(double[] weights) {
        int excitatory = 0;
        int inhibitory = 0;
        for (double w : weights) {
            if (w > 0) {
                excitatory++;
            } else if (w < 0) {
                inhibitory++;
            }
        }
        int zero = weights.length - excitatory - inhibitory;
        return excitatory + " excitatory, " + inhibitory + " inhibitory" + (zero > 0 ? ", " + zero + " zero" : "");
    }

    static void checkInputs(double[] inputs, int expected) {
        Checks.finiteArray("inputs", inputs, "every input must be a finite number");
        Checks.sameLength("inputs", inputs, expected, "a neuron with " + expected + " weights");
    }

    /** Σ w[offset + i]·x[i]; the layer stores its rows back to back in one array. */
    static double dot(double[] w, int offset, double[] x) {
        double sum = 0.0;
        for (int i = 0; i < x.length; i++) {
            sum += w[offset + i] * x[i];
        }
        return sum;
    }
}
