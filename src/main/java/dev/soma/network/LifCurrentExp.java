package dev.soma.network;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Leaky integrate-and-fire neurons with exponentially decaying synaptic currents (NEST's
 * {@code iaf_psc_exp}; the CUBA network of Brette et al. 2007), integrated exactly.
 *
 * <pre>
 *   dv/dt  = (ge + gi − (v − El)) / τm      (clamped to Vr while refractory)
 *   dge/dt = −ge / τe
 *   dgi/dt = −gi / τi
 *   v &gt; Vt  →  spike, v ← Vr, refractory for t_ref
 * </pre>
 * {@code ge} and {@code gi} are currents expressed as the voltage they would hold the membrane
 * at (mV, i.e. R·I), as in Brian2's CUBA example; a spike adds its weight (mV) to them. The
 * system is linear between spikes, so each step applies its exact propagator, precomputed once:
 * no error from the step size except the spike times being on the grid.
 *
 * <table>
 *   <caption>Parameters (defaults: CUBA)</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>tauMMs</td><td>20</td><td>ms</td><td>membrane time constant τm</td></tr>
 *   <tr><td>tauEMs</td><td>5</td><td>ms</td><td>decay τe of the excitatory current {@code ge}</td></tr>
 *   <tr><td>tauIMs</td><td>10</td><td>ms</td><td>decay τi of the inhibitory current {@code gi}</td></tr>
 *   <tr><td>restMv</td><td>−49</td><td>mV</td><td>leak reversal El (above threshold: the drive)</td></tr>
 *   <tr><td>thresholdMv</td><td>−50</td><td>mV</td><td>threshold Vt</td></tr>
 *   <tr><td>resetMv</td><td>−60</td><td>mV</td><td>reset Vr</td></tr>
 *   <tr><td>refractoryMs</td><td>5</td><td>ms</td><td>refractory period t_ref</td></tr>
 *   <tr><td>start</td><td>uniform in [Vr, Vt]</td><td>mV</td><td>starting potential v0 ({@link #withStartMv})</td></tr>
 * </table>
 * Reference: Brette R et al. (2007) Simulation of networks of spiking neurons: a review of tools
 * and strategies. J Comput Neurosci 23:349–398 (benchmark 2, CUBA).
 */
public final class LifCurrentExp extends PopulationModel {
    static final int V = 0;
    static final int GE = 1;
    static final int GI = 2;

    private final double tauMMs;
    private final double tauEMs;
    private final double tauIMs;
    private final double restMv;
    private final double thresholdMv;
    private final double resetMv;
    private final double refractoryMs;
    private final double v0LowMv;
    private final double v0HighMv;

    private LifCurrentExp(double tauMMs, double tauEMs, double tauIMs, double restMv, double thresholdMv,
                          double resetMv, double refractoryMs, double v0LowMv, double v0HighMv) {
        requirePositive("tauMMs", tauMMs, "give the membrane time constant in ms, e.g. 20");
        requirePositive("tauEMs", tauEMs, "give the excitatory synaptic time constant in ms, e.g. 5");
        requirePositive("tauIMs", tauIMs, "give the inhibitory synaptic time constant in ms, e.g. 10");
        requireFinite("restMv", restMv, "give the leak reversal potential in mV");
        requireFinite("thresholdMv", thresholdMv, "give the threshold in mV");
        requireFinite("resetMv", resetMv, "give the reset potential in mV");
        if (!(resetMv < thresholdMv)) {
            throw new IllegalArgumentException("resetMv = " + resetMv + " must lie below thresholdMv = "
                    + thresholdMv + "; otherwise a neuron would fire again at once");
        }
        requireNonNegative("refractoryMs", refractoryMs, "give the refractory period in ms, 0 for none");
        requireFinite("lowMv", v0LowMv, "give the lower end of the starting potentials in mV");
        requireFinite("highMv", v0HighMv, "give the upper end of the starting potentials in mV");
        if (v0HighMv < v0LowMv) {
            throw new IllegalArgumentException("highMv = " + v0HighMv + " is below lowMv = " + v0LowMv
                    + "; give the range of starting potentials as (low, high)");
        }
        this.tauMMs = tauMMs;
        this.tauEMs = tauEMs;
        this.tauIMs = tauIMs;
        this.restMv = restMv;
        this.thresholdMv = thresholdMv;
        this.resetMv = resetMv;
        this.refractoryMs = refractoryMs;
        this.v0LowMv = v0LowMv;
        this.v0HighMv = v0HighMv;
    }

    /** The CUBA neuron of Brette et al. (2007), parameters as in the table above. */
    public static LifCurrentExp cuba() {
        return new LifCurrentExp(20, 5, 10, -49, -50, -60, 5, -60, -50);
    }

    /** With the membrane time constant τm in ms. */
    public LifCurrentExp withTauMMs(double ms) {
        return new LifCurrentExp(ms, tauEMs, tauIMs, restMv, thresholdMv, resetMv, refractoryMs, v0LowMv, v0HighMv);
    }

    /** With the excitatory and inhibitory synaptic time constants in ms. */
    public LifCurrentExp withSynapticTausMs(double tauEMs, double tauIMs) {
        return new LifCurrentExp(tauMMs, tauEMs, tauIMs, restMv, thresholdMv, resetMv, refractoryMs, v0LowMv, v0HighMv);
    }

    /** With the leak reversal potential El in mV. */
    public LifCurrentExp withRestMv(double mv) {
        return new LifCurrentExp(tauMMs, tauEMs, tauIMs, mv, thresholdMv, resetMv, refractoryMs, v0LowMv, v0HighMv);
    }

    /** With the threshold Vt in mV. */
    public LifCurrentExp withThresholdMv(double mv) {
        return new LifCurrentExp(tauMMs, tauEMs, tauIMs, restMv, mv, resetMv, refractoryMs, v0LowMv, v0HighMv);
    }

    /** With the reset potential Vr in mV. */
    public LifCurrentExp withResetMv(double mv) {
        return new LifCurrentExp(tauMMs, tauEMs, tauIMs, restMv, thresholdMv, mv, refractoryMs, v0LowMv, v0HighMv);
    }

    /** With the refractory period in ms. */
    public LifCurrentExp withRefractoryMs(double ms) {
        return new LifCurrentExp(tauMMs, tauEMs, tauIMs, restMv, thresholdMv, resetMv, ms, v0LowMv, v0HighMv);
    }

    /** With starting potentials drawn uniformly from [lowMv, highMv] (equal ends: all the same). */
    public LifCurrentExp withStartMv(double lowMv, double highMv) {
        return new LifCurrentExp(tauMMs, tauEMs, tauIMs, restMv, thresholdMv, resetMv, refractoryMs, lowMv, highMv);
    }

    /** τm in ms. */
    public double tauMMs() { return tauMMs; }
    /** τe in ms. */
    public double tauEMs() { return tauEMs; }
    /** τi in ms. */
    public double tauIMs() { return tauIMs; }
    /** El in mV. */
    public double restMv() { return restMv; }
    /** Vt in mV. */
    public double thresholdMv() { return thresholdMv; }
    /** Vr in mV. */
    public double resetMv() { return resetMv; }
    /** t_ref in ms. */
    public double refractoryMs() { return refractoryMs; }

    @Override
    public String kind() {
        return "lif_current_exp";
    }

    @Override
    public List<String> variables() {
        return List.of("v", "ge", "gi");
    }

    @Override
    public List<String> units() {
        return List.of("mV", "mV", "mV");
    }

    @Override
    public List<String> inputVariables() {
        return List.of("ge", "gi");
    }

    @Override
    void initialize(double[][] x, SplittableRandom random) {
        double[] v = x[V];
        double span = v0HighMv - v0LowMv;
        for (int j = 0; j < v.length; j++) {
            v[j] = span == 0 ? v0LowMv : v0LowMv + random.nextDouble() * span;
        }
    }

    @Override
    Kernel kernel(double[][] x, int[] refractory, double[][][] input, double dtMs) {
        return new CubaKernel(this, x, refractory, input, dtMs);
    }

    /** e^(−h/τ1) − e^(−h/τ2), scaled: the response of v to a unit current decaying with τs. */
    static double currentToVoltage(double h, double tauM, double tauS) {
        if (Math.abs(tauM - tauS) < 1e-12 * tauM) {
            return h / tauM * Math.exp(-h / tauM);
        }
        return tauS / (tauS - tauM) * (Math.exp(-h / tauS) - Math.exp(-h / tauM));
    }

    private static final int BLOCK = 512;

    private static final class CubaKernel extends Kernel {
        private final double[] v;
        private final double[] ge;
        private final double[] gi;
        private final int[] ref;
        private final double[][] inE;
        private final double[][] inI;
        private final double el;
        private final double vt;
        private final double vr;
        private final double pm;
        private final double pe;
        private final double pi;
        private final double de;
        private final double di;
        private final int nref;

        CubaKernel(LifCurrentExp p, double[][] x, int[] ref, double[][][] input, double h) {
            this.v = x[V];
            this.ge = x[GE];
            this.gi = x[GI];
            this.ref = ref;
            this.inE = input[0];
            this.inI = input[1];
            this.el = p.restMv;
            this.vt = p.thresholdMv;
            this.vr = p.resetMv;
            this.pm = Math.exp(-h / p.tauMMs);
            this.pe = currentToVoltage(h, p.tauMMs, p.tauEMs);
            this.pi = currentToVoltage(h, p.tauMMs, p.tauIMs);
            this.de = Math.exp(-h / p.tauEMs);
            this.di = Math.exp(-h / p.tauIMs);
            this.nref = refractorySteps(p.refractoryMs, h);
        }

        @Override
        int step(int from, int to, int slot, int[] spikes, int count) {
            if (inE != null) {
                addAndClear(ge, inE[slot], from, to);
                addAndClear(gi, inI[slot], from, to);
            }
            // Blocks small enough to stay in L1 between the two passes.
            for (int a = from; a < to; a += BLOCK) {
                int b = Math.min(to, a + BLOCK);
                propagate(a, b);
                count = threshold(a, b, spikes, count);
            }
            return count;
        }

        /** The exact propagator for every neuron: a branch-free loop the JIT vectorises. */
        private void propagate(int from, int to) {
            final double[] v = this.v, ge = this.ge, gi = this.gi;
            final double el = this.el, pm = this.pm, pe = this.pe, pi = this.pi, de = this.de, di = this.di;
            for (int j = from; j < to; j++) {
                final double e = ge[j];
                final double i = gi[j];
                v[j] = el + (v[j] - el) * pm + e * pe + i * pi;
                ge[j] = e * de;
                gi[j] = i * di;
            }
        }

        /** Refractory neurons go back to (stay at) Vr; the others spike if above Vt. */
        private int threshold(int from, int to, int[] spikes, int count) {
            final double[] v = this.v;
            final int[] ref = this.ref;
            final double vt = this.vt, vr = this.vr;
            final int nref = this.nref;
            for (int j = from; j < to; j++) {
                final int r = ref[j];
                if (r > 0) {
                    ref[j] = r - 1;
                    v[j] = vr;
                } else if (v[j] > vt) {
                    v[j] = vr;
                    ref[j] = nref;
                    spikes[count++] = j;
                }
            }
            return count;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "LIF with exponential currents: τm %.3g ms, τe %.3g ms, τi %.3g ms, El %.4g mV, Vt %.4g mV, Vr %.4g mV, t_ref %.3g ms",
                tauMMs, tauEMs, tauIMs, restMv, thresholdMv, resetMv, refractoryMs);
    }
}
