package dev.soma.network;

/**
 * External input: each neuron of a population receives {@code sources} independent Poisson spike
 * trains of rate {@code rateHz}; every input spike adds {@code weight} to a variable. The number of
 * input spikes a neuron gets in a step is Poisson with mean λ = sources · rate · dt, drawn by
 * inversion from a counter-based random number — a hash of (seed, input, step, neuron) — so it
 * does not depend on which thread steps the neuron, nor on the order of the neurons.
 */
final class PoissonDrive {
    final int population;
    final int variable;
    final double lambda;
    final double expMinusLambda;
    final double weight;
    final long key;

    PoissonDrive(int population, int variable, double lambda, double weight, long key) {
        this.population = population;
        this.variable = variable;
        this.lambda = lambda;
        this.expMinusLambda = Math.exp(-lambda);
        this.weight = weight;
        this.key = key;
    }

    /** Adds this step's input to neurons [from, to) of {@code x}; {@code offset} makes indices global. */
    void apply(double[] x, int from, int to, long step, int offset) {
        final long base = SpikingNetwork.mix(key, step);
        final double l = lambda;
        final double p0 = expMinusLambda;
        final double w = weight;
        for (int j = from; j < to; j++) {
            double u = (SpikingNetwork.mix(base, offset + j) >>> 11) * 0x1.0p-53;
            int k = 0;
            double p = p0;
            double cdf = p0;
            while (u > cdf && k < 10_000) {
                k++;
                p *= l / k;
                cdf += p;
            }
            if (k > 0) {
                x[j] += k * w;
            }
        }
    }
}
