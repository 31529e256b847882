package dev.soma.synapse;

import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The time course of a synapse after one presynaptic event, normalised to a peak of 1, and the
 * linear ODEs that produce it (so the engine integrates it with the neuron, and events simply
 * add to a state variable).
 *
 * <table>
 *   <caption>Kernels, s = time since the event (ms)</caption>
 *   <tr><th>kernel</th><th>k(s), peak 1</th><th>state equations (event adds w to the last-named variable)</th></tr>
 *   <tr><td>exponential(τ)</td><td>e^(−s/τ)</td><td>dg/dt = −g/τ; g += w</td></tr>
 *   <tr><td>alpha(τ)</td><td>(s/τ)·e^(1 − s/τ), peak at s = τ</td>
 *       <td>dz/dt = −z/τ, dg/dt = (e·z − g)/τ; z += w</td></tr>
 *   <tr><td>biexponential(τ_r, τ_d)</td><td>f·(e^(−s/τ_d) − e^(−s/τ_r)), peak at
 *       ŝ = τ_r τ_d ln(τ_d/τ_r)/(τ_d − τ_r), f = 1/(e^(−ŝ/τ_d) − e^(−ŝ/τ_r))</td>
 *       <td>dx/dt = −x/τ_r, dg/dt = (x − g)/τ_d; x += w·f·(τ_d − τ_r)/τ_r</td></tr>
 * </table>
 * The first state variable is always g, the kernel's value (a conductance, or a current for
 * current-based synapses). τ_r is the time constant of the rising exponential, not a 10–90 % rise
 * time. References: Rall (1967) J. Neurophysiol. 30:1138 for the alpha function; Destexhe,
 * Mainen &amp; Sejnowski (1994) J. Comput. Neurosci. 1:195 for kinetic and bi-exponential forms.
 */
public final class Kernel {
    enum Shape { EXPONENTIAL, ALPHA, BIEXPONENTIAL }

    private final Shape shape;
    private final double tauMs;
    private final double riseMs;
    private final double peakNorm;   // f for the bi-exponential
    private final double eventScale; // what an event of weight 1 adds to the driving variable

    private Kernel(Shape shape, double tauMs, double riseMs) {
        this.shape = shape;
        this.tauMs = tauMs;
        this.riseMs = riseMs;
        if (shape == Shape.BIEXPONENTIAL) {
            double peak = peakTime(riseMs, tauMs);
            this.peakNorm = 1.0 / (Math.exp(-peak / tauMs) - Math.exp(-peak / riseMs));
            this.eventScale = peakNorm * (tauMs - riseMs) / riseMs;
        } else {
            this.peakNorm = 1.0;
            this.eventScale = 1.0;
        }
    }

    /** A single exponential decay with time constant {@code tauMs} (ms): an instantaneous rise. */
    public static Kernel exponential(double tauMs) {
        checkTau("tauMs", tauMs);
        return new Kernel(Shape.EXPONENTIAL, tauMs, 0);
    }

    /** An alpha function with time constant {@code tauMs} (ms), peaking at s = τ. */
    public static Kernel alpha(double tauMs) {
        checkTau("tauMs", tauMs);
        return new Kernel(Shape.ALPHA, tauMs, 0);
    }

    /**
     * A difference of exponentials with rise and decay time constants in ms ({@code riseMs < decayMs});
     * for equal time constants use {@link #alpha(double)}, the limit.
     */
    public static Kernel biexponential(double riseMs, double decayMs) {
        checkTau("riseMs", riseMs);
        checkTau("decayMs", decayMs);
        if (!(riseMs < decayMs)) {
            throw new IllegalArgumentException("riseMs = " + riseMs + " must be smaller than decayMs = " + decayMs
                    + "; for equal time constants use Kernel.alpha(tauMs)");
        }
        return new Kernel(Shape.BIEXPONENTIAL, decayMs, riseMs);
    }

    /** The kernel value k(s) at {@code sMs} ms after an event (0 before it), peak 1. */
    public double at(double sMs) {
        if (sMs < 0) {
            return 0;
        }
        return switch (shape) {
            case EXPONENTIAL -> Math.exp(-sMs / tauMs);
            case ALPHA -> sMs / tauMs * Math.exp(1 - sMs / tauMs);
            case BIEXPONENTIAL -> peakNorm * (Math.exp(-sMs / tauMs) - Math.exp(-sMs / riseMs));
        };
    }

    /** The time of the peak after an event, in ms (0 for the exponential). */
    public double peakTimeMs() {
        return switch (shape) {
            case EXPONENTIAL -> 0;
            case ALPHA -> tauMs;
            case BIEXPONENTIAL -> peakTime(riseMs, tauMs);
        };
    }

    /** The decay time constant in ms (τ for exponential and alpha, τ_d for the bi-exponential). */
    public double decayMs() {
        return tauMs;
    }

    /** The rise time constant in ms (τ for alpha, τ_r for the bi-exponential, 0 for the exponential). */
    public double riseMs() {
        return shape == Shape.ALPHA ? tauMs : riseMs;
    }

    /** This kernel's shape with a new decay time constant (ms); for the bi-exponential the rise is kept. */
    public Kernel withDecayMs(double decayMs) {
        return switch (shape) {
            case EXPONENTIAL -> exponential(decayMs);
            case ALPHA -> alpha(decayMs);
            case BIEXPONENTIAL -> biexponential(riseMs, decayMs);
        };
    }

    /** The integral ∫k(s) ds in ms (the charge of a current kernel of peak 1). */
    public double areaMs() {
        return switch (shape) {
            case EXPONENTIAL -> tauMs;
            case ALPHA -> Math.E * tauMs;
            case BIEXPONENTIAL -> peakNorm * (tauMs - riseMs);
        };
    }

    /** What an event of weight 1 adds to the driving variable. */
    double eventScale() {
        return eventScale;
    }

    int size() {
        return shape == Shape.EXPONENTIAL ? 1 : 2;
    }

    String auxName() {
        return shape == Shape.ALPHA ? "z" : "x";
    }

    void addEvent(double[] y, int off, double weight) {
        if (shape == Shape.EXPONENTIAL) {
            y[off] += weight;
        } else {
            y[off + 1] += weight * eventScale;
        }
    }

    void derivatives(double[] y, int off, double[] dydt) {
        switch (shape) {
            case EXPONENTIAL -> dydt[off] = -y[off] / tauMs;
            case ALPHA -> {
                dydt[off] = (Math.E * y[off + 1] - y[off]) / tauMs;
                dydt[off + 1] = -y[off + 1] / tauMs;
            }
            case BIEXPONENTIAL -> {
                dydt[off] = (y[off + 1] - y[off]) / tauMs;
                dydt[off + 1] = -y[off + 1] / riseMs;
            }
        }
    }

    void linearParts(double[] y, int off, double[] a, double[] b) {
        switch (shape) {
            case EXPONENTIAL -> {
                a[off] = 0;
                b[off] = -1 / tauMs;
            }
            case ALPHA -> {
                a[off] = Math.E * y[off + 1] / tauMs;
                b[off] = -1 / tauMs;
                a[off + 1] = 0;
                b[off + 1] = -1 / tauMs;
            }
            case BIEXPONENTIAL -> {
                a[off] = y[off + 1] / tauMs;
                b[off] = -1 / tauMs;
                a[off + 1] = 0;
                b[off + 1] = -1 / riseMs;
            }
        }
    }

    private static double peakTime(double rise, double decay) {
        return rise * decay * Math.log(decay / rise) / (decay - rise);
    }

    private static void checkTau(String name, double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException(name + " = " + tau + " must be a finite time constant > 0 in ms, e.g. 5");
        }
    }

    /** The kernel over [0, {@code durationMs}] every {@code stepMs}, as a table {@code s [ms]}, {@code k [1]} (peak 1), for plots. */
    public Table table(double durationMs, double stepMs) {
        double[] s = grid("durationMs", 0, durationMs, "stepMs", stepMs);
        double[] k = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            k[i] = at(s[i]);
        }
        return Table.create(toString(), DoubleColumn.create("s [ms]", s), DoubleColumn.create("k [1]", k));
    }

    /** Grid points from {@code from} to {@code to} inclusive in steps of {@code step}, checked. */
    static double[] grid(String name, double from, double to, String stepName, double step) {
        if (!Double.isFinite(from) || !Double.isFinite(to) || !(to >= from)) {
            throw new IllegalArgumentException(name + ": the range [" + from + ", " + to + "] must be finite and ordered");
        }
        if (!(step > 0) || Double.isInfinite(step) || (to - from) / step > 1e6) {
            throw new IllegalArgumentException(stepName + " = " + step + " must be > 0 and give at most a million points over "
                    + name + " [" + from + ", " + to + "]");
        }
        int n = (int) Math.floor((to - from) / step + 1e-9) + 1;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + i * step;
        }
        return x;
    }

    /** E.g. {@code alpha(τ = 2 ms)}. */
    @Override
    public String toString() {
        return switch (shape) {
            case EXPONENTIAL -> String.format(Locale.ROOT, "exponential(τ = %s ms)", num(tauMs));
            case ALPHA -> String.format(Locale.ROOT, "alpha(τ = %s ms)", num(tauMs));
            case BIEXPONENTIAL -> String.format(Locale.ROOT, "biexponential(τ_rise = %s ms, τ_decay = %s ms)", num(riseMs), num(tauMs));
        };
    }

    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
