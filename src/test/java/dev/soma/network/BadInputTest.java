package dev.soma.network;

import static dev.soma.Units.Hz;
import static dev.soma.Units.mV;
import static dev.soma.Units.nA;
import static dev.soma.Units.nS;
import static dev.soma.Units.pA;
import static dev.soma.Units.uS;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Neurons;
import dev.soma.Spikes;
import dev.soma.Synapses;
import dev.soma.model.HodgkinHuxleyTraub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Meaningless input is rejected with an IllegalArgumentException that names the parameter and the fix. */
class BadInputTest {

    private static IllegalArgumentException rejects(String parameter, Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(parameter), "message should name " + parameter + ": " + x.getMessage());
        return x;
    }

    private static SpikingNetwork.Builder ab() {
        return SpikingNetwork.builder()
                .population("A", Fixtures.lif(), 10)
                .population("B", HodgkinHuxleyTraub.defaults(), 10);
    }

    // ---- the list -------------------------------------------------------------------------

    @Test
    void aJumpOntoAVariableTheTargetLacks() {
        IllegalArgumentException x = rejects("variable = \"w\"",
                () -> ab().connect("A", "A", Synapses.jump("w"), 1, Connectivity.allToAll()));
        assertTrue(x.getMessage().contains("[V]"), "lists the variables: " + x.getMessage());
        // AdEx has one.
        SpikingNetwork.builder().population("X", Neurons.adex(), 3).connect("X", "X", Synapses.jump("w"), 0.01, Connectivity.allToAll());
    }

    @Test
    void recordingAVariableOrReceptorTheTargetLacks() {
        IllegalArgumentException x = rejects("variable = \"g_NMDA\"", () -> ab()
                .connect("B", "B", Synapses.ampa(), 1 * nS, Connectivity.allToAll())
                .record("B", "g_NMDA", 0).build());
        assertTrue(x.getMessage().contains("g_AMPA") && x.getMessage().contains("I_AMPA"), x.getMessage());
        rejects("variable = \"I_AMPA\"", () -> ab().record("A", "I_AMPA", 0).build());
    }

    @Test
    void aConductanceOntoAModelWithoutAMembranePotential() {
        IllegalArgumentException x = rejects("needs a membrane potential in mV", () -> SpikingNetwork.builder()
                .population("F", Neurons.fitzHughNagumo(), 5)
                .connect("F", "F", Synapses.ampa(), 0.1, Connectivity.allToAll()));
        assertTrue(x.getMessage().contains("Synapses.currentExponential"), x.getMessage());
        // A current-based receptor onto it is fine.
        SpikingNetwork.builder().population("F", Neurons.fitzHughNagumo(), 5)
                .connect("F", "F", Synapses.currentExponential(2), 0.1, Connectivity.allToAll()).build();
    }

    @Test
    void aCurrentWeightInTheWrongUnitRange() {
        // CUBA's 16.2 pA typed as nA: one event would move V by about 400 mV.
        IllegalArgumentException x = rejects("weight = 16.2 nA",
                () -> ab().connect("A", "A", Fixtures.E, 16.2 * nA, Connectivity.allToAll()));
        assertTrue(x.getMessage().contains("wrong unit") && x.getMessage().contains("pA"), x.getMessage());
        ab().connect("A", "A", Fixtures.E, 16.2 * pA, Connectivity.allToAll());
        // A conductance in µS instead of nS, and a jump in volts.
        rejects("weight = 6 µS", () -> ab().connect("A", "B", Synapses.ampa(), 6 * uS, Connectivity.allToAll()));
        rejects("weight = 1000 mV", () -> ab().connect("A", "A", Synapses.jump(), 1000 * mV, Connectivity.allToAll()));
        rejects("weights[1] = 50 nA", () -> ab().connect("A", "A", Fixtures.E, new double[] {0.01, 50 * nA}, 0,
                Connectivity.explicit(new int[] {0, 1}, new int[] {1, 0})));
    }

    @Test
    void aSpikeSourceUsedAsATarget() {
        SpikingNetwork.Builder b = SpikingNetwork.builder().population("X", Spikes.poissonGroup(10, 5 * Hz))
                .population("A", Fixtures.lif(), 3);
        IllegalArgumentException x = rejects("to = \"X\" is a group of spike sources",
                () -> b.connect("A", "X", Fixtures.E, 0.01, Connectivity.allToAll()));
        assertTrue(x.getMessage().contains("connect to a population of neurons"), x.getMessage());
        rejects("population = \"X\"", () -> b.poissonInput("X", Synapses.jump(), 10, 5 * Hz, 0.1));
        rejects("population = \"X\"", () -> b.record("X", "V", 0));
        b.connect("X", "A", Fixtures.E, 0.01, Connectivity.allToAll()).build();
    }

    // ---- the rest ---------------------------------------------------------------------------------

    @Test
    void negativeOrLargeProbability() {
        rejects("p = -0.1", () -> Connectivity.fixedProbability(-0.1));
        rejects("p = 1.5", () -> Connectivity.fixedProbability(1.5));
        rejects("p = NaN", () -> Connectivity.fixedProbability(Double.NaN));
    }

    @Test
    void nanOrInfiniteWeight() {
        rejects("weight = NaN", () -> ab().connect("A", "A", Fixtures.E, Double.NaN, Connectivity.allToAll()));
        rejects("weight = Infinity", () -> ab().connect("A", "A", Fixtures.E, Double.POSITIVE_INFINITY, Connectivity.allToAll()));
        rejects("weights[1] = NaN", () -> ab().connect("A", "A", Fixtures.E, new double[] {0.01, Double.NaN}, 0.1,
                Connectivity.explicit(new int[] {0, 1}, new int[] {1, 0})));
        rejects("weight of connection", () -> ab().connect("A", "A", Fixtures.E, (i, j, r) -> Double.NaN, 0.0,
                Connectivity.allToAll()).build());
    }

    @Test
    void negativeConductanceExplainsReversalPotentials() {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> ab().connect("A", "B", Synapses.gabaA(), -67 * nS, Connectivity.allToAll()));
        assertTrue(x.getMessage().contains("weight") && x.getMessage().contains("reversal potential"), x.getMessage());
    }

    @Test
    void twoDifferentReceptorsUnderOneName() {
        rejects("give it another name", () -> ab()
                .connect("A", "B", Synapses.exponential(5, 0), 1 * nS, Connectivity.allToAll())
                .connect("A", "B", Synapses.exponential(10, -80), 1 * nS, Connectivity.allToAll()).build());
    }

    @Test
    void zeroNeurons() {
        rejects("size = 0", () -> SpikingNetwork.builder().population("E", Fixtures.lif(), 0));
        rejects("size = -3", () -> SpikingNetwork.builder().population("E", Fixtures.lif(), -3));
        rejects("no population", () -> SpikingNetwork.builder().build());
    }

    @Test
    void negativeDelays() {
        rejects("delayMs = -1.0", () -> ab().connect("A", "A", Fixtures.E, 0.01, -1.0, Connectivity.allToAll()));
        rejects("delayMs = NaN", () -> ab().connect("A", "A", Fixtures.E, 0.01, Double.NaN, Connectivity.allToAll()));
        rejects("delaysMs[1] = -0.1", () -> ab().connect("A", "A", Fixtures.E, new double[] {0.01, 0.01}, new double[] {0.1, -0.1},
                Connectivity.explicit(new int[] {0, 1}, new int[] {1, 0})));
    }

    @Test
    void unknownNamesAreListed() {
        rejects("from = \"X\"", () -> ab().connect("X", "A", Fixtures.E, 0.01, Connectivity.allToAll()));
        rejects("to = \"Y\"", () -> ab().connect("A", "Y", Fixtures.E, 0.01, Connectivity.allToAll()));
        rejects("population = \"Z\"", () -> ab().build().population("Z"));
        rejects("neuron 10", () -> ab().record("A", "V", 10));
        rejects("name = \"A\"", () -> ab().population("A", Fixtures.lif(), 1));
        rejects("variable = \"q\"", () -> ab().start("A", "q", 1.0).build());
    }

    @Test
    void impossibleConnectivity() {
        rejects("k = -1", () -> Connectivity.fixedInDegree(-1));
        rejects("k = 11", () -> ab().connect("A", "A", Fixtures.E, 0.01, Connectivity.fixedInDegree(11)).build());
        rejects("one-to-one", () -> SpikingNetwork.builder().population("A", Fixtures.lif(), 3)
                .population("C", Fixtures.lif(), 4).connect("A", "C", Fixtures.E, 0.01, Connectivity.oneToOne()).build());
        rejects("pre.length", () -> Connectivity.explicit(new int[] {0, 1}, new int[] {0}));
        rejects("post[0] = 12", () -> ab().connect("A", "A", Fixtures.E, 0.01,
                Connectivity.explicit(new int[] {0}, new int[] {12})).build());
        rejects("weights.length = 1", () -> ab().connect("A", "A", Fixtures.E, new double[] {0.01}, 0.1,
                Connectivity.explicit(new int[] {0, 1}, new int[] {1, 0})).build());
    }

    @Test
    void badStepThreadsMethodAndDuration() {
        rejects("dt = 0", () -> SpikingNetwork.builder().dt(0));
        rejects("dt = NaN", () -> SpikingNetwork.builder().dt(Double.NaN));
        rejects("threads = 0", () -> SpikingNetwork.builder().threads(0));
        rejects("method = \"rk5\"", () -> SpikingNetwork.builder().method("rk5"));
        rejects("method = adaptive", () -> SpikingNetwork.builder().method("adaptive"));
        rejects("durationMs = -5", () -> ab().build().run(-5));
        rejects("durationMs = 0.01", () -> ab().build().run(0.01));
    }

    @Test
    void aStepTooLargeForTheMethodIsRefusedAtBuild() {
        IllegalArgumentException x = rejects("dt = 1.000 ms is too large for euler", () -> SpikingNetwork.builder().dt(1)
                .population("H", Neurons.hodgkinHuxley(), 3).method("euler").build());
        assertTrue(x.getMessage().contains("of population H"), x.getMessage());
    }

    @Test
    void theExactMethodNeedsLinearEquations() {
        rejects("method = exact needs linear equations", () -> SpikingNetwork.builder()
                .population("H", Neurons.adex(), 3).method("exact").build());
    }

    @Test
    void modelsThatDoNotShareTheirVariables() {
        rejects("must share their variables", () -> SpikingNetwork.builder()
                .population("M", 4, (i, r) -> i < 2 ? Neurons.adex() : Neurons.lif()).build());
    }

    @Test
    void startValuesMustBeFiniteAndInRange() {
        rejects("is not finite", () -> ab().start("A", "V", Double.NaN));
        rejects("outside [0, 1]", () -> ab().start("B", "m", 1.5).build());
    }

    @Test
    void badModelParameters() {
        rejects("tauMs = 0", () -> Neurons.lif().withTauMs(0));
        rejects("resetMv = -40", () -> Neurons.lif().withResetMv(-40));
        rejects("areaUm2 = -1", () -> HodgkinHuxleyTraub.defaults().withAreaUm2(-1));
        rejects("values.length = 3", () -> ab().build().population("A").set("V", new double[3]));
    }
}
