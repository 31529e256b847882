package dev.soma.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simple spiking model of Izhikevich (2003): a quadratic membrane with one recovery variable,
 * which with four parameters reproduces the firing of many cortical and thalamic cell classes.
 *
 * <pre>
 *   dv/dt = 0.04 v² + 5 v + 140 − u + I
 *   du/dt = a (b v − u)
 *   when v reaches v_peak (30):  v ← c,  u ← u + d
 * </pre>
 * Time is in ms and v in mV, as published; u and the input I are dimensionless (the published
 * scale, in which I = 10 drives a regular-spiking cell at about 20–40 Hz).
 *
 * <table>
 *   <caption>Parameters (defaults: regular spiking, RS)</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>a</td><td>0.02</td><td>1/ms</td><td>recovery rate of u</td></tr>
 *   <tr><td>b</td><td>0.2</td><td>1</td><td>sensitivity of u to subthreshold v</td></tr>
 *   <tr><td>c</td><td>-65</td><td>mV</td><td>reset of v after a spike</td></tr>
 *   <tr><td>d</td><td>8</td><td>1</td><td>jump of u after a spike</td></tr>
 *   <tr><td>peakMv</td><td>30</td><td>mV</td><td>spike cut-off (the spike time is its crossing)</td></tr>
 * </table>
 *
 * <p>State: {@code V} (mV; the paper writes v), {@code u} (1). Start: V = −65, u = b V (as in the paper's code).
 *
 * <p>Presets ({@link #preset(String)}), from Izhikevich 2003, Fig. 2, with (a, b, c, d):
 * RS regular spiking (0.02, 0.2, −65, 8); IB intrinsically bursting (0.02, 0.2, −55, 4);
 * CH chattering (0.02, 0.2, −50, 2); FS fast spiking (0.1, 0.2, −65, 2); LTS low-threshold spiking
 * (0.02, 0.25, −65, 2); TC thalamo-cortical (0.02, 0.25, −65, 0.05); RZ resonator (0.1, 0.26, −65, 2).
 * {@link #presetInput(String)} gives a constant input that shows the pattern (10 for RS, IB, CH,
 * FS and LTS; 2 for TC, which fires tonically near 50 Hz when depolarised from rest). TC and RZ
 * need more: TC fires a rebound burst when released from hyperpolarisation (e.g. I = −10 for
 * 200 ms, then 0); RZ rests on a stable focus at v = −62.5 mV, so a brief pulse leaves damped
 * subthreshold oscillations near 24 Hz (its resonance; the fixed point's eigenvalues are
 * −0.05 ± 0.153i per ms), and its preset input is 0. Note that the paper's start (v = −65,
 * u = b v) is not RZ's rest: started there, RZ fires once; start it from (−62.5, −16.25).
 *
 * <p>Reference: E. M. Izhikevich (2003), "Simple model of spiking neurons", IEEE Trans. Neural
 * Netw. 14:1569–1572.
 *
 * <p>Numerics: the paper integrates with two Euler half-steps of 0.5 ms and detects v ≥ 30 on the
 * grid; Soma locates the crossing inside the step, so spike times are those of the exact
 * solution (within 0.05 ms at the default step of 0.01 ms with RK4).
 */
public record Izhikevich(String name, double a, double b, double c, double d, double peakMv) implements NeuronModel {

    private static final Map<String, Izhikevich> PRESETS = new LinkedHashMap<>();
    private static final Map<String, Double> INPUTS = new LinkedHashMap<>();

    static {
        add("RS", "regular spiking", 0.02, 0.2, -65, 8, 10);
        add("IB", "intrinsically bursting", 0.02, 0.2, -55, 4, 10);
        add("CH", "chattering", 0.02, 0.2, -50, 2, 10);
        add("FS", "fast spiking", 0.1, 0.2, -65, 2, 10);
        add("LTS", "low-threshold spiking", 0.02, 0.25, -65, 2, 10);
        add("TC", "thalamo-cortical", 0.02, 0.25, -65, 0.05, 2);
        add("RZ", "resonator", 0.1, 0.26, -65, 2, 0);
    }

    private static void add(String key, String what, double a, double b, double c, double d, double input) {
        PRESETS.put(key, new Izhikevich("Izhikevich " + key + " (" + what + ")", a, b, c, d, 30));
        INPUTS.put(key, input);
    }

    /** Validates every parameter. */
    public Izhikevich {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name = \"" + name + "\" is empty; give the model a short name");
        }
        Check.positive("a", a, "1/ms, the recovery rate");
        Check.finite("b", b, "1");
        Check.finite("c", c, "mV");
        Check.finite("d", d, "1");
        Check.finite("peakMv", peakMv, "mV");
        if (!(c < peakMv)) {
            throw new IllegalArgumentException("c = " + c + " must be below peakMv = " + peakMv + "; lower the reset c");
        }
    }

    /** Regular spiking (RS), the defaults of the table above. */
    public static Izhikevich defaults() {
        return PRESETS.get("RS");
    }

    /**
     * A cell class of Izhikevich 2003 by name: RS, IB, CH, FS, LTS, TC, RZ (case ignored).
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the valid ones
     */
    public static Izhikevich preset(String type) {
        return Check.preset("Izhikevich", PRESETS, type);
    }

    /** A constant input (dimensionless) that shows the preset's pattern; see the class comment for TC and RZ. */
    public static double presetInput(String type) {
        return Check.preset("Izhikevich", INPUTS, type);
    }

    /** The preset names: RS, IB, CH, FS, LTS, TC, RZ. */
    public static String[] presetNames() {
        return PRESETS.keySet().toArray(new String[0]);
    }

    /** A copy with another name. */
    public Izhikevich withName(String v) {
        return new Izhikevich(v, a, b, c, d, peakMv);
    }

    /** A copy with recovery rate a (1/ms). */
    public Izhikevich withA(double v) {
        return new Izhikevich(name, v, b, c, d, peakMv);
    }

    /** A copy with sensitivity b. */
    public Izhikevich withB(double v) {
        return new Izhikevich(name, a, v, c, d, peakMv);
    }

    /** A copy with reset c (mV). */
    public Izhikevich withC(double v) {
        return new Izhikevich(name, a, b, v, d, peakMv);
    }

    /** A copy with recovery jump d. */
    public Izhikevich withD(double v) {
        return new Izhikevich(name, a, b, c, v, peakMv);
    }

    /** A copy with spike cut-off (mV). */
    public Izhikevich withPeakMv(double v) {
        return new Izhikevich(name, a, b, c, d, v);
    }

    @Override
    public String[] stateNames() {
        return new String[] {"V", "u"};
    }

    @Override
    public String[] stateUnits() {
        return new String[] {"mV", "1"};
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

    /** v = −65, u = b v, the start of the paper's code. */
    @Override
    public double[] restingState() {
        return new double[] {-65.0, b * -65.0};
    }

    @Override
    public void derivatives(double t, double[] y, double input, double[] dydt) {
        double v = Math.min(y[0], peakMv + 100.0);
        dydt[0] = 0.04 * v * v + 5.0 * v + 140.0 - y[1] + input;
        dydt[1] = a * (b * y[0] - y[1]);
    }

    @Override
    public void linearParts(double t, double[] y, double input, double[] aOut, double[] bOut) {
        double v = Math.min(y[0], peakMv + 100.0);
        aOut[0] = 0.04 * v * v + 5.0 * v + 140.0 - y[1] + input;
        bOut[0] = 0.0;
        aOut[1] = a * b * y[0];
        bOut[1] = -a;
    }

    @Override
    public SpikeRule spikeRule() {
        return SpikeRule.reset(peakMv, 0.0);
    }

    @Override
    public void reset(double[] y) {
        y[0] = c;
        y[1] += d;
    }

    @Override
    public double defaultDtMs() {
        return 0.01;
    }
}
