package dev.soma.model;

import static dev.soma.Units.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.soma.Neurons;
import dev.soma.Simulation;
import dev.soma.Stimulus;
import dev.soma.sim.SimulationResult;
import dev.soma.testing.RefData;
import org.junit.jupiter.api.Test;

/**
 * The LIF is linear between spikes, so Soma integrates it exactly: the passive response equals
 * E_L + R I (1 − e^(−t/τ)) to rounding, and the firing rate equals the analytic f–I curve.
 */
class LeakyIntegrateAndFireTest {

    @Test
    void javadocTableStatesTheDefaults() {
        assertEquals(6, ParameterTable.assertDefaultsMatch(LeakyIntegrateAndFire.class, LeakyIntegrateAndFire.standard()));
    }

    @Test
    void passiveResponseIsExactToRounding() {
        var lif = Neurons.lif();  // R = 10 MΩ, τ = 10 ms, E_L = −70 mV, threshold −50 mV
        double current = 1.5 * nA;  // R I = 15 mV: stays below threshold
        SimulationResult run = Simulation.of(lif).inject(Stimulus.constant(current)).sampleEvery(0.1).run(100 * ms);
        double[] t = run.time();
        double[] v = run.values("V");
        for (int i = 0; i < t.length; i++) {
            double exact = -70 + 10 * current * (1 - Math.exp(-t[i] / 10));
            assertEquals(exact, v[i], 1e-9 * Math.abs(exact), "V at t = " + t[i]);
        }
        assertEquals(0, run.spikeCount());
    }

    @Test
    void ratesMatchTheAnalyticFiCurveWithinPointOnePercent() {
        var lif = Neurons.lif("unitResistance");
        for (double[] row : RefData.rows("lif_fI_analytic.csv")) {
            double drive = row[0];
            double expected = row[1];
            SimulationResult run = Simulation.of(lif).inject(Stimulus.constant(drive * nA)).sampleEvery(10).run(1000 * ms);
            double[] spikes = run.spikeTimes();
            if (expected == 0) {
                assertEquals(0, spikes.length, "no spikes at R I = " + drive + " mV");
                continue;
            }
            assertTrue(spikes.length >= 2, "at least two spikes at R I = " + drive);
            double meanIsi = (spikes[spikes.length - 1] - spikes[0]) / (spikes.length - 1);
            double rate = 1000.0 / meanIsi;
            assertEquals(expected, rate, 1e-3 * expected, "rate at R I = " + drive + " mV");
            assertEquals(expected, lif.rateHz(drive * nA), 1e-6);   // the file has six decimals
            assertEquals(lif.rateHz(drive * nA), rate, 1e-9 * rate, "simulated ISIs are exact, not step-limited");
        }
    }

    @Test
    void firstSpikeTimeIsExactAndVoltageIsHeldDuringRefractoriness() {
        var lif = Neurons.lif("unitResistance");
        SimulationResult run = Simulation.of(lif).inject(Stimulus.constant(25)).dt(0.1).run(40);
        double firstSpike = 10 * Math.log(25.0 / 5.0);   // V reaches −50 when 25 (1 − e^{−t/τ}) = 20
        assertEquals(firstSpike, run.spikeTimes()[0], 1e-9);
        assertEquals(firstSpike + 2 + firstSpike, run.spikeTimes()[1], 1e-9);
        double[] t = run.time();
        double[] v = run.values("V");
        for (int i = 0; i < t.length; i++) {
            if (t[i] > firstSpike + 1e-9 && t[i] < firstSpike + 2 - 1e-9) {
                assertEquals(-70, v[i], 1e-12, "held at reset at t = " + t[i]);
            }
        }
    }

    @Test
    void presetsAreFoundByNameAndUnknownNamesListTheValidOnes() {
        assertEquals(8, Neurons.lif("neuronalDynamics").tauMs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Neurons.lif("fast"));
        assertTrue(e.getMessage().contains("preset") && e.getMessage().contains("standard"), e.getMessage());
    }

    @Test
    void meaninglessParametersAreRejectedByName() {
        var lif = Neurons.lif();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> lif.withTauMs(0)).getMessage().contains("tauMs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> lif.withResistanceMOhm(-5)).getMessage().contains("resistanceMOhm"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> lif.withRefractoryMs(Double.NaN)).getMessage().contains("refractoryMs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> lif.withResetMv(-40)).getMessage().contains("resetMv"));
    }

    @Test
    void rheobaseIsThresholdDistanceOverResistance() {
        assertEquals(2.0, Neurons.lif().rheobaseNa(), 1e-12);
        assertEquals(0, Simulation.of(Neurons.lif()).inject(Stimulus.constant(1.99)).run(200).spikeCount());
        assertTrue(Simulation.of(Neurons.lif()).inject(Stimulus.constant(2.05)).run(200).spikeCount() > 0);
    }
}
