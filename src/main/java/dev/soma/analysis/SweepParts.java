package dev.soma.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;

/**
 * Sharded sweeps for batch schedulers (SLURM, PBS, HTCondor job arrays): shard {@code k} of
 * {@code K} runs points k−1, k−1+K, k−1+2K, … (interleaved, so every shard gets a fair share of
 * cheap and expensive corners of the grid) and writes one part file; {@link #merge} joins the
 * parts into the table of the whole sweep, checking that they come from the same specification
 * and Soma version and that no point is missing or doubled.
 *
 * <p>A part is a UTF-8 text file: comment lines ({@code # spec: <canonical JSON>},
 * {@code # soma: <version>}, {@code # shard: k/K}), a header line with the column names, then one
 * CSV line per point, numbers in Java's exact round-trip form, so a merged table equals a table
 * computed in one run bit for bit. The same format serves the {@link SweepCache}.
 */
public final class SweepParts {
    private SweepParts() {}

    /** Parses a shard such as {@code "3/40"} into {@code {3, 40}}, or a {@code BAD_SHARD} error. */
    public static int[] parseShard(String shard) {
        String[] parts = shard == null ? new String[0] : shard.strip().split("/", -1);
        int k;
        int of;
        try {
            if (parts.length != 2) throw new NumberFormatException();
            k = Integer.parseInt(parts[0].strip());
            of = Integer.parseInt(parts[1].strip());
        } catch (NumberFormatException e) {
            throw new SweepException(SweepException.Kind.BAD_SHARD, "shard = \"" + shard
                    + "\" is not of the form k/K; e.g. 3/40 for the third of 40 shards");
        }
        checkShard(k, of);
        return new int[] {k, of};
    }

    static void checkShard(int k, int of) {
        if (of < 1 || k < 1 || k > of) {
            String which = of < 1 ? "of = " + of + " must be ≥ 1 (the number of shards)"
                    : "k = " + k + " must be in 1.." + of + " (the shard's number)";
            throw new SweepException(SweepException.Kind.BAD_SHARD, "shard = " + k + "/" + of + " does not exist: " + which
                    + "; e.g. 1/" + Math.max(of, 3) + " (with SLURM: --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT)");
        }
    }

    /** The points of shard {@code k} of {@code of} in a sweep of {@code n} points, ascending. */
    public static int[] shardPoints(int n, int k, int of) {
        checkShard(k, of);
        int count = n >= k ? (n - k) / of + 1 : 0;
        int[] out = new int[count];
        for (int j = 0; j < count; j++) out[j] = k - 1 + j * of;
        return out;
    }

    /** The file name of part {@code k} of {@code of}: {@code part-00003-of-00040.csv}. */
    public static String partName(int k, int of) {
        return String.format(Locale.ROOT, "part-%05d-of-%05d.csv", k, of);
    }

    /**
     * Runs shard {@code k} of {@code of} of {@code spec} with {@code runner} and writes its part
     * into {@code outDir} (created if needed; the file appears whole or not at all). Everything
     * in the specification and the shard is checked before any simulation runs.
     *
     * @return the part file
     */
    public static Path runShard(SweepSpec spec, int k, int of, Path outDir, SweepRunner runner) {
        checkShard(k, of);
        if (outDir == null) {
            throw new IllegalArgumentException("folder = null; give the folder to write the part into, e.g. Path.of(\"results\")");
        }
        spec.check();
        int[] points = shardPoints(spec.size(), k, of);
        double[][] rows = points.length == 0 ? new double[0][] : runner.run(spec, points);
        Path file = outDir.resolve(partName(k, of));
        write(file, spec, k + "/" + of, points, rows);
        return file;
    }

    /** Writes a part (or a cache entry) atomically. */
    static void write(Path file, SweepSpec spec, String shard, int[] points, double[][] rows) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".part-", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("# soma sweep part\n");
                w.write("# soma: " + SomaVersion.get() + "\n");
                w.write("# shard: " + shard + "\n");
                w.write("# points: " + points.length + " of " + spec.size() + "\n");
                w.write("# spec: " + spec.canonicalJson() + "\n");
                List<String> header = new ArrayList<>();
                header.add("point");
                header.addAll(spec.parameterColumns());
                header.addAll(spec.measurementColumns());
                w.write(String.join(",", header) + "\n");
                SweepSpec.Plan plan = spec.plan();
                StringBuilder line = new StringBuilder();
                for (int r = 0; r < points.length; r++) {
                    line.setLength(0);
                    line.append(points[r]);
                    for (double[] axis : plan.gridValues) line.append(',').append(axis[points[r]]);
                    for (double v : rows[r]) line.append(',').append(v);
                    w.write(line.append('\n').toString());
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the sweep part " + file + ": " + e.getMessage(), e);
        }
    }

    /** One part as read: its specification, Soma version, shard label, points and measured rows. */
    record Part(Path file, String specJson, String version, String shard, int[] points, double[][] rows) {}

    static Part read(Path file) {
        String spec = null;
        String version = null;
        String shard = null;
        List<Integer> points = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            boolean header = false;
            int columns = -1;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.startsWith("# ")) {
                    if (line.startsWith("# spec: ")) spec = line.substring(8);
                    else if (line.startsWith("# soma: ")) version = line.substring(8);
                    else if (line.startsWith("# shard: ")) shard = line.substring(9);
                    continue;
                }
                if (line.isEmpty()) continue;
                if (!header) {
                    header = true;
                    columns = line.split(",", -1).length;
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != columns) {
                    throw new SweepException(SweepException.Kind.BAD_SPEC, file + " line " + lineNo + " has " + cells.length
                            + " cells for " + columns + " columns; the part is damaged: run its shard again");
                }
                points.add(Integer.parseInt(cells[0]));
                double[] row = new double[cells.length - 1];
                for (int c = 1; c < cells.length; c++) row[c - 1] = Double.parseDouble(cells[c]);
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the sweep part " + file + ": " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new SweepException(SweepException.Kind.BAD_SPEC, file + " holds a cell that is not a number (" + e.getMessage()
                    + "); the part is damaged: run its shard again");
        }
        if (spec == null || version == null) {
            throw new SweepException(SweepException.Kind.BAD_SPEC, file + " is not a Soma sweep part (no '# spec:' or '# soma:' "
                    + "line); merge only the part-*.csv files that 'sweep --shard' wrote");
        }
        return new Part(file, spec, version, shard, points.stream().mapToInt(Integer::intValue).toArray(),
                rows.toArray(new double[0][]));
    }

    /** The part files among {@code paths}: files as given, directories searched for {@code part-*.csv}. */
    static List<Path> partFiles(List<Path> paths) {
        if (paths == null || paths.isEmpty()) {
            throw new IllegalArgumentException("partsOrFolders " + (paths == null ? "= null" : "is empty")
                    + "; give the part files or the folder that holds them");
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Path p = paths.get(i);
            if (p == null) {
                throw new IllegalArgumentException("partsOrFolders[" + i + "] = null; give a part file or a folder of them");
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().matches("part-\\d+-of-\\d+\\.csv")).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not list " + p + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new SweepException(SweepException.Kind.MISSING_POINTS, p + " does not exist; give the part files or "
                        + "the folder that holds them");
            }
        }
        if (files.isEmpty()) {
            throw new SweepException(SweepException.Kind.MISSING_POINTS, "no part files (part-*.csv) in " + paths
                    + "; run the shards first: java -jar soma-<version>-all.jar sweep spec.json --shard k/K --out DIR");
        }
        return files;
    }

    /** Merges part files, or folders of them, into the table of the whole sweep (see {@link #merge(List)}). */
    public static Table merge(Path... partsOrFolders) {
        if (partsOrFolders == null) {
            throw new IllegalArgumentException("partsOrFolders = null; give the part files or the folder that holds them");
        }
        return merge(Arrays.asList(partsOrFolders));
    }

    /**
     * Merges part files (or folders holding {@code part-*.csv}) into one table, equal bit for bit
     * to the table of the whole sweep run at once.
     *
     * @throws SweepException {@code SPEC_MISMATCH} when the parts come from different
     *     specifications or Soma versions, {@code DUPLICATE_POINTS} when a point is in two parts
     *     (or twice in one), {@code MISSING_POINTS} when a point is in none — each naming the
     *     points and the files
     */
    public static Table merge(List<Path> paths) {
        List<Part> parts = new ArrayList<>();
        for (Path f : partFiles(paths)) parts.add(read(f));
        Part first = parts.get(0);
        for (Part p : parts) {
            if (!p.specJson().equals(first.specJson())) {
                throw new SweepException(SweepException.Kind.SPEC_MISMATCH, p.file() + " comes from another specification "
                        + "than " + first.file() + "; merge only the parts of one sweep");
            }
            if (!p.version().equals(first.version())) {
                throw new SweepException(SweepException.Kind.SPEC_MISMATCH, p.file() + " was computed by Soma " + p.version()
                        + " but " + first.file() + " by Soma " + first.version() + "; run every shard with one version");
            }
        }
        SweepSpec spec = SweepSpec.fromJson(first.specJson());
        int n = spec.size();
        TreeMap<Integer, Path> owner = new TreeMap<>();
        double[][] rows = new double[n][];
        int m = spec.measurementColumns().size();
        int gridColumns = spec.parameterColumns().size();
        SweepSpec.Plan plan = spec.plan();
        List<String> duplicates = new ArrayList<>();
        for (Part p : parts) {
            for (int r = 0; r < p.points().length; r++) {
                int i = p.points()[r];
                if (i < 0 || i >= n) {
                    throw new SweepException(SweepException.Kind.SPEC_MISMATCH, p.file() + " holds point " + i
                            + ", outside the sweep's 0.." + (n - 1));
                }
                double[] row = p.rows()[r];
                if (row.length != gridColumns + m) {
                    throw new SweepException(SweepException.Kind.SPEC_MISMATCH, p.file() + " has " + row.length
                            + " values per point; the specification makes " + (gridColumns + m));
                }
                for (int a = 0; a < gridColumns; a++) {
                    if (Double.doubleToLongBits(row[a]) != Double.doubleToLongBits(plan.gridValues[a][i])) {
                        throw new SweepException(SweepException.Kind.SPEC_MISMATCH, p.file() + ": point " + i + " has "
                                + spec.parameterColumns().get(a) + " = " + row[a] + " but the specification gives "
                                + plan.gridValues[a][i]);
                    }
                }
                if (owner.containsKey(i)) {
                    if (duplicates.size() < 10) {
                        duplicates.add(i + " (" + owner.get(i).getFileName() + " and " + p.file().getFileName() + ")");
                    }
                    continue;
                }
                owner.put(i, p.file());
                rows[i] = Arrays.copyOfRange(row, gridColumns, row.length);
            }
        }
        if (!duplicates.isEmpty()) {
            throw new SweepException(SweepException.Kind.DUPLICATE_POINTS, "points in more than one part: "
                    + String.join(", ", duplicates) + "; remove the extra part files (each shard once)");
        }
        if (owner.size() != n) {
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < n && missing.size() < 20; i++) if (rows[i] == null) missing.add(i);
            throw new SweepException(SweepException.Kind.MISSING_POINTS, (n - owner.size()) + " of " + n
                    + " points are in no part, e.g. " + missing + "; run the shards that hold them ("
                    + missingShards(parts, missing) + ")");
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        return spec.table(all, rows);
    }

    private static String missingShards(List<Part> parts, List<Integer> missing) {
        for (Part p : parts) {
            if (p.shard() != null && p.shard().contains("/")) {
                int of = Integer.parseInt(p.shard().substring(p.shard().indexOf('/') + 1));
                List<String> shards = new ArrayList<>();
                for (int i : missing) {
                    String s = (i % of + 1) + "/" + of;
                    if (!shards.contains(s)) shards.add(s);
                }
                return "shards " + String.join(", ", shards);
            }
        }
        return "see the shard lines of the parts";
    }
}
