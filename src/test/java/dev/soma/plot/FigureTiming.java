package dev.soma.plot;

import dev.soma.Neurons;
import dev.soma.Plots;
import dev.soma.Simulation;
import dev.soma.Stimulus;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Times figures in a fresh JVM, as a notebook meets them: the first figure (AWT, fonts and XChart
 * start up) and later ones, each built and encoded as PNG. Run it several times for medians:
 * {@code java -Djava.awt.headless=true -cp target/test-classes:<soma-all.jar> dev.soma.plot.FigureTiming}.
 */
public final class FigureTiming {
    private FigureTiming() {}

    public static void main(String[] args) {
        var run = Simulation.of(Neurons.hodgkinHuxley()).inject(Stimulus.step(10, 10, 110)).record("V", "m", "h", "n", "I_Na", "I_K", "I_L").run(150);
        var threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Figure first = Plots.voltage(run);
        byte[] png = first.toPng();
        double firstMs = (System.nanoTime() - t0) / 1e6;
        double firstCpuMs = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        double[] later = new double[5];
        double[] laterCpu = new double[5];
        for (int i = 0; i < later.length; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            Figure f = Plots.voltage(run);
            png = f.toPng();
            later[i] = (System.nanoTime() - s) / 1e6;
            laterCpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        long c = threads.getCurrentThreadCpuTime();
        long s = System.nanoTime();
        Plots.hodgkinHuxley(run).toPng();
        double hhMs = (System.nanoTime() - s) / 1e6;
        double hhCpuMs = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        Arrays.sort(later);
        Arrays.sort(laterCpu);
        System.out.printf("first figure %.0f ms (cpu %.0f ms; JVM start to first PNG %d ms); later voltage figures median %.0f ms (cpu %.0f ms) of %s;"
                + " HH 3-panel %.0f ms (cpu %.0f ms)%n", firstMs, firstCpuMs, sinceStart, later[2], laterCpu[2], Arrays.toString(later), hhMs, hhCpuMs);
    }
}
