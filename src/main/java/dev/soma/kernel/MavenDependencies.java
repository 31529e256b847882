package dev.soma.kernel;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Profile;
import org.apache.maven.settings.Repository;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingResult;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/**
 * Resolves Maven coordinates with their transitive compile and runtime dependencies, through
 * Maven Resolver: Maven Central plus repositories added with {@code %mavenRepo}, the mirrors,
 * proxies, servers, profiles and local repository of {@code ~/.m2/settings.xml}. Artifacts already
 * in the local repository are used as they are, so what was resolved once also resolves offline.
 */
final class MavenDependencies {

    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Map<String, RemoteRepository> repositories = new LinkedHashMap<>();
    private RepositorySystem system;
    private DefaultRepositorySystemSession session;

    MavenDependencies() {
        repositories.put("central", new RemoteRepository.Builder("central", "default", CENTRAL).build());
    }

    /** Adds a remote repository ({@code %mavenRepo id url}). */
    synchronized void addRepository(String id, String url) {
        repositories.put(id, new RemoteRepository.Builder(id, "default", url).build());
    }

    /** Resolves the given dependencies and returns the files to put on the class path, in order. */
    synchronized List<File> resolve(List<Dependency> dependencies) throws Exception {
        init();
        CollectRequest collect = new CollectRequest();
        collect.setDependencies(dependencies);
        collect.setRepositories(system.newResolutionRepositories(session, new ArrayList<>(repositories.values())));
        DependencyRequest request = new DependencyRequest(collect,
                DependencyFilterUtils.classpathFilter(JavaScopes.COMPILE, JavaScopes.RUNTIME));
        DependencyResult result = system.resolveDependencies(session, request);
        List<File> files = new ArrayList<>();
        for (ArtifactResult artifact : result.getArtifactResults()) {
            File file = artifact.getArtifact().getFile();
            if (file != null && file.getName().endsWith(".jar")) {
                files.add(file);
            }
        }
        return files;
    }

    /** A dependency from {@code groupId:artifactId[:extension[:classifier]]:version}. */
    static Dependency parse(String coordinates) {
        return new Dependency(new DefaultArtifact(coordinates), JavaScopes.COMPILE);
    }

    private void init() throws Exception {
        if (system != null) {
            return;
        }
        Settings settings = loadSettings();
        RepositorySystem sys = new RepositorySystemSupplier().get();
        DefaultRepositorySystemSession s = MavenRepositorySystemUtils.newSession();
        Properties sysProps = new Properties();
        sysProps.putAll(System.getProperties());
        s.setSystemProperties(sysProps);
        String localRepo = settings.getLocalRepository();
        Path local = localRepo != null && !localRepo.isBlank()
                ? Paths.get(localRepo)
                : Paths.get(System.getProperty("user.home"), ".m2", "repository");
        // "simple": every artifact present in the local repository counts, wherever it came from.
        s.setLocalRepositoryManager(sys.newLocalRepositoryManager(s, new LocalRepository(local.toFile(), "simple")));
        s.setOffline(settings.isOffline() || Boolean.getBoolean("soma.maven.offline"));

        DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
        for (Mirror m : settings.getMirrors()) {
            mirrors.add(m.getId(), m.getUrl(), m.getLayout(), false, m.isBlocked(), m.getMirrorOf(), m.getMirrorOfLayouts());
        }
        s.setMirrorSelector(mirrors);

        DefaultProxySelector proxies = new DefaultProxySelector();
        for (org.apache.maven.settings.Proxy p : settings.getProxies()) {
            if (!p.isActive()) {
                continue;
            }
            AuthenticationBuilder auth = new AuthenticationBuilder();
            if (p.getUsername() != null) {
                auth.addUsername(p.getUsername()).addPassword(p.getPassword());
            }
            proxies.add(new Proxy(p.getProtocol(), p.getHost(), p.getPort(), auth.build()), p.getNonProxyHosts());
        }
        s.setProxySelector(proxies);

        DefaultAuthenticationSelector auths = new DefaultAuthenticationSelector();
        for (Server server : settings.getServers()) {
            AuthenticationBuilder auth = new AuthenticationBuilder();
            if (server.getUsername() != null) {
                auth.addUsername(server.getUsername()).addPassword(server.getPassword());
            }
            if (server.getPrivateKey() != null) {
                auth.addPrivateKey(server.getPrivateKey(), server.getPassphrase());
            }
            auths.add(server.getId(), auth.build());
        }
        s.setAuthenticationSelector(auths);

        List<String> active = settings.getActiveProfiles();
        for (Profile profile : settings.getProfiles()) {
            boolean on = active.contains(profile.getId())
                    || (profile.getActivation() != null && profile.getActivation().isActiveByDefault());
            if (!on) {
                continue;
            }
            for (Repository r : profile.getRepositories()) {
                repositories.putIfAbsent(r.getId(), new RemoteRepository.Builder(r.getId(), "default", r.getUrl()).build());
            }
        }
        system = sys;
        session = s;
    }

    private static Settings loadSettings() {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        File user = Paths.get(System.getProperty("user.home"), ".m2", "settings.xml").toFile();
        if (user.isFile()) {
            request.setUserSettingsFile(user);
        }
        String mavenHome = System.getenv("MAVEN_HOME") != null ? System.getenv("MAVEN_HOME") : System.getenv("M2_HOME");
        if (mavenHome != null) {
            File global = Paths.get(mavenHome, "conf", "settings.xml").toFile();
            if (global.isFile()) {
                request.setGlobalSettingsFile(global);
            }
        }
        request.setSystemProperties(System.getProperties());
        try {
            SettingsBuildingResult result = new DefaultSettingsBuilderFactory().newInstance().build(request);
            return result.getEffectiveSettings();
        } catch (Exception e) {
            return new Settings();
        }
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
