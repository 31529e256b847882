package dev.soma.sim;

import dev.soma.model.NeuronModel;
import dev.soma.model.SpikeRule;
import dev.soma.stimulus.Current;
import java.util.Arrays;
import java.util.Locale;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ExpandableODE;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.AbstractODEDetector;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Reference runs: Hipparchus' Dormand–Prince 8(5,3) with error control, spikes located as events
 * (root finding on V − threshold on the dense output), each reset applied by stopping at the spike
 * and restarting from the reset state, and the end of refractoriness as an event of its own. Output is sampled on a fixed grid from the dense
 * output. Slower than the fixed-step engine; use it to check the fixed-step methods.
 *
 * <p><b>Time as a variable.</b> The equations are integrated in a pseudo-time s with
 * dt/ds = 1/√(1 + (V̇/c)²), c = {@value #SPEED_SCALE} mV/ms, and t carried as one more state
 * variable. While V moves slower than c (every subthreshold trajectory, and the whole
 * Hodgkin–Huxley spike) s and t agree to within a few 10⁻³ and nothing changes; in the explosive
 * upstroke of exponential and quadratic integrate-and-fire models, where V̇ reaches 10⁹ mV/ms
 * within 10⁻¹⁰ ms of the spike, V moves at most c per unit of s, so the solver resolves the
 * upstroke in ordinary steps instead of steps below the time resolution of a double. The
 * same device (a Sundman time transformation) is standard for solutions that blow up in finite time.
 * A solution that runs away without reaching a threshold (|dV/dt| beyond 10¹⁵ mV/ms) stops with a
 * {@link SimulationDivergedException}.
 *
 * <p>Breakpoints of the injected current end an integration (an event on t), so each piece is
 * integrated with the current evaluated on its own side of its ends.
 */
final class AdaptiveEngine {
    /** The speed (mV/ms) above which pseudo-time slows real time down. */
    static final double SPEED_SCALE = 1e4;
    /** dt/ds below this (|dV/dt| above 10¹⁵ mV/ms) is a solution running away to infinity, not a spike. */
    private static final double MIN_TIME_RATE = 1e-11;

    private final NeuronModel model;
    private final Current current;
    private final double sampleDt;
    private final double relTol;
    private final double maxStep;
    private final String[] recordNames;
    private final int[] recordIndex;
    private final String[] recordUnits;
    private final String[] stateNames;
    private final double[] start;
    private final int n;
    private final int vi;
    private final SpikeRule rule;
    private final double[] derivedOut;
    /** Two spikes closer than this are a run-away (the fixed-step engine's "two spikes in one step"). */
    private final double runAwayIntervalMs;

    private double refractoryUntil = Double.NEGATIVE_INFINITY;
    private double lastCrossing = Double.NEGATIVE_INFINITY;
    private double lastSpike = Double.NEGATIVE_INFINITY;
    private double[] spikes = new double[16];
    private int spikeCount;
    private double pieceStart = Double.NEGATIVE_INFINITY;
    private double pieceEnd = Double.POSITIVE_INFINITY;
    private double pieceTolerance;
    private double lastGoodTime;
    private boolean resetPending;

    AdaptiveEngine(NeuronModel model, Current current, double sampleDt, double relTol,
                   double maxStep, String[] recordNames, int[] recordIndex, String[] recordUnits,
                   String[] stateNames, double[] start) {
        this.model = model;
        this.current = current;
        this.sampleDt = sampleDt;
        this.relTol = relTol;
        this.maxStep = maxStep;
        this.recordNames = recordNames;
        this.recordIndex = recordIndex;
        this.recordUnits = recordUnits;
        this.stateNames = stateNames;
        this.start = start;
        this.n = start.length;
        this.vi = model.voltageIndex();
        this.rule = model.spikeRule();
        this.derivedOut = new double[Math.max(1, model.derivedNames().length)];
        this.runAwayIntervalMs = Math.min(sampleDt, model.defaultDtMs());
    }

    SimulationResult run(double duration) {
        refractoryUntil = Double.NEGATIVE_INFINITY;
        lastCrossing = Double.NEGATIVE_INFINITY;
        lastSpike = Double.NEGATIVE_INFINITY;
        spikeCount = 0;

        double sampleCount = Math.floor(duration / sampleDt + 1e-9) + 1;
        if (sampleCount > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "duration / dt = %.4g samples is too many for the adaptive method (its dt is the sampling interval); "
                            + "use a larger dt or a shorter duration", sampleCount));
        }
        int samples = (int) sampleCount;
        long cells = (long) samples * recordNames.length;
        if (cells > 200_000_000L) {
            throw new IllegalArgumentException("recording " + recordNames.length + " variables at " + samples
                    + " samples needs " + cells * 8 / 1_000_000 + " MB; use a larger dt (the sampling interval of the adaptive method) "
                    + "or record fewer variables");
        }
        double[] time = new double[samples];
        double[][] traces = new double[recordNames.length][samples];
        for (int s = 0; s < samples; s++) {
            time[s] = Math.min(s * sampleDt, duration);
        }

        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-12, maxStep, relTol, relTol);
        OrdinaryDifferentialEquation equations = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return n + 1;
            }

            @Override
            public double[] computeDerivatives(double s, double[] z) {
                double t = z[n];
                double input = injected(t);
                if (input - input != 0) {
                    double from = firstNonFiniteInput(Math.min(lastGoodTime, t), t);
                    throw SimulationDivergedException.inputNotFinite(from, stateNames[vi], Double.NaN, from, injected(from),
                            model.inputUnit(), Method.ADAPTIVE, sampleDt);
                }
                double[] dzds = new double[n + 1];
                model.derivatives(t, z, input, dzds);   // reads and writes the first n entries only
                if (rule.resets() && t < refractoryUntil) {
                    dzds[vi] = 0;
                }
                double speed = dzds[vi] / SPEED_SCALE;
                double dtds = speed == 0 ? 1 : 1 / Math.sqrt(1 + speed * speed);
                if (!(dtds > 0)) {
                    dtds = 0;   // V's derivative is ±∞ or NaN: the step handler stops with the state's time and value
                }
                for (int i = 0; i < n; i++) {
                    dzds[i] *= dtds;
                }
                dzds[n] = dtds;
                return dzds;
            }
        };
        AdaptableInterval check = AdaptableInterval.of(Math.min(maxStep, 0.05));
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-13, 1e-13, 1e-14, 5);
        integrator.addEventDetector(new Detector(check, solver, new ThresholdHandler(), z -> z.getPrimaryState()[vi] - rule.thresholdMv()));
        if (rule.resets() && rule.refractoryMs() > 0) {
            integrator.addEventDetector(new Detector(check, solver, (state, detector, increasing) -> Action.RESET_DERIVATIVES,
                    z -> z.getPrimaryState()[n] - refractoryUntil));
        }
        integrator.addEventDetector(new Detector(check, solver, (state, detector, increasing) -> Action.STOP,
                z -> z.getPrimaryState()[n] - pieceEnd));
        int[] next = {0};
        integrator.addStepHandler(new ODEStepHandler() {
            @Override
            public void handleStep(ODEStateInterpolator interpolator) {
                double[] end = interpolator.getCurrentState().getPrimaryState();
                for (int i = 0; i <= n; i++) {
                    if (end[i] - end[i] != 0) {
                        int bad = i == n ? vi : i;
                        throw SimulationDivergedException.blewUp(lastGoodTime, stateNames[bad], end[i], Method.ADAPTIVE, sampleDt);
                    }
                }
                double tEnd = end[n];
                if (interpolator.getCurrentState().getPrimaryDerivative()[n] < MIN_TIME_RATE) {
                    // |dV/dt| > 10¹⁵ per ms: no membrane moves like that; the solution runs away in finite time
                    throw SimulationDivergedException.blewUp(tEnd, stateNames[vi], end[vi], Method.ADAPTIVE, sampleDt);
                }
                while (next[0] < samples && time[next[0]] <= tEnd + 1e-12 * Math.max(1, tEnd)) {
                    record(time[next[0]], stateAt(interpolator, time[next[0]]), traces, next[0]);
                    next[0]++;
                }
                lastGoodTime = tEnd;
            }
        });

        double[] z = Arrays.copyOf(start, n + 1);
        double s = 0;
        double t = 0;
        lastGoodTime = 0;
        record(0, z, traces, next[0]++);
        pieceTolerance = 1e-9 * sampleDt + 4 * Math.ulp(duration);
        pieceStart = Double.NEGATIVE_INFINITY;
        try {
            while (duration - t > pieceTolerance) {
                double breakpoint = current.nextBreakpoint(t);
                if (breakpoint <= t + pieceTolerance) {
                    pieceStart = breakpoint;
                    breakpoint = current.nextBreakpoint(breakpoint);
                }
                pieceEnd = Math.min(breakpoint, duration);
                if (pieceEnd >= duration - pieceTolerance) {
                    pieceEnd = duration;
                }
                // dt/ds ≤ 1, so s must advance at least as far as t; the STOP event at t = pieceEnd ends the piece.
                while (pieceEnd - t > pieceTolerance) {
                    double before = t;
                    ODEStateAndDerivative reached = integrator.integrate(new ExpandableODE(equations), new ODEState(s, z),
                            s + 2 * (pieceEnd - t) + 1e-3);
                    s = reached.getTime();
                    z = reached.getPrimaryState();
                    t = z[n];
                    if (resetPending) {
                        // The reset is applied here and the integration restarted from it, so that every event
                        // detector starts afresh from the reset state (a reset inside the integrator can hide
                        // the next crossing when it follows within one check interval).
                        resetPending = false;
                        model.reset(z);
                        refractoryUntil = t + rule.refractoryMs();
                    }
                    if (!(t > before)) {   // time stands still: V's derivative is infinite
                        throw SimulationDivergedException.blewUp(t, stateNames[vi], z[vi], Method.ADAPTIVE, sampleDt);
                    }
                }
                z[n] = pieceEnd;   // the event's time, to the root finder's precision: on the breakpoint itself
                t = pieceEnd;
                pieceStart = pieceEnd;
                pieceEnd = Double.POSITIVE_INFINITY;
            }
        } catch (MathRuntimeException e) {
            throw SimulationDivergedException.adaptiveFailed(lastGoodTime, stateNames[vi], e.getMessage(), relTol, sampleDt);
        }
        while (next[0] < samples) {   // the last sample when it lies within the tolerance of the end
            record(time[next[0]], z, traces, next[0]);
            next[0]++;
        }
        return SimulationResult.assemble(model, Method.ADAPTIVE.label(), sampleDt, duration, time, next[0],
                recordNames, recordUnits, traces, spikes, spikeCount);
    }

    /** The injected current at {@code t}, on the current piece's side of a breakpoint at either end of it. */
    private double injected(double t) {
        if (t >= pieceEnd - pieceTolerance) {
            return current.leftLimit(pieceEnd);
        }
        if (t <= pieceStart + pieceTolerance) {
            return current.at(pieceStart);
        }
        return current.at(t);
    }

    /** The first time in ({@code good}, {@code bad}] at which the injected current is not finite, by bisection. */
    private double firstNonFiniteInput(double good, double bad) {
        for (int i = 0; i < 80 && bad - good > 1e-12 * Math.max(1, Math.abs(bad)); i++) {
            double mid = 0.5 * (good + bad);
            double input = injected(mid);
            if (input - input != 0) {
                bad = mid;
            } else {
                good = mid;
            }
        }
        return bad;
    }

    /** The state at real time {@code t} within the interpolator's step: t(s) is increasing, so a safeguarded secant finds s. */
    private static double[] stateAt(ODEStateInterpolator interpolator, double t) {
        ODEStateAndDerivative lo = interpolator.getPreviousState();
        ODEStateAndDerivative hi = interpolator.getCurrentState();
        int tIndex = lo.getPrimaryState().length - 1;
        double sLo = lo.getTime();
        double sHi = hi.getTime();
        double fLo = lo.getPrimaryState()[tIndex] - t;
        double fHi = hi.getPrimaryState()[tIndex] - t;
        if (fLo >= 0) {
            return lo.getPrimaryState();
        }
        if (fHi <= 0) {
            return hi.getPrimaryState();
        }
        double tolerance = 1e-13 * Math.max(1, Math.abs(t));
        double[] state = hi.getPrimaryState();
        int side = 0;
        for (int iteration = 0; iteration < 100; iteration++) {
            double sMid = (sLo * fHi - sHi * fLo) / (fHi - fLo);
            if (!(sMid > sLo && sMid < sHi)) {
                sMid = 0.5 * (sLo + sHi);
            }
            state = interpolator.getInterpolatedState(sMid).getPrimaryState();
            double f = state[tIndex] - t;
            if (Math.abs(f) <= tolerance || sHi - sLo <= 1e-15 * Math.max(1, Math.abs(sHi))) {
                break;
            }
            // Illinois variant of regula falsi: halve the value at an end that stays put twice
            if (f < 0) {
                sLo = sMid;
                fLo = f;
                if (side == -1) fHi *= 0.5;
                side = -1;
            } else {
                sHi = sMid;
                fHi = f;
                if (side == 1) fLo *= 0.5;
                side = 1;
            }
        }
        return state;
    }

    private void record(double t, double[] z, double[][] traces, int sample) {
        boolean derivedDone = false;
        for (int r = 0; r < recordIndex.length; r++) {
            int index = recordIndex[r];
            if (index >= 0) {
                traces[r][sample] = z[index];
            } else {
                if (!derivedDone) {
                    model.derived(t, z, injected(t), derivedOut);
                    derivedDone = true;
                }
                traces[r][sample] = derivedOut[-index - 1];
            }
        }
    }

    private void addSpike(double t) {
        if (t - lastSpike < runAwayIntervalMs) {
            throw SimulationDivergedException.tooManySpikes(t, stateNames[vi], t - lastSpike, injected(t), model.inputUnit(),
                    Method.ADAPTIVE, runAwayIntervalMs);
        }
        lastSpike = t;
        if (spikeCount == spikes.length) {
            spikes = Arrays.copyOf(spikes, spikes.length * 2);
        }
        spikes[spikeCount++] = t;
    }

    /** Upward threshold crossings: record the spike; for reset rules, reset the state. */
    private final class ThresholdHandler implements ODEEventHandler {
        @Override
        public Action eventOccurred(ODEStateAndDerivative state, ODEEventDetector detector, boolean increasing) {
            if (!increasing) {
                return Action.CONTINUE;
            }
            double t = state.getPrimaryState()[n];
            if (rule.resets()) {
                addSpike(t);
                resetPending = true;
                return Action.STOP;
            }
            if (t - lastCrossing >= rule.refractoryMs()) {
                addSpike(t);
                lastCrossing = t;
            }
            return Action.CONTINUE;
        }

    }

    /** A detector whose switching function is given as a lambda. */
    private static final class Detector extends AbstractODEDetector<Detector> {
        private final java.util.function.ToDoubleFunction<ODEStateAndDerivative> g;

        Detector(AdaptableInterval check, BracketingNthOrderBrentSolver solver, ODEEventHandler handler,
                 java.util.function.ToDoubleFunction<ODEStateAndDerivative> g) {
            super(check, 200, solver, handler);
            this.g = g;
        }

        @Override
        public double g(ODEStateAndDerivative state) {
            return g.applyAsDouble(state);
        }

        @Override
        protected Detector create(AdaptableInterval check, int maxIter,
                                  org.hipparchus.analysis.solvers.BracketedUnivariateSolver<org.hipparchus.analysis.UnivariateFunction> solver,
                                  ODEEventHandler handler) {
            throw new UnsupportedOperationException("detectors are not reconfigured");
        }
    }
}
