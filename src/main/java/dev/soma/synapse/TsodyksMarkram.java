package dev.soma.synapse;

import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Short-term depression and facilitation (Tsodyks &amp; Markram 1997, PNAS 94:719; Markram, Wang
 * &amp; Tsodyks 1998, PNAS 95:5323; Tsodyks, Pawelzik &amp; Markram 1998, Neural Comput. 10:821).
 * A synapse has a fraction R of available resources (recovering to 1 with τ_rec) and a utilisation
 * u (decaying to 0 with τ_facil):
 * <pre>
 *   dR/dt = (1 − R)/τ_rec,   du/dt = −u/τ_facil                 between spikes
 *   at a spike:  u ← u + U(1 − u);  release = u·R;  R ← R − u·R
 * </pre>
 * Each event's amplitude is weight × release, so the first spike of a train releases U·weight.
 * Without facilitation ({@code tauFacilMs = 0}) u = U at every spike: pure depression. For a
 * regular train of period T the values just after the u-step and just before release converge to
 * <pre>
 *   u* = U / (1 − (1 − U) e^(−T/τ_facil)),   R* = (1 − e^(−T/τ_rec)) / (1 − (1 − u*) e^(−T/τ_rec))
 * </pre>
 * and the steady-state release is u*·R*. Between spikes the equations are solved exactly
 * ({@link #efficacies}); on a {@link Synapse} u and R are state variables the engine integrates
 * (exactly with exponential Euler), updated at each arriving event.
 */
public final class TsodyksMarkram {
    private final double u;
    private final double tauRecMs;
    private final double tauFacilMs;

    private TsodyksMarkram(double u, double tauRecMs, double tauFacilMs) {
        if (!(u > 0 && u <= 1)) {
            throw new IllegalArgumentException("U = " + u + " must be a release fraction in (0, 1], e.g. 0.5");
        }
        if (!(tauRecMs > 0) || Double.isInfinite(tauRecMs)) {
            throw new IllegalArgumentException("tauRecMs = " + tauRecMs + " must be a finite recovery time constant > 0 in ms, e.g. 800");
        }
        if (!(tauFacilMs >= 0) || Double.isInfinite(tauFacilMs)) {
            throw new IllegalArgumentException("tauFacilMs = " + tauFacilMs
                    + " must be a finite facilitation time constant ≥ 0 in ms (0 = no facilitation), e.g. 1000");
        }
        this.u = u;
        this.tauRecMs = tauRecMs;
        this.tauFacilMs = tauFacilMs;
    }

    /** The model with release fraction {@code U}, recovery {@code tauRecMs} and facilitation {@code tauFacilMs} (0 = none), in ms. */
    public static TsodyksMarkram of(double U, double tauRecMs, double tauFacilMs) {
        return new TsodyksMarkram(U, tauRecMs, tauFacilMs);
    }

    /** Pure depression (Tsodyks &amp; Markram 1997): release fraction {@code U}, recovery {@code tauRecMs}. */
    public static TsodyksMarkram depressing(double U, double tauRecMs) {
        return new TsodyksMarkram(U, tauRecMs, 0);
    }

    /** The release fraction U. */
    public double releaseFraction() {
        return u;
    }

    /** τ_rec in ms. */
    public double tauRecMs() {
        return tauRecMs;
    }

    /** τ_facil in ms (0 = no facilitation). */
    public double tauFacilMs() {
        return tauFacilMs;
    }

    /** The release u·R at each spike of a sorted train (ms), from a rested synapse (u = 0, R = 1); exact. */
    public double[] efficacies(double[] spikeTimesMs) {
        if (spikeTimesMs == null) {
            throw new IllegalArgumentException("spikeTimesMs = null; pass spike times in ms");
        }
        double[] release = new double[spikeTimesMs.length];
        double[] y = {0, 1};
        double last = 0;
        for (int k = 0; k < spikeTimesMs.length; k++) {
            double t = spikeTimesMs[k];
            if (!Double.isFinite(t) || (k > 0 && t < last)) {
                throw new IllegalArgumentException("spikeTimesMs[" + k + "] = " + t + " must be finite and not before the previous spike");
            }
            double gap = k == 0 ? Double.POSITIVE_INFINITY : t - last;
            y[0] = tauFacilMs > 0 ? y[0] * Math.exp(-gap / tauFacilMs) : 0;
            y[1] = 1 - (1 - y[1]) * Math.exp(-gap / tauRecMs);
            release[k] = release(y, 0, 1);
            last = t;
        }
        return release;
    }

    /** The release at each spike of a sorted train (ms), as a table {@code t [ms]}, {@code release [1]}, for plots. */
    public Table table(double[] spikeTimesMs) {
        double[] release = efficacies(spikeTimesMs);
        return Table.create(toString(), DoubleColumn.create("t [ms]", spikeTimesMs.clone()), DoubleColumn.create("release [1]", release));
    }

    /** u* for a regular train of period {@code periodMs} (value just after the u-step). */
    public double steadyStateU(double periodMs) {
        checkPeriod(periodMs);
        return tauFacilMs > 0 ? u / (1 - (1 - u) * Math.exp(-periodMs / tauFacilMs)) : u;
    }

    /** R* for a regular train of period {@code periodMs} (value just before release). */
    public double steadyStateR(double periodMs) {
        double uStar = steadyStateU(periodMs);
        double decay = Math.exp(-periodMs / tauRecMs);
        return (1 - decay) / (1 - (1 - uStar) * decay);
    }

    /** The steady-state release u*·R* for a regular train of period {@code periodMs}. */
    public double steadyStateEfficacy(double periodMs) {
        return steadyStateU(periodMs) * steadyStateR(periodMs);
    }

    /** Applies a spike to u at {@code y[ui]} and R at {@code y[ri]} and returns the release u·R. */
    double release(double[] y, int ui, int ri) {
        double uNow = tauFacilMs > 0 ? y[ui] + u * (1 - y[ui]) : u;
        y[ui] = uNow;
        double released = uNow * y[ri];
        y[ri] -= released;
        return released;
    }

    /** Start values: u (0 with facilitation, U without), R = 1. */
    double initialU() {
        return tauFacilMs > 0 ? 0 : u;
    }

    void derivatives(double[] y, int ui, int ri, double[] dydt) {
        dydt[ui] = tauFacilMs > 0 ? -y[ui] / tauFacilMs : 0;
        dydt[ri] = (1 - y[ri]) / tauRecMs;
    }

    void linearParts(int ui, int ri, double[] a, double[] b) {
        a[ui] = 0;
        b[ui] = tauFacilMs > 0 ? -1 / tauFacilMs : 0;
        a[ri] = 1 / tauRecMs;
        b[ri] = -1 / tauRecMs;
    }

    private static void checkPeriod(double periodMs) {
        if (!(periodMs > 0) || Double.isInfinite(periodMs)) {
            throw new IllegalArgumentException("periodMs = " + periodMs + " must be a finite period > 0 in ms");
        }
    }

    /** E.g. {@code Tsodyks–Markram(U = 0.5, τ_rec = 800 ms, τ_facil = 0 ms)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Tsodyks–Markram(U = %s, τ_rec = %s ms, τ_facil = %s ms)",
                Kernel.num(u), Kernel.num(tauRecMs), Kernel.num(tauFacilMs));
    }
}
