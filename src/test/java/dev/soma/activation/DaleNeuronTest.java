package dev.soma.activation;

import static dev.soma.activation.Messages.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DaleNeuronTest {
    private final PresynapticType[] eei = PresynapticType.parse("EEI");

    @Test
    void computesTheSameOutputAsAnUnconstrainedNeuronWithTheSameWeights() {
        DaleNeuron dale = new DaleNeuron(ActivationFunctions.RELU, 0.2, eei, 0.6, 0.4, -1.0);
        ArtificialNeuron plain = new ArtificialNeuron(ActivationFunctions.RELU, 0.2, 0.6, 0.4, -1.0);
        double[] x = {1.0, 0.5, 0.3};
        assertEquals(plain.preActivation(x), dale.preActivation(x), 0.0);
        assertEquals(plain.output(x), dale.output(x), 0.0);
        assertEquals(plain.toString(), dale.asArtificialNeuron().toString());
    }

    @Test
    void preActivationSplitsIntoExcitationInhibitionAndBias() {
        DaleNeuron dale = new DaleNeuron(ActivationFunctions.RELU, 0.2, eei, 0.6, 0.4, -1.0);
        double[] x = {1.0, 0.5, 0.3};
        assertEquals(0.6 + 0.2, dale.excitation(x), 1e-15);
        assertEquals(-0.3, dale.inhibition(x), 1e-15);
        assertEquals(dale.excitation(x) + dale.inhibition(x) + dale.bias(), dale.preActivation(x), 1e-15);
    }

    @Test
    void acceptsZeroWeightsFromEitherType() {
        DaleNeuron dale = new DaleNeuron(ActivationFunctions.RELU, 0.0, eei, 0.0, 0.0, 0.0);
        assertEquals(0.0, dale.output(1, 1, 1), 0.0);
    }

    @Test
    void rejectsAPositiveWeightFromAnInhibitoryNeuronNamingTheWeightTypeAndFix() {
        rejects(() -> new DaleNeuron(ActivationFunctions.RELU, 0.0, eei, 0.6, 0.4, 0.4),
                "weights[2] = 0.4", "Dale's law", "inhibitory", "≤ 0", "-0.4", "declare neuron 2 excitatory");
    }

    @Test
    void rejectsANegativeWeightFromAnExcitatoryNeuronNamingTheWeightTypeAndFix() {
        rejects(() -> new DaleNeuron(ActivationFunctions.RELU, 0.0, eei, 0.6, -0.25, -1.0),
                "weights[1] = -0.25", "excitatory", "≥ 0", "0.25", "declare neuron 1 inhibitory");
    }

    @Test
    void rejectsMismatchedOrMissingTypes() {
        rejects(() -> new DaleNeuron(ActivationFunctions.RELU, 0.0, eei, 0.6, 0.4), "types has length 3", "weights has length 2");
        rejects(() -> new DaleNeuron(ActivationFunctions.RELU, 0.0, null, 0.6), "types is null");
        rejects(() -> new DaleNeuron(ActivationFunctions.RELU, 0.0, new PresynapticType[] {null}, 0.6), "types[0] is null");
        rejects(() -> new DaleNeuron(ActivationFunctions.RELU, 0.0, eei, 0.6, Double.NaN, -1.0), "weights[1] = NaN");
    }

    @Test
    void rejectsNegativeInputsBecauseTheyWouldTurnInhibitionIntoExcitation() {
        DaleNeuron dale = new DaleNeuron(ActivationFunctions.RELU, 0.0, eei, 0.6, 0.4, -1.0);
        rejects(() -> dale.output(1.0, 1.0, -0.5), "inputs[2] = -0.5", "≥ 0");
        rejects(() -> dale.inhibition(1.0, 1.0), "inputs has length 2");
        rejects(() -> dale.excitation(Double.NaN, 1.0, 1.0), "inputs[0] = NaN");
    }

    @Test
    void keepsItsOwnCopyOfTheTypes() {
        PresynapticType[] types = PresynapticType.parse("EI");
        DaleNeuron dale = new DaleNeuron(ActivationFunctions.RELU, 0.0, types, 1.0, -1.0);
        types[0] = PresynapticType.INHIBITORY;
        dale.types()[1] = PresynapticType.EXCITATORY;
        assertArrayEquals(PresynapticType.parse("EI"), dale.types());
        assertEquals(2, dale.inputCount());
        assertTrue(dale.toString().startsWith("DaleNeuron: ReLU, types EI, weights [1.0, -1.0]"), dale.toString());
    }
}
