package dev.soma.activation;

import static dev.soma.activation.Messages.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArtificialNeuronTest {

    @Test
    void preActivationIsWeightedSumPlusBias() {
        ArtificialNeuron n = new ArtificialNeuron(ActivationFunctions.IDENTITY, 0.5, 2.0, -1.0);
        assertEquals(2.0 * 3.0 - 1.0 * 4.0 + 0.5, n.preActivation(3.0, 4.0), 0.0);
    }

    @Test
    void outputIsTheActivationOfThePreActivation() {
        ArtificialNeuron n = new ArtificialNeuron(ActivationFunctions.SIGMOID, -1.0, 0.5, 0.25);
        double z = n.preActivation(2.0, 4.0);
        assertEquals(ActivationFunctions.SIGMOID.apply(z), n.output(2.0, 4.0), 0.0);
    }

    @Test
    void negativeWeightInhibitsTheMoreTheInputIsActive() {
        ArtificialNeuron n = new ArtificialNeuron(ActivationFunctions.RELU, 0.0, 1.0, -0.5);
        double previous = Double.POSITIVE_INFINITY;
        for (double inhibitor = 0; inhibitor <= 4; inhibitor += 0.5) {
            double y = n.output(1.5, inhibitor);
            assertTrue(y <= previous, "more inhibition must not raise the output");
            previous = y;
        }
        assertEquals(0.0, n.output(1.5, 4.0), 0.0, "enough inhibition silences the unit");
    }

    @Test
    void thresholdUnitComputesAndAndOr() {
        ArtificialNeuron and = new ArtificialNeuron(ActivationFunctions.STEP, -1.5, 1, 1);
        ArtificialNeuron or = new ArtificialNeuron(ActivationFunctions.STEP, -0.5, 1, 1);
        for (int a = 0; a <= 1; a++) {
            for (int b = 0; b <= 1; b++) {
                assertEquals(a & b, and.output(a, b), 0.0, a + " AND " + b);
                assertEquals(a | b, or.output(a, b), 0.0, a + " OR " + b);
            }
        }
    }

    @Test
    void keepsItsOwnCopyOfTheWeights() {
        double[] w = {1.0, 2.0};
        ArtificialNeuron n = new ArtificialNeuron(ActivationFunctions.IDENTITY, 0.0, w);
        w[0] = 100.0;
        n.weights()[1] = 100.0;
        assertArrayEquals(new double[] {1.0, 2.0}, n.weights(), 0.0);
        assertEquals(2.0, n.weight(1), 0.0);
        assertEquals(2, n.inputCount());
    }

    @Test
    void toStringCountsExcitatoryAndInhibitoryWeights() {
        ArtificialNeuron n = new ArtificialNeuron(ActivationFunctions.RELU, 0.1, 0.5, -1.0, 0.0);
        assertEquals("ArtificialNeuron: ReLU, weights [0.5, -1.0, 0.0] (1 excitatory, 1 inhibitory, 1 zero), bias 0.1",
                n.toString());
    }

    @Test
    void rejectsNonFiniteWeightsAndBiasNamingThem() {
        rejects(() -> new ArtificialNeuron(ActivationFunctions.RELU, 0.0, 1.0, Double.NaN), "weights[1] = NaN", "finite");
        rejects(() -> new ArtificialNeuron(ActivationFunctions.RELU, 0.0, Double.NEGATIVE_INFINITY), "weights[0] = -Infinity");
        rejects(() -> new ArtificialNeuron(ActivationFunctions.RELU, Double.POSITIVE_INFINITY, 1.0), "bias = Infinity");
        rejects(() -> new ArtificialNeuron(null, 0.0, 1.0), "activation is null", "Activation.RELU");
        rejects(() -> new ArtificialNeuron(ActivationFunctions.RELU, 0.0, (double[]) null), "weights is null");
        rejects(() -> new ArtificialNeuron(ActivationFunctions.RELU, 0.0), "weights is empty");
    }

    @Test
    void rejectsBadInputsNamingThem() {
        ArtificialNeuron n = new ArtificialNeuron(ActivationFunctions.RELU, 0.0, 1.0, 2.0);
        rejects(() -> n.output(1.0, 2.0, 3.0), "inputs has length 3", "expects 2");
        rejects(() -> n.output(1.0), "inputs has length 1", "expects 2");
        rejects(() -> n.output(1.0, Double.NaN), "inputs[1] = NaN", "finite");
        rejects(() -> n.preActivation(Double.POSITIVE_INFINITY, 0.0), "inputs[0] = Infinity");
        rejects(() -> n.output((double[]) null), "inputs is null");
        rejects(() -> n.weight(2), "i = 2", "numbered 0 to 1");
    }
}
