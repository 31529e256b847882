package dev.soma.notebook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The values of an {@link Interactive}'s controls at one moment, as its view function receives
 * them: {@code p.get("I")} for a slider, {@code p.choice("model")} for a drop-down or buttons,
 * {@code p.flag("noise")} for a check box. A slider's value is in the unit its label shows
 * (multiply by the unit constant: {@code p.get("I") * uA_per_cm2}). Immutable.
 */
public final class Params {

    private final Map<String, Object> values;
    private final Map<String, String> units;

    Params(Map<String, Object> values, Map<String, String> units) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.units = units;
    }

    /**
     * The value of a slider (or play control), in the unit its label shows.
     *
     * @throws IllegalArgumentException if there is no such control or it is not numeric
     */
    public double get(String name) {
        Object v = lookup(name);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("parameter \"" + name + "\" is " + kind(v) + ", not a number; read it with "
                    + (v instanceof Boolean ? "p.flag(\"" + name + "\")" : "p.choice(\"" + name + "\")"));
        }
        return n.doubleValue();
    }

    /**
     * The value of a whole-number slider.
     *
     * @throws IllegalArgumentException if there is no such control or its value is not whole
     */
    public int getInt(String name) {
        double v = get(name);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter \"" + name + "\" = " + v + " is not a whole number; read it with p.get(\""
                    + name + "\") or make it an intSlider");
        }
        return (int) v;
    }

    /**
     * The chosen option of a drop-down or a row of buttons.
     *
     * @throws IllegalArgumentException if there is no such control or it is not a choice
     */
    public String choice(String name) {
        Object v = lookup(name);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("parameter \"" + name + "\" is " + kind(v) + ", not a choice; read it with "
                    + (v instanceof Boolean ? "p.flag(\"" + name + "\")" : "p.get(\"" + name + "\")"));
        }
        return s;
    }

    /**
     * Whether a check box is ticked.
     *
     * @throws IllegalArgumentException if there is no such control or it is not a check box
     */
    public boolean flag(String name) {
        Object v = lookup(name);
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("parameter \"" + name + "\" is " + kind(v) + ", not a check box; read it with "
                    + (v instanceof String ? "p.choice(\"" + name + "\")" : "p.get(\"" + name + "\")"));
        }
        return b;
    }

    /** Every value by control name, in the order the controls were added. */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object lookup(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name = null; name a control, one of " + values.keySet());
        }
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no parameter \"" + name + "\"; this interact has " + values.keySet());
        }
        return values.get(name);
    }

    private static String kind(Object v) {
        return v instanceof Boolean ? "a check box" : v instanceof String ? "a choice" : "a number";
    }

    Params with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Params(copy, units);
    }

    /** The values as a person reads them, e.g. {@code I = 10 µA/cm², model = LIF}. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            String unit = units.getOrDefault(e.getKey(), "");
            String shown = v instanceof Double d ? Display.number(d) : String.valueOf(v);
            j.add(e.getKey() + " = " + shown + (unit.isEmpty() ? "" : " " + unit));
        }
        return j.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
