package dev.soma.analysis;

/** Validation and ranges shared by the sweeps. */
final class Sweeps {
    private Sweeps() {}

    /** Rejects null, empty and non-finite value lists, naming the parameter. */
    static double[] checkValues(String name, double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(name + " is empty; give at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + " is not finite; give finite values");
            }
        }
        return values;
    }

    /** {@code count} evenly spaced values from {@code from} to {@code to} inclusive. */
    static double[] linspace(String name, double from, double to, int count) {
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException(name + ": range [" + from + ", " + to + "] is not finite; give finite bounds");
        }
        if (count < 1) {
            throw new IllegalArgumentException(name + ": count = " + count + " gives an empty range; give count ≥ 1");
        }
        if (count > 1 && !(to > from)) {
            throw new IllegalArgumentException(name + ": range [" + from + ", " + to + "] is empty; give from < to");
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = count == 1 ? from : from + (to - from) * i / (count - 1);
        }
        return out;
    }
}
