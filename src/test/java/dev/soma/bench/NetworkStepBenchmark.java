package dev.soma.bench;

import dev.soma.network.EiNetwork;
import dev.soma.network.SpikingNetwork;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH for the network step loop: 100 ms (1000 steps of 0.1 ms) of the CUBA and 10 ms (100 steps)
 * of the COBAHH benchmark network, on 1 and 2 threads. Each iteration starts from a freshly built
 * network (same seed), so every iteration simulates the same activity.
 *
 * <p>Run from the project root after {@code mvn -o test-compile}:
 * <pre>
 *   mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 *   java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main NetworkStepBenchmark
 * </pre>
 * Score: milliseconds of wall time per 100 ms (CUBA) or 10 ms (COBAHH) of simulated time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NetworkStepBenchmark {
    @Param({"1", "2"})
    public int threads;

    private SpikingNetwork cuba;
    private SpikingNetwork cobahh;

    /** Rebuilds both networks from the same seed before each iteration. */
    @Setup(Level.Iteration)
    public void build() {
        cuba = EiNetwork.cuba().seed(1).threads(threads).build();
        cobahh = EiNetwork.cobahh().seed(1).threads(threads).build();
    }

    /** 1000 steps of CUBA (the result of the step loop lives in the network's state and monitors). */
    @Benchmark
    public int cuba100ms() {
        return cuba.advance(100).size();
    }

    /** 100 steps of COBAHH. */
    @Benchmark
    public int cobahh10ms() {
        return cobahh.advance(10).size();
    }
}
