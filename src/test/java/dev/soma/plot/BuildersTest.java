package dev.soma.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** What the builders put in their charts: fixed colours, legends, nullclines, decimation. */
class BuildersTest {

    static XYSeries series(XYChart chart, String name) {
        for (XYSeries s : chart.getSeriesCollection()) {
            if (s.getName().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no series " + name);
    }

    @Test
    void hodgkinHuxleyPanelsUseFixedColoursAndShareTheTimeAxis() {
        double[][] hh = Synthetic.hodgkinHuxley(30, 10);
        Figure f = Traces.hodgkinHuxley(hh[0], hh[1], new double[][] {hh[2], hh[3], hh[4]}, new double[][] {hh[5], hh[6], hh[7]}, "µA/cm²", "HH");
        assertEquals(3, f.panelCount());
        XYChart gates = (XYChart) f.charts().get(1);
        XYChart currents = (XYChart) f.charts().get(2);
        assertEquals(Style.M, series(gates, "m").getLineColor());
        assertEquals(Style.H, series(gates, "h").getLineColor());
        assertEquals(Style.N, series(gates, "n").getLineColor());
        assertEquals(Style.I_NA, series(currents, "I_Na").getLineColor());
        assertEquals(Style.I_K, series(currents, "I_K").getLineColor());
        assertEquals(Style.I_L, series(currents, "I_L").getLineColor());
        for (var c : f.charts()) {
            XYChart x = (XYChart) c;
            assertEquals(0.0, x.getStyler().getXAxisMin());
            assertEquals(30.0, x.getStyler().getXAxisMax(), 1e-9);
        }
        assertEquals("I [µA/cm²]", currents.getYAxisTitle());
    }

    @Test
    void legendOnlyWithMoreThanOneSeries() {
        XYChart one = (XYChart) Curves.fI(new double[] {0, 1, 2}, "nA", List.of("LIF"), new double[] {0, 10, 20}).charts().get(0);
        XYChart two = (XYChart) Curves.fI(new double[] {0, 1, 2}, "nA", List.of("a", "b"), new double[] {0, 10, 20}, new double[] {0, 5, 9}).charts().get(0);
        assertTrue(!one.getStyler().isLegendVisible());
        assertTrue(two.getStyler().isLegendVisible());
    }

    @Test
    void voltageTraceMarksEverySpikeAndTheThreshold() {
        double[] t = {0, 1, 2, 3, 4};
        double[] v = {-65, -40, 20, -70, -65};
        XYChart c = (XYChart) Traces.voltage(t, v, new double[] {1.5}, -50, null).charts().get(0);
        assertArrayEquals(new double[] {1.5}, series(c, "1 spike").getXData());
        assertArrayEquals(new double[] {-50, -50}, series(c, "threshold −50 mV").getYData());
    }

    @Test
    void crossingsAreInterpolated() {
        assertArrayEquals(new double[] {0.5, 2.5}, Traces.crossings(new double[] {0, 1, 2, 3}, new double[] {-1, 1, -1, 1}, 0), 1e-12);
    }

    @Test
    void longTracesAreDecimatedKeepingPeaks() {
        int n = 100_000;
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 0.01;
            v[i] = -65;
        }
        v[54_321] = 40;
        double[][] d = Style.decimate(t, v, Style.DECIMATE_BUCKETS);
        assertTrue(d[0].length <= 4 * Style.DECIMATE_BUCKETS + 4, "kept " + d[0].length);
        double max = Double.NEGATIVE_INFINITY;
        for (double y : d[1]) {
            max = Math.max(max, y);
        }
        assertEquals(40, max);
        assertEquals(t[0], d[0][0]);
        assertEquals(t[n - 1], d[0][d[0].length - 1]);
    }

    @Test
    void nullclinesOfALinearFieldAreItsAxes() {
        double[] xs = new double[21];
        double[] ys = new double[21];
        double[][] f = new double[21][21];
        for (int i = 0; i < 21; i++) {
            xs[i] = -1 + 0.1 * i;
            ys[i] = -1 + 0.1 * i;
        }
        for (int i = 0; i < 21; i++) {
            for (int j = 0; j < 21; j++) {
                f[i][j] = xs[i] - 0.33;
            }
        }
        double[][] c = PhasePlane.contour(xs, ys, f);
        assertTrue(c[0].length > 0);
        for (int k = 0; k < c[0].length; k++) {
            if (!Double.isNaN(c[0][k])) {
                assertEquals(0.33, c[0][k], 1e-9);
            }
        }
    }

    @Test
    void rasterSplitsExcitatoryAndInhibitory() {
        Figure f = Spikes.raster(new double[] {1, 2, 3, 4}, new int[] {0, 1, 2, 3}, 10, 2);
        XYChart raster = (XYChart) f.charts().get(0);
        assertEquals(Style.EXCITATORY, series(raster, "excitatory (2)").getMarkerColor());
        assertEquals(Style.INHIBITORY, series(raster, "inhibitory (2)").getMarkerColor());
        assertEquals(Style.INHIBITORY, series(raster, "inhibitory (2) ").getLineColor());
        assertTrue(series(raster, "inhibitory (2) ").isShowInLegend());
        XYChart rate = (XYChart) f.charts().get(1);
        // 2 neurons, 1 spike in the 0.1 ms bin that starts at 1 ms: 1 / (2 × 0.1 ms) = 5000 Hz.
        double[] y = series(rate, "excitatory").getYData();
        double max = 0;
        for (double v : y) {
            max = Math.max(max, v);
        }
        assertEquals(1000.0 / (Spikes.defaultBin(10) * 2), max, 1e-9);
    }

    @Test
    void fixedMeaningsHaveFixedColours() {
        assertEquals(Style.V, Style.forMeaning("V [mV]"));
        assertEquals(Style.N, Style.forMeaning("n"));
        assertEquals(Style.INHIBITORY, Style.forMeaning("inhibitory"));
        assertEquals(Style.INPUT, Style.forMeaning("input"));
        assertEquals(null, Style.forMeaning("w"));
        assertEquals(new Color(0xD55E00), Style.EXCITATORY);
    }

    @Test
    void labelsFormatNumbersTidily() {
        assertEquals("−50", Figure.fmt(-50));
        assertEquals("0.25", Figure.fmt(0.25));
        assertEquals("1.235", Figure.fmt(1.23456));
    }
}
