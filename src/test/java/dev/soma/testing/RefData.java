package dev.soma.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the reference CSV files under {@code src/test/resources/refdata} (see its README for their origin). */
public final class RefData {
    private RefData() {}

    /** The rows of a reference CSV file as numbers (NaN for "nan"), without the header. */
    public static List<double[]> rows(String file) {
        try (InputStream in = RefData.class.getResourceAsStream("/refdata/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource refdata/" + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<double[]> rows = new ArrayList<>();
            String line = reader.readLine();
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) continue;
                String[] cells = line.split(",");
                double[] row = new double[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    row[i] = cells[i].trim().equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(cells[i].trim());
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spike times from a {@code key, spike_index, t_ms} file for one key. */
    public static double[] spikes(String file, double key) {
        return rows(file).stream().filter(r -> r[0] == key).mapToDouble(r -> r[2]).toArray();
    }
}
