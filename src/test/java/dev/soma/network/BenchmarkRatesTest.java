package dev.soma.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The two benchmark networks of Brette et al. (2007) fire at the rates Brian2 reports for them
 * (CUBA 5.5–5.7 Hz, COBAHH 34–42 Hz by realisation): averaged over five seeds, CUBA lies within
 * 5.0–6.2 Hz and COBAHH within 30–45 Hz.
 */
class BenchmarkRatesTest {

    @Test
    void cubaFiresAtAboutFiveAndAHalfHertzOverFiveSeeds() {
        // The full 1 s run: the rate settles within tens of ms and the whole run costs well under a second.
        double sum = 0;
        for (long seed = 1; seed <= 5; seed++) {
            NetworkResult r = EiNetwork.cuba().seed(seed).build().run(1000);
            assertTrue(r.rateHz() > 3 && r.rateHz() < 9, "seed " + seed + ": " + r);
            sum += r.rateHz();
        }
        double mean = sum / 5;
        assertTrue(mean >= 5.0 && mean <= 6.2, "mean CUBA rate " + mean + " Hz outside 5.0–6.2 Hz");
    }

    @Test
    void cobahhFiresAtAboutFortyHertzOverFiveSeeds() {
        // 300 ms of the full 4000-neuron network per seed: the network reaches its irregular
        // state within the first ~50 ms (the 100 ms bins of full runs read 29–44 Hz from the
        // first bin on), so 5 × 1200 neuron-seconds estimate the rate to well under 1 Hz while
        // keeping the test at a few seconds. The full 1 s runs are in the benchmark command.
        double sum = 0;
        for (long seed = 1; seed <= 5; seed++) {
            NetworkResult r = EiNetwork.cobahh().seed(seed).build().run(300);
            assertTrue(r.rateHz() > 20 && r.rateHz() < 60, "seed " + seed + ": " + r);
            sum += r.rateHz();
        }
        double mean = sum / 5;
        assertTrue(mean >= 30 && mean <= 45, "mean COBAHH rate " + mean + " Hz outside 30–45 Hz");
    }
}
