package dev.soma.analysis;

import dev.soma.model.HodgkinHuxley;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times an f–I sweep of 200 currents × 1 s of Hodgkin–Huxley, single-threaded and on all cores,
 * and checks that both give the same rates bit for bit. Not a test (no wall-clock assertions):
 * run it by hand, e.g.
 * {@code java -cp target/classes:target/test-classes:<dependencies> dev.soma.analysis.FiSweepTiming}.
 */
public final class FiSweepTiming {
    private FiSweepTiming() {}

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        FiCurve.Builder sweep = FiCurve.of(HodgkinHuxley.squidAxon()).range(0, 30, 200).progress(true);
        // Warm-up (JIT) on a short sweep, then single-threaded, then parallel.
        FiCurve.of(HodgkinHuxley.squidAxon()).range(0, 30, 20).durationMs(300).windowFromMs(100).progress(false).threads(1).run();
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        FiCurve single = sweep.threads(1).run();
        long t1 = System.nanoTime();
        long c1 = cpuNanos();
        FiCurve parallel = sweep.threads(threads).run();
        long t2 = System.nanoTime();
        long c2 = cpuNanos();
        // CPU time is reported too: on a shared machine the wall-clock time says more about the neighbours.
        System.out.printf(Locale.ROOT, "HH f–I, 200 currents × 1000 ms: 1 thread %.2f s (CPU %.2f s), %d threads %.2f s (CPU %.2f s), identical: %b%n",
                (t1 - t0) / 1e9, (c1 - c0) / 1e9, threads, (t2 - t1) / 1e9, (c2 - c1) / 1e9,
                Arrays.equals(parallel.ratesHz(), single.ratesHz()));
    }

    private static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
