package dev.soma.bench;

import dev.soma.analysis.BrunelNetwork;
import dev.soma.network.EiNetwork;
import dev.soma.network.NetworkResult;
import dev.soma.network.SpikingNetwork;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark command: the workloads of the project's benchmark definitions (CUBA, COBAHH — the
 * networks of Brette et al. 2007 — one Hodgkin–Huxley neuron, and the networks compared with Brian2:
 * Brunel's model A in the AI state, Izhikevich's 2003 network, an AdEx E/I network), one line per
 * workload, method and thread count:
 * <pre>
 *   workload=cuba threads=1 sim_s=0.081 spikes=22834 rate_hz=5.71
 *   workload=hh1 method=rk4 threads=1 sim_s=0.030 spikes=69
 * </pre>
 * {@code sim_s} is the median time of the simulation loop over {@code --runs} runs after
 * {@code --warmup} runs in the same JVM (the network is rebuilt from the same seed each time, so
 * every run has the same spikes). With {@code --cold} it runs once without warm-up: the
 * benchmark script times such a process from start to exit to get {@code whole_s}.
 *
 * <p>Options: {@code --workload cuba,cobahh,hh1,brunel,izhikevich,adex-net,stdp-song} (default all; stdp-song is Song, Miller &amp; Abbott's 1000 plastic synapses onto one neuron), {@code --threads 1,2},
 * {@code --method rk4,exponential_euler} (hh1), {@code --runs 5}, {@code --warmup 2}, {@code --seed 1},
 * {@code --duration-ms 1000} (networks), {@code --cold}.
 */
public final class Bench {
    private Bench() {}

    /** Runs the benchmarks named on the command line; see the class comment for the options. */
    public static void main(String[] args) {
        List<String> workloads = List.of("cuba", "cobahh", "hh1", "brunel", "izhikevich", "adex-net");
        int[] threads = {1, 2};
        int runs = 5;
        int warmup = 2;
        long seed = 1;
        double durationMs = 1000;
        boolean cold = false;
        List<String> methods = List.of("rk4", "exponential_euler");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--workload" -> workloads = List.of(args[++i].split(","));
                case "--threads" -> threads = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--duration-ms" -> durationMs = Double.parseDouble(args[++i]);
                case "--cold" -> cold = true;
                case "--method" -> methods = List.of(args[++i].split(","));
                default -> {
                    System.err.println("unknown option " + a + "; options: --workload cuba,cobahh,hh1 --threads 1,2 "
                            + "--method rk4,exponential_euler --runs 5 --warmup 2 --seed 1 --duration-ms 1000 --cold");
                    System.exit(2);
                }
            }
        }
        if (cold) {
            runs = 1;
            warmup = 0;
        }
        for (String w : workloads) {
            switch (w) {
                case "cuba", "cobahh", "brunel", "izhikevich", "adex-net", "stdp-song" -> network(w, threads, runs, warmup, seed, durationMs);
                case "hh1" -> SingleNeuron.run(methods, runs, warmup);
                default -> {
                    System.err.println("unknown workload " + w + "; use cuba, cobahh, hh1, brunel, izhikevich, adex-net or stdp-song");
                    System.exit(2);
                }
            }
        }
    }

    private static SpikingNetwork build(String workload, long seed, int threads) {
        SpikingNetwork.Builder b = switch (workload) {
            case "cuba" -> EiNetwork.cuba();
            case "cobahh" -> EiNetwork.cobahh();
            case "brunel" -> BrunelNetwork.modelA().builder(seed);
            case "izhikevich" -> EiNetwork.izhikevich2003();
            case "adex-net" -> EiNetwork.adex();
            case "stdp-song" -> EiNetwork.songMillerAbbott();
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
        return b.seed(seed).threads(threads).build();
    }

    private static void network(String workload, int[] threads, int runs, int warmup, long seed, double durationMs) {
        int[] reference = null;
        for (int t : threads) {
            for (int i = 0; i < warmup; i++) {
                build(workload, seed, t).run(durationMs);
            }
            double[] times = new double[runs];
            double[] cpu = new double[runs];
            NetworkResult last = null;
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < runs; i++) {
                SpikingNetwork net = build(workload, seed, t);
                long c0 = mx.getCurrentThreadCpuTime();
                net.advance(durationMs);
                cpu[i] = (mx.getCurrentThreadCpuTime() - c0) * 1e-9;
                last = net.result();
                times[i] = last.simSeconds();
            }
            if (last.threads() != t) {
                // The network steps on at most one thread per core and per 1000 neurons.
                System.out.printf(Locale.ROOT, "# workload=%s: %d threads asked, %d used (%d cores)%n", workload, t,
                        last.threads(), Runtime.getRuntime().availableProcessors());
            }
            System.out.printf(Locale.ROOT, "workload=%s threads=%d sim_s=%.4f spikes=%d rate_hz=%.3f%n",
                    workload, last.threads(), median(times), last.spikeCount(), last.rateHz());
            if (t == 1) {
                // On a shared machine wall time includes waiting for a core; CPU time does not.
                System.out.printf(Locale.ROOT, "# workload=%s threads=1 cpu_s=%.4f (median CPU time of the stepping thread)%n",
                        workload, median(cpu));
            }
            int[] fingerprint = fingerprint(last);
            if (reference == null) {
                reference = fingerprint;
            } else if (!Arrays.equals(reference, fingerprint)) {
                System.out.printf(Locale.ROOT, "# %s: threads=%d spikes differ from threads=%d%n", workload, t, threads[0]);
            }
        }
        if (threads.length > 1) {
            System.out.printf(Locale.ROOT, "# %s: spikes identical for threads %s: %b%n", workload,
                    Arrays.toString(threads), reference != null);
        }
    }

    private static int[] fingerprint(NetworkResult r) {
        int[] n = r.spikeNeurons();
        int[] s = r.spikeSteps();
        int[] both = Arrays.copyOf(n, n.length + s.length);
        System.arraycopy(s, 0, both, n.length, s.length);
        return both;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }
}
