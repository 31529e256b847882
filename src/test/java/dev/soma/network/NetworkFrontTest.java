package dev.soma.network;

import static dev.soma.Units.Hz;
import static dev.soma.Units.mV;
import static dev.soma.Units.nA;
import static dev.soma.Units.nS;
import static dev.soma.Units.pA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Network;
import dev.soma.Neurons;
import dev.soma.Synapses;
import dev.soma.model.HodgkinHuxleyTraub;
import org.junit.jupiter.api.Test;

/** The front class builds the benchmark networks and custom networks from the zoo in a few lines each. */
class NetworkFrontTest {

    @Test
    void cubaAndCobahhHaveTheBenchmarkShape() {
        SpikingNetwork cuba = Network.cuba(1, 1);
        assertEquals(4000, cuba.size());
        assertEquals(3200, cuba.population("E").size());
        assertEquals(3200, cuba.population("I").offset());
        assertEquals(0.1, cuba.dtMs());
        assertEquals(java.util.List.of("V", "I_e", "I_i"), cuba.population("E").variables());
        // p = 0.02 over 4000 × 4000 pairs: 320,000 ± 5·√(320,000·0.98) connections.
        assertEquals(320_000, cuba.connections(), 5 * Math.sqrt(320_000 * 0.98));
        SpikingNetwork cobahh = Network.cobahh(1, 2);
        assertEquals(Math.min(2, Runtime.getRuntime().availableProcessors()), cobahh.threads());
        assertEquals(4000, cobahh.size());
        assertTrue(cobahh.population("E").model() instanceof HodgkinHuxleyTraub);
        assertEquals(java.util.List.of("V", "m", "h", "n", "g_e", "g_i"), cobahh.population("E").variables());
        assertArrayEquals(new int[] {0, 0, 0, 0}, cobahh.projections().stream()
                .mapToInt(p -> p.delaySteps().length > 0 ? p.delaySteps()[0] : 0).toArray());
        assertEquals("µS", cobahh.projections().get(0).weightUnit());
        assertEquals(4, cobahh.projections().get(0).bytesPerConnection());
    }

    @Test
    void aCustomEiNetworkOfAnyZooModelInAFewLines() {
        NetworkResult r = Network.ei(Neurons.adex("adapting"), 400, 100, 0.05, Synapses.ampa(), 1 * nS, Synapses.gabaA(), 4 * nS)
                .poissonInput("E", Synapses.ampa(), 100, 18 * Hz, 3 * nS)
                .poissonInput("I", Synapses.ampa(), 100, 18 * Hz, 3 * nS)
                .start("E", "V", Network.uniform(-70 * mV, -50 * mV))
                .method("euler").seed(7).build().run(200);
        assertTrue(r.rateHz("E") > 1, r.toString());
        assertEquals(400, r.offsetOf("I"));
        NetworkResult cuba = Network.cubaWeights(16.2 * pA, -90 * pA).seed(1).build().run(100);
        assertArrayEquals(Network.cuba(1).run(100).spikeNeurons(), cuba.spikeNeurons());
        assertTrue(1 * nA > 0);
    }
}
