package dev.soma.stimulus;

/**
 * An injected current as a function of time: the input a neuron model receives, in the model's
 * input unit (µA/cm² for membrane patches, nA for point neurons).
 *
 * <p>Implementations are immutable and deterministic: {@link #at(double)} gives the same value for
 * the same time, also for noise (its path is fixed by the seed), so a run can be repeated bit for
 * bit. Build them with the factories in {@link dev.soma.Stimulus}.
 */
@FunctionalInterface
public interface Current {

    /** The current at time {@code tMs} (ms), in the model's input unit. */
    double at(double tMs);

    /** The sum of this current and {@code other}. */
    default Current plus(Current other) {
        if (other == null) {
            throw new IllegalArgumentException("other = null: pass a Current, e.g. Stimulus.constant(0)");
        }
        Current self = this;
        return new Sum(new Current[] {self, other});
    }

    /** This current multiplied by {@code factor}. */
    default Current times(double factor) {
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor = " + factor + " is not finite; pass a finite number");
        }
        Current self = this;
        return t -> factor * self.at(t);
    }

    /** The sum of several currents, evaluated without allocation. */
    final class Sum implements Current {
        private final Current[] parts;

        Sum(Current[] parts) {
            this.parts = parts.clone();
        }

        @Override
        public double at(double tMs) {
            double sum = 0;
            for (Current part : parts) {
                sum += part.at(tMs);
            }
            return sum;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            for (Current part : parts) {
                if (text.length() > 0) text.append(" + ");
                text.append(part);
            }
            return text.toString();
        }
    }
}
