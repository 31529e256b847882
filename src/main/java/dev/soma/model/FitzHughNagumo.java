package dev.soma.model;

/**
 * The FitzHugh–Nagumo model (FitzHugh 1961; Nagumo, Arimoto &amp; Yoshizawa 1962): a two-variable
 * reduction of Hodgkin–Huxley, a fast cubic "voltage" v and a slow linear recovery w. Its phase
 * plane is the textbook picture of excitability and of the Hopf bifurcation.
 *
 * <pre>
 *   dv/dt = v − v³/3 − w + I
 *   dw/dt = ε (v + a − b w)
 * </pre>
 * Dimensionless as published: v, w and I have no unit and one time unit is read as 1 ms. A
 * spike is an upward crossing of v = 1 (the excursion of an action potential reaches v ≈ 2).
 *
 * <table>
 *   <caption>Parameters (defaults: FitzHugh 1961)</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>a</td><td>0.7</td><td>1</td><td>offset of the w-nullcline</td></tr>
 *   <tr><td>b</td><td>0.8</td><td>1</td><td>slope (inverse) of the w-nullcline</td></tr>
 *   <tr><td>epsilon</td><td>0.08</td><td>1/ms</td><td>time-scale ratio ε (recovery is slow: 1/ε = 12.5)</td></tr>
 * </table>
 *
 * <p>State: {@code V} (1; FitzHugh writes v: a dimensionless membrane potential), {@code w} (1). Start: the fixed point at I = 0,
 * v ≈ −1.19941, w ≈ −0.62426. The fixed point v* solves v − v³/3 − (v + a)/b + I = 0 and is
 * unstable exactly when 1 − v*² − ε b &gt; 0: for the defaults, 0.3313 &lt; I &lt; 1.4187
 * (Hopf bifurcations at v* = ∓√(1 − ε b)), where the model oscillates on a limit cycle.
 *
 * <p>References: R. FitzHugh (1961), "Impulses and physiological states in theoretical models of
 * nerve membrane", Biophys. J. 1:445–466; J. Nagumo, S. Arimoto, S. Yoshizawa (1962), Proc. IRE
 * 50:2061–2070; E. M. Izhikevich, <i>Dynamical Systems in Neuroscience</i> (2007), ch. 4.
 */
public record FitzHughNagumo(String name, double a, double b, double epsilon) implements NeuronModel {

    /** Validates every parameter. */
    public FitzHughNagumo {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name = \"" + name + "\" is empty; give the model a short name");
        }
        Check.finite("a", a, "1");
        Check.finite("b", b, "1");
        if (b == 0) {
            throw new IllegalArgumentException("b = 0: the recovery variable would have no fixed point (w* = (V* + a)/b); "
                    + "give a slope b ≠ 0, e.g. 0.8");
        }
        Check.positive("epsilon", epsilon, "1/ms, the inverse recovery time constant");
    }

    /** FitzHugh's 1961 parameters (a, b, ε) = (0.7, 0.8, 0.08). */
    public static FitzHughNagumo defaults() {
        return new FitzHughNagumo("FitzHugh–Nagumo", 0.7, 0.8, 0.08);
    }

    /** A copy with another name. */
    public FitzHughNagumo withName(String v) {
        return new FitzHughNagumo(v, a, b, epsilon);
    }

    /** A copy with offset a. */
    public FitzHughNagumo withA(double v) {
        return new FitzHughNagumo(name, v, b, epsilon);
    }

    /** A copy with slope b. */
    public FitzHughNagumo withB(double v) {
        return new FitzHughNagumo(name, a, v, epsilon);
    }

    /** A copy with time-scale ratio ε (1/ms). */
    public FitzHughNagumo withEpsilon(double v) {
        return new FitzHughNagumo(name, a, b, v);
    }

    @Override
    public String[] stateNames() {
        return new String[] {"V", "w"};
    }

    @Override
    public String[] stateUnits() {
        return new String[] {"1", "1"};
    }

    @Override
    public int voltageIndex() {
        return 0;
    }

    @Override
    public String inputUnit() {
        return "1";
    }

    /** 1: the input is in the units of dv/dt. */
    @Override
    public double inputGain() {
        return 1.0;
    }

    /** The fixed point at I = 0, found by bisection on the cubic (unique when b &lt; 1). */
    @Override
    public double[] restingState() {
        double v = fixedPointV(0.0);
        return new double[] {v, (v + a) / b};
    }

    /**
     * The lowest v where v − v³/3 − (v + a)/b + I = 0 (the fixed point's voltage for input I;
     * unique for the defaults, where the cubic is monotone).
     */
    public double fixedPointV(double input) {
        if (!Double.isFinite(input)) {
            throw new IllegalArgumentException("input = " + input + " is not finite; give the constant input I (dimensionless)");
        }
        // g(v) = v − v³/3 − (v + a)/b + I falls to −∞ as v → ∞; scan up from far below for the first sign change.
        double lo = -10.0;
        double glo = g(lo, input);
        for (double hi = lo + 0.01; hi <= 10.0; hi += 0.01) {
            double ghi = g(hi, input);
            if (glo == 0) {
                return lo;
            }
            if ((glo > 0) != (ghi > 0)) {
                double l = lo;
                double h = hi;
                for (int i = 0; i < 200 && h - l > 1e-15; i++) {
                    double m = 0.5 * (l + h);
                    if ((g(m, input) > 0) == (glo > 0)) l = m; else h = m;
                }
                return 0.5 * (l + h);
            }
            lo = hi;
            glo = ghi;
        }
        throw new IllegalStateException("no fixed point of " + name + " in v ∈ [−10, 10] for input = " + input
                + " with a = " + a + ", b = " + b + "; give parameters of the order of the defaults (a = 0.7, b = 0.8)");
    }

    private double g(double v, double input) {
        return v - v * v * v / 3.0 - (v + a) / b + input;
    }

    @Override
    public void derivatives(double t, double[] y, double input, double[] dydt) {
        double v = y[0];
        dydt[0] = v - v * v * v / 3.0 - y[1] + input;
        dydt[1] = epsilon * (v + a - b * y[1]);
    }

    @Override
    public SpikeRule spikeRule() {
        // A dead time shorter than the fastest period (~36) keeps noise at the crossing from counting twice.
        return new SpikeRule(1.0, false, 5.0);
    }

    @Override
    public double defaultDtMs() {
        return 0.01;
    }
}
