package dev.soma.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Brian2 reference statistics under {@code src/test/resources/brian2}: networks run in
 * Brian2 2.5.1 (C++ standalone) for several seeds each. Their exact definitions (equations,
 * parameters, connectivity, drive, method, how Brian2 orders a step, how each statistic is
 * computed) are in that directory's README; the scripts that made them in {@code scripts/brian2}.
 *
 * <pre>
 *   Brian2Reference.Stat ai = Brian2Reference.stat("brunel", "AI", "rate_e_hz");
 *   ai.mean()   // 37.04 (Hz), ai.sd() 0.34 over 5 seeds, ai.min() 36.60, ai.max() 37.46
 * </pre>
 */
public final class Brian2Reference {
    private Brian2Reference() {}

    /**
     * A statistic over seeds: mean, sample standard deviation (ddof = 1), smallest and largest
     * single-seed value, number of seeds.
     */
    public record Stat(double mean, double sd, double min, double max, int seeds) {
        /**
         * Whether {@code value} lies within the seed-to-seed range widened by {@code sds} standard
         * deviations on each side: [min − sds·sd, max + sds·sd].
         */
        public boolean covers(double value, double sds) {
            return value >= min - sds * sd && value <= max + sds * sd;
        }
    }

    /**
     * The summary of one statistic from {@code summary.csv}.
     *
     * @param workload  brunel, izhikevich, stdp_song, adex_net, cuba or cobahh
     * @param variant   the Brunel state (SR, AI, SI-fast, SI-slow), else ""
     * @param statistic a column of the workload's CSV file, e.g. rate_e_hz, cv_e, peak_hz
     * @throws IllegalArgumentException if there is no such row
     */
    public static Stat stat(String workload, String variant, String statistic) {
        for (Map<String, String> row : rows("summary.csv")) {
            if (row.get("workload").equals(workload) && row.get("variant").equals(variant)
                    && row.get("statistic").equals(statistic)) {
                return new Stat(number(row.get("mean")), number(row.get("sd")), number(row.get("min")),
                        number(row.get("max")), Integer.parseInt(row.get("seeds")));
            }
        }
        throw new IllegalArgumentException("brian2/summary.csv has no row workload = " + workload + ", variant = \""
                + variant + "\", statistic = " + statistic + "; see src/test/resources/brian2/README.md for the names");
    }

    /** The rows of a CSV file of {@code src/test/resources/brian2}, as column name → cell text, in file order. */
    public static List<Map<String, String>> rows(String file) {
        try (InputStream in = Brian2Reference.class.getResourceAsStream("/brian2/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource brian2/" + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = reader.readLine().split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) continue;
                String[] cells = line.split(",", -1);
                if (cells.length != header.length) {
                    throw new IllegalStateException("brian2/" + file + ": a row has " + cells.length + " cells, the header "
                            + header.length + ": " + line);
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell as a number ("nan" → NaN). */
    public static double number(String cell) {
        return cell.trim().equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(cell.trim());
    }
}
