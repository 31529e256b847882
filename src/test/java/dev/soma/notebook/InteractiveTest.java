package dev.soma.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Interact;
import dev.soma.kernel.spi.WidgetHost;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InteractiveTest {

    @BeforeEach
    @AfterEach
    void noHost() {
        WidgetHost.install(null);
    }

    /** A small image whose colour says the value, so frames differ exactly where values do. */
    static BufferedImage swatch(double value) {
        BufferedImage img = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);
        int grey = (int) Math.round(value * 10) & 0xff;
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 4; y++) {
                img.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        return img;
    }

    static int count(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    // ---------------------------------------------------------------- steps and values

    @Test
    void defaultStepIsTheFinestRoundStepWithAtMostTwentySteps() {
        assertEquals(1, Interactive.defaultStep(0, 20, 10));
        assertEquals(1, Interactive.defaultStep(0, 15, 5));
        assertEquals(0.05, Interactive.defaultStep(0, 1, 0.5));
        assertEquals(2.5, Interactive.defaultStep(-80, -40, -65));
        assertEquals(5, Interactive.defaultStep(0, 100, 35));
        // 37 is on no step of 2, 2.5, 5 or 10: the step gets finer rather than moving the start.
        assertEquals(1, Interactive.defaultStep(0, 100, 37));
    }

    @Test
    void sliderValuesAreExactDecimalsInTheLabelsUnit() {
        var i = Interact.of(p -> p.get("g")).slider("g", 0, 1, 0.3, "mS/cm²").step(0.1);
        assertEquals(0.3, i.initialValues().get("g"));
        assertEquals("g = 0.3 mS/cm²", i.initialValues().toString());
        assertEquals(11, i.combinations());
        assertTrue(i.toString().startsWith("Interact: g [mS/cm²] = 0.3 (0 to 1, step 0.1)"), i.toString());
    }

    @Test
    void badControlsAreRejectedWithTheFix() {
        var e = assertThrows(IllegalArgumentException.class, () -> Interact.of(p -> 1).slider("I", 5, 5, 5, "nA"));
        assertTrue(e.getMessage().contains("min = 5.0, max = 5.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Interact.of(p -> 1).slider("I", 0, 20, 30, "nA"));
        assertTrue(e.getMessage().contains("initial = 30.0 is outside [0.0, 20.0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Interact.of(p -> 1).slider("I", 0, 20, 10, "nA").step(3));
        assertTrue(e.getMessage().contains("step = 3 does not divide the range 0 to 20"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Interact.of(p -> 1).slider("I", 0, 20, 10, "nA").step(4));
        assertTrue(e.getMessage().contains("initial = 10 is not on a step of 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Interact.of(p -> 1).slider("I", 0, 1, 0).slider("I", 0, 1, 0));
        assertTrue(e.getMessage().contains("\"I\" is used twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Interact.of(p -> 1).dropdown("m", List.of("a", "b"), "c"));
        assertTrue(e.getMessage().contains("\"c\" is not one of [a, b]"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Interact.of(p -> 1).checkbox("x", true).step(1));
        assertThrows(IllegalArgumentException.class, () -> Interact.of(null));
        assertThrows(IllegalStateException.class, () -> Interact.of(p -> 1).displayData());
    }

    @Test
    void paramsNameTheKindAndTheControlsThereAre() {
        Params p = Interact.of(q -> 1).slider("I", 0, 20, 10).dropdown("model", List.of("HH", "LIF")).checkbox("noise", true)
                .initialValues();
        assertEquals(10, p.get("I"));
        assertEquals("HH", p.choice("model"));
        assertTrue(p.flag("noise"));
        var e = assertThrows(IllegalArgumentException.class, () -> p.get("J"));
        assertEquals("no parameter \"J\"; this interact has [I, model, noise]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.get("model"));
        assertTrue(e.getMessage().contains("p.choice(\"model\")"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.choice("noise"));
        assertTrue(e.getMessage().contains("p.flag(\"noise\")"), e.getMessage());
    }

    // ---------------------------------------------------------------- the kernel-free version

    @Test
    void withoutAKernelEveryCombinationIsPrecomputedOnceIntoOnePage() {
        var i = Interact.of(p -> swatch(p.get("I") + (p.flag("on") ? 5 : 0))).slider("I", 0, 4, 2).step(1).checkbox("on", false);
        Map<String, Object> data = i.displayData();
        assertFalse(data.containsKey(Widget.VIEW_MIME), "no kernel, no live widgets");
        String html = (String) data.get("text/html");
        assertEquals(10, i.combinations());
        assertEquals(10, i.runCount(), "each combination runs once, the initial one too");
        // I + 5·on: ten different pictures.
        assertEquals(10, count(html, "data-soma-frames="));
        assertEquals(1, count(html, "data-soma-frames=\"[^\"]*\">"), "only the initial frame is visible");
        assertTrue(html.contains("data-soma-frames=\" 4 \">"), "I = 2, off is frame 2·2 + 0");
        assertEquals(1, count(html, "type=\"range\""));
        assertEquals(1, count(html, "type=\"checkbox\""));
        assertTrue(html.contains("Precomputed for all 10 combinations"));
        assertFalse(html.contains("<script"), "no script element: inline handlers only");
        assertEquals(data, i.displayData(), "shown again, the same page");
        assertEquals(10, i.runCount(), "and nothing runs again");
    }

    @Test
    void identicalResultsAreStoredOnce() {
        var i = Interact.of(p -> "same").slider("I", 0, 10, 5).step(1);
        String html = (String) i.displayData().get("text/html");
        assertEquals(1, count(html, "data-soma-frames="));
        assertTrue(html.contains("data-soma-frames=\" 0 1 2 3 4 5 6 7 8 9 10 \">"), html);
    }

    @Test
    void tooManyCombinationsShowTheInitialValuesAndSaySo() {
        var i = Interact.of(p -> swatch(p.get("I"))).slider("I", 0, 100, 50).step(1);
        String html = (String) i.displayData().get("text/html");
        assertEquals(1, i.runCount());
        assertEquals(1, count(html, "data-soma-frames="));
        assertFalse(html.contains("type=\"range\""), "no controls that would not work");
        assertTrue(html.contains("Sliders need the Soma kernel; 101 combinations of values are too many to precompute here (at most 48"),
                html);
        var off = Interact.of(p -> 1).slider("I", 0, 4, 2).step(1).precompute(0);
        assertTrue(((String) off.displayData().get("text/html")).contains("Sliders need the Soma kernel."));
    }

    @Test
    void anExceptionBecomesTheFramesText() {
        var i = Interact.of(p -> {
            if (p.get("I") > 1) {
                throw new IllegalStateException("too strong: " + p.get("I"));
            }
            return "fine";
        }).slider("I", 0, 2, 0).step(1);
        String html = (String) i.displayData().get("text/html");
        assertTrue(html.contains("java.lang.IllegalStateException: too strong: 2.0"), html);
        assertTrue(html.contains("fine"));
    }

    // ---------------------------------------------------------------- live

    @Test
    void inAKernelTheViewRunsOnceAndTheModelsOpenReferencesFirst() {
        FakeHost host = new FakeHost();
        WidgetHost.install(host);
        var i = Interact.of(p -> swatch(p.get("I"))).slider("I", 0, 20, 10, "µA/cm²").precompute(0);
        Map<String, Object> data = i.displayData();
        assertEquals(1, i.runCount());
        @SuppressWarnings("unchecked")
        Map<String, Object> view = (Map<String, Object>) data.get(Widget.VIEW_MIME);
        assertEquals(host.opened.get(host.opened.size() - 1).id, view.get("model_id"), "the panel opens last");
        assertEquals(2, view.get("version_major"));
        var slider = host.one("FloatSliderModel");
        assertEquals("I [µA/cm²]", slider.state.get("description"));
        assertEquals(true, slider.state.get("continuous_update"));
        byte[] png = (byte[]) host.one("ImageModel").state.get("value");
        assertEquals((byte) 0x89, png[0], "the first figure is in the image before anything moves");
        assertTrue(data.containsKey("text/html"));
        assertTrue(data.containsKey("text/plain"));
    }

    @Test
    void onReleaseTurnsContinuousUpdatesOff() {
        FakeHost host = new FakeHost();
        WidgetHost.install(host);
        Interact.of(p -> 1).slider("I", 0, 20, 10).onRelease().precompute(0).displayData();
        assertEquals(false, host.one("FloatSliderModel").state.get("continuous_update"));
    }

    @Test
    void aMoveRerunsOffTheCallersThreadAndShowsTheNewImage() throws Exception {
        FakeHost host = new FakeHost();
        WidgetHost.install(host);
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ran = new CountDownLatch(2);
        var i = Interact.of(p -> {
            threads.add(Thread.currentThread().getName());
            ran.countDown();
            return swatch(p.get("I"));
        }).slider("I", 0, 20, 10).precompute(0);
        i.displayData();
        var image = host.one("ImageModel");
        byte[] before = (byte[]) image.state.get("value");
        host.fromFrontend(host.one("FloatSliderModel"), "value", 12.000000000001); // a browser's float
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        waitFor(() -> !image.updates().isEmpty());
        assertEquals(12.0, i.values().get("I"), "snapped to the step");
        assertNotEquals(Thread.currentThread().getName(), threads.get(1));
        assertTrue(threads.get(1).startsWith("soma-interact-"), threads.toString());
        byte[] after = (byte[]) image.updates().get(0).get("value");
        assertFalse(java.util.Arrays.equals(before, after));
    }

    @Test
    void aBurstOfMovesRunsTheLatestValuesNotAQueue() throws Exception {
        FakeHost host = new FakeHost();
        WidgetHost.install(host);
        CountDownLatch release = new CountDownLatch(1);
        List<Double> seen = Collections.synchronizedList(new ArrayList<>());
        var i = Interact.of(p -> {
            seen.add(p.get("I"));
            if (seen.size() == 2) {
                try {
                    release.await(10, TimeUnit.SECONDS); // the first re-run is slow: moves pile up meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "I = " + p.get("I");
        }).slider("I", 0, 20, 0).precompute(0);
        i.displayData();
        var slider = host.one("FloatSliderModel");
        host.fromFrontend(slider, "value", 1L);
        waitFor(() -> seen.size() == 2);
        for (long v = 2; v <= 10; v++) {
            host.fromFrontend(slider, "value", v);
        }
        release.countDown();
        waitFor(() -> seen.size() == 3 && !host.one("OutputModel").updates().isEmpty()
                && host.one("OutputModel").updates().toString().contains("I = 10.0"));
        Thread.sleep(200);
        assertEquals(List.of(0.0, 1.0, 10.0), seen, "the moves to 2…9 never ran");
        assertEquals(10.0, i.values().get("I"));
    }

    @Test
    void anExceptionShowsInTheOutputAndTheNextMoveWorks() throws Exception {
        FakeHost host = new FakeHost();
        WidgetHost.install(host);
        var i = Interact.of(p -> {
            if (p.get("I") > 15) {
                throw new IllegalArgumentException("I = " + p.get("I") + " is too strong");
            }
            return swatch(p.get("I"));
        }).slider("I", 0, 20, 10).precompute(0);
        i.displayData();
        var slider = host.one("FloatSliderModel");
        var output = host.one("OutputModel");
        host.fromFrontend(slider, "value", 18L);
        waitFor(() -> !output.updates().isEmpty());
        List<?> outputs = (List<?>) output.updates().get(0).get("outputs");
        Map<?, ?> error = (Map<?, ?>) outputs.get(0);
        assertEquals("error", error.get("output_type"));
        assertEquals("java.lang.IllegalArgumentException", error.get("ename"));
        assertEquals("I = 18.0 is too strong", error.get("evalue"));
        var image = host.one("ImageModel");
        host.fromFrontend(slider, "value", 5L);
        waitFor(() -> output.updates().size() == 2 && image.updates().stream().anyMatch(u -> u.containsKey("value")));
        assertEquals(List.of(), output.updates().get(1).get("outputs"), "the error goes away");
    }

    @Test
    void nonImageResultsShowThroughTheKernelsRenderersInTheOutput() {
        FakeHost host = new FakeHost();
        WidgetHost.install(host);
        Interact.of(p -> "I is " + p.get("I")).slider("I", 0, 20, 10).precompute(0).displayData();
        List<?> outputs = (List<?>) host.one("OutputModel").state.get("outputs");
        Map<?, ?> out = (Map<?, ?>) outputs.get(0);
        assertEquals("display_data", out.get("output_type"));
        assertEquals(Map.of("text/plain", "I is 10.0"), out.get("data"));
    }

    @Test
    void choicesAndPlayControlsReportTheirValues() throws Exception {
        FakeHost host = new FakeHost();
        WidgetHost.install(host);
        var i = Interact.of(p -> p.toString()).dropdown("model", List.of("HH", "LIF")).buttons("method", List.of("rk4", "euler"), "rk4")
                .checkbox("noise", false).play("t", 0, 100, 0, "ms").interval(250).precompute(0);
        i.displayData();
        host.fromFrontend(host.one("DropdownModel"), "index", 1L);
        host.fromFrontend(host.one("ToggleButtonsModel"), "index", 1L);
        host.fromFrontend(host.one("CheckboxModel"), "value", true);
        host.fromFrontend(host.one("SelectionSliderModel"), "index", 4L);
        waitFor(() -> i.values().toString().equals("model = LIF, method = euler, noise = true, t = 20 ms"));
        var link = host.one("LinkModel");
        var play = host.one("PlayModel");
        var selection = host.one("SelectionSliderModel");
        assertEquals(List.of("IPY_MODEL_" + play.id, "value"), link.state.get("source"));
        assertEquals(List.of("IPY_MODEL_" + selection.id, "index"), link.state.get("target"));
        assertEquals(250, play.state.get("interval"));
        assertEquals(20, play.state.get("max"), "play counts the 21 positions of the slider");
        assertInstanceOf(List.class, selection.state.get("_options_labels"));
        assertEquals("20", ((List<?>) selection.state.get("_options_labels")).get(4));
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(5);
        }
    }
}
