package dev.soma.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A 4000-neuron network records every spike in a heap of 256 MB: a separate JVM started with
 * {@code -Xmx256m} runs the CUBA network for 7 s — about 157,000 spikes, as many as the full
 * COBAHH benchmark (the most spikes of the workloads) makes in 1 s, at a tenth of its cost — and
 * prints what it recorded. (The benchmark command runs every workload, COBAHH included, in
 * 256 MB JVMs too.)
 */
class MemoryTest {

    /** Entry point of the forked JVM. */
    public static void main(String[] args) {
        NetworkResult r = EiNetwork.cuba().seed(1).threads(1).build().run(7000);
        int[] n = r.spikeNeurons();
        double[] t = r.spikeTimes();
        System.out.println("spikes=" + r.spikeCount() + " recorded=" + Math.min(n.length, t.length)
                + " maxHeapMB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    @Test
    void fourThousandNeuronsRecordEverySpikeIn256Megabytes() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", classpath, MemoryTest.class.getName()))
                .redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done, "the forked run did not finish: " + out);
        assertEquals(0, p.exitValue(), out);
        String line = out.lines().filter(l -> l.startsWith("spikes=")).findFirst().orElseThrow(() -> new AssertionError(out));
        String[] f = line.split("[ =]");
        int spikes = Integer.parseInt(f[1]);
        int recorded = Integer.parseInt(f[3]);
        long heap = Long.parseLong(f[5]);
        assertTrue(spikes > 140_000, line);
        assertEquals(spikes, recorded, line);
        assertTrue(heap <= 256, "the fork's heap was not limited: " + line);
    }
}
