package dev.soma.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the reference CSV files under src/test/resources/refdata. */
final class Refdata {
    private Refdata() {}

    /** Rows of a CSV file after its header, as strings. */
    static List<String[]> rows(String file) {
        InputStream in = Refdata.class.getResourceAsStream("/refdata/" + file);
        if (in == null) throw new IllegalStateException("missing test resource refdata/" + file);
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) rows.add(line.split(","));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The third column of a spike file (key, spike_index, t_ms). */
    static double[] spikeTimes(String file) {
        return rows(file).stream().mapToDouble(r -> Double.parseDouble(r[2])).toArray();
    }
}
