package dev.soma.analysis;

import dev.soma.model.AdaptiveExponentialIntegrateAndFire;
import dev.soma.model.ExponentialIntegrateAndFire;
import dev.soma.model.FitzHughNagumo;
import dev.soma.model.HodgkinHuxley;
import dev.soma.model.Izhikevich;
import dev.soma.model.LeakyIntegrateAndFire;
import dev.soma.model.MorrisLecar;
import dev.soma.model.NeuronModel;
import dev.soma.model.QuadraticIntegrateAndFire;
import dev.soma.sim.SimulationResult;
import dev.soma.sim.SimulationSetup;
import dev.soma.stimulus.Current;
import dev.soma.stimulus.Currents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A neuron preset as a sweep model, named as {@code dev.soma.Neurons} names it: {@code lif},
 * {@code lif:<preset>}, {@code hodgkinHuxley}, {@code exponentialIF}, {@code adex},
 * {@code adex:<pattern>}, {@code izhikevich}, {@code izhikevich:<type>}, {@code fitzHughNagumo},
 * {@code morrisLecar}, {@code morrisLecar:<type>}, {@code quadraticIF}.
 *
 * <p>Parameters: the constant input {@code I} (the model's input unit; the preset's own input for
 * the AdEx patterns and Izhikevich classes, else 0), Ornstein–Uhlenbeck noise of standard
 * deviation {@code sigma} (same unit; 0 = none) and correlation time {@code tau_noise}, and the
 * step {@code dt}. The noise path comes from the point's seed.
 *
 * <p>Measurements over [warm-up, duration): {@code rate} (count / time), {@code cv} of the ISIs,
 * {@code spikes}, {@code fi_onset} (the smallest constant input, found by bisection to 0.1 %, at
 * which the neuron fires at least two spikes in the window, with the point's noise; NaN if it
 * fires at 0 or not below 10⁴ input units), and summaries of any state variable X:
 * {@code mean:X}, {@code sd:X}, {@code min:X}, {@code max:X}.
 */
final class NeuronSweepModel implements SweepModel {
    private final String name;
    private final NeuronModel model;
    private final double defaultInput;
    private final List<SweepParameter> parameters;
    private final Map<String, String> measurements = new LinkedHashMap<>();

    private NeuronSweepModel(String name, NeuronModel model, double defaultInput) {
        this.name = name;
        this.model = model;
        this.defaultInput = defaultInput;
        String unit = model.inputUnit();
        this.parameters = List.of(
                SweepParameter.real("I", unit, defaultInput, "constant input current"),
                SweepParameter.real("sigma", unit, 0, "standard deviation of Ornstein–Uhlenbeck input noise"),
                SweepParameter.real("tau_noise", "ms", 5, "correlation time of the input noise"),
                SweepParameter.real("dt", "ms", model.defaultDtMs(), "time step"));
        measurements.put("rate", "Hz");
        measurements.put("cv", "1");
        measurements.put("spikes", "1");
        measurements.put("fi_onset", unit);
        String[] names = model.stateNames();
        String[] units = model.stateUnits();
        for (String summary : new String[] {"mean", "sd", "min", "max"}) {
            for (int i = 0; i < names.length; i++) {
                measurements.put(summary + ":" + names[i], units[i]);
            }
        }
    }

    /** The model of this name, or null if the name is not a neuron preset. */
    static NeuronSweepModel find(String name) {
        int colon = name.indexOf(':');
        String family = colon < 0 ? name : name.substring(0, colon);
        String preset = colon < 0 ? null : name.substring(colon + 1);
        try {
            switch (family) {
                case "lif":
                    return new NeuronSweepModel(name, preset == null ? LeakyIntegrateAndFire.standard()
                            : LeakyIntegrateAndFire.preset(preset), 0);
                case "hodgkinHuxley":
                    return preset == null ? new NeuronSweepModel(name, HodgkinHuxley.squidAxon(), 0) : null;
                case "exponentialIF":
                    return preset == null ? new NeuronSweepModel(name, ExponentialIntegrateAndFire.defaults(), 0) : null;
                case "adex":
                    return preset == null ? new NeuronSweepModel(name, AdaptiveExponentialIntegrateAndFire.defaults(), 0)
                            : new NeuronSweepModel(name, AdaptiveExponentialIntegrateAndFire.preset(preset),
                            AdaptiveExponentialIntegrateAndFire.presetInputNa(preset));
                case "izhikevich":
                    return preset == null ? new NeuronSweepModel(name, Izhikevich.defaults(), 0)
                            : new NeuronSweepModel(name, Izhikevich.preset(preset), Izhikevich.presetInput(preset));
                case "fitzHughNagumo":
                    return preset == null ? new NeuronSweepModel(name, FitzHughNagumo.defaults(), 0) : null;
                case "morrisLecar":
                    return new NeuronSweepModel(name, preset == null ? MorrisLecar.defaults() : MorrisLecar.preset(preset), 0);
                case "quadraticIF":
                    return preset == null ? new NeuronSweepModel(name, QuadraticIntegrateAndFire.defaults(), 0) : null;
                default:
                    return null;
            }
        } catch (IllegalArgumentException e) {
            throw new SweepException(SweepException.Kind.UNKNOWN_MODEL, "model = \"" + name + "\": " + e.getMessage());
        }
    }

    /** The family names, for error messages. */
    static List<String> families() {
        return List.of("lif", "lif:<preset>", "hodgkinHuxley", "exponentialIF", "adex", "adex:<pattern>", "izhikevich",
                "izhikevich:<type>", "fitzHughNagumo", "morrisLecar", "morrisLecar:<type>", "quadraticIF");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return model.name() + ", one neuron with constant input and optional noise";
    }

    @Override
    public List<SweepParameter> parameters() {
        return parameters;
    }

    @Override
    public Map<String, String> measurements() {
        return measurements;
    }

    @Override
    public void check(SweepPoint p) {
        if (!(p.get("sigma") >= 0)) {
            throw new SweepException(SweepException.Kind.BAD_VALUE, "sigma = " + p.get("sigma") + " " + model.inputUnit()
                    + " at point " + p.index() + " is negative; give a standard deviation ≥ 0");
        }
        if (!(p.get("tau_noise") > 0)) {
            throw new SweepException(SweepException.Kind.BAD_VALUE, "tau_noise = " + p.get("tau_noise")
                    + " ms at point " + p.index() + " must be positive, e.g. 5");
        }
        if (!(p.get("dt") > 0) || p.get("dt") > p.durationMs()) {
            throw new SweepException(SweepException.Kind.BAD_VALUE, "dt = " + p.get("dt") + " ms at point " + p.index()
                    + " must be positive and below the duration, e.g. " + model.defaultDtMs());
        }
    }

    private Current input(SweepPoint p, double amplitude) {
        double sigma = p.get("sigma");
        return sigma > 0 ? Currents.noise(amplitude, sigma, p.get("tau_noise"), p.seed(), p.get("dt"))
                : Currents.constant(amplitude);
    }

    private SimulationResult simulate(SweepPoint p, double amplitude, String[] record) {
        double dt = p.get("dt");
        SimulationSetup setup = SimulationSetup.of(model).inject(input(p, amplitude)).dt(dt);
        if (record.length > 0) {
            setup = setup.record(record);
        } else {
            setup = setup.sampleEvery(dt * Math.max(1, Math.round(p.durationMs() / dt)));
        }
        return setup.run(p.durationMs());
    }

    private double[] window(SimulationResult run, SweepPoint p) {
        return SpikeTrains.window(run.spikeTimes(), p.warmupMs(), p.durationMs() + 1e-9);
    }

    @Override
    public double[] run(SweepPoint p, List<String> wanted) {
        List<String> record = new ArrayList<>();
        boolean needsRun = false;
        for (String m : wanted) {
            int colon = m.indexOf(':');
            if (colon > 0 && !record.contains(m.substring(colon + 1))) {
                record.add(m.substring(colon + 1));
            }
            needsRun |= !m.equals("fi_onset");
        }
        SimulationResult run = needsRun ? simulate(p, p.get("I"), record.toArray(new String[0])) : null;
        double[] spikes = run == null ? null : window(run, p);
        double[] time = record.isEmpty() || run == null ? null : run.time();
        double[] out = new double[wanted.size()];
        for (int k = 0; k < out.length; k++) {
            String m = wanted.get(k);
            int colon = m.indexOf(':');
            if (colon > 0) {
                out[k] = summary(m.substring(0, colon), time, run.values(m.substring(colon + 1)), p.warmupMs());
                continue;
            }
            out[k] = switch (m) {
                case "rate" -> spikes.length / ((p.durationMs() - p.warmupMs()) * 1e-3);
                case "cv" -> SpikeTrains.cv(spikes);
                case "spikes" -> spikes.length;
                case "fi_onset" -> onset(p);
                default -> throw new IllegalStateException("measurement " + m + " is not provided by " + name);
            };
        }
        return out;
    }

    private static double summary(String kind, double[] time, double[] values, double fromMs) {
        double sum = 0;
        double sumSq = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (time[i] < fromMs) continue;
            double v = values[i];
            sum += v;
            sumSq += v * v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            n++;
        }
        if (n == 0) return Double.NaN;
        double mean = sum / n;
        return switch (kind) {
            case "mean" -> mean;
            case "sd" -> Math.sqrt(Math.max(0, sumSq / n - mean * mean));
            case "min" -> min;
            case "max" -> max;
            default -> throw new IllegalStateException("unknown summary " + kind);
        };
    }

    private boolean fires(SweepPoint p, double amplitude) {
        return window(simulate(p, amplitude, new String[0]), p).length >= 2;
    }

    /** Bisection between the last silent and the first firing input (see the class comment). */
    private double onset(SweepPoint p) {
        if (fires(p, 0)) return Double.NaN;
        double lo = 0;
        double hi = 1;
        while (!fires(p, hi)) {
            lo = hi;
            hi *= 2;
            if (hi > 1e4) return Double.NaN;
        }
        while (hi - lo > 1e-3 * hi) {
            double mid = 0.5 * (lo + hi);
            if (fires(p, mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
