package dev.soma.kernel;

import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.soma.kernel.spi.MimeRenderer;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.reply.HistoryReply;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import io.github.spencerpark.jupyter.messages.publish.PublishClearOutput;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import io.github.spencerpark.jupyter.messages.request.KernelInfoRequest;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Soma's Jupyter kernel: Java through JShell in the kernel's own JVM, speaking IJava's dialect
 * ({@code %jars}, {@code %classpath}, {@code %maven}, {@code %mavenRepo}, {@code %%loadFromPOM},
 * {@code display}, {@code render}, {@code updateDisplay}). Start it with the path of a Jupyter
 * connection file.
 */
public final class SomaKernel extends BaseKernel {

    static final String VERSION = versionOf();
    /** What IJava 1.3.0 imports into every session, so notebooks behave the same in both kernels. */
    private static final String SESSION_IMPORTS = String.join("\n",
            "import java.util.*;", "import java.io.*;", "import java.math.*;", "import java.net.*;",
            "import java.util.concurrent.*;", "import java.util.prefs.*;", "import java.util.regex.*;",
            "import static dev.soma.kernel.Display.*;");

    private static volatile SomaKernel current;
    private static final boolean TRACE = System.getenv("SOMA_KERNEL_TRACE") != null;
    private static final PrintStream STDERR = System.err;

    /** With SOMA_KERNEL_TRACE set, logs milliseconds since the JVM started, to measure start-up. */
    static void trace(String what) {
        if (TRACE) {
            long start = ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
            long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
            STDERR.println("soma kernel: " + (System.currentTimeMillis() - start) + " ms (cpu " + cpu + " ms) " + what);
        }
    }

    /** The kernel's own standard error, for its log; cells' System.err goes to the notebook. */
    private final PrintStream log;
    private final CellControl control = new CellControl();
    private final Variables variables = new Variables(control::loader);
    private final JavadocIndex javadocs = new JavadocIndex();
    private final CompletableFuture<JShell> shell = new CompletableFuture<>();
    private final MavenDependencies maven = new MavenDependencies();
    private final List<MimeRenderer> renderers = new CopyOnWriteArrayList<>();
    private final Set<String> rendererClasses = new LinkedHashSet<>();
    private final List<String[]> history = new CopyOnWriteArrayList<>();
    private volatile CellException lastError;
    private volatile int cellNumber;
    private volatile ShellReplyEnvironment executeEnv;
    private volatile long connectedAt = System.nanoTime();

    SomaKernel(PrintStream log) {
        this.log = log;
        current = this;
    }

    /** Builds JShell in the background: the kernel answers kernel_info at once, cells wait for it. */
    void startShell() {
        startShellAfter(null, 0);
    }

    private final java.util.concurrent.CountDownLatch firstKernelInfo = new java.util.concurrent.CountDownLatch(1);

    /**
     * Builds JShell once the first kernel_info is answered (or after {@code maxWaitMs}), so that
     * building it (a second of CPU) does not slow the answer Jupyter waits for.
     */
    void startShellAfter(java.util.concurrent.CountDownLatch latch, long maxWaitMs) {
        Thread t = new Thread(() -> {
            try {
                if (latch != null) {
                    latch.await(maxWaitMs, java.util.concurrent.TimeUnit.MILLISECONDS);
                }
                shell.complete(createShell());
            } catch (Throwable e) {
                log.println("soma kernel: JShell did not start: " + e);
                shell.completeExceptionally(e);
            }
        }, "soma-jshell-start");
        t.setDaemon(true);
        t.start();
    }

    static SomaKernel current() {
        SomaKernel k = current;
        if (k == null) {
            throw new IllegalStateException("display functions work only inside the Soma kernel");
        }
        return k;
    }

    public static void main(String[] args) throws Exception {
        PrintStream log = System.err;
        trace("main");
        Logger.getLogger("").setLevel(Level.WARNING);
        JupyterSocket.JUPYTER_LOGGER.setLevel(Level.WARNING);
        // Libraries that show progress in a notebook (Soma's sweeps) find this kernel's display
        // functions through this property, without depending on the kernel.
        System.setProperty("soma.display.classes", Display.class.getName());
        if (args.length < 1) {
            log.println("usage: java -jar soma-kernel.jar CONNECTION_FILE");
            System.exit(2);
        }
        if (args[0].equals("--train")) {
            train(log);
            System.exit(0);
        }
        String json = Files.readString(Paths.get(args[0]), StandardCharsets.UTF_8);
        KernelConnectionProperties props = KernelConnectionProperties.parse(json);
        trace("parsed");
        SomaKernel kernel = new SomaKernel(log);
        trace("kernel");
        guardTheHeap(kernel, log);
        SomaConnection connection = new SomaConnection(props, kernel);
        trace("connection");
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.connectedAt = System.nanoTime();
        trace("connected");
        kernel.startShellAfter(kernel.firstKernelInfo, 400);
        kernel.warmUpLater();
        connection.waitUntilClose();
        System.exit(0);
    }

    // ---------------------------------------------------------------- start-up

    /**
     * Keeps a cell that fills the heap from ending the kernel ({@link HeapGuard}), and makes a
     * thread that dies of a full heap say so in one line: the JVM's default handler prints a stack
     * trace, which needs memory, and then reports "OutOfMemoryError thrown from the
     * UncaughtExceptionHandler" instead.
     */
    private static void guardTheHeap(SomaKernel kernel, PrintStream log) {
        HeapGuard.start(log);
        HeapGuard.onFull(kernel.control::stopForFullHeap);
        Thread.UncaughtExceptionHandler standard = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError) {
                try {
                    log.println("soma kernel: thread \"" + thread.getName() + "\" ended: the heap is full");
                } catch (Throwable ignored) {
                    // nothing more to do without memory
                }
            } else if (standard != null) {
                standard.uncaughtException(thread, e);
            } else {
                // what the JVM prints without a handler (ThreadGroup.uncaughtException would call this one)
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(System.err);
            }
        });
    }

    /** Runs what a first session runs, without Jupyter: used to record a class-data-sharing archive. */
    private static void train(PrintStream log) throws Exception {
        SomaKernel kernel = new SomaKernel(log);
        // The connection's classes (ZeroMQ, Gson, basekernel's channels) too: bind and close.
        int[] ports = new int[5];
        for (int i = 0; i < ports.length; i++) {
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                ports[i] = s.getLocalPort();
            }
        }
        String json = String.format("{\"shell_port\": %d, \"iopub_port\": %d, \"stdin_port\": %d, \"control_port\": %d, "
                + "\"hb_port\": %d, \"ip\": \"127.0.0.1\", \"key\": \"train\", \"transport\": \"tcp\", "
                + "\"signature_scheme\": \"hmac-sha256\", \"kernel_name\": \"java\"}",
                ports[0], ports[1], ports[2], ports[3], ports[4]);
        SomaConnection connection = new SomaConnection(KernelConnectionProperties.parse(json), kernel);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.startShell();
        kernel.run("int x = 1 + 2;\nString s = \"a\" + x;\nx");
        kernel.run("var img = new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);\n"
                + "var g = img.createGraphics(); g.drawString(\"Soma\", 2, 12); g.dispose();\nimg");
        kernel.complete("Syst", 4);
        kernel.isComplete("for (int i = 0; i < 3; i++) {");
        kernel.inspect("Math.abs", 8, false);
        kernel.renderValue(java.util.List.of(1, 2));
        kernel.onShutdown(false);
        connection.close();
    }

    private JShell createShell() {
        JShell js = JShell.builder()
                .executionEngine(new CellControl.Provider(control), Map.of())
                .compilerOptions("-Xlint:none")
                .build();
        String kernelJar = kernelJar();
        if (kernelJar != null) {
            // The compiler must see Display (the loader does already: it is the parent's).
            js.addToClasspath(kernelJar);
        }
        // A re-declared variable's old value is freed before the new initializer runs.
        control.beforeInvoke(() -> variables.releaseReplaced(js));
        for (String imp : SESSION_IMPORTS.split("\n")) {
            js.eval(imp);
        }
        // A statement that runs code once, so the notebook's class loader exists from now on.
        js.eval("if (false) {}");
        loadRenderers();
        trace("JShell ready");
        return js;
    }

    private static String kernelJar() {
        try {
            Path p = Paths.get(SomaKernel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString();
        } catch (Exception e) {
            return null;
        }
    }

    /** Warms the compiler, AWT, fonts and PNG encoding in the background, off the critical path. */
    private void warmUpLater() {
        Thread t = new Thread(() -> {
            try {
                JShell js = shell.join();
                synchronized (this) {
                    js.sourceCodeAnalysis().analyzeCompletion("Math.abs(-1);");
                }
                if (Boolean.parseBoolean(System.getProperty("soma.kernel.warmAwt", "true"))) {
                    java.awt.image.BufferedImage img =
                            new java.awt.image.BufferedImage(64, 32, java.awt.image.BufferedImage.TYPE_INT_ARGB);
                    java.awt.Graphics2D g = img.createGraphics();
                    g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
                    g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
                    g.drawString("Soma 0123456789", 2, 20);
                    g.draw(new java.awt.geom.Line2D.Double(0, 0, 60, 30));
                    g.dispose();
                    javax.imageio.ImageIO.write(img, "png", new java.io.ByteArrayOutputStream());
                }
                synchronized (this) {
                    js.eval("if (false) { Object o = java.util.List.of(1); }");
                }
                trace("warm-up done");
            } catch (IllegalStateException e) {
                // JShell closed (shut down) while warming up
            } catch (Throwable e) {
                log.println("soma kernel: warm-up failed: " + e);
            }
        }, "soma-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private JShell shell() {
        return shell.join();
    }

    // ---------------------------------------------------------------- protocol

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(KernelInfoRequest.MESSAGE_TYPE, this::handleKernelInfo);
        ShellHandler<ExecuteRequest> execute = connection.getHandler(ExecuteRequest.MESSAGE_TYPE);
        connection.setHandler(ExecuteRequest.MESSAGE_TYPE, (env, message) -> {
            // Before "busy" is published: an interrupt from then on stops this cell, even one that
            // comes while JShell compiles and no snippet runs yet.
            control.beginCell();
            executeEnv = env;
            try {
                execute.handle(env, message);
            } finally {
                executeEnv = null;
            }
        });
        connection.setHandler(HistoryRequest.MESSAGE_TYPE, this::handleHistory);
        new WidgetComms(this, connection, log).install();
    }

    /** The execute request of the cell that runs now, or null between cells. */
    io.github.spencerpark.jupyter.messages.MessageContext executeContext() {
        ShellReplyEnvironment env = executeEnv;
        return env == null ? null : env.getContext();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handleKernelInfo(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        env.setBusyDeferIdle();
        LanguageInfo li = getLanguageInfo();
        Map<String, Object> language = new LinkedHashMap<>();
        language.put("name", li.getName());
        language.put("version", li.getVersion());
        language.put("mimetype", li.getMimetype());
        language.put("file_extension", li.getFileExtension());
        language.put("pygments_lexer", li.getPygmentsLexer());
        language.put("codemirror_mode", li.getCodemirrorMode());
        language.put("nbconvert_exporter", li.getNbconvertExporter());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        content.put("protocol_version", "5.3");
        content.put("implementation", "soma");
        content.put("implementation_version", VERSION);
        content.put("language_info", language);
        content.put("banner", getBanner());
        List<Map<String, String>> links = new ArrayList<>();
        for (LanguageInfo.Help h : getHelpLinks()) {
            links.add(Map.of("text", h.getText(), "url", h.getUrl()));
        }
        content.put("help_links", links);
        env.reply(new Message(env.getContext(), KernelInfoReply.MESSAGE_TYPE, content));
        trace("kernel_info_reply");
        firstKernelInfo.countDown();
        if (System.nanoTime() - connectedAt < 2_000_000_000L) {
            repeatIdle(env);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handleHistory(ShellReplyEnvironment env, Message<HistoryRequest> request) {
        env.setBusyDeferIdle();
        HistoryRequest req = request.getContent();
        List<String[]> all = new ArrayList<>(history);
        List<String[]> picked = new ArrayList<>();
        if (req instanceof HistoryRequest.Range range) {
            int start = range.getStart();
            int stop = range.getStop();
            for (String[] h : all) {
                int line = Integer.parseInt(h[0]);
                if (line >= start && (stop <= 0 || line < stop)) {
                    picked.add(h);
                }
            }
        } else if (req instanceof HistoryRequest.Search search) {
            String glob = search.getPattern() == null ? "*" : search.getPattern();
            String regex = globToRegex(glob);
            Set<String> seen = new LinkedHashSet<>();
            for (int i = all.size() - 1; i >= 0; i--) {
                String[] h = all.get(i);
                if (h[1].matches(regex) && (!search.filterUnique() || seen.add(h[1]))) {
                    picked.add(0, h);
                }
            }
            int n = search.getMaxReturnLength();
            if (n > 0 && picked.size() > n) {
                picked = picked.subList(picked.size() - n, picked.size());
            }
        } else {
            int n = req instanceof HistoryRequest.Tail tail ? tail.getMaxReturnLength() : all.size();
            picked = n > 0 && all.size() > n ? all.subList(all.size() - n, all.size()) : all;
        }
        List<Object> entries = new ArrayList<>();
        for (String[] h : picked) {
            Object io = req.includeOutput() ? Arrays.asList(h[1], h[2]) : h[1];
            entries.add(Arrays.asList(1, Integer.parseInt(h[0]), io));
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        content.put("history", entries);
        env.reply(new Message(env.getContext(), HistoryReply.MESSAGE_TYPE, content));
    }

    /**
     * Just after start-up a client's IOPub subscription may not have reached the kernel yet, so the
     * status messages of the first kernel_info are lost; jupyter_client then waits 0.2 s and asks
     * again. Repeating "idle" for a short while lets it see IOPub at once.
     */
    private void repeatIdle(ShellReplyEnvironment env) {
        Thread t = new Thread(() -> {
            try {
                for (int i = 0; i < 8; i++) {
                    Thread.sleep(30);
                    env.setStatusIdle();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the connection closed meanwhile
            }
        }, "soma-idle-repeat");
        t.setDaemon(true);
        t.start();
    }

    private static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder("(?s)");
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    /** Clears the running cell's output (a Soma extension; IJava has no such function). */
    void clearOutput(boolean wait) {
        ShellReplyEnvironment env = executeEnv;
        if (env != null) {
            System.out.flush();
            System.err.flush();
            env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
        }
    }

    CellException lastError() {
        return lastError;
    }

    int currentCellNumber() {
        return cellNumber;
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("java")
                .version(System.getProperty("java.specification.version"))
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
    }

    @Override
    public String getBanner() {
        return "Soma kernel " + VERSION + ": Java " + Runtime.version() + " through JShell (IJava dialect)";
    }

    @Override
    public List<LanguageInfo.Help> getHelpLinks() {
        return List.of(new LanguageInfo.Help("Java API",
                "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/index.html"));
    }

    // ---------------------------------------------------------------- execution

    @Override
    public DisplayData eval(String code) throws Exception {
        trace("eval start");
        try {
            return evalCell(code);
        } finally {
            trace("eval end");
        }
    }

    private DisplayData evalCell(String code) throws Exception {
        lastError = null;
        cellNumber = executionCount.get() - 1;
        String[] entry = {String.valueOf(cellNumber), code, null};
        history.add(entry);
        try {
            DisplayData result = run(code);
            if (result != null) {
                Object text = result.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN);
                entry[2] = text == null ? null : text.toString();
            }
            return result;
        } catch (CellException e) {
            lastError = e;
            throw e;
        } catch (Error e) {
            // The kernel's own work for the cell (JShell compiling it, a magic) failed: the client
            // still gets a reply, and after a full heap the same advice as a cell's own error.
            String message = e.getMessage() == null ? "" : e.getMessage();
            CellException error = new CellException(e.getClass().getName(), message,
                    List.of(red(e.getClass().getName() + (message.isEmpty() ? "" : ": " + message))));
            if (e instanceof OutOfMemoryError && shell.isDone() && !shell.isCompletedExceptionally()) {
                error = withMemoryAdvice(shell.join(), error, true, List.of());
            }
            lastError = error;
            throw error;
        }
    }

    DisplayData run(String code) throws Exception {
        JShell js = shell();
        if (code.stripLeading().startsWith("%%")) {
            String body = code.stripLeading();
            int nl = body.indexOf('\n');
            String header = nl < 0 ? body.substring(2) : body.substring(2, nl);
            String rest = nl < 0 ? "" : body.substring(nl + 1);
            Magics.cell(this, header.trim(), rest);
            return null;
        }
        Object value = NONE;
        StringBuilder java = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("%") && !t.startsWith("%%") && t.length() > 1 && Character.isJavaIdentifierStart(t.charAt(1))) {
                if (!java.toString().isBlank()) {
                    evalJava(js, java.toString());
                }
                java.setLength(0);
                Magics.line(this, t.substring(1));
                value = NONE;
            } else {
                java.append(line).append('\n');
            }
        }
        if (!java.toString().isBlank()) {
            value = evalJava(js, java.toString());
        }
        if (value == NONE) {
            return null;
        }
        return renderValue(value);
    }

    private static final Object NONE = new Object();

    private Object evalJava(JShell js, String code) throws CellException {
        SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
        String remaining = code;
        Object value = NONE;
        List<VarSnippet> declared = new ArrayList<>();
        while (!remaining.isBlank()) {
            CompletionInfo info;
            synchronized (this) {
                info = analysis.analyzeCompletion(remaining);
            }
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                break;
            }
            if (!c.isComplete()) {
                throw new CellException("CompilationException", "incomplete input",
                        List.of(red("error: incomplete input, the cell ends inside a statement:"), remaining.strip()));
            }
            String source = info.source();
            remaining = info.remaining();
            List<SnippetEvent> events;
            control.reset();
            synchronized (this) {
                events = js.eval(source);
                variables.releaseReplaced(js);
            }
            for (SnippetEvent e : events) {
                if (e.snippet() instanceof VarSnippet v && e.status().isActive()) {
                    variables.track(v);
                    if (e.causeSnippet() == null) {
                        declared.add(v);
                    }
                }
            }
            if (control.wasStopped()) {
                throw new CellException("InterruptedException", "the cell was interrupted",
                        List.of(red("java.lang.InterruptedException: the cell was interrupted")));
            }
            value = NONE;
            for (SnippetEvent e : events) {
                if (e.causeSnippet() != null) {
                    continue;
                }
                Snippet s = e.snippet();
                if (e.status() == Snippet.Status.REJECTED) {
                    throw compileError(js, s);
                }
                if (e.exception() != null) {
                    throw withMemoryAdvice(js, runtimeError(e.exception()), isOutOfMemory(e.exception()), declared);
                }
                boolean expression = s instanceof ExpressionSnippet
                        || (s instanceof VarSnippet && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
                if (expression) {
                    value = control.hasValue() ? control.value() : e.value();
                }
            }
        }
        return value;
    }

    private CellException compileError(JShell js, Snippet s) {
        List<String> lines = new ArrayList<>();
        String first = null;
        String src = s.source();
        for (Diag d : js.diagnostics(s).toList()) {
            if (!d.isError()) {
                continue;
            }
            String msg = d.getMessage(Locale.ROOT);
            if (first == null) {
                first = msg;
            }
            lines.add(red("error: " + msg));
            int pos = (int) d.getStartPosition();
            if (pos >= 0 && pos <= src.length()) {
                // start of the line holding pos (0 when pos is 0, even if the snippet begins with a newline)
                int ls = src.lastIndexOf('\n', pos - 1) + 1;
                int le = src.indexOf('\n', pos);
                if (le < 0) {
                    le = src.length();
                }
                lines.add(src.substring(ls, le));
                int end = (int) Math.min(Math.max(d.getEndPosition(), pos + 1), le);
                lines.add(" ".repeat(pos - ls) + "^" + "-".repeat(Math.max(0, end - pos - 1)));
            }
        }
        if (first == null) {
            first = "the snippet was rejected";
            lines.add(red("error: " + first));
            lines.add(src);
        }
        return new CellException("CompilationException", first, lines);
    }

    private CellException runtimeError(JShellException ex) {
        if (ex instanceof UnresolvedReferenceException ure) {
            String msg = "it refers to something not declared yet: " + ure.getSnippet().source().strip();
            return new CellException("UnresolvedReferenceException", msg, List.of(red("UnresolvedReferenceException: " + msg)));
        }
        String name = ex instanceof EvalException ee ? ee.getExceptionClassName() : ex.getClass().getName();
        String message = ex.getMessage();
        List<String> lines = new ArrayList<>();
        Throwable t = ex;
        boolean top = true;
        while (t != null) {
            String cls = t instanceof EvalException ee2 ? ee2.getExceptionClassName() : t.getClass().getName();
            String head = (top ? "" : "Caused by: ") + cls + (t.getMessage() == null ? "" : ": " + clean(t.getMessage()));
            lines.add(red(head));
            int shown = 0;
            for (StackTraceElement el : t.getStackTrace()) {
                // JShell names the frames of snippets with an empty class and a file "#<snippet id>".
                boolean user = el.getClassName().isEmpty() || el.getClassName().startsWith("REPL.");
                if (user && shown < 8) {
                    String method = el.getMethodName().isEmpty() || el.getMethodName().equals("do_it$")
                            ? "cell" : el.getMethodName();
                    String file = el.getFileName() == null ? "" : el.getFileName();
                    lines.add("    at " + method + "(" + file + (el.getLineNumber() > 0 ? ":" + el.getLineNumber() : "") + ")");
                    shown++;
                }
            }
            top = false;
            t = t.getCause() == t ? null : t.getCause();
        }
        return new CellException(name, message == null ? "" : clean(message), lines);
    }

    /**
     * Adds to a failed cell's error what holds memory and how to free it: after an
     * OutOfMemoryError, the variables holding the most, {@code name = null;}, a restart and the heap
     * option; after any failure, large values that this cell declared before failing (they keep
     * their values).
     */
    private CellException withMemoryAdvice(JShell js, CellException error, boolean oom, List<VarSnippet> declared) {
        try {
            return withMemoryNotes(js, error, oom, declared);
        } catch (OutOfMemoryError | RuntimeException adviceFailed) {
            // the advice must never hide the cell's own error
            return error;
        }
    }

    /** Whether a cell's failure is (or was caused by) an OutOfMemoryError. */
    private static boolean isOutOfMemory(JShellException cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String cls = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
            if (cls.equals(OutOfMemoryError.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private CellException withMemoryNotes(JShell js, CellException error, boolean oom, List<VarSnippet> declared) {
        int visits = oom ? Variables.VISITS_AFTER_OUT_OF_MEMORY : Variables.MAX_VISITS;
        List<String> notes = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        String firstKept = null;
        for (VarSnippet v : declared) {
            Object value = variables.value(js, v);
            long bytes = Variables.bytes(value, visits);
            if (bytes >= Variables.LARGE_BYTES) {
                kept.add(Variables.describe(v.name(), value, bytes));
                firstKept = firstKept == null ? v.name() : firstKept;
            }
        }
        if (!kept.isEmpty()) {
            notes.add("This cell declared " + String.join(", ", kept) + " before the error; "
                    + (kept.size() == 1 ? "it keeps its value" : "they keep their values")
                    + ": set " + firstKept + " = null; to free the memory.");
        }
        if (oom) {
            List<String> largest = variables.largest(js, 3, visits);
            notes.add("The kernel is still running and the notebook's variables keep their values.");
            if (!largest.isEmpty()) {
                notes.add("The variables holding the most memory: " + String.join(", ", largest) + ".");
            }
            notes.add("To free memory, set large variables to null (e.g. " + (largest.isEmpty() ? "big" : largest.get(0).split(" ")[0])
                    + " = null;) or restart the kernel (Kernel > Restart). The kernel's heap is limited to "
                    + Variables.megabytes(Runtime.getRuntime().maxMemory())
                    + "; for more, start it with SOMA_KERNEL_JAVA_OPTS=-Xmx8g (or another size).");
        }
        if (notes.isEmpty()) {
            return error;
        }
        List<String> lines = new ArrayList<>(error.traceback);
        notes.forEach(n -> lines.add(red(n)));
        return new CellException(error.name, error.value, lines);
    }

    /** Drops JShell's wrapper class names ("REPL.$JShell$12.") from messages. */
    private static String clean(String message) {
        return message.replaceAll("REPL\\.\\$JShell\\$\\d+[A-Z]?\\.", "");
    }

    private static String red(String s) {
        return "\u001b[31m" + s + "\u001b[0m";
    }

    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof CellException ce) {
            return ce.traceback;
        }
        List<String> lines = new ArrayList<>();
        lines.add(red(e.getClass().getName() + ": " + e.getMessage()));
        return lines;
    }

    /** Called by {@link Magics} with a kernel-side failure (bad magic arguments, missing jar). */
    static CellException magicError(String magic, String message) {
        return new CellException("MagicException", "%" + magic + ": " + message, List.of(red("%" + magic + ": " + message)));
    }

    @Override
    public void interrupt() {
        control.stop();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        control.stop();
        if (shell.isDone() && !shell.isCompletedExceptionally()) {
            try {
                shell.join().close();
            } catch (RuntimeException ignored) {
                // closing is best effort
            }
        }
    }

    // ---------------------------------------------------------------- class path and rendering

    /** Adds jars to the notebook's class path, then looks for renderers they contribute. */
    void addToClasspath(List<String> paths) {
        JShell js = shell();
        synchronized (this) {
            for (String p : paths) {
                js.addToClasspath(p);
            }
        }
        loadRenderers();
    }

    MavenDependencies maven() {
        return maven;
    }

    PrintStream log() {
        return log;
    }

    private void loadRenderers() {
        ClassLoader cl = control.loader();
        if (cl == null) {
            return;
        }
        ServiceLoader<MimeRenderer> loader = ServiceLoader.load(MimeRenderer.class, cl);
        var it = loader.iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                MimeRenderer r = it.next();
                if (rendererClasses.add(r.getClass().getName())) {
                    renderers.add(r);
                }
            } catch (ServiceConfigurationError e) {
                log.println("soma kernel: a renderer could not be loaded: " + e.getMessage());
            }
        }
    }

    /** Renders a value as the kernel shows results: contributed renderers first, then basekernel's. */
    DisplayData renderValue(Object value, String... mimes) {
        if (value instanceof DisplayData dd) {
            return dd;
        }
        if (value == null) {
            return new DisplayData("null");
        }
        Thread th = Thread.currentThread();
        ClassLoader previous = th.getContextClassLoader();
        if (control.loader() != null) {
            th.setContextClassLoader(control.loader());
        }
        try {
            for (MimeRenderer r : renderers) {
                Map<String, Object> data;
                try {
                    data = r.render(value);
                } catch (RuntimeException | LinkageError e) {
                    log.println("soma kernel: renderer " + r.getClass().getName() + " failed: " + e);
                    continue;
                }
                if (data == null) {
                    continue;
                }
                DisplayData out = new DisplayData();
                for (Map.Entry<String, Object> e : data.entrySet()) {
                    if (mimes.length > 0 && !Arrays.asList(mimes).contains(e.getKey())) {
                        continue;
                    }
                    Object v = e.getValue();
                    out.putData(e.getKey(), v instanceof byte[] b ? Base64.getEncoder().encodeToString(b) : v);
                }
                if (out.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN) == null) {
                    out.putText(String.valueOf(value));
                }
                if (mimes.length == 0 || data.keySet().stream().anyMatch(Arrays.asList(mimes)::contains)) {
                    return out;
                }
            }
            DisplayData out = mimes.length == 0 ? getRenderer().render(value) : getRenderer().renderAs(value, mimes);
            if (value instanceof java.awt.image.RenderedImage img
                    && out.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN) != null) {
                // toString() of an image names its identity hash: a text that changes on every run.
                out.putText(value.getClass().getSimpleName() + " " + img.getWidth() + " x " + img.getHeight() + " px");
            }
            return out;
        } finally {
            th.setContextClassLoader(previous);
        }
    }

    // ---------------------------------------------------------------- completion, inspection

    private static String blankMagics(String code) {
        StringBuilder sb = new StringBuilder(code.length());
        for (String line : code.split("\n", -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(line.strip().startsWith("%") ? " ".repeat(line.length()) : line);
        }
        return sb.toString();
    }

    /** Start of the snippet that contains the cursor. */
    private int snippetStart(SourceCodeAnalysis analysis, String code, int cursor) {
        int start = 0;
        String rest = code;
        while (true) {
            CompletionInfo ci = analysis.analyzeCompletion(rest);
            if (!ci.completeness().isComplete() || ci.remaining().isEmpty()) {
                return start;
            }
            int consumed = rest.length() - ci.remaining().length();
            if (start + consumed >= cursor) {
                return start;
            }
            start += consumed;
            rest = ci.remaining();
        }
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        if (code.stripLeading().startsWith("%%")) {
            return null;
        }
        String src = blankMagics(code);
        SourceCodeAnalysis analysis = shell().sourceCodeAnalysis();
        synchronized (this) {
            int start = snippetStart(analysis, src, at);
            String snippet = src.substring(start);
            int[] anchor = new int[1];
            List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(snippet, at - start, anchor);
            Set<String> options = new LinkedHashSet<>();
            suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                    .forEach(s -> options.add(s.continuation()));
            suggestions.forEach(s -> options.add(s.continuation()));
            if (options.isEmpty()) {
                return null;
            }
            return new ReplacementOptions(new ArrayList<>(options), start + anchor[0], at);
        }
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String src = blankMagics(code);
        int end = Math.min(at, src.length());
        while (end < src.length() && Character.isJavaIdentifierPart(src.charAt(end))) {
            end++;
        }
        SourceCodeAnalysis analysis = shell().sourceCodeAnalysis();
        synchronized (this) {
            int start = snippetStart(analysis, src, end);
            String snippet = src.substring(start, end);
            List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(snippet, snippet.length(), true);
            if (docs.isEmpty()) {
                docs = analysis.documentation(snippet + "(", snippet.length() + 1, true);
            }
            if (docs.isEmpty()) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            javadocs.refresh(control.loader());
            for (SourceCodeAnalysis.Documentation d : docs) {
                text.append(d.signature()).append('\n');
                html.append("<pre>").append(JavadocText.escape(d.signature())).append("</pre>");
                if (d.javadoc() != null && !d.javadoc().isBlank()) {
                    text.append(d.javadoc().strip()).append("\n");
                    html.append("<pre>").append(JavadocText.escape(d.javadoc().strip())).append("</pre>");
                } else {
                    // Soma's own Javadoc, from the index its jar carries (JShell sees no sources).
                    JavadocIndex.Found found = javadocs.lookup(d.signature(), name -> qualifiedNames(analysis, name), control.loader());
                    if (found != null) {
                        text.append('\n').append(JavadocText.plain(found.raw())).append('\n');
                        html.append(JavadocText.html(found.raw()));
                    }
                    JavadocIndex.Found result = javadocs.resultDoc(d.signature(), name -> qualifiedNames(analysis, name));
                    if (result != null) {
                        String type = result.key().substring(result.key().lastIndexOf('.') + 1);
                        text.append("\nIt returns a ").append(type).append(":\n\n").append(JavadocText.plain(result.raw())).append('\n');
                        html.append("<p>It returns a <code>").append(JavadocText.escape(type)).append("</code>:</p>")
                                .append(JavadocText.html(result.raw()));
                    }
                }
                text.append('\n');
            }
            DisplayData out = new DisplayData(text.toString().strip());
            out.putHTML(html.toString());
            return out;
        }
    }

    /** The qualified names a simple class name may mean in the notebook (its imports). */
    private static List<String> qualifiedNames(SourceCodeAnalysis analysis, String simpleName) {
        try {
            return analysis.listQualifiedNames(simpleName, simpleName.length()).getNames();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public String isComplete(String code) {
        if (code.stripLeading().startsWith("%%")) {
            return IS_COMPLETE_YES;
        }
        String rest = blankMagics(code);
        SourceCodeAnalysis analysis = shell().sourceCodeAnalysis();
        synchronized (this) {
            while (!rest.isBlank()) {
                CompletionInfo ci = analysis.analyzeCompletion(rest);
                switch (ci.completeness()) {
                    case EMPTY:
                        return IS_COMPLETE_YES;
                    case DEFINITELY_INCOMPLETE:
                    case CONSIDERED_INCOMPLETE:
                        return "    ";
                    case UNKNOWN:
                        return IS_COMPLETE_BAD;
                    default:
                        rest = ci.remaining();
                }
            }
        }
        return IS_COMPLETE_YES;
    }

    private static String versionOf() {
        String v = SomaKernel.class.getPackage() == null ? null : SomaKernel.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    static List<String> paths(List<File> files) {
        List<String> out = new ArrayList<>();
        for (File f : files) {
            out.add(f.getAbsolutePath());
        }
        return out;
    }
}
