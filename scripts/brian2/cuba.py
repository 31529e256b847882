#!/usr/bin/env python3
"""CUBA (Brette et al. 2007, benchmark 2; Brian2's example CUBA.py): 4000 current-based LIF
neurons (3200 E, 800 I), exponential synaptic currents, p = 0.02, 1 s at dt = 0.1 ms.
Brian2 2.5.1. Definitions: the project's benchmark definitions (docs/benchmarks.md and
src/test/resources/brian2/README.md).

    python3 scripts/brian2/cuba.py --seed 1 [--device runtime] [--bench]
"""
import common

N_E, N_I = 3200, 800
DURATION_MS = 1000.0


def main():
    p = common.parser(__doc__.splitlines()[0])
    p.add_argument('--duration-ms', type=float, default=DURATION_MS)
    args = p.parse_args()
    common.setup_device(args, 'cuba')
    from brian2 import NeuronGroup, Synapses, SpikeMonitor, run, defaultclock, ms, mV

    defaultclock.dt = 0.1 * ms
    taum = 20 * ms
    taue = 5 * ms
    taui = 10 * ms
    Vt = -50 * mV
    Vr = -60 * mV
    El = -49 * mV
    we = 1.62 * mV
    wi = -9 * mV
    eqs = '''
    dv/dt  = (ge + gi - (v - El)) / taum : volt (unless refractory)
    dge/dt = -ge / taue : volt
    dgi/dt = -gi / taui : volt
    '''
    n = N_E + N_I
    neurons = NeuronGroup(n, eqs, threshold='v > Vt', reset='v = Vr', refractory=5 * ms,
                          method='exact', name='neurons')
    neurons.v = 'Vr + rand() * (Vt - Vr)'
    neurons.ge = 0 * mV
    neurons.gi = 0 * mV
    ce = Synapses(neurons[:N_E], neurons, on_pre='ge_post += we', name='ce')
    ce.connect(p=0.02)
    ci = Synapses(neurons[N_E:], neurons, on_pre='gi_post += wi', name='ci')
    ci.connect(p=0.02)
    spikes = SpikeMonitor(neurons)

    watch = common.Stopwatch()
    run(args.duration_ms * ms, profile=args.profile)
    wall = watch.seconds()
    common.report_ei_run(args, 'cuba', spikes, float(defaultclock.dt_), wall, n, N_E, int(len(ce) + len(ci)))


if __name__ == '__main__':
    main()
