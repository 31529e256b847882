package dev.soma.activation;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Checks that a rejection is an {@link IllegalArgumentException} whose message names what it should. */
final class Messages {
    private Messages() {}

    static IllegalArgumentException rejects(Executable call, String... mustContain) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : mustContain) {
            assertTrue(e.getMessage().contains(part), () -> "message lacks \"" + part + "\": " + e.getMessage());
        }
        return e;
    }
}
