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
        if (args.length > 0 && args[0].equals("synapses")) {
            synapses();
            return;
        }
        NetworkResult r = EiNetwork.cuba().seed(1).threads(1).build().run(7000);
        int[] n = r.spikeNeurons();
        double[] t = r.spikeTimes();
        System.out.println("spikes=" + r.spikeCount() + " recorded=" + Math.min(n.length, t.length)
                + " maxHeapMB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** The heap in use after a full collection, in bytes. */
    private static long used() {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }

    /**
     * Brunel's model A at full size (12,500 neurons, 12.5 M static synapses with one weight and one
     * delay), built and run for 100 ms, then a plastic projection of 2 M synapses (STDP): the heap
     * each takes per synapse.
     */
    static void synapses() {
        long before = used();
        SpikingNetwork brunel = dev.soma.analysis.BrunelNetwork.modelA().builder(1).build();
        long after = used();
        brunel.run(100);
        long synapses = brunel.connections();
        System.out.println("brunelSynapses=" + synapses + " brunelBytesPerSynapse=" + (double) (after - before) / synapses);
        brunel = null;
        long base = used();
        var lif = dev.soma.Neurons.lif();
        SpikingNetwork plastic = SpikingNetwork.builder().seed(1)
                .population("in", dev.soma.Spikes.poissonGroup(2000, 0.01))
                .population("out", lif, 2000)
                .connect("in", "out", dev.soma.Synapses.currentExponential(5), RandomValue.uniform(0, 0.1), 1.5,
                        Connectivity.fixedProbability(0.5))
                .stdp(dev.soma.Synapses.stdpAdditive(0.001, 0.00105, 20, 20, 0, 0.1))
                .build();
        long plasticUsed = used();
        plastic.run(10);
        System.out.println("plasticSynapses=" + plastic.connections() + " plasticBytesPerSynapse="
                + (double) (plasticUsed - base) / plastic.connections() + " maxHeapMB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** Brunel's full network runs in 512 MB (the memory goal), and the bytes per synapse are as documented. */
    @Test
    void brunelRunsIn512MegabytesAndSynapsesCostTheirDocumentedBytes() throws Exception {
        String out = fork("-Xmx512m", "synapses");
        String line1 = out.lines().filter(l -> l.startsWith("brunelSynapses=")).findFirst().orElseThrow(() -> new AssertionError(out));
        String line2 = out.lines().filter(l -> l.startsWith("plasticSynapses=")).findFirst().orElseThrow(() -> new AssertionError(out));
        System.out.println(line1 + "\n" + line2);
        double brunel = Double.parseDouble(line1.split("[ =]")[3]);
        double plastic = Double.parseDouble(line2.split("[ =]")[3]);
        // 4 bytes a static synapse (its target) plus the neurons' state and rings spread over 1000 synapses each
        assertTrue(brunel > 3.5 && brunel < 6, line1);
        // 4 (target) + 8 (weight) + 8 (transposed index) = 20 bytes a plastic synapse
        assertTrue(plastic > 19 && plastic < 23, line2);
        assertTrue(Long.parseLong(line2.split("[ =]")[5]) <= 512, line2);
    }

    private static String fork(String heap, String... args) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new java.util.ArrayList<>(List.of(java, heap, "-XX:+UseSerialGC", "-cp", classpath, MemoryTest.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean done = p.waitFor(300, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done, "the forked run did not finish: " + out);
        assertEquals(0, p.exitValue(), out);
        return out;
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
