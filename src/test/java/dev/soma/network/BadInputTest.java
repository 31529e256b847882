package dev.soma.network;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Meaningless input is rejected with an IllegalArgumentException that names the parameter. */
class BadInputTest {

    private static void rejects(String parameter, Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(parameter), "message should name " + parameter + ": " + x.getMessage());
    }

    private static SpikingNetwork.Builder ab() {
        return SpikingNetwork.builder()
                .population("A", LifCurrentExp.cuba(), 10)
                .population("B", HhTraubCondExp.cobahh(), 10);
    }

    @Test
    void negativeOrLargeProbability() {
        rejects("p = -0.1", () -> Connectivity.fixedProbability(-0.1));
        rejects("p = 1.5", () -> Connectivity.fixedProbability(1.5));
        rejects("p = NaN", () -> Connectivity.fixedProbability(Double.NaN));
    }

    @Test
    void nanOrInfiniteWeight() {
        rejects("weight = NaN", () -> ab().connect("A", "A", "ge", Double.NaN, Connectivity.allToAll()));
        rejects("weight = Infinity", () -> ab().connect("A", "A", "ge", Double.POSITIVE_INFINITY, Connectivity.allToAll()));
        rejects("weights[1] = NaN", () -> ab().connect("A", "A", "ge", new double[] {1, Double.NaN}, 0.1,
                Connectivity.explicit(new int[] {0, 1}, new int[] {1, 0})));
    }

    @Test
    void negativeConductanceExplainsReversalPotentials() {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> ab().connect("A", "B", "gi", -0.067, Connectivity.allToAll()));
        assertTrue(x.getMessage().contains("weight") && x.getMessage().contains("reversal potential"), x.getMessage());
    }

    @Test
    void zeroNeurons() {
        rejects("size = 0", () -> SpikingNetwork.builder().population("E", LifCurrentExp.cuba(), 0));
        rejects("size = -3", () -> SpikingNetwork.builder().population("E", LifCurrentExp.cuba(), -3));
        rejects("no population", () -> SpikingNetwork.builder().build());
    }

    @Test
    void delayShorterThanOneStep() {
        rejects("delayMs = 0.05", () -> ab().connect("A", "A", "ge", 1, 0.05, Connectivity.allToAll()));
        rejects("delayMs = 0.0", () -> ab().connect("A", "A", "ge", 1, 0.0, Connectivity.allToAll()));
        rejects("delayMs = NaN", () -> ab().connect("A", "A", "ge", 1, Double.NaN, Connectivity.allToAll()));
        rejects("delayMs = -1.0", () -> ab().connect("A", "A", "ge", 1, -1.0, Connectivity.allToAll()));
        rejects("delaysMs[1] = 0.01", () -> ab().connect("A", "A", "ge", new double[] {1, 1}, new double[] {0.1, 0.01},
                Connectivity.explicit(new int[] {0, 1}, new int[] {1, 0})));
        // A delay checked against dt = 0.1 ms is checked again when dt changes before build.
        rejects("delayMs = 0.1", () -> ab().connect("A", "A", "ge", 1, 0.1, Connectivity.allToAll()).dtMs(0.2).build());
    }

    @Test
    void unknownNamesAreListed() {
        rejects("from = \"X\"", () -> ab().connect("X", "A", "ge", 1, Connectivity.allToAll()));
        rejects("to = \"Y\"", () -> ab().connect("A", "Y", "ge", 1, Connectivity.allToAll()));
        rejects("[v, ge, gi]", () -> ab().connect("A", "A", "gx", 1, Connectivity.allToAll()));
        rejects("population = \"Z\"", () -> ab().build().population("Z"));
        rejects("neuron 10", () -> ab().recordState("A", "v", 10));
        rejects("name = \"A\"", () -> ab().population("A", LifCurrentExp.cuba(), 1));
    }

    @Test
    void impossibleConnectivity() {
        rejects("k = -1", () -> Connectivity.fixedInDegree(-1));
        rejects("k = 11", () -> ab().connect("A", "A", "ge", 1, Connectivity.fixedInDegree(11)).build());
        rejects("one-to-one", () -> SpikingNetwork.builder().population("A", LifCurrentExp.cuba(), 3)
                .population("C", LifCurrentExp.cuba(), 4).connect("A", "C", "ge", 1, Connectivity.oneToOne()).build());
        rejects("pre.length", () -> Connectivity.explicit(new int[] {0, 1}, new int[] {0}));
        rejects("post[0] = 12", () -> ab().connect("A", "A", "ge", 1,
                Connectivity.explicit(new int[] {0}, new int[] {12})).build());
        rejects("weights.length = 1", () -> ab().connect("A", "A", "ge", new double[] {1}, 0.1,
                Connectivity.explicit(new int[] {0, 1}, new int[] {1, 0})).build());
    }

    @Test
    void badStepThreadsAndDuration() {
        rejects("dtMs = 0", () -> SpikingNetwork.builder().dtMs(0));
        rejects("dtMs = NaN", () -> SpikingNetwork.builder().dtMs(Double.NaN));
        rejects("threads = 0", () -> SpikingNetwork.builder().threads(0));
        rejects("durationMs = -5", () -> ab().build().run(-5));
        rejects("durationMs = 0.01", () -> ab().build().run(0.01));
    }

    @Test
    void badModelParameters() {
        rejects("tauMMs = 0", () -> LifCurrentExp.cuba().withTauMMs(0));
        rejects("resetMv = -40", () -> LifCurrentExp.cuba().withResetMv(-40));
        rejects("areaUm2 = -1", () -> HhTraubCondExp.cobahh().withAreaUm2(-1));
        rejects("values.length = 3", () -> ab().build().population("A").set("v", new double[3]));
    }
}
