#!/usr/bin/env python3
"""COBAHH (Brette et al. 2007, benchmark 3; Brian2's example COBAHH.py): 4000 Hodgkin-Huxley
(Traub-Miles) neurons (3200 E, 800 I) with exponential conductances, p = 0.02, 1 s at
dt = 0.1 ms, exponential Euler. Brian2 2.5.1. Definitions: the project's benchmark definitions
(docs/benchmarks.md and src/test/resources/brian2/README.md).

    python3 scripts/brian2/cobahh.py --seed 1 [--device runtime] [--bench]
"""
import common

N_E, N_I = 3200, 800
DURATION_MS = 1000.0


def main():
    p = common.parser(__doc__.splitlines()[0])
    p.add_argument('--duration-ms', type=float, default=DURATION_MS)
    args = p.parse_args()
    common.setup_device(args, 'cobahh')
    from brian2 import (NeuronGroup, Synapses, SpikeMonitor, run, defaultclock, ms, mV, nS,
                        msiemens, umetre, ufarad, cm, exp)

    defaultclock.dt = 0.1 * ms
    area = 20000 * umetre ** 2
    Cm = (1 * ufarad * cm ** -2) * area
    gl = (5e-5 * msiemens * cm ** -2) * area
    El = -60 * mV
    EK = -90 * mV
    ENa = 50 * mV
    g_na = (100 * msiemens * cm ** -2) * area
    g_kd = (30 * msiemens * cm ** -2) * area
    VT = -63 * mV
    taue = 5 * ms
    taui = 10 * ms
    Ee = 0 * mV
    Ei = -80 * mV
    we = 6 * nS
    wi = 67 * nS
    eqs = '''
    dv/dt = (gl * (El - v) + ge * (Ee - v) + gi * (Ei - v)
             - g_na * (m * m * m) * h * (v - ENa)
             - g_kd * (n * n * n * n) * (v - EK)) / Cm : volt
    dm/dt = alpha_m * (1 - m) - beta_m * m : 1
    dn/dt = alpha_n * (1 - n) - beta_n * n : 1
    dh/dt = alpha_h * (1 - h) - beta_h * h : 1
    dge/dt = -ge * (1. / taue) : siemens
    dgi/dt = -gi * (1. / taui) : siemens
    alpha_m = 0.32 * (mV ** -1) * 4 * mV / exprel((13 * mV - v + VT) / (4 * mV)) / ms : Hz
    beta_m = 0.28 * (mV ** -1) * 5 * mV / exprel((v - VT - 40 * mV) / (5 * mV)) / ms : Hz
    alpha_h = 0.128 * exp((17 * mV - v + VT) / (18 * mV)) / ms : Hz
    beta_h = 4. / (1 + exp((40 * mV - v + VT) / (5 * mV))) / ms : Hz
    alpha_n = 0.032 * (mV ** -1) * 5 * mV / exprel((15 * mV - v + VT) / (5 * mV)) / ms : Hz
    beta_n = .5 * exp((10 * mV - v + VT) / (40 * mV)) / ms : Hz
    '''
    count = N_E + N_I
    neurons = NeuronGroup(count, eqs, threshold='v > -20 * mV', refractory=3 * ms,
                          method='exponential_euler', name='neurons')
    neurons.v = 'El + (randn() * 5 - 5) * mV'
    neurons.ge = '(randn() * 1.5 + 4) * 10. * nS'
    neurons.gi = '(randn() * 12 + 20) * 10. * nS'
    ce = Synapses(neurons[:N_E], neurons, on_pre='ge_post += we', name='ce')
    ce.connect(p=0.02)
    ci = Synapses(neurons[N_E:], neurons, on_pre='gi_post += wi', name='ci')
    ci.connect(p=0.02)
    spikes = SpikeMonitor(neurons)

    watch = common.Stopwatch()
    run(args.duration_ms * ms, profile=args.profile)
    wall = watch.seconds()
    common.report_ei_run(args, 'cobahh', spikes, float(defaultclock.dt_), wall, count, N_E, int(len(ce) + len(ci)))


if __name__ == '__main__':
    main()
