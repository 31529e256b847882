package dev.soma.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActivationFunctionsTest {

    @Test
    void allListsTheTenFunctionsInTeachingOrder() {
        List<String> names = ActivationFunctions.all().stream().map(ActivationFunction::name).toList();
        assertEquals(List.of("identity", "step", "sigmoid", "tanh", "ReLU", "leaky ReLU", "ELU", "softplus", "GELU", "SiLU"),
                names);
        assertThrows(UnsupportedOperationException.class, () -> ActivationFunctions.all().add(ActivationFunctions.RELU));
    }

    @Test
    void byNameFindsEveryFunctionByItsOwnName() {
        for (ActivationFunction f : ActivationFunctions.all()) {
            assertSame(f, ActivationFunctions.byName(f.name()));
        }
    }

    @Test
    void byNameIgnoresCaseSeparatorsAndKnowsAliases() {
        assertSame(ActivationFunctions.RELU, ActivationFunctions.byName("relu"));
        assertSame(ActivationFunctions.LEAKY_RELU, ActivationFunctions.byName("Leaky_ReLU"));
        assertSame(ActivationFunctions.LEAKY_RELU, ActivationFunctions.byName("leaky-relu"));
        assertSame(ActivationFunctions.SILU, ActivationFunctions.byName("swish"));
        assertSame(ActivationFunctions.STEP, ActivationFunctions.byName("Heaviside"));
        assertSame(ActivationFunctions.SIGMOID, ActivationFunctions.byName("logistic"));
        assertSame(ActivationFunctions.IDENTITY, ActivationFunctions.byName("linear"));
    }

    @Test
    void everyListedNameIsAccepted() {
        for (String name : ActivationFunctions.names()) {
            ActivationFunctions.byName(name);
        }
    }

    @Test
    void unknownNameIsRejectedWithTheValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActivationFunctions.byName("relu6"));
        assertTrue(e.getMessage().startsWith("name = \"relu6\""), e.getMessage());
        for (String valid : List.of("identity", "step", "relu", "leaky_relu", "gelu", "silu")) {
            assertTrue(e.getMessage().contains(valid), e.getMessage());
        }
        e = assertThrows(IllegalArgumentException.class, () -> ActivationFunctions.byName(null));
        assertTrue(e.getMessage().startsWith("name is null"), e.getMessage());
    }

    @Test
    void defaultsOfParameterizedFunctions() {
        assertEquals(ActivationFunctions.elu(1.0), ActivationFunctions.ELU);
        assertEquals(ActivationFunctions.softplus(1.0), ActivationFunctions.SOFTPLUS);
        assertEquals(ActivationFunctions.leakyRelu(0.01), ActivationFunctions.LEAKY_RELU);
    }

    @Test
    void formulasShowParameterValues() {
        assertEquals("f(x) = ln(1 + e^(2.5·x)) / 2.5", ActivationFunctions.softplus(2.5).formula());
        assertEquals("f(x) = x for x > 0, 0.5·(eˣ − 1) for x ≤ 0", ActivationFunctions.elu(0.5).formula());
        assertEquals("ReLU: f(x) = max(0, x)", ActivationFunctions.RELU.toString());
    }
}
