package dev.soma.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Network;
import org.junit.jupiter.api.Test;

/** The front class builds the benchmark networks and custom E/I networks in one line each. */
class NetworkFrontTest {

    @Test
    void cubaAndCobahhHaveTheBenchmarkShape() {
        SpikingNetwork cuba = Network.cuba(1, 1);
        assertEquals(4000, cuba.size());
        assertEquals(3200, cuba.population("E").size());
        assertEquals(3200, cuba.population("I").offset());
        assertEquals(0.1, cuba.dtMs());
        // p = 0.02 over 4000 × 4000 pairs: 320,000 ± 5·√(320,000·0.98) connections.
        assertEquals(320_000, cuba.connections(), 5 * Math.sqrt(320_000 * 0.98));
        SpikingNetwork cobahh = Network.cobahh(1, 2);
        assertEquals(Math.min(2, Runtime.getRuntime().availableProcessors()), cobahh.threads());
        assertEquals(4000, cobahh.size());
        assertTrue(cobahh.population("E").model() instanceof HhTraubCondExp);
        assertArrayEquals(new int[] {1, 1, 1, 1}, cobahh.projections().stream()
                .mapToInt(p -> p.delaySteps().length > 0 ? p.delaySteps()[0] : 1).toArray());
    }

    @Test
    void aCustomEiNetworkInAFewLines() {
        NetworkResult r = Network.ei(Network.lif().withRestMv(-60), 400, 100, 0.1, 0.5, -2)
                .poissonInput("E", "ge", 400, 10 * dev.soma.Units.Hz, 0.5)
                .seed(7).build().run(200);
        assertTrue(r.rateHz("E") > 1, r.toString());
        assertEquals(400, r.offsetOf("I"));
    }
}
