package dev.soma.model;

import dev.soma.Simulation;
import dev.soma.Stimulus;

/** Runs of zoo models through the public front, as a notebook would write them. */
final class ZooRuns {
    private ZooRuns() {}

    /** Spike times (ms) with a constant input switched on at 0 and off at {@code offMs}, run for {@code durationMs}, default method and step. */
    static double[] spikes(NeuronModel model, double input, double offMs, double durationMs) {
        return Simulation.of(model).inject(Stimulus.step(input, 0, offMs)).run(durationMs).spikeTimes();
    }
}
