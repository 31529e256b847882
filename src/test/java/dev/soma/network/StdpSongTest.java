package dev.soma.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Network;
import dev.soma.testing.Brian2Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Song, Miller &amp; Abbott (2000) as Brian2's example {@code synapses/STDP.py} runs it
 * (src/test/resources/brian2/README.md, section 3): 1000 Poisson inputs at 15 Hz onto one
 * integrate-and-fire neuron through additive, all-to-all STDP synapses for 100 s. The weights,
 * uniform at the start, drift down and pile up at both bounds. Soma's statistics over its seeds
 * must lie within 3 combined standard errors of Brian2's over its 5 seeds (as in
 * {@link Brian2StatisticsTest}).
 *
 * <p>The example's membrane takes the synaptic drive g_e·(E_e − V_r) with a fixed driving force
 * of 60 mV and g_e in units of the leak conductance, so in Soma it is a LIF with R = 1 MΩ and a
 * current-based exponential receptor (τ = 5 ms) whose weight in nA is 60·w.
 */
class StdpSongTest {
    static final double GMAX = 0.01;
    /** nA per unit of g_e: the fixed driving force E_e − V_r = 60 mV across R = 1 MΩ. */
    static final double NA_PER_G = EiNetwork.SONG_NA_PER_G;
    static final double SECONDS = 100;

    /** The network of Brian2's example ({@link Network#songMillerAbbott()}), weights uniform in [0, g_max) from the seed. */
    static SpikingNetwork song(long seed) {
        return Network.songMillerAbbott().seed(seed).build();
    }

    @Test
    void finalWeightsAreBimodalAsInBrian2() {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        double[][] meanWeight = new double[2][11];
        for (long seed = 1; seed <= 2; seed++) {
            SpikingNetwork net = song(seed);
            Projection p = net.projection("in", "out");
            int out = 0;
            int first10 = 0;
            meanWeight[(int) seed - 1][0] = mean(p.weights()) / (GMAX * NA_PER_G);
            for (int s = 1; s <= 10; s++) {
                NetworkResult r = net.run(10_000);
                if (s == 1) {
                    first10 = r.spikeCount("out");
                }
                meanWeight[(int) seed - 1][s] = mean(p.weights()) / (GMAX * NA_PER_G);
            }
            NetworkResult r = net.result();
            out = r.spikeCount("out");
            int last10 = 0;
            for (double t : r.spikeTimes("out")) {
                if (t >= (SECONDS - 10) * 1000) {
                    last10++;
                }
            }
            double[] w = p.weights();
            int below = 0;
            int above = 0;
            int zero = 0;
            int max = 0;
            for (int s = 0; s < w.length; s++) {
                double x = w[s] / (GMAX * NA_PER_G);
                w[s] = x;
                below += x < 0.1 ? 1 : 0;
                above += x > 0.9 ? 1 : 0;
                zero += x == 0 ? 1 : 0;
                max += x == 1 ? 1 : 0;
            }
            add(values, "input_rate_hz", r.spikeCount("in") / (1000 * SECONDS));
            add(values, "output_rate_hz", out / SECONDS);
            add(values, "output_rate_first10s_hz", first10 / 10.0);
            add(values, "output_rate_last10s_hz", last10 / 10.0);
            add(values, "w_mean", mean(w));
            add(values, "frac_below_0.1", below / 1000.0);
            add(values, "frac_above_0.9", above / 1000.0);
            add(values, "frac_middle", (1000 - below - above) / 1000.0);
            add(values, "frac_at_0", zero / 1000.0);
            add(values, "frac_at_gmax", max / 1000.0);
        }
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : values.entrySet()) {
            Brian2Reference.Stat ref = Brian2Reference.stat("stdp_song", "", e.getKey());
            List<Double> v = e.getValue();
            int n = v.size();
            double mean = v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
            double sd = Math.sqrt(ss / (n - 1));
            double s = Math.max(sd, ref.sd());
            double tolerance = Brian2StatisticsTest.SES * s * Math.sqrt(1.0 / n + 1.0 / ref.seeds());
            boolean ok = Math.abs(mean - ref.mean()) <= tolerance;
            String line = String.format(Locale.ROOT, "stdp_song %s: Soma %.5g ± %.3g (%d seeds: %s), Brian2 %.5g ± %.3g (%d seeds); "
                            + "|difference| %.3g, tolerance %.3g%s", e.getKey(), mean, sd, n, v, ref.mean(), ref.sd(), ref.seeds(),
                    Math.abs(mean - ref.mean()), tolerance, ok ? "" : "  <-- outside");
            System.out.println(line);
            if (!ok) {
                failures.add(line);
            }
        }
        // the mean weight every 10 s against the seeds of Brian2's trajectory
        List<Map<String, String>> rows = Brian2Reference.rows("stdp_song_mean_weight.csv");
        for (int s = 0; s < rows.size(); s++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int seed = 1; seed <= 5; seed++) {
                double x = Brian2Reference.number(rows.get(s).get("w_mean_seed" + seed));
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            double spread = Math.max(hi - lo, 0.005);
            for (double[] m : meanWeight) {
                String line = String.format(Locale.ROOT, "stdp_song mean weight at %d s: Soma %.4f, Brian2 %.4f–%.4f", 10 * s,
                        m[s], lo, hi);
                System.out.println(line);
                if (m[s] < lo - spread || m[s] > hi + spread) {
                    failures.add(line + "  <-- outside the Brian2 range widened by its width");
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void add(Map<String, List<Double>> values, String statistic, double value) {
        values.computeIfAbsent(statistic, k -> new ArrayList<>()).add(value);
    }

    static double mean(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s / a.length;
    }
}
