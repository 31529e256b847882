package dev.soma.analysis;

/**
 * Hodgkin's classes of excitability, read from the onset of an f–I curve: type I neurons start
 * firing at an arbitrarily low rate (saddle-node on invariant circle: LIF, QIF, Morris–Lecar type I),
 * type II neurons jump from rest to a finite rate (Hopf: Hodgkin–Huxley, Morris–Lecar type II).
 */
public enum Excitability {
    /** Continuous onset: the rate rises from (near) zero. */
    TYPE_I,
    /** Discontinuous onset: the rate jumps to a finite value. */
    TYPE_II,
    /** The curve does not show an onset: silent, or firing, over the whole range of currents. */
    UNDETERMINED
}
