package dev.soma.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sweep models for tests, found by name through the test class path's
 * META-INF/services/dev.soma.analysis.SweepModel like a user's own models would be:
 * {@code test:work} computes a value from its point alone (and counts its runs, so a test can
 * tell that nothing ran), {@code test:flaky} is the same but fails the first attempt of point 3
 * when it runs inside a Spark task.
 */
public final class TestSweepModels {
    private TestSweepModels() {}

    /** Failures thrown on purpose by {@code test:flaky} in this JVM. */
    public static final AtomicInteger FAILURES = new AtomicInteger();

    /** Runs of {@code test:work} and {@code test:flaky} in this JVM. */
    public static final AtomicInteger RUNS = new AtomicInteger();

    static double value(SweepPoint p) {
        // A few thousand pseudo-random steps: cheap, but every bit depends on the values and the seed.
        SplittableRandom r = new SplittableRandom(p.seed());
        double acc = p.get("x") * 1.5 + p.get("y");
        for (int i = 0; i < 1000; i++) acc = Math.sin(acc + r.nextDouble());
        return acc;
    }

    /** {@code test:work}: parameters x [1], y [mV], work [ms] (busy time); measurements value [1], seed [1], x_echo [1], y_echo [mV]. */
    public static class Work implements SweepModel {
        /** For ServiceLoader. */
        public Work() {}

        @Override
        public String name() {
            return "test:work";
        }

        @Override
        public String description() {
            return "a test model";
        }

        @Override
        public List<SweepParameter> parameters() {
            return List.of(SweepParameter.real("x", "1", 0, "x"), SweepParameter.real("y", "mV", 0, "y"),
                    SweepParameter.real("work", "ms", 0, "busy time per point"), SweepParameter.count("n", 4, "a count"));
        }

        @Override
        public Map<String, String> measurements() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("value", "1");
            m.put("seed", "1");
            m.put("x_echo", "1");
            m.put("y_echo", "mV");
            return m;
        }

        @Override
        public double[] run(SweepPoint p, List<String> measurements) {
            RUNS.incrementAndGet();
            beforeRun(p);
            long until = System.nanoTime() + (long) (p.get("work") * 1e6);
            while (System.nanoTime() < until) Thread.onSpinWait();
            double[] out = new double[measurements.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = switch (measurements.get(k)) {
                    case "value" -> value(p);
                    case "seed" -> p.seed();
                    case "x_echo" -> p.get("x");
                    case "y_echo" -> p.get("y");
                    default -> throw new IllegalStateException(measurements.get(k));
                };
            }
            return out;
        }

        void beforeRun(SweepPoint p) {}
    }

    /** {@code test:flaky}: as {@code test:work}, but the first Spark attempt of point 3 throws. */
    public static final class Flaky extends Work {
        /** For ServiceLoader. */
        public Flaky() {}

        @Override
        public String name() {
            return "test:flaky";
        }

        @Override
        void beforeRun(SweepPoint p) {
            if (p.index() == 3 && FlakyHook.firstSparkAttempt()) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("test:flaky fails the first attempt of point 3 on purpose");
            }
        }
    }

    /** Asks Spark (by reflection, so this class loads without Spark) whether this is a task's first attempt. */
    static final class FlakyHook {
        static boolean firstSparkAttempt() {
            try {
                Class<?> type = Class.forName("org.apache.spark.TaskContext");
                Object context = type.getMethod("get").invoke(null);
                if (context == null) return false;
                return ((Integer) type.getMethod("attemptNumber").invoke(context)) == 0;
            } catch (ReflectiveOperationException | LinkageError e) {
                return false;
            }
        }
    }
}
