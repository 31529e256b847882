package dev.soma.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.model.FitzHughNagumo;
import dev.soma.model.Izhikevich;
import dev.soma.model.MorrisLecar;
import dev.soma.model.NeuronModel;
import dev.soma.model.SpikeRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class PhasePlaneTest {
    private final FitzHughNagumo fhn = FitzHughNagumo.defaults();

    /** The input at which FitzHugh–Nagumo's fixed point sits at v (from v − v³/3 − w + I = 0, w = (v + a)/b). */
    private static double inputAt(double v) {
        return (v + 0.7) / 0.8 - v + v * v * v / 3;
    }

    @Test
    void fitzHughNagumoRestIsTheHandComputedStableFocus() {
        // By hand at I = 0: v* = −1.19941, w* = −0.62426; J = [[1 − v*², −1], [ε, −εb]] = [[−0.43858, −1], [0.08, −0.064]];
        // trace −0.50258, det 0.10807, discriminant −0.17969 < 0: a stable focus with λ = −0.25129 ± 0.21195 i.
        List<PhasePlane.FixedPoint> points = PhasePlane.of(fhn, 0, -2.5, 2.5, -1, 2).fixedPoints();
        assertEquals(1, points.size());
        PhasePlane.FixedPoint p = points.get(0);
        assertEquals(-1.199408035, p.x(), 1e-8);
        assertEquals(-0.624260044, p.y(), 1e-8);
        assertEquals("stable focus", p.type());
        assertEquals(-0.251290, p.lambda1Re(), 1e-5);
        assertEquals(0.211949, Math.abs(p.lambda1Im()), 1e-5);
        assertTrue(p.stable());
    }

    @Test
    void fixedPointIsUnstableExactlyBetweenTheTwoHopfInputs() {
        // Hopf where the trace 1 − v² − εb vanishes: v = ∓√(1 − εb).
        double vH = Math.sqrt(1 - 0.08 * 0.8);
        double low = inputAt(-vH);
        double high = inputAt(vH);
        assertEquals(0.3313, low, 1e-4);
        assertEquals(1.4187, high, 1e-4);
        for (double input : new double[] {0, 0.3, low - 1e-3, low + 1e-3, 0.8, high - 1e-3, high + 1e-3, 2}) {
            List<PhasePlane.FixedPoint> points = PhasePlane.of(fhn, input, -3, 3, -2, 4).fixedPoints();
            assertEquals(1, points.size(), "I = " + input);
            boolean inside = input > low && input < high;
            assertEquals(!inside, points.get(0).stable(), "I = " + input + ": " + points.get(0));
        }
    }

    @Test
    void limitCycleExistsInsideTheHopfRangeAndNotOutside() {
        double vH = Math.sqrt(1 - 0.08 * 0.8);
        double low = inputAt(-vH);
        double high = inputAt(vH);
        for (double input : new double[] {0.2, 0.3, 0.36, 0.5, 1.0, 1.38, 1.45, 1.6}) {
            double v0 = fhn.fixedPointV(input);
            double w0 = (v0 + 0.7) / 0.8;
            // Start next to the fixed point: inside the range the trajectory leaves it for the cycle.
            Table path = PhasePlane.of(fhn, input, -3, 3, -2, 4).trajectory(v0 + 0.01, w0, 1500);
            double[] v = path.doubleColumn(1).asDoubleArray();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int k = v.length * 2 / 3; k < v.length; k++) {
                lo = Math.min(lo, v[k]);
                hi = Math.max(hi, v[k]);
            }
            boolean oscillates = hi - lo > 0.5;
            assertEquals(input > low && input < high, oscillates, "I = " + input + ": amplitude " + (hi - lo));
        }
    }

    @Test
    void nullclinesOfFitzHughNagumoAreTheCubicAndTheLine() {
        PhasePlane plane = PhasePlane.of(fhn, 0.5, -2.5, 2.5, -1, 3);
        double[][] vNull = plane.nullcline(0);
        assertTrue(vNull[0].length > 300);
        for (int k = 0; k < vNull[0].length; k++) {
            double v = vNull[0][k];
            assertEquals(v - v * v * v / 3 + 0.5, vNull[1][k], 1e-9);
        }
        double[][] wNull = plane.nullcline(1);
        for (int k = 0; k < wNull[0].length; k++) {
            assertEquals((wNull[0][k] + 0.7) / 0.8, wNull[1][k], 1e-9);
        }
        Table table = plane.nullclines();
        assertEquals(List.of("nullcline", "branch", "V [1]", "w [1]"), table.columnNames());
        assertEquals(vNull[0].length + wNull[0].length, table.rowCount());
        Table field = plane.vectorField(5, 4);
        assertEquals(20, field.rowCount());
        assertEquals(List.of("V [1]", "w [1]", "dV/dt [1/ms]", "dw/dt [1/ms]"), field.columnNames());
    }

    @Test
    void morrisLecarTypeIHasThreeFixedPointsAtRest() {
        // The SNIC set at I = 0: a stable rest, a saddle, and an unstable point above them.
        PhasePlane plane = PhasePlane.of(MorrisLecar.preset("type I"), 0, -80, 40, -0.1, 0.8);
        List<PhasePlane.FixedPoint> points = plane.fixedPoints();
        assertEquals(3, points.size(), points.toString());
        assertTrue(points.get(0).stable());
        assertEquals("saddle", points.get(1).type());
        assertFalse(points.get(2).stable());
        assertEquals(MorrisLecar.preset("type I").restingState()[0], points.get(0).x(), 1e-8);
        assertEquals(3 + 7, plane.fixedPointTable().columnCount() + 3);
    }

    @Test
    void izhikevichResonatorRestsOnAFocusAndRegularSpikingOnANode() {
        PhasePlane.FixedPoint rz = PhasePlane.of(Izhikevich.preset("RZ"), 0, -80, -40, -25, -5).fixedPoints().get(0);
        assertEquals("stable focus", rz.type());
        assertEquals(-62.5, rz.x(), 1e-6);
        PhasePlane.FixedPoint rs = PhasePlane.of(Izhikevich.preset("RS"), 0, -80, -40, -25, -5).fixedPoints().get(0);
        assertEquals("stable node", rs.type());
        assertEquals(-70, rs.x(), 1e-6);
    }

    @Test
    void adexSubthresholdPlaneHasARestAndASaddleThreshold() {
        // (gL + a)(V − EL) = gL ΔT e^{(V − VT)/ΔT} at I = 0: a stable rest just above EL and a saddle near −44.6 mV.
        var adex = dev.soma.model.AdaptiveExponentialIntegrateAndFire.preset("tonic");
        List<PhasePlane.FixedPoint> points = PhasePlane.of(adex, 0, -80, -35, -0.1, 0.3).fixedPoints();
        assertEquals(2, points.size(), points.toString());
        assertTrue(points.get(0).stable());
        assertEquals(-70, points.get(0).x(), 0.01);
        assertEquals("saddle", points.get(1).type());
        assertEquals(-44.6, points.get(1).x(), 0.1);
        double v = points.get(1).x();
        assertEquals(0.012 * (v + 70), 0.02 * Math.exp((v + 50) / 2), 1e-9);
    }

    @Test
    void aModelWithoutTwoVariablesIsRejected() {
        NeuronModel threeD = new NeuronModel() {
            public String name() { return "three"; }
            public String[] stateNames() { return new String[] {"V", "m", "h"}; }
            public String[] stateUnits() { return new String[] {"mV", "1", "1"}; }
            public int voltageIndex() { return 0; }
            public String inputUnit() { return "nA"; }
            public double[] restingState() { return new double[3]; }
            public void derivatives(double t, double[] y, double input, double[] dydt) {}
            public SpikeRule spikeRule() { return SpikeRule.crossing(0); }
            public double defaultDtMs() { return 0.01; }
        };
        var e = assertThrows(IllegalArgumentException.class, () -> PhasePlane.of(threeD, 0, -1, 1, -1, 1));
        assertTrue(e.getMessage().contains("exactly 2") && e.getMessage().contains("V, m, h"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PhasePlane.of(fhn, 0, 1, -1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> PhasePlane.of(fhn, Double.NaN, -1, 1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> PhasePlane.of(fhn, 0, -1, 1, -1, Double.POSITIVE_INFINITY));
    }

    @Test
    void aVectorFieldTooLargeForAnyFigureIsRefusedBeforeItIsComputed() {
        PhasePlane plane = PhasePlane.of(FitzHughNagumo.defaults(), 0.5, -2.5, 2.5, -1, 2);
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> plane.vectorField(10000, 10000));
        assertTrue(x.getMessage().contains("10000 × 10000 = 100,000,000 points") && x.getMessage().contains("3,200 MB")
                && x.getMessage().contains("vectorField(20, 20)"), x.getMessage());
        assertThrows(IllegalArgumentException.class, () -> plane.vectorField(2, Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> plane.vectorField(1001, 1000));
        assertEquals(2 * 500, plane.vectorField(2, 500).rowCount());
    }
}
