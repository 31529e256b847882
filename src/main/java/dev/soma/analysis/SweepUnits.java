package dev.soma.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unit names a sweep specification may use, each with its quantity and its factor to Soma's
 * base units (the factors of {@code dev.soma.Units}: ms, mV, nA, µS, nF, MΩ, µA/cm², mS/cm²,
 * µF/cm², 1/ms). A value given in one unit is converted to the unit a model parameter is declared
 * in only within one quantity; anything else is a unit mismatch.
 */
final class SweepUnits {
    private SweepUnits() {}

    /** A unit: its quantity (e.g. "time") and the factor to Soma's base unit of that quantity. */
    record Unit(String name, String quantity, double factor) {}

    private static final Map<String, Unit> UNITS = new LinkedHashMap<>();

    private static void add(String quantity, double factor, String... names) {
        for (String n : names) {
            UNITS.put(n, new Unit(names[0], quantity, factor));
        }
    }

    static {
        add("dimensionless", 1, "1", "");
        add("time", 1, "ms");
        add("time", 1e-3, "us", "µs");
        add("time", 1e3, "s", "second");
        add("voltage", 1, "mV");
        add("voltage", 1e-3, "uV", "µV");
        add("voltage", 1e3, "V");
        add("current", 1, "nA");
        add("current", 1e-3, "pA");
        add("current", 1e3, "uA", "µA");
        add("conductance", 1, "uS", "µS");
        add("conductance", 1e-3, "nS");
        add("conductance", 1e3, "mS");
        add("capacitance", 1, "nF");
        add("capacitance", 1e-3, "pF");
        add("capacitance", 1e3, "uF", "µF");
        add("resistance", 1, "MOhm", "MΩ");
        add("resistance", 1e3, "GOhm", "GΩ");
        add("resistance", 1e-3, "kOhm", "kΩ");
        add("current density", 1, "uA/cm2", "µA/cm²", "uA/cm²", "µA/cm2");
        add("current density", 1e-3, "nA/cm2", "nA/cm²");
        add("current density", 1e3, "mA/cm2", "mA/cm²");
        add("conductance density", 1, "mS/cm2", "mS/cm²");
        add("conductance density", 1e3, "S/cm2", "S/cm²");
        add("rate", 1e-3, "Hz");
        add("rate", 1, "kHz");
    }

    /** The unit of this name, or an exception that lists the known names. */
    static Unit of(String name, String what) {
        Unit u = UNITS.get(name == null ? "" : name.strip());
        if (u == null) {
            throw new IllegalArgumentException(what + ": unit = \"" + name + "\" is not known; use one of "
                    + List.copyOf(UNITS.keySet()).subList(2, UNITS.size()) + " or 1 for a pure number");
        }
        return u;
    }

    /**
     * The factor that converts a value in unit {@code given} to unit {@code wanted}, or a
     * {@link SweepException} of kind {@link SweepException.Kind#UNIT_MISMATCH} naming both.
     */
    static double factor(String given, String wanted, String what) {
        Unit g = of(given, what);
        Unit w = of(wanted, what);
        if (!g.quantity().equals(w.quantity())) {
            throw new SweepException(SweepException.Kind.UNIT_MISMATCH, what + " is given in " + show(g)
                    + " (" + g.quantity() + ") but is a " + w.quantity() + " in " + show(w) + "; give it in " + show(w)
                    + " or another unit of " + w.quantity());
        }
        return g.factor() / w.factor();
    }

    private static String show(Unit u) {
        return u.name().isEmpty() ? "1" : u.name();
    }

    /** Splits {@code "I [pA]"} into {@code ["I", "pA"]}; a name without brackets is a pure number ("1"). */
    static String[] split(String nameWithUnit) {
        if (nameWithUnit == null || nameWithUnit.isBlank()) {
            throw new IllegalArgumentException("parameter = \"" + nameWithUnit + "\" is empty; name it with its unit, e.g. \"g\" or \"I [pA]\"");
        }
        String s = nameWithUnit.strip();
        int open = s.lastIndexOf('[');
        if (open < 0 || !s.endsWith("]")) {
            if (s.contains("[") || s.contains("]")) {
                throw new IllegalArgumentException("parameter = \"" + nameWithUnit + "\": write the unit in brackets at the end, e.g. \"I [pA]\"");
            }
            return new String[] {s, "1"};
        }
        String name = s.substring(0, open).strip();
        String unit = s.substring(open + 1, s.length() - 1).strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("parameter = \"" + nameWithUnit + "\" has a unit but no name; e.g. \"I [pA]\"");
        }
        of(unit, "parameter " + name);
        return new String[] {name, unit.isEmpty() ? "1" : unit};
    }
}
