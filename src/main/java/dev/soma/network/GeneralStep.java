package dev.soma.network;

import dev.soma.model.NeuronModel;
import dev.soma.sim.Integrators;
import dev.soma.sim.Method;
import dev.soma.synapse.SynapseKind;
import java.lang.invoke.MethodHandles;
import java.util.Locale;

/**
 * The general population step: any {@link NeuronModel} with its receptors, any fixed-step method,
 * one neuron at a time with the model's own equations — the single-neuron engine's stepping code
 * ({@link Integrators}) on a state gathered from the population's arrays and scattered back.
 *
 * <p>This class is a template: {@link GeneralSteps} defines a copy of it per population shape as a
 * hidden class whose static constants come from the class data, so that every copy is compiled
 * for its own model. It must therefore stay self-contained: no lambdas, no nested classes.
 *
 * <p>Per neuron and step: the state is gathered into scratch arrays (one set per thread, allocated
 * once); the injected current plus the noise
 * current is the neuron's external input; every receptor adds its current (conductances as
 * g·B(V)·(E − V)); the method advances the state, V held while refractory (for models that reset);
 * then the threshold is tested on the new state (for models that reset: V ≥ θ; otherwise an upward
 * crossing), and a spike resets the neuron and starts its refractory period of whole steps.
 * Exponential methods integrate a conductance receptor's g·B·(E − V) with V's own linear part
 * (as Brian2's exponential Euler does); the other methods use the derivatives.
 */
final class GeneralStep extends PopulationStep implements Integrators.Equations {
    private static final GeneralSteps.Shape S = GeneralSteps.shape(MethodHandles.lookup());
    private static final NeuronModel MODEL = S == null ? null : S.model;
    private static final int N = S == null ? 1 : S.n;
    private static final int VI = S == null ? 0 : S.vi;
    private static final boolean RESETS = S != null && S.resets;
    private static final boolean HETEROGENEOUS = S != null && S.heterogeneous;
    private static final boolean NOISE = S != null && S.noise;
    private static final double DT = S == null ? 0 : S.dt;
    private static final double THRESHOLD = S == null ? 0 : S.threshold;
    private static final double GAIN = S == null ? 0 : S.gain;
    private static final int REFRACTORY_STEPS = S == null ? 0 : S.refractorySteps;
    private static final SynapseKind[] KINDS = S == null ? new SynapseKind[0] : S.kinds;
    private static final int[] OFFSETS = S == null ? new int[0] : S.offsets;
    private static final double[] REVERSAL = S == null ? new double[0] : S.reversal;
    private static final boolean[] CONDUCTANCE = conductances();
    private static final int RECEPTORS = KINDS.length;
    private static final boolean EULER = S != null && S.method == Method.EULER;
    private static final boolean RK4 = S != null && S.method == Method.RK4;
    private static final boolean EXPONENTIAL_EULER = S != null && S.method == Method.EXPONENTIAL_EULER;
    private static final boolean EXPONENTIAL_MIDPOINT = S != null && S.method == Method.EXPONENTIAL_MIDPOINT;
    private static final boolean EXACT = S != null && S.method == Method.EXACT;
    private static final boolean SPLIT_EULER = S != null && S.method == Method.SPLIT_EULER;

    private static boolean[] conductances() {
        boolean[] c = new boolean[KINDS.length];
        for (int r = 0; r < c.length; r++) {
            c[r] = KINDS[r].coupling() == SynapseKind.Coupling.CONDUCTANCE;
        }
        return c;
    }

    private final GeneralSteps.Data data;
    private final double[][] x;
    private final int[] until;
    private final NeuronModel[] models;
    private final double[] thresholds;
    private final int[] refractory;
    private final double[] gains;
    private final double noiseSd;
    private final long noiseKey;
    private final int offset;
    /** The exponential methods' remembered factors: per thread, shared by the neurons. */
    private final double[] memo;
    // Scratch, per thread. (Allocating it per neuron, for the JIT to keep in registers, is faster
    // only when every integrator call is inlined, which the JIT does not promise: an integrator it
    // has already compiled on its own into a big method is called, and the arrays then go to the heap.)
    private final double[] y = new double[N];
    private final double[] out = new double[N];
    private final double[] k1 = new double[N];
    private final double[] k2 = new double[N];
    private final double[] k3 = new double[N];
    private final double[] k4 = new double[N];
    private final double[] tmp = new double[N];
    private final double[] la = new double[N];
    private final double[] lb = new double[N];
    private final double[] zero = new double[N];

    // the neuron being stepped
    private NeuronModel model;
    private boolean held;
    private double ext;
    private double gain;

    GeneralStep(GeneralSteps.Data data) {
        this.data = data;
        this.x = data.x;
        this.until = data.until;
        this.models = data.models;
        this.thresholds = data.thresholds;
        this.refractory = data.refractorySteps;
        this.gains = data.gains;
        this.noiseSd = data.noiseSd;
        this.noiseKey = data.noiseKey;
        this.offset = data.offset;
        this.memo = new double[3 * N];
        java.util.Arrays.fill(memo, Double.NaN);
        this.model = MODEL;
        this.gain = GAIN;
    }

    @Override
    int step(long k, double t, double injected, int from, int to, int[] spikes, int count) {
        final long noiseStep = NOISE ? CounterRandom.mix(noiseKey, k) : 0L;
        for (int j = from; j < to; j++) {
            if (advance(j, k, t, injected, noiseStep)) {
                spikes[count++] = j;
            }
        }
        return count;
    }

    /** One neuron over one step; whether it spiked. */
    private boolean advance(int j, long k, double t, double injected, long noiseStep) {
        final double[][] x = this.x;
        final double[] y = this.y;
        final double[] out = this.out;
        for (int i = 0; i < N; i++) {
            y[i] = x[i][j];
        }
        if (HETEROGENEOUS) {
            model = models[j];
            gain = gains[j];
        }
        final boolean refractoryNow = k < until[j];
        held = RESETS && refractoryNow;
        ext = NOISE ? injected + noiseSd * CounterRandom.normal(CounterRandom.word(noiseStep, offset + j)) : injected;
        integrate(y, t, out, j);
        for (int i = 0; i < N; i++) {
            if (out[i] - out[i] != 0) {
                throw diverged(j, i, k, out[i]);
            }
        }
        boolean spike = false;
        if (!refractoryNow) {
            final double threshold = HETEROGENEOUS ? thresholds[j] : THRESHOLD;
            final double v = out[VI];
            spike = RESETS ? v >= threshold : y[VI] < threshold && v >= threshold;
            if (spike) {
                if (RESETS) {
                    if (HETEROGENEOUS) {
                        model.reset(out);
                    } else {
                        MODEL.reset(out);
                    }
                }
                until[j] = (int) (k + (HETEROGENEOUS ? refractory[j] : REFRACTORY_STEPS));
            }
        }
        for (int i = 0; i < N; i++) {
            x[i][j] = out[i];
        }
        return spike;
    }

    private void integrate(double[] y, double t, double[] out, int j) {
        if (EULER) {
            Integrators.euler(this, N, y, t, DT, out, k1);
        } else if (RK4) {
            Integrators.rk4(this, N, y, t, DT, out, k1, k2, k3, k4, tmp);
        } else if (EXPONENTIAL_EULER) {
            Integrators.exponentialEuler(this, N, y, t, DT, out, la, lb, memo);
        } else if (EXPONENTIAL_MIDPOINT) {
            Integrators.exponentialMidpoint(this, N, y, t, DT, out, la, lb, memo, tmp);
        } else if (EXACT) {
            double[][][] propagators = held ? data.heldPropagator : data.propagator;
            double[][] pq = propagators[propagators.length == 1 ? 0 : j];
            Integrators.exact(this, N, pq[0], pq[1], y, t, out, zero, k1);
        } else if (SPLIT_EULER) {
            Integrators.splitEuler(this, N, VI, y, t, DT, out, k1);
        } else {
            throw new IllegalStateException("no fixed-step method chosen");
        }
    }

    @Override
    public void derivatives(double t, double[] y, double[] dydt) {
        final double v = y[VI];
        double input = ext;
        for (int r = 0; r < RECEPTORS; r++) {
            input += KINDS[r].current(y, OFFSETS[r], v, REVERSAL[r]);
        }
        if (HETEROGENEOUS) {
            model.derivatives(t, y, input, dydt);
        } else {
            MODEL.derivatives(t, y, input, dydt);
        }
        for (int r = 0; r < RECEPTORS; r++) {
            KINDS[r].derivatives(y, OFFSETS[r], dydt);
        }
        if (held) {
            dydt[VI] = 0;
        }
    }

    @Override
    public void linearParts(double t, double[] y, double[] a, double[] b) {
        final double v = y[VI];
        double input = ext;
        double g = 0;
        for (int r = 0; r < RECEPTORS; r++) {
            if (CONDUCTANCE[r]) {
                double gb = KINDS[r].conductance(y, OFFSETS[r], v);
                input += gb * REVERSAL[r];
                g += gb;
            } else {
                input += KINDS[r].current(y, OFFSETS[r], v, REVERSAL[r]);
            }
        }
        if (HETEROGENEOUS) {
            model.linearParts(t, y, input, a, b);
        } else {
            MODEL.linearParts(t, y, input, a, b);
        }
        for (int r = 0; r < RECEPTORS; r++) {
            KINDS[r].linearParts(y, OFFSETS[r], a, b);
        }
        b[VI] -= gain * g;
        if (held) {
            a[VI] = 0;
            b[VI] = 0;
        }
    }

    @Override
    void prepare(int j, boolean hold, double externalInput) {
        model = HETEROGENEOUS ? models[j] : MODEL;
        gain = HETEROGENEOUS ? gains[j] : GAIN;
        held = hold;
        ext = externalInput;
    }

    private IllegalStateException diverged(int j, int variable, long k, double value) {
        return PopulationStep.diverged(data.names[variable], j, data.population, value, k, DT, S.method.label());
    }

    @Override
    String describe() {
        return "general (" + S.method.label() + ")";
    }
}
