package dev.soma.badinput;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.soma.badinput.BadValues.Bad;
import dev.soma.badinput.Probe.Outcome;
import dev.soma.badinput.Probe.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated bad-input suite: every public factory and builder method reachable from the front
 * classes ({@link ApiSurface}) is called with NaN, ±∞, 0, −1 and a huge value for each numeric
 * parameter and null for each object parameter ({@link BadValues}), every other argument valid
 * ({@link Examples}). Each call must end, within {@link Probe#TIMEOUT_SECONDS}, in a Soma exception
 * whose message names the parameter, or in a valid, usable result ({@link Usability}); NaN, ±∞ and
 * null only where {@link AllowList} says why. One dynamic test per method; the counts are printed
 * at the end.
 *
 * <p>The rules, in one place:
 * <ul>
 *   <li>NaN, ±∞, null (also as an array or list element) must be refused, naming the parameter and
 *       showing the value; 0, −1, a huge value and an empty array may be refused (naming the
 *       parameter) or accepted, and an accepted value must give a usable result.</li>
 *   <li>A Soma exception is one thrown by Soma's code on purpose (an IllegalArgumentException,
 *       IllegalStateException or a Soma exception type); NullPointerException, index, arithmetic
 *       and class-cast exceptions, Errors (OutOfMemoryError) and a library's exception are not.</li>
 *   <li>"Names the parameter": its Java name (compiled with {@code -parameters}) as a word; for a
 *       one-argument setter the property it sets ({@code withTauMs(v)}: "tauMs"); a name the same
 *       call gives the value ({@code set("sigma [nA]", v)}: "sigma"); or an alias of
 *       {@link Probe#ALIASES} (an activation function {@code f} is "the activation").</li>
 *   <li>Using an accepted result may stop with the engine's own stops (a blow-up, the stability
 *       check) only for a huge value: a huge but finite conductance is a stiff model, which only a
 *       run can judge, and those stops name the time, the variable and the step to use.</li>
 * </ul>
 */
class BadInputSuiteTest {
    private static Path scratch;
    private static String savedCacheDir;
    private static Examples examples;
    private static Probe probe;
    private static final AllowList ALLOW = new AllowList();
    private static final Map<Verdict, Integer> COUNTS = new EnumMap<>(Verdict.class);
    private static final Map<String, Integer> ALLOWED = new TreeMap<>();
    private static int methods;

    @BeforeAll
    static void setUp() throws IOException {
        scratch = Files.createTempDirectory("soma-bad-input");
        // Sweeps that cache must not write into the user's cache.
        savedCacheDir = System.getProperty("soma.cache.dir");
        System.setProperty("soma.cache.dir", scratch.resolve("cache").toString());
        examples = new Examples(scratch);
        probe = new Probe(examples);
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (probe != null) probe.close();
        if (savedCacheDir == null) System.clearProperty("soma.cache.dir");
        else System.setProperty("soma.cache.dir", savedCacheDir);
        if (scratch != null) {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        int cases = COUNTS.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("bad-input suite: " + methods + " methods, " + cases + " cases: " + COUNTS);
        ALLOWED.forEach((reason, n) -> System.out.println("  allowed " + n + "×: " + reason));
    }

    @TestFactory
    Stream<DynamicTest> everyReachableMethod() {
        List<ApiSurface.Entry> entries = ApiSurface.entries();
        return entries.stream().map(entry -> DynamicTest.dynamicTest(entry.id(), () -> check(entry)));
    }

    /** The surface is found, not listed: these must be among it (a sign that discovery still works). */
    @Test
    void discoveryReachesTheBuildersBehindTheFronts() {
        List<String> ids = ApiSurface.entries().stream().map(ApiSurface.Entry::id).toList();
        for (String expected : List.of("Neurons.lif(String)", "SimulationSetup.dt(double)", "SpikingNetwork.Builder.dt(double)",
                "LeakyIntegrateAndFire.withTauMs(double)", "Figure.withSize(int, int)", "Interactive.slider(String, double, double, double)",
                "FiCurve.Builder.durationMs(double)", "SweepSpec.duration(double)")) {
            assertTrue(ids.contains(expected), expected + " is not reached; found " + ids.size() + " methods");
        }
        assertFalse(ids.stream().anyMatch(id -> id.startsWith("Kernel") && id.contains("kernel.")), "the kernel is not a library API");
    }

    private static void check(ApiSurface.Entry entry) throws Probe.HangException {
        synchronized (COUNTS) {
            methods++;
        }
        Probe.Ran baseline = probe.baseline(entry);
        if (baseline.thrown() != null && !baseline.inUse()) {
            throw new AssertionError("the valid call of " + entry.id() + " failed, so its cases would prove nothing: fix its "
                    + "examples in Examples (" + baseline.thrown() + ")", baseline.thrown());
        }
        List<String> failures = new ArrayList<>();
        Parameter[] params = entry.executable().getParameters();
        for (int i = 0; i < params.length; i++) {
            Object example = examples.argument(entry, i, entry.isStatic() ? null : examples.receiver(entry));
            for (Bad bad : BadValues.of(params[i].getType(), example)) {
                Outcome outcome = probe.probe(entry, i, bad, baseline, ALLOW);
                synchronized (COUNTS) {
                    COUNTS.merge(outcome.verdict(), 1, Integer::sum);
                    if (outcome.verdict() == Verdict.ALLOWED) ALLOWED.merge(outcome.detail(), 1, Integer::sum);
                }
                if (!outcome.verdict().good) {
                    failures.add(outcome.verdict() + " " + params[i].getName() + (bad.label().startsWith("[") ? "" : " = ")
                            + bad.label() + ": " + outcome.detail());
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(entry.id() + ": " + failures.size() + " case(s) failed:\n  " + String.join("\n  ", failures));
        }
    }
}
