package dev.soma.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Soma's version, as Maven recorded it in the jar ({@code META-INF/maven/dev.soma/soma/pom.properties}). */
final class SomaVersion {
    private SomaVersion() {}

    private static final String VERSION = find();

    static String get() {
        return VERSION;
    }

    private static String find() {
        try (InputStream in = SomaVersion.class.getResourceAsStream("/META-INF/maven/dev.soma/soma/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) return v.strip();
            }
        } catch (IOException e) {
            // fall through
        }
        Package pkg = SomaVersion.class.getPackage();
        if (pkg != null && pkg.getImplementationVersion() != null) return pkg.getImplementationVersion();
        // Classes run from a build folder (tests, an IDE) carry no version.
        return "unversioned";
    }
}
