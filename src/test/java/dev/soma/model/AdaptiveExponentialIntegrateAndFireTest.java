package dev.soma.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.analysis.SpikeTrains;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AdaptiveExponentialIntegrateAndFireTest {
    private final AdaptiveExponentialIntegrateAndFire tonic = AdaptiveExponentialIntegrateAndFire.defaults();

    @Test
    void javadocTableStatesTheDefaults() {
        assertEquals(11, ParameterTable.assertDefaultsMatch(AdaptiveExponentialIntegrateAndFire.class, tonic));
    }

    @Test
    void presetsCarryNaudTable1InSomaUnits() {
        var adapting = AdaptiveExponentialIntegrateAndFire.preset("adapting");
        assertEquals(0.012, adapting.leakConductanceUs(), 1e-15);
        assertEquals(300, adapting.adaptationTauMs());
        assertEquals(0.06, adapting.spikeAdaptationNa(), 1e-15);
        assertEquals(0.5, AdaptiveExponentialIntegrateAndFire.presetInputNa("adapting"), 1e-15);
        var irregular = AdaptiveExponentialIntegrateAndFire.preset("Irregular");
        assertEquals(-0.011, irregular.adaptationUs(), 1e-15);
        assertEquals(0.16, AdaptiveExponentialIntegrateAndFire.presetInputNa("irregular"), 1e-15);
        assertEquals(8, AdaptiveExponentialIntegrateAndFire.presetNames().length);
        assertEquals(AdaptiveExponentialIntegrateAndFire.preset("initial-burst"), AdaptiveExponentialIntegrateAndFire.preset("Initial Burst"));
    }

    @Test
    void unknownPresetListsTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> AdaptiveExponentialIntegrateAndFire.preset("bursty"));
        assertTrue(e.getMessage().contains("bursty") && e.getMessage().contains("tonic") && e.getMessage().contains("irregular"), e.getMessage());
    }

    @Test
    void negativeCapacitanceConductanceOrTimeConstantIsRejectedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> tonic.withCapacitanceNf(-0.2)).getMessage().contains("capacitanceNf"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> tonic.withLeakConductanceUs(-0.01)).getMessage().contains("leakConductanceUs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> tonic.withAdaptationTauMs(0)).getMessage().contains("adaptationTauMs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> tonic.withSlopeMv(Double.NaN)).getMessage().contains("slopeMv"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> tonic.withResetMv(5)).getMessage().contains("resetMv"));
    }

    @Test
    void withersChangeOneParameterAndLeaveTheOriginal() {
        var changed = tonic.withSpikeAdaptationNa(0.1);
        assertEquals(0.1, changed.spikeAdaptationNa());
        assertEquals(0.0, tonic.spikeAdaptationNa());
        assertEquals(tonic.withSpikeAdaptationNa(0.0), tonic);
    }

    @Test
    void derivativesAreTheBretteGerstnerEquations() {
        // At V = E_L, w = 0 only the exponential and the input act: C dV/dt = gL ΔT e^{(EL−VT)/ΔT} + I.
        double[] d = new double[2];
        tonic.derivatives(0, tonic.restingState(), 0.5, d);
        assertEquals((0.01 * 2 * Math.exp(-10) + 0.5) / 0.2, d[0], 1e-12);
        assertEquals(0, d[1], 1e-15);
        // At V = −60 mV, w = 0.1 nA: τw dw/dt = a (V − EL) − w = 0.002·10 − 0.1.
        tonic.derivatives(0, new double[] {-60, 0.1}, 0, d);
        assertEquals((0.02 - 0.1) / 30, d[1], 1e-15);
        assertEquals((-0.01 * 10 + 0.02 * Math.exp(-5) - 0.1) / 0.2, d[0], 1e-12);
    }

    @Test
    void linearPartsReproduceTheDerivatives() {
        double[] y = {-55, 0.05};
        double[] d = new double[2];
        double[] a = new double[2];
        double[] b = new double[2];
        tonic.derivatives(0, y, 0.3, d);
        tonic.linearParts(0, y, 0.3, a, b);
        assertEquals(d[0], a[0] + b[0] * y[0], 1e-12);
        assertEquals(d[1], a[1] + b[1] * y[1], 1e-15);
    }

    @Test
    void resetSetsVAndIncrementsW() {
        var adapting = AdaptiveExponentialIntegrateAndFire.preset("adapting");
        double[] y = {0, 0.2};
        adapting.reset(y);
        assertArrayEquals(new double[] {-58, 0.26}, y, 1e-15);
        assertTrue(adapting.spikeRule().resets());
        assertEquals(0, adapting.spikeRule().thresholdMv());
    }

    @Test
    void derivativeStaysFiniteFarAboveThePeak() {
        double[] d = new double[2];
        tonic.derivatives(0, new double[] {500, 0}, 0, d);
        assertTrue(Double.isFinite(d[0]));
    }

    /** Naud et al.'s protocol: the pattern's current from t = 0, 500 ms, default method and step. */
    private static double[] pattern(String name) {
        return ZooRuns.spikes(AdaptiveExponentialIntegrateAndFire.preset(name),
                AdaptiveExponentialIntegrateAndFire.presetInputNa(name), 500, 500);
    }

    static double[] referenceSpikes(String file) throws Exception {
        try (var in = AdaptiveExponentialIntegrateAndFireTest.class.getResourceAsStream("/refdata/" + file);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).mapToDouble(l -> Double.parseDouble(l.split(",")[2])).toArray();
        }
    }

    @Test
    void tonicSpikeTimesMatchTheReferenceWithin50MicrosecondsAtTheDefaultStep() throws Exception {
        // Every one of the 51 spikes within 0.05 ms of SciPy's DOP853 (Brian2's Euler at 0.01 ms is 2.4 ms off by the end).
        double[] reference = referenceSpikes("adex_tonic_spikes.csv");
        double[] spikes = pattern("tonic");
        assertEquals(51, reference.length);
        assertEquals(reference.length, spikes.length);
        for (int i = 0; i < reference.length; i++) {
            assertEquals(reference[i], spikes[i], 0.05, "spike " + i);
        }
    }

    @Test
    void tonicFiresRegularlyWithoutAdaptation() {
        double[] s = pattern("tonic");
        assertEquals(0, SpikeTrains.adaptationIndex(s, 4), 0.01);
        assertTrue(SpikeTrains.cv(SpikeTrains.window(s, 100, 500)) < 0.02);
    }

    @Test
    void adaptingSlowsDown() {
        double[] s = pattern("adapting");
        double[] isi = SpikeTrains.isi(s);
        assertTrue(SpikeTrains.adaptationIndex(s, 0) > 0.05, Arrays.toString(isi));
        assertTrue(isi[isi.length - 1] > 4 * isi[0], Arrays.toString(isi));
        for (int k = 1; k < isi.length; k++) assertTrue(isi[k] >= isi[k - 1] - 1e-9, Arrays.toString(isi));
    }

    @Test
    void initialBurstThenRegularSpiking() {
        double[] s = pattern("initial burst");
        int[] groups = SpikeTrains.burstSizes(s, 15);
        assertTrue(groups[0] >= 3, Arrays.toString(groups));
        for (int k = 1; k < groups.length; k++) assertEquals(1, groups[k], Arrays.toString(groups));
        assertTrue(groups.length >= 5, Arrays.toString(groups));
    }

    @Test
    void regularBurstingRepeatsBursts() {
        int[] groups = SpikeTrains.burstSizes(pattern("regular bursting"), 15);
        assertTrue(groups.length >= 3, Arrays.toString(groups));
        for (int g : groups) assertTrue(g >= 2, Arrays.toString(groups));
    }

    @Test
    void delayedAcceleratingStartsLateAndSpeedsUp() {
        double[] s = pattern("delayed accelerating");
        assertTrue(SpikeTrains.firstSpikeLatencyMs(s, 0) > 20, Arrays.toString(s));
        assertTrue(SpikeTrains.adaptationIndex(s, 0) < 0, Arrays.toString(SpikeTrains.isi(s)));
        double[] isi = SpikeTrains.isi(s);
        assertTrue(isi[isi.length - 1] < 0.7 * isi[0], Arrays.toString(isi));
    }

    @Test
    void delayedRegularBurstingStartsLateThenBursts() {
        double[] s = pattern("delayed regular bursting");
        assertTrue(SpikeTrains.firstSpikeLatencyMs(s, 0) > 40, Arrays.toString(s));
        int[] groups = SpikeTrains.burstSizes(s, 15);
        assertTrue(groups.length >= 3, Arrays.toString(groups));
        for (int g : groups) assertTrue(g >= 2, Arrays.toString(groups));
    }

    @Test
    void transientFiresOnlyAtOnset() {
        double[] s = pattern("transient");
        assertTrue(s.length >= 1 && s.length <= 3, Arrays.toString(s));
        assertTrue(s[s.length - 1] < 100, Arrays.toString(s));
    }

    @Test
    void irregularHasWidelyVaryingIntervals() {
        double[] late = SpikeTrains.window(pattern("irregular"), 100, 500);
        double[] isi = SpikeTrains.isi(late);
        assertTrue(late.length >= 10, Arrays.toString(late));
        assertTrue(SpikeTrains.cv(late) > 0.3, Arrays.toString(isi));
        double min = Arrays.stream(isi).min().orElseThrow();
        double max = Arrays.stream(isi).max().orElseThrow();
        assertTrue(max > 4 * min, Arrays.toString(isi));
    }
}
