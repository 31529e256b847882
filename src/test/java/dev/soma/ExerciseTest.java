package dev.soma;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The exercise marker stops a cell with a message that says what to write; the self-checks pass right answers only. */
class ExerciseTest {
    @Test
    void todoStandsForAnyTypeAndStopsWithTheExercisePrefix() {
        var e = assertThrows(Exercise.Unfinished.class, () -> {
            double rate = Exercise.todo("count the spikes");
            fail("the marker returned " + rate);
        });
        assertEquals("exercise: count the spikes", e.getMessage());
        assertThrows(Exercise.Unfinished.class, () -> {
            boolean fires = Exercise.todo("ask whether it fired");
            fail("the marker returned " + fires);
        });
    }

    @Test
    void todoWithoutAnInstructionIsABadCall() {
        var e = assertThrows(IllegalArgumentException.class, () -> Exercise.todo(" "));
        assertTrue(e.getMessage().startsWith("what = \"\""), e.getMessage());
    }

    @Test
    void checkPrintsOneLineForAValueWithinTolerance() {
        String out = printed(() -> Exercise.check("threshold", 13.2655, 13.27, 0.05, "µA/cm²"));
        assertEquals("✓ threshold = 13.27 µA/cm² (expected 13.27 ± 0.05 µA/cm²)\n", out);
    }

    @Test
    void checkFailsOutsideTheToleranceAndOnNaN() {
        var e = assertThrows(AssertionError.class, () -> Exercise.check("threshold", 12.0, 13.27, 0.05, "µA/cm²"));
        assertEquals("✗ threshold = 12 µA/cm², expected 13.27 ± 0.05 µA/cm²: not yet right", e.getMessage());
        assertThrows(AssertionError.class, () -> Exercise.check("threshold", Double.NaN, 13.27, 0.05, "µA/cm²"));
    }

    @Test
    void checkRejectsAMeaninglessTolerance() {
        var e = assertThrows(IllegalArgumentException.class, () -> Exercise.check("x", 1, 1, -0.1, "ms"));
        assertTrue(e.getMessage().startsWith("tolerance = -0.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Exercise.check("x", 1, Double.NaN, 0.1, "ms"));
    }

    @Test
    void qualitativeCheck() {
        assertEquals("✓ it fires\n", printed(() -> Exercise.check("it fires", true)));
        var e = assertThrows(AssertionError.class, () -> Exercise.check("it fires", false));
        assertEquals("✗ it fires: not yet", e.getMessage());
    }

    @Test
    void numbersShowFourSignificantDigits() {
        assertEquals("0.002", Exercise.number(0.002));
        assertEquals("1.5", Exercise.number(1.5));
        assertEquals("-65.43", Exercise.number(-65.4321));
        assertEquals("1234", Exercise.number(1234.4));
        assertEquals("1e-05", Exercise.number(1e-5));
        assertEquals("2.500e-05", Exercise.number(2.5e-5));
        assertEquals("2e-04", Exercise.number(2e-4));
    }

    @Test
    void aFineToleranceShowsTheDigitsItCompares() {
        assertEquals("0.821967", Exercise.number(0.82196703, 1e-6));
        assertEquals("13.27", Exercise.number(13.2655, 0.05));
        assertEquals("21.2", Exercise.number(21.199, 0.01));
    }

    private static String printed(Runnable r) {
        PrintStream old = System.out;
        var buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buffer.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
