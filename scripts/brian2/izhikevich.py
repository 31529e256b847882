#!/usr/bin/env python3
"""Izhikevich (2003) network: 800 excitatory and 200 inhibitory Izhikevich neurons with the
paper's heterogeneity, all-to-all random weights and thalamic noise, stepped exactly as the
paper's MATLAB program net.m (1 ms steps, v in two 0.5 ms Euler half steps). Brian2 2.5.1.

E. M. Izhikevich (2003), "Simple model of spiking neurons", IEEE Trans. Neural Netw.
14:1569-1572. The full definition is in src/test/resources/brian2/README.md.

    python3 scripts/brian2/izhikevich.py --seed 1 [--device runtime] [--out f.json]
"""
import common

N_E, N_I = 800, 200
DURATION_MS = 1000.0
TRANSIENT_MS = 100.0          # statistics over [100, 1000) ms
WELCH_NPERSEG = 256           # 1 ms bins: 256 ms segments, 3.9 Hz resolution
ALPHA_HZ = (5.0, 15.0)
GAMMA_HZ = (25.0, 60.0)
PEAK_RANGE_HZ = (5.0, 100.0)


def main():
    p = common.parser(__doc__.splitlines()[0])
    p.add_argument('--duration-ms', type=float, default=DURATION_MS)
    args = p.parse_args()
    common.setup_device(args, 'izhikevich')
    from brian2 import NeuronGroup, Synapses, SpikeMonitor, run, defaultclock, ms

    defaultclock.dt = 1 * ms
    n = N_E + N_I
    # Dimensionless, as in the paper: v in mV, time in ms, I in the model's current unit.
    neurons = NeuronGroup(n, '''v : 1
                                u : 1
                                a : 1 (constant)
                                b : 1 (constant)
                                c : 1 (constant)
                                d : 1 (constant)
                                r : 1 (constant)
                                sigma : 1 (constant)
                                I_syn : 1''',
                          threshold='v >= 30', reset='v = c; u += d', name='neurons')
    exc = neurons[:N_E]
    inh = neurons[N_E:]
    neurons.r = 'rand()'                  # one r per neuron, shared by its parameters
    exc.a = 0.02
    exc.b = 0.2
    exc.c = '-65 + 15 * r**2'
    exc.d = '8 - 6 * r**2'
    exc.sigma = 5.0
    inh.a = '0.02 + 0.08 * r'
    inh.b = '0.25 - 0.05 * r'
    inh.c = -65.0
    inh.d = 2.0
    inh.sigma = 2.0
    neurons.v = -65.0
    neurons.u = 'b * v'
    # One step of net.m, after threshold (v >= 30 of the previous step), synaptic input of this
    # step's spikes (no delay) and reset:
    #   I = sigma*randn + sum of weights of the neurons that fired in this step
    #   v += 0.5*(0.04 v^2 + 5 v + 140 - u + I)   twice
    #   u += a (b v - u)                          with the new v
    neurons.run_regularly('''I_tot = sigma * randn() + I_syn
                             v += 0.5 * (0.04 * v**2 + 5 * v + 140 - u + I_tot)
                             v += 0.5 * (0.04 * v**2 + 5 * v + 140 - u + I_tot)
                             u += a * (b * v - u)
                             I_syn = 0''', when='end', name='net_m_step')
    # All-to-all, autapses included: w = 0.5*rand from excitatory, -rand from inhibitory sources.
    syn = Synapses(neurons, neurons, 'w : 1', on_pre='I_syn_post += w', name='syn')
    syn.connect()
    syn.w['i < N_E'] = '0.5 * rand()'
    syn.w['i >= N_E'] = '-rand()'
    spikes = SpikeMonitor(neurons)

    watch = common.Stopwatch()
    run(args.duration_ms * ms, profile=args.profile)
    wall = watch.seconds()
    sim_s = common.last_run_time(args)

    dt = float(defaultclock.dt_)
    i, k = common.spike_steps(spikes, dt)
    k_end = int(round(args.duration_ms * 1e-3 / dt))
    if args.bench:
        common.bench_line('izhikevich', args, sim_s, int(i.size), i.size / (n * k_end * dt),
                          f' build_and_run_s={wall:.2f}')
        return

    k0 = int(round(TRANSIENT_MS * 1e-3 / dt))
    wi, wk = common.window(i, k, k0, k_end)
    cv_e, n_cv_e = common.isi_cv(wi, wk, 0, N_E)
    cv_i, n_cv_i = common.isi_cv(wi, wk, N_E, n)
    chi2, fano = common.synchrony(wi, wk, n, k0, k_end, 1)
    ek = wk[wi < N_E]
    counts = common.population_counts(ek, k0, k_end, 1)
    f, psd = common.spectrum(counts, dt, WELCH_NPERSEG)
    f_peak, peak_rel = common.peak(f, psd, *PEAK_RANGE_HZ)
    f_alpha, rel_alpha = common.peak(f, psd, *ALPHA_HZ)
    f_gamma, rel_gamma = common.peak(f, psd, *GAMMA_HZ)
    # first-spike volley: all neurons start at v = -65 together
    result = {
        'workload': 'izhikevich', 'seed': args.seed, 'device': args.device,
        'dt_ms': dt * 1e3, 'duration_ms': args.duration_ms, 'window_ms': [TRANSIENT_MS, args.duration_ms],
        'synapses': int(len(syn)), 'spikes_total': int(i.size),
        'rate_e_hz': common.mean_rate_hz(wi, n, k0, k_end, dt, 0, N_E),
        'rate_i_hz': common.mean_rate_hz(wi, n, k0, k_end, dt, N_E, n),
        'rate_all_hz': common.mean_rate_hz(wi, n, k0, k_end, dt),
        'rate_e_full_hz': common.mean_rate_hz(i, n, 0, k_end, dt, 0, N_E),
        'rate_i_full_hz': common.mean_rate_hz(i, n, 0, k_end, dt, N_E, n),
        'cv_e': cv_e, 'cv_e_neurons': n_cv_e, 'cv_i': cv_i, 'cv_i_neurons': n_cv_i,
        'chi2_1ms': chi2, 'fano_1ms': fano,
        'peak_hz': f_peak, 'peak_rel': peak_rel,
        'alpha_peak_hz': f_alpha, 'alpha_rel': rel_alpha,
        'gamma_peak_hz': f_gamma, 'gamma_rel': rel_gamma,
        'spectrum_f_hz': [float(x) for x in f], 'spectrum_psd': [float(x) for x in psd],
        'sim_s': sim_s, 'build_and_run_s': wall,
    }
    common.emit(args, result)


if __name__ == '__main__':
    main()
