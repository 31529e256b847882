package dev.soma.stimulus;

import static org.junit.jupiter.api.Assertions.*;

import dev.soma.Stimulus;
import org.junit.jupiter.api.Test;

/** Injected currents: shapes, sums, and noise whose statistics and seed behave. */
class CurrentsTest {

    @Test
    void stepIsOnFromStartUntilStop() {
        Current step = Stimulus.step(5, 10, 20);
        assertEquals(0, step.at(9.999));
        assertEquals(5, step.at(10));
        assertEquals(5, step.at(19.999));
        assertEquals(0, step.at(20));
    }

    @Test
    void rampRisesLinearly() {
        Current ramp = Stimulus.ramp(0, 10, 0, 100);
        assertEquals(5, ramp.at(50), 1e-12);
        assertEquals(0, ramp.at(100));
    }

    @Test
    void pulsesRepeatWithTheirPeriodAndStopAfterCount() {
        Current pulses = Stimulus.pulses(2, 1, 10, 5, 3);
        assertEquals(2, pulses.at(5.5));
        assertEquals(0, pulses.at(6.5));
        assertEquals(2, pulses.at(25.5));
        assertEquals(0, pulses.at(35.5));
        assertThrows(IllegalArgumentException.class, () -> Stimulus.pulses(1, 5, 2, 0, 3));
    }

    @Test
    void sineHasItsFrequencyInSomaRateUnits() {
        Current sine = Stimulus.sine(1, 10 * dev.soma.Units.Hz, 0.5);
        assertEquals(1.5, sine.at(25), 1e-12);   // a quarter period of 100 ms
        assertEquals(0.5, sine.at(50), 1e-12);
    }

    @Test
    void sumsAddPointwise() {
        Current sum = Stimulus.sum(Stimulus.constant(1), Stimulus.step(2, 0, 1), Stimulus.constant(-0.5));
        assertEquals(2.5, sum.at(0.5), 1e-12);
        assertEquals(0.5, Stimulus.constant(1).plus(Stimulus.constant(-0.5)).at(3), 1e-12);
    }

    @Test
    void noiseHasItsMeanSdAndCorrelationTimeAndRepeatsWithItsSeed() {
        double tau = 5;
        Current noise = Stimulus.noise(2, 3, tau, 7, 0.1);
        int n = 400_000;
        double sum = 0, sumSq = 0, lagged = 0;
        int lag = (int) (tau / 0.1);
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = noise.at(k * 0.1);
            sum += x[k];
            sumSq += x[k] * x[k];
        }
        double mean = sum / n;
        double sd = Math.sqrt(sumSq / n - mean * mean);
        for (int k = 0; k + lag < n; k++) {
            lagged += (x[k] - mean) * (x[k + lag] - mean);
        }
        double correlation = lagged / (n - lag) / (sd * sd);
        assertEquals(2, mean, 0.1);
        assertEquals(3, sd, 0.1);
        assertEquals(Math.exp(-1), correlation, 0.05);
        Current again = Stimulus.noise(2, 3, tau, 7, 0.1);
        assertEquals(noise.at(1234.5), again.at(1234.5));
        assertNotEquals(noise.at(1234.5), Stimulus.noise(2, 3, tau, 8, 0.1).at(1234.5));
    }

    @Test
    void badArgumentsNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stimulus.noise(0, -1, 5, 1));
        assertTrue(e.getMessage().contains("sigma"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Stimulus.sine(1, 0, 0));
        assertTrue(e.getMessage().contains("frequency"), e.getMessage());
    }
}
