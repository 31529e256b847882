package dev.soma.sim;

import dev.soma.model.NeuronModel;
import dev.soma.model.SpikeRule;
import dev.soma.stimulus.Current;
import java.util.Arrays;
import java.util.Locale;

/**
 * The single-neuron engine: integrates a {@link NeuronModel} with its {@link Attachment}s under an
 * injected {@link Current} with a fixed-step method, finds spikes, applies resets and records.
 *
 * <p>Build one with {@link SimulationSetup}; the engine is the part that never knows which model it
 * serves. The hot loop works on primitive arrays allocated once per run; no allocation per step.
 *
 * <p>Spikes: for crossing rules (Hodgkin–Huxley) the time of the upward crossing is found on the
 * cubic Hermite interpolant of V over the step (values and derivatives at both ends). For reset
 * rules (integrate-and-fire) the step that crosses is bisected to find the sub-step at which V
 * reaches threshold (to 1e-12 ms), the reset is applied at that time, V is held for the refractory
 * period, and the rest of the step is integrated from the reset state. A second spike within the
 * same step is a run-away, not firing, and stops the run ({@link SimulationDivergedException}).
 *
 * <p>Breakpoints of the injected current ({@link Current#nextBreakpoint}) end a step: a step that
 * contains one is integrated in two pieces, and within a piece the current is evaluated on the
 * piece's side of its ends ({@link Current#leftLimit} at the end), so a switch-on is never seen
 * early and every method keeps its order. A current without breakpoints costs one comparison per
 * step.
 *
 * <p>Non-finite values: V becoming NaN in a reset model is a divergence (the injected current or
 * another variable became NaN), never a spike; V overflowing upward past the threshold is a spike.
 * Before the first step the step is checked against the decay rate of every variable at the start
 * state (a step too large for the method's stability is rejected with the step to use).
 */
final class Engine implements Integrators.Equations {
    private static final double TIME_EPS = 1e-12;

    private final NeuronModel model;
    private final Current current;
    private final Attachment[] attachments;
    private final Attachment.Instance[] parts;
    private final int[] offsets;
    private final Method method;
    private final double dt;
    private final int sampleStride;
    private final String[] recordNames;
    private final int[] recordIndex;       // >= 0: state index; < 0: -(derived index) - 1
    private final String[] recordUnits;
    private final String[] stateNames;
    private final double[] start;

    private final int n;
    private final int vi;
    private final SpikeRule rule;

    // work arrays, allocated once per engine
    private final double[] y, yPrev, yTrial, k1, k2, k3, k4, tmp, a, b, derivedOut;
    /** Exponential methods' remembered factors (b, h, (e^{bh} − 1)/b per variable). */
    private final double[] memo;
    /** The exact method's system matrix, and its propagators for the last step length (free, held). */
    private double[] systemMatrix;
    private double propagatorStep = Double.NaN;
    private double[][] propagator;
    private double[][] heldPropagator;
    /** The zero state, at which the exact method reads the constant part of the equations (never written). */
    private final double[] zeros;
    private final int[] derivedOffsets;
    private boolean held;
    private double refractoryUntil = Double.NEGATIVE_INFINITY;
    private double lastCrossing = Double.NEGATIVE_INFINITY;
    private double[] spikes = new double[16];
    private int spikeCount;
    private int spikesThisStep;
    private double firstSpikeThisStep;
    // The piece of the current step between breakpoints: the current is evaluated inside [pieceStart, pieceEnd].
    private double pieceStart = Double.NEGATIVE_INFINITY;
    private double pieceEnd = Double.POSITIVE_INFINITY;
    private double pieceTolerance;
    /** Whether the step being integrated has a breakpoint at or next to one of its ends (else one flag test per evaluation). */
    private boolean nearBreakpoint;

    Engine(NeuronModel model, Current current, Attachment[] attachments, Method method, double dt,
           int sampleStride, String[] recordNames, int[] recordIndex, String[] recordUnits,
           String[] stateNames, double[] start) {
        this.model = model;
        this.current = current;
        this.attachments = attachments;
        this.method = method;
        this.dt = dt;
        this.sampleStride = sampleStride;
        this.recordNames = recordNames;
        this.recordIndex = recordIndex;
        this.recordUnits = recordUnits;
        this.stateNames = stateNames;
        this.start = start;
        this.n = start.length;
        this.vi = model.voltageIndex();
        this.rule = model.spikeRule();
        this.parts = new Attachment.Instance[attachments.length];
        this.offsets = new int[attachments.length];
        int offset = model.stateNames().length;
        for (int i = 0; i < attachments.length; i++) {
            offsets[i] = offset;
            offset += attachments[i].stateNames().length;
        }
        y = new double[n];
        yPrev = new double[n];
        yTrial = new double[n];
        k1 = new double[n];
        k2 = new double[n];
        k3 = new double[n];
        k4 = new double[n];
        tmp = new double[n];
        a = new double[n];
        b = new double[n];
        memo = new double[3 * n];
        zeros = new double[n];
        Arrays.fill(memo, Double.NaN);
        derivedOffsets = new int[attachments.length];
        int derived = model.derivedNames().length;
        for (int i = 0; i < attachments.length; i++) {
            derivedOffsets[i] = derived;
            derived += attachments[i].derivedNames().length;
        }
        derivedOut = new double[Math.max(1, derived)];
    }

    SimulationResult run(double duration) {
        for (int i = 0; i < attachments.length; i++) {
            parts[i] = attachments[i].startRun();
            if (parts[i] == null) {
                throw new IllegalStateException("attachment " + attachments[i] + " returned no instance from startRun()");
            }
        }
        System.arraycopy(start, 0, y, 0, n);
        refractoryUntil = Double.NEGATIVE_INFINITY;
        lastCrossing = Double.NEGATIVE_INFINITY;
        spikeCount = 0;

        long stepsLong = (long) Math.ceil(duration / dt - 1e-9);
        if (stepsLong > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("duration / dt = " + stepsLong + " steps is too many; use a larger dt or a shorter duration");
        }
        int steps = (int) Math.max(1, stepsLong);
        int samples = steps / sampleStride + 1 + (steps % sampleStride == 0 ? 0 : 1);
        long cells = (long) samples * recordNames.length;
        if (cells > 200_000_000L) {
            throw new IllegalArgumentException("recording " + recordNames.length + " variables at " + samples
                    + " samples needs " + cells * 8 / 1_000_000 + " MB; use sampleEvery(...) with a larger interval or record fewer variables");
        }
        checkStability();
        if (method == Method.EXACT) {
            held = false;
            systemMatrix = LinearPropagator.matrix(this, n, 0.0, y, stateNames, model.name());
            propagatorStep = Double.NaN;
        }
        double[] time = new double[samples];
        double[][] traces = new double[recordNames.length][samples];
        int sample = 0;
        record(0.0, time, traces, sample++);

        double nextBreak = current.nextBreakpoint(0.0);
        for (int step = 0; step < steps; step++) {
            double t0 = step * dt;
            double t1 = step == steps - 1 ? duration : t0 + dt;
            // every step but a shortened last one is exactly dt (t0 + dt − t0 can differ from dt by an ulp)
            double h = step == steps - 1 ? t1 - t0 : dt;
            for (int i = 0; i < parts.length; i++) {
                parts[i].beforeStep(t0, h, y, offsets[i]);
            }
            spikesThisStep = 0;
            if (nextBreak < t1 + h) {
                nearBreakpoint = true;
                nextBreak = advanceThroughBreakpoints(t0, t1, nextBreak);
            } else if (nearBreakpoint) {
                // the step after a breakpoint may still start on it (within rounding): evaluate from its right side
                advance(t0, h);
                nearBreakpoint = false;
                pieceStart = Double.NEGATIVE_INFINITY;
            } else {
                advance(t0, h);
            }
            checkFinite(t0, t1);
            if ((step + 1) % sampleStride == 0 || step == steps - 1) {
                record(t1, time, traces, sample++);
            }
        }
        return SimulationResult.assemble(model, method.label(), dt, duration, time, sample, recordNames, recordUnits,
                traces, spikes, spikeCount);
    }

    /**
     * Advances over the step [t0, t1] in pieces that end at the current's breakpoints; a breakpoint within
     * a rounding tolerance of a grid point is taken to be on it. Returns the next breakpoint after the step.
     */
    private double advanceThroughBreakpoints(double t0, double t1, double nextBreak) {
        double tolerance = 1e-9 * (t1 - t0) + 4 * Math.ulp(t1);
        pieceTolerance = tolerance;
        double t = t0;
        while (nextBreak < t1 + tolerance) {
            double breakpoint = nextBreak;
            if (!(breakpoint > t + tolerance)) {
                pieceStart = breakpoint;           // on the start of this piece: already on its right side
            } else {
                double end = breakpoint >= t1 - tolerance ? t1 : breakpoint;
                pieceEnd = breakpoint;
                advance(t, end - t);
                pieceEnd = Double.POSITIVE_INFINITY;
                pieceStart = breakpoint;
                t = end;
            }
            double following = current.nextBreakpoint(breakpoint);
            if (!(following > breakpoint)) {
                throw new IllegalStateException("the injected current " + current + " gave breakpoint " + following
                        + " ms after " + breakpoint + " ms; nextBreakpoint must move forward");
            }
            nextBreak = following;
        }
        if (t1 - t > tolerance) {
            advance(t, t1 - t);
        }
        return nextBreak;
    }

    /** Advances the state {@code y} from {@code t0} by {@code h}, handling spikes, resets and refractoriness. */
    private void advance(double t0, double h) {
        double t = t0;
        double end = t0 + h;
        boolean whole = true;
        while (end - t > TIME_EPS) {
            double segment = whole ? h : end - t;
            whole = false;
            held = rule.resets() && t < refractoryUntil - TIME_EPS;
            if (held && refractoryUntil < end) {
                segment = refractoryUntil - t;
            }
            System.arraycopy(y, 0, yPrev, 0, n);
            step(yPrev, t, segment, y);
            if (rule.resets()) {
                if (!held && !(y[vi] < rule.thresholdMv())) {   // reached the threshold, or V is NaN: find out which
                    double sub = locateResetCrossing(t, segment);
                    step(yPrev, t, sub, y);
                    double spikeTime = t + sub;
                    if (!(y[vi] >= rule.thresholdMv())) {
                        // V became NaN before it reached the threshold: a NaN input or state, not a spike
                        throw diverged(t, spikeTime, y);
                    }
                    countSpikeInStep(spikeTime);
                    addSpike(spikeTime);
                    model.reset(y);
                    for (int i = 0; i < parts.length; i++) {
                        parts[i].onSpike(spikeTime, y, offsets[i]);
                    }
                    refractoryUntil = spikeTime + rule.refractoryMs();
                    t = spikeTime;
                    continue;
                }
            } else if (yPrev[vi] < rule.thresholdMv() && y[vi] >= rule.thresholdMv()) {
                double crossing = locateCrossing(t, segment);
                if (crossing - lastCrossing >= rule.refractoryMs()) {
                    addSpike(crossing);
                    lastCrossing = crossing;
                    for (int i = 0; i < parts.length; i++) {
                        parts[i].onSpike(crossing, y, offsets[i]);
                    }
                }
            }
            t += segment;
        }
    }

    /** Whether V has reached the threshold or is NaN (so that bisection also finds where a NaN appears). */
    private boolean crossedOrNaN(double v) {
        return !(v < rule.thresholdMv());
    }

    /**
     * Bisection on the sub-step length: the shortest sub-step after which V has reached threshold (or
     * become NaN; the caller tells the two apart).
     */
    private double locateResetCrossing(double t, double segment) {
        if (crossedOrNaN(yPrev[vi])) {
            return 0.0;
        }
        double lo = 0;
        double hi = segment;
        for (int iteration = 0; iteration < 64 && hi - lo > TIME_EPS; iteration++) {
            double mid = 0.5 * (lo + hi);
            step(yPrev, t, mid, yTrial);
            if (crossedOrNaN(yTrial[vi])) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** Upward crossing time on the cubic Hermite interpolant of V over [t, t + h]. */
    private double locateCrossing(double t, double h) {
        held = false;
        derivatives(t, yPrev, k1);
        double dv0 = k1[vi] * h;
        derivatives(t + h, y, k1);
        double dv1 = k1[vi] * h;
        double v0 = yPrev[vi] - rule.thresholdMv();
        double v1 = y[vi] - rule.thresholdMv();
        double lo = 0;
        double hi = 1;
        for (int iteration = 0; iteration < 60; iteration++) {
            double s = 0.5 * (lo + hi);
            double s2 = s * s;
            double s3 = s2 * s;
            double value = (2 * s3 - 3 * s2 + 1) * v0 + (s3 - 2 * s2 + s) * dv0 + (-2 * s3 + 3 * s2) * v1 + (s3 - s2) * dv1;
            if (value >= 0) {
                hi = s;
            } else {
                lo = s;
            }
        }
        return t + hi * h;
    }

    /** A second spike within one step is a run-away (e.g. no refractory period and a huge input): stop. */
    private void countSpikeInStep(double time) {
        if (++spikesThisStep == 1) {
            firstSpikeThisStep = time;
            return;
        }
        throw SimulationDivergedException.tooManySpikes(time, stateNames[vi], time - firstSpikeThisStep, injected(time),
                model.inputUnit(), method, dt);
    }

    private void addSpike(double time) {
        if (spikeCount == spikes.length) {
            spikes = Arrays.copyOf(spikes, spikes.length * 2);
        }
        spikes[spikeCount++] = time;
    }

    /** One step of the chosen method from {@code from} at time {@code t} over {@code h}, into {@code to}. */
    private void step(double[] from, double t, double h, double[] to) {
        switch (method) {
            case RK4 -> Integrators.rk4(this, n, from, t, h, to, k1, k2, k3, k4, tmp);
            case EULER -> Integrators.euler(this, n, from, t, h, to, k1);
            case EXPONENTIAL_EULER -> Integrators.exponentialEuler(this, n, from, t, h, to, a, b, memo);
            case EXPONENTIAL_MIDPOINT -> Integrators.exponentialMidpoint(this, n, from, t, h, to, a, b, memo, tmp);
            case EXACT -> {
                double[][] pq = propagatorFor(h);
                Integrators.exact(this, n, pq[0], pq[1], from, t, to, zeros, k1);
            }
            case SPLIT_EULER -> Integrators.splitEuler(this, n, vi, from, t, h, to, k1);
            default -> throw new IllegalStateException("method " + method + " is not a fixed-step method");
        }
    }

    /** The exact method's propagator for a step of {@code h}, free or held (computed again when h changes). */
    private double[][] propagatorFor(double h) {
        if (h != propagatorStep) {
            propagator = LinearPropagator.propagator(systemMatrix, n, h);
            heldPropagator = LinearPropagator.heldPropagator(systemMatrix, propagator, n, vi, h);
            propagatorStep = h;
        }
        return held ? heldPropagator : propagator;
    }

    /** The linear parts of every variable, with a held V frozen (a = b = 0), for the exponential methods. */
    @Override
    public void linearParts(double t, double[] state, double[] aOut, double[] bOut) {
        unheldLinearParts(t, state, aOut, bOut);
        if (held) {
            aOut[vi] = 0;
            bOut[vi] = 0;
        }
    }

    /** The conditionally linear form of every variable at {@code state} into {@code a}, {@code b} (not held). */
    private void unheldLinearParts(double t, double[] state, double[] a, double[] b) {
        double input = input(t, state);
        model.linearParts(t, state, input, a, b);
        if (parts.length > 0) {
            int modelSize = offsets[0];
            Arrays.fill(b, modelSize, n, 0.0);
            double v = state[vi];
            for (int i = 0; i < parts.length; i++) {
                parts[i].linearParts(t, v, state, offsets[i], a, b);
            }
        }
    }

    /** The injected current at {@code t}, on the current piece's side of a breakpoint at either end of it. */
    private double injected(double t) {
        if (nearBreakpoint) {
            if (t >= pieceEnd - pieceTolerance) {
                return current.leftLimit(pieceEnd);
            }
            if (t <= pieceStart + pieceTolerance) {
                return current.at(pieceStart);
            }
        }
        return current.at(t);
    }

    private double input(double t, double[] state) {
        double input = injected(t);
        double v = state[vi];
        for (int i = 0; i < parts.length; i++) {
            input += parts[i].current(t, v, state, offsets[i]);
        }
        return input;
    }

    @Override
    public void derivatives(double t, double[] state, double[] out) {
        double input = input(t, state);
        model.derivatives(t, state, input, out);
        double v = state[vi];
        for (int i = 0; i < parts.length; i++) {
            parts[i].derivatives(t, v, state, offsets[i], out);
        }
        if (held) {
            out[vi] = 0;
        }
    }

    private void checkFinite(double t0, double t1) {
        for (int i = 0; i < n; i++) {
            double value = y[i];
            if (value - value != 0) {   // NaN or ±∞
                throw diverged(t0, t1, y);
            }
        }
    }

    /**
     * The exception for a state that stopped being finite by {@code t1} in the step from {@code t0}: blames
     * the injected current if it is not finite somewhere in [t0, t1] (the step is then not the cause),
     * otherwise names the first non-finite variable.
     */
    private SimulationDivergedException diverged(double t0, double t1, double[] state) {
        int bad = 0;
        for (int i = 0; i < n; i++) {
            if (state[i] - state[i] != 0) {
                bad = i;
                break;
            }
        }
        for (int k = 0; k <= 8; k++) {
            double probe = t0 + (t1 - t0) * k / 8.0;
            double input = injected(probe);
            if (input - input != 0) {
                return SimulationDivergedException.inputNotFinite(t1, stateNames[bad], state[bad], probe, input,
                        model.inputUnit(), method, dt);
            }
        }
        return SimulationDivergedException.blewUp(t1, stateNames[bad], state[bad], method, dt);
    }

    /**
     * Rejects a step too large for the method's stability: each variable's own decay rate −∂fᵢ/∂yᵢ at the
     * start state (by a finite difference) times dt must stay below the method's limit on the negative
     * real axis. Variables that an exponential method integrates exactly are exempt.
     */
    private void checkStability() {
        held = false;
        Integrators.checkStability(this, n, y, method, dt, stateNames, "");
    }


    private void record(double t, double[] time, double[][] traces, int sample) {
        time[sample] = t;
        boolean derivedDone = false;
        for (int r = 0; r < recordIndex.length; r++) {
            int index = recordIndex[r];
            if (index >= 0) {
                traces[r][sample] = y[index];
            } else {
                if (!derivedDone) {
                    model.derived(t, y, input(t, y), derivedOut);
                    for (int i = 0; i < parts.length; i++) {
                        parts[i].derived(t, y[vi], y, offsets[i], derivedOut, derivedOffsets[i]);
                    }
                    derivedDone = true;
                }
                traces[r][sample] = derivedOut[-index - 1];
            }
        }
    }
}
