package dev.soma.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each connectivity rule makes the connections it promises, stored sorted by source and target. */
class ConnectivityTest {

    private static SpikingNetwork twoPopulations(int nA, int nB, Connectivity rule) {
        return SpikingNetwork.builder().seed(9)
                .population("A", Fixtures.lif(), nA)
                .population("B", Fixtures.lif(), nB)
                .connect("A", "B", Fixtures.E, 1.0, rule)
                .build();
    }

    private static void assertRowsSorted(Projection p) {
        for (int i = 0; i < p.source().size(); i++) {
            int[] t = p.targetsOf(i);
            for (int k = 1; k < t.length; k++) {
                assertTrue(t[k - 1] <= t[k], "row " + i + " not sorted");
            }
        }
    }

    @Test
    void fixedProbabilityMakesAboutPTimesThePairs() {
        int nA = 2000;
        int nB = 1500;
        double p = 0.05;
        Projection proj = twoPopulations(nA, nB, Connectivity.fixedProbability(p)).projections().get(0);
        double expected = p * nA * nB;
        double sd = Math.sqrt(expected * (1 - p));
        assertEquals(expected, proj.size(), 5 * sd, "number of connections");
        // In-degrees are binomial(nA, p): mean p·nA, variance p(1−p)·nA.
        int[] in = proj.inDegrees();
        double mean = 0;
        double var = 0;
        for (int d : in) {
            mean += d;
        }
        mean /= in.length;
        for (int d : in) {
            var += (d - mean) * (d - mean);
        }
        var /= in.length - 1;
        assertEquals(p * nA, mean, 0.5);
        assertEquals(p * (1 - p) * nA, var, 0.15 * p * (1 - p) * nA);
        assertRowsSorted(proj);
    }

    @Test
    void fixedProbabilityIsUnbiasedForEveryTarget() {
        // The geometric skipping must not favour early or late targets: compare the two halves.
        Projection proj = twoPopulations(4000, 1000, Connectivity.fixedProbability(0.02)).projections().get(0);
        int[] in = proj.inDegrees();
        long first = 0;
        long second = 0;
        for (int j = 0; j < 500; j++) {
            first += in[j];
            second += in[j + 500];
        }
        double sd = Math.sqrt(0.02 * 4000 * 500);
        assertEquals(0.02 * 4000 * 500, first, 5 * sd);
        assertEquals(0.02 * 4000 * 500, second, 5 * sd);
    }

    @Test
    void probabilityOneAndZeroAreAllAndNothing() {
        assertEquals(30 * 20, twoPopulations(30, 20, Connectivity.fixedProbability(1)).connections());
        assertEquals(0, twoPopulations(30, 20, Connectivity.fixedProbability(0)).connections());
    }

    @Test
    void withoutAutapsesNoNeuronConnectsToItself() {
        SpikingNetwork net = SpikingNetwork.builder().seed(2)
                .population("A", Fixtures.lif(), 200)
                .connect("A", "A", Fixtures.E, 1.0, Connectivity.fixedProbability(0.5).withoutAutapses())
                .connect("A", "A", Fixtures.I, -1.0, Connectivity.allToAll().withoutAutapses())
                .connect("A", "A", Fixtures.E, 1.0, Connectivity.fixedInDegree(199).withoutAutapses())
                .build();
        for (Projection p : net.projections()) {
            for (int i = 0; i < 200; i++) {
                for (int t : p.targetsOf(i)) {
                    assertTrue(t != i, p + ": autapse at " + i);
                }
            }
        }
        assertEquals(200 * 199, net.projections().get(1).size());
        assertEquals(200 * 199, net.projections().get(2).size());
    }

    @Test
    void fixedInDegreeGivesExactlyKDistinctSources() {
        int k = 37;
        Projection proj = twoPopulations(300, 250, Connectivity.fixedInDegree(k)).projections().get(0);
        int[] in = proj.inDegrees();
        for (int d : in) {
            assertEquals(k, d);
        }
        assertEquals(250 * k, proj.size());
        for (int i = 0; i < 300; i++) {
            int[] t = proj.targetsOf(i);
            for (int q = 1; q < t.length; q++) {
                assertTrue(t[q - 1] < t[q], "a source reached target " + t[q] + " twice");
            }
        }
        // Sources are drawn uniformly: out-degrees average k·250/300.
        int[] out = proj.outDegrees();
        double mean = 0;
        for (int d : out) {
            mean += d;
        }
        assertEquals(k * 250.0 / 300, mean / out.length, 1e-9);
    }

    @Test
    void oneToOneConnectsIToI() {
        Projection proj = twoPopulations(50, 50, Connectivity.oneToOne()).projections().get(0);
        assertEquals(50, proj.size());
        for (int i = 0; i < 50; i++) {
            assertArrayEquals(new int[] {i}, proj.targetsOf(i));
        }
    }

    @Test
    void allToAllConnectsEveryPair() {
        Projection proj = twoPopulations(7, 5, Connectivity.allToAll()).projections().get(0);
        assertEquals(35, proj.size());
        for (int i = 0; i < 7; i++) {
            assertArrayEquals(new int[] {0, 1, 2, 3, 4}, proj.targetsOf(i));
        }
    }

    @Test
    void explicitListKeepsEachConnectionWithItsWeight() {
        int[] pre = {2, 0, 2, 1, 0};
        int[] post = {1, 3, 0, 2, 3};
        double[] w = {0.5, 1.5, 2.5, 3.5, 4.5};
        SpikingNetwork net = SpikingNetwork.builder()
                .population("A", Fixtures.lif(), 3)
                .population("B", Fixtures.lif(), 4)
                .connect("A", "B", Fixtures.E, w, 0.1, Connectivity.explicit(pre, post))
                .build();
        Projection p = net.projections().get(0);
        assertEquals(5, p.size());
        assertArrayEquals(new int[] {3, 3}, p.targetsOf(0));
        assertArrayEquals(new double[] {1.5, 4.5}, p.weightsOf(0));
        assertArrayEquals(new int[] {2}, p.targetsOf(1));
        assertArrayEquals(new double[] {3.5}, p.weightsOf(1));
        assertArrayEquals(new int[] {0, 1}, p.targetsOf(2));
        assertArrayEquals(new double[] {2.5, 0.5}, p.weightsOf(2));
    }

    @Test
    void thePartitionOfRowsCoversEveryConnectionOnce() {
        Projection proj = twoPopulations(100, 97, Connectivity.fixedProbability(0.3)).projections().get(0);
        for (int threads : new int[] {1, 2, 3, 5}) {
            proj.partition(threads);
            for (int i = 0; i < 100; i++) {
                int stride = threads + 1;
                assertEquals(proj.rowStart[i], proj.segments[i * stride]);
                assertEquals(proj.rowStart[i + 1], proj.segments[i * stride + threads]);
                for (int t = 0; t < threads; t++) {
                    int lo = SpikingNetwork.chunkStart(97, threads, t);
                    int hi = SpikingNetwork.chunkStart(97, threads, t + 1);
                    for (int s = proj.segments[i * stride + t]; s < proj.segments[i * stride + t + 1]; s++) {
                        assertTrue(proj.post[s] >= lo && proj.post[s] < hi);
                    }
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameConnections() {
        Projection a = twoPopulations(500, 500, Connectivity.fixedProbability(0.1)).projections().get(0);
        Projection b = twoPopulations(500, 500, Connectivity.fixedProbability(0.1)).projections().get(0);
        assertArrayEquals(a.post, b.post);
        assertArrayEquals(a.rowStart, b.rowStart);
        Connectivity.Csr c = Connectivity.fixedProbability(0.1).build(500, 500, false, new SplittableRandom(4));
        assertTrue(c.size() != a.size() || !java.util.Arrays.equals(c.post, a.post));
    }
}
