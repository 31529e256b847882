package dev.soma.stimulus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Stimulus;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Ornstein–Uhlenbeck noise is reproducible from its seed without keeping its path: the values are those
 * of the exact update driven by {@code new SplittableRandom(seed)}, read in any order and from any
 * number of threads, and a run of 3·10⁵ ms (3·10⁷ grid cells, 240 MB as a stored path) fits in a 64 MB
 * heap (a stored path would need 8 bytes per cell, 800 MB for the 10⁶ ms of issue 10).
 */
class NoiseStreamTest {

    /** The path as it is defined: sequential exact OU updates with Box–Muller numbers from one generator. */
    private static double[] referencePath(double mean, double sigma, double tau, long seed, double grid, int cells) {
        SplittableRandom random = new SplittableRandom(seed);
        double decay = Math.exp(-grid / tau);
        double kick = sigma * Math.sqrt(-Math.expm1(-2 * grid / tau));
        double[] x = new double[cells];
        for (int k = 0; k < cells; k++) {
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            double g = Math.sqrt(-2.0 * Math.log1p(-u1)) * Math.cos(2.0 * Math.PI * u2);
            x[k] = k == 0 ? mean + sigma * g : mean + (x[k - 1] - mean) * decay + kick * g;
        }
        return x;
    }

    @Test
    void valuesAreTheSequentialPathBitForBitInAnyOrder() {
        double[] expected = referencePath(1.5, 0.7, 3, 42, 0.01, 5000);
        Current noise = Stimulus.noise(1.5, 0.7, 3, 42);
        for (int k = 4999; k >= 0; k -= 7) {
            assertEquals(expected[k], noise.at(k * 0.01 + 0.004), "cell " + k + " read backwards");
        }
        Current fresh = Stimulus.noise(1.5, 0.7, 3, 42);
        for (int k = 0; k < 5000; k++) {
            assertEquals(expected[k], fresh.at(k * 0.01), "cell " + k);
        }
    }

    @Test
    void theClosedFormGeneratorIsSplittableRandom() {
        for (long seed : new long[] {0, 1, -7, 123456789L, Long.MAX_VALUE}) {
            var noise = (Currents.OrnsteinUhlenbeck) Currents.noise(0, 1, 1, seed, 0.1);
            SplittableRandom random = new SplittableRandom(seed);
            for (int k = 1; k <= 1000; k++) {
                assertEquals(random.nextDouble(), noise.uniform(k), "draw " + k + " of seed " + seed);
            }
        }
    }

    @Test
    void threadsReadingOneNoiseAtDifferentTimesSeeTheSamePath() {
        double[] expected = referencePath(0, 1, 2, 9, 0.01, 40_000);
        Current noise = Stimulus.noise(0, 1, 2, 9);
        long mismatches = IntStream.range(0, 8).parallel().mapToLong(thread -> {
            long bad = 0;
            for (int k = thread * 997 % 40_000, n = 0; n < 40_000; n++, k = (k + 1) % 40_000) {
                if (noise.at(k * 0.01) != expected[k]) bad++;
            }
            return bad;
        }).sum();
        assertEquals(0, mismatches);
    }

    /** Entry point of the forked JVM: reads 3·10⁷ cells of noise in order, as a run of 3·10⁵ ms at dt = 0.01 ms does. */
    public static void main(String[] args) {
        Current noise = Stimulus.noise(1, 0.5, 5, 1);
        double sum = 0;
        for (long k = 0; k < 30_000_000L; k++) {
            sum += noise.at(k * 0.01);
        }
        System.out.println("mean=" + sum / 3e7 + " maxHeapMB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    @Test
    void threeHundredSecondsOfNoiseFitInSixtyFourMegabytes() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", classpath, NoiseStreamTest.class.getName()))
                .redirectErrorStream(true).start();
        boolean done = p.waitFor(300, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done, "the forked run did not finish: " + out);
        assertEquals(0, p.exitValue(), out);
        String line = out.lines().filter(l -> l.startsWith("mean=")).findFirst().orElseThrow(() -> new AssertionError(out));
        double mean = Double.parseDouble(line.split("[ =]")[1]);
        assertEquals(1, mean, 0.05, line);
        assertTrue(Long.parseLong(line.split("[ =]")[3]) <= 64, "the fork's heap was not limited: " + line);
    }
}
