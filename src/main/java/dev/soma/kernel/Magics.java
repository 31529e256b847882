package dev.soma.kernel;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.Dependency;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import io.github.spencerpark.jupyter.kernel.util.GlobFinder;

/** IJava's magics: {@code %jars}, {@code %classpath}, {@code %maven}, {@code %mavenRepo}, {@code %%loadFromPOM}. */
final class Magics {

    private Magics() {
    }

    /** Runs a line magic; {@code line} is the text after {@code %}. */
    static void line(SomaKernel kernel, String line) throws CellException {
        List<String> words = split(line);
        String name = words.get(0);
        List<String> args = words.subList(1, words.size());
        switch (name) {
            case "jars" -> jars(kernel, name, args, true);
            case "classpath" -> jars(kernel, name, args, false);
            case "maven", "addMavenDependency", "addMavenDependencies" -> maven(kernel, name, args);
            case "mavenRepo" -> mavenRepo(kernel, name, args);
            default -> throw SomaKernel.magicError(name, "unknown line magic; this kernel knows %jars, %classpath, "
                    + "%maven (%addMavenDependency, %addMavenDependencies), %mavenRepo and %%loadFromPOM");
        }
    }

    /** Runs a cell magic; {@code header} is the first line after {@code %%}. */
    static void cell(SomaKernel kernel, String header, String body) throws CellException {
        List<String> words = split(header);
        String name = words.isEmpty() ? "" : words.get(0);
        if (!name.equals("loadFromPOM")) {
            throw SomaKernel.magicError("%" + name, "unknown cell magic; this kernel knows %%loadFromPOM");
        }
        loadFromPom(kernel, body);
    }

    private static void jars(SomaKernel kernel, String name, List<String> globs, boolean jarsOnly) throws CellException {
        if (globs.isEmpty()) {
            throw SomaKernel.magicError(name, "give one or more paths or glob patterns, e.g. %" + name + " lib/*.jar");
        }
        List<String> paths = new ArrayList<>();
        for (String glob : globs) {
            List<String> found = new ArrayList<>();
            Path literal = Paths.get(glob);
            if (Files.exists(literal) && !glob.contains("*") && !glob.contains("?")) {
                found.add(literal.toAbsolutePath().normalize().toString());
            } else {
                try {
                    Iterable<Path> matches = jarsOnly ? new GlobFinder(glob).computeMatchingFiles()
                            : new GlobFinder(glob).computeMatchingPaths();
                    for (Path p : matches) {
                        found.add(p.toAbsolutePath().normalize().toString());
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // a folder of the pattern does not exist: nothing matches
                } catch (Exception e) {
                    throw SomaKernel.magicError(name, "cannot search '" + glob + "': " + e);
                }
            }
            if (jarsOnly) {
                found.removeIf(p -> !p.endsWith(".jar"));
            }
            if (found.isEmpty()) {
                throw SomaKernel.magicError(name, "no " + (jarsOnly ? "jar" : "file or folder") + " matches '" + glob
                        + "' (relative paths start at " + Paths.get("").toAbsolutePath() + ")");
            }
            found.sort(null);
            paths.addAll(found);
        }
        kernel.addToClasspath(paths);
    }

    private static void maven(SomaKernel kernel, String name, List<String> coordinates) throws CellException {
        if (coordinates.isEmpty()) {
            throw SomaKernel.magicError(name, "give coordinates groupId:artifactId:version, e.g. %maven tech.tablesaw:tablesaw-core:0.44.4");
        }
        List<Dependency> deps = new ArrayList<>();
        for (String c : coordinates) {
            try {
                deps.add(MavenDependencies.parse(c));
            } catch (IllegalArgumentException e) {
                throw SomaKernel.magicError(name, "'" + c + "' is not groupId:artifactId[:extension[:classifier]]:version");
            }
        }
        resolveAndAdd(kernel, name, deps);
    }

    private static void resolveAndAdd(SomaKernel kernel, String name, List<Dependency> deps) throws CellException {
        List<File> files;
        try {
            files = kernel.maven().resolve(deps);
        } catch (Exception e) {
            StringBuilder msg = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
                if (msg.indexOf(m) < 0) {
                    msg.append(msg.length() == 0 ? "" : "; ").append(m);
                }
            }
            throw SomaKernel.magicError(name, "cannot resolve " + deps + ": " + msg);
        }
        kernel.addToClasspath(SomaKernel.paths(files));
    }

    private static void mavenRepo(SomaKernel kernel, String name, List<String> args) throws CellException {
        if (args.size() != 2) {
            throw SomaKernel.magicError(name, "give an id and a URL, e.g. %mavenRepo jitpack https://jitpack.io");
        }
        kernel.maven().addRepository(args.get(0), args.get(1));
    }

    private static void loadFromPom(SomaKernel kernel, String body) throws CellException {
        String name = "%loadFromPOM";
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            String xml = body.strip();
            if (xml.startsWith("<?xml")) {
                xml = xml.substring(xml.indexOf("?>") + 2);
            }
            doc = b.parse(new ByteArrayInputStream(("<soma-pom>" + xml + "</soma-pom>").getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw SomaKernel.magicError(name, "the cell is not a POM or POM fragment: " + e.getMessage());
        }
        // ${name} placeholders from the POM's <properties> (no parent, no profiles).
        java.util.Map<String, String> props = new java.util.HashMap<>();
        NodeList propertyBlocks = doc.getElementsByTagName("properties");
        for (int i = 0; i < propertyBlocks.getLength(); i++) {
            for (Node n = propertyBlocks.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    props.put(e.getTagName(), e.getTextContent().strip());
                }
            }
        }
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getChildNodes().getLength() == 1 && e.getFirstChild().getNodeType() == Node.TEXT_NODE) {
                String v = e.getTextContent();
                for (int round = 0; round < 5 && v.contains("${"); round++) {
                    for (java.util.Map.Entry<String, String> p : props.entrySet()) {
                        v = v.replace("${" + p.getKey() + "}", p.getValue());
                    }
                }
                e.setTextContent(v);
            }
        }
        NodeList repos = doc.getElementsByTagName("repository");
        for (int i = 0; i < repos.getLength(); i++) {
            Element r = (Element) repos.item(i);
            String id = text(r, "id");
            String url = text(r, "url");
            if (url != null) {
                kernel.maven().addRepository(id == null ? "repo" + i : id, url);
            }
        }
        List<Dependency> deps = new ArrayList<>();
        NodeList list = doc.getElementsByTagName("dependency");
        for (int i = 0; i < list.getLength(); i++) {
            Element d = (Element) list.item(i);
            if (d.getParentNode() != null && "dependencies".equals(d.getParentNode().getNodeName())
                    && d.getParentNode().getParentNode() != null
                    && "dependencyManagement".equals(d.getParentNode().getParentNode().getNodeName())) {
                continue;
            }
            String g = text(d, "groupId");
            String a = text(d, "artifactId");
            String v = text(d, "version");
            String type = text(d, "type");
            String classifier = text(d, "classifier");
            String scope = text(d, "scope");
            if (g == null || a == null || v == null) {
                throw SomaKernel.magicError(name, "a dependency needs groupId, artifactId and version");
            }
            if ("test".equals(scope) || "provided".equals(scope) || "system".equals(scope)) {
                continue;
            }
            String ext = type == null || type.equals("bundle") ? "jar" : type;
            deps.add(new Dependency(new DefaultArtifact(g, a, classifier == null ? "" : classifier, ext, v), "compile"));
        }
        if (deps.isEmpty()) {
            return;
        }
        resolveAndAdd(kernel, name, deps);
    }

    private static String text(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    /** Splits magic arguments on white space, keeping quoted parts together. */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : s.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
            }
        }
        if (any || cur.length() > 0) {
            out.add(cur.toString());
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }
}
