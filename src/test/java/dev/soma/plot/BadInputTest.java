package dev.soma.plot;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Empty series, mismatched lengths and NaN get an IllegalArgumentException naming the parameter, the value and the fix. */
class BadInputTest {

    static void fails(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message lacks \"" + p + "\": " + e.getMessage());
        }
    }

    @Test
    void voltageTraceRejectsEmptyMismatchedAndNaN() {
        double[] t = {0, 1, 2};
        fails(() -> Traces.voltage(new double[0], new double[0], new double[0], -50, null), "tMs is empty", "pass at least one");
        fails(() -> Traces.voltage(t, new double[] {1, 2}, new double[0], -50, null), "vMv has 2 values but tMs has 3", "equal length");
        fails(() -> Traces.voltage(t, new double[] {1, Double.NaN, 2}, new double[0], -50, null), "vMv[1] = NaN", "smaller dt");
        fails(() -> Traces.voltage(t, new double[] {1, 2, 3}, null, -50, null), "spikeTimesMs = null");
    }

    @Test
    void tableBuildersNameMissingColumns() {
        Table table = Table.create("run", DoubleColumn.create("t [ms]", 0, 1), DoubleColumn.create("V [mV]", -65, -64));
        fails(() -> Traces.voltage(Table.create("x", DoubleColumn.create("t [ms]", 0, 1)), -50), "\"V [mV]\" is not a column", "[t [ms]]");
        fails(() -> Traces.table(table, "t [ms]", "m [1]"), "yColumns = \"m [1]\"", "its columns are");
        fails(() -> Traces.hodgkinHuxley(table), "no column for m", "record it");
    }

    @Test
    void overlayNeedsOneLabelPerTrace() {
        double[] t = {0, 1, 2};
        fails(() -> Traces.overlay(t, "V [mV]", List.of("a"), new double[] {1, 2, 3}, new double[] {1, 2, 3}), "labels has 1 entries but ys has 2");
        fails(() -> Traces.overlay(t, "V [mV]", List.of("a", "b"), new double[] {1, 2, 3}, new double[] {1, 2}), "has 2 values", "has 3");
    }

    @Test
    void activationRejectsBadRangeAndNonFiniteFunction() {
        fails(() -> Curves.activation(Synthetic.relu(), 5, -5), "xMax = -5.0 must be greater than xMin = 5.0");
        fails(() -> Curves.activation(Curve.of("log", Math::log, x -> 1 / x), -1, 1), "\"log\" gives f(-1.0) = NaN", "narrow");
        fails(() -> Curve.of(" ", x -> x, x -> 1), "name = \" \" is blank");
        fails(() -> Curves.gallery(3, -5, 5, List.of()), "curves is empty");
    }

    @Test
    void fICurvesRejectMismatchAndNegativeRates() {
        double[] i = {0, 1, 2};
        fails(() -> Curves.fI(i, "nA", List.of("a"), new double[] {0, 1}), "ratesHz[0] has 2 values but currents has 3");
        fails(() -> Curves.fI(i, "nA", List.of("a"), new double[] {0, -1, 2}), "ratesHz[0][1] = -1.0 Hz is negative");
        fails(() -> Curves.fI(i, "nA", List.of("a"), new double[] {0, Double.NaN, 2}), "ratesHz[0][1] = NaN");
        fails(() -> Curves.fIBeside(i, "nA", List.of("a"), new double[][] {{0, 0, 0}}, 4, List.of(Synthetic.relu())), "all 0");
    }

    @Test
    void rasterAndIsiRejectNonsense() {
        fails(() -> Spikes.raster(new double[] {1, 2}, new int[] {0}, 100), "neuronIds has 1 entries but timesMs has 2");
        fails(() -> Spikes.raster(new double[] {1}, new int[] {-1}, 100), "neuronIds[0] = -1");
        fails(() -> Spikes.raster(new double[] {Double.NaN}, new int[] {0}, 100), "timesMs[0] = NaN");
        fails(() -> Spikes.raster(new double[] {1}, new int[] {0}, Double.NaN), "durationMs = NaN");
        fails(() -> Spikes.raster(new double[0][], 100), "trainsMs is empty");
        fails(() -> Spikes.isi(new double[] {5}), "fewer than 2 spikes", "run longer");
        fails(() -> Spikes.isi(new double[] {1, 2, 3}, 0), "binMs = 0.0 must be");
    }

    @Test
    void phasePlaneRejectsBadRangesAndTrajectories() {
        PhasePlane.Field f = (x, y, out) -> { out[0] = -x; out[1] = -y; };
        fails(() -> PhasePlane.of(f, "x [1]", "y [1]", 1, -1, -1, 1, List.of()), "xMax = -1.0 must be greater than xMin = 1.0");
        fails(() -> PhasePlane.of(f, "x [1]", "y [1]", -1, 1, -1, 1, List.<double[][]>of(new double[][] {{0, 1}, {0}})),
                "trajectories[0] y has 1 values but trajectories[0] x has 2");
        fails(() -> PhasePlane.of(f, "x [1]", "y [1]", Double.NaN, 1, -1, 1, List.of()), "xMin = NaN");
    }
}
