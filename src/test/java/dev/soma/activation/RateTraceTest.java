package dev.soma.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class RateTraceTest {
    private final RateTrace trace = new RateUnit(5.0, ActivationFunctions.SIGMOID).run(t -> 2.0, 10.0, 1.0);

    @Test
    void tableHasTimeAndRateColumnsWithUnits() {
        Table table = trace.table();
        assertEquals(trace.size(), table.rowCount());
        assertEquals(java.util.List.of("t [ms]", "r [a.u.]"), table.columnNames());
        assertArrayEquals(trace.timeMs(), table.doubleColumn("t [ms]").asDoubleArray(), 0.0);
        assertArrayEquals(trace.rate(), table.doubleColumn("r [a.u.]").asDoubleArray(), 0.0);
    }

    @Test
    void returnsCopiesSoTheTraceCannotBeChanged() {
        trace.rate()[3] = 99;
        trace.timeMs()[3] = 99;
        assertEquals(3.0, trace.timeMs()[3], 0.0);
        assertEquals(trace.rate()[10], trace.finalRate(), 0.0);
        assertEquals(10.0, trace.durationMs(), 0.0);
    }

    @Test
    void summarisesItselfInOneLine() {
        assertEquals("RateTrace: 11 samples, 0 to 10 ms, r from 0 to " + String.format(java.util.Locale.ROOT, "%.4g",
                trace.finalRate()), trace.toString());
    }
}
