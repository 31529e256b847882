package dev.soma.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.soma.model.ParameterTable;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The population kernels compute what their equations say. */
class ModelTest {

    @Test
    void javadocTablesStateTheDefaults() {
        assertEquals(7, ParameterTable.assertDefaultsMatch(LifCurrentExp.class, LifCurrentExp.cuba(), "start"));
        assertEquals(15, ParameterTable.assertDefaultsMatch(HhTraubCondExp.class, HhTraubCondExp.cobahh(), "start"));
    }

    @Test
    void cobahhDensitiesBecomeTheRightAbsoluteValues() {
        HhTraubCondExp m = HhTraubCondExp.cobahh();
        assertEquals(0.2, m.capacitanceNf(), 1e-15);
        assertEquals(0.01, m.leakUs(), 1e-15);
        assertEquals(20, m.sodiumUs(), 1e-12);
        assertEquals(6, m.potassiumUs(), 1e-12);
    }

    @Test
    void rateFunctionsAreContinuousThroughTheirSingularities() {
        for (double u0 : new double[] {13, 40, 15}) {
            double[] at = HhTraubCondExp.rates(u0);
            double[] near = HhTraubCondExp.rates(u0 + 1e-7);
            for (int i = 0; i < 6; i++) {
                assertEquals(near[i], at[i], 1e-6 * Math.abs(at[i]) + 1e-12, "rate " + i + " at u = " + u0);
            }
        }
        assertEquals(1.28, HhTraubCondExp.rates(13)[0], 1e-12);
    }

    /** One exponential-Euler step written straight from the equations, for comparison. */
    private static double[] referenceStep(double v, double m, double h, double n, double ge, double gi, double dt) {
        double[] r = HhTraubCondExp.rates(v + 63);
        double cm = 0.2;
        double gNa = 20 * m * m * m * h;
        double gK = 6 * n * n * n * n;
        double a = (0.01 * -60 + ge * 0 + gi * -80 + gNa * 50 + gK * -90) / cm;
        double b = -(0.01 + ge + gi + gNa + gK) / cm;
        double vNew = -a / b + (v + a / b) * Math.exp(b * dt);
        double mNew = r[0] / (r[0] + r[1]) + (m - r[0] / (r[0] + r[1])) * Math.exp(-(r[0] + r[1]) * dt);
        double hNew = r[2] / (r[2] + r[3]) + (h - r[2] / (r[2] + r[3])) * Math.exp(-(r[2] + r[3]) * dt);
        double nNew = r[4] / (r[4] + r[5]) + (n - r[4] / (r[4] + r[5])) * Math.exp(-(r[4] + r[5]) * dt);
        return new double[] {vNew, mNew, hNew, nNew, ge * Math.exp(-dt / 5), gi * Math.exp(-dt / 10)};
    }

    @Test
    void cobahhKernelMatchesTheEquationsWrittenOut() {
        SplittableRandom random = new SplittableRandom(3);
        double[] vs = {-90, -75, -63, -50, -48, -23, -20, 0, 30, 45, -50 + 1e-9};
        int n = vs.length;
        SpikingNetwork net = SpikingNetwork.builder().dtMs(0.1).threads(1)
                .population("H", HhTraubCondExp.cobahh(), n).build();
        Population p = net.population("H");
        double[][] start = new double[6][n];
        start[0] = vs.clone();
        for (int j = 0; j < n; j++) {
            start[1][j] = random.nextDouble();
            start[2][j] = random.nextDouble();
            start[3][j] = random.nextDouble();
            start[4][j] = 0.1 * random.nextDouble();
            start[5][j] = 0.3 * random.nextDouble();
        }
        String[] names = {"v", "m", "h", "n", "ge", "gi"};
        for (int k = 0; k < 6; k++) {
            p.set(names[k], start[k]);
        }
        net.run(0.1);
        for (int j = 0; j < n; j++) {
            double[] ref = referenceStep(start[0][j], start[1][j], start[2][j], start[3][j], start[4][j], start[5][j], 0.1);
            for (int k = 0; k < 6; k++) {
                double got = p.values(names[k])[j];
                assertEquals(ref[k], got, 1e-12 * Math.max(1, Math.abs(ref[k])), names[k] + " from v = " + vs[j]);
            }
        }
    }

    @Test
    void cobahhCountsUpwardCrossingsOnly() {
        // A neuron that starts above −20 mV has not crossed: no spike until it comes down and rises again.
        SpikingNetwork net = SpikingNetwork.builder().dtMs(0.1).threads(1)
                .population("H", HhTraubCondExp.cobahh(), 2)
                .recordState("H", "v", 0, 1).build();
        Population p = net.population("H");
        p.set("v", new double[] {10, -21});
        p.set("m", new double[] {0.9, 0.9});
        p.set("h", new double[] {0.6, 0.6});
        p.set("n", new double[] {0.3, 0.3});
        NetworkResult r = net.run(1);
        int[] neurons = r.spikeNeurons();
        assertEquals(1, neurons.length, "only the neuron that rose through −20 mV fired");
        assertEquals(1, neurons[0]);
        assertEquals(0, r.spikeSteps()[0]);
    }

    @Test
    void cubaPropagatorIsTheExactSolution() {
        // Closed form of dv/dt = (ge − (v − El))/τm with ge = ge0 e^(−t/τe), compared after 1000 steps.
        SpikingNetwork net = SpikingNetwork.builder().dtMs(0.1).threads(1)
                .population("L", LifCurrentExp.cuba().withRestMv(-70).withStartMv(-65, -65), 1).build();
        Population p = net.population("L");
        p.set("ge", new double[] {3.0});
        p.set("gi", new double[] {-1.0});
        net.run(100);
        double t = 100;
        double exp = 3.0 * 5 / (5 - 20.0) * (Math.exp(-t / 5) - Math.exp(-t / 20))
                - 1.0 * 10 / (10 - 20.0) * (Math.exp(-t / 10) - Math.exp(-t / 20));
        double v = -70 + 5 * Math.exp(-t / 20) + exp;
        assertEquals(v, p.values("v")[0], 1e-12);
        assertEquals(3.0 * Math.exp(-t / 5), p.values("ge")[0], 1e-14);
    }
}
