package dev.soma.analysis;

import org.hipparchus.special.Erf;

/**
 * The Siegert formula: the mean firing rate of a leaky integrate-and-fire neuron driven by white
 * noise, from the mean first-passage time of an Ornstein–Uhlenbeck process through the threshold
 * (Siegert 1951; Ricciardi 1977; in the form of Brunel 2000):
 *
 * <pre>
 *   τ dV/dt = −(V − μ) + σ √τ ξ(t)          (ξ: unit white noise; the free V has mean μ, s.d. σ/√2)
 *   1/ν = t_ref + τ √π ∫ from (V_r − μ)/σ to (θ − μ)/σ of e^{u²} (1 + erf u) du
 * </pre>
 *
 * The integrand is evaluated as erfcx(−u) = e^{u²} erfc(−u), which neither overflows nor loses
 * digits to cancellation, and integrated by adaptive Gauss–Kronrod (7/15 points) to a relative
 * error of 1e-12. As σ → 0 the rate tends to the deterministic LIF rate above threshold and to 0
 * below it.
 *
 * <p>For an LIF with input resistance R driven by a current with mean I₀ and white-noise part of
 * intensity s (I(t) = I₀ + s ξ(t), s in nA·√ms): μ = E_L + R I₀ and σ = R s / √τ.
 * For Ornstein–Uhlenbeck current noise of standard deviation σ_I and correlation time τ_s ≪ τ,
 * s = σ_I √(2 τ_s), so σ ≈ R σ_I √(2 τ_s / τ).
 *
 * <p>References: A. J. F. Siegert (1951), Phys. Rev. 81:617–623; N. Brunel (2000), J. Comput.
 * Neurosci. 8:183–208, eq. (21).
 */
public final class Siegert {
    private Siegert() {}

    /**
     * The stationary rate (Hz).
     *
     * @param meanMv       μ, the mean of the free membrane potential (E_L + R I₀), mV
     * @param sigmaMv      σ, the noise amplitude (the free V has s.d. σ/√2), mV; &gt; 0
     * @param tauMs        membrane time constant, ms
     * @param thresholdMv  θ, mV
     * @param resetMv      V_r &lt; θ, mV
     * @param refractoryMs t_ref ≥ 0, ms
     */
    public static double rateHz(double meanMv, double sigmaMv, double tauMs, double thresholdMv, double resetMv,
                                double refractoryMs) {
        check("meanMv", meanMv);
        check("thresholdMv", thresholdMv);
        check("resetMv", resetMv);
        if (!(sigmaMv > 0) || Double.isInfinite(sigmaMv)) {
            throw new IllegalArgumentException("sigmaMv = " + sigmaMv + " must be a finite number > 0 (mV); for σ = 0 use the deterministic LIF rate");
        }
        if (!(tauMs > 0) || Double.isInfinite(tauMs)) {
            throw new IllegalArgumentException("tauMs = " + tauMs + " must be a finite number > 0 (ms)");
        }
        if (!(refractoryMs >= 0) || Double.isInfinite(refractoryMs)) {
            throw new IllegalArgumentException("refractoryMs = " + refractoryMs + " must be a finite number ≥ 0 (ms)");
        }
        if (!(resetMv < thresholdMv)) {
            throw new IllegalArgumentException("resetMv = " + resetMv + " must be below thresholdMv = " + thresholdMv);
        }
        double lower = (resetMv - meanMv) / sigmaMv;
        double upper = (thresholdMv - meanMv) / sigmaMv;
        double integral = integrate(lower, upper);
        double periodMs = refractoryMs + tauMs * Math.sqrt(Math.PI) * integral;
        if (Double.isInfinite(periodMs)) {
            return 0.0;
        }
        return 1000.0 / periodMs;
    }

    /**
     * The rate (Hz) for noise filtered with a short correlation time {@code noiseTauMs} (an
     * Ornstein–Uhlenbeck current, or synaptic filtering): the white-noise formula with threshold
     * and reset both raised by σ (α/2) √(τ_s/τ), α = √2 |ζ(1/2)| ≈ 2.0652 (Fourcaud &amp; Brunel
     * 2002, Neural Comput. 14:2057–2110, eq. 4.33; Brunel &amp; Sergi 1998). Accurate to first order
     * in √(τ_s/τ); {@code noiseTauMs} = 0 gives the white-noise rate.
     */
    public static double colouredRateHz(double meanMv, double sigmaMv, double tauMs, double thresholdMv, double resetMv,
                                        double refractoryMs, double noiseTauMs) {
        if (!(noiseTauMs >= 0) || Double.isInfinite(noiseTauMs)) {
            throw new IllegalArgumentException("noiseTauMs = " + noiseTauMs + " must be a finite number ≥ 0 (ms)");
        }
        if (!(tauMs > 0) || Double.isInfinite(tauMs)) {
            throw new IllegalArgumentException("tauMs = " + tauMs + " must be a finite number > 0 (ms)");
        }
        double shift = sigmaMv * 0.5 * ALPHA * Math.sqrt(noiseTauMs / tauMs);
        return rateHz(meanMv, sigmaMv, tauMs, thresholdMv + shift, resetMv + shift, refractoryMs);
    }

    /** √2 |ζ(1/2)|. */
    static final double ALPHA = Math.sqrt(2.0) * 1.4603545088095868;

    /** The scaled complementary error function erfcx(x) = e^{x²} erfc(x), accurate for all finite x. */
    static double erfcx(double x) {
        if (x < 0) {
            // e^{x²} erfc(x) = 2 e^{x²} − erfcx(−x); overflows to +∞ only where the true value does.
            return 2.0 * Math.exp(x * x) - erfcx(-x);
        }
        if (x < 4.0) {
            return Math.exp(x * x) * Erf.erfc(x);
        }
        // Laplace's continued fraction, evaluated from the tail: erfcx(x) = 1/√π · 1/(x + ½/(x + 1/(x + 3/2/(x + ...)))).
        double fraction = x;
        for (int n = 120; n >= 1; n--) {
            fraction = x + 0.5 * n / fraction;
        }
        return 1.0 / (Math.sqrt(Math.PI) * fraction);
    }

    private static double integrand(double u) {
        return erfcx(-u);
    }

    private static final double[] XK = {
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.0};
    private static final double[] WK = {
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    private static final double[] WG = {
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    /** Adaptive Gauss–Kronrod 7/15 on [a, b] to a relative error of 1e-12. */
    static double integrate(double a, double b) {
        if (a == b) return 0.0;
        return adapt(a, b, 0);
    }

    private static double adapt(double a, double b, int depth) {
        double center = 0.5 * (a + b);
        double half = 0.5 * (b - a);
        double fc = integrand(center);
        double kronrod = fc * WK[7];
        double gauss = fc * WG[3];
        for (int j = 0; j < 7; j++) {
            double dx = half * XK[j];
            double f = integrand(center - dx) + integrand(center + dx);
            kronrod += WK[j] * f;
            if (j % 2 == 1) gauss += WG[j / 2] * f;
        }
        kronrod *= half;
        gauss *= half;
        if (Double.isInfinite(kronrod)) return kronrod;
        if (depth >= 40 || Math.abs(kronrod - gauss) <= 1e-12 * Math.abs(kronrod)) {
            return kronrod;
        }
        return adapt(a, center, depth + 1) + adapt(center, b, depth + 1);
    }

    private static void check(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " is not finite; give a value in mV");
        }
    }
}
