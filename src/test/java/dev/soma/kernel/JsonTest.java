package dev.soma.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void binaryValuesLeaveTheJsonAndTravelAsBuffersNamedByTheirPath() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("value", new byte[] {1, 2});
        state.put("tooltip", null);
        state.put("data", new ArrayList<>(List.of("x", new byte[] {3})));
        state.put("nested", new LinkedHashMap<>(Map.of("png", new byte[] {4})));
        List<List<Object>> paths = new ArrayList<>();
        List<byte[]> buffers = new ArrayList<>();
        JsonElement json = Json.toJson(state, new ArrayList<>(), paths, buffers);
        assertEquals("{\"tooltip\":null,\"data\":[\"x\",null],\"nested\":{}}",
                new com.google.gson.GsonBuilder().serializeNulls().create().toJson(json),
                "a key whose value is binary is left out of an object, and is null in a list");
        assertEquals(List.of(List.of("value"), List.of("data", 1), List.of("nested", "png")), paths);
        assertEquals(3, buffers.size());
        assertArrayEquals(new byte[] {3}, buffers.get(1));
    }

    @Test
    void aFrontendStateGetsItsBuffersBackWhereThePathsSay() {
        JsonObject state = new JsonParser().parse("{\"value\": 11, \"step\": 0.5, \"list\": [null, \"a\"]}").getAsJsonObject();
        JsonElement paths = new JsonParser().parse("[[\"image\"], [\"list\", 0]]");
        Map<String, Object> out = Json.withBuffers(state, paths, List.of(new byte[] {9}, new byte[] {8}));
        assertEquals(11L, out.get("value"), "whole numbers are Long");
        assertEquals(0.5, out.get("step"));
        assertArrayEquals(new byte[] {9}, (byte[]) out.get("image"));
        assertArrayEquals(new byte[] {8}, (byte[]) ((List<?>) out.get("list")).get(0));
        assertEquals("a", ((List<?>) out.get("list")).get(1));
    }

    @Test
    void whatJsonCannotCarryIsRejectedWithItsPath() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Json.toJson(Map.of("value", Double.NaN), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        assertTrue(e.getMessage().contains("[value] = NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Json.toJson(Map.of("when", new Object()), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        assertTrue(e.getMessage().contains("use String, Boolean, Number, List, Map or byte[]"), e.getMessage());
    }
}
