package dev.soma.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that the parameter table in a model's Javadoc states the defaults the code uses. Every
 * row of the table is checked: its first cell names an accessor of the model, its second cell is
 * the value that accessor returns for the defaults (a true minus "−" reads as "-"). A row that
 * describes rather than states a value (a distribution of starting values, say) must be named by
 * the caller, so no row is skipped by accident.
 */
public final class ParameterTable {
    private ParameterTable() {}

    /** A row of the table: the first two cells, whatever they hold (cells span no lines and hold no tags). */
    private static final Pattern ROW = Pattern.compile("<tr><td>([^<]*)</td><td>([^<]*)</td>");

    /**
     * For every row of the table in the class's source, the accessor named in its first cell
     * returns for {@code defaults} the number in its second; rows named in {@code describedRows}
     * are left out, and each of them must exist.
     *
     * @return the number of rows checked
     */
    public static int assertDefaultsMatch(Class<?> type, Object defaults, String... describedRows) {
        Path source = Path.of("src/main/java", type.getName().replace('.', '/') + ".java");
        String text;
        try {
            text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = ROW.matcher(text);
        int rows = 0;
        List<String> described = new ArrayList<>(List.of(describedRows));
        while (m.find()) {
            String name = m.group(1).trim();
            String cell = m.group(2).trim();
            if (described.remove(name)) {
                continue;
            }
            double stated;
            try {
                stated = Double.parseDouble(cell.replace('\u2212', '-'));
            } catch (NumberFormatException e) {
                throw new AssertionError(type.getSimpleName() + ": the table's row " + name + " states \"" + cell
                        + "\", which is not a number; give the default as a number or name the row as described", e);
            }
            try {
                Method accessor = type.getMethod(name);
                double actual = ((Number) accessor.invoke(defaults)).doubleValue();
                assertEquals(stated, actual, 1e-6 * Math.max(1, Math.abs(stated)), type.getSimpleName() + "." + name);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("the table names " + name + ", which " + type.getSimpleName() + " does not have", e);
            }
            rows++;
        }
        if (!described.isEmpty()) {
            fail(type.getSimpleName() + ": no table row named " + described);
        }
        assertTrue(rows >= 3, "no parameter table found in " + source);
        return rows;
    }
}
