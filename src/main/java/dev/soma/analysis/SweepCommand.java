package dev.soma.analysis;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The command line of declarative sweeps, the main class of {@code soma-<version>-all.jar}:
 * <pre>
 *   java -jar soma-&lt;version&gt;-all.jar sweep spec.json --shard 3/40 --out results/   # one shard → results/part-00003-of-00040.csv
 *   java -jar soma-&lt;version&gt;-all.jar sweep spec.json --out results/                 # the whole sweep as one part
 *   java -jar soma-&lt;version&gt;-all.jar merge results/ --out table.csv                  # parts → one table, checked
 *   java -jar soma-&lt;version&gt;-all.jar models                                          # the model names
 *   java -jar soma-&lt;version&gt;-all.jar describe brunel                                  # parameters, units, measurements
 * </pre>
 * Options of {@code sweep}: {@code --threads N} (default: all cores), {@code --quiet} (no progress
 * line). With a batch scheduler's job array, each job runs one shard, e.g. with SLURM
 * {@code --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT} (array indices from 1). Errors in
 * the specification or the shard stop the command with exit code 2 before anything runs.
 */
public final class SweepCommand {
    private SweepCommand() {}

    /** Runs a command; exits with 0 on success, 2 on bad input, 1 on other failures. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) System.exit(code);
    }

    /** Runs a command and returns its exit code (for tests and embedding). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.println(usage());
            return args.length == 0 ? 2 : 0;
        }
        try {
            switch (args[0]) {
                case "sweep" -> sweep(args, out);
                case "merge" -> merge(args, out);
                case "models" -> {
                    for (String m : SweepSpec.models()) out.println(m);
                }
                case "describe" -> describe(args, out);
                default -> {
                    err.println("unknown command \"" + args[0] + "\"\n" + usage());
                    return 2;
                }
            }
            return 0;
        } catch (SweepException | Usage e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    static String usage() {
        return String.join("\n",
                "usage: java -jar soma-<version>-all.jar COMMAND ...",
                "  sweep SPEC.json [--shard k/K] [--out DIR] [--threads N] [--quiet]",
                "        runs a declarative sweep (or shard k of K of it) and writes DIR/part-0000k-of-0000K.csv",
                "  merge DIR|PART... [--out TABLE.csv]",
                "        joins the parts of one sweep into its table, checking that no point is missing or doubled",
                "  models            lists the model names a specification may use",
                "  describe MODEL    lists a model's parameters (with units and defaults) and measurements");
    }

    private static final class Usage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message + "\n" + usage());
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new Usage(option + " needs a value");
        return args[i];
    }

    private static void sweep(String[] args, PrintStream out) {
        String specFile = null;
        int[] shard = {1, 1};
        Path outDir = Paths.get(".");
        int threads = Parallel.defaultThreads();
        boolean quiet = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--shard" -> shard = SweepParts.parseShard(value(args, ++i, "--shard"));
                case "--out" -> outDir = Paths.get(value(args, ++i, "--out"));
                case "--threads" -> {
                    String v = value(args, ++i, "--threads");
                    try {
                        threads = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new Usage("--threads " + v + " is not a whole number");
                    }
                    Parallel.checkThreads(threads);
                }
                case "--quiet" -> quiet = true;
                default -> {
                    if (args[i].startsWith("--") || specFile != null) throw new Usage("unexpected argument \"" + args[i] + "\"");
                    specFile = args[i];
                }
            }
        }
        if (specFile == null) throw new Usage("sweep needs a specification file");
        String json;
        try {
            json = Files.readString(Paths.get(specFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + specFile + ": " + e.getMessage(), e);
        }
        SweepSpec spec = SweepSpec.fromJson(json).progress(!quiet).check();
        Path part = SweepParts.runShard(spec, shard[0], shard[1], outDir, SweepRunner.threads(threads));
        out.println("wrote " + part + " (" + SweepParts.shardPoints(spec.size(), shard[0], shard[1]).length + " of "
                + spec.size() + " points)");
    }

    private static void merge(String[] args, PrintStream out) {
        List<Path> inputs = new ArrayList<>();
        Path target = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--out")) {
                target = Paths.get(value(args, ++i, "--out"));
            } else if (args[i].startsWith("--")) {
                throw new Usage("unexpected option \"" + args[i] + "\"");
            } else {
                inputs.add(Paths.get(args[i]));
            }
        }
        if (inputs.isEmpty()) throw new Usage("merge needs the part files or their folder");
        Table table = SweepParts.merge(inputs);
        if (target == null) {
            out.println(table.print());
        } else {
            writeCsv(table, target);
            out.println("wrote " + target + " (" + table.rowCount() + " points, " + table.columnCount() + " columns)");
        }
    }

    /** Writes a table as CSV with numbers in Java's exact round-trip form. */
    static void writeCsv(Table table, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(String.join(",", table.columnNames()) + "\n");
                StringBuilder line = new StringBuilder();
                for (int r = 0; r < table.rowCount(); r++) {
                    line.setLength(0);
                    for (int c = 0; c < table.columnCount(); c++) {
                        if (c > 0) line.append(',');
                        Column<?> col = table.column(c);
                        line.append(col.get(r));
                    }
                    w.write(line.append('\n').toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void describe(String[] args, PrintStream out) {
        if (args.length != 2) throw new Usage("describe needs one model name");
        SweepModel m = SweepModels.find(args[1]);
        out.println(m.name() + ": " + m.description());
        out.println("parameters (name [unit] = default: meaning):");
        for (SweepParameter p : m.parameters()) {
            out.println("  " + p.name() + " [" + p.unit() + "] = " + Json.number(p.defaultValue()) + ": " + p.description()
                    + (p.integer() ? " (whole numbers)" : ""));
        }
        out.println("measurements (name [unit]):");
        for (Map.Entry<String, String> e : m.measurements().entrySet()) {
            out.println("  " + e.getKey() + " [" + e.getValue() + "]");
        }
    }
}
