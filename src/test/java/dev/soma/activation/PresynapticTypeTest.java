package dev.soma.activation;

import static dev.soma.activation.Messages.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PresynapticTypeTest {

    @Test
    void parsesOneLetterPerNeuronIgnoringCase() {
        assertArrayEquals(new PresynapticType[] {PresynapticType.EXCITATORY, PresynapticType.EXCITATORY,
                PresynapticType.INHIBITORY}, PresynapticType.parse("EeI"));
        assertEquals(0, PresynapticType.parse("").length);
    }

    @Test
    void allowsWeightsOfItsOwnSignAndZero() {
        assertTrue(PresynapticType.EXCITATORY.allows(0.3));
        assertTrue(PresynapticType.EXCITATORY.allows(0.0));
        assertFalse(PresynapticType.EXCITATORY.allows(-0.3));
        assertTrue(PresynapticType.INHIBITORY.allows(-0.3));
        assertTrue(PresynapticType.INHIBITORY.allows(0.0));
        assertFalse(PresynapticType.INHIBITORY.allows(0.3));
    }

    @Test
    void rejectsOtherLettersNamingThePosition() {
        rejects(() -> PresynapticType.parse("EXI"), "types[1] = 'X'", "E", "I");
        rejects(() -> PresynapticType.parse(null), "types is null");
    }

    @Test
    void printsAsAWordAndALetter() {
        assertEquals("inhibitory", PresynapticType.INHIBITORY.toString());
        assertEquals('E', PresynapticType.EXCITATORY.symbol());
    }
}
