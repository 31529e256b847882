package dev.soma.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void shortWorkShowsNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress progress = Progress.start("quick", 10, new PrintStream(out, true, StandardCharsets.UTF_8), 60_000);
        progress.update(5);
        progress.finish();
        assertFalse(progress.shown());
        assertEquals(0, out.size());
    }

    @Test
    void terminalLineIsRewrittenInPlace() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress progress = Progress.start("f–I sweep", 4, new PrintStream(out, true, StandardCharsets.UTF_8), 0);
        progress.update(1);
        progress.update(2);   // within 200 ms of the first line: may be skipped (at most five redraws a second)
        progress.finish();
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(progress.shown());
        assertTrue(text.startsWith("\rf–I sweep ["), text);
        assertTrue(text.contains(" 25 % (1/4)"), text);
        assertTrue(text.contains("100 % (4/4)"), text);
        assertTrue(text.endsWith(System.lineSeparator()), text);
    }

    @Test
    void notebookBarGoesThroughTheKernelsDisplayFunctions() {
        String name = FakeDisplay.class.getName();
        Progress.addDisplayClass(name);
        try {
            FakeDisplay.EVENTS.clear();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Progress progress = Progress.start("sweep", 2, new PrintStream(out, true, StandardCharsets.UTF_8), 0);
            progress.update(1);
            progress.finish();
            assertEquals(2, FakeDisplay.EVENTS.size(), FakeDisplay.EVENTS.toString());
            assertTrue(FakeDisplay.EVENTS.get(0).startsWith("display sweep ["));
            assertTrue(FakeDisplay.EVENTS.get(1).startsWith("update id-1 sweep ["));
            assertTrue(FakeDisplay.EVENTS.get(1).contains("100 %"));
            assertEquals(0, out.size(), "nothing on the terminal when a notebook shows the bar");
        } finally {
            Progress.removeDisplayClass(name);
        }
        assertTrue(Progress.displayClasses().contains("io.github.spencerpark.ijava.runtime.Display"));
    }
}
