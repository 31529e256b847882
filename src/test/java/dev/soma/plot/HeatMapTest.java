package dev.soma.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Heat maps of a sweep table: one cell per row, the viridis scale, missing values left white. */
class HeatMapTest {
    static Table grid() {
        double[] g = {1, 2, 3, 1, 2, 3};
        double[] eta = {0.5, 0.5, 0.5, 1, 1, 1};
        double[] rate = {0, 1, Double.NaN, 3, 4, 5};
        return Table.create("sweep", DoubleColumn.create("g [1]", g), DoubleColumn.create("eta [1]", eta),
                DoubleColumn.create("rate [Hz]", rate));
    }

    @Test
    void oneCellPerRowWithAxesFromTheColumnsAndMissingValuesLeftOut() {
        Figure f = HeatMap.of(grid(), "g [1]", "eta [1]", "rate [Hz]");
        assertEquals(1, f.panelCount());
        HeatMapChart chart = (HeatMapChart) f.charts().get(0);
        assertEquals("g [1]", chart.getXAxisTitle());
        assertEquals("eta [1]", chart.getYAxisTitle());
        assertEquals(5, chart.getHeatMapSeries().getHeatData().size(), "the NaN cell is not drawn");
        assertEquals(HeatMap.VIRIDIS.length, chart.getStyler().getRangeColors().length);
        // The scale runs from the lowest to the highest finite value, dark (low) to yellow (high).
        assertEquals(0, chart.getStyler().getMin());
        assertEquals(5, chart.getStyler().getMax());
        assertEquals(new java.awt.Color(0xFDE725), chart.getStyler().getRangeColors()[HeatMap.VIRIDIS.length - 1]);
    }

    @Test
    void badColumnsAndDoubledPairsAreNamedErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeatMap.of(grid(), "g", "eta [1]", "rate [Hz]"));
        assertTrue(e.getMessage().contains("g [1]"), e.getMessage());
        Table doubled = grid().append(grid());
        e = assertThrows(IllegalArgumentException.class, () -> HeatMap.of(doubled, "g [1]", "eta [1]", "rate [Hz]"));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void tickLabelsHaveNoTrailingZeros() {
        assertEquals("2", HeatMap.tick(2.0));
        assertEquals("0.5", HeatMap.tick(0.5));
        assertEquals("1.2e+04", HeatMap.tick(12345.0));
    }
}
