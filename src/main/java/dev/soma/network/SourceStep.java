package dev.soma.network;

import dev.soma.stimulus.SpikeSource;

/**
 * The step of a group of spike sources: Poisson sources draw one counter-based uniform number per
 * source and step (spike if it is below rate·dt), so the spikes do not depend on the thread count;
 * trains of given times advance one cursor per source.
 */
final class SourceStep extends PopulationStep {
    private final SpikeSource source;
    private final double dt;
    private final long key;
    private final int offset;
    private final int[][] steps;
    private final int[] cursor;

    SourceStep(SpikeSource source, double dt, long key, int offset, int[][] steps, int[] cursor) {
        this.source = source;
        this.dt = dt;
        this.key = key;
        this.offset = offset;
        this.steps = steps;
        this.cursor = cursor;
    }

    @Override
    int step(long k, double t, double injected, int from, int to, int[] spikes, int count) {
        if (source.kind() == SpikeSource.Kind.TRAINS) {
            for (int j = from; j < to; j++) {
                int[] s = steps[j];
                int c = cursor[j];
                while (c < s.length && s[c] < k) {
                    c++;
                }
                if (c < s.length && s[c] == k) {
                    spikes[count++] = j;
                    c++;
                }
                cursor[j] = c;
            }
            return count;
        }
        final double p = source.rateAt(t, dt) * dt;
        final long stepKey = CounterRandom.mix(key, k);
        for (int j = from; j < to; j++) {
            if (CounterRandom.uniform(CounterRandom.word(stepKey, offset + j)) < p) {
                spikes[count++] = j;
            }
        }
        return count;
    }

    @Override
    String describe() {
        return "spike source";
    }
}
