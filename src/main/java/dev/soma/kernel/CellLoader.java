package dev.soma.kernel;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.Manifest;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The notebook's class loader, in place of JShell's default one: it holds the cells' classes and
 * the jars added at run time, and rewrites every call of {@code System.exit}, {@code Runtime.exit}
 * and {@code Runtime.halt} in them (direct calls, method references, method-handle constants) into
 * a call of {@link CellGuard}, which ends the cell with an error instead of the JVM. Into the cells'
 * classes it also weaves {@link CellGuard#checkStop()} at the start of each method and before each
 * backward jump, so that a busy loop can be stopped on Java versions that cannot stop a thread.
 *
 * <p>Why rewriting: the SecurityManager, which could refuse an exit, no longer exists on Java 24
 * and later, and Java offers no other hook before the JVM shuts down. Rewriting at load time
 * covers what a notebook runs: its cells and its jars, on every Java version. It does not cover a
 * call through reflection or a method handle looked up at run time, nor classes of the kernel's own
 * class path or of the JDK; those are rare in a notebook, and a hostile cell can end any process
 * anyway (native code, {@code kill}).
 *
 * <p>Like JShell's own loader it asks its parent (the application class loader, which holds the
 * kernel and its {@link Display} functions) first.
 */
final class CellLoader implements LoaderDelegate {

    private static final String GUARD = CellGuard.class.getName().replace('.', '/');

    private final Loader loader;
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    CellLoader(PrintStream log) {
        this.loader = new Loader(log);
    }

    ClassLoader classLoader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        boolean[] installed = new boolean[cbcs.length];
        try {
            for (ClassBytecodes cbc : cbcs) {
                loader.declare(cbc.name(), cbc.bytecodes());
            }
            for (int i = 0; i < cbcs.length; i++) {
                Class<?> k = loader.loadClass(cbcs[i].name());
                classes.put(cbcs[i].name(), k);
                installed[i] = true;
                // Prepared now, so that a broken class fails here rather than in the cell.
                k.getDeclaredMethods();
            }
        } catch (Throwable e) {
            throw new ClassInstallException("load: " + e.getMessage(), installed);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] cbcs) {
        for (ClassBytecodes cbc : cbcs) {
            loader.declare(cbc.name(), cbc.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        try {
            for (String p : path.split(File.pathSeparator)) {
                loader.add(new File(p).toURI().toURL());
            }
        } catch (MalformedURLException e) {
            throw new InternalException(e.toString());
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> k = classes.get(name);
        if (k == null) {
            throw new ClassNotFoundException(name + " not found");
        }
        return k;
    }

    // ---------------------------------------------------------------- rewriting

    /**
     * The class file with its exit calls turned into {@link CellGuard} calls and, for a cell's class
     * ({@code cell}), stop checks woven in; the same array when nothing changes. A library class
     * whose constant pool names neither "exit" nor "halt" is not parsed.
     */
    static byte[] rewrite(byte[] bytes, boolean cell) {
        if (!cell && !mentions(bytes, "exit") && !mentions(bytes, "halt")) {
            return bytes;
        }
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    private final Set<Label> seen = new HashSet<>();

                    @Override
                    public void visitCode() {
                        super.visitCode();
                        if (cell) {
                            checkStop();
                        }
                    }

                    @Override
                    public void visitLabel(Label label) {
                        seen.add(label);
                        super.visitLabel(label);
                    }

                    @Override
                    public void visitJumpInsn(int opcode, Label label) {
                        if (cell && seen.contains(label)) {
                            checkStop();
                        }
                        super.visitJumpInsn(opcode, label);
                    }

                    private void checkStop() {
                        changed[0] = true;
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "checkStop", "()V", false);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        String guard = guardFor(opcode == Opcodes.INVOKESTATIC ? Opcodes.H_INVOKESTATIC
                                : opcode == Opcodes.INVOKEVIRTUAL ? Opcodes.H_INVOKEVIRTUAL : -1, owner, method, desc);
                        if (guard == null) {
                            super.visitMethodInsn(opcode, owner, method, desc, itf);
                        } else {
                            changed[0] = true;
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, guard, guardDescriptor(owner), false);
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... args) {
                        Object[] mapped = args.clone();
                        for (int i = 0; i < mapped.length; i++) {
                            mapped[i] = mapConstant(mapped[i], changed);
                        }
                        super.visitInvokeDynamicInsn(method, desc, bootstrap, mapped);
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        super.visitLdcInsn(mapConstant(value, changed));
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : bytes;
    }

    /** The guard method for a call, or null if the call does not end the JVM. */
    private static String guardFor(int handleKind, String owner, String method, String desc) {
        if (!desc.equals("(I)V")) {
            return null;
        }
        if (handleKind == Opcodes.H_INVOKESTATIC && owner.equals("java/lang/System") && method.equals("exit")) {
            return "systemExit";
        }
        if (handleKind == Opcodes.H_INVOKEVIRTUAL && owner.equals("java/lang/Runtime")) {
            return method.equals("exit") ? "runtimeExit" : method.equals("halt") ? "runtimeHalt" : null;
        }
        return null;
    }

    private static String guardDescriptor(String owner) {
        return owner.equals("java/lang/System") ? "(I)V" : "(Ljava/lang/Runtime;I)V";
    }

    /** A method handle to an exit ({@code System::exit}) becomes one to the guard; other constants stay. */
    private static Object mapConstant(Object value, boolean[] changed) {
        if (value instanceof Handle h) {
            String guard = guardFor(h.getTag(), h.getOwner(), h.getName(), h.getDesc());
            if (guard != null) {
                changed[0] = true;
                return new Handle(Opcodes.H_INVOKESTATIC, GUARD, guard, guardDescriptor(h.getOwner()), false);
            }
        }
        return value;
    }

    /** Whether the class file holds the UTF-8 constant {@code word} (tag 1, length, bytes). */
    private static boolean mentions(byte[] bytes, String word) {
        int n = word.length();
        outer:
        for (int i = 0; i + 3 + n <= bytes.length; i++) {
            if (bytes[i] != 1 || bytes[i + 1] != 0 || bytes[i + 2] != n) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if (bytes[i + 3 + j] != word.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- the class loader

    private static final class Loader extends URLClassLoader {

        static {
            ClassLoader.registerAsParallelCapable();
        }

        /** The cells' class files, by resource name ("REPL/$JShell$12.class"). */
        private final Map<String, byte[]> cells = new ConcurrentHashMap<>();
        private final PrintStream log;

        Loader(PrintStream log) {
            super(new URL[0], CellLoader.class.getClassLoader());
            this.log = log;
        }

        void declare(String name, byte[] bytes) {
            cells.put(resourceName(name), bytes);
        }

        void add(URL url) {
            addURL(url);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            String resource = resourceName(name);
            byte[] cell = cells.get(resource);
            if (cell != null) {
                byte[] b = rewritten(name, cell, true);
                return defineClass(name, b, 0, b.length, (CodeSource) null);
            }
            URL url = super.findResource(resource);
            if (url == null) {
                throw new ClassNotFoundException(name);
            }
            try {
                URLConnection c = url.openConnection();
                byte[] bytes;
                try (InputStream in = c.getInputStream()) {
                    bytes = in.readAllBytes();
                }
                URL base;
                Manifest manifest = null;
                CodeSigner[] signers = null;
                if (c instanceof JarURLConnection jar) {
                    base = jar.getJarFileURL();
                    manifest = jar.getManifest();
                    JarEntry entry = jar.getJarEntry();
                    signers = entry == null ? null : entry.getCodeSigners();
                } else {
                    String u = url.toString();
                    base = new URL(u.substring(0, u.length() - resource.length()));
                }
                definePackageOf(name, manifest, base);
                byte[] b = rewritten(name, bytes, false);
                return defineClass(name, b, 0, b.length, new CodeSource(base, signers));
            } catch (IOException e) {
                throw new ClassNotFoundException(name + ": " + e.getMessage(), e);
            }
        }

        private byte[] rewritten(String name, byte[] bytes, boolean cell) {
            try {
                return rewrite(bytes, cell);
            } catch (RuntimeException e) {
                // A class file newer than ASM knows: load it as it is, and say so once per class.
                log.println("soma kernel: " + name + " is loaded as it is (exit calls not guarded): " + e);
                return bytes;
            }
        }

        private void definePackageOf(String className, Manifest manifest, URL base) {
            int dot = className.lastIndexOf('.');
            if (dot < 0) {
                return;
            }
            String pkg = className.substring(0, dot);
            if (getDefinedPackage(pkg) != null) {
                return;
            }
            try {
                if (manifest != null) {
                    definePackage(pkg, manifest, base);
                } else {
                    definePackage(pkg, null, null, null, null, null, null, null);
                }
            } catch (IllegalArgumentException raced) {
                // defined by another thread meanwhile
            }
        }

        @Override
        public URL findResource(String name) {
            byte[] cell = cells.get(name);
            return cell != null ? cellUrl(name, cell) : super.findResource(name);
        }

        @Override
        public Enumeration<URL> findResources(String name) throws IOException {
            byte[] cell = cells.get(name);
            if (cell == null) {
                return super.findResources(name);
            }
            List<URL> all = new ArrayList<>();
            all.add(cellUrl(name, cell));
            all.addAll(Collections.list(super.findResources(name)));
            return Collections.enumeration(all);
        }

        /** A URL that reads a cell's class file (as JShell's own loader offers it). */
        private URL cellUrl(String name, byte[] bytes) {
            try {
                return new URL(null, "soma-cell:" + name, new URLStreamHandler() {
                    @Override
                    protected URLConnection openConnection(URL u) {
                        return new URLConnection(u) {
                            @Override
                            public void connect() {
                            }

                            @Override
                            public InputStream getInputStream() {
                                return new ByteArrayInputStream(bytes);
                            }

                            @Override
                            public long getContentLengthLong() {
                                return bytes.length;
                            }
                        };
                    }
                });
            } catch (MalformedURLException e) {
                return null;
            }
        }
    }

    private static String resourceName(String className) {
        return className.replace('.', '/') + ".class";
    }
}
