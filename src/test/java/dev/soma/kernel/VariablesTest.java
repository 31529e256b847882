package dev.soma.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the variables of a notebook hold, as the error of a failed cell tells it. */
class VariablesTest {

    @Test
    void anArrayCountsItsElements() {
        assertEquals(16 + 8L * 1000, Variables.bytes(new double[1000]));
        assertEquals(0, Variables.bytes(null));
    }

    @Test
    void emptySlotsAndNullValuesHoldNothingAndStopNothing() {
        // An object graph with empty array slots, null fields and null map values (a widget, a
        // simulation) once ended the walk with a NullPointerException, which then replaced a
        // cell's OutOfMemoryError in its reply.
        Object[] slots = {null, new int[250], null};
        Map<String, Object> map = new HashMap<>();
        map.put("none", null);
        map.put("some", new long[100]);
        List<Object> list = new ArrayList<>(Arrays.asList(null, new byte[64]));
        Holder holder = new Holder();
        assertEquals(16 + 3 * 4 + 16 + 250 * 4, Variables.bytes(slots));
        assertTrue(Variables.bytes(map) >= 16 + 8 * 100, "the map's values count");
        assertTrue(Variables.bytes(list) >= 16 + 64, "the list's elements count");
        assertTrue(Variables.bytes(holder) >= 16 + 8 * 10, "the object's fields count");
    }

    @Test
    void theKernelsOwnObjectsAreNotTheNotebooksMemory() {
        // A variable may hold the widget host, which reaches the whole kernel: walking it after an
        // OutOfMemoryError allocated 15 MB in a full heap. The kernel's classes are not followed.
        assertTrue(Variables.isKernelOwn(SomaKernel.class));
        assertTrue(Variables.isKernelOwn(CellControl.class));
        assertFalse(Variables.isKernelOwn(Holder.class), "a class of the notebook (here: of the tests)");
        assertFalse(Variables.isKernelOwn(ArrayList.class));
        assertTrue(Variables.bytes(new CellControl()) < 1000);
    }

    /** An object with a null field beside a large one. */
    static final class Holder {
        Object nothing;
        double[] values = new double[10];
    }
}
