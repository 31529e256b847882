package dev.soma.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The value string the kernel hands JShell for each snippet. */
class CellControlTest {

    @Test
    void smallValuesReadAsJShellWritesThem() {
        assertEquals("int[3] { 1, 2, 3 }", CellControl.briefValueString(new int[] {1, 2, 3}));
        assertEquals("int[0] {  }", CellControl.briefValueString(new int[0]));
        assertEquals("int[2][] { int[1] { 7 }, null }", CellControl.briefValueString(new int[][] {{7}, null}));
        assertEquals("\"a\\nb\"", CellControl.briefValueString("a\nb"));
        assertEquals("42", CellControl.briefValueString(42));
        assertEquals("'x'", CellControl.briefValueString('x'));
        assertEquals("null", CellControl.briefValueString(null));
    }

    @Test
    void aLargeArrayOrStringIsCutNotWrittenOut() {
        // JShell's own valueString writes out all ten million elements: a 50-million-character
        // string built on the kernel's thread for every such declaration.
        String big = CellControl.briefValueString(new double[10_000_000]);
        assertTrue(big.startsWith("double[10000000] { 0.0, 0.0, "), big);
        assertTrue(big.endsWith(", ... }"), big);
        assertTrue(big.length() < CellControl.VALUE_STRING_LIMIT + 20, "length " + big.length());
        assertTrue(CellControl.briefValueString("x".repeat(1_000_000)).length() < CellControl.VALUE_STRING_LIMIT + 10);
    }

    @Test
    void otherObjectsAreNamedWithoutCallingTheirToString() {
        Object loud = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("toString is not for the kernel to call");
            }
        };
        assertTrue(CellControl.briefValueString(loud).startsWith(loud.getClass().getName() + "@"));
    }
}
