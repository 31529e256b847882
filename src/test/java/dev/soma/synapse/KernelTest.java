package dev.soma.synapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelTest {

    /** Integrates the kernel's own ODEs with RK4 after one event of weight 1 and compares with the closed form. */
    private static void odesReproduceClosedForm(Kernel kernel) {
        double[] y = new double[kernel.size()];
        kernel.addEvent(y, 0, 1.0);
        double dt = 0.001;
        double[] k1 = new double[y.length], k2 = new double[y.length], k3 = new double[y.length], k4 = new double[y.length], tmp = new double[y.length];
        double maxErr = 0;
        for (int step = 1; step <= 300_000; step++) {
            kernel.derivatives(y, 0, k1);
            for (int i = 0; i < y.length; i++) tmp[i] = y[i] + 0.5 * dt * k1[i];
            kernel.derivatives(tmp, 0, k2);
            for (int i = 0; i < y.length; i++) tmp[i] = y[i] + 0.5 * dt * k2[i];
            kernel.derivatives(tmp, 0, k3);
            for (int i = 0; i < y.length; i++) tmp[i] = y[i] + dt * k3[i];
            kernel.derivatives(tmp, 0, k4);
            for (int i = 0; i < y.length; i++) y[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            maxErr = Math.max(maxErr, Math.abs(y[0] - kernel.at(step * dt)));
        }
        assertTrue(maxErr < 1e-10, kernel + ": max |ODE − closed form| = " + maxErr);
    }

    @Test
    void odesOfEveryKernelGiveItsClosedForm() {
        odesReproduceClosedForm(Kernel.exponential(5));
        odesReproduceClosedForm(Kernel.alpha(3));
        odesReproduceClosedForm(Kernel.biexponential(2, 100));
    }

    @Test
    void peakIsOneAtThePeakTime() {
        for (Kernel kernel : new Kernel[] {Kernel.exponential(5), Kernel.alpha(3), Kernel.biexponential(2, 100), Kernel.biexponential(50, 200)}) {
            double peak = kernel.peakTimeMs();
            assertEquals(1.0, kernel.at(peak), 1e-12, kernel.toString());
            assertTrue(kernel.at(peak * 0.99 + 1e-3) <= 1 && kernel.at(peak * 1.01 + 1e-3) <= 1);
        }
        assertEquals(3, Kernel.alpha(3).peakTimeMs(), 1e-12);
        assertEquals(0, Kernel.exponential(3).at(-1));
    }

    @Test
    void areaIsTheIntegral() {
        for (Kernel kernel : new Kernel[] {Kernel.exponential(5), Kernel.alpha(3), Kernel.biexponential(2, 10)}) {
            double sum = 0;
            double ds = 0.001;
            for (double s = 0.5 * ds; s < 400; s += ds) sum += kernel.at(s) * ds;
            assertEquals(kernel.areaMs(), sum, 1e-6 * kernel.areaMs(), kernel.toString());
        }
    }

    @Test
    void tableSamplesTheKernel() {
        var table = Kernel.alpha(2).table(10, 0.5);
        assertEquals(21, table.rowCount());
        assertEquals("s [ms]", table.column(0).name());
        assertEquals(1.0, table.doubleColumn("k [1]").get(4), 1e-15, "peak at s = τ = 2 ms");
        assertThrows(IllegalArgumentException.class, () -> Kernel.alpha(2).table(10, 0));
    }

    @Test
    void badTimeConstantsAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Kernel.exponential(0)).getMessage().contains("tauMs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Kernel.alpha(Double.NaN)).getMessage().contains("tauMs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Kernel.biexponential(10, 5)).getMessage().contains("riseMs"));
    }
}
