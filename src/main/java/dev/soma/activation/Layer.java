package dev.soma.activation;

/**
 * A fully connected layer of artificial neurons sharing one activation function:
 * <pre>
 *   z = W·x + b,   y = f(z)      (f applied element by element)
 * </pre>
 * W has one row per neuron and one column per input: W[j][i] is the weight from input i onto
 * neuron j, signed as in {@link ArtificialNeuron} (negative = textbook inhibitory synapse).
 *
 * <p>Stored row-major in one primitive array; {@link #output(double[], double[])} evaluates
 * without allocating. Immutable and thread-safe.
 */
public final class Layer {
    private final ActivationFunction activation;
    private final double[] weights;
    private final double[] biases;
    private final int inputCount;

    /**
     * Creates a layer.
     *
     * @param activation the activation function f, shared by every neuron
     * @param weights the weight matrix W, {@code weights[j][i]} from input i onto neuron j;
     *     rectangular, at least 1 × 1, finite; copied
     * @param biases the biases bⱼ, one per row of W, finite; copied
     * @throws IllegalArgumentException if an argument is null, W is empty or ragged, the lengths
     *     disagree, or an entry is NaN or infinite
     */
    public Layer(ActivationFunction activation, double[][] weights, double[] biases) {
        this.activation = Checks.notNull("activation", activation,
                "pass an activation function, e.g. Activation.RELU");
        Checks.notNull("weights", weights, "pass the weight matrix, one row per neuron, e.g. new double[][] {{0.5, -1}, {1, 1}}");
        if (weights.length == 0) {
            throw new IllegalArgumentException("weights has no rows: give one row of weights per neuron");
        }
        Checks.notNull("weights[0]", weights[0], "every row of weights must be an array with one weight per input");
        this.inputCount = weights[0].length;
        if (inputCount == 0) {
            throw new IllegalArgumentException("weights[0] is empty: give each neuron one weight per input");
        }
        this.weights = new double[weights.length * inputCount];
        for (int j = 0; j < weights.length; j++) {
            double[] row = Checks.notNull("weights[" + j + "]", weights[j],
                    "every row of weights must be an array with one weight per input");
            if (row.length != inputCount) {
                throw new IllegalArgumentException("weights[" + j + "] has length " + row.length + " but weights[0] has length "
                        + inputCount + ": every row needs one weight per input, so all rows must have the same length");
            }
            for (int i = 0; i < inputCount; i++) {
                if (!Double.isFinite(row[i])) {
                    throw new IllegalArgumentException("weights[" + j + "][" + i + "] = " + row[i]
                            + " is not a finite number: every weight must be a finite number, e.g. 0.5 or -0.5");
                }
            }
            System.arraycopy(row, 0, this.weights, j * inputCount, inputCount);
        }
        Checks.finiteArray("biases", biases, "every bias must be a finite number, e.g. 0.0");
        if (biases.length != weights.length) {
            throw new IllegalArgumentException("biases has length " + biases.length + " but weights has " + weights.length
                    + " rows: give one bias per neuron (per row of weights)");
        }
        this.biases = biases.clone();
    }

    /**
     * The pre-activations z = W·x + b.
     *
     * @param inputs x, one value per column of W, finite
     * @return a new array with zⱼ for each neuron j
     * @throws IllegalArgumentException if {@code inputs} is null, has the wrong length, or holds a
     *     NaN or infinite value
     */
    public double[] preActivation(double[] inputs) {
        checkInputs(inputs);
        double[] z = new double[biases.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = ArtificialNeuron.dot(weights, j * inputCount, inputs) + biases[j];
        }
        return z;
    }

    /**
     * The outputs y = f(W·x + b).
     *
     * @param inputs x, one value per column of W, finite
     * @return a new array with yⱼ for each neuron j
     * @throws IllegalArgumentException if {@code inputs} is null, has the wrong length, or holds a
     *     NaN or infinite value
     */
    public double[] output(double[] inputs) {
        return output(inputs, new double[biases.length]);
    }

    /**
     * The outputs y = f(W·x + b), written into {@code out}, for loops that must not allocate.
     *
     * @param inputs x, one value per column of W, finite
     * @param out receives yⱼ; length {@link #neuronCount()}; may not be {@code inputs}
     * @return {@code out}
     * @throws IllegalArgumentException if an array is null, has the wrong length, or
     *     {@code inputs} holds a NaN or infinite value
     */
    public double[] output(double[] inputs, double[] out) {
        checkInputs(inputs);
        Checks.notNull("out", out, "pass an array of length " + biases.length + " to receive the outputs");
        Checks.sameLength("out", out, biases.length, "a layer of " + biases.length + " neurons");
        if (out == inputs) {
            throw new IllegalArgumentException("out is the same array as inputs: pass a separate array for the outputs");
        }
        for (int j = 0; j < out.length; j++) {
            out[j] = activation.apply(ArtificialNeuron.dot(weights, j * inputCount, inputs) + biases[j]);
        }
        return out;
    }

    /**
     * Neuron j of this layer on its own.
     *
     * @param j the neuron's index (row of W), 0 ≤ j &lt; {@link #neuronCount()}
     * @return a neuron with row j of W, bias bⱼ and this layer's activation
     * @throws IllegalArgumentException if {@code j} is out of range
     */
    public ArtificialNeuron neuron(int j) {
        checkRow(j);
        double[] row = new double[inputCount];
        System.arraycopy(weights, j * inputCount, row, 0, inputCount);
        return new ArtificialNeuron(activation, biases[j], row);
    }

    /**
     * The weight matrix.
     *
     * @return a copy of W, {@code [j][i]} from input i onto neuron j
     */
    public double[][] weights() {
        double[][] w = new double[biases.length][inputCount];
        for (int j = 0; j < w.length; j++) {
            System.arraycopy(weights, j * inputCount, w[j], 0, inputCount);
        }
        return w;
    }

    /**
     * The biases.
     *
     * @return a copy of b
     */
    public double[] biases() {
        return biases.clone();
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
     * The number of neurons (rows of W, length of the output).
     *
     * @return the neuron count
     */
    public int neuronCount() {
        return biases.length;
    }

    /**
     * The number of inputs (columns of W).
     *
     * @return the input count
     */
    public int inputCount() {
        return inputCount;
    }

    /** A one-line summary, e.g. {@code "Layer: 3 inputs → 2 ReLU neurons (4 excitatory, 2 inhibitory weights)"}. */
    @Override
    public String toString() {
        return "Layer: " + inputCount + " input" + (inputCount == 1 ? "" : "s") + " → " + biases.length + " "
                + activation.name() + " neuron" + (biases.length == 1 ? "" : "s")
                + " (" + ArtificialNeuron.signCounts(weights) + " weights)";
    }

    private void checkInputs(double[] inputs) {
        Checks.finiteArray("inputs", inputs, "every input must be a finite number");
        Checks.sameLength("inputs", inputs, inputCount, "a layer with " + inputCount + " weights per neuron");
    }

    private void checkRow(int j) {
        if (j < 0 || j >= biases.length) {
            throw new IllegalArgumentException("j = " + j + " is out of range: this layer has " + biases.length
                    + " neurons, numbered 0 to " + (biases.length - 1));
        }
    }
}
