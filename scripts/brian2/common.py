"""Shared helpers of Soma's Brian2 reference scripts: device set-up, spike statistics, output.

Every statistic here works on spikes given as (neuron index, time step index). Brian2 stamps a
spike with the time t = k*dt of the step k whose update carried the neuron over threshold, so a
step index is exact and needs no floating-point binning. All definitions are repeated in
src/test/resources/brian2/README.md, which is the document a port should read.
"""
import argparse
import json
import os
import resource
import sys
import time

import numpy as np

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))


def parser(description):
    """The command-line options every workload script shares."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument('--seed', type=int, default=1, help='seed of every random draw (Brian2 seed())')
    p.add_argument('--device', choices=['cpp', 'runtime'], default='cpp',
                   help='cpp: C++ standalone (default, timed); runtime: Cython runtime device')
    p.add_argument('--build-dir', default=None,
                   help='C++ standalone project directory (default target/brian2/build/<workload>); '
                        'reusing it keeps the build cache warm')
    p.add_argument('--out', default=None, help='write the statistics as JSON to this file')
    p.add_argument('--bench', action='store_true',
                   help='only run and print one line (spikes, rate, sim_s): for the benchmark script')
    p.add_argument('--profile', action='store_true',
                   help='C++ standalone: time every code object and print Brian2\'s profiling summary '
                        'to stderr (adds timing overhead; not for the benchmark figures)')
    return p


def setup_device(args, name):
    """Selects Brian2's device and seeds it. Returns the build directory (or None)."""
    import brian2
    from brian2 import set_device, prefs, seed
    brian2.BrianLogger.log_level_warn()
    if args.device == 'cpp':
        directory = args.build_dir or os.path.join(REPO, 'target', 'brian2', 'build', name)
        os.makedirs(directory, exist_ok=True)
        set_device('cpp_standalone', directory=directory, build_on_run=True, with_output=False)
        prefs.devices.cpp_standalone.openmp_threads = 0   # one thread, no OpenMP
    else:
        directory = None
        prefs.codegen.target = 'cython'
    seed(args.seed)
    return directory


def last_run_time(args):
    """Brian2's own time of the last run loop (C++ standalone: Network::run, CPU clock), or None.
    With --profile, also prints Brian2's profiling summary to stderr."""
    if args.device != 'cpp':
        return None
    from brian2 import device, profiling_summary
    if args.profile:
        print(profiling_summary(show=12), file=sys.stderr)
    return float(device._last_run_time)


def children_max_rss_mb():
    """Largest max-RSS of any waited-for child (with the standalone device: the simulation binary,
    or the compiler if it had more to do)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0


def self_max_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def spike_steps(monitor, dt):
    """(neuron index int64, step index int64) of every spike a SpikeMonitor recorded."""
    i = np.asarray(monitor.i[:], dtype=np.int64)
    t = np.asarray(monitor.t_[:], dtype=np.float64)
    k = np.rint(t / dt).astype(np.int64)
    return i, k


def window(i, k, k0, k1):
    """The spikes with k0 <= step < k1."""
    keep = (k >= k0) & (k < k1)
    return i[keep], k[keep]


def mean_rate_hz(i, n, k0, k1, dt, lo=0, hi=None):
    """Spikes of neurons lo <= i < hi in steps [k0, k1), per neuron and second."""
    hi = n if hi is None else hi
    sel = (i >= lo) & (i < hi)
    return float(np.count_nonzero(sel)) / ((hi - lo) * (k1 - k0) * dt)


def isi_cv(i, k, lo, hi, min_spikes=3):
    """Mean over neurons lo <= i < hi with at least min_spikes spikes in the window of the
    coefficient of variation of their inter-spike intervals, CV = std(ISI) / mean(ISI)
    (population standard deviation, ddof = 0). Returns (mean CV, number of neurons included)."""
    sel = (i >= lo) & (i < hi)
    ii, kk = i[sel], k[sel]
    order = np.lexsort((kk, ii))
    ii, kk = ii[order], kk[order]
    if ii.size < 2:
        return float('nan'), 0
    same = ii[1:] == ii[:-1]
    isi = (kk[1:] - kk[:-1]).astype(np.float64)[same]
    owner = ii[1:][same]
    if isi.size == 0:
        return float('nan'), 0
    n = np.bincount(owner, minlength=hi)
    s1 = np.bincount(owner, weights=isi, minlength=hi)
    s2 = np.bincount(owner, weights=isi * isi, minlength=hi)
    ok = n >= (min_spikes - 1)
    if not np.any(ok):
        return float('nan'), 0
    mean = s1[ok] / n[ok]
    var = np.maximum(s2[ok] / n[ok] - mean * mean, 0.0)
    return float(np.mean(np.sqrt(var) / mean)), int(np.count_nonzero(ok))


def population_counts(k, k0, k1, steps_per_bin):
    """Population spike count per bin of steps_per_bin steps over [k0, k1)."""
    nbins = (k1 - k0) // steps_per_bin
    b = (k - k0) // steps_per_bin
    b = b[(b >= 0) & (b < nbins)]
    return np.bincount(b, minlength=nbins).astype(np.float64)


def synchrony(i, k, n, k0, k1, steps_per_bin):
    """Two synchrony measures on spike counts in bins of steps_per_bin steps over [k0, k1):
    chi2 = Var_b(N_b) / (n * sum_i Var_b(n_ib))  (Golomb's chi^2 with counts for voltages; about
           1/n for independent neurons, 1 for identical spike trains), and
    fano = Var_b(N_b) / Mean_b(N_b)  (Fano factor of the population count N_b = sum_i n_ib).
    Variances over bins, ddof = 0."""
    nbins = (k1 - k0) // steps_per_bin
    b = (k - k0) // steps_per_bin
    keep = (b >= 0) & (b < nbins)
    b, ii = b[keep], i[keep]
    pop = np.bincount(b, minlength=nbins).astype(np.float64)
    # per (neuron, bin) counts: only non-empty cells matter for sum of squares
    cell = ii * nbins + b
    _, counts = np.unique(cell, return_counts=True)
    per_neuron_sum = np.bincount(ii, minlength=n).astype(np.float64)
    sum_sq = float(np.sum(counts.astype(np.float64) ** 2))
    # sum_i Var(n_i) = sum_i (E[n_i^2] - E[n_i]^2)
    sum_var = sum_sq / nbins - float(np.sum((per_neuron_sum / nbins) ** 2))
    var_pop = float(np.var(pop))
    chi2 = var_pop / (n * sum_var) if sum_var > 0 else float('nan')
    fano = var_pop / float(np.mean(pop)) if np.mean(pop) > 0 else float('nan')
    return chi2, fano


def spectrum(counts, bin_s, nperseg):
    """Welch power spectral density of the population count (mean removed per segment, Hann
    window, half-overlapping segments of nperseg bins, density scaling). Returns (f_hz, psd)."""
    from scipy.signal import welch
    f, p = welch(counts, fs=1.0 / bin_s, window='hann', nperseg=nperseg, noverlap=nperseg // 2,
                 detrend='constant', scaling='density')
    return f, p


def peak(f, p, fmin, fmax, ref_min=5.0):
    """(frequency of the largest PSD value with fmin <= f <= fmax, that value divided by the
    median PSD over all f >= ref_min up to the Nyquist frequency: the background)."""
    sel = (f >= fmin) & (f <= fmax)
    fs, ps = f[sel], p[sel]
    j = int(np.argmax(ps))
    med = float(np.median(p[f >= ref_min]))
    return float(fs[j]), float(ps[j] / med) if med > 0 else float('inf')


def emit(args, result):
    """Prints the result as one JSON line and writes it to --out if given."""
    text = json.dumps(result, sort_keys=True)
    print(text)
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, 'w') as fh:
            fh.write(text + '\n')


def bench_line(workload, args, sim_s, spikes, rate_hz, extra=''):
    """The one line of --bench mode."""
    dev = 'cpp_standalone' if args.device == 'cpp' else 'cython'
    sim = 'nan' if sim_s is None else f'{sim_s:.4f}'
    print(f'workload={workload} brian2={dev} seed={args.seed} sim_s={sim} spikes={spikes} '
          f'rate_hz={rate_hz:.3f} child_maxrss_mb={children_max_rss_mb():.0f}'
          f' self_maxrss_mb={self_max_rss_mb():.0f}{extra}')
    sys.stdout.flush()


class Stopwatch:
    def __init__(self):
        self.t0 = time.perf_counter()

    def seconds(self):
        return time.perf_counter() - self.t0


def report_ei_run(args, workload, spikes, dt, wall, n, n_e, synapses):
    """Reports a benchmark E/I network's run (CUBA, COBAHH): a bench line with --bench, else the result."""
    sim_s = last_run_time(args)
    i, k = spike_steps(spikes, dt)
    k_end = int(round(args.duration_ms * 1e-3 / dt))
    rate = i.size / (n * k_end * dt)
    if args.bench:
        bench_line(workload, args, sim_s, int(i.size), rate, f' build_and_run_s={wall:.2f}')
        return
    emit(args, {
        'workload': workload, 'seed': args.seed, 'device': args.device, 'dt_ms': dt * 1e3,
        'duration_ms': args.duration_ms, 'synapses': synapses,
        'spikes_total': int(i.size), 'rate_all_hz': rate,
        'rate_e_hz': mean_rate_hz(i, n, 0, k_end, dt, 0, n_e),
        'rate_i_hz': mean_rate_hz(i, n, 0, k_end, dt, n_e, n),
        'sim_s': sim_s, 'build_and_run_s': wall,
    })
