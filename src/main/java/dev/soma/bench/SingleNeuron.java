package dev.soma.bench;

/** The single Hodgkin–Huxley neuron workload (needs the single-neuron {@code Simulation} API). */
final class SingleNeuron {
    private SingleNeuron() {}

    static void run(java.util.List<String> methods, int runs, int warmup) {
        System.out.println("# hh1: not available in this build");
    }
}
