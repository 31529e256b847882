package dev.soma.plot;

import dev.soma.Plots;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times spike rasters in a fresh JVM, built and encoded as PNG as a notebook shows them: the CUBA
 * network's size (22,000 spikes: one tick per spike) and 100,000, 1 and 10 million spikes of
 * 4000 neurons over 1 s (drawn per pixel). Prints the first figure (with AWT and XChart start-up)
 * and the median of the next three, wall and CPU time. Run it several times on a quiet machine:
 * {@code java -Djava.awt.headless=true -cp target/test-classes:target/soma-<version>-all.jar dev.soma.plot.RasterTiming}
 * (arguments: spike counts, default 22000 100000 1000000 10000000).
 */
public final class RasterTiming {
    private RasterTiming() {}

    public static void main(String[] args) {
        int[] counts = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {22_000, 100_000, 1_000_000, 10_000_000};
        var threads = ManagementFactory.getThreadMXBean();
        for (int count : counts) {
            SplittableRandom random = new SplittableRandom(count);
            double[] t = new double[count];
            int[] id = new int[count];
            for (int i = 0; i < count; i++) {
                t[i] = 1000 * random.nextDouble();
                id[i] = random.nextInt(4000);
            }
            Arrays.sort(t);
            double[] wall = new double[4];
            double[] cpu = new double[4];
            int bytes = 0;
            for (int k = 0; k < wall.length; k++) {
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                bytes = Plots.raster(t, id, 1000, 3200).toPng().length;
                wall[k] = (System.nanoTime() - s) / 1e6;
                cpu[k] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
            }
            double[] later = Arrays.copyOfRange(wall, 1, wall.length);
            double[] laterCpu = Arrays.copyOfRange(cpu, 1, cpu.length);
            Arrays.sort(later);
            Arrays.sort(laterCpu);
            System.out.printf(Locale.ROOT, "raster spikes=%d %s: first %.0f ms (cpu %.0f), later median %.0f ms (cpu %.0f); png %d kB%n",
                    count, count > Spikes.PER_PIXEL_SPIKES ? "per pixel" : "per spike", wall[0], cpu[0], later[1], laterCpu[1],
                    bytes / 1024);
        }
    }
}
