package dev.soma.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.model.LeakyIntegrateAndFire;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class NoisyLifTest {
    private final LeakyIntegrateAndFire lif = LeakyIntegrateAndFire.standard();

    @Test
    void simulationMatchesSiegertWithinFivePercentAtThreeNoiseLevels() {
        // Mean drive 1 mV below threshold (I = 1.9 nA, R = 10 MΩ): only noise makes it fire, faster with more noise.
        double previous = 0;
        for (double sigmaNa : new double[] {2, 3, 4}) {
            NoisyLif noisy = NoisyLif.of(lif, sigmaNa, 0.05).currents(1.9).durationMs(5000, 8).seed(1).progress(false);
            double simulated = noisy.simulate().doubleColumn("rate [Hz]").getDouble(0);
            double theory = noisy.siegert().doubleColumn("rate [Hz]").getDouble(0);
            assertEquals(theory, simulated, 0.05 * theory, "σ_I = " + sigmaNa + " nA (σ = " + noisy.sigmaMv() + " mV)");
            assertTrue(theory > previous);
            previous = theory;
        }
    }

    @Test
    void simulationIsBitIdenticalOnAnyNumberOfThreads() {
        NoisyLif noisy = NoisyLif.of(lif, 3, 0.1).currents(1.5, 2.0, 2.5).durationMs(600, 2).seed(7).progress(false);
        Table one = noisy.threads(1).simulate();
        Table two = noisy.threads(2).simulate();
        assertArrayEquals(one.doubleColumn("rate [Hz]").asDoubleArray(), two.doubleColumn("rate [Hz]").asDoubleArray());
        assertEquals(List.of("I [nA]", "rate [Hz]", "spikes"), one.columnNames());
        Table other = noisy.seed(8).threads(2).simulate();
        assertTrue(other.intColumn("spikes").sum() != one.intColumn("spikes").sum()
                || !java.util.Arrays.equals(other.intColumn("spikes").asIntArray(), one.intColumn("spikes").asIntArray()));
    }

    @Test
    void noiseSmoothsTheThresholdIntoARisingCurve() {
        // Without noise the LIF is silent below 2 nA; with noise the Siegert curve is positive and rising there.
        double[] rates = NoisyLif.of(lif, 3, 0.1).range(1.0, 2.0, 5).siegert().doubleColumn("rate [Hz]").asDoubleArray();
        assertEquals(0, lif.rateHz(1.9));
        for (int i = 1; i < rates.length; i++) assertTrue(rates[i] > rates[i - 1] && rates[i - 1] > 0);
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> NoisyLif.of(lif, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> NoisyLif.of(lif, 1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> NoisyLif.of(null, 1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> NoisyLif.of(lif, 1, 0.1).currents());
        assertThrows(IllegalArgumentException.class, () -> NoisyLif.of(lif, 1, 0.1).currents(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> NoisyLif.of(lif, 1, 0.1).durationMs(50, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NoisyLif.of(lif, 1, 0.1).simulate()).getMessage().contains("currents"));
    }

    @Test
    void aRunThatFailsNamesItsCurrentTrialAndSeed() {
        // Without a refractory period, 1e9 nA makes the LIF fire more than once per step: a divergence.
        NoisyLif noisy = NoisyLif.of(lif.withRefractoryMs(0), 0.5, 0.1).currents(1.5, 1e9).durationMs(150, 2).dtMs(0.1)
                .seed(3).progress(false).threads(2);
        String message = assertThrows(IllegalArgumentException.class, noisy::simulate).getMessage();
        assertTrue(message.contains("currents[1] = 1.00000e+09 nA") && message.contains("trial ") && message.contains("seed ")
                && message.contains("dtMs = 0.1"), message);
    }
}
