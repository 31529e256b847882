package dev.soma.sim;

import dev.soma.model.NeuronModel;
import dev.soma.model.SpikeRule;
import dev.soma.stimulus.Current;
import java.util.Arrays;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathIllegalStateException;
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
 * (root finding on V − threshold on the dense output), resets applied as state resets, and the end
 * of refractoriness as an event of its own. Output is sampled on a fixed grid from the dense
 * output. Slower than the fixed-step engine; use it to check the fixed-step methods.
 */
final class AdaptiveEngine {
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

    private double refractoryUntil = Double.NEGATIVE_INFINITY;
    private double lastCrossing = Double.NEGATIVE_INFINITY;
    private double[] spikes = new double[16];
    private int spikeCount;

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
    }

    SimulationResult run(double duration) {
        refractoryUntil = Double.NEGATIVE_INFINITY;
        lastCrossing = Double.NEGATIVE_INFINITY;
        spikeCount = 0;

        int samples = (int) Math.floor(duration / sampleDt + 1e-9) + 1;
        double[] time = new double[samples];
        double[][] traces = new double[recordNames.length][samples];
        for (int s = 0; s < samples; s++) {
            time[s] = Math.min(s * sampleDt, duration);
        }

        double absTol = relTol;
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-12, maxStep, absTol, relTol);
        OrdinaryDifferentialEquation equations = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] dydt = new double[n];
                double input = current.at(t);
                model.derivatives(t, y, input, dydt);
                if (rule.resets() && t < refractoryUntil) {
                    dydt[vi] = 0;
                }
                return dydt;
            }
        };
        AdaptableInterval check = AdaptableInterval.of(Math.min(maxStep, 0.05));
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-13, 1e-13, 1e-14, 5);
        integrator.addEventDetector(new Detector(check, solver, new ThresholdHandler(), s -> s.getPrimaryState()[vi] - rule.thresholdMv()));
        if (rule.resets() && rule.refractoryMs() > 0) {
            integrator.addEventDetector(new Detector(check, solver, (state, detector, increasing) -> Action.RESET_DERIVATIVES,
                    s -> s.getTime() - refractoryUntil));
        }
        int[] next = {0};
        integrator.addStepHandler(new ODEStepHandler() {
            @Override
            public void handleStep(ODEStateInterpolator interpolator) {
                double end = interpolator.getCurrentState().getTime();
                while (next[0] < samples && time[next[0]] <= end + 1e-12) {
                    double t = time[next[0]];
                    double[] y = interpolator.getInterpolatedState(Math.max(t, interpolator.getPreviousState().getTime())).getPrimaryState();
                    record(t, y, traces, next[0]);
                    next[0]++;
                }
            }
        });
        try {
            integrator.integrate(new ExpandableODE(equations), new ODEState(0.0, start.clone()), duration);
        } catch (MathIllegalStateException e) {
            throw new SimulationDivergedException(Double.NaN, stateNames[vi], Double.NaN, Method.ADAPTIVE.label(), sampleDt);
        }
        return SimulationResult.assemble(model, Method.ADAPTIVE.label(), sampleDt, duration, time, next[0],
                recordNames, recordUnits, traces, spikes, spikeCount);
    }

    private void record(double t, double[] y, double[][] traces, int sample) {
        boolean derivedDone = false;
        for (int r = 0; r < recordIndex.length; r++) {
            int index = recordIndex[r];
            if (index >= 0) {
                traces[r][sample] = y[index];
            } else {
                if (!derivedDone) {
                    model.derived(t, y, current.at(t), derivedOut);
                    derivedDone = true;
                }
                traces[r][sample] = derivedOut[-index - 1];
            }
        }
    }

    private void addSpike(double t) {
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
            double t = state.getTime();
            if (rule.resets()) {
                addSpike(t);
                return Action.RESET_STATE;
            }
            if (t - lastCrossing >= rule.refractoryMs()) {
                addSpike(t);
                lastCrossing = t;
            }
            return Action.CONTINUE;
        }

        @Override
        public ODEState resetState(ODEEventDetector detector, ODEStateAndDerivative state) {
            double[] y = state.getPrimaryState().clone();
            model.reset(y);
            refractoryUntil = state.getTime() + rule.refractoryMs();
            return new ODEState(state.getTime(), y);
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
