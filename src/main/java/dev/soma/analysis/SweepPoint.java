package dev.soma.analysis;

import java.util.Collections;
import java.util.Map;

/**
 * One point of a declarative sweep as a model receives it: its index in the sweep, its own seed
 * (derived from the sweep's seed and the index only, so a point gives the same result wherever
 * and in whichever order it runs), the value of every model parameter in the unit the model
 * declares (defaults filled in), the simulated duration and the warm-up left out of the measurements.
 *
 * @param index the point's position in the sweep (row of the table), from 0
 * @param seed the point's seed
 * @param values every parameter of the model by name, in the model's units
 * @param durationMs simulated time in ms
 * @param warmupMs the first part of the run left out of every measurement, in ms
 */
public record SweepPoint(int index, long seed, Map<String, Double> values, double durationMs, double warmupMs) {
    /** Keeps an unmodifiable view of the values. */
    public SweepPoint {
        values = Collections.unmodifiableMap(values);
    }

    /** The value of parameter {@code name} in the model's unit. */
    public double get(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name = null; name a parameter of this model, one of " + values.keySet());
        }
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("parameter = \"" + name + "\" is not a parameter of this model; use one of "
                    + values.keySet());
        }
        return v;
    }
}
