#!/usr/bin/env python3
"""Brunel (2000) model A: sparse network of 10,000 excitatory and 2,500 inhibitory LIF neurons
with delta synapses, fixed in-degree, one delay, and external Poisson drive; the four states of
the paper's Fig. 8 (SR, AI, SI fast, SI slow). Brian2 2.5.1, C++ standalone by default.

N. Brunel (2000), "Dynamics of sparsely connected networks of excitatory and inhibitory spiking
neurons", J. Comput. Neurosci. 8:183-208. The full definition is in
src/test/resources/brian2/README.md; the statistics are computed in common.py.

    python3 scripts/brian2/brunel.py --state AI --seed 1 [--device runtime] [--out f.json]
"""
import numpy as np

import common

STATES = {            # Fig. 8 of the paper: relative inhibition g, external drive eta
    'SR': (3.0, 2.0),
    'AI': (5.0, 2.0),
    'SI-fast': (6.0, 4.0),
    'SI-slow': (4.5, 0.9),
}

N_E, N_I = 10000, 2500
C_E, C_I = 1000, 250
DURATION_MS = 1000.0
TRANSIENT_MS = 200.0          # statistics over [200, 1000) ms
SYNC_BIN_STEPS = 10           # 1 ms bins for chi2 and the Fano factor
WELCH_NPERSEG = 2048          # 0.1 ms bins: 204.8 ms segments, 4.88 Hz resolution
PEAK_RANGE_HZ = (5.0, 500.0)  # oscillation frequency: PSD maximum here (SR's harmonics lie above)


def main():
    p = common.parser(__doc__.splitlines()[0])
    p.add_argument('--state', choices=sorted(STATES), default='AI')
    p.add_argument('--duration-ms', type=float, default=DURATION_MS)
    p.add_argument('--save-spikes', default=None,
                   help='also write every spike as (neuron index, step index) arrays i, k to this .npz file')
    args = p.parse_args()
    g, eta = STATES[args.state]
    common.setup_device(args, 'brunel')
    from brian2 import (NeuronGroup, Synapses, PoissonInput, SpikeMonitor, run, defaultclock,
                        ms, mV, Hz)

    defaultclock.dt = 0.1 * ms
    tau = 20 * ms
    theta = 20 * mV
    V_r = 10 * mV
    t_ref = 2 * ms
    J = 0.1 * mV
    D = 1.5 * ms
    nu_thr = theta / (J * C_E * tau)          # 10 Hz
    nu_ext = eta * nu_thr

    # V is held (not integrated, and synaptic and Poisson input discarded) while refractory:
    # Brian2 makes every write to a variable flagged "unless refractory" conditional.
    neurons = NeuronGroup(N_E + N_I, 'dv/dt = -v / tau : volt (unless refractory)',
                          threshold='v > theta', reset='v = V_r', refractory=t_ref,
                          method='exact', name='neurons')
    neurons.v = 'V_r + rand() * (theta - V_r)'
    exc = neurons[:N_E]
    inh = neurons[N_E:]
    # Fixed in-degree: for every target j, C_E distinct excitatory and C_I distinct inhibitory
    # sources drawn uniformly without replacement (autapses possible, no multapses).
    s_e = Synapses(exc, neurons, on_pre='v_post += J', delay=D, name='s_e')
    s_e.connect(i='k for k in sample(N_pre, size=C_E)')
    s_i = Synapses(inh, neurons, on_pre='v_post += -g * J', delay=D, name='s_i')
    s_i.connect(i='k for k in sample(N_pre, size=C_I)')
    # C_E independent Poisson trains per neuron at nu_ext, each spike adding J: Brian2 draws
    # one binomial(C_E, nu_ext*dt) count per neuron and step.
    drive = PoissonInput(neurons, 'v', N=C_E, rate=nu_ext, weight=J)
    spikes = SpikeMonitor(neurons)

    watch = common.Stopwatch()
    run(args.duration_ms * ms, profile=args.profile)
    wall = watch.seconds()
    sim_s = common.last_run_time(args)

    dt = float(defaultclock.dt_)
    i, k = common.spike_steps(spikes, dt)
    n = N_E + N_I
    k_end = int(round(args.duration_ms * 1e-3 / dt))
    if args.save_spikes:
        np.savez_compressed(args.save_spikes, i=i.astype(np.int32), k=k.astype(np.int32))
    if args.bench:
        common.bench_line('brunel', args, sim_s, int(i.size), i.size / (n * k_end * dt),
                          f' state={args.state} build_and_run_s={wall:.2f}')
        return

    k0 = int(round(TRANSIENT_MS * 1e-3 / dt))
    wi, wk = common.window(i, k, k0, k_end)
    cv_e, n_cv_e = common.isi_cv(wi, wk, 0, N_E)
    cv_i, n_cv_i = common.isi_cv(wi, wk, N_E, n)
    chi2, fano = common.synchrony(wi, wk, n, k0, k_end, SYNC_BIN_STEPS)
    counts = common.population_counts(wk, k0, k_end, 1)
    f, psd = common.spectrum(counts, dt, WELCH_NPERSEG)
    f_peak, peak_rel = common.peak(f, psd, *PEAK_RANGE_HZ)
    result = {
        'workload': 'brunel', 'state': args.state, 'g': g, 'eta': eta, 'seed': args.seed,
        'device': args.device, 'dt_ms': dt * 1e3, 'duration_ms': args.duration_ms,
        'window_ms': [TRANSIENT_MS, args.duration_ms],
        'synapses': int(len(s_e) + len(s_i)),
        'spikes_total': int(i.size),
        'rate_e_hz': common.mean_rate_hz(wi, n, k0, k_end, dt, 0, N_E),
        'rate_i_hz': common.mean_rate_hz(wi, n, k0, k_end, dt, N_E, n),
        'rate_all_hz': common.mean_rate_hz(wi, n, k0, k_end, dt),
        'cv_e': cv_e, 'cv_e_neurons': n_cv_e, 'cv_i': cv_i, 'cv_i_neurons': n_cv_i,
        'chi2_1ms': chi2, 'fano_1ms': fano,
        'peak_hz': f_peak, 'peak_rel': peak_rel,
        'spectrum_f_hz': [float(x) for x in f[f <= 1000.0]],
        'spectrum_psd': [float(x) for x in psd[f <= 1000.0]],
        'sim_s': sim_s, 'build_and_run_s': wall,
        'child_maxrss_mb': common.children_max_rss_mb(),
    }
    common.emit(args, result)


if __name__ == '__main__':
    main()
