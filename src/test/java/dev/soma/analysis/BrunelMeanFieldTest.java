package dev.soma.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.testing.Brian2Reference;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Brunel's (2000) mean-field theory against Brian2's simulation of his model A: in the
 * asynchronous state (g = 5, η = 2) the self-consistent Siegert rate, 37.9 Hz, lies within 5 % of
 * the rate of the simulated network of 12,500 neurons (37.0 Hz over five seeds).
 */
class BrunelMeanFieldTest {

    private static final double TAU_MS = 20;
    private static final double THETA_MV = 20;
    private static final double RESET_MV = 10;
    private static final double REFRACTORY_MS = 2;
    private static final double J_MV = 0.1;
    private static final double C_E = 1000;
    private static final double GAMMA = 0.25;       // C_I / C_E

    /** The rate ν (Hz) that reproduces itself: ν = Siegert(μ(ν), σ(ν)), Brunel 2000 eqs. (4)–(5), (21). */
    static double selfConsistentRateHz(double g, double eta) {
        double nuExtPerMs = eta * THETA_MV / (J_MV * C_E * TAU_MS);
        double lo = 0.01;
        double hi = 1000.0 / REFRACTORY_MS - 1;
        for (int i = 0; i < 200; i++) {
            double nu = 0.5 * (lo + hi);
            double nuPerMs = nu * 1e-3;
            double mu = C_E * J_MV * TAU_MS * (nuExtPerMs + nuPerMs * (1 - g * GAMMA));
            double sigma = J_MV * Math.sqrt(C_E * TAU_MS * (nuExtPerMs + nuPerMs * (1 + g * g * GAMMA)));
            if (Siegert.rateHz(mu, sigma, TAU_MS, THETA_MV, RESET_MV, REFRACTORY_MS) > nu) {
                lo = nu;
            } else {
                hi = nu;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Test
    void siegertPredictsTheRateOfBrian2sAsynchronousNetwork() {
        double theory = selfConsistentRateHz(5, 2);
        Brian2Reference.Stat brian2 = Brian2Reference.stat("brunel", "AI", "rate_all_hz");
        assertEquals(5, brian2.seeds());
        assertEquals(37.95, theory, 0.05, "self-consistent rate");
        assertEquals(brian2.mean(), theory, 0.05 * brian2.mean(), "Brian2: " + brian2);
    }

    @Test
    void theSummaryIsTheMeanOfTheSeeds() {
        // The per-seed file and the summary were written together; a partial regeneration shows here.
        List<Map<String, String>> rows = Brian2Reference.rows("brunel.csv");
        for (String state : new String[] {"SR", "AI", "SI-fast", "SI-slow"}) {
            double[] rates = rows.stream().filter(r -> r.get("state").equals(state))
                    .mapToDouble(r -> Brian2Reference.number(r.get("rate_e_hz"))).toArray();
            Brian2Reference.Stat stat = Brian2Reference.stat("brunel", state, "rate_e_hz");
            assertEquals(stat.seeds(), rates.length, state);
            double mean = Arrays.stream(rates).average().orElseThrow();
            assertEquals(stat.mean(), mean, 1e-5 * mean, state);
            assertTrue(stat.covers(mean, 0), state);
        }
    }
}
