package dev.soma.kernel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Widget state between Java values and JSON. Java side: {@code String}, {@code Boolean},
 * {@code Number}, {@code null}, {@code List}, {@code Map} and {@code byte[]}; a {@code byte[]}
 * travels as a binary buffer beside the JSON, named by its path (protocol 2: removed from an
 * object, {@code null} in a list). Numbers from JSON become {@code Long} when whole and
 * {@code Double} otherwise.
 */
final class Json {

    private Json() {
    }

    /** Java to JSON, moving every {@code byte[]} into {@code buffers} and its path into {@code paths}. */
    static JsonElement toJson(Object value, List<Object> path, List<List<Object>> paths, List<byte[]> buffers) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof String s) {
            return new JsonPrimitive(s);
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof Number n) {
            if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
                throw new IllegalArgumentException("widget state " + path + " = " + d + "; JSON has no NaN or infinity");
            }
            return new JsonPrimitive(n);
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject o = new JsonObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                List<Object> p = append(path, key);
                if (e.getValue() instanceof byte[] bytes) {
                    paths.add(p);
                    buffers.add(bytes);
                } else {
                    o.add(key, toJson(e.getValue(), p, paths, buffers));
                }
            }
            return o;
        }
        if (value instanceof List<?> list) {
            JsonArray a = new JsonArray();
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                List<Object> p = append(path, i);
                if (item instanceof byte[] bytes) {
                    paths.add(p);
                    buffers.add(bytes);
                    a.add(JsonNull.INSTANCE);
                } else {
                    a.add(toJson(item, p, paths, buffers));
                }
            }
            return a;
        }
        if (value instanceof byte[]) {
            throw new IllegalArgumentException("widget state " + path + ": binary data must sit inside a map or list");
        }
        throw new IllegalArgumentException("widget state " + path + " holds a " + value.getClass().getName()
                + "; use String, Boolean, Number, List, Map or byte[]");
    }

    private static List<Object> append(List<Object> path, Object key) {
        List<Object> p = new ArrayList<>(path.size() + 1);
        p.addAll(path);
        p.add(key);
        return p;
    }

    /** JSON to Java (maps keep their order). */
    static Object toJava(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> en : e.getAsJsonObject().entrySet()) {
                m.put(en.getKey(), toJava(en.getValue()));
            }
            return m;
        }
        if (e.isJsonArray()) {
            List<Object> l = new ArrayList<>();
            for (JsonElement x : e.getAsJsonArray()) {
                l.add(toJava(x));
            }
            return l;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isNumber()) {
            BigDecimal d = p.getAsBigDecimal();
            if (d.signum() == 0 || (d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0)) {
                return d.longValue();
            }
            return d.doubleValue();
        }
        return p.getAsString();
    }

    /** A frontend's state with its binary buffers put back where {@code bufferPaths} say. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withBuffers(JsonObject state, JsonElement bufferPaths, List<byte[]> buffers) {
        Map<String, Object> out = state == null ? new LinkedHashMap<>() : (Map<String, Object>) toJava(state);
        if (bufferPaths == null || !bufferPaths.isJsonArray()) {
            return out;
        }
        List<Object> paths = (List<Object>) toJava(bufferPaths);
        for (int i = 0; i < paths.size() && buffers != null && i < buffers.size(); i++) {
            List<Object> path = (List<Object>) paths.get(i);
            Object container = out;
            for (int j = 0; j < path.size() - 1; j++) {
                container = child(container, path.get(j));
            }
            Object last = path.get(path.size() - 1);
            if (container instanceof Map<?, ?> m) {
                ((Map<String, Object>) m).put(String.valueOf(last), buffers.get(i));
            } else if (container instanceof List<?> l) {
                ((List<Object>) l).set(((Number) last).intValue(), buffers.get(i));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object child(Object container, Object key) {
        if (container instanceof Map<?, ?> m) {
            return ((Map<String, Object>) m).computeIfAbsent(String.valueOf(key), k -> new LinkedHashMap<String, Object>());
        }
        if (container instanceof List<?> l) {
            return l.get(((Number) key).intValue());
        }
        throw new IllegalArgumentException("buffer path goes through a " + container);
    }
}
