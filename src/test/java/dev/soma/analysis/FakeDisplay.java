package dev.soma.analysis;

import java.util.ArrayList;
import java.util.List;

/** Stands in for a kernel's display class (IJava's {@code Display}): records what it is asked to show. */
public final class FakeDisplay {
    static final List<String> EVENTS = new ArrayList<>();

    private FakeDisplay() {}

    public static synchronized String display(Object o) {
        EVENTS.add("display " + o);
        return "id-1";
    }

    public static synchronized void updateDisplay(String id, Object o) {
        EVENTS.add("update " + id + " " + o);
    }
}
