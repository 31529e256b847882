package dev.soma.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

class SiegertTest {

    @Test
    void erfcxAgreesWithItsDefinitionAndItsAsymptote() {
        for (double x : new double[] {-3, -1, 0, 0.5, 1, 2, 3.9}) {
            assertEquals(Math.exp(x * x) * Erf.erfc(x), Siegert.erfcx(x), 1e-13 * Siegert.erfcx(x), "x = " + x);
        }
        // Continuous across the switch to the continued fraction at x = 4.
        assertEquals(Math.exp(16) * Erf.erfc(4), Siegert.erfcx(4), 1e-12);
        // erfcx(x) ~ 1/(x√π) (1 − 1/(2x²) + 3/(4x⁴)) for large x.
        double x = 100;
        assertEquals(1 / (x * Math.sqrt(Math.PI)) * (1 - 0.5 / (x * x) + 0.75 / Math.pow(x, 4)), Siegert.erfcx(x), 1e-13);
    }

    @Test
    void integratorIsExactOnAKnownIntegral() {
        // ∫₀¹ e^{u²}(1 + erf u) du: compare with a fine midpoint sum.
        int n = 1_000_000;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double u = (k + 0.5) / n;
            sum += Math.exp(u * u) * (1 + Erf.erf(u));
        }
        assertEquals(sum / n, Siegert.integrate(0, 1), 1e-10);
    }

    @Test
    void smallNoiseGivesTheDeterministicLifRate() {
        // μ = −45 mV above θ = −50: deterministic rate 1/(t_ref + τ ln((μ − V_r)/(μ − θ))).
        double deterministic = 1000.0 / (2 + 10 * Math.log(25.0 / 5.0));
        assertEquals(deterministic, Siegert.rateHz(-45, 0.01, 10, -50, -70, 2), 1e-3 * deterministic);
        assertEquals(0, Siegert.rateHz(-60, 0.01, 10, -50, -70, 2), 1e-12);
    }

    @Test
    void noiseRaisesTheRateBelowThresholdMonotonically() {
        double previous = 0;
        for (double sigma : new double[] {1, 2, 4, 8}) {
            double rate = Siegert.rateHz(-52, sigma, 10, -50, -70, 2);
            assertTrue(rate > previous, "σ = " + sigma + ": " + rate);
            previous = rate;
        }
    }

    @Test
    void colouredNoiseRaisesTheEffectiveThreshold() {
        double white = Siegert.rateHz(-52, 3, 10, -50, -70, 2);
        assertEquals(white, Siegert.colouredRateHz(-52, 3, 10, -50, -70, 2, 0), 0);
        // Shifted by σ α/2 √(τs/τ) with α = √2 |ζ(1/2)| = 2.0652: the filtered noise fires less.
        double shift = 3 * 1.0326 * Math.sqrt(0.1 / 10);
        assertEquals(Siegert.rateHz(-52, 3, 10, -50 + shift, -70 + shift, 2), Siegert.colouredRateHz(-52, 3, 10, -50, -70, 2, 0.1), 1e-4);
        assertTrue(Siegert.colouredRateHz(-52, 3, 10, -50, -70, 2, 0.1) < white);
    }

    @Test
    void badParametersAreRejectedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Siegert.rateHz(-50, 0, 10, -50, -70, 2)).getMessage().startsWith("sigmaMv"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Siegert.rateHz(-50, 1, -10, -50, -70, 2)).getMessage().startsWith("tauMs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Siegert.rateHz(-50, 1, 10, -50, -40, 2)).getMessage().startsWith("resetMv"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Siegert.rateHz(Double.NaN, 1, 10, -50, -70, 2)).getMessage().startsWith("meanMv"));
    }
}
