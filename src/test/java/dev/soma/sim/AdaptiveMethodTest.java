package dev.soma.sim;

import static dev.soma.Units.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Neurons;
import dev.soma.Simulation;
import dev.soma.Stimulus;
import dev.soma.model.NeuronModel;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The adaptive method (Dormand–Prince 8(5,3) with event location) runs every preset of every model in
 * {@link Neurons} — found by reflection, so a new preset is covered when it is added — and agrees with
 * the fixed-step default there; it locates AdEx spikes to 0.005 ms of the reference; what it cannot do
 * ends in a Soma exception that says what to do.
 */
class AdaptiveMethodTest {

    /** A step input that makes the model do something (its preset's own input where it has one). */
    private static double inputFor(String factory, String preset, NeuronModel model) {
        return switch (factory) {
            case "adex" -> preset == null ? Neurons.adexInputNa("tonic") : Neurons.adexInputNa(preset);
            case "izhikevich" -> preset == null ? Neurons.izhikevichInput("RS") : Neurons.izhikevichInput(preset);
            case "hodgkinHuxley", "squidAxon" -> 10;
            case "morrisLecar" -> "type II".equals(preset) ? 100 : 50;
            case "fitzHughNagumo" -> 0.5;
            case "lif" -> 1.5 * (model instanceof dev.soma.model.LeakyIntegrateAndFire lif ? lif.rheobaseNa() : 1);
            default -> 1;   // exponentialIF, quadraticIF: 1 nA fires both
        };
    }

    /** Every model {@link Neurons} makes: each no-argument factory, and each preset of each factory that takes a name. */
    static Map<String, Object[]> everyPreset() throws Exception {
        Map<String, Object[]> all = new LinkedHashMap<>();
        for (Method factory : Neurons.class.getMethods()) {
            if (!Modifier.isStatic(factory.getModifiers()) || !NeuronModel.class.isAssignableFrom(factory.getReturnType())) {
                continue;
            }
            String name = factory.getName();
            if (factory.getParameterCount() == 0) {
                NeuronModel model = (NeuronModel) factory.invoke(null);
                all.put(name + "()", new Object[] {model, inputFor(name, null, model)});
            } else if (factory.getParameterCount() == 1 && factory.getParameterTypes()[0] == String.class) {
                String[] presets = (String[]) factory.getReturnType().getMethod("presetNames").invoke(null);
                for (String preset : presets) {
                    NeuronModel model = (NeuronModel) factory.invoke(null, preset);
                    all.put(name + "(\"" + preset + "\")", new Object[] {model, inputFor(name, preset, model)});
                }
            } else {
                throw new AssertionError("Neurons." + name + " takes parameters this test does not know; extend it");
            }
        }
        return all;
    }

    @TestFactory
    List<DynamicTest> everyPresetOfEveryModelRunsWithTheAdaptiveMethod() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, Object[]> presets = everyPreset();
        assertTrue(presets.size() >= 25, "found only " + presets.keySet());
        presets.forEach((label, entry) -> tests.add(DynamicTest.dynamicTest(label, () -> {
            NeuronModel model = (NeuronModel) entry[0];
            var stimulus = Stimulus.step((double) entry[1], 20 * ms, 220 * ms);
            double[] adaptive = Simulation.of(model).inject(stimulus).method("adaptive").dt(0.1).run(250 * ms).spikeTimes();
            double[] fixed = Simulation.of(model).inject(stimulus).sampleEvery(model.defaultDtMs() * Math.round(0.1 / model.defaultDtMs()))
                    .run(250 * ms).spikeTimes();
            assertEquals(fixed.length, adaptive.length, 1, label + ": spike count, adaptive vs the fixed-step default");
            if (fixed.length > 0 && adaptive.length > 0) {
                assertEquals(fixed[0], adaptive[0], 0.05, label + ": first spike");
            }
        })));
        return tests;
    }

    /** The reference spike times of {@code adex_tonic_spikes.csv} ({@code pattern, spike_index, t_ms}). */
    private static double[] tonicReference() {
        try (var in = AdaptiveMethodTest.class.getResourceAsStream("/refdata/adex_tonic_spikes.csv")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().skip(1)
                    .filter(line -> !line.isBlank()).mapToDouble(line -> Double.parseDouble(line.split(",")[2])).toArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void adexTonicSpikesMatchTheReferenceWithinFiveMicroseconds() {
        double[] expected = tonicReference();
        double[] actual = Simulation.of(Neurons.adex()).inject(Stimulus.constant(500 * pA)).method("adaptive").dt(0.1)
                .run(500 * ms).spikeTimes();
        assertEquals(expected.length, actual.length);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], 0.005, "spike " + k);
        }
    }

    @Test
    void everyAdexPatternRunsAtTheDefaultTolerance() {
        for (String pattern : dev.soma.model.AdaptiveExponentialIntegrateAndFire.presetNames()) {
            var run = Simulation.of(Neurons.adex(pattern)).inject(Stimulus.constant(Neurons.adexInputNa(pattern)))
                    .method("adaptive").dt(0.1).run(300 * ms);
            assertTrue(run.spikeCount() > 0, pattern + " fires");
        }
    }

    @Test
    void aRunTooLongToSampleIsRefusedBeforeAnythingIsAllocated() {
        var e = assertThrows(IllegalArgumentException.class, () -> Simulation.of(Neurons.lif()).method("adaptive").run(1e12));
        assertTrue(e.getMessage().contains("too many") && e.getMessage().contains("dt"), e.getMessage());
    }

    @Test
    void anIntegratorFailureIsASomaExceptionWithTheFixForThisTolerance() {
        // at a tolerance of 0.5 the solver lets the gates leave [0, 1] and the rates overflow: Hipparchus stops on a NaN
        SimulationDivergedException e = assertThrows(SimulationDivergedException.class, () -> Simulation.of(Neurons.hodgkinHuxley())
                .inject(Stimulus.step(10 * uA_per_cm2, 5, 80)).method("adaptive").tolerance(0.5).run(100));
        assertTrue(e.getMessage().contains("adaptive method") && e.getMessage().contains("tighten"), e.getMessage());
    }

    /** dy/dt = y² from y(0) = 1 reaches infinity at t = 1 ms. */
    private static final NeuronModel EXPLODING = new NeuronModel() {
        public String name() { return "explodes at 1 ms"; }
        public String[] stateNames() { return new String[] {"V"}; }
        public String[] stateUnits() { return new String[] {"mV"}; }
        public int voltageIndex() { return 0; }
        public String inputUnit() { return "nA"; }
        public double[] restingState() { return new double[] {1}; }
        public void derivatives(double t, double[] y, double input, double[] dydt) { dydt[0] = y[0] * y[0]; }
        public dev.soma.model.SpikeRule spikeRule() { return dev.soma.model.SpikeRule.crossing(1e300); }
        public double defaultDtMs() { return 0.01; }
    };

    @Test
    void aSolutionThatRunsAwayStopsWithASomaExceptionNotAnIntegratorError() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> Simulation.of(EXPLODING).method("adaptive").run(5));
        assertTrue(e instanceof SimulationDivergedException, "expected a SimulationDivergedException, got " + e);
        SimulationDivergedException diverged = (SimulationDivergedException) e;
        assertEquals("V", diverged.variable());
        assertTrue(diverged.timeMs() > 0.9 && diverged.timeMs() <= 1.0 + 1e-6, "blew up at " + diverged.timeMs());
        assertTrue(e.getMessage().contains("not the cause"), e.getMessage());
    }
}
