package dev.soma.kernel;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;

/**
 * Run by the build (Maven, before packaging): collects the Javadoc comments of a source tree into
 * {@value JavadocIndex#RESOURCE}, which the all jar carries, so that the kernel can show Soma's
 * documentation on Shift+Tab ({@link JavadocIndex}). JShell shows Javadoc only from sources it
 * finds, and a notebook has Soma's classes, not its sources.
 *
 * <p>Keys name the documented element as {@link JavadocIndex} looks it up: {@code pkg.Class},
 * {@code pkg.Class#field}, {@code pkg.Class#method(double,String[])} with parameter types by their
 * simple, erased names ({@code List<Figure>} is {@code List}, {@code Figure...} is {@code Figure[]}),
 * and {@code pkg.Class#<init>(...)} for constructors. Values are the comments' raw text.
 *
 * <p>Usage: {@code JavadocExtractor SOURCE_DIR OUTPUT_FILE}.
 */
public final class JavadocExtractor {

    private JavadocExtractor() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: JavadocExtractor SOURCE_DIR OUTPUT_FILE");
            System.exit(2);
        }
        Map<String, String> docs = extract(Paths.get(args[0]));
        Path out = Paths.get(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, format(docs), StandardCharsets.UTF_8);
    }

    /** The Javadoc comments of every {@code .java} file under {@code sourceDir}, by key. */
    static Map<String, String> extract(Path sourceDir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sourceDir)) {
            files = walk.filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().contains("-"))
                    .sorted().collect(Collectors.toList());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Map<String, String> docs = new TreeMap<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, fm, d -> { }, List.of("-proc:none"), null,
                    fm.getJavaFileObjectsFromPaths(files));
            DocTrees trees = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
                new Scanner(trees, docs).scan(new TreePath(unit), pkg);
            }
        }
        return docs;
    }

    /** Walks classes, methods and fields; the argument is the enclosing class (or the package). */
    private static final class Scanner extends TreePathScanner<Void, String> {
        private final DocTrees trees;
        private final Map<String, String> docs;

        Scanner(DocTrees trees, Map<String, String> docs) {
            this.trees = trees;
            this.docs = docs;
        }

        @Override
        public Void visitCompilationUnit(CompilationUnitTree unit, String pkg) {
            // scan(TreePath) forgets the current path when it returns: keep it.
            TreePath here = getCurrentPath();
            for (Tree t : unit.getTypeDecls()) {
                if (t instanceof ClassTree c) {
                    scan(new TreePath(here, c), pkg.isEmpty() ? "" : pkg + ".");
                }
            }
            return null;
        }

        @Override
        public Void visitClass(ClassTree c, String prefix) {
            if (c.getModifiers().getFlags().contains(Modifier.PRIVATE)) {
                return null;
            }
            String name = prefix + c.getSimpleName();
            TreePath here = getCurrentPath();
            put(here, name);
            for (Tree member : c.getMembers()) {
                if (member instanceof ClassTree inner) {
                    scan(new TreePath(here, inner), name + ".");
                } else if (member instanceof MethodTree || member instanceof VariableTree) {
                    scan(new TreePath(here, member), name);
                }
            }
            return null;
        }

        @Override
        public Void visitMethod(MethodTree m, String owner) {
            if (!m.getModifiers().getFlags().contains(Modifier.PRIVATE)) {
                List<String> types = new ArrayList<>();
                for (VariableTree p : m.getParameters()) {
                    types.add(simpleType(p.getType().toString()));
                }
                put(getCurrentPath(), owner + "#" + m.getName() + "(" + String.join(",", types) + ")");
            }
            return null;
        }

        @Override
        public Void visitVariable(VariableTree v, String owner) {
            if (!v.getModifiers().getFlags().contains(Modifier.PRIVATE)) {
                put(getCurrentPath(), owner + "#" + v.getName());
            }
            return null;
        }

        private void put(TreePath path, String key) {
            String doc = trees.getDocComment(path);
            if (doc != null && !doc.isBlank()) {
                docs.put(key, doc.strip());
            }
        }
    }

    /**
     * A type as the index keys it: erased ({@code List<Figure>} → {@code List}), unqualified
     * ({@code dev.soma.plot.Figure} → {@code Figure}), varargs as arrays, annotations dropped.
     */
    static String simpleType(String type) {
        String t = type.replaceAll("@[\\w.]+(\\([^)]*\\))?\\s*", "");
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (char ch : t.toCharArray()) {
            if (ch == '<') {
                depth++;
            } else if (ch == '>') {
                depth--;
            } else if (depth == 0) {
                sb.append(ch);
            }
        }
        t = sb.toString().replace("...", "[]").replaceAll("\\s+", "");
        int dims = t.indexOf('[');
        String base = dims < 0 ? t : t.substring(0, dims);
        String arrays = dims < 0 ? "" : t.substring(dims);
        return base.substring(base.lastIndexOf('.') + 1) + arrays;
    }

    /** The index as a properties file, keys sorted and no time stamp, so the build repeats. */
    static String format(Map<String, String> docs) {
        Properties sorted = new Properties() {
            private static final long serialVersionUID = 1L;

            @Override
            public Set<Map.Entry<Object, Object>> entrySet() {
                Map<Object, Object> copy = new TreeMap<>();
                for (Map.Entry<Object, Object> e : super.entrySet()) {
                    copy.put(e.getKey(), e.getValue());
                }
                return Collections.unmodifiableSet(copy.entrySet());
            }
        };
        sorted.putAll(docs);
        StringWriter w = new StringWriter();
        try {
            sorted.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n", "", "\n"));
    }
}
