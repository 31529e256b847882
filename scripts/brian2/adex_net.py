#!/usr/bin/env python3
"""AdEx network with conductance synapses: 3200 adapting excitatory and 800 non-adapting
inhibitory AdEx neurons (Brette & Gerstner 2005; parameter sets "adapting" and "tonic" of
Naud et al. 2008, Table 1), exponential conductances with reversal potentials, fixed connection
probability 0.05, external Poisson drive onto the excitatory conductance; an asynchronous
irregular state. Brian2 2.5.1, forward Euler, dt = 0.1 ms.

The full definition is in src/test/resources/brian2/README.md.

    python3 scripts/brian2/adex_net.py --seed 1 [--device runtime] [--out f.json]
"""
import common

N_E, N_I = 3200, 800
DURATION_MS = 1000.0
TRANSIENT_MS = 200.0          # statistics over [200, 1000) ms
WELCH_NPERSEG = 256           # 1 ms bins: 256 ms segments, 3.9 Hz resolution
PEAK_RANGE_HZ = (5.0, 500.0)

# Synapses and drive (the network's own choices, documented in the README).
DEFAULTS = {
    'p': 0.05,          # connection probability, every ordered pair independently
    'w_e_ns': 1.0,      # excitatory conductance jump (nS), from E onto E and I
    'w_i_ns': 8.0,      # inhibitory conductance jump (nS), from I onto E and I
    'n_ext': 100,       # independent external Poisson trains per neuron
    'nu_ext_hz': 18.0,  # rate of each external train
    'w_ext_ns': 3.0,    # conductance jump of an external spike onto g_e (nS)
}


def main():
    p = common.parser(__doc__.splitlines()[0])
    p.add_argument('--duration-ms', type=float, default=DURATION_MS)
    p.add_argument('--dt-ms', type=float, default=0.1,
                   help='time step (the reference uses 0.1 ms; smaller steps show the method error)')
    for key, value in DEFAULTS.items():
        p.add_argument('--' + key.replace('_', '-'), type=type(value), default=value)
    args = p.parse_args()
    common.setup_device(args, 'adex_net')
    from brian2 import (NeuronGroup, Synapses, PoissonInput, SpikeMonitor, run, defaultclock,
                        ms, mV, nS, pF, pA, Hz)

    defaultclock.dt = args.dt_ms * ms
    E_e = 0 * mV
    E_i = -80 * mV
    tau_e = 5 * ms
    tau_i = 10 * ms
    V_peak = 0 * mV
    t_ref = 2 * ms
    DeltaT = 2 * mV
    V_T = -50 * mV
    E_L = -70 * mV
    V_r = -58 * mV
    C = 200 * pF

    eqs = '''
    dv/dt = (-g_L * (v - E_L) + g_L * DeltaT * exp((v - V_T) / DeltaT)
             + g_e * (E_e - v) + g_i * (E_i - v) - w) / C : volt (unless refractory)
    dw/dt = (a * (v - E_L) - w) / tau_w : amp
    dg_e/dt = -g_e / tau_e : siemens
    dg_i/dt = -g_i / tau_i : siemens
    g_L : siemens (constant)
    a : siemens (constant)
    b : amp (constant)
    tau_w : second (constant)
    '''
    neurons = NeuronGroup(N_E + N_I, eqs, threshold='v > V_peak', reset='v = V_r; w += b',
                          refractory=t_ref, method='euler', name='neurons')
    exc = neurons[:N_E]
    inh = neurons[N_E:]
    # Naud et al. 2008, Table 1: "adapting" (E) and "tonic" (I); C, E_L, V_T, Delta_T, V_r shared.
    exc.g_L = 12 * nS
    exc.a = 2 * nS
    exc.tau_w = 300 * ms
    exc.b = 60 * pA
    inh.g_L = 10 * nS
    inh.a = 2 * nS
    inh.tau_w = 30 * ms
    inh.b = 0 * pA
    neurons.v = 'E_L + rand() * (V_T - E_L)'
    neurons.w = 0 * pA
    neurons.g_e = 0 * nS
    neurons.g_i = 0 * nS

    w_e = args.w_e_ns * nS
    w_i = args.w_i_ns * nS
    w_ext = args.w_ext_ns * nS
    s_e = Synapses(exc, neurons, on_pre='g_e_post += w_e', name='s_e')
    s_e.connect(p=args.p)
    s_i = Synapses(inh, neurons, on_pre='g_i_post += w_i', name='s_i')
    s_i.connect(p=args.p)
    drive = PoissonInput(neurons, 'g_e', N=args.n_ext, rate=args.nu_ext_hz * Hz, weight=w_ext)
    spikes = SpikeMonitor(neurons)

    watch = common.Stopwatch()
    run(args.duration_ms * ms, profile=args.profile)
    wall = watch.seconds()
    sim_s = common.last_run_time(args)

    dt = float(defaultclock.dt_)
    n = N_E + N_I
    i, k = common.spike_steps(spikes, dt)
    k_end = int(round(args.duration_ms * 1e-3 / dt))
    if args.bench:
        common.bench_line('adex_net', args, sim_s, int(i.size), i.size / (n * k_end * dt),
                          f' build_and_run_s={wall:.2f}')
        return

    import numpy as np
    k0 = int(round(TRANSIENT_MS * 1e-3 / dt))
    wi, wk = common.window(i, k, k0, k_end)
    cv_e, n_cv_e = common.isi_cv(wi, wk, 0, N_E)
    cv_i, n_cv_i = common.isi_cv(wi, wk, N_E, n)
    per_ms = int(round(1e-3 / dt))                   # steps per 1 ms bin
    chi2, fano = common.synchrony(wi, wk, n, k0, k_end, per_ms)
    counts = common.population_counts(wk, k0, k_end, per_ms)
    f, psd = common.spectrum(counts, per_ms * dt, WELCH_NPERSEG)
    f_peak, peak_rel = common.peak(f, psd, *PEAK_RANGE_HZ)
    per_neuron = np.bincount(wi, minlength=n)
    w_final = np.asarray(neurons.w_[:])
    result = {
        'workload': 'adex_net', 'seed': args.seed, 'device': args.device,
        'dt_ms': dt * 1e3, 'duration_ms': args.duration_ms, 'window_ms': [TRANSIENT_MS, args.duration_ms],
        'params': {key: getattr(args, key) for key in DEFAULTS},
        'synapses': int(len(s_e) + len(s_i)), 'spikes_total': int(i.size),
        'rate_e_hz': common.mean_rate_hz(wi, n, k0, k_end, dt, 0, N_E),
        'rate_i_hz': common.mean_rate_hz(wi, n, k0, k_end, dt, N_E, n),
        'rate_all_hz': common.mean_rate_hz(wi, n, k0, k_end, dt),
        'frac_silent_e': float(np.mean(per_neuron[:N_E] == 0)),
        'frac_silent_i': float(np.mean(per_neuron[N_E:] == 0)),
        'cv_e': cv_e, 'cv_e_neurons': n_cv_e, 'cv_i': cv_i, 'cv_i_neurons': n_cv_i,
        'chi2_1ms': chi2, 'fano_1ms': fano,
        'peak_hz': f_peak, 'peak_rel': peak_rel,
        'w_e_final_mean_pa': float(np.mean(w_final[:N_E]) * 1e12),
        'w_i_final_mean_pa': float(np.mean(w_final[N_E:]) * 1e12),
        'spectrum_f_hz': [float(x) for x in f], 'spectrum_psd': [float(x) for x in psd],
        'sim_s': sim_s, 'build_and_run_s': wall,
    }
    common.emit(args, result)


if __name__ == '__main__':
    main()
