package dev.soma.model;

/** Parameter checks shared by the models: each failure names the parameter, the value, the unit and a sensible value. */
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
}
