package dev.soma.activation;

/** Argument checks shared by this package, so every rejection names the parameter, the value and the fix. */
final class Checks {
    private Checks() {}

    static double finite(String name, double value, String fix) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " is not a finite number: " + fix);
        }
        return value;
    }

    static double positive(String name, double value, String fix) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " = " + value + " must be finite and > 0: " + fix);
        }
        return value;
    }

    static <T> T notNull(String name, T value, String fix) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null: " + fix);
        }
        return value;
    }

    /** Rejects a null array or one with a NaN or infinite element, naming the element as {@code name[i]}. */
    static double[] finiteArray(String name, double[] values, String fix) {
        notNull(name, values, fix);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] = " + values[i] + " is not a finite number: " + fix);
            }
        }
        return values;
    }

    static void sameLength(String name, double[] values, int expected, String what) {
        if (values.length != expected) {
            throw new IllegalArgumentException(name + " has length " + values.length + " but " + what
                    + " expects " + expected + ": pass exactly " + expected + " value" + (expected == 1 ? "" : "s"));
        }
    }

    /** A number as a person would write it in a formula: 1 rather than 1.0, 0.01 rather than 1.0E-2. */
    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        String s = java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
        return s.length() <= 12 ? s : Double.toString(x);
    }
}
