package dev.soma;

import java.util.Locale;

/**
 * Exercises in the lecture notebooks, in Neuromatch's manner: the student version of a notebook
 * holds a cell whose missing piece is marked with {@link #todo}, which stops the cell with a message
 * that says what to write; the student replaces the marker by code, and a self-check
 * ({@link #check}) says whether the result is right.
 * <pre>{@code
 * double lo = 0, hi = 20;                      // µA/cm²: silent at lo, fires at hi
 * for (int k = 0; k < 30; k++) {
 *     double mid = (lo + hi) / 2;
 *     boolean fires = Exercise.todo("run the model with a pulse of mid µA/cm² and ask whether it fired");
 *     if (fires) hi = mid; else lo = mid;
 * }
 * Exercise.check("threshold", hi, 13.27, 0.05, "µA/cm²");
 * }</pre>
 * The notebook tooling finds the marker by its message: every failure of a student version must be
 * an {@link Unfinished} raised by a marker (see {@code scripts/notebook_exercises.py}).
 */
public final class Exercise {
    private Exercise() {}

    /** The prefix of every message of {@link Unfinished}: the notebook tests look for it. */
    public static final String PREFIX = "exercise: ";

    /**
     * Thrown by {@link #todo}: the place a student has not filled yet. The message starts with
     * {@code "exercise: "} and says what to write there.
     */
    public static final class Unfinished extends UnsupportedOperationException {
        private static final long serialVersionUID = 1L;

        Unfinished(String what) {
            super(PREFIX + what);
        }
    }

    /**
     * Marks the place a student completes: throws {@link Unfinished} with {@code "exercise: " + what}.
     * It stands for a value of any type, so it fits where the missing expression goes:
     * {@code double rate = Exercise.todo("count the spikes and divide by the window");}.
     *
     * @param what what to write here, as an instruction (not empty)
     * @param <T>  the type of the missing value (inferred from where the marker stands)
     * @return never returns
     * @throws Unfinished always
     */
    public static <T> T todo(String what) {
        if (what == null || what.isBlank()) {
            throw new IllegalArgumentException("what = " + (what == null ? "null" : "\"\"")
                    + ": say what the student writes here, e.g. Exercise.todo(\"count the spikes\")");
        }
        throw new Unfinished(what.strip());
    }

    /**
     * A quantitative self-check: passes when {@code |yours − expected| ≤ tolerance} and prints one
     * line, e.g. {@code ✓ threshold = 13.27 µA/cm² (expected 13.27 ± 0.05 µA/cm²)}; otherwise throws
     * an {@link AssertionError} with the same numbers, so a wrong answer stops the cell.
     *
     * @param quantity  what was computed, e.g. {@code "threshold"}
     * @param yours     the student's value, in {@code unit}
     * @param expected  the right value, in {@code unit}
     * @param tolerance the accepted deviation (≥ 0), in {@code unit}
     * @param unit      the unit as shown (e.g. {@code "µA/cm²"}, {@code "ms"}; empty for a pure number)
     * @throws AssertionError when the value is off by more than the tolerance, or not a number
     */
    public static void check(String quantity, double yours, double expected, double tolerance, String unit) {
        if (quantity == null || quantity.isBlank()) {
            throw new IllegalArgumentException("quantity = " + (quantity == null ? "null" : "\"\"")
                    + ": name what is checked, e.g. \"threshold\"");
        }
        if (!Double.isFinite(expected)) {
            throw new IllegalArgumentException("expected = " + expected + " is not a finite number: give the right value in " + unit);
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance = " + tolerance + " must be a finite number ≥ 0 (in " + unit + ")");
        }
        String u = unit == null || unit.isBlank() ? "" : " " + unit.strip();
        String expectation = String.format(Locale.ROOT, "expected %s ± %s%s", number(expected, tolerance), number(tolerance), u);
        if (Double.isNaN(yours) || !(Math.abs(yours - expected) <= tolerance)) {
            throw new AssertionError(String.format(Locale.ROOT, "✗ %s = %s%s, %s: not yet right", quantity, number(yours, tolerance), u, expectation));
        }
        System.out.println(String.format(Locale.ROOT, "✓ %s = %s%s (%s)", quantity, number(yours, tolerance), u, expectation));
    }

    /**
     * A qualitative self-check: prints {@code ✓ claim} when {@code holds}, otherwise throws an
     * {@link AssertionError} with {@code ✗ claim}.
     *
     * @param claim what should be true, e.g. {@code "the shunted neuron fires later"}
     * @param holds whether it is
     * @throws AssertionError when it is not
     */
    public static void check(String claim, boolean holds) {
        if (claim == null || claim.isBlank()) {
            throw new IllegalArgumentException("claim = " + (claim == null ? "null" : "\"\"")
                    + ": say what should hold, e.g. \"the neuron fires\"");
        }
        if (!holds) {
            throw new AssertionError("✗ " + claim.strip() + ": not yet");
        }
        System.out.println("✓ " + claim.strip());
    }

    /**
     * {@code x} with four significant digits, or more decimals when the tolerance is finer (down to
     * the tolerance's first digit, at most 10), so that a check at 1e-6 shows the digits it compares.
     */
    static String number(double x, double tolerance) {
        if (!(tolerance > 0) || !Double.isFinite(x) || x == 0 || Math.abs(x) >= 1e6) {
            return number(x);
        }
        int forTolerance = Math.min(10, (int) Math.ceil(-Math.log10(tolerance) - 1e-9));
        int forDigits = Math.max(0, 3 - (int) Math.floor(Math.log10(Math.abs(x))));
        if (forTolerance <= forDigits) {
            return number(x);
        }
        return String.format(Locale.ROOT, "%." + forTolerance + "f", x);
    }

    /** Four significant digits, without a trailing exponent for ordinary sizes; small tolerances as 1e-06. */
    static String number(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a >= 1e-3 && a < 1e6) {
            int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
            String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
            if (s.contains(".")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }
        double mantissa = a / Math.pow(10, Math.floor(Math.log10(a)));
        return a < 1e-3 && Math.abs(mantissa - Math.rint(mantissa)) < 1e-9
                ? String.format(Locale.ROOT, "%.0e", x) : String.format(Locale.ROOT, "%.3e", x);
    }
}
