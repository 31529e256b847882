package dev.soma.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

/** The kernel's evaluation without Jupyter: JShell in this JVM, results, errors, completion. */
class SomaKernelTest {

    private static SomaKernel kernel;

    @BeforeAll
    static void start() {
        kernel = new SomaKernel(System.err);
        kernel.startShell();
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    private static String text(DisplayData d) {
        return String.valueOf(d.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void lastExpressionIsRenderedAsItsObject() throws Exception {
        assertEquals("42", text(kernel.run("int a = 6;\na * 7")));
        assertNull(kernel.run("int b = 1;"), "a declaration shows nothing");
        DisplayData image = kernel.run("new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        assertNotNull(image.getData(MIMEType.parse("image/png")));
        assertEquals("BufferedImage 4 x 3 px", text(image));
    }

    @Test
    void sessionHasIJavaImportsAndFunctions() throws Exception {
        assertEquals("[1, 2]", text(kernel.run("new ArrayList<>(List.of(1, 2))")));
        assertEquals("3", text(kernel.run("render(3)")));
    }

    @Test
    void exceptionsKeepTheirClassMessageAndUserFrames() {
        CellException e = assertThrows(CellException.class,
                () -> kernel.run("void explode() { throw new IllegalStateException(\"boom\"); }\nexplode();"));
        assertEquals("java.lang.IllegalStateException", e.name);
        assertEquals("boom", e.value);
        assertTrue(e.traceback.stream().anyMatch(l -> l.contains("at explode(")), e.traceback.toString());
        assertTrue(e.traceback.stream().noneMatch(l -> l.contains("jdk.internal") || l.contains("dev.soma.kernel")));
    }

    @Test
    void compileErrorsNameTheProblemAndTheLine() {
        CellException e = assertThrows(CellException.class, () -> kernel.run("int n = \"three\";"));
        assertEquals("CompilationException", e.name);
        assertTrue(e.value.contains("incompatible types"), e.value);
        assertTrue(e.traceback.contains("int n = \"three\";"), e.traceback.toString());
    }

    @Test
    void missingJarIsAClearError() {
        CellException e = assertThrows(CellException.class, () -> kernel.run("%jars no/such/dir/*.jar"));
        assertTrue(e.value.contains("no jar matches 'no/such/dir/*.jar'"), e.value);
        CellException unknown = assertThrows(CellException.class, () -> kernel.run("%nosuchmagic"));
        assertTrue(unknown.value.contains("unknown line magic"), unknown.value);
    }

    @Test
    void completionInspectionAndCompleteness() {
        ReplacementOptions o = kernel.complete("Syst", 4);
        assertTrue(o.getReplacements().contains("System"), o.getReplacements().toString());
        assertEquals(0, o.getSourceStart());
        ReplacementOptions abs = kernel.complete("int x = 1;\nMath.ab", 18);
        assertTrue(abs.getReplacements().contains("abs("), abs.getReplacements().toString());
        assertEquals(16, abs.getSourceStart());
        assertNotNull(kernel.inspect("Math.abs", 6, false));
        assertEquals("complete", kernel.isComplete("int y = 3;"));
        assertEquals("    ", kernel.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("invalid", kernel.isComplete("}"));
        assertEquals("complete", kernel.isComplete("%jars x.jar\nint z = 1;"));
    }

    @Test
    void magicArgumentsSplitLikeAShell() {
        assertEquals(List.of("jars", "a b.jar", "c.jar"), Magics.split("jars \"a b.jar\" c.jar"));
    }

    @Test
    void exitAndHaltEndTheCellNotTheJvm() throws Exception {
        kernel.run("int survivor = 5;");
        CellException exit = assertThrows(CellException.class, () -> kernel.run("System.exit(1);"));
        assertEquals(ExitRefusedError.class.getName(), exit.name);
        assertTrue(exit.value.startsWith("System.exit(1) refused"), exit.value);
        CellException halt = assertThrows(CellException.class, () -> kernel.run("Runtime.getRuntime().halt(3);"));
        assertTrue(halt.value.startsWith("Runtime.getRuntime().halt(3) refused"), halt.value);
        assertEquals("5", text(kernel.run("survivor")));
    }

    @Test
    void anErrorInTheKernelsOwnWorkBecomesTheCellsErrorNotSilence() throws Exception {
        // javac's parser overflows its stack on this, and JShell throws an InternalError (an Error,
        // as is an OutOfMemoryError while JShell compiles in a full heap). basekernel replies only to
        // an Exception: without a CellException the client would wait for a reply forever.
        String deep = "int deep = " + "(".repeat(50_000) + "1" + ")".repeat(50_000) + ";";
        CellException e = assertThrows(CellException.class, () -> kernel.eval(deep));
        assertEquals("java.lang.InternalError", e.name);
        assertTrue(e.value.contains("StackOverflowError"), e.value);
        assertEquals("2", text(kernel.eval("1 + 1")));
    }

    @Test
    void inspectionShowsSomasJavadocFromTheIndex() {
        String code = "dev.soma.Neurons.hodgkinHuxley(";
        DisplayData d = kernel.inspect(code, code.length(), false);
        assertNotNull(d);
        String text = text(d);
        assertTrue(text.contains("The Hodgkin–Huxley squid axon at 6.3 °C (NEURON's hh), input in µA/cm²."), text);
        assertTrue(text.contains("It returns a HodgkinHuxley:"), text);
        assertTrue(text.contains("gNa          120      mS/cm²  maximal sodium conductance"), text);
        assertTrue(String.valueOf(d.getData(MIMEType.TEXT_HTML)).contains("<code>hh</code>"));
        String step = "dev.soma.Stimulus.step(";
        assertTrue(text(kernel.inspect(step, step.length(), false)).contains("amplitude from startMs (inclusive) to stopMs (exclusive)"));
    }
}
