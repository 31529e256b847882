package dev.soma.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader and writer for sweep specifications (RFC 8259, nothing more).
 *
 * <p>Why not a library: the all jar carries no JSON library (Tablesaw 0.44 brings none; Gson is the
 * kernel's and is relocated into the kernel jar), and a sweep needs only objects, arrays, strings
 * and numbers, read strictly and written in one canonical form, which is a few hundred lines.
 *
 * <p>Reading gives {@link LinkedHashMap} (key order kept), {@link List}, {@link String},
 * {@link Long} (an integer literal that fits), {@link Double} (any other number), {@link Boolean}
 * and {@code null}. Duplicate keys, comments, trailing commas, NaN and text after the value are
 * errors that give the line and column.
 *
 * <p>Writing: {@link #write(Object, boolean)} with {@code pretty = false} is the canonical form —
 * no white space, keys in the order the map holds them, strings with only the escapes JSON
 * requires, integral doubles below 2^53 as integers and other doubles in Java's round-trip form
 * ({@link Double#toString(double)}), so parsing it gives back the same bits.
 */
final class Json {
    private Json() {}

    /** The value of a JSON text. */
    static Object parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("json = null; pass the text of a sweep specification (as toJson() writes it)");
        }
        Reader r = new Reader(text);
        r.space();
        Object value = r.value();
        r.space();
        if (r.pos < text.length()) {
            throw r.error("unexpected text after the JSON value");
        }
        return value;
    }

    /** A JSON text of a value made of maps, lists, strings, numbers, booleans and null. */
    static String write(Object value, boolean pretty) {
        StringBuilder out = new StringBuilder();
        write(out, value, pretty, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, boolean pretty, int indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Double d) {
            out.append(number(d));
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) out.append(',');
                first = false;
                newline(out, pretty, indent + 1);
                string(out, (String) e.getKey());
                out.append(pretty ? ": " : ":");
                write(out, e.getValue(), pretty, indent + 1);
            }
            newline(out, pretty, indent);
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            boolean flat = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) out.append(pretty && flat ? ", " : ",");
                if (!flat) newline(out, pretty, indent + 1);
                write(out, list.get(i), pretty, indent + 1);
            }
            if (!flat) newline(out, pretty, indent);
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON");
        }
    }

    private static void newline(StringBuilder out, boolean pretty, int indent) {
        if (pretty) {
            out.append('\n');
            out.append("  ".repeat(indent));
        }
    }

    /** The canonical text of a finite double. */
    static String number(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("the number " + d + " cannot be written as JSON; give finite values");
        }
        if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
            return d == 0 ? "0" : Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static final class Reader {
        final String text;
        int pos;

        Reader(String text) {
            this.text = text;
        }

        IllegalArgumentException error(String what) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < Math.min(pos, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new IllegalArgumentException("JSON: " + what + " at line " + line + ", column " + column);
        }

        void space() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    return;
                }
            }
        }

        Object value() {
            if (pos >= text.length()) {
                throw error("unexpected end of text, a value was expected");
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{': return object();
                case '[': return array();
                case '"': return string();
                case 't': return literal("true", Boolean.TRUE);
                case 'f': return literal("false", Boolean.FALSE);
                case 'n': return literal("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected character '" + c + "'");
            }
        }

        Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("unexpected text, expected " + word);
            }
            pos += word.length();
            return value;
        }

        Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            space();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                space();
                if (peek() != '"') {
                    throw error("a key in double quotes was expected");
                }
                int at = pos;
                String key = string();
                if (map.containsKey(key)) {
                    pos = at;
                    throw error("duplicate key \"" + key + "\"");
                }
                space();
                expect(':');
                space();
                map.put(key, value());
                space();
                char c = peek();
                pos++;
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    pos--;
                    throw error("',' or '}' was expected");
                }
            }
        }

        List<Object> array() {
            List<Object> list = new ArrayList<>();
            pos++;
            space();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                space();
                list.add(value());
                space();
                char c = peek();
                pos++;
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    pos--;
                    throw error("',' or ']' was expected");
                }
            }
        }

        char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end of text");
            }
            return text.charAt(pos);
        }

        void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "' was expected");
            }
            pos++;
        }

        String string() {
            pos++;
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = peek();
                pos++;
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    pos--;
                    throw error("a control character inside a string must be escaped");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = peek();
                pos++;
                switch (e) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("a \\u escape needs four hex digits");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("a \\u escape needs four hex digits");
                        }
                        pos += 4;
                    }
                    default -> {
                        pos--;
                        throw error("unknown escape \\" + e);
                    }
                }
            }
        }

        Object number() {
            int start = pos;
            if (peek() == '-') pos++;
            if (pos >= text.length()) throw error("a digit was expected");
            if (text.charAt(pos) == '0') {
                pos++;
            } else if (text.charAt(pos) >= '1' && text.charAt(pos) <= '9') {
                digits();
            } else {
                throw error("a digit was expected");
            }
            boolean integral = true;
            if (pos < text.length() && text.charAt(pos) == '.') {
                integral = false;
                pos++;
                if (pos >= text.length() || !Character.isDigit(text.charAt(pos))) throw error("a digit was expected after '.'");
                digits();
            }
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                integral = false;
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) pos++;
                if (pos >= text.length() || !Character.isDigit(text.charAt(pos))) throw error("a digit was expected in the exponent");
                digits();
            }
            String literal = text.substring(start, pos);
            if (integral) {
                try {
                    return Long.parseLong(literal);
                } catch (NumberFormatException e) {
                    // too large for a long: read it as a double
                }
            }
            double d = Double.parseDouble(literal);
            if (!Double.isFinite(d)) {
                pos = start;
                throw error("the number " + literal + " is out of range");
            }
            return d;
        }

        void digits() {
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') pos++;
        }
    }
}
