package dev.soma.activation;

import java.util.Arrays;

/**
 * An artificial neuron that obeys Dale's law: each presynaptic neuron is declared excitatory or
 * inhibitory, and the weight from it must have that sign,
 * <pre>
 *   wᵢ ≥ 0 if input i is excitatory,   wᵢ ≤ 0 if input i is inhibitory
 *   z = Σ_E wᵢ·xᵢ + Σ_I wᵢ·xᵢ + b = excitation + inhibition + b,   y = f(z)
 * </pre>
 * A plain {@link ArtificialNeuron} lets any weight take any sign, so one presynaptic unit may
 * excite one target and inhibit another, which real neurons do not do. Here a weight of the
 * wrong sign is rejected when the neuron is built.
 *
 * <p>The inputs are presynaptic activities (firing rates), so they must be ≥ 0: only then does
 * an inhibitory weight always lower z, which is the point of the law. A negative input is
 * rejected rather than silently allowed to turn inhibition into excitation.
 *
 * <p>Immutable and thread-safe.
 */
public final class DaleNeuron {
    private final ArtificialNeuron neuron;
    private final PresynapticType[] types;

    /**
     * Creates a neuron and checks every weight against its presynaptic neuron's type.
     *
     * @param activation the activation function f
     * @param bias the bias b, finite
     * @param types the type of each presynaptic neuron, one per weight; copied
     * @param weights the signed weights wᵢ, finite, of the sign {@code types[i]} allows; copied
     * @throws IllegalArgumentException if an argument is null, the lengths differ, a value is not
     *     finite, or a weight has the wrong sign (the message names the weight, its value, the
     *     presynaptic type and the fix)
     */
    public DaleNeuron(ActivationFunction activation, double bias, PresynapticType[] types, double... weights) {
        this.neuron = new ArtificialNeuron(activation, bias, weights);
        Checks.notNull("types", types, "give one type per presynaptic neuron, e.g. PresynapticType.parse(\"EEI\")");
        if (types.length != weights.length) {
            throw new IllegalArgumentException("types has length " + types.length + " but weights has length "
                    + weights.length + ": declare exactly one type (E or I) per weight");
        }
        for (int i = 0; i < types.length; i++) {
            PresynapticType type = Checks.notNull("types[" + i + "]", types[i],
                    "declare every presynaptic neuron EXCITATORY or INHIBITORY");
            if (!type.allows(weights[i])) {
                boolean excitatory = type == PresynapticType.EXCITATORY;
                throw new IllegalArgumentException("weights[" + i + "] = " + weights[i]
                        + " violates Dale's law: presynaptic neuron " + i + " is " + type
                        + ", so its weight must be " + (excitatory ? "≥ 0" : "≤ 0")
                        + ". Use a weight of that sign (e.g. " + (-weights[i]) + "), or declare neuron " + i
                        + " " + (excitatory ? "inhibitory ('I')" : "excitatory ('E')") + ".");
            }
        }
        this.types = types.clone();
    }

    /**
     * The pre-activation z = w·x + b.
     *
     * @param inputs presynaptic activities xᵢ ≥ 0, one per weight, finite
     * @return z
     * @throws IllegalArgumentException if {@code inputs} is null, has the wrong length, or holds a
     *     negative, NaN or infinite value
     */
    public double preActivation(double... inputs) {
        checkInputs(inputs);
        return neuron.preActivation(inputs);
    }

    /**
     * The output y = f(w·x + b).
     *
     * @param inputs presynaptic activities xᵢ ≥ 0, one per weight, finite
     * @return y
     * @throws IllegalArgumentException as {@link #preActivation(double...)}
     */
    public double output(double... inputs) {
        return neuron.activation().apply(preActivation(inputs));
    }

    /**
     * The excitatory drive Σ over excitatory inputs of wᵢ·xᵢ, which is ≥ 0.
     *
     * @param inputs presynaptic activities xᵢ ≥ 0, one per weight, finite
     * @return the excitatory part of z
     * @throws IllegalArgumentException as {@link #preActivation(double...)}
     */
    public double excitation(double... inputs) {
        return partialSum(inputs, PresynapticType.EXCITATORY);
    }

    /**
     * The inhibitory drive Σ over inhibitory inputs of wᵢ·xᵢ, which is ≤ 0.
     *
     * @param inputs presynaptic activities xᵢ ≥ 0, one per weight, finite
     * @return the inhibitory part of z
     * @throws IllegalArgumentException as {@link #preActivation(double...)}
     */
    public double inhibition(double... inputs) {
        return partialSum(inputs, PresynapticType.INHIBITORY);
    }

    /**
     * The presynaptic types.
     *
     * @return a copy, one type per input
     */
    public PresynapticType[] types() {
        return types.clone();
    }

    /**
     * The weights.
     *
     * @return a copy of the signed weights
     */
    public double[] weights() {
        return neuron.weights();
    }

    /**
     * The bias b.
     *
     * @return b
     */
    public double bias() {
        return neuron.bias();
    }

    /**
     * The activation function f.
     *
     * @return f
     */
    public ActivationFunction activation() {
        return neuron.activation();
    }

    /**
     * The number of inputs.
     *
     * @return the input count
     */
    public int inputCount() {
        return types.length;
    }

    /**
     * The same neuron without the sign rule, e.g. to compare with unconstrained weights.
     *
     * @return an {@link ArtificialNeuron} with the same activation, bias and weights
     */
    public ArtificialNeuron asArtificialNeuron() {
        return neuron;
    }

    /** A one-line summary, e.g. {@code "DaleNeuron: ReLU, types EEI, weights [0.5, 0.2, -1.0], bias 0.0"}. */
    @Override
    public String toString() {
        StringBuilder letters = new StringBuilder();
        for (PresynapticType t : types) {
            letters.append(t.symbol());
        }
        return "DaleNeuron: " + neuron.activation().name() + ", types " + letters + ", weights "
                + Arrays.toString(neuron.weights()) + ", bias " + neuron.bias();
    }

    private double partialSum(double[] inputs, PresynapticType type) {
        checkInputs(inputs);
        ArtificialNeuron.checkInputs(inputs, types.length);
        double sum = 0.0;
        for (int i = 0; i < inputs.length; i++) {
            if (types[i] == type) {
                sum += neuron.weight(i) * inputs[i];
            }
        }
        return sum;
    }

    private static void checkInputs(double[] inputs) {
        Checks.finiteArray("inputs", inputs, "every input must be a finite presynaptic activity ≥ 0");
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] < 0) {
                throw new IllegalArgumentException("inputs[" + i + "] = " + inputs[i]
                        + " is negative: inputs to a Dale neuron are presynaptic activities (rates ≥ 0), and a negative one"
                        + " would turn an inhibitory weight into excitation; pass a value ≥ 0, or use an ArtificialNeuron");
            }
        }
    }
}
