package dev.soma.activation;

import static dev.soma.activation.Messages.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class LayerTest {
    private final double[][] w = {{0.5, -1.0, 2.0}, {1.0, 1.0, -0.25}};
    private final double[] b = {0.1, -0.2};

    @Test
    void outputIsTheActivationOfWTimesXPlusB() {
        Layer layer = new Layer(ActivationFunctions.TANH, w, b);
        double[] x = {1.0, 2.0, -0.5};
        double[] y = layer.output(x);
        double[] z = layer.preActivation(x);
        for (int j = 0; j < 2; j++) {
            double expected = w[j][0] * x[0] + w[j][1] * x[1] + w[j][2] * x[2] + b[j];
            assertEquals(expected, z[j], 1e-15);
            assertEquals(Math.tanh(expected), y[j], 1e-15);
        }
    }

    @Test
    void eachRowIsAnArtificialNeuron() {
        Layer layer = new Layer(ActivationFunctions.SIGMOID, w, b);
        double[] x = {0.3, -0.7, 1.1};
        double[] y = layer.output(x);
        for (int j = 0; j < layer.neuronCount(); j++) {
            assertEquals(layer.neuron(j).output(x), y[j], 0.0);
        }
    }

    @Test
    void writesIntoAGivenArrayWithoutAllocating() {
        Layer layer = new Layer(ActivationFunctions.RELU, w, b);
        double[] out = new double[2];
        assertSame(out, layer.output(new double[] {1, 1, 1}, out));
        assertArrayEquals(layer.output(new double[] {1, 1, 1}), out, 0.0);
    }

    @Test
    void twoThresholdLayersComputeXorThroughAnInhibitoryWeight() {
        // Hidden units are OR and AND; the output fires for OR but is vetoed by AND's inhibitory weight.
        Layer hidden = new Layer(ActivationFunctions.STEP, new double[][] {{1, 1}, {1, 1}}, new double[] {-0.5, -1.5});
        ArtificialNeuron out = new ArtificialNeuron(ActivationFunctions.STEP, -0.5, 1.0, -2.0);
        for (int a = 0; a <= 1; a++) {
            for (int c = 0; c <= 1; c++) {
                assertEquals(a ^ c, out.output(hidden.output(new double[] {a, c})), 0.0, a + " XOR " + c);
            }
        }
    }

    @Test
    void keepsItsOwnCopyOfWeightsAndBiases() {
        double[][] weights = {{1, 2}, {3, 4}};
        double[] biases = {5, 6};
        Layer layer = new Layer(ActivationFunctions.IDENTITY, weights, biases);
        weights[0][0] = 100;
        biases[1] = 100;
        layer.weights()[1][1] = 100;
        assertArrayEquals(new double[] {1, 2}, layer.weights()[0], 0.0);
        assertArrayEquals(new double[] {3, 4}, layer.weights()[1], 0.0);
        assertArrayEquals(new double[] {5, 6}, layer.biases(), 0.0);
        assertEquals(2, layer.inputCount());
        assertEquals(2, layer.neuronCount());
        assertEquals("Layer: 2 inputs → 2 identity neurons (4 excitatory, 0 inhibitory weights)", layer.toString());
    }

    @Test
    void rejectsMalformedWeightsAndBiasesNamingThem() {
        rejects(() -> new Layer(ActivationFunctions.RELU, new double[][] {{1, 2}, {3}}, new double[] {0, 0}),
                "weights[1] has length 1", "same length");
        rejects(() -> new Layer(ActivationFunctions.RELU, new double[][] {{1, 2}, {3, Double.NaN}}, new double[] {0, 0}),
                "weights[1][1] = NaN", "finite");
        rejects(() -> new Layer(ActivationFunctions.RELU, new double[][] {{1, 2}, null}, new double[] {0, 0}),
                "weights[1] is null");
        rejects(() -> new Layer(ActivationFunctions.RELU, w, new double[] {0}), "biases has length 1", "one bias per neuron");
        rejects(() -> new Layer(ActivationFunctions.RELU, w, new double[] {0, Double.NaN}), "biases[1] = NaN");
        rejects(() -> new Layer(ActivationFunctions.RELU, new double[0][], new double[0]), "weights has no rows");
        rejects(() -> new Layer(ActivationFunctions.RELU, new double[][] {{}}, new double[] {0}), "weights[0] is empty");
        rejects(() -> new Layer(null, w, b), "activation is null");
    }

    @Test
    void rejectsBadInputsAndOutputArraysNamingThem() {
        Layer layer = new Layer(ActivationFunctions.RELU, w, b);
        rejects(() -> layer.output(new double[] {1, 2}), "inputs has length 2", "expects 3");
        rejects(() -> layer.output(new double[] {1, Double.NaN, 2}), "inputs[1] = NaN");
        rejects(() -> layer.output(new double[] {1, 2, 3}, new double[3]), "out has length 3", "expects 2");
        rejects(() -> layer.neuron(2), "j = 2", "numbered 0 to 1");
    }
}
