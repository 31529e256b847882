package dev.soma.notebook;

import dev.soma.kernel.spi.WidgetHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A widget host without a kernel: keeps what would go to a frontend (opened models, their updates)
 * and lets a test play the frontend ({@link #fromFrontend}).
 */
final class FakeHost implements WidgetHost {

    final List<Model> opened = new ArrayList<>();

    @Override
    public synchronized WidgetModel open(Map<String, Object> state, Consumer<Map<String, Object>> onChange) {
        for (Object v : state.values()) {
            if (v instanceof String s && s.startsWith("IPY_MODEL_")) {
                String id = s.substring("IPY_MODEL_".length());
                if (opened.stream().noneMatch(m -> m.id.equals(id))) {
                    throw new AssertionError("a reference to " + id + " before it was opened");
                }
            }
        }
        Model m = new Model("m" + opened.size(), new LinkedHashMap<>(state), onChange);
        opened.add(m);
        return m;
    }

    @Override
    public Map<String, Object> render(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("text/plain", String.valueOf(value));
        return out;
    }

    synchronized List<Model> byName(String modelName) {
        List<Model> out = new ArrayList<>();
        for (Model m : opened) {
            if (modelName.equals(m.state.get("_model_name"))) {
                out.add(m);
            }
        }
        return out;
    }

    synchronized Model one(String modelName) {
        List<Model> all = byName(modelName);
        if (all.size() != 1) {
            throw new AssertionError(all.size() + " models " + modelName + " open");
        }
        return all.get(0);
    }

    /** The frontend changes a model, as a slider move would. */
    void fromFrontend(Model m, String key, Object value) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put(key, value);
        m.onChange.accept(change);
    }

    static final class Model implements WidgetModel {
        final String id;
        final Map<String, Object> state;
        final Consumer<Map<String, Object>> onChange;
        final List<Map<String, Object>> updates = new ArrayList<>();

        Model(String id, Map<String, Object> state, Consumer<Map<String, Object>> onChange) {
            this.id = id;
            this.state = state;
            this.onChange = onChange;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public synchronized void update(Map<String, Object> changes) {
            updates.add(new LinkedHashMap<>(changes));
            state.putAll(changes);
        }

        @Override
        public synchronized Map<String, Object> state() {
            return new LinkedHashMap<>(state);
        }

        @Override
        public void close() {
        }

        synchronized List<Map<String, Object>> updates() {
            return new ArrayList<>(updates);
        }
    }
}
