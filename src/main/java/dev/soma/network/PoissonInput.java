package dev.soma.network;

/**
 * External Poisson input, as Brian2's {@code PoissonInput}: each neuron of a population receives
 * {@code n} independent Poisson trains of rate ν, and in every step it gets X ~ Binomial(n, ν·dt)
 * of their spikes at once, each adding the weight to a receptor (or making a variable jump). The
 * count is drawn by inversion of the binomial distribution (a table made once) from a
 * counter-based uniform number of (seed, step, neuron), the same on any number of threads. Input
 * that would jump a held V (a refractory neuron) is dropped, as in Brian2.
 */
final class PoissonInput {
    final int population;
    final int variable;
    final double increment;
    final boolean gated;
    final double[] cdf;
    final boolean linear;
    final long key;

    PoissonInput(int population, int variable, double increment, boolean gated, int n, double p, long key) {
        this.population = population;
        this.variable = variable;
        this.increment = increment;
        this.gated = gated;
        double[] table = CounterRandom.binomialCdf(n, p);
        // at least two entries, so that the count of one is read without a search
        this.cdf = table.length > 1 ? table : new double[] {table[0], 1.0};
        this.linear = n * p < 16;
        this.key = key;
    }

    /**
     * Adds the input arriving at the start of step {@code k} to neurons [from, to) of {@code x}
     * ({@code offset} makes indices global); a neuron still refractory at the end of step k − 1
     * ({@code k <= until}) drops input to a gated variable.
     */
    void apply(double[] x, int[] until, int from, int to, long k, int offset) {
        final long stepKey = CounterRandom.mix(key, k);
        final double[] cdf = this.cdf;
        final double p0 = cdf[0];
        final double w = increment;
        for (int j = from; j < to; j++) {
            double u = CounterRandom.uniform(CounterRandom.word(stepKey, offset + j));
            if (u < p0) {
                continue;
            }
            int count = u < cdf[1] ? 1 : CounterRandom.count(cdf, u, linear);
            if (gated && k <= until[j]) {
                continue;
            }
            x[j] += count * w;
        }
    }
}
