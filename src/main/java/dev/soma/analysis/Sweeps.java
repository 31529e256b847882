package dev.soma.analysis;

/** Validation and ranges shared by the sweeps. */
final class Sweeps {
    private Sweeps() {}

    /** Rejects null, empty and non-finite value lists, naming the parameter. */
    static double[] checkValues(String name, double[] values) {
        if (values == null) {
            throw new IllegalArgumentException(name + " = null; give at least one value");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " is empty; give at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + " is not finite; give finite values");
            }
        }
        return values;
    }

    /**
     * {@code count} evenly spaced values from {@code from} to {@code to} inclusive; {@code what}
     * says what they are for (e.g. "currents"), so a rejection reads "from = NaN (first of the currents) ...".
     */
    static double[] linspace(String what, double from, double to, int count) {
        if (!Double.isFinite(from)) {
            throw new IllegalArgumentException("from = " + from + " (first of the " + what + ") is not finite; give a finite number");
        }
        if (!Double.isFinite(to)) {
            throw new IllegalArgumentException("to = " + to + " (last of the " + what + ") is not finite; give a finite number");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count = " + count + " gives no " + what + "; give count ≥ 1");
        }
        checkCount(what, count);
        if (count > 1 && !(to > from)) {
            throw new IllegalArgumentException("to = " + to + " must be greater than from = " + from + ": the range of " + count + " "
                    + what + " is empty; swap them, or give count = 1 for a single value");
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = count == 1 ? from : from + (to - from) * i / (count - 1);
        }
        return out;
    }

    /** Refuses a number of values whose array alone would not fit in half of the heap, before allocating it. */
    static void checkCount(String what, int count) {
        long bytes = 8L * count;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap / 2) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "count = %,d %s would take %,d MB for the values alone, more than half of the Java heap (%,d MB); give fewer",
                    count, what, bytes >> 20, heap >> 20));
        }
    }

    /** A number as a person writes it: 1.5 rather than 1.5E0, but 1e+300 rather than three hundred zeros. */
    static String number(double x) {
        if (!Double.isFinite(x) || x != 0 && (Math.abs(x) >= 1e9 || Math.abs(x) < 1e-6)) {
            return String.format(java.util.Locale.ROOT, "%.6g", x);
        }
        return java.math.BigDecimal.valueOf(x).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }
}
