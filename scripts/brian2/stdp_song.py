#!/usr/bin/env python3
"""Song, Miller & Abbott (2000) as in Brian2's example synapses/STDP.py: 1000 Poisson inputs at
15 Hz onto one integrate-and-fire neuron through additive, all-to-all-pairing STDP synapses,
100 s; the weights, uniform at the start, end bimodal. Brian2 2.5.1. Same model, parameters and
initial values as the example (v starts at 0 mV, as there); only a seed and the measurements
are added.

S. Song, K. D. Miller, L. F. Abbott (2000), "Competitive Hebbian learning through
spike-timing-dependent synaptic plasticity", Nat. Neurosci. 3:919-926. The full definition is in
src/test/resources/brian2/README.md.

    python3 scripts/brian2/stdp_song.py --seed 1 [--device runtime] [--out f.json]
"""
import numpy as np

import common

N = 1000
DURATION_S = 100.0
HIST_BINS = 20


def main():
    p = common.parser(__doc__.splitlines()[0])
    p.add_argument('--duration-s', type=float, default=DURATION_S)
    args = p.parse_args()
    common.setup_device(args, 'stdp_song')
    from brian2 import (NeuronGroup, PoissonGroup, Synapses, SpikeMonitor, StateMonitor, run,
                        defaultclock, ms, mV, Hz, second)

    defaultclock.dt = 0.1 * ms            # Brian2's default, stated
    taum = 10 * ms
    taupre = 20 * ms
    taupost = taupre
    Ee = 0 * mV
    vt = -54 * mV
    vr = -60 * mV
    El = -74 * mV
    taue = 5 * ms
    F = 15 * Hz
    gmax = .01
    dApre = .01
    dApost = -dApre * taupre / taupost * 1.05
    dApost *= gmax
    dApre *= gmax

    # The example's membrane: the synaptic drive is ge*(Ee - vr), a fixed driving force (not
    # ge*(Ee - v)); ge is dimensionless (in units of the leak conductance).
    eqs_neurons = '''
    dv/dt = (ge * (Ee - vr) + El - v) / taum : volt
    dge/dt = -ge / taue : 1
    '''
    inputs = PoissonGroup(N, rates=F, name='inputs')
    neuron = NeuronGroup(1, eqs_neurons, threshold='v > vt', reset='v = vr', method='exact',
                         name='neuron')
    syn = Synapses(inputs, neuron,
                   '''w : 1
                      dApre/dt = -Apre / taupre : 1 (event-driven)
                      dApost/dt = -Apost / taupost : 1 (event-driven)''',
                   on_pre='''ge += w
                             Apre += dApre
                             w = clip(w + Apost, 0, gmax)''',
                   on_post='''Apost += dApost
                              w = clip(w + Apre, 0, gmax)''',
                   name='syn')
    syn.connect()
    syn.w = 'rand() * gmax'
    weights = StateMonitor(syn, 'w', record=np.arange(N), dt=10 * second)
    out = SpikeMonitor(neuron)
    inp = SpikeMonitor(inputs, record=False)

    watch = common.Stopwatch()
    run(args.duration_s * second, profile=args.profile)
    wall = watch.seconds()
    sim_s = common.last_run_time(args)

    w_final = np.asarray(syn.w[:]) / gmax
    t_out = np.asarray(out.t_[:])
    dur = args.duration_s
    if args.bench:
        common.bench_line('stdp_song', args, sim_s, int(t_out.size), t_out.size / dur,
                          f' build_and_run_s={wall:.2f}')
        return
    hist, edges = np.histogram(w_final, bins=HIST_BINS, range=(0.0, 1.0))
    w_traj = np.asarray(weights.w[:]) / gmax            # (synapse, sample)
    last10 = np.count_nonzero(t_out >= dur - 10.0) / 10.0
    first10 = np.count_nonzero(t_out < 10.0) / 10.0
    result = {
        'workload': 'stdp_song', 'seed': args.seed, 'device': args.device,
        'dt_ms': float(defaultclock.dt_) * 1e3, 'duration_s': dur,
        'input_rate_hz': int(inp.num_spikes) / (N * dur),
        'output_rate_hz': t_out.size / dur,
        'output_rate_first10s_hz': first10, 'output_rate_last10s_hz': last10,
        'w_mean': float(np.mean(w_final)),
        'frac_below_0.1': float(np.mean(w_final < 0.1)),
        'frac_above_0.9': float(np.mean(w_final > 0.9)),
        'frac_middle': float(np.mean((w_final >= 0.1) & (w_final <= 0.9))),
        'frac_at_0': float(np.mean(w_final == 0.0)),
        'frac_at_gmax': float(np.mean(w_final == 1.0)),
        'hist_edges': [float(x) for x in edges], 'hist_counts': [int(x) for x in hist],
        'w_mean_every_10s': [float(x) for x in np.mean(w_traj, axis=0)],
        'w_mean_t_s': [float(x) for x in np.asarray(weights.t_[:])],
        'sim_s': sim_s, 'build_and_run_s': wall,
    }
    common.emit(args, result)


if __name__ == '__main__':
    main()
