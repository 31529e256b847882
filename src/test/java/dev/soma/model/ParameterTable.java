package dev.soma.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that the parameter table in a model's Javadoc states the defaults the code uses. */
final class ParameterTable {
    private ParameterTable() {}

    private static final Pattern ROW = Pattern.compile("<tr><td>(\\w+)</td><td>([-0-9.eE]+)</td>");

    /** For every row of the table in the class's source, the accessor of that name on {@code defaults} returns the stated value. */
    static int assertDefaultsMatch(Class<?> type, Object defaults) {
        Path source = Path.of("src/main/java", type.getName().replace('.', '/') + ".java");
        String text;
        try {
            text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = ROW.matcher(text);
        int rows = 0;
        while (m.find()) {
            String name = m.group(1);
            double stated = Double.parseDouble(m.group(2));
            try {
                Method accessor = type.getMethod(name);
                double actual = ((Number) accessor.invoke(defaults)).doubleValue();
                assertEquals(stated, actual, 1e-6 * Math.max(1, Math.abs(stated)), type.getSimpleName() + "." + name);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("the table names " + name + ", which " + type.getSimpleName() + " does not have", e);
            }
            rows++;
        }
        assertTrue(rows >= 3, "no parameter table found in " + source);
        return rows;
    }
}
