package dev.soma.plot;

import java.util.Random;

/** Test data made here, so figure tests need no simulation engine: a forward-Euler Hodgkin–Huxley run, FitzHugh–Nagumo, Poisson trains. */
final class Synthetic {
    private Synthetic() {}

    /** Columns: t, V, m, h, n, I_Na, I_K, I_L (ms, mV, 1, 1, 1, µA/cm²) for a 10 µA/cm² step from 10 to 60 ms. */
    static double[][] hodgkinHuxley(double durationMs, double stepUa) {
        double dt = 0.01;
        int n = (int) Math.round(durationMs / dt) + 1;
        double[][] out = new double[8][n];
        double v = -65, m = 0.0529, h = 0.5961, k = 0.3177;
        for (int i = 0; i < n; i++) {
            double t = i * dt;
            double iNa = 120 * m * m * m * h * (v - 50);
            double iK = 36 * k * k * k * k * (v + 77);
            double iL = 0.3 * (v + 54.387);
            out[0][i] = t; out[1][i] = v; out[2][i] = m; out[3][i] = h; out[4][i] = k;
            out[5][i] = iNa; out[6][i] = iK; out[7][i] = iL;
            double input = t >= 10 && t < 60 ? stepUa : 0;
            double am = 0.1 * (v + 40) / (1 - Math.exp(-(v + 40) / 10));
            double bm = 4 * Math.exp(-(v + 65) / 18);
            double ah = 0.07 * Math.exp(-(v + 65) / 20);
            double bh = 1 / (1 + Math.exp(-(v + 35) / 10));
            double an = 0.01 * (v + 55) / (1 - Math.exp(-(v + 55) / 10));
            double bn = 0.125 * Math.exp(-(v + 65) / 80);
            v += dt * (input - iNa - iK - iL);
            m += dt * (am * (1 - m) - bm * m);
            h += dt * (ah * (1 - h) - bh * h);
            k += dt * (an * (1 - k) - bn * k);
        }
        return out;
    }

    static double[] spikes(double[] t, double[] v, double threshold) {
        return Traces.crossings(t, v, threshold);
    }

    /** FitzHugh–Nagumo: dv/dt = v − v³/3 − w + I, dw/dt = 0.08 (v + 0.7 − 0.8 w). */
    static void fhn(double v, double w, double input, double[] out) {
        out[0] = v - v * v * v / 3 - w + input;
        out[1] = 0.08 * (v + 0.7 - 0.8 * w);
    }

    static double[][] fhnTrajectory(double v0, double w0, double input, double durationMs) {
        double dt = 0.05;
        int n = (int) (durationMs / dt);
        double[][] tr = new double[2][n];
        double[] d = new double[2];
        double v = v0, w = w0;
        for (int i = 0; i < n; i++) {
            tr[0][i] = v; tr[1][i] = w;
            fhn(v, w, input, d);
            v += dt * d[0];
            w += dt * d[1];
        }
        return tr;
    }

    /** Poisson spike trains: neurons × rateHz over durationMs, seeded. */
    static double[][] poisson(int neurons, double rateHz, double durationMs, long seed) {
        Random r = new Random(seed);
        double[][] trains = new double[neurons][];
        for (int i = 0; i < neurons; i++) {
            double[] buf = new double[16];
            int k = 0;
            double t = -Math.log(1 - r.nextDouble()) * 1000 / rateHz;
            while (t < durationMs) {
                if (k == buf.length) buf = java.util.Arrays.copyOf(buf, 2 * k);
                buf[k++] = t;
                t += -Math.log(1 - r.nextDouble()) * 1000 / rateHz;
            }
            trains[i] = java.util.Arrays.copyOf(buf, k);
        }
        return trains;
    }

    static Curve relu() { return Curve.of("ReLU", x -> Math.max(0, x), x -> x > 0 ? 1 : 0); }
    static Curve sigmoid() { return Curve.of("sigmoid", x -> 1 / (1 + Math.exp(-x)), x -> { double s = 1 / (1 + Math.exp(-x)); return s * (1 - s); }); }
    static Curve tanh() { return Curve.of("tanh", Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x)); }
    static Curve step() { return Curve.of("step", x -> x >= 0 ? 1 : 0, x -> x == 0 ? Double.NaN : 0); }
    static Curve softplus() { return Curve.of("softplus", x -> Math.log1p(Math.exp(x)), x -> 1 / (1 + Math.exp(-x))); }
    static Curve elu() { return Curve.of("ELU", x -> x > 0 ? x : Math.expm1(x), x -> x > 0 ? 1 : Math.exp(x)); }
}
