package dev.soma.analysis;

import dev.soma.model.NeuronModel;
import dev.soma.sim.SimulationResult;
import dev.soma.sim.SimulationSetup;
import dev.soma.stimulus.Current;

/**
 * The single-neuron runs the analysis needs (spike times, trajectories), in one place so that
 * every measure runs its model the same way: through the simulation engine with the model's
 * default method and step, recording as little as the measure needs.
 */
final class Runs {
    private Runs() {}

    /** Spike times (ms) of {@code model} driven by {@code input} for {@code durationMs}, from its resting state. */
    static double[] spikeTimes(NeuronModel model, Current input, double durationMs) {
        return setup(model, input, durationMs).run(durationMs).spikeTimes();
    }

    /** A setup that samples only at the start and the end: the spike times are what is wanted. */
    private static SimulationSetup setup(NeuronModel model, Current input, double durationMs) {
        SimulationSetup setup = SimulationSetup.of(model).inject(input);
        double dt = setup.chosenDtMs();
        double steps = Math.rint(durationMs / dt);
        // Beyond 2^53 steps the interval is no whole number of steps: leave it to run() to refuse the duration.
        return steps < 0x1p53 ? setup.sampleEvery(dt * Math.max(1, steps)) : setup;
    }

    /**
     * A trajectory from {@code start} at constant input, sampled about every {@code sampleMs}:
     * rows t, then each state variable.
     */
    static double[][] trajectory(NeuronModel model, double[] start, double input, double durationMs, double sampleMs) {
        SimulationSetup setup = SimulationSetup.of(model).inject(t -> input).startFrom(start).record(model.stateNames());
        double dt = setup.chosenDtMs();
        SimulationResult run = setup.sampleEvery(dt * Math.max(1, Math.round(sampleMs / dt))).run(durationMs);
        String[] names = model.stateNames();
        double[][] out = new double[names.length + 1][];
        out[0] = run.time();
        for (int i = 0; i < names.length; i++) {
            out[i + 1] = run.values(names[i]);
        }
        return out;
    }
}
