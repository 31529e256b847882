package dev.soma.model;

import java.util.Locale;
import java.util.Map;

/** Parameter validation and preset lookup shared by the model records of the neuron zoo (kept apart from the foundation's {@code Check} so the two can evolve separately). */
final class ZooCheck {
    private ZooCheck() {}

    /** Rejects NaN and infinities. */
    static double finite(String name, double value, String unit) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " is not finite; give a finite value in " + unit);
        }
        return value;
    }

    /** Rejects values ≤ 0 (capacitances, time constants, slope factors). */
    static double positive(String name, double value, String unit) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " must be a finite number > 0 (" + unit + ")");
        }
        return value;
    }

    /** Rejects values < 0 (conductances, refractory periods, jumps that are magnitudes). */
    static double nonNegative(String name, double value, String unit) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " must be a finite number ≥ 0 (" + unit + ")");
        }
        return value;
    }

    /** Looks a preset up by name, ignoring case, spaces, '-' and '_'; unknown names list the valid ones. */
    static <T> T preset(String model, Map<String, T> presets, String name) {
        if (name == null) {
            throw new IllegalArgumentException("preset = null; valid " + model + " presets: " + String.join(", ", presets.keySet()));
        }
        String key = normal(name);
        for (Map.Entry<String, T> entry : presets.entrySet()) {
            if (normal(entry.getKey()).equals(key)) {
                return entry.getValue();
            }
        }
        throw new IllegalArgumentException("preset = \"" + name + "\" is not a " + model + " preset; valid: "
                + String.join(", ", presets.keySet()));
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
