#!/usr/bin/env python3
"""Summarises the per-run JSON files of refs.sh into the reference CSV files.

    python3 scripts/brian2/summarize.py target/brian2/runs src/test/resources/brian2

Writes, per workload, one row per run (seed), the seed-averaged spectra and weight histograms,
and summary.csv: mean, sample standard deviation (ddof = 1), minimum and maximum over seeds of
every statistic.
"""
import csv
import glob
import json
import math
import os
import sys

import numpy as np

COLUMNS = {
    'brunel': ['state', 'g', 'eta', 'seed', 'rate_e_hz', 'rate_i_hz', 'rate_all_hz', 'cv_e', 'cv_i',
               'cv_e_neurons', 'cv_i_neurons', 'peak_hz', 'peak_rel', 'chi2_1ms', 'fano_1ms',
               'spikes_total', 'synapses'],
    'izhikevich': ['seed', 'rate_e_hz', 'rate_i_hz', 'rate_all_hz', 'rate_e_full_hz',
                   'rate_i_full_hz', 'cv_e', 'cv_i', 'cv_e_neurons', 'cv_i_neurons', 'peak_hz',
                   'peak_rel', 'alpha_peak_hz', 'alpha_rel', 'gamma_peak_hz', 'gamma_rel',
                   'chi2_1ms', 'fano_1ms', 'spikes_total', 'synapses'],
    'adex_net': ['seed', 'rate_e_hz', 'rate_i_hz', 'rate_all_hz', 'frac_silent_e', 'frac_silent_i',
                 'cv_e', 'cv_i', 'cv_e_neurons', 'cv_i_neurons', 'peak_hz', 'peak_rel', 'chi2_1ms',
                 'fano_1ms', 'w_e_final_mean_pa', 'w_i_final_mean_pa', 'spikes_total', 'synapses'],
    'stdp_song': ['seed', 'input_rate_hz', 'output_rate_hz', 'output_rate_first10s_hz',
                  'output_rate_last10s_hz', 'w_mean', 'frac_below_0.1', 'frac_middle',
                  'frac_above_0.9', 'frac_at_0', 'frac_at_gmax'],
    'cuba': ['seed', 'spikes_total', 'rate_all_hz', 'rate_e_hz', 'rate_i_hz', 'synapses'],
    'cobahh': ['seed', 'spikes_total', 'rate_all_hz', 'rate_e_hz', 'rate_i_hz', 'synapses'],
}
NOT_SUMMARISED = {'state', 'g', 'eta', 'seed', 'synapses'}
STATES = ['SR', 'AI', 'SI-fast', 'SI-slow']


def fmt(v):
    if isinstance(v, float):
        if math.isnan(v):
            return 'nan'
        return f'{v:.6g}'
    return str(v)


def write_csv(path, header, rows):
    with open(path, 'w', newline='') as fh:
        w = csv.writer(fh, lineterminator='\n')
        w.writerow(header)
        for r in rows:
            w.writerow([fmt(x) for x in r])


def load(runs, pattern):
    out = [json.load(open(p)) for p in glob.glob(os.path.join(runs, pattern))]
    return sorted(out, key=lambda d: d['seed'])


def mean_spectrum(results, fmax):
    f = np.asarray(results[0]['spectrum_f_hz'])
    p = np.mean([np.asarray(r['spectrum_psd']) for r in results], axis=0)
    keep = f <= fmax
    return f[keep], p[keep]


def main():
    runs, dest = sys.argv[1], sys.argv[2]
    os.makedirs(dest, exist_ok=True)
    summary = []

    def summarise(workload, variant, results, columns):
        for c in columns:
            if c in NOT_SUMMARISED:
                continue
            x = np.array([float(r[c]) for r in results])
            summary.append([workload, variant, c, float(np.mean(x)),
                            float(np.std(x, ddof=1)) if x.size > 1 else float('nan'),
                            float(np.min(x)), float(np.max(x)), x.size])

    # Brunel: four states
    rows, spectra = [], {}
    for state in STATES:
        res = load(runs, f'brunel-{state}-*.json')
        if not res:
            continue
        rows += [[r[c] for c in COLUMNS['brunel']] for r in res]
        summarise('brunel', state, res, COLUMNS['brunel'])
        spectra[state] = mean_spectrum(res, 1000.0)
    if rows:
        write_csv(os.path.join(dest, 'brunel.csv'), COLUMNS['brunel'], rows)
        f = next(iter(spectra.values()))[0]
        write_csv(os.path.join(dest, 'brunel_spectra.csv'),
                  ['f_hz'] + [f'psd_{s}' for s in spectra],
                  [[f[j]] + [spectra[s][1][j] for s in spectra] for j in range(f.size)])

    for workload, fmax in (('izhikevich', 200.0), ('adex_net', 200.0)):
        res = load(runs, f'{workload}-*.json')
        if not res:
            continue
        write_csv(os.path.join(dest, f'{workload}.csv'), COLUMNS[workload],
                  [[r[c] for c in COLUMNS[workload]] for r in res])
        summarise(workload, '', res, COLUMNS[workload])
        f, p = mean_spectrum(res, fmax)
        write_csv(os.path.join(dest, f'{workload}_spectrum.csv'), ['f_hz', 'psd'],
                  [[f[j], p[j]] for j in range(f.size)])

    res = load(runs, 'stdp_song-*.json')
    if res:
        write_csv(os.path.join(dest, 'stdp_song.csv'), COLUMNS['stdp_song'],
                  [[r[c] for c in COLUMNS['stdp_song']] for r in res])
        summarise('stdp_song', '', res, COLUMNS['stdp_song'])
        edges = res[0]['hist_edges']
        counts = np.array([r['hist_counts'] for r in res])
        write_csv(os.path.join(dest, 'stdp_song_weights.csv'),
                  ['w_over_gmax_lo', 'w_over_gmax_hi'] + [f'count_seed{r["seed"]}' for r in res]
                  + ['count_mean'],
                  [[edges[j], edges[j + 1]] + [int(c) for c in counts[:, j]]
                   + [float(np.mean(counts[:, j]))] for j in range(len(edges) - 1)])
        t = res[0]['w_mean_t_s'] + [res[0]['duration_s']]
        traj = np.array([r['w_mean_every_10s'] + [r['w_mean']] for r in res])
        write_csv(os.path.join(dest, 'stdp_song_mean_weight.csv'),
                  ['t_s'] + [f'w_mean_seed{r["seed"]}' for r in res],
                  [[t[j]] + list(traj[:, j]) for j in range(len(t))])

    for workload in ('cuba', 'cobahh'):
        res = load(runs, f'{workload}-*.json')
        if res:
            write_csv(os.path.join(dest, f'{workload}.csv'), COLUMNS[workload],
                      [[r[c] for c in COLUMNS[workload]] for r in res])
            summarise(workload, '', res, COLUMNS[workload])

    write_csv(os.path.join(dest, 'summary.csv'),
              ['workload', 'variant', 'statistic', 'mean', 'sd', 'min', 'max', 'seeds'], summary)


if __name__ == '__main__':
    main()
