package dev.soma.plot;

import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Argument checks shared by the figure builders: each failure names the parameter, the value and the fix. */
final class Check {
    private Check() {}

    static double[] series(String name, double[] values) {
        if (values == null) {
            throw new IllegalArgumentException(name + " = null; pass an array of numbers");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " is empty (length 0); pass at least one value, e.g. the recorded samples of a run");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i]
                        + " is not a finite number; remove or replace non-finite samples before plotting"
                        + " (a NaN usually means the simulation diverged: try a smaller dt)");
            }
        }
        return values;
    }

    static void sameLength(String xName, double[] x, String yName, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(yName + " has " + y.length + " values but " + xName + " has " + x.length
                    + "; pass arrays of equal length (one " + yName + " per " + xName + ")");
        }
    }

    static double[] spikeTimes(String name, double[] times) {
        if (times == null) {
            throw new IllegalArgumentException(name + " = null; pass spike times in ms (an empty array if there are none)");
        }
        for (int i = 0; i < times.length; i++) {
            if (!Double.isFinite(times[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + times[i] + " is not a finite time; spike times are in ms");
            }
        }
        return times;
    }

    static double finite(String name, double value, String example) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " is not a finite number; " + example);
        }
        return value;
    }

    static double positive(String name, double value, String example) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " must be a finite number > 0; " + example);
        }
        return value;
    }

    static void range(String minName, double min, String maxName, double max) {
        finite(minName, min, "give the lower end of the range");
        finite(maxName, max, "give the upper end of the range");
        if (!(max > min)) {
            throw new IllegalArgumentException(maxName + " = " + max + " must be greater than " + minName + " = " + min
                    + "; swap them or widen the range");
        }
    }

    static <T> T notNull(String name, T value, String example) {
        if (value == null) {
            throw new IllegalArgumentException(name + " = null; " + example);
        }
        return value;
    }

    /** Labels of series, none null or blank: a legend cannot show a nameless series. */
    static List<String> labelElements(String name, List<String> labels, String what) {
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + (label == null ? "null" : "\"" + label + "\"")
                        + "; give every " + what + " a label, e.g. \"weak\"");
            }
        }
        return labels;
    }

    static String[] names(String name, String[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(name + (values == null ? " = null" : " is empty") + "; name at least one, e.g. \"V\"");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].isBlank()) {
                throw new IllegalArgumentException(name + "[" + i + "] = \"" + values[i] + "\" is blank; give a name");
            }
        }
        return values;
    }

    /** The values of a numeric column of a table, as doubles; a helpful error if it is missing or not numeric. */
    static double[] column(String param, Table table, String column) {
        notNull("table", table, "pass a Tablesaw table, e.g. run.table()");
        if (column == null || !table.containsColumn(column)) {
            throw new IllegalArgumentException(param + " = \"" + column + "\" is not a column of table \"" + table.name()
                    + "\"; its columns are " + table.columnNames());
        }
        Column<?> c = table.column(column);
        if (!(c instanceof NumericColumn)) {
            throw new IllegalArgumentException(param + " = \"" + column + "\" is a " + c.type() + " column; pick a numeric one of "
                    + numericNames(table));
        }
        double[] values = ((NumericColumn<?>) c).asDoubleArray();
        return series(param + " \"" + column + "\"", values);
    }

    static java.util.List<String> numericNames(Table table) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (c instanceof NumericColumn) {
                out.add(c.name());
            }
        }
        return out;
    }

    static double[] minMax(double[]... arrays) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (v < min) {
                    min = v;
                }
                if (v > max) {
                    max = v;
                }
            }
        }
        return new double[] {min, max};
    }

    static String show(double[] values) {
        return values.length <= 6 ? Arrays.toString(values) : "an array of " + values.length + " values";
    }
}
