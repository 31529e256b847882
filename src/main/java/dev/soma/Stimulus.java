package dev.soma;

import dev.soma.stimulus.Current;
import dev.soma.stimulus.Currents;

/**
 * Injected currents for a notebook cell: {@code Stimulus.step(10 * uA_per_cm2, 10 * ms, 110 * ms)}.
 *
 * <p>Amplitudes are in the receiving model's input unit — µA/cm² for membrane patches
 * (Hodgkin–Huxley), nA for point neurons (LIF, AdEx: write {@code 200 * pA}); times in ms;
 * frequencies in Soma's rate unit (write {@code 10 * Hz}). Currents add with {@code a.plus(b)} or
 * {@link #sum}.
 *
 * <p>Steps, pulses and ramps know the times at which they switch; every integration method steps
 * exactly to those times, so a switch-on is never felt early and each method keeps its order of
 * accuracy ({@link Current#nextBreakpoint}).
 */
public final class Stimulus {
    private Stimulus() {}

    /** A constant current. */
    public static Current constant(double amplitude) {
        return Currents.constant(amplitude);
    }

    /** {@code amplitude} from {@code startMs} (inclusive) to {@code stopMs} (exclusive), zero otherwise. */
    public static Current step(double amplitude, double startMs, double stopMs) {
        return Currents.step(amplitude, startMs, stopMs);
    }

    /** A linear ramp from {@code from} to {@code to} between {@code startMs} and {@code stopMs}. */
    public static Current ramp(double from, double to, double startMs, double stopMs) {
        return Currents.ramp(from, to, startMs, stopMs);
    }

    /** {@code count} rectangular pulses of {@code widthMs}, one every {@code periodMs}, from {@code startMs}. */
    public static Current pulses(double amplitude, double widthMs, double periodMs, double startMs, int count) {
        return Currents.pulses(amplitude, widthMs, periodMs, startMs, count);
    }

    /** A single rectangular pulse of {@code widthMs} starting at {@code startMs}. */
    public static Current pulse(double amplitude, double startMs, double widthMs) {
        return Currents.pulse(amplitude, startMs, widthMs);
    }

    /** {@code offset + amplitude · sin(2π f t)}; write the frequency as {@code 10 * Hz}. */
    public static Current sine(double amplitude, double frequency, double offset) {
        return Currents.sine(amplitude, frequency, offset);
    }

    /** The sum of several currents. */
    public static Current sum(Current... parts) {
        return Currents.sum(parts);
    }

    /**
     * Ornstein–Uhlenbeck noise with mean {@code mean}, standard deviation {@code sigma} and correlation
     * time {@code tauMs}, on a 0.01 ms grid (held within a grid cell), its path fixed by {@code seed}.
     * The path is recomputed from the seed as it is read, not stored: a run of any length needs a few MB.
     */
    public static Current noise(double mean, double sigma, double tauMs, long seed) {
        return Currents.noise(mean, sigma, tauMs, seed, 0.01);
    }

    /** Ornstein–Uhlenbeck noise sampled on a grid of {@code gridMs} (match it to the simulation step). */
    public static Current noise(double mean, double sigma, double tauMs, long seed, double gridMs) {
        return Currents.noise(mean, sigma, tauMs, seed, gridMs);
    }
}
