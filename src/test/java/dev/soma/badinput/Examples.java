package dev.soma.badinput;

import static dev.soma.Units.Hz;

import dev.soma.Activation;
import dev.soma.Analysis;
import dev.soma.Interact;
import dev.soma.Network;
import dev.soma.Neurons;
import dev.soma.Plots;
import dev.soma.Simulation;
import dev.soma.Spikes;
import dev.soma.Stimulus;
import dev.soma.Synapses;
import dev.soma.activation.ActivationFunction;
import dev.soma.activation.PresynapticType;
import dev.soma.analysis.FiCurve;
import dev.soma.analysis.SweepRunner;
import dev.soma.analysis.SweepSpec;
import dev.soma.model.NeuronModel;
import dev.soma.network.Connectivity;
import dev.soma.network.NetworkResult;
import dev.soma.network.SpikingNetwork;
import dev.soma.plot.Curve;
import dev.soma.plot.Figure;
import dev.soma.plot.PhasePlane;
import dev.soma.sim.Attachment;
import dev.soma.sim.Method;
import dev.soma.sim.SimulationResult;
import dev.soma.stimulus.Current;
import dev.soma.stimulus.SpikeTrain;
import dev.soma.stimulus.SpikeTrains;
import dev.soma.synapse.Kernel;
import dev.soma.synapse.Receptor;
import dev.soma.synapse.Stdp;
import dev.soma.synapse.TsodyksMarkram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Valid example values: one per parameter, so that every probe changes exactly one argument of an
 * otherwise valid call, and one receiver per reachable type for its instance methods.
 *
 * <p>An argument is looked up, first match wins, by
 * <ol>
 *   <li>method and parameter, {@code "Owner.method#param"} (or {@code "Owner.method#param:type"}
 *       where overloads differ), where one call needs a value that
 *       fits its other arguments (a column of the table passed beside it);</li>
 *   <li>parameter name and type, {@code "param:type"}, where the name says what the value means
 *       ({@code durationMs}, {@code seed}, {@code timesMs});</li>
 *   <li>type alone, for the Soma and library types (a model, a current, a table).</li>
 * </ol>
 * A parameter none of them covers, or a reachable type without a receiver, stops the suite with a
 * message saying what to add: coverage never shrinks silently. Every value is made fresh per call
 * (builders may be mutable).
 */
final class Examples {
    private final Map<String, Supplier<Object>> byMethodParam = new HashMap<>();
    private final Map<String, Supplier<Object>> byNameType = new HashMap<>();
    private final Map<Class<?>, Supplier<Object>> byType = new HashMap<>();
    private final Map<Class<?>, Supplier<Object>> receivers = new HashMap<>();
    private final Map<String, Supplier<Object>> receiversByMethod = new HashMap<>();
    private final Path scratch;

    // Shared results: immutable, and costly enough to make once.
    private final SimulationResult lifRun;
    private final SimulationResult hhRun;
    private final SimulationResult planarRun;
    private final FiCurve fiCurve;
    private final NetworkResult networkRun;

    Examples(Path scratch) {
        this.scratch = scratch;
        lifRun = Simulation.of(Neurons.lif()).inject(Stimulus.constant(3)).record("V").run(100);
        hhRun = Simulation.of(Neurons.hodgkinHuxley()).inject(Stimulus.step(10, 2, 20))
                .record("V", "m", "h", "n", "I_Na", "I_K", "I_L").run(20);
        planarRun = Simulation.of(Neurons.fitzHughNagumo()).inject(Stimulus.constant(0.5)).record("V", "w").run(20);
        fiCurve = Analysis.fI(Neurons.lif()).range(0, 4, 3).durationMs(100).windowFromMs(10).progress(false).threads(1).run();
        networkRun = smallNetwork().build().run(20);
        numbers();
        objects();
        perMethod();
        receivers();
    }

    /**
     * A valid value for parameter {@code index} of {@code entry}, called on {@code receiver} (null
     * for a static method). Between the per-method table and the name table comes the receiver's
     * own value: a setter {@code withTauMs(v)} or a parameter {@code eNa} of a type with a getter
     * {@code eNa()} gets what the receiver (for a constructor: an example of its class) has now,
     * which is valid by construction.
     */
    Object argument(ApiSurface.Entry entry, int index, Object receiver) {
        Executable e = entry.executable();
        Parameter p = e.getParameters()[index];
        String method = methodKey(entry);
        Supplier<Object> s = byMethodParam.get(method + "#" + p.getName() + ":" + p.getType().getSimpleName());
        if (s == null) s = byMethodParam.get(method + "#" + p.getName());
        if (s != null) return s.get();
        Object own = currentValue(entry, p, receiver != null ? receiver
                : e instanceof java.lang.reflect.Constructor && receivers.containsKey(entry.owner()) ? receiver(entry.owner()) : null);
        if (own != null) return own;
        s = byNameType.get(p.getName() + ":" + p.getType().getSimpleName());
        if (s == null) s = byType.get(p.getType());
        if (s == null) {
            throw new IllegalStateException("no valid example for parameter " + p.getType().getSimpleName() + " " + p.getName()
                    + " of " + entry.id() + ": add one to Examples (by \"" + p.getName() + ":" + p.getType().getSimpleName()
                    + "\", by type, or by \"" + method + "#" + p.getName() + "\")");
        }
        return s.get();
    }

    static String methodKey(ApiSurface.Entry entry) {
        Executable e = entry.executable();
        return ApiSurface.simpleName(entry.owner()) + "." + (e instanceof java.lang.reflect.Constructor ? "<init>" : e.getName());
    }

    /** The value of the receiver's getter named like the parameter (or, for a one-argument setter, like the property it sets). */
    private static Object currentValue(ApiSurface.Entry entry, Parameter p, Object subject) {
        if (subject == null || !p.getType().isPrimitive()) return null;
        List<String> names = new ArrayList<>(List.of(p.getName()));
        String property = ApiSurface.setterProperty(entry);
        if (property != null) names.add(property);
        for (String name : names) {
            try {
                java.lang.reflect.Method getter = subject.getClass().getMethod(name);
                if (getter.getReturnType() == p.getType()) return getter.invoke(subject);
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // No such getter: fall through to the tables.
            }
        }
        return null;
    }

    /** A fresh valid receiver for {@code entry}: one made for the method if it needs a particular state, else one for its type. */
    Object receiver(ApiSurface.Entry entry) {
        Supplier<Object> s = receiversByMethod.get(methodKey(entry));
        return s != null ? s.get() : receiver(entry.owner());
    }

    /** A fresh valid receiver for the instance methods of {@code owner}. */
    Object receiver(Class<?> owner) {
        Supplier<Object> s = receivers.get(owner);
        if (s == null) {
            throw new IllegalStateException("no example receiver for " + owner.getName()
                    + ": add one to Examples.receivers() so its instance methods are probed");
        }
        return s.get();
    }

    // ------------------------------------------------------------------------------ numbers

    private void number(String name, Class<?> type, Object value) {
        byNameType.put(name + ":" + type.getSimpleName(), () -> value);
    }

    private void doubles(double value, String... names) {
        for (String n : names) number(n, double.class, value);
    }

    private void ints(int value, String... names) {
        for (String n : names) number(n, int.class, value);
    }

    private void array(String name, Object value) {
        byNameType.put(name + ":" + value.getClass().getSimpleName(), () -> copy(value));
    }

    private void numbers() {
        // Times (ms): short runs keep the suite fast.
        doubles(20, "durationMs", "stopMs", "toMs", "maxAbsMs", "ms", "tMs", "sMs", "periodMs", "centerMs", "onsetMs");
        doubles(1, "startMs", "fromMs", "widthMs", "sdMs", "deltaTMs", "shiftMs", "afterMs", "delayMs", "stepMs");
        doubles(0.1, "dtMs", "stepMs", "intervalMs", "gridMs", "binMs", "riseMs");
        doubles(5, "tauMs", "decayMs", "tauPlusMs", "tauMinusMs", "tauEMs", "tauIMs", "noiseTauMs", "tau", "refractory");
        doubles(2, "refractoryMs");
        doubles(100, "tauRecMs");
        doubles(50, "tauFacilMs");
        // Voltages (mV).
        doubles(-65, "restMv", "rest", "reset", "resetMv", "vMv", "lowMv", "fromMv", "vMin", "elMv", "eL", "eK", "eiMv", "reversalMv");
        doubles(-50, "thresholdMv", "threshold", "thetaMv", "highMv", "meanMv", "toMv");
        doubles(0, "eeMv");
        doubles(50, "eNa");
        doubles(40, "vMax");
        doubles(5, "sigmaMv", "stepMv");
        // Currents, conductances, rates, weights.
        doubles(1, "amplitude", "currentNa", "inputNa", "input", "mean", "factor", "offset", "conductance", "weight",
                "weightE", "g", "eta", "magnesiumMm", "initialRate", "value", "w0", "x", "y", "x0", "y0", "bias",
                "slope", "alpha", "beta", "gMax", "wMax", "r", "c", "v", "celsius", "gNa", "gK", "gL", "um2",
                "gNaMsPerCm2", "gKdMsPerCm2", "glMsPerCm2", "tolerance", "relativeTolerance", "jumpFraction");
        doubles(0.5, "sigma", "sigmaNa", "p", "U", "initial", "weightI");
        doubles(0.5, "min", "max"); // overridden per method where they bound a range
        doubles(20 * Hz, "rate", "frequency");
        doubles(50 * Hz, "maxRate");
        doubles(0.01, "aPlus", "aMinus");
        doubles(0, "wMin", "from");
        doubles(4, "to");
        doubles(0.1, "step");
        doubles(-2.5, "xMin");
        doubles(2.5, "xMax");
        doubles(-1, "yMin");
        doubles(2, "yMax");
        ints(3, "n", "count", "size", "sources", "k", "nE", "cE", "nx", "ny", "cols", "neuronCount", "trialCount", "maxFrames",
                "width", "height", "max", "initial");
        ints(1, "threads", "skip", "firstInhibitory", "i", "j", "neuron", "c", "index", "value", "of", "variable");
        ints(0, "min");
        ints(96, "dpi");
        ints(200, "ms");
        ints(2, "nI");
        number("seed", long.class, 1L);
        number("samplingSeed", long.class, 1L);
        number("value", long.class, 1L);
        number("value", boolean.class, false);
        number("initial", boolean.class, true);
        array("timesMs", new double[] {1, 5, 9});
        array("spikeTimesMs", new double[] {1, 5, 9});
        array("preMs", new double[] {1, 5, 9});
        array("postMs", new double[] {2, 6, 10});
        array("tMs", new double[] {0, 1, 2});
        array("vMv", new double[] {-65, -60, -55});
        array("state", Neurons.lif().restingState());
        array("weights", new double[] {1, 2});
        array("delaysMs", new double[] {1, 2});
        array("inputs", new double[] {1, 0.5});
        array("out", new double[2]);
        array("x", new double[] {0, 1, 2});
        array("xs", new double[] {-1, 0, 1});
        array("values", new double[] {1, 2, 3});
        array("currents", new double[] {0, 2, 4});
        array("biases", new double[] {0, 0});
        array("pre", new int[] {0, 1});
        array("post", new int[] {1, 0});
        array("neurons", new int[] {0, 1});
        array("neuronIds", new int[] {0, 1, 2});
        array("timesMs", new double[][] {{1, 2}, {3}});
        array("trainsMs", new double[][] {{1, 2}, {3}});
        array("weights", new double[][] {{1, 2}, {3, 4}});
        array("ys", new double[][] {{1, 2, 3}});
        array("ratesHz", new double[][] {{0, 10, 20}});
        array("trajectories", new double[][][] {{{0, 1}, {0, 1}}});
    }

    // ------------------------------------------------------------------------------ objects

    private void type(Class<?> type, Supplier<Object> value) {
        byType.put(type, value);
    }

    private void objects() {
        type(NeuronModel.class, Neurons::lif);
        type(dev.soma.model.LeakyIntegrateAndFire.class, Neurons::lif);
        type(dev.soma.synapse.SynapseKind.class, () -> Synapses.currentExponential(5));
        type(dev.soma.stimulus.SpikeSource.class, () -> Spikes.poissonGroup(4, 0.01));
        type(dev.soma.network.NeuronDraw.class, () -> Network.uniform(-65, -55));
        type(dev.soma.network.ConnectionDraw.class, () -> Network.uniform(0.1, 0.5));
        type(Current.class, () -> Stimulus.constant(1));
        type(Current[].class, () -> new Current[] {Stimulus.constant(1), Stimulus.step(1, 2, 5)});
        type(SimulationResult.class, () -> lifRun);
        type(SimulationResult[].class, () -> new SimulationResult[] {lifRun});
        type(Table.class, lifRun::table);
        type(SpikeTrain.class, () -> Spikes.at(1, 5, 9));
        type(SpikeTrains.class, () -> Spikes.trains(20, new double[] {1, 2}, new double[] {3}));
        type(Connectivity.class, () -> Network.fixedProbability(0.5));
        type(Kernel.class, () -> Kernel.exponential(5));
        type(Receptor.class, () -> Receptor.AMPA);
        type(Stdp.class, () -> Synapses.stdpSong(0.01));
        type(TsodyksMarkram.class, () -> Synapses.depressing(0.5, 100));
        type(Attachment[].class, () -> new Attachment[] {Synapses.ampa(Neurons.lif()).from(Spikes.at(1, 5), 0.01)});
        type(Method.class, () -> Method.RK4);
        type(FiCurve.RateMeasure.class, () -> FiCurve.RateMeasure.COUNT);
        type(FiCurve.class, () -> fiCurve);
        type(FiCurve[].class, () -> new FiCurve[] {fiCurve});
        type(ActivationFunction.class, () -> Activation.RELU);
        type(ActivationFunction[].class, () -> new ActivationFunction[] {Activation.RELU, Activation.SIGMOID});
        type(PresynapticType[].class, () -> new PresynapticType[] {PresynapticType.EXCITATORY, PresynapticType.INHIBITORY});
        type(Curve.class, () -> Curve.of(Activation.TANH));
        type(Curve[].class, () -> new Curve[] {Curve.of(Activation.TANH), Curve.of(Activation.RELU)});
        type(Figure.class, this::figure);
        type(Figure[].class, () -> new Figure[] {figure(), figure()});
        type(PhasePlane.Field.class, () -> (PhasePlane.Field) (x, y, out) -> {
            out[0] = -y;
            out[1] = x;
        });
        type(org.knowm.xchart.internal.chartpart.Chart.class, () -> {
            XYChart chart = new XYChart(300, 200);
            chart.addSeries("y", new double[] {0, 1}, new double[] {0, 1});
            return chart;
        });
        type(SweepSpec.class, this::sweep);
        type(SweepRunner.class, () -> SweepRunner.threads(1));
        type(DoubleUnaryOperator.class, () -> (DoubleUnaryOperator) x -> 0.5);
        byNameType.put("rateAt:DoubleUnaryOperator", () -> (DoubleUnaryOperator) t -> 20 * Hz);
        type(Function.class, () -> (Function<Object, Object>) p -> "view");
        type(ToDoubleFunction.class, () -> (ToDoubleFunction<Object>) r -> 1.0);
        type(String.class, () -> "x");
        type(String[].class, () -> new String[] {"a", "b"});
        type(List.class, () -> new ArrayList<>(List.of("a")));
        type(Path.class, () -> scratch.resolve("out-" + System.nanoTime()));
        type(Path[].class, () -> new Path[] {sweepParts()});

        // Strings whose name says what they are.
        strings("x", "name", "title", "xTitle", "yTitle", "newName", "v", "unit", "weightUnit", "currentUnit", "label");
        strings("V", "variable", "yVariable");
        strings("V [mV]", "yColumns");
        strings("t [ms]", "xColumn");
        strings("ampa", "kind");
        strings("EI", "types");
        strings("lif", "model");
        strings("relu", "type"); // overridden for the model presets
        strings("local[1]", "master");
        byNameType.put("variables:String[]", () -> new String[] {"V"});
        byNameType.put("labels:List", () -> new ArrayList<>(List.of("a")));
        byNameType.put("figures:List", () -> new ArrayList<>(List.of(figure(), figure())));
        byNameType.put("runs:List", () -> new ArrayList<>(List.of(lifRun)));
        byNameType.put("functions:List", () -> new ArrayList<>(List.of(Activation.RELU, Activation.TANH)));
        byNameType.put("options:List", () -> new ArrayList<>(List.of("a", "b")));
    }

    private void strings(String value, String... names) {
        for (String n : names) byNameType.put(n + ":String", () -> value);
    }

    // ----------------------------------------------------------------- per method and parameter

    private void at(String methodParam, Supplier<Object> value) {
        byMethodParam.put(methodParam, value);
    }

    private void perMethod() {
        String lifPreset = dev.soma.model.LeakyIntegrateAndFire.presetNames()[0];
        String adexPreset = dev.soma.model.AdaptiveExponentialIntegrateAndFire.presetNames()[0];
        String izhPreset = dev.soma.model.Izhikevich.presetNames()[0];
        String mlPreset = dev.soma.model.MorrisLecar.presetNames()[0];
        at("Neurons.lif#preset", () -> lifPreset);
        at("LeakyIntegrateAndFire.preset#name", () -> lifPreset);
        at("Neurons.adex#pattern", () -> adexPreset);
        at("Neurons.adexInputNa#pattern", () -> adexPreset);
        at("AdaptiveExponentialIntegrateAndFire.preset#pattern", () -> adexPreset);
        at("AdaptiveExponentialIntegrateAndFire.presetInputNa#pattern", () -> adexPreset);
        at("Neurons.izhikevich#type", () -> izhPreset);
        at("Neurons.izhikevichInput#type", () -> izhPreset);
        at("Izhikevich.preset#type", () -> izhPreset);
        at("Izhikevich.presetInput#type", () -> izhPreset);
        at("Neurons.morrisLecar#type", () -> mlPreset);
        at("MorrisLecar.preset#type", () -> mlPreset);
        at("HodgkinHuxley.steadyState#gate", () -> "m");
        at("HodgkinHuxley.timeConstantMs#gate", () -> "m");
        at("HodgkinHuxley.checkState#state", () -> Neurons.hodgkinHuxley().restingState());
        at("AdaptiveExponentialIntegrateAndFire.checkState#state", () -> Neurons.adex().restingState());
        at("Izhikevich.checkState#state", () -> Neurons.izhikevich().restingState());
        at("FitzHughNagumo.checkState#state", () -> Neurons.fitzHughNagumo().restingState());
        at("MorrisLecar.checkState#state", () -> Neurons.morrisLecar().restingState());
        at("SimulationSetup.record#variables", () -> new String[] {"V"});
        at("SimulationSetup.method#name", () -> "rk4");
        at("SimulationSetup.dt#stepMs", () -> 0.05);
        at("SimulationSetup.tolerance#relativeTolerance", () -> 1e-6);

        // Analysis
        at("Analysis.phasePlane#model", Neurons::fitzHughNagumo);
        at("PhasePlane.of#model", Neurons::fitzHughNagumo);
        at("Analysis.sweep#name", () -> "a");
        at("ParameterSweep.vary#name", () -> "a");
        at("ParameterSweep.and#name", () -> "b");
        at("Analysis.sweepFromJson#json", () -> sweep().toJson());
        at("SweepSpec.fromJson#json", () -> sweep().toJson());
        at("SweepSpec.set#nameWithUnit", () -> "sigma [nA]");
        at("SweepSpec.vary#nameWithUnit", () -> "sigma [nA]");
        at("SweepSpec.range#nameWithUnit", () -> "I [nA]");
        at("SweepSpec.range#from", () -> 1.0);
        at("SweepSpec.range#to", () -> 3.0);
        at("SweepSpec.points#namesWithUnits", () -> new String[] {"I [nA]"});
        at("SweepSpec.point#values", () -> new double[] {2});
        receiversByMethod.put("SpikingNetwork.Builder.stdp", () -> smallNetwork()
                .connect("E", "E", Synapses.currentExponential(5).named("e"), 0.5, Network.fixedProbability(0.5)));
        receiversByMethod.put("SweepSpec.points", () -> SweepSpec.of("lif").measure("rate").duration(20).warmup(5).progress(false));
        receiversByMethod.put("SweepSpec.random", () -> SweepSpec.of("lif").measure("rate").duration(20).warmup(5).progress(false));
        receiversByMethod.put("SweepSpec.range", () -> SweepSpec.of("lif").random(2, 1).measure("rate").duration(20).warmup(5)
                .progress(false));
        receiversByMethod.put("SweepSpec.point", () -> SweepSpec.of("lif").points("I [nA]").point(1.0).measure("rate").duration(20)
                .warmup(5).progress(false));
        receiversByMethod.put("SweepSpec.measure", () -> SweepSpec.of("lif").vary("I [nA]", 1, 2).duration(20).warmup(5)
                .progress(false));
        at("SweepSpec.measure#names", () -> new String[] {"rate"});
        at("SweepSpec.measurementsOf#model", () -> "lif");
        at("SweepSpec.parametersOf#model", () -> "lif");
        at("SweepSpec.point#index", () -> 0);
        at("SweepSpec.runPoint#index", () -> 0);
        at("SweepSpec.random#count", () -> 2);
        at("SweepSpec.runShard#k", () -> 1);
        at("SweepSpec.runShard#of", () -> 2);
        at("SweepSpec.runShard#folder", () -> scratch.resolve("shards-" + System.nanoTime()));
        at("SweepSpec.duration#ms", () -> 20.0);
        at("SweepSpec.warmup#ms", () -> 5.0);
        at("SweepSpec.linspace#from", () -> 0.0);
        at("SweepSpec.linspace#to", () -> 1.0);
        at("SweepCache.at#directory", () -> scratch.resolve("cache-" + System.nanoTime()));
        at("SweepPoint.get#name", () -> "I");
        at("ParameterSweep.Experiment.measure#name", () -> "m");
        at("FiCurve.onset#tolerance", () -> 0.1);
        at("FiCurve.onset#jumpFraction", () -> 0.25);
        at("FiCurve.Builder.range#from", () -> 0.0);
        at("FiCurve.Builder.range#to", () -> 4.0);
        at("FiCurve.Builder.durationMs#value", () -> 100.0);
        at("FiCurve.Builder.windowFromMs#value", () -> 10.0);
        at("NoisyLif.durationMs#durationMs", () -> 150.0);
        at("NoisyLif.dtMs#value", () -> 0.1);
        at("NoisyLif.range#from", () -> 0.0);
        at("NoisyLif.range#to", () -> 2.0);
        at("NoisyLif.of#lif", Neurons::lif);
        at("Analysis.noisyLif#lif", Neurons::lif);
        at("Analysis.fI#from", () -> 0.0);
        at("Analysis.fI#to", () -> 4.0);
        at("Analysis.countRateHz#toMs", () -> 100.0);
        at("Analysis.isiRateHz#toMs", () -> 100.0);
        at("Analysis.siegertRateHz#meanMv", () -> -52.0);
        at("Analysis.siegertRateHz#tauMs", () -> 10.0);
        at("PhasePlane.nullcline#variable", () -> 0);
        at("PhasePlane.trajectory#x0", () -> -1.0);
        at("PhasePlane.trajectory#y0", () -> 0.0);
        at("PhasePlane.vectorField#nx", () -> 5);
        at("PhasePlane.vectorField#ny", () -> 5);
        at("ParameterSweep.linspace#from", () -> 0.0);
        at("ParameterSweep.linspace#to", () -> 1.0);

        // Plots
        at("Plots.hodgkinHuxley#run", () -> hhRun);
        at("Plots.hodgkinHuxley#table", hhRun::table);
        at("Plots.table#yColumns", () -> new String[] {"V [mV]"});
        at("Plots.fI#table", fiCurve::table);
        at("Plots.fI#currentColumn", () -> fiCurve.table().columnNames().get(0));
        at("Plots.fI#rateColumns", () -> new String[] {fiCurve.table().columnNames().get(1)});
        at("Plots.fI#labels", () -> new ArrayList<>(List.of("a")));
        at("Plots.fIBeside#currents", () -> new double[] {0, 1, 2});
        at("Plots.fIBeside#ratesHz", () -> new double[][] {{0, 10, 20}});
        at("Plots.fI#currents", () -> new double[] {0, 1, 2});
        at("Plots.raster#spikes", networkRun::spikeTable);
        at("Plots.raster#timesMs", () -> new double[] {1, 2, 3});
        at("Plots.raster#durationMs", () -> 20.0);
        at("Plots.heatMap#table", () -> Table.create("grid", DoubleColumn.create("g", 1, 1, 2, 2),
                DoubleColumn.create("eta", 1, 2, 1, 2), DoubleColumn.create("rate", 5, 6, 7, 8)));
        at("Plots.heatMap#x", () -> "g");
        at("Plots.heatMap#y", () -> "eta");
        at("Plots.heatMap#value", () -> "rate");
        at("Plots.overlay#variable", () -> "V");
        at("Plots.overlay#tMs", () -> new double[] {0, 1, 2});
        at("Plots.overlay#ys", () -> new double[][] {{1, 2, 3}});
        at("Plots.lines#x", () -> new double[] {0, 1, 2});
        at("Plots.lines#ys", () -> new double[][] {{1, 2, 3}});
        at("Plots.phasePlane#model", Neurons::fitzHughNagumo);
        at("Plots.phasePlane#yVariable", () -> "w");
        at("Plots.phasePlane#runs", () -> new SimulationResult[] {planarRun});
        at("Plots.phasePlane#input", () -> 0.5);
        at("Plots.phasePlane#vMin", () -> -2.5);
        at("Plots.phasePlane#vMax", () -> 2.5);
        at("Plots.activation#xMin", () -> -3.0);
        at("Plots.activation#xMax", () -> 3.0);
        at("Plots.activation#function", () -> (DoubleUnaryOperator) Math::tanh);
        at("Plots.activation#derivative", () -> (DoubleUnaryOperator) x -> 1 - Math.tanh(x) * Math.tanh(x));
        at("Plots.curve#function", () -> (DoubleUnaryOperator) Math::tanh);
        at("Plots.curve#derivative", () -> (DoubleUnaryOperator) x -> 1 - Math.tanh(x) * Math.tanh(x));
        at("Curve.of#function", () -> (DoubleUnaryOperator) Math::tanh);
        at("Curve.of#derivative", () -> (DoubleUnaryOperator) x -> 1 - Math.tanh(x) * Math.tanh(x));
        at("Plots.grid#cols", () -> 2);
        at("Figure.grid#cols", () -> 2);
        at("Figure.withSize#width", () -> 300);
        at("Figure.withSize#height", () -> 200);
        at("Figure.savePng#file", () -> scratch.resolve("figure-" + System.nanoTime() + ".png").toString());
        at("Figure.saveSvg#file", () -> scratch.resolve("figure-" + System.nanoTime() + ".svg").toString());
        at("Figure.savePng#path", () -> scratch.resolve("figure-" + System.nanoTime() + ".png"));
        at("Figure.saveSvg#path", () -> scratch.resolve("figure-" + System.nanoTime() + ".svg"));

        // Activation
        at("Activation.byName#name", () -> "relu");
        at("Activation.layer#weights", () -> new double[][] {{1, 2}, {3, 4}});
        at("Activation.neuron#weights", () -> new double[] {1, -1});
        at("Activation.daleNeuron#weights", () -> new double[] {1, -1});
        at("DaleNeuron.<init>#weights", () -> new double[] {1, -1});
        at("PresynapticType.parse#types", () -> "EI");
        at("PresynapticType.allows#weight", () -> 1.0);
        at("Layer.neuron#j", () -> 1);
        at("ArtificialNeuron.weight#i", () -> 1);
        at("RateUnit.run#inputs", () -> new double[] {1, 2, 3});
        at("RateUnit.run#input:double", () -> 1.0);
        at("RateUnit.run#input:DoubleUnaryOperator", () -> (DoubleUnaryOperator) t -> 1.0);

        // Synapses and spikes
        at("Synapse.from#timesMs", () -> new double[] {1, 5});
        at("Synapse.from#weight", () -> 0.01);
        at("Synapse.from#weights", () -> new double[] {0.01, 0.02});
        at("Synapse.from#delaysMs", () -> new double[] {1, 2});
        at("Synapse.from#timesMs:double[][]", () -> new double[][] {{1, 2}, {3}});
        at("Synapse.weightName#c", () -> 0);
        at("Synapse.currentTrace#result", () -> Simulation.of(Neurons.lif())
                .attach(Synapses.ampa(Neurons.lif()).from(Spikes.at(1, 5), 0.01)).record("V", "g_AMPA").run(10));
        receiversByMethod.put("Synapse.weightName", () -> Synapses.ampa(Neurons.lif()).withStdp(Synapses.stdpSong(0.01))
                .from(Spikes.at(1, 5), 0.01));
        at("Synapse.withMagnesiumMm#magnesiumMm", () -> 1.0);
        at("Synapses.of#kind", () -> "ampa");
        at("Synapses.tonic#conductance", () -> 0.001);
        at("Synapses.tonicShunt#conductance", () -> 0.001);
        at("TonicConductance.of#conductance", () -> 0.001);
        at("TonicConductance.shunt#conductance", () -> 0.001);
        at("Synapses.stdpAdditive#wMax", () -> 1.0);
        at("Synapses.stdpMultiplicative#wMax", () -> 1.0);
        at("Stdp.additive#wMax", () -> 1.0);
        at("Stdp.multiplicative#wMax", () -> 1.0);
        at("Stdp.run#w0", () -> 0.5);
        at("Stdp.history#w0", () -> 0.5);
        at("Stdp.windowTable#unit", () -> "1");
        at("Stdp.history#weightUnit", () -> "1");
        at("MagnesiumBlock.table#fromMv", () -> -80.0);
        at("MagnesiumBlock.table#toMv", () -> 0.0);
        at("MagnesiumBlock.table#stepMv", () -> 10.0);
        at("Kernel.table#stepMs", () -> 0.5);
        at("SpikeTrains.times#i", () -> 0);
        at("SpikeTrains.train#i", () -> 0);
        at("SpikeTrain.<init>#durationMs", () -> 20.0);
        at("SpikeTrains.<init>#durationMs", () -> 20.0);
        at("Spikes.regular#startMs", () -> 0.0);

        // Network
        at("Network.ei#nE", () -> 8);
        at("Network.ei#nI", () -> 2);
        at("Network.ei#weightE", () -> 0.5);
        at("Network.ei#weightI", () -> -2.0);
        at("Network.cubaWeights#weightE", () -> 0.0162);
        at("Network.cubaWeights#weightI", () -> -0.09);
        at("SpikingNetwork.Builder.population#name", () -> "C");
        at("SpikingNetwork.Builder.connect#from", () -> "E");
        at("SpikingNetwork.Builder.connect#to", () -> "I");
        at("SpikingNetwork.Builder.connect#weight", () -> 0.5);
        at("SpikingNetwork.Builder.connect#weights", () -> new double[] {0.5, 0.5});
        at("SpikingNetwork.Builder.connect#delaysMs", () -> new double[] {1, 1});
        at("SpikingNetwork.Builder.connect#rule", () -> Network.explicit(new int[] {0, 1}, new int[] {1, 0}));
        at("SpikingNetwork.Builder.poissonInput#population", () -> "E");
        at("SpikingNetwork.Builder.poissonInput#weight", () -> 0.5);
        at("SpikingNetwork.Builder.record#population", () -> "E");
        at("SpikingNetwork.Builder.record#variable", () -> "V");
        at("SpikingNetwork.Builder.start#population", () -> "E");
        at("SpikingNetwork.Builder.start#variable", () -> "V");
        at("SpikingNetwork.Builder.start#value", () -> -60.0);
        at("SpikingNetwork.Builder.noise#population", () -> "E");
        at("SpikingNetwork.Builder.inject#population", () -> "E");
        at("SpikingNetwork.Builder.method#population", () -> "E");
        at("SpikingNetwork.Builder.method#name", () -> "rk4");
        at("SpikingNetwork.Builder.projection#from", () -> "E");
        at("SpikingNetwork.Builder.projection#to", () -> "I");
        at("SpikingNetwork.population#name", () -> "E");
        at("SpikingNetwork.Builder.connect#weights:ConnectionDraw", () -> Network.uniform(0.1, 0.5));
        at("SpikingNetwork.Builder.connect#delaysMs:ConnectionDraw", () -> Network.uniform(1, 2));
        at("SpikingNetwork.Builder.population#models", () -> (dev.soma.network.NeuronDraw<NeuronModel>) (j, random) -> Neurons.lif());
        at("SpikingNetwork.Builder.noise#sd", () -> 1.0);
        at("SpikingNetwork.Builder.stdp#rule", () -> Synapses.stdpAdditive(0.01, 0.0105, 20, 20, 0, 1));
        at("SpikingNetwork.Builder.recordWeights#connections", () -> new int[] {0, 1});
        at("Projection.targetsOf#i", () -> 0);
        at("Projection.weightsOf#i", () -> 0);
        at("Network.uniform#lo", () -> 0.0);
        at("Network.uniform#hi", () -> 1.0);
        at("Network.normal#mean", () -> 0.0);
        at("Network.normal#sd", () -> 1.0);
        at("RandomValue.uniform#lo", () -> 0.0);
        at("RandomValue.uniform#hi", () -> 1.0);
        at("RandomValue.normal#mean", () -> 0.0);
        at("RandomValue.normal#sd", () -> 1.0);
        at("HodgkinHuxleyTraub.rates#u", () -> 0.0);
        at("HodgkinHuxleyTraub.withChannels#gNa", () -> 100.0);
        at("HodgkinHuxleyTraub.withChannels#gK", () -> 30.0);
        at("HodgkinHuxleyTraub.withLeak#gL", () -> 0.05);
        at("HodgkinHuxleyTraub.withLeak#eL", () -> -60.0);
        at("HodgkinHuxleyTraub.ratesFromFormulas#u", () -> 0.0);
        at("SpikeRule.crossing#deadTimeMs", () -> 1.0);
        for (String m : List.of("countsPerStep", "spikeCount", "spikeNeurons", "spikeSteps", "spikeTimes")) {
            at("NetworkResult." + m + "#population", () -> "E");
        }
        at("NetworkResult.unitOf#trace", () -> networkRun.traces().get(0));
        at("SpikingNetwork.projection#from", () -> "E");
        at("SpikingNetwork.projection#to", () -> "I");
        at("NetworkResult.trace#name", () -> networkRun.traces().get(0));
        at("NetworkResult.rateHz#population", () -> "E");
        at("NetworkResult.offsetOf#population", () -> "E");
        at("NetworkResult.sizeOf#population", () -> "E");
        at("NetworkResult.rateTable#binMs", () -> 5.0);
        at("NetworkResult.populationOf#neuron", () -> 0);
        at("Population.values#variable", () -> "V");
        at("Population.set#variable", () -> "V");
        at("Population.set#values", () -> new double[] {-60, -60, -60, -60, -60, -60, -60, -60});
        at("Population.unitOf#variable", () -> "V");
        at("BrunelNetwork.withDelayMs#ms", () -> 1.5);
        at("BrunelNetwork.withDtMs#ms", () -> 0.1);
        at("BrunelNetwork.withNeuron#tauMs", () -> 20.0);
        at("BrunelNetwork.withNeuron#thetaMv", () -> 20.0);
        at("BrunelNetwork.withNeuron#resetMv", () -> 10.0);

        // Notebook controls
        at("Interactive.slider#min", () -> 0.0);
        at("Interactive.slider#max", () -> 10.0);
        at("Interactive.slider#initial", () -> 5.0);
        at("Interactive.play#min", () -> 0.0);
        at("Interactive.play#max", () -> 10.0);
        at("Interactive.play#initial", () -> 5.0);
        at("Interactive.intSlider#min", () -> 0);
        at("Interactive.intSlider#max", () -> 10);
        at("Interactive.intSlider#initial", () -> 5);
        at("Interactive.dropdown#initial", () -> "a");
        at("Interactive.buttons#initial", () -> "a");
        at("Interactive.interval#ms", () -> 200);
        at("Interactive.precompute#maxFrames", () -> 10);
        at("Params.get#name", () -> "a");
        at("Params.getInt#name", () -> "n");
        at("Params.choice#name", () -> "c");
        at("Params.flag#name", () -> "f");
    }

    // ------------------------------------------------------------------------------ receivers

    private void receiver(Class<?> type, Supplier<Object> value) {
        receivers.put(type, value);
    }

    private void receivers() {
        receiver(dev.soma.model.HodgkinHuxley.class, Neurons::hodgkinHuxley);
        receiver(dev.soma.model.LeakyIntegrateAndFire.class, Neurons::lif);
        receiver(dev.soma.model.ExponentialIntegrateAndFire.class, Neurons::exponentialIF);
        receiver(dev.soma.model.AdaptiveExponentialIntegrateAndFire.class, Neurons::adex);
        receiver(dev.soma.model.Izhikevich.class, Neurons::izhikevich);
        receiver(dev.soma.model.FitzHughNagumo.class, Neurons::fitzHughNagumo);
        receiver(dev.soma.model.MorrisLecar.class, Neurons::morrisLecar);
        receiver(dev.soma.model.QuadraticIntegrateAndFire.class, Neurons::quadraticIF);
        receiver(NeuronModel.class, Neurons::lif);
        receiver(dev.soma.model.SpikeRule.class, () -> Neurons.lif().spikeRule());
        receiver(dev.soma.sim.SimulationSetup.class, () -> Simulation.of(Neurons.lif()).inject(Stimulus.constant(3)));
        receiver(SimulationResult.class, () -> lifRun);
        receiver(Current.class, () -> Stimulus.step(1, 2, 5));
        receiver(dev.soma.synapse.Synapse.class, () -> Synapses.ampa(Neurons.lif()));
        receiver(TsodyksMarkram.class, () -> Synapses.tsodyksMarkram(0.5, 100, 50));
        receiver(dev.soma.synapse.TonicConductance.class, () -> Synapses.tonic(Neurons.lif(), 0.001, -70));
        receiver(Stdp.class, () -> Synapses.stdpAdditive(0.01, 0.012, 20, 20, 0, 1));
        receiver(dev.soma.synapse.MagnesiumBlock.class, () -> Synapses.magnesiumBlock(1));
        receiver(Kernel.class, () -> Kernel.biexponential(0.5, 5));
        receiver(SpikeTrain.class, () -> Spikes.at(1, 5, 9));
        receiver(SpikeTrains.class, () -> Spikes.trains(20, new double[] {1, 2}, new double[] {3}));
        receiver(SpikingNetwork.Builder.class, Examples::smallNetwork);
        receiver(SpikingNetwork.class, () -> smallNetwork().build());
        receiver(NetworkResult.class, () -> networkRun);
        receiver(dev.soma.network.Population.class, () -> smallNetwork().build().population("E"));
        receiver(dev.soma.network.RandomValue.class, () -> Network.uniform(0, 1));
        receiver(dev.soma.stimulus.SpikeSource.class, () -> Spikes.poissonGroup(4, 0.01));
        receiver(dev.soma.model.HodgkinHuxleyTraub.class, Neurons::hhTraub);
        receiver(dev.soma.network.Projection.class, () -> smallNetwork().build().projections().get(0));
        receiver(dev.soma.synapse.SynapseKind.class, () -> Synapses.ampa());
        receiver(dev.soma.network.Connectivity.class, Network::allToAll);
        receiver(dev.soma.analysis.BrunelNetwork.class, () -> Network.brunel().withSize(200, 40));
        receiver(FiCurve.Builder.class, () -> Analysis.fI(Neurons.lif()).range(0, 4, 3).durationMs(100).windowFromMs(10).progress(false).threads(1));
        receiver(FiCurve.class, () -> fiCurve);
        receiver(dev.soma.analysis.NoisyLif.class, () -> Analysis.noisyLif(Neurons.lif(), 0.5, 1).range(0, 2, 2)
                .durationMs(150, 1).dtMs(0.1).progress(false).threads(1));
        receiver(dev.soma.analysis.PhasePlane.class, () -> Analysis.phasePlane(Neurons.fitzHughNagumo(), 0.5, -2.5, 2.5, -1, 2));
        receiver(SweepSpec.class, this::sweep);
        receiver(dev.soma.analysis.SweepCache.class, () -> dev.soma.analysis.SweepCache.at(scratch.resolve("cache-" + System.nanoTime())));
        receiver(dev.soma.analysis.SweepPoint.class, () -> sweep().point(0));
        receiver(dev.soma.analysis.ParameterSweep.class, () -> Analysis.sweep("a", 1, 2).progress(false).threads(1));
        receiver(dev.soma.analysis.ParameterSweep.Experiment.class, () -> Analysis.sweep("a", 1, 2).progress(false).threads(1)
                .experiment(p -> p.get("a")));
        receiver(Figure.class, this::figure);
        receiver(Curve.class, () -> Curve.of(Activation.TANH));
        receiver(dev.soma.activation.Layer.class, () -> Activation.layer(Activation.RELU, new double[][] {{1, 2}, {3, 4}}, new double[] {0, 0}));
        receiver(dev.soma.activation.LeakyRelu.class, () -> Activation.leakyRelu(0.1));
        receiver(dev.soma.activation.Elu.class, () -> Activation.elu(1));
        receiver(dev.soma.activation.Softplus.class, () -> Activation.softplus(1));
        receiver(ActivationFunction.class, () -> Activation.SIGMOID);
        receiver(dev.soma.activation.ArtificialNeuron.class, () -> Activation.neuron(Activation.RELU, 0.5, 1, -1));
        receiver(dev.soma.activation.DaleNeuron.class, () -> Activation.daleNeuron(Activation.RELU, 0.5, "EI", 1, -1));
        receiver(dev.soma.activation.RateUnit.class, () -> Activation.rateUnit(10, Activation.RELU));
        receiver(PresynapticType.class, () -> PresynapticType.EXCITATORY);
        receiver(dev.soma.notebook.Interactive.class, () -> Interact.of(p -> "view").slider("a", 0, 10, 5));
        receiver(dev.soma.notebook.Params.class, () -> Interact.of(p -> "view").slider("a", 0, 10, 5).intSlider("n", 0, 10, 5, "")
                .dropdown("c", List.of("x", "y")).checkbox("f", true).initialValues());
    }

    // ------------------------------------------------------------------------------ helpers

    /** Populations E (8) and I (2) of the CUBA LIF, connected, with state recorded: builds and runs in milliseconds. */
    static SpikingNetwork.Builder smallNetwork() {
        return Network.ei(Neurons.lif(), 8, 2, 0.5, Synapses.currentExponential(5).named("e"), 0.5, Synapses.currentExponential(10).named("i"), -2)
                .seed(1).threads(1).inject("E", Stimulus.constant(3)).record("E", "V", 0, 1);
    }

    private SweepSpec sweep() {
        return SweepSpec.of("lif").vary("I [nA]", 1, 2).measure("rate").duration(20).warmup(5).seed(1).progress(false);
    }

    private Figure figure() {
        return Plots.voltage(lifRun);
    }

    private Path sweepParts() {
        Path folder = scratch.resolve("parts-" + System.nanoTime());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SweepSpec spec = sweep();
        spec.runShard(1, 2, folder);
        spec.runShard(2, 2, folder);
        return folder;
    }

    /** A deep copy of an array, so that no call can change the table's value. */
    static Object copy(Object value) {
        if (value == null || !value.getClass().isArray()) return value;
        int n = Array.getLength(value);
        Object out = Array.newInstance(value.getClass().getComponentType(), n);
        for (int i = 0; i < n; i++) Array.set(out, i, copy(Array.get(value, i)));
        return out;
    }

    @Override
    public String toString() {
        return byMethodParam.size() + " method parameters, " + byNameType.size() + " names, " + byType.size() + " types, "
                + receivers.size() + " receivers; " + Arrays.asList(scratch);
    }
}
