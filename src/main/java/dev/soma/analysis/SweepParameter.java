package dev.soma.analysis;

/**
 * A parameter a {@link SweepModel} accepts: its name, the unit its value is given to the model in
 * (a sweep may give it in any unit of the same quantity: {@code pA} for a parameter in {@code nA}),
 * its default, whether it counts something (then only whole numbers are accepted), and what it means.
 *
 * @param name the name, e.g. {@code "g"} or {@code "I"}
 * @param unit the unit the model takes, e.g. {@code "mV"}, or {@code "1"} for a pure number
 * @param defaultValue the value when the sweep neither varies nor fixes it, in {@code unit}
 * @param integer whether only whole numbers are allowed (neuron counts, in-degrees)
 * @param description what it means, one line
 */
public record SweepParameter(String name, String unit, double defaultValue, boolean integer, String description) {
    /** Checks the unit name when a parameter is declared. */
    public SweepParameter {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name = \"" + name + "\" is empty; name the parameter, e.g. \"g\"");
        }
        SweepUnits.of(unit, "parameter " + name);
    }

    /** A parameter that takes any real value. */
    public static SweepParameter real(String name, String unit, double defaultValue, String description) {
        return new SweepParameter(name, unit, defaultValue, false, description);
    }

    /** A parameter that counts something: whole numbers only. */
    public static SweepParameter count(String name, double defaultValue, String description) {
        return new SweepParameter(name, "1", defaultValue, true, description);
    }
}
