package dev.soma.model;

import java.util.Locale;
import java.util.Map;

/** Parameter checks and preset look-up shared by the models: each failure names the parameter, the value and the unit (and, where given, a sensible value). */
final class Check {
    private Check() {}

    static void finite(String name, double value, String unit, String example) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " " + unit + " is not a finite number; use e.g. " + example);
        }
    }

    static void positive(String name, double value, String unit, String example) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " " + unit + " must be > 0 (a physical " + name
                    + " cannot be zero or negative); use e.g. " + example);
        }
    }

    static void nonNegative(String name, double value, String unit, String example) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " " + unit + " must be ≥ 0 (a conductance cannot be negative); use e.g. " + example);
        }
    }

    static void nonNegativeTime(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " ms must be a finite time ≥ 0; use e.g. 2 ms");
        }
    }

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

    /**
     * Rejects a start value of a gate (a fraction of open channels or of a resource) outside [0, 1]:
     * the equations dx/dt = α(1 − x) − βx are only meaningful there.
     */
    static void fractions(String model, String[] names, double[] state, int... indices) {
        for (int i : indices) {
            if (i < state.length && !(state[i] >= 0 && state[i] <= 1)) {
                throw new IllegalArgumentException("state[" + i + "] (" + names[i] + ") = " + state[i] + " is outside [0, 1]: "
                        + names[i] + " is a gate of " + model + ", the fraction of its channels that are open; "
                        + "give a start value between 0 and 1 (its value at rest is a good start)");
            }
        }
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
