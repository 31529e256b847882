package dev.soma.badinput;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * The hostile values tried for each parameter, by its type: NaN, ±∞, 0, −1 and a huge value for
 * numbers (also as the last element of an otherwise valid array), null for objects, and for
 * arrays and lists also empty and a null element.
 */
final class BadValues {
    private BadValues() {}

    /** What a bad value is; the first five are meaningless everywhere and must be refused (unless allow-listed). */
    enum Kind {
        NAN(true), POSITIVE_INFINITY(true), NEGATIVE_INFINITY(true), NULL(true), NULL_ELEMENT(true),
        ZERO(false), NEGATIVE(false), HUGE(false), EMPTY(false);

        /** True where no call can mean it: the call must end in a named exception. */
        final boolean mustReject;

        Kind(boolean mustReject) {
            this.mustReject = mustReject;
        }
    }

    /** One bad value for one parameter: its kind, how it reads in a report, and the value passed. */
    record Bad(Kind kind, String label, Object value) {}

    static final double HUGE_DOUBLE = 1e300;

    /** The bad values for a parameter of {@code type} whose valid example is {@code example}. */
    static List<Bad> of(Class<?> type, Object example) {
        List<Bad> out = new ArrayList<>();
        if (type == double.class) {
            out.add(new Bad(Kind.NAN, "NaN", Double.NaN));
            out.add(new Bad(Kind.POSITIVE_INFINITY, "Infinity", Double.POSITIVE_INFINITY));
            out.add(new Bad(Kind.NEGATIVE_INFINITY, "-Infinity", Double.NEGATIVE_INFINITY));
            out.add(new Bad(Kind.ZERO, "0.0", 0.0));
            out.add(new Bad(Kind.NEGATIVE, "-1.0", -1.0));
            out.add(new Bad(Kind.HUGE, "1e300", HUGE_DOUBLE));
        } else if (type == int.class) {
            out.add(new Bad(Kind.ZERO, "0", 0));
            out.add(new Bad(Kind.NEGATIVE, "-1", -1));
            out.add(new Bad(Kind.HUGE, "Integer.MAX_VALUE", Integer.MAX_VALUE));
        } else if (type == long.class) {
            out.add(new Bad(Kind.ZERO, "0L", 0L));
            out.add(new Bad(Kind.NEGATIVE, "-1L", -1L));
            out.add(new Bad(Kind.HUGE, "Long.MAX_VALUE", Long.MAX_VALUE));
        } else if (type == boolean.class) {
            // Both values are meaningful.
        } else if (type.isPrimitive()) {
            throw new IllegalStateException("no bad values for a parameter of type " + type + ": add them to BadValues");
        } else if (type.isArray()) {
            out.add(new Bad(Kind.NULL, "null", null));
            out.add(new Bad(Kind.EMPTY, "an empty array", Array.newInstance(type.getComponentType(), 0)));
            int n = Array.getLength(example);
            if (n > 0) {
                Class<?> component = type.getComponentType();
                if (!component.isPrimitive()) {
                    Object withNull = Examples.copy(example);
                    Array.set(withNull, n - 1, null);
                    out.add(new Bad(Kind.NULL_ELEMENT, "[" + (n - 1) + "] = null", withNull));
                }
                // The last element made bad in turn, everything else kept valid.
                if (component.isPrimitive() || component.isArray()) {
                    Object last = Array.get(example, n - 1);
                    for (Bad inner : of(component, last)) {
                        if (inner.kind() == Kind.NULL || (component.isArray() && inner.kind() == Kind.EMPTY)) continue;
                        Object changed = Examples.copy(example);
                        Array.set(changed, n - 1, inner.value());
                        String label = inner.label().startsWith("[") ? inner.label() : " = " + inner.label();
                        out.add(new Bad(inner.kind(), "[" + (n - 1) + "]" + label, changed));
                    }
                }
            }
        } else if (List.class.isAssignableFrom(type)) {
            out.add(new Bad(Kind.NULL, "null", null));
            out.add(new Bad(Kind.EMPTY, "an empty list", new ArrayList<>()));
            List<?> list = (List<?>) example;
            if (!list.isEmpty()) {
                List<Object> withNull = new ArrayList<>(list);
                withNull.set(withNull.size() - 1, null);
                out.add(new Bad(Kind.NULL_ELEMENT, "[" + (list.size() - 1) + "] = null", withNull));
            }
        } else {
            out.add(new Bad(Kind.NULL, "null", null));
        }
        return out;
    }
}
