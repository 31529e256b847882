package dev.soma.model;

/**
 * How a model's spikes are found. Either a plain upward crossing of a voltage threshold
 * (Hodgkin–Huxley: the membrane itself makes the action potential), or a threshold with a reset
 * (integrate-and-fire family: at the crossing the model's {@link NeuronModel#reset} is applied,
 * then the voltage is held for the absolute refractory period).
 *
 * @param thresholdMv  the voltage (mV) whose upward crossing is a spike
 * @param resets       whether the model is reset at the crossing
 * @param refractoryMs the absolute refractory period (ms) during which V is held after a reset;
 *                     for crossing-only rules, the dead time in which no second spike is counted
 */
public record SpikeRule(double thresholdMv, boolean resets, double refractoryMs) {

    public SpikeRule {
        if (!Double.isFinite(thresholdMv)) {
            throw new IllegalArgumentException("thresholdMv = " + thresholdMv + " is not finite; give the spike threshold in mV, e.g. 0");
        }
        if (!(refractoryMs >= 0) || Double.isInfinite(refractoryMs)) {
            throw new IllegalArgumentException("refractoryMs = " + refractoryMs + " must be a finite number ≥ 0 (ms)");
        }
    }

    /** Spikes are upward crossings of {@code thresholdMv}; nothing is reset. */
    public static SpikeRule crossing(double thresholdMv) {
        return new SpikeRule(thresholdMv, false, 0);
    }

    /** Spikes are upward crossings of {@code thresholdMv}, none counted within {@code deadTimeMs} of the last; nothing is reset. */
    public static SpikeRule crossing(double thresholdMv, double deadTimeMs) {
        if (!(deadTimeMs >= 0) || Double.isInfinite(deadTimeMs)) {
            throw new IllegalArgumentException("deadTimeMs = " + deadTimeMs + " must be a finite number ≥ 0 (ms), e.g. 1");
        }
        return new SpikeRule(thresholdMv, false, deadTimeMs);
    }

    /** Spikes are upward crossings of {@code thresholdMv}, followed by the model's reset and {@code refractoryMs} of V held. */
    public static SpikeRule reset(double thresholdMv, double refractoryMs) {
        return new SpikeRule(thresholdMv, true, refractoryMs);
    }
}
