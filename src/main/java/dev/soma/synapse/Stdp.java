package dev.soma.synapse;

import java.util.Arrays;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Pair-based spike-timing-dependent plasticity with trace variables (Song, Miller &amp; Abbott
 * 2000, Nat. Neurosci. 3:919; Bi &amp; Poo 1998, J. Neurosci. 18:10464; van Rossum, Bi &amp;
 * Turrigiano 2000, J. Neurosci. 20:8812). For an isolated pair with Δt = t_post − t_pre the weight
 * changes by the window
 * <pre>
 *   W(Δt) =  A₊ e^(−Δt/τ₊)   for Δt ≥ 0  (pre before post: potentiation)
 *   W(Δt) = −A₋ e^( Δt/τ₋)   for Δt &lt; 0  (post before pre: depression)
 * </pre>
 * implemented with a presynaptic trace x (τ₊) and a postsynaptic trace y (τ₋), each decaying
 * exponentially and stepped by 1 at its own spikes (all-to-all pairing) or set to 1 (nearest
 * spike pairing). At a presynaptic spike w ← w − A₋·f₋(w)·y; at a postsynaptic spike
 * w ← w + A₊·f₊(w)·x, then w is kept in [w_min, w_max]:
 * <table>
 *   <caption>Weight dependence</caption>
 *   <tr><th>rule</th><th>f₊(w)</th><th>f₋(w)</th><th>A₊, A₋ in</th></tr>
 *   <tr><td>additive (hard bounds, Song et al. 2000)</td><td>1</td><td>1</td><td>weight units (e.g. µS)</td></tr>
 *   <tr><td>multiplicative (soft bounds, van Rossum et al. 2000)</td><td>w_max − w</td><td>w − w_min</td><td>1 (dimensionless)</td></tr>
 * </table>
 * For the multiplicative rule the isolated-pair change is W(Δt)·(w_max − w) resp. W(Δt)·(w − w_min).
 * Traces are updated event by event from the exact spike times (x(t) = x(t₀)·e^(−(t−t₀)/τ)), so
 * nothing depends on an integration step. Simultaneous pre and post spikes count as pre-before-post.
 *
 * <p>Used two ways: standalone ({@link #run}, {@link #history}) on given spike times, or on a
 * {@link Synapse} onto a neuron ({@code synapse.withStdp(rule)}), where the neuron's spikes are the
 * postsynaptic ones and Δt is measured at the synapse (presynaptic time plus delay, on the step grid).
 */
public final class Stdp {
    private final boolean multiplicative;
    private final double aPlus;
    private final double aMinus;
    private final double tauPlusMs;
    private final double tauMinusMs;
    private final double wMin;
    private final double wMax;
    private final boolean nearest;

    private Stdp(boolean multiplicative, double aPlus, double aMinus, double tauPlusMs, double tauMinusMs,
                 double wMin, double wMax, boolean nearest) {
        check("aPlus", aPlus, false);
        check("aMinus", aMinus, false);
        check("tauPlusMs", tauPlusMs, true);
        check("tauMinusMs", tauMinusMs, true);
        if (!Double.isFinite(wMin)) {
            throw new IllegalArgumentException("wMin = " + wMin + " must be a finite lower weight bound, e.g. 0");
        }
        if (!Double.isFinite(wMax) || !(wMax > wMin)) {
            throw new IllegalArgumentException("wMax = " + wMax + " must be finite and larger than wMin = " + wMin
                    + (wMax < wMin ? "; the bounds are reversed: swap them (wMin first, then wMax)" : "; give wMin < wMax, e.g. 0 and 1 * nS"));
        }
        this.multiplicative = multiplicative;
        this.aPlus = aPlus;
        this.aMinus = aMinus;
        this.tauPlusMs = tauPlusMs;
        this.tauMinusMs = tauMinusMs;
        this.wMin = wMin;
        this.wMax = wMax;
        this.nearest = nearest;
    }

    /**
     * Additive STDP with hard bounds: Δw = A₊e^(−Δt/τ₊) or −A₋e^(Δt/τ₋), then w clipped to [wMin, wMax].
     * {@code aPlus}, {@code aMinus}, {@code wMin}, {@code wMax} are in the synapse's weight unit.
     */
    public static Stdp additive(double aPlus, double aMinus, double tauPlusMs, double tauMinusMs, double wMin, double wMax) {
        return new Stdp(false, aPlus, aMinus, tauPlusMs, tauMinusMs, wMin, wMax, false);
    }

    /**
     * Multiplicative (soft-bound) STDP: Δw = A₊(wMax − w)e^(−Δt/τ₊) or −A₋(w − wMin)e^(Δt/τ₋);
     * {@code aPlus}, {@code aMinus} are dimensionless fractions.
     */
    public static Stdp multiplicative(double aPlus, double aMinus, double tauPlusMs, double tauMinusMs, double wMin, double wMax) {
        return new Stdp(true, aPlus, aMinus, tauPlusMs, tauMinusMs, wMin, wMax, false);
    }

    /**
     * Song, Miller &amp; Abbott (2000): additive, A₊ = 0.005·gMax, A₋ = 1.05·A₊, τ₊ = τ₋ = 20 ms, w in [0, gMax].
     */
    public static Stdp songMillerAbbott(double gMax) {
        if (!(gMax > 0) || Double.isInfinite(gMax)) {
            throw new IllegalArgumentException("gMax = " + gMax + " must be a finite number > 0: the largest weight, e.g. 0.01 (µS)");
        }
        return additive(0.005 * gMax, 0.00525 * gMax, 20, 20, 0, gMax);
    }

    /** This rule with nearest-spike pairing (traces reset to 1 at a spike instead of stepped by 1). */
    public Stdp nearestSpike() {
        return new Stdp(multiplicative, aPlus, aMinus, tauPlusMs, tauMinusMs, wMin, wMax, true);
    }

    /** The window W(Δt) for Δt = t_post − t_pre in ms (weight units for additive, a fraction for multiplicative). */
    public double window(double deltaTMs) {
        if (Double.isNaN(deltaTMs)) {
            throw new IllegalArgumentException("deltaTMs = NaN; give t_post − t_pre in ms");
        }
        return deltaTMs >= 0 ? aPlus * Math.exp(-deltaTMs / tauPlusMs) : -aMinus * Math.exp(deltaTMs / tauMinusMs);
    }

    /**
     * The window W(Δt) for Δt from −{@code maxAbsMs} to +{@code maxAbsMs} every {@code stepMs}, as a table
     * {@code Δt [ms]}, {@code W [unit]}; {@code unit} labels A₊ and A₋ (the weight unit for additive, "1" for multiplicative).
     */
    public Table windowTable(double maxAbsMs, double stepMs, String unit) {
        if (unit == null) {
            throw new IllegalArgumentException("unit = null; give the unit of the weights for the column title, e.g. \"nS\" or \"1\"");
        }
        double[] dt = Kernel.grid("maxAbsMs", -maxAbsMs, maxAbsMs, "stepMs", stepMs);
        double[] w = new double[dt.length];
        for (int i = 0; i < dt.length; i++) {
            w[i] = window(dt[i]);
        }
        return Table.create(toString(), DoubleColumn.create("Δt [ms]", dt), DoubleColumn.create("W [" + unit + "]", w));
    }

    /** The weight after the spikes of one presynaptic and one postsynaptic train (ms), starting from {@code w0}. */
    public double run(double w0, double[] preMs, double[] postMs) {
        double[] state = replay(w0, preMs, postMs, null, null);
        return state[W];
    }

    /**
     * The weight after every spike, as a table with columns {@code t [ms]}, {@code spike} ("pre" or "post")
     * and {@code w [unit]}, starting from {@code w0} in {@code weightUnit} (e.g. "µS").
     */
    public Table history(double w0, double[] preMs, double[] postMs, String weightUnit) {
        if (weightUnit == null) {
            throw new IllegalArgumentException("weightUnit = null; give the unit of the weights for the column title, e.g. \"nS\" or \"1\"");
        }
        int n = length("preMs", preMs) + length("postMs", postMs);
        double[] times = new double[n];
        double[] weights = new double[n];
        String[] kinds = new String[n];
        replay(w0, preMs, postMs, times, weights);
        int p = 0;
        int q = 0;
        for (int k = 0; k < n; k++) {
            boolean pre = q >= postMs.length || (p < preMs.length && preMs[p] <= postMs[q]);
            kinds[k] = pre ? "pre" : "post";
            if (pre) p++; else q++;
        }
        return Table.create("STDP", DoubleColumn.create("t [ms]", times), StringColumn.create("spike", kinds),
                DoubleColumn.create("w [" + weightUnit + "]", weights));
    }

    private double[] replay(double w0, double[] preMs, double[] postMs, double[] times, double[] weights) {
        checkTrain("preMs", preMs);
        checkTrain("postMs", postMs);
        checkWeight("w0", w0);
        double[] s = {w0, 0, 0, 0, 0};
        int p = 0;
        int q = 0;
        int k = 0;
        while (p < preMs.length || q < postMs.length) {
            double t;
            if (q >= postMs.length || (p < preMs.length && preMs[p] <= postMs[q])) {
                t = preMs[p++];
                onPre(t, s, W, XPRE, TPRE, XPOST, TPOST);
            } else {
                t = postMs[q++];
                onPost(t, s, W, XPRE, TPRE, XPOST, TPOST);
            }
            if (times != null) {
                times[k] = t;
                weights[k] = s[W];
            }
            k++;
        }
        return s;
    }

    private static final int W = 0;
    private static final int XPRE = 1;
    private static final int TPRE = 2;
    private static final int XPOST = 3;
    private static final int TPOST = 4;

    /** A presynaptic spike at {@code t}: depression by the postsynaptic trace, then the presynaptic trace steps. */
    void onPre(double t, double[] y, int w, int xPre, int tPre, int xPost, int tPost) {
        double post = y[xPost] * Math.exp(-(t - y[tPost]) / tauMinusMs);
        double weight = y[w];
        double change = multiplicative ? aMinus * (weight - wMin) * post : aMinus * post;
        y[w] = clip(weight - change);
        double pre = y[xPre] * Math.exp(-(t - y[tPre]) / tauPlusMs);
        y[xPre] = nearest ? 1 : pre + 1;
        y[tPre] = t;
    }

    /** A postsynaptic spike at {@code t}: potentiation by the presynaptic trace (weight only). */
    void potentiate(double t, double[] y, int w, int xPre, int tPre) {
        double pre = y[xPre] * Math.exp(-(t - y[tPre]) / tauPlusMs);
        double weight = y[w];
        double change = multiplicative ? aPlus * (wMax - weight) * pre : aPlus * pre;
        y[w] = clip(weight + change);
    }

    /** A postsynaptic spike at {@code t}: the postsynaptic trace steps. */
    void postTrace(double t, double[] y, int xPost, int tPost) {
        double post = y[xPost] * Math.exp(-(t - y[tPost]) / tauMinusMs);
        y[xPost] = nearest ? 1 : post + 1;
        y[tPost] = t;
    }

    private void onPost(double t, double[] y, int w, int xPre, int tPre, int xPost, int tPost) {
        potentiate(t, y, w, xPre, tPre);
        postTrace(t, y, xPost, tPost);
    }

    private double clip(double w) {
        return w < wMin ? wMin : (w > wMax ? wMax : w);
    }

    void checkWeight(String name, double w) {
        if (!(w >= wMin && w <= wMax)) {
            throw new IllegalArgumentException(name + " = " + w + " is outside the STDP weight bounds [" + wMin + ", " + wMax
                    + "]; start inside them or widen wMin/wMax");
        }
    }

    /** The lower weight bound. */
    public double wMin() {
        return wMin;
    }

    /** The upper weight bound. */
    public double wMax() {
        return wMax;
    }

    /** Whether the rule is multiplicative (soft bounds). */
    public boolean isMultiplicative() {
        return multiplicative;
    }

    /** Whether traces are set to 1 at a spike (nearest-spike pairing) rather than stepped by 1 (all-to-all). */
    public boolean isNearestSpike() {
        return nearest;
    }

    /** A₊: the potentiation amplitude (weight units for additive, a fraction for multiplicative). */
    public double aPlus() {
        return aPlus;
    }

    /** A₋: the depression amplitude (weight units for additive, a fraction for multiplicative). */
    public double aMinus() {
        return aMinus;
    }

    /** τ₊ in ms: the decay of the presynaptic trace. */
    public double tauPlusMs() {
        return tauPlusMs;
    }

    /** τ₋ in ms: the decay of the postsynaptic trace. */
    public double tauMinusMs() {
        return tauMinusMs;
    }

    private static int length(String name, double[] train) {
        checkTrain(name, train);
        return train.length;
    }

    private static void checkTrain(String name, double[] train) {
        if (train == null) {
            throw new IllegalArgumentException(name + " = null; pass spike times in ms (an empty array for none)");
        }
        for (int i = 0; i < train.length; i++) {
            if (!Double.isFinite(train[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + train[i] + " is not a finite time in ms");
            }
            if (i > 0 && train[i] < train[i - 1]) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + train[i] + " is before " + name + "[" + (i - 1)
                        + "]; sort the spike times (e.g. Arrays.sort)");
            }
        }
    }

    private static void check(String name, double value, boolean positive) {
        boolean ok = positive ? value > 0 : value >= 0;
        if (!ok || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " must be finite and " + (positive ? "> 0" : "≥ 0")
                    + (name.startsWith("tau") ? " (ms), e.g. 20" : ", e.g. 0.005"));
        }
    }

    /** E.g. {@code additive STDP: A₊ = 0.005, A₋ = 0.00525, τ₊ = 20 ms, τ₋ = 20 ms, w ∈ [0, 1]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s STDP%s: A₊ = %s, A₋ = %s, τ₊ = %s ms, τ₋ = %s ms, w ∈ [%s, %s]",
                multiplicative ? "multiplicative" : "additive", nearest ? " (nearest spike)" : "",
                Kernel.num(aPlus), Kernel.num(aMinus), Kernel.num(tauPlusMs), Kernel.num(tauMinusMs), Kernel.num(wMin), Kernel.num(wMax));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stdp s && s.multiplicative == multiplicative && s.nearest == nearest
                && Arrays.equals(new double[] {aPlus, aMinus, tauPlusMs, tauMinusMs, wMin, wMax},
                        new double[] {s.aPlus, s.aMinus, s.tauPlusMs, s.tauMinusMs, s.wMin, s.wMax});
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {aPlus, aMinus, tauPlusMs, tauMinusMs, wMin, wMax}) * 2 + (multiplicative ? 1 : 0);
    }
}
