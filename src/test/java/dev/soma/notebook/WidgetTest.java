package dev.soma.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.kernel.spi.WidgetHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WidgetTest {

    @BeforeEach
    @AfterEach
    void noHost() {
        WidgetHost.install(null);
    }

    @Test
    void withoutAKernelAWidgetShowsAsTextAndKeepsItsState() {
        Widget slider = Widget.intSlider("n [neurons]", 1, 10, 1, 3);
        assertFalse(slider.isLive());
        assertNull(slider.id());
        Map<String, Object> data = slider.displayData();
        assertEquals(List.of("text/plain"), new ArrayList<>(data.keySet()));
        assertTrue(((String) data.get("text/plain")).startsWith("IntSlider n [neurons] = 3"));
        slider.set("value", 7);
        assertEquals(7, slider.get("value"));
    }

    @Test
    void inAKernelReferencedModelsOpenFirstAndChangesAreSent() {
        FakeHost host = new FakeHost();
        WidgetHost.install(host);
        Widget label = Widget.label("hello");
        Widget box = Widget.vbox(label);
        Map<String, Object> data = box.displayData();
        @SuppressWarnings("unchecked")
        Map<String, Object> view = (Map<String, Object>) data.get(Widget.VIEW_MIME);
        assertEquals(box.id(), view.get("model_id"));
        assertEquals(List.of("IPY_MODEL_" + label.id()), host.one("VBoxModel").state.get("children"));
        label.set("value", "bye");
        assertEquals(List.of(Map.of("value", "bye")), host.one("LabelModel").updates());
        box.displayData();
        assertEquals(1, host.byName("VBoxModel").size(), "shown twice, opened once");
        Widget extra = Widget.checkbox("x", true);
        box.set("children", List.of(label, extra));
        assertEquals(1, host.byName("CheckboxModel").size(), "a new child opens before the box refers to it");
    }

    @Test
    void frontendChangesReachTheListenersAndTheState() {
        FakeHost host = new FakeHost();
        WidgetHost.install(host);
        Widget slider = Widget.floatSlider("I [µA/cm²]", 0, 20, 0.5, 10);
        List<String> heard = new ArrayList<>();
        slider.onChange((key, value) -> heard.add(key + "=" + value));
        slider.displayData();
        host.fromFrontend(host.one("FloatSliderModel"), "value", 12.5);
        assertEquals(List.of("value=12.5"), heard);
        assertEquals(12.5, slider.get("value"));
        assertEquals(".1f", slider.get("readout_format"), "as many decimals as the step");
    }

    @Test
    void badArgumentsNameTheFix() {
        var e = assertThrows(IllegalArgumentException.class, () -> Widget.floatSlider("x", 1, 0, 0.1, 0.5));
        assertTrue(e.getMessage().contains("need finite min < max"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Widget.dropdown("m", List.of(), 0));
        assertTrue(e.getMessage().contains("give at least one option"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Widget.label("a").set("colour", "red"));
        assertTrue(e.getMessage().contains("a LabelModel can change"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Widget.play(0, 10, 1, 5));
        assertTrue(e.getMessage().contains("intervalMs = 5"), e.getMessage());
    }
}
