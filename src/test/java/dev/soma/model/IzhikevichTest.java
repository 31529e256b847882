package dev.soma.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Simulation;
import dev.soma.Stimulus;
import dev.soma.analysis.SpikeTrains;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IzhikevichTest {

    @Test
    void javadocTableStatesTheDefaults() {
        assertEquals(5, ParameterTable.assertDefaultsMatch(Izhikevich.class, Izhikevich.defaults()));
    }

    @Test
    void presetsAreThoseOfThe2003Paper() {
        assertArrayEquals(new String[] {"RS", "IB", "CH", "FS", "LTS", "TC", "RZ"}, Izhikevich.presetNames());
        Izhikevich ch = Izhikevich.preset("ch");
        assertArrayEquals(new double[] {0.02, 0.2, -50, 2}, new double[] {ch.a(), ch.b(), ch.c(), ch.d()});
        Izhikevich rz = Izhikevich.preset("RZ");
        assertArrayEquals(new double[] {0.1, 0.26, -65, 2}, new double[] {rz.a(), rz.b(), rz.c(), rz.d()});
        Izhikevich tc = Izhikevich.preset("TC");
        assertEquals(0.05, tc.d());
    }

    @Test
    void unknownPresetListsTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Izhikevich.preset("XX"));
        assertTrue(e.getMessage().contains("RS, IB, CH, FS, LTS, TC, RZ"), e.getMessage());
    }

    @Test
    void badParametersAreRejectedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Izhikevich.defaults().withA(-0.02)).getMessage().startsWith("a = "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Izhikevich.defaults().withC(40)).getMessage().startsWith("c = "));
    }

    @Test
    void equationsAndStartFollowThePaper() {
        Izhikevich rs = Izhikevich.defaults();
        assertArrayEquals(new double[] {-65, -13}, rs.restingState(), 1e-12);
        double[] d = new double[2];
        rs.derivatives(0, new double[] {-70, -14}, 0, d);
        // −70 mV, u = b v is RS's resting fixed point: 0.04·4900 − 350 + 140 + 14 = 0.
        assertEquals(0, d[0], 1e-12);
        assertEquals(0, d[1], 1e-15);
        rs.derivatives(0, new double[] {-60, -10}, 10, d);
        assertEquals(0.04 * 3600 - 300 + 140 + 10 + 10, d[0], 1e-12);
        assertEquals(0.02 * (0.2 * -60 + 10), d[1], 1e-15);
        double[] y = {31, -5};
        rs.reset(y);
        assertArrayEquals(new double[] {-65, 3}, y);
    }

    /** The preset's input from t = 0 for 400 ms, default method and step. */
    private static double[] pattern(String type) {
        return ZooRuns.spikes(Izhikevich.preset(type), Izhikevich.presetInput(type), 400, 400);
    }

    @Test
    void regularSpikingSpikeTimesMatchTheReferenceWithin50MicrosecondsAtTheDefaultStep() throws Exception {
        double[] reference = AdaptiveExponentialIntegrateAndFireTest.referenceSpikes("izhikevich_rs_spikes.csv");
        double[] spikes = ZooRuns.spikes(Izhikevich.preset("RS"), 10, 1000, 1000);
        assertEquals(23, reference.length);
        assertEquals(reference.length, spikes.length);
        for (int i = 0; i < reference.length; i++) {
            assertEquals(reference[i], spikes[i], 0.05, "spike " + i);
        }
    }

    @Test
    void regularSpikingAdaptsWithoutBursting() {
        double[] isi = SpikeTrains.isi(pattern("RS"));
        assertTrue(isi[0] > 10, Arrays.toString(isi));
        assertTrue(isi[isi.length - 1] > 1.5 * isi[0], Arrays.toString(isi));
        assertTrue(SpikeTrains.adaptationIndex(pattern("RS"), 0) > 0.02);
    }

    @Test
    void intrinsicallyBurstingFiresOneBurstThenSingleSpikes() {
        int[] groups = SpikeTrains.burstSizes(pattern("IB"), 10);
        assertTrue(groups[0] >= 3, Arrays.toString(groups));
        for (int k = 1; k < groups.length; k++) assertEquals(1, groups[k], Arrays.toString(groups));
        assertTrue(groups.length >= 5, Arrays.toString(groups));
    }

    @Test
    void chatteringRepeatsFastBursts() {
        int[] groups = SpikeTrains.burstSizes(pattern("CH"), 10);
        assertTrue(groups.length >= 4, Arrays.toString(groups));
        for (int g : groups) assertTrue(g >= 3, Arrays.toString(groups));
    }

    @Test
    void fastSpikingFiresAbove100HzWithLittleAdaptation() {
        double[] s = pattern("FS");
        assertTrue(SpikeTrains.isiRateHz(s, 100, 400) > 100);
        assertEquals(0, SpikeTrains.adaptationIndex(s, 4), 0.01);
    }

    @Test
    void lowThresholdSpikingStartsFastAndAdaptsGradually() {
        double[] isi = SpikeTrains.isi(pattern("LTS"));
        assertTrue(isi[0] < 5, Arrays.toString(isi));
        assertTrue(isi[isi.length - 1] > 3 * isi[0], Arrays.toString(isi));
        // Gradual: the intervals grow step by step to their steady value (within 0.1 ms).
        for (int k = 1; k < isi.length; k++) assertTrue(isi[k] >= isi[k - 1] - 0.1, Arrays.toString(isi));
        assertTrue(isi[3] > isi[2] && isi[2] > isi[1] && isi[1] > isi[0], Arrays.toString(isi));
    }

    @Test
    void thalamoCorticalFiresAReboundBurstAfterHyperpolarisation() {
        Izhikevich tc = Izhikevich.preset("TC");
        double[] s = Simulation.of(tc).inject(Stimulus.step(-10, 0, 200)).run(400).spikeTimes();
        assertTrue(s.length >= 3, Arrays.toString(s));
        assertTrue(s[0] > 200 && s[0] < 220, Arrays.toString(s));
        assertTrue(s[2] - s[0] < 30, "the first spikes come as a burst: " + Arrays.toString(s));
        assertTrue(s[s.length - 1] < 300, "then it falls silent: " + Arrays.toString(s));
        // Depolarised from rest it fires tonically instead.
        double[] tonic = pattern("TC");
        assertTrue(SpikeTrains.cv(SpikeTrains.window(tonic, 150, 400)) < 0.05 && tonic.length > 10, Arrays.toString(tonic));
    }

    @Test
    void resonatorRingsAfterAPulseWhileRegularSpikingRelaxes() {
        // RZ rests on a stable focus (λ = −0.05 ± 0.153i /ms): a subthreshold pulse leaves oscillations of period 2π/0.153 ≈ 41 ms.
        Izhikevich rz = Izhikevich.preset("RZ");
        var run = Simulation.of(rz).startFrom(-62.5, -16.25).inject(Stimulus.pulse(1, 10, 1)).run(150);
        assertEquals(0, run.spikeCount());
        double[] t = run.time();
        double[] v = run.values("V");
        int crossings = 0;
        double firstUp = Double.NaN;
        double secondUp = Double.NaN;
        for (int k = 1; k < v.length; k++) {
            if (t[k] < 12) continue;
            if ((v[k - 1] + 62.5) * (v[k] + 62.5) < 0) {
                crossings++;
                if (v[k] > -62.5) {
                    if (Double.isNaN(firstUp)) firstUp = t[k]; else if (Double.isNaN(secondUp)) secondUp = t[k];
                }
            }
        }
        assertTrue(crossings >= 3, "damped oscillation crosses rest repeatedly: " + crossings);
        assertEquals(2 * Math.PI / Math.sqrt(0.026 - 0.0025), secondUp - firstUp, 2.0);
        // RS rests on a node: after the same pulse v crosses its rest at most once (a node cannot ring).
        var rs = Simulation.of(Izhikevich.preset("RS")).startFrom(-70, -14).inject(Stimulus.pulse(1, 10, 1)).run(150);
        double[] w = rs.values("V");
        double[] tr = rs.time();
        int rsCrossings = 0;
        for (int k = 1; k < w.length; k++) {
            if (tr[k] > 12 && (w[k - 1] + 70) * (w[k] + 70) < 0) rsCrossings++;
        }
        assertTrue(rsCrossings <= 1, "RS crossed its rest " + rsCrossings + " times");
    }
}
