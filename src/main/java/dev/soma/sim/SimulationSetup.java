package dev.soma.sim;

import dev.soma.model.NeuronModel;
import dev.soma.stimulus.Current;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A single-neuron simulation being set up: model, injected current, attachments, method, step,
 * what to record. Each setter returns a new setup, so a cell can branch from a common setup;
 * {@link #run(double)} integrates and returns a {@link SimulationResult}.
 *
 * <p>Defaults: exponential Euler when the model is linear between spikes (exact for LIF),
 * otherwise RK4; the model's default step; sampling every step; recording the membrane potential.
 * Times are in ms. A setup is immutable and holds no run state: the same setup can run any number of
 * times, also from several threads at once, and gives the same result each time.
 */
public final class SimulationSetup {
    private final NeuronModel model;
    private final Current current;
    private final List<Attachment> attachments;
    private final Method method;
    private final double dtMs;
    private final double sampleEveryMs;
    private final List<String> record;
    private final double[] start;
    private final double tolerance;

    private SimulationSetup(NeuronModel model, Current current, List<Attachment> attachments, Method method,
                            double dtMs, double sampleEveryMs, List<String> record, double[] start, double tolerance) {
        this.model = model;
        this.current = current;
        this.attachments = attachments;
        this.method = method;
        this.dtMs = dtMs;
        this.sampleEveryMs = sampleEveryMs;
        this.record = record;
        this.start = start;
        this.tolerance = tolerance;
    }

    /** A setup for {@code model} with no input, default method and step, recording V. */
    public static SimulationSetup of(NeuronModel model) {
        if (model == null) {
            throw new IllegalArgumentException("model = null: pass a neuron model, e.g. Neurons.hodgkinHuxley()");
        }
        return new SimulationSetup(model, null, List.of(), null, Double.NaN, Double.NaN,
                List.of(model.stateNames()[model.voltageIndex()]), null, 1e-10);
    }

    /** Adds {@code stimulus} to the injected current (in the model's input unit, see {@link NeuronModel#inputUnit()}). */
    public SimulationSetup inject(Current stimulus) {
        if (stimulus == null) {
            throw new IllegalArgumentException("stimulus = null: pass a current, e.g. Stimulus.step(10 * uA_per_cm2, 10 * ms, 110 * ms)");
        }
        Current sum = current == null ? stimulus : current.plus(stimulus);
        return new SimulationSetup(model, sum, attachments, method, dtMs, sampleEveryMs, record, start, tolerance);
    }

    /** Couples attachments (synapses, traces) to the neuron. */
    public SimulationSetup attach(Attachment... more) {
        if (more == null) {
            throw new IllegalArgumentException("attachments = null: pass a synapse or other attachment");
        }
        List<Attachment> all = new ArrayList<>(attachments);
        for (int i = 0; i < more.length; i++) {
            if (more[i] == null) {
                throw new IllegalArgumentException("attachments[" + i + "] = null: pass a synapse or other attachment");
            }
            all.add(more[i]);
        }
        return new SimulationSetup(model, current, List.copyOf(all), method, dtMs, sampleEveryMs, record, start, tolerance);
    }

    /** Chooses the integration method. */
    public SimulationSetup method(Method chosen) {
        if (chosen == null) {
            throw new IllegalArgumentException("method = null: choose one of " + Arrays.toString(Method.values()));
        }
        return new SimulationSetup(model, current, attachments, chosen, dtMs, sampleEveryMs, record, start, tolerance);
    }

    /**
     * Chooses the integration method by name, as a notebook writes it: {@code "rk4"}, {@code "euler"},
     * {@code "exponential-euler"}, {@code "exponential-midpoint"} or {@code "adaptive"}.
     */
    public SimulationSetup method(String name) {
        for (Method candidate : Method.values()) {
            if (candidate.label().equals(name) || candidate.name().equalsIgnoreCase(name)
                    || (candidate == Method.ADAPTIVE && "adaptive".equals(name))) {
                return method(candidate);
            }
        }
        List<String> valid = new ArrayList<>();
        for (Method candidate : Method.values()) {
            valid.add(candidate == Method.ADAPTIVE ? "adaptive" : candidate.label());
        }
        throw new IllegalArgumentException("method = \"" + name + "\" is not an integration method; choose one of " + valid);
    }

    /** Sets the integration step in ms (for {@link Method#ADAPTIVE}, the sampling interval of the output). */
    public SimulationSetup dt(double stepMs) {
        requirePositive("dt", stepMs, "ms", "e.g. dt(0.01 * ms)");
        return new SimulationSetup(model, current, attachments, method, stepMs, sampleEveryMs, record, start, tolerance);
    }

    /** Records one sample every {@code intervalMs}; it must be a whole number of steps. */
    public SimulationSetup sampleEvery(double intervalMs) {
        requirePositive("sampleEvery", intervalMs, "ms", "e.g. sampleEvery(0.1 * ms)");
        return new SimulationSetup(model, current, attachments, method, dtMs, intervalMs, record, start, tolerance);
    }

    /**
     * Chooses the variables to record: state variables of the model or its attachments and derived
     * quantities such as ionic currents. Replaces the default (V).
     */
    public SimulationSetup record(String... variables) {
        if (variables == null || variables.length == 0) {
            throw new IllegalArgumentException("variables " + (variables == null ? "= null" : "is empty") + ": name at least one, one of "
                    + recordable());
        }
        Set<String> valid = new LinkedHashSet<>(recordable());
        Set<String> chosen = new LinkedHashSet<>();
        for (int i = 0; i < variables.length; i++) {
            String variable = variables[i];
            if (!valid.contains(variable)) {
                throw new IllegalArgumentException("variables[" + i + "] = " + (variable == null ? "null" : "\"" + variable + "\"")
                        + " is not a variable of " + model.name() + "; choose from " + valid);
            }
            chosen.add(variable);
        }
        return new SimulationSetup(model, current, attachments, method, dtMs, sampleEveryMs, List.copyOf(chosen), start, tolerance);
    }

    /**
     * Starts from {@code state} (model variables first, then attachments') instead of rest. Each value must be
     * finite and in the model's range (gates in [0, 1]); the message names the variable that is not.
     */
    public SimulationSetup startFrom(double... state) {
        int expected = stateNames().length;
        if (state == null || (state.length != expected && state.length != model.stateNames().length)) {
            throw new IllegalArgumentException("state " + (state == null ? "= null" : "has " + state.length + " values") + "; "
                    + model.name() + " needs " + model.stateNames().length + " (" + String.join(", ", model.stateNames()) + ")");
        }
        for (int i = 0; i < state.length; i++) {
            if (!Double.isFinite(state[i])) {
                throw new IllegalArgumentException("state[" + i + "] (" + stateNames()[i] + ") = " + state[i] + " is not finite; give a finite start value");
            }
        }
        model.checkState(state.clone());
        return new SimulationSetup(model, current, attachments, method, dtMs, sampleEveryMs, record, state.clone(), tolerance);
    }

    /** The relative and absolute error tolerance of {@link Method#ADAPTIVE} (default 1e-10). */
    public SimulationSetup tolerance(double relativeTolerance) {
        if (!(relativeTolerance > 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("tolerance = " + relativeTolerance + " must lie in (0, 1), e.g. 1e-10");
        }
        return new SimulationSetup(model, current, attachments, method, dtMs, sampleEveryMs, record, start, relativeTolerance);
    }

    /** The method that {@link #run} will use. */
    public Method chosenMethod() {
        if (method != null) return method;
        // exponential Euler is exact only while the input is constant over a step, which a synapse's is not
        return model.isLinearBetweenSpikes() && attachments.isEmpty() ? Method.EXPONENTIAL_EULER : Method.RK4;
    }

    /** The step (ms) that {@link #run} will use. */
    public double chosenDtMs() {
        return Double.isNaN(dtMs) ? model.defaultDtMs() : dtMs;
    }

    /** Every name that {@link #record} accepts. */
    public List<String> recordable() {
        List<String> names = new ArrayList<>(Arrays.asList(stateNames()));
        names.addAll(derivedNames());
        return names;
    }

    /**
     * Runs for {@code durationMs} and returns the recorded result. Each run has its own state (attachments
     * get a fresh {@link Attachment.Instance}), so one setup may run in several threads at once.
     *
     * @throws IllegalArgumentException before the run, for a bad duration, sampling or a step too large for
     *         the method's stability (the message gives the step to use)
     * @throws SimulationDivergedException when the run stops being a solution: a variable or the injected
     *         current becomes NaN or infinite, or the neuron fires more than once within a step; the message
     *         names the time and the variable and says what to change
     */
    public SimulationResult run(double durationMs) {
        requirePositive("durationMs", durationMs, "ms", "e.g. run(100 * ms)");
        Method chosen = chosenMethod();
        double step = chosenDtMs();
        double sampleEvery = Double.isNaN(sampleEveryMs) ? step : sampleEveryMs;
        if (sampleEvery < step * (1 - 1e-9)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "dt = %.6g ms is larger than the sampling interval sampleEvery = %.6g ms; choose dt ≤ sampleEvery", step, sampleEvery));
        }
        double ratio = sampleEvery / step;
        int stride = (int) Math.round(ratio);
        if (chosen != Method.ADAPTIVE && Math.abs(ratio - stride) > 1e-6 * ratio) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "sampleEvery = %.6g ms is not a whole number of steps of dt = %.6g ms; choose e.g. sampleEvery = %.6g ms",
                    sampleEvery, step, Math.max(1, stride) * step));
        }
        if (durationMs < step * (1 - 1e-9)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "durationMs = %.6g ms is shorter than one step dt = %.6g ms; run longer or use a smaller dt", durationMs, step));
        }
        if (!(durationMs / step < Integer.MAX_VALUE - 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "durationMs = %.6g ms is %.4g steps of dt = %.6g ms: too many for one run (at most %,d); run for less or "
                            + "use a larger dt", durationMs, durationMs / step, step, Integer.MAX_VALUE - 2));
        }
        String[] names = stateNames();
        String[] units = stateUnits();
        String[] recordNames = record.toArray(new String[0]);
        int[] index = new int[recordNames.length];
        String[] recordUnits = new String[recordNames.length];
        List<String> stateList = Arrays.asList(names);
        List<String> derivedList = derivedNames();
        List<String> derivedUnitList = derivedUnits();
        for (int r = 0; r < recordNames.length; r++) {
            int s = stateList.indexOf(recordNames[r]);
            if (s >= 0) {
                index[r] = s;
                recordUnits[r] = units[s];
            } else {
                int d = derivedList.indexOf(recordNames[r]);
                if (d < 0) {
                    throw new IllegalArgumentException("variable = \"" + recordNames[r] + "\" is not recordable here; choose from " + recordable());
                }
                index[r] = -d - 1;
                recordUnits[r] = derivedUnitList.get(d);
            }
        }
        double[] initial = initialState();
        Attachment[] attached = attachments.toArray(new Attachment[0]);
        if (chosen == Method.ADAPTIVE) {
            if (attached.length > 0) {
                throw new IllegalArgumentException("attachments = " + attached.length
                        + ": the adaptive method does not deliver synaptic events; use Method.RK4 with a small dt for runs with synapses");
            }
            return new AdaptiveEngine(model, current(), sampleEvery, tolerance, 1.0,
                    recordNames, index, recordUnits, names, initial).run(durationMs);
        }
        return new Engine(model, current(), attached, chosen, step, Math.max(1, stride), recordNames, index, recordUnits,
                names, initial).run(durationMs);
    }

    /** The injected current: the sum of what was injected, or none (no sum of a zero current in the hot loop). */
    private Current current() {
        return current != null ? current : t -> 0.0;
    }

    private double[] initialState() {
        String[] names = stateNames();
        double[] initial = new double[names.length];
        double[] modelStart = start != null ? start : model.restingState();
        System.arraycopy(modelStart, 0, initial, 0, Math.min(modelStart.length, initial.length));
        if (start == null || start.length < initial.length) {
            int offset = model.stateNames().length;
            for (Attachment attachment : attachments) {
                double[] s = attachment.initialState();
                System.arraycopy(s, 0, initial, offset, s.length);
                offset += s.length;
            }
        }
        return initial;
    }

    private String[] stateNames() {
        List<String> names = new ArrayList<>(Arrays.asList(model.stateNames()));
        for (Attachment attachment : attachments) {
            for (String name : attachment.stateNames()) {
                if (names.contains(name)) {
                    throw new IllegalArgumentException("attachment variable \"" + name + "\" is already a variable of this simulation; give each synapse a distinct name");
                }
                names.add(name);
            }
        }
        return names.toArray(new String[0]);
    }

    /** The model's derived quantities followed by each attachment's, in attachment order. */
    private List<String> derivedNames() {
        List<String> names = new ArrayList<>(Arrays.asList(model.derivedNames()));
        for (Attachment attachment : attachments) {
            names.addAll(Arrays.asList(attachment.derivedNames()));
        }
        return names;
    }

    private List<String> derivedUnits() {
        List<String> units = new ArrayList<>(Arrays.asList(model.derivedUnits()));
        for (Attachment attachment : attachments) {
            units.addAll(Arrays.asList(attachment.derivedUnits()));
        }
        return units;
    }

    private String[] stateUnits() {
        List<String> units = new ArrayList<>(Arrays.asList(model.stateUnits()));
        for (Attachment attachment : attachments) {
            units.addAll(Arrays.asList(attachment.stateUnits()));
        }
        return units.toArray(new String[0]);
    }

    private static void requirePositive(String parameter, double value, String unit, String example) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(parameter + " = " + value + " " + unit + " must be a finite number > 0 (" + example + ")");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Simulation of %s with %s at dt = %.4g ms, recording %s",
                model.name(), chosenMethod().label(), chosenDtMs(), record);
    }
}
