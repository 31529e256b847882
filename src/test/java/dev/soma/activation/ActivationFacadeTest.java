package dev.soma.activation;

import static dev.soma.activation.Messages.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Activation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** The root facade {@link Activation} that notebooks use after {@code import dev.soma.*;}. */
class ActivationFacadeTest {

    @Test
    void isAFinalClassOfStaticMembersOnly() throws Exception {
        assertTrue(Modifier.isFinal(Activation.class.getModifiers()));
        for (Constructor<?> c : Activation.class.getDeclaredConstructors()) {
            assertTrue(Modifier.isPrivate(c.getModifiers()));
        }
        for (Method m : Activation.class.getDeclaredMethods()) {
            if (m.isSynthetic()) {
                continue;
            }
            assertTrue(Modifier.isStatic(m.getModifiers()), m.getName());
        }
        for (Field f : Activation.class.getDeclaredFields()) {
            if (f.isSynthetic()) {
                continue;
            }
            assertTrue(Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()), f.getName());
        }
    }

    @Test
    void constantsAreTheCatalogueFunctions() {
        assertSame(ActivationFunctions.IDENTITY, Activation.IDENTITY);
        assertSame(ActivationFunctions.STEP, Activation.STEP);
        assertSame(ActivationFunctions.RELU, Activation.RELU);
        assertSame(ActivationFunctions.SIGMOID, Activation.SIGMOID);
        assertSame(ActivationFunctions.TANH, Activation.TANH);
        assertSame(ActivationFunctions.SOFTPLUS, Activation.SOFTPLUS);
        assertSame(ActivationFunctions.GELU, Activation.GELU);
        assertSame(ActivationFunctions.SILU, Activation.SILU);
        assertSame(ActivationFunctions.ELU, Activation.ELU);
        assertSame(ActivationFunctions.LEAKY_RELU, Activation.LEAKY_RELU);
        assertEquals(ActivationFunctions.all(), Activation.all());
    }

    @Test
    void factoriesBuildParameterizedFunctions() {
        assertEquals(0.2, Activation.leakyRelu(0.2).slope(), 0.0);
        assertEquals(0.5, Activation.elu(0.5).alpha(), 0.0);
        assertEquals(3.0, Activation.softplus(3.0).beta(), 0.0);
        assertSame(Activation.GELU, Activation.byName("gelu"));
        rejects(() -> Activation.byName("sigmiod"), "sigmiod", "sigmoid", "relu");
        rejects(() -> Activation.softplus(0), "beta = 0.0");
    }

    @Test
    void neuronFactoriesBuildWorkingNeurons() {
        assertEquals(1.0, Activation.neuron(Activation.STEP, -1.5, 1, 1).output(1, 1), 0.0);
        assertEquals(0.0, Activation.neuron(Activation.STEP, -1.5, 1, 1).output(1, 0), 0.0);
        double[] y = Activation.layer(Activation.RELU, new double[][] {{1, -1}, {-1, 1}}, new double[] {0, 0})
                .output(new double[] {2, 1});
        assertEquals(1.0, y[0], 0.0);
        assertEquals(0.0, y[1], 0.0);
        assertEquals(0.0, Activation.daleNeuron(Activation.RELU, 0, "EI", 1.0, -2.0).output(1.0, 1.0), 0.0);
        assertEquals(0.5, Activation.daleNeuron(Activation.RELU, 0,
                new PresynapticType[] {Activation.EXCITATORY, Activation.INHIBITORY}, 1.0, -0.5).output(1.0, 1.0), 0.0);
        rejects(() -> Activation.daleNeuron(Activation.RELU, 0, "EI", 1.0, 2.0), "weights[1] = 2.0", "inhibitory");
        assertEquals(10.0, Activation.rateUnit(10.0, Activation.SIGMOID).tauMs(), 0.0);
        rejects(() -> Activation.rateUnit(-1.0, Activation.SIGMOID), "tauMs = -1.0");
    }
}
