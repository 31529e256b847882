package dev.soma.bench;

import dev.soma.Neurons;
import dev.soma.Simulation;
import dev.soma.Stimulus;
import dev.soma.sim.SimulationResult;
import dev.soma.sim.SimulationSetup;
import java.util.List;
import java.util.Locale;

/**
 * The single Hodgkin–Huxley neuron workload: the reference squid-axon model, I = 10 µA/cm² from
 * t = 0, dt = 0.01 ms, 1 s (100,000 steps); 69 spikes with RK4, 68 with exponential Euler.
 * Traces are sampled once per simulated second, so the time is the integration, not recording.
 */
final class SingleNeuron {
    private SingleNeuron() {}

    static void run(List<String> methods, int runs, int warmup) {
        for (String method : methods) {
            SimulationSetup setup = Simulation.of(Neurons.hodgkinHuxley()).inject(Stimulus.constant(10))
                    .method(method).dt(0.01).sampleEvery(1000);
            for (int i = 0; i < warmup; i++) {
                setup.run(1000);
            }
            double[] times = new double[runs];
            SimulationResult last = null;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                last = setup.run(1000);
                times[i] = (System.nanoTime() - t0) * 1e-9;
            }
            System.out.printf(Locale.ROOT, "workload=hh1 method=%s threads=1 sim_s=%.4f spikes=%d%n",
                    method, Bench.median(times), last.spikeCount());
        }
    }
}
