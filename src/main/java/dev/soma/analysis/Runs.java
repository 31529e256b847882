package dev.soma.analysis;

import dev.soma.model.NeuronModel;
import dev.soma.model.SpikeRule;
import dev.soma.stimulus.Current;

/**
 * The single-neuron runs the analysis needs (spike times, trajectories), in one place so that
 * every measure runs its model the same way: fixed-step RK4 at the model's default step, a reset
 * crossing located inside the step by bisection on the sub-step, V held during refractoriness,
 * and crossing-only spikes interpolated linearly.
 */
final class Runs {
    private Runs() {}

    /** Spike times (ms) of {@code model} driven by {@code input} for {@code durationMs}, from its resting state. */
    static double[] spikeTimes(NeuronModel model, Current input, double durationMs) {
        return run(model, model.restingState(), input, durationMs, model.defaultDtMs(), 0, null);
    }

    /**
     * A trajectory from {@code start} at constant input, sampled about every {@code sampleMs}:
     * rows t, then each state variable.
     */
    static double[][] trajectory(NeuronModel model, double[] start, double input, double durationMs, double sampleMs) {
        double dt = model.defaultDtMs();
        int every = Math.max(1, (int) Math.round(sampleMs / dt));
        long steps = Math.round(durationMs / dt);
        int rows = (int) (steps / every) + 1;
        double[][] samples = new double[start.length + 1][rows];
        run(model, start, t -> input, durationMs, dt, every, samples);
        return samples;
    }

    /**
     * Integrates from {@code start} and samples the state every {@code sampleEvery} steps into
     * {@code samples} (rows: time then state), if given. Returns the spike times.
     */
    static double[] run(NeuronModel model, double[] start, Current input, double durationMs, double dt,
                        int sampleEvery, double[][] samples) {
        int n = model.stateNames().length;
        int vi = model.voltageIndex();
        SpikeRule rule = model.spikeRule();
        double threshold = rule.thresholdMv();
        double[] y = start.clone();
        double[] y0 = new double[n];
        double[] trial = new double[n];
        double[][] work = new double[5][n];
        double[] spikes = new double[16];
        int count = 0;
        long steps = Math.round(durationMs / dt);
        double holdUntil = Double.NEGATIVE_INFINITY;
        double lastSpike = Double.NEGATIVE_INFINITY;
        int row = 0;
        for (long k = 0; k < steps; k++) {
            double t = k * dt;
            if (samples != null && sampleEvery > 0 && k % sampleEvery == 0 && row < samples[0].length) {
                samples[0][row] = t;
                for (int i = 0; i < n; i++) samples[i + 1][row] = y[i];
                row++;
            }
            System.arraycopy(y, 0, y0, 0, n);
            boolean held = rule.resets() && t < holdUntil;
            rk4(model, t, y0, input, dt, held ? vi : -1, work, y);
            if (!rule.resets()) {
                if (y0[vi] < threshold && y[vi] >= threshold) {
                    double tc = t + dt * (threshold - y0[vi]) / (y[vi] - y0[vi]);
                    if (tc - lastSpike >= rule.refractoryMs()) {
                        if (count == spikes.length) spikes = java.util.Arrays.copyOf(spikes, 2 * count);
                        spikes[count++] = tc;
                        lastSpike = tc;
                    }
                }
            } else if (!held && y[vi] >= threshold) {
                double lo = 0;
                double hi = dt;
                for (int it = 0; it < 50 && hi - lo > 1e-12 * dt; it++) {
                    double h = 0.5 * (lo + hi);
                    rk4(model, t, y0, input, h, -1, work, trial);
                    if (trial[vi] >= threshold) hi = h; else lo = h;
                }
                rk4(model, t, y0, input, hi, -1, work, trial);
                double tc = t + hi;
                if (count == spikes.length) spikes = java.util.Arrays.copyOf(spikes, 2 * count);
                spikes[count++] = tc;
                model.reset(trial);
                holdUntil = tc + rule.refractoryMs();
                double rest = dt - hi;
                if (rest > 0) {
                    rk4(model, tc, trial, input, rest, rule.refractoryMs() > 0 ? vi : -1, work, y);
                } else {
                    System.arraycopy(trial, 0, y, 0, n);
                }
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(y[i])) {
                    throw new IllegalStateException(model.name() + " diverged at t = " + t + " ms (" + model.stateNames()[i]
                            + " = " + y[i] + "); use a smaller step than dt = " + dt + " ms");
                }
            }
        }
        if (samples != null && sampleEvery > 0 && row < samples[0].length) {
            samples[0][row] = steps * dt;
            for (int i = 0; i < n; i++) samples[i + 1][row] = y[i];
        }
        return java.util.Arrays.copyOf(spikes, count);
    }

    /** One RK4 step of size h from y0 into out; the variable {@code frozen} (if ≥ 0) is held. */
    private static void rk4(NeuronModel m, double t, double[] y0, Current input, double h, int frozen,
                            double[][] w, double[] out) {
        int n = y0.length;
        double[] k1 = w[0], k2 = w[1], k3 = w[2], k4 = w[3], tmp = w[4];
        double i0 = input.at(t);
        double ih = input.at(t + 0.5 * h);
        double i1 = input.at(t + h);
        m.derivatives(t, y0, i0, k1);
        if (frozen >= 0) k1[frozen] = 0;
        for (int i = 0; i < n; i++) tmp[i] = y0[i] + 0.5 * h * k1[i];
        m.derivatives(t + 0.5 * h, tmp, ih, k2);
        if (frozen >= 0) k2[frozen] = 0;
        for (int i = 0; i < n; i++) tmp[i] = y0[i] + 0.5 * h * k2[i];
        m.derivatives(t + 0.5 * h, tmp, ih, k3);
        if (frozen >= 0) k3[frozen] = 0;
        for (int i = 0; i < n; i++) tmp[i] = y0[i] + h * k3[i];
        m.derivatives(t + h, tmp, i1, k4);
        if (frozen >= 0) k4[frozen] = 0;
        for (int i = 0; i < n; i++) out[i] = y0[i] + h / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
}
