package dev.soma.stimulus;

/**
 * An injected current as a function of time: the input a neuron model receives, in the model's
 * input unit (µA/cm² for membrane patches, nA for point neurons).
 *
 * <p>Implementations are immutable and deterministic: {@link #at(double)} gives the same value for
 * the same time, also for noise (its path is fixed by the seed), so a run can be repeated bit for
 * bit. Build them with the factories in {@link dev.soma.Stimulus}.
 *
 * <p><b>Breakpoints.</b> A current that jumps or bends at known times (a step's onset and offset,
 * the edges of pulses, the ends of a ramp) names them through {@link #nextBreakpoint(double)} and
 * gives its value just before such a time through {@link #leftLimit(double)}; {@link #at(double)}
 * is the value from that time on. The engines end an integration step exactly at each breakpoint
 * and evaluate the current on one side of it only, so a switch-on is not seen early by the last
 * stage of the step before it, and every method keeps its order of accuracy. A current that
 * names no breakpoints is treated as smooth. Sums and multiples of currents keep the breakpoints
 * of their parts.
 */
@FunctionalInterface
public interface Current {

    /** The current at time {@code tMs} (ms), in the model's input unit; at a breakpoint, the value just after it. */
    double at(double tMs);

    /**
     * The first breakpoint strictly after {@code afterMs} (ms): a time at which the current jumps or has
     * a corner, or {@code +∞} if there is none. The default (+∞) declares the current smooth.
     */
    default double nextBreakpoint(double afterMs) {
        return Double.POSITIVE_INFINITY;
    }

    /** The value just before {@code tMs} (the limit from the left); equal to {@link #at} where the current is continuous. */
    default double leftLimit(double tMs) {
        return at(tMs);
    }

    /** The sum of this current and {@code other}. */
    default Current plus(Current other) {
        if (other == null) {
            throw new IllegalArgumentException("other = null: pass a Current, e.g. Stimulus.constant(0)");
        }
        return new Sum(new Current[] {this, other});
    }

    /** This current multiplied by {@code factor}. */
    default Current times(double factor) {
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor = " + factor + " is not finite; pass a finite number");
        }
        return new Scaled(this, factor);
    }

    /** The sum of several currents, evaluated without allocation; its breakpoints are those of every part. */
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
        public double leftLimit(double tMs) {
            double sum = 0;
            for (Current part : parts) {
                sum += part.leftLimit(tMs);
            }
            return sum;
        }

        @Override
        public double nextBreakpoint(double afterMs) {
            double next = Double.POSITIVE_INFINITY;
            for (Current part : parts) {
                next = Math.min(next, part.nextBreakpoint(afterMs));
            }
            return next;
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

    /** A current times a constant factor, with the breakpoints of the current. */
    final class Scaled implements Current {
        private final Current current;
        private final double factor;

        Scaled(Current current, double factor) {
            this.current = current;
            this.factor = factor;
        }

        @Override
        public double at(double tMs) {
            return factor * current.at(tMs);
        }

        @Override
        public double leftLimit(double tMs) {
            return factor * current.leftLimit(tMs);
        }

        @Override
        public double nextBreakpoint(double afterMs) {
            return current.nextBreakpoint(afterMs);
        }

        @Override
        public String toString() {
            return factor + " × (" + current + ")";
        }
    }
}
