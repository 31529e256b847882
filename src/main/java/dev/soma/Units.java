package dev.soma;

/**
 * Soma's one coherent system of units, the one NEURON uses for point processes, plus the
 * membrane-density forms of the same quantities.
 *
 * <p>Every number Soma stores is in these base units:
 * <table>
 *   <caption>Base units</caption>
 *   <tr><th>quantity</th><th>base unit</th><th>constant equal to 1</th></tr>
 *   <tr><td>time</td><td>ms</td><td>{@link #ms}</td></tr>
 *   <tr><td>voltage</td><td>mV</td><td>{@link #mV}</td></tr>
 *   <tr><td>current</td><td>nA</td><td>{@link #nA}</td></tr>
 *   <tr><td>conductance</td><td>µS</td><td>{@link #uS}</td></tr>
 *   <tr><td>capacitance</td><td>nF</td><td>{@link #nF}</td></tr>
 *   <tr><td>resistance</td><td>MΩ</td><td>{@link #MOhm}</td></tr>
 *   <tr><td>current density</td><td>µA/cm²</td><td>{@link #uA_per_cm2}</td></tr>
 *   <tr><td>conductance density</td><td>mS/cm²</td><td>{@link #mS_per_cm2}</td></tr>
 *   <tr><td>capacitance density</td><td>µF/cm²</td><td>{@link #uF_per_cm2}</td></tr>
 *   <tr><td>rate, frequency</td><td>1/ms = kHz</td><td>{@link #kHz}</td></tr>
 * </table>
 * The system is coherent: µS × mV = nA, nA × MΩ = mV, nF × mV / ms = nA, MΩ × nF = ms, and in
 * density form mS/cm² × mV = µA/cm², µF/cm² × mV / ms = µA/cm².
 *
 * <p>Every other constant converts <em>into</em> the base units, so a number reads as what it is:
 * {@code 200 * pA} is 0.2 (nA), {@code 10 * Hz} is 0.01 (1/ms), {@code 1 * second} is 1000 (ms).
 * To read a value in another unit, divide: {@code rate / Hz}.
 *
 * <p>Use it with {@code import static dev.soma.Units.*;}.
 */
public final class Units {
    private Units() {}

    // Time (base: ms)
    /** One millisecond, the base unit of time. */
    public static final double ms = 1.0;
    /** One microsecond, in ms. */
    public static final double us = 1e-3;
    /** One second, in ms. */
    public static final double second = 1e3;
    /** One second, in ms (short form). */
    public static final double s = second;
    /** One minute, in ms. */
    public static final double minute = 60e3;

    // Voltage (base: mV)
    /** One millivolt, the base unit of voltage. */
    public static final double mV = 1.0;
    /** One microvolt, in mV. */
    public static final double uV = 1e-3;
    /** One volt, in mV. */
    public static final double volt = 1e3;

    // Current (base: nA)
    /** One nanoampere, the base unit of current. */
    public static final double nA = 1.0;
    /** One picoampere, in nA. */
    public static final double pA = 1e-3;
    /** One microampere, in nA. */
    public static final double uA = 1e3;

    // Conductance (base: µS)
    /** One microsiemens, the base unit of conductance. */
    public static final double uS = 1.0;
    /** One nanosiemens, in µS. */
    public static final double nS = 1e-3;
    /** One millisiemens, in µS. */
    public static final double mS = 1e3;

    // Capacitance (base: nF)
    /** One nanofarad, the base unit of capacitance. */
    public static final double nF = 1.0;
    /** One picofarad, in nF. */
    public static final double pF = 1e-3;
    /** One microfarad, in nF. */
    public static final double uF = 1e3;

    // Resistance (base: MΩ)
    /** One megaohm, the base unit of resistance. */
    public static final double MOhm = 1.0;
    /** One gigaohm, in MΩ. */
    public static final double GOhm = 1e3;
    /** One kiloohm, in MΩ. */
    public static final double kOhm = 1e-3;

    // Membrane densities
    /** One µA/cm², the base unit of membrane current density. */
    public static final double uA_per_cm2 = 1.0;
    /** One nA/cm², in µA/cm². */
    public static final double nA_per_cm2 = 1e-3;
    /** One mA/cm², in µA/cm². */
    public static final double mA_per_cm2 = 1e3;
    /** One mS/cm², the base unit of membrane conductance density. */
    public static final double mS_per_cm2 = 1.0;
    /** One S/cm², in mS/cm². */
    public static final double S_per_cm2 = 1e3;
    /** One µF/cm², the base unit of membrane capacitance density. */
    public static final double uF_per_cm2 = 1.0;

    // Rate (base: 1/ms)
    /** One kilohertz = one event per ms, the base unit of rate. */
    public static final double kHz = 1.0;
    /** One hertz, in 1/ms. */
    public static final double Hz = 1e-3;

    // Temperature
    /** Degrees Celsius are used as they are; this constant exists so that code reads {@code 6.3 * celsius}. */
    public static final double celsius = 1.0;
}
