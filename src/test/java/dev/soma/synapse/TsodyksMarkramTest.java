package dev.soma.synapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TsodyksMarkramTest {

    /** Markram, Wang & Tsodyks (1998), eqs. for u_{n+1} and R_{n+1}, written independently of the implementation. */
    private static double[] markram1998(double U, double tauRec, double tauF, double[] t) {
        double[] out = new double[t.length];
        double u = U;
        double r = 1;
        out[0] = u * r;
        for (int n = 1; n < t.length; n++) {
            double gap = t[n] - t[n - 1];
            double uPrev = u;
            u = tauF > 0 ? uPrev * Math.exp(-gap / tauF) + U * (1 - uPrev * Math.exp(-gap / tauF)) : U;
            r = r * (1 - uPrev) * Math.exp(-gap / tauRec) + 1 - Math.exp(-gap / tauRec);
            out[n] = u * r;
        }
        return out;
    }

    @Test
    void sequenceMatchesTheRecursionOfMarkram1998() {
        double[] t = {0, 20, 40, 45, 200, 210, 600};
        var depressing = TsodyksMarkram.depressing(0.5, 800);
        var facilitating = TsodyksMarkram.of(0.1, 100, 1000);
        double[] d = depressing.efficacies(t);
        double[] f = facilitating.efficacies(t);
        double[] dExpected = markram1998(0.5, 800, 0, t);
        double[] fExpected = markram1998(0.1, 100, 1000, t);
        for (int i = 0; i < t.length; i++) {
            assertEquals(dExpected[i], d[i], 1e-14);
            assertEquals(fExpected[i], f[i], 1e-14);
        }
        assertEquals(0.5, d[0], 0, "the first spike releases U");
        assertTrue(d[1] < d[0], "depression");
        assertTrue(f[1] > f[0], "facilitation");
    }

    @Test
    void regularTrainConvergesToTheClosedFormSteadyState() {
        for (var model : new TsodyksMarkram[] {TsodyksMarkram.depressing(0.5, 800), TsodyksMarkram.of(0.1, 100, 1000), TsodyksMarkram.of(0.3, 200, 50)}) {
            double period = 25;
            double[] t = new double[2000];
            for (int i = 0; i < t.length; i++) t[i] = i * period;
            double[] e = model.efficacies(t);
            assertEquals(model.steadyStateEfficacy(period), e[e.length - 1], 1e-12, model.toString());
        }
        // Pure depression at 40 Hz: R* = (1 − e^(−T/τ))/(1 − (1 − U)e^(−T/τ)).
        double decay = Math.exp(-25.0 / 800);
        assertEquals((1 - decay) / (1 - 0.5 * decay), TsodyksMarkram.depressing(0.5, 800).steadyStateR(25), 1e-15);
    }

    @Test
    void tableOfReleases() {
        var table = TsodyksMarkram.depressing(0.5, 800).table(new double[] {0, 20, 40});
        assertEquals(3, table.rowCount());
        assertEquals(0.5, table.doubleColumn("release [1]").get(0), 0);
        assertEquals("t [ms]", table.column(0).name());
    }

    @Test
    void badParametersAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TsodyksMarkram.of(0, 100, 0)).getMessage().contains("U"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TsodyksMarkram.of(0.5, -1, 0)).getMessage().contains("tauRecMs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TsodyksMarkram.of(0.5, 100, Double.NaN)).getMessage().contains("tauFacilMs"));
    }
}
