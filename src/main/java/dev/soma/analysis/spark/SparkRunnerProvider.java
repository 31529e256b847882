package dev.soma.analysis.spark;

import dev.soma.analysis.SweepException;
import dev.soma.analysis.SweepRunner;

/**
 * Makes the {@code "spark"} sweep runner ({@link SparkSweepRunner}). It is listed as a
 * {@link SweepRunner.Provider} service in {@code soma-<version>-spark.jar}; it refers to no Spark
 * class itself, so it loads anywhere and says what is missing when Spark is not on the class path.
 */
public final class SparkRunnerProvider implements SweepRunner.Provider {
    /** The Spark line this runner is built and tested with. */
    public static final String SPARK_ARTIFACT = "org.apache.spark:spark-core_2.13:4.1.3";

    /** For {@link java.util.ServiceLoader}. */
    public SparkRunnerProvider() {}

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public SweepRunner create(String master) {
        try {
            Class.forName("org.apache.spark.api.java.JavaSparkContext", false, SparkRunnerProvider.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SweepException(SweepException.Kind.RUNNER_UNAVAILABLE, "Apache Spark is not on the class path; add it "
                    + "(Scala 2.13, Java 17), e.g. in a notebook %maven " + SPARK_ARTIFACT);
        }
        quietLogging();
        return SparkSweepRunner.create(master);
    }

    /**
     * Spark brings a second SLF4J binding (log4j2) beside the all jar's no-op one, and SLF4J then
     * prints a warning into the notebook. Unless the user chose a binding ({@code slf4j.provider}),
     * choose the no-op one that SLF4J would pick anyway, so that it picks it quietly.
     */
    private static void quietLogging() {
        if (System.getProperty("slf4j.provider") != null) return;
        try {
            Class.forName("org.slf4j.nop.NOPServiceProvider", false, SparkRunnerProvider.class.getClassLoader());
            System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // No no-op binding here: leave SLF4J's own choice.
        }
    }
}
