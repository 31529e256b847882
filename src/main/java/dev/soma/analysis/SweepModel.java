package dev.soma.analysis;

import java.util.List;
import java.util.Map;

/**
 * A model that a declarative sweep ({@link SweepSpec}) names: a neuron preset such as
 * {@code "lif"} or {@code "adex:adapting"}, or a network builder such as {@code "brunel"}.
 *
 * <p>A sweep sent to another machine carries only the model's name, so every JVM that runs a
 * point must find the model by that name: the built-in ones always, and others listed in a jar's
 * {@code META-INF/services/dev.soma.analysis.SweepModel} (a public class with a public
 * no-argument constructor) that is on the class path there too.
 *
 * <p>An implementation must compute a point from the point alone (its values and seed), never
 * from shared mutable state, so that results do not depend on where or in which order points run.
 */
public interface SweepModel {
    /** The name a specification uses, e.g. {@code "brunel"}. */
    String name();

    /** One line: what the model is. */
    String description();

    /** The parameters the model accepts, with their units and defaults. */
    List<SweepParameter> parameters();

    /**
     * The measurements the model can provide, each with the unit of its value, in a stable order,
     * e.g. {@code rate → Hz}, {@code cv → 1}.
     */
    Map<String, String> measurements();

    /**
     * Runs one point and returns one value per requested measurement, in the order asked (NaN
     * where a measurement is undefined, e.g. the CV of a silent neuron).
     *
     * @param point the point: index, seed, every parameter in the model's units, duration, warm-up
     * @param measurements names from {@link #measurements()}
     */
    double[] run(SweepPoint point, List<String> measurements);

    /**
     * Rejects a point whose values the model cannot run (e.g. a neuron count that is not a
     * multiple of 4), with an exception that names the value and the fix. A sweep checks every
     * point this way before it runs any; the default accepts all.
     */
    default void check(SweepPoint point) {}
}
