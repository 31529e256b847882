package dev.soma.analysis.spark;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on this machine for tests: one master and some workers, each its own
 * JVM, bound to 127.0.0.1 with free ports, logging into a folder. Workers launch executors (more
 * JVMs) from a Spark home whose {@code jars/} links the test class path's jars, as a Spark
 * distribution would hold them. {@link #close()} ends every process it started, children first.
 */
final class SparkCluster implements AutoCloseable {
    private final Path home;
    private final Path logs;
    private final List<String> classPath;
    private final List<Process> workers = new ArrayList<>();
    private Process master;
    private int masterPort;
    private int uiPort;

    private SparkCluster(Path root) throws IOException {
        this.home = root.resolve("spark-home");
        this.logs = root.resolve("logs");
        Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(logs);
        this.classPath = testClassPath();
        for (String entry : classPath) {
            Path p = Paths.get(entry);
            if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                Path link = home.resolve("jars").resolve(p.getFileName());
                if (!Files.exists(link)) Files.createSymbolicLink(link, p.toAbsolutePath());
            }
        }
    }

    /** Starts a master and {@code workerCount} workers of one core each, and waits until all workers are registered. */
    static SparkCluster start(Path root, int workerCount) throws IOException, InterruptedException {
        SparkCluster c = new SparkCluster(root);
        try {
            c.masterPort = freePort();
            c.uiPort = freePort();
            c.master = c.launch("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", Integer.toString(c.masterPort), "--webui-port", Integer.toString(c.uiPort)));
            // Workers start beside the master: they keep trying to register until it answers.
            for (int w = 1; w <= workerCount; w++) {
                Path work = root.resolve("work-" + w);
                Files.createDirectories(work);
                c.workers.add(c.launch("worker-" + w, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--cores", "1", "--memory", "1g", "--webui-port", Integer.toString(freePort()),
                        "--work-dir", work.toString(), c.url())));
            }
            c.awaitWorkers(workerCount, 90_000);
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The master URL, {@code spark://127.0.0.1:port}. */
    String url() {
        return "spark://127.0.0.1:" + masterPort;
    }

    private Process launch(String name, List<String> mainAndArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-XX:+UseSerialGC");
        // Master and workers only pass messages: the C1 compiler alone starts them sooner.
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.addAll(List.of(org.apache.spark.launcher.JavaModuleOptions.defaultModuleOptionArray()));
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, classPath));
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_HOSTNAME", "localhost");
        env.remove("SPARK_CONF_DIR");
        pb.redirectErrorStream(true);
        pb.redirectOutput(logs.resolve(name + ".log").toFile());
        return pb.start();
    }

    /** Waits until the master reports {@code count} alive workers (its JSON page). */
    private void awaitWorkers(int count, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        Pattern alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
        String last = "";
        while (System.currentTimeMillis() < end) {
            if (!master.isAlive()) {
                throw new IllegalStateException("the Spark master exited; see " + logs.resolve("master.log"));
            }
            try {
                HttpURLConnection http = (HttpURLConnection) new URL("http://127.0.0.1:" + uiPort + "/json/").openConnection();
                http.setConnectTimeout(1000);
                http.setReadTimeout(2000);
                try (InputStream in = http.getInputStream()) {
                    last = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Matcher m = alive.matcher(last);
                if (m.find() && Integer.parseInt(m.group(1)) >= count) return;
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the Spark cluster did not get " + count + " workers within " + timeoutMs + " ms; "
                + "logs in " + logs + "; master said: " + last);
    }

    /** Kills worker {@code w} (from 1) and the executors it launched, as a machine that dies would lose them. */
    void killWorker(int w) throws InterruptedException {
        Process p = workers.get(w - 1);
        kill(p);
    }

    private static void kill(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroyForcibly();
        for (ProcessHandle h : children) h.destroyForcibly();
        p.waitFor();
        for (ProcessHandle h : children) h.onExit().join();
    }

    /** Where the processes log. */
    Path logs() {
        return logs;
    }

    @Override
    public void close() {
        try {
            for (Process w : workers) kill(w);
            if (master != null) kill(master);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The test JVM's class path (Surefire passes it in a property when it starts the JVM from a manifest jar). */
    private static List<String> testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) cp = System.getProperty("java.class.path");
        List<String> out = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.isBlank()) out.add(e);
        }
        if (out.stream().noneMatch(e -> e.contains("spark-core"))) {
            throw new UncheckedIOException(new IOException("Spark is not on the test class path: " + cp));
        }
        return out;
    }
}
