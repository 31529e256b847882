package dev.soma.bench;

import dev.soma.Neurons;
import dev.soma.Simulation;
import dev.soma.Stimulus;
import dev.soma.sim.Method;
import dev.soma.sim.SimulationSetup;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The step loop of the single-neuron engine on the "one HH neuron" workload of the benchmark
 * definitions: 1 s of Hodgkin–Huxley at I = 10 µA/cm², dt = 0.01 ms (100,000 steps).
 * Run with {@code make jmh} (or the JMH main class on the test class path).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 15)
@Fork(1)
public class HodgkinHuxleyRunBenchmark {
    @Param({"RK4", "EXPONENTIAL_EULER", "EXPONENTIAL_MIDPOINT"})
    public Method method;

    private SimulationSetup setup;

    @Setup
    public void prepare() {
        setup = Simulation.of(Neurons.hodgkinHuxley()).inject(Stimulus.constant(10))
                .method(method).dt(0.01).sampleEvery(1000);
    }

    @Benchmark
    public int oneSecondOfOneNeuron() {
        return setup.run(1000).spikeCount();
    }
}
