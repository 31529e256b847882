package dev.soma.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;

/**
 * A cache of sweep tables, keyed by the specification's {@linkplain SweepSpec#canonicalJson()
 * canonical JSON} and Soma's version: a lecture notebook that runs the same sweep again reads its
 * table instead of recomputing it. Opt-in: only {@link SweepSpec#runCached()} (or {@link #run})
 * uses it.
 *
 * <p>Where: the folder in the system property {@code soma.cache.dir}, else in the environment
 * variable {@code SOMA_CACHE_DIR}, else the user's cache folder — {@code $XDG_CACHE_HOME/soma/sweeps}
 * or {@code ~/.cache/soma/sweeps} on Linux, {@code ~/Library/Caches/soma/sweeps} on macOS,
 * {@code %LOCALAPPDATA%\soma\cache\sweeps} on Windows — never inside a project. Each entry is one
 * file in the format of a sweep part ({@link SweepParts}); the whole cache is cleared with
 * {@link #clear()} (or by deleting the folder).
 */
public final class SweepCache {
    private final Path directory;

    private SweepCache(Path directory) {
        this.directory = directory;
    }

    /** The cache in the user's cache folder (see the class comment). */
    public static SweepCache user() {
        return new SweepCache(defaultDirectory());
    }

    /** A cache in {@code directory} (created when the first table is stored). */
    public static SweepCache at(Path directory) {
        if (directory == null) {
            throw new IllegalArgumentException("directory = null; give the cache folder, e.g. Path.of(System.getProperty(\"user.home\"), \".cache\", \"soma\")");
        }
        return new SweepCache(directory.toAbsolutePath());
    }

    static Path defaultDirectory() {
        String property = System.getProperty("soma.cache.dir");
        if (property != null && !property.isBlank()) return Paths.get(property).toAbsolutePath();
        String env = System.getenv("SOMA_CACHE_DIR");
        if (env != null && !env.isBlank()) return Paths.get(env).toAbsolutePath();
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Paths.get(local) : Paths.get(home, "AppData", "Local");
            return base.resolve("soma").resolve("cache").resolve("sweeps");
        }
        if (os.contains("mac")) {
            return Paths.get(home, "Library", "Caches", "soma", "sweeps");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(home, ".cache");
        return base.resolve("soma").resolve("sweeps");
    }

    /** The cache folder. */
    public Path directory() {
        return directory;
    }

    /** The key of a specification: SHA-256 of Soma's version and the canonical JSON, in hex. */
    public static String key(SweepSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("spec = null; pass a sweep specification, e.g. Analysis.sweepOf(\"lif\")...");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(SomaVersion.get().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(spec.canonicalJson().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private Path file(SweepSpec spec) {
        return directory.resolve("sweep-" + key(spec) + ".csv");
    }

    /** Whether the cache holds the table of {@code spec} for this Soma version. */
    public boolean contains(SweepSpec spec) {
        return Files.isRegularFile(file(spec));
    }

    /**
     * The cached table of {@code spec}, or, when the cache does not hold it, the table computed by
     * {@code runner} (then stored). The specification is checked first either way.
     */
    public Table run(SweepSpec spec, SweepRunner runner) {
        key(spec);
        if (runner == null) {
            // Checked even when the table is cached: the same call must not pass or fail by the cache's content.
            throw new IllegalArgumentException("runner = null; use SweepRunner.threads() or SweepRunner.spark(\"local[*]\")");
        }
        spec.check();
        Path f = file(spec);
        if (Files.isRegularFile(f)) {
            SweepParts.Part part;
            try {
                part = SweepParts.read(f);
            } catch (RuntimeException damaged) {
                part = null;    // a damaged entry (a run killed while writing by hand, a full disk): compute again
            }
            if (part != null && part.specJson().equals(spec.canonicalJson()) && part.version().equals(SomaVersion.get())
                    && part.points().length == spec.size()) {
                int m = spec.parameterColumns().size();
                double[][] rows = new double[part.rows().length][];
                for (int r = 0; r < rows.length; r++) {
                    rows[r] = java.util.Arrays.copyOfRange(part.rows()[r], m, part.rows()[r].length);
                }
                return spec.table(part.points(), rows);
            }
        }
        Table table = spec.run(runner);
        int n = spec.size();
        int[] points = new int[n];
        double[][] rows = new double[n][];
        List<String> columns = spec.measurementColumns();
        for (int i = 0; i < n; i++) {
            points[i] = i;
            rows[i] = new double[columns.size()];
            for (int k = 0; k < columns.size(); k++) rows[i][k] = table.doubleColumn(columns.get(k)).getDouble(i);
        }
        SweepParts.write(f, spec, "1/1", points, rows);
        return table;
    }

    /** Removes the entry of {@code spec}; returns whether there was one. */
    public boolean remove(SweepSpec spec) {
        try {
            return Files.deleteIfExists(file(spec));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + file(spec) + ": " + e.getMessage(), e);
        }
    }

    /** The entry files in the cache. */
    public List<Path> entries() {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(directory)) return out;
        try (Stream<Path> s = Files.list(directory)) {
            s.filter(f -> f.getFileName().toString().matches("sweep-[0-9a-f]{64}\\.csv")).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + directory + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Deletes every entry (only Soma's own files in the folder); returns how many. */
    public int clear() {
        int n = 0;
        for (Path f : entries()) {
            try {
                if (Files.deleteIfExists(f)) n++;
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete " + f + ": " + e.getMessage(), e);
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "SweepCache at " + directory + " (" + entries().size() + " tables)";
    }
}
