package dev.soma.network;

import dev.soma.model.NeuronModel;
import dev.soma.sim.Method;
import dev.soma.synapse.SynapseKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Makes the general population step of a population: a copy of {@link GeneralStep} as a hidden
 * class whose constants (the model, the number of variables, the method, the receptors) are its
 * class data. The JIT then compiles each copy for its own model: the model's equations are inlined
 * (its calls are monomorphic in the copy, and a constant model is a constant receiver), and the
 * loops over the variables have a constant length.
 *
 * <p>Copies are kept by shape (equal constants share one copy and its compiled code), at most
 * {@value #CACHE} of them.
 */
final class GeneralSteps {
    private GeneralSteps() {}

    private static final int CACHE = 64;
    private static final byte[] TEMPLATE = templateBytes();
    private static final Map<Shape, MethodHandle> COPIES = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Shape, MethodHandle> eldest) {
            return size() > CACHE;
        }
    };

    /** What the JIT may treat as constant in a population's step. */
    static final class Shape {
        final NeuronModel model;
        final Class<?> modelClass;
        final int n;
        final int vi;
        final Method method;
        final boolean resets;
        final boolean heterogeneous;
        final boolean noise;
        final double dt;
        final double threshold;
        final double gain;
        final int refractorySteps;
        final SynapseKind[] kinds;
        final int[] offsets;
        final double[] reversal;

        Shape(Layout layout, Method method, double dt, boolean noise) {
            this.heterogeneous = layout.heterogeneous();
            this.model = heterogeneous ? null : layout.model;
            this.modelClass = layout.model.getClass();
            this.n = layout.size;
            this.vi = layout.vi;
            this.method = method;
            this.resets = layout.resets;
            this.noise = noise;
            this.dt = dt;
            this.threshold = heterogeneous ? Double.NaN : layout.threshold[0];
            this.gain = heterogeneous ? Double.NaN : layout.gain[0];
            this.refractorySteps = heterogeneous ? -1 : layout.refractorySteps[0];
            this.kinds = layout.receptors.clone();
            this.offsets = layout.receptorOffset.clone();
            this.reversal = layout.reversal.clone();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Shape s)) {
                return false;
            }
            return Objects.equals(model, s.model) && modelClass == s.modelClass && n == s.n && vi == s.vi
                    && method == s.method && resets == s.resets && heterogeneous == s.heterogeneous && noise == s.noise
                    && Double.compare(dt, s.dt) == 0 && Double.compare(threshold, s.threshold) == 0
                    && Double.compare(gain, s.gain) == 0 && refractorySteps == s.refractorySteps
                    && Arrays.equals(kinds, s.kinds) && Arrays.equals(offsets, s.offsets) && Arrays.equals(reversal, s.reversal);
        }

        @Override
        public int hashCode() {
            return Objects.hash(model, modelClass, n, method, resets, heterogeneous, noise, dt, threshold, refractorySteps,
                    Arrays.hashCode(kinds), Arrays.hashCode(offsets));
        }
    }

    /** What one population's step works on: its arrays and its per-neuron parameters. */
    static final class Data {
        final String population;
        final String[] names;
        final double[][] x;
        final int[] until;
        final NeuronModel[] models;
        final double[] thresholds;
        final int[] refractorySteps;
        final double[] gains;
        /** The exact method's propagators {P, Q}, free and held: one for all, or one per neuron. */
        final double[][][] propagator;
        final double[][][] heldPropagator;
        final double noiseSd;
        final long noiseKey;
        final int offset;

        Data(String population, Layout layout, double[][] x, int[] until, double[][][] propagator, double[][][] heldPropagator,
             double noiseSd, long noiseKey, int offset) {
            this.population = population;
            this.names = layout.names;
            this.x = x;
            this.until = until;
            this.models = layout.models;
            this.thresholds = layout.threshold;
            this.refractorySteps = layout.refractorySteps;
            this.gains = layout.gain;
            this.propagator = propagator;
            this.heldPropagator = heldPropagator;
            this.noiseSd = noiseSd;
            this.noiseKey = noiseKey;
            this.offset = offset;
        }
    }

    /** The class data of a copy (null for the template itself). */
    static Shape shape(MethodHandles.Lookup lookup) {
        try {
            return MethodHandles.classData(lookup, "_", Shape.class);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A step for one thread of a population of this shape. */
    static PopulationStep create(Shape shape, Data data) {
        MethodHandle constructor;
        synchronized (COPIES) {
            constructor = COPIES.get(shape);
            if (constructor == null) {
                constructor = define(shape);
                COPIES.put(shape, constructor);
            }
        }
        try {
            return (PopulationStep) constructor.invoke(data);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle define(Shape shape) {
        try {
            MethodHandles.Lookup copy = MethodHandles.lookup().defineHiddenClassWithClassData(TEMPLATE, shape, true);
            return copy.findConstructor(copy.lookupClass(), MethodType.methodType(void.class, Data.class))
                    .asType(MethodType.methodType(PopulationStep.class, Data.class));
        } catch (IllegalAccessException | NoSuchMethodException e) {
            throw new IllegalStateException("cannot specialise the population step: " + e, e);
        }
    }

    private static byte[] templateBytes() {
        try (InputStream in = GeneralStep.class.getResourceAsStream("GeneralStep.class")) {
            if (in == null) {
                throw new IllegalStateException("GeneralStep.class is not readable as a resource");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
