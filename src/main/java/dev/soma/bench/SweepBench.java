package dev.soma.bench;

import dev.soma.analysis.SweepRunner;
import dev.soma.analysis.SweepSpec;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * The sweep benchmark: 1000 points of about 50 ms of work each — Hodgkin–Huxley f–I curves against
 * noise (50 currents from 0 to 15 µA/cm² × 20 noise levels from 0 to 4.75 µA/cm², 3 s simulated
 * per point, rate and CV) — through one runner, one line:
 * <pre>
 *   workload=sweep runner=threads points=1000 whole_s=26.1 startup_s=0.31 sweep_s=25.8 point_ms=51.6 cpu_s=51.9
 * </pre>
 * {@code startup_s} is the time from the JVM's start until the runner is ready (for Spark: the
 * context started), {@code whole_s} until the table is made, {@code sweep_s} their difference,
 * {@code point_ms} the sweep's time per point and core, {@code cpu_s} the CPU time the whole process
 * spent during the sweep (on a busy machine a steadier measure of overhead than wall time). Options: {@code --runner threads|spark},
 * {@code --master local[2]} (Spark), {@code --points 1000} (a multiple of 20),
 * {@code --duration-ms 3000}, {@code --tasks-per-core 8} (Spark). The Spark runner needs Spark and
 * soma-&lt;version&gt;-spark.jar on the class path and Spark's Java options ({@code scripts/bench.sh} sets them).
 */
public final class SweepBench {
    private SweepBench() {}

    /** The benchmark's specification. */
    public static SweepSpec spec(int points, double durationMs) {
        if (points < 20 || points % 20 != 0) {
            throw new IllegalArgumentException("points = " + points + "; give a multiple of 20, e.g. 1000");
        }
        return SweepSpec.of("hodgkinHuxley")
                .vary("I [uA/cm2]", SweepSpec.linspace(0, 15, points / 20))
                .vary("sigma [uA/cm2]", SweepSpec.linspace(0, 4.75, 20))
                .measure("rate", "cv").duration(durationMs).warmup(200).seed(1).progress(false);
    }

    /** Runs the benchmark; see the class comment. */
    public static void main(String[] args) {
        String runner = "threads";
        String master = "local[2]";
        int points = 1000;
        double durationMs = 3000;
        int tasksPerCore = 8;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runner" -> runner = args[++i];
                case "--master" -> master = args[++i];
                case "--points" -> points = Integer.parseInt(args[++i]);
                case "--duration-ms" -> durationMs = Double.parseDouble(args[++i]);
                case "--tasks-per-core" -> tasksPerCore = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; options: --runner threads|spark --master local[2] "
                            + "--points 1000 --duration-ms 3000 --tasks-per-core 8");
                    System.exit(2);
                }
            }
        }
        SweepSpec spec = spec(points, durationMs).check();
        SweepRunner r = runner.equals("threads") ? SweepRunner.threads() : SweepRunner.spark(master);
        if (!runner.equals("threads")) {
            r = tasks(r, tasksPerCore);
        }
        r.start();
        double startup = sinceJvmStart();
        long cpu0 = processCpuNanos();
        Table t = spec.run(r);
        double whole = sinceJvmStart();
        double cpu = (processCpuNanos() - cpu0) * 1e-9;
        int cores = runner.equals("threads") ? Runtime.getRuntime().availableProcessors() : cores(master);
        System.out.printf(Locale.ROOT, "workload=sweep runner=%s points=%d whole_s=%.2f startup_s=%.2f sweep_s=%.2f "
                        + "point_ms=%.1f cpu_s=%.2f%n", runner.equals("threads") ? "threads" : "spark", points, whole, startup,
                whole - startup, (whole - startup) * 1e3 * cores / points, cpu);
        double sum = 0;
        for (double v : t.doubleColumn("rate [Hz]").asDoubleArray()) sum += v;
        System.out.printf(Locale.ROOT, "# sweep %s: %s, %d cores, mean rate %.4f Hz (same for every runner)%n",
                runner, r, cores, sum / t.rowCount());
        if (r instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // ending anyway
            }
        }
    }

    private static SweepRunner tasks(SweepRunner spark, int perCore) {
        try {
            return (SweepRunner) spark.getClass().getMethod("tasksPerCore", int.class).invoke(spark, perCore);
        } catch (ReflectiveOperationException e) {
            return spark;
        }
    }

    private static int cores(String master) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("local\\[(\\d+)").matcher(master);
        return m.find() ? Integer.parseInt(m.group(1)) : Runtime.getRuntime().availableProcessors();
    }

    /** CPU time of the whole process (all threads, the JIT and GC included), in ns; -1 if unknown. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static double sinceJvmStart() {
        return (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) * 1e-3;
    }
}
