package dev.soma.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Javadoc comment as a notebook shows it on Shift+Tab: plain text (paragraphs wrapped, tables
 * aligned, {@code <pre>} kept, parameters, return value and exceptions listed) and HTML (the
 * comment's own HTML, inline tags as code, block tags as a definition list).
 */
final class JavadocText {

    private static final int WIDTH = 100;
    private static final Pattern BLOCKS = Pattern.compile("(?is)<pre>(.*?)</pre>|<table[^>]*>(.*?)</table>");
    private static final Pattern ROW = Pattern.compile("(?is)<tr[^>]*>(.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("(?is)<t([hd])[^>]*>(.*?)</t[hd]>");
    private static final Pattern CAPTION = Pattern.compile("(?is)<caption[^>]*>(.*?)</caption>");
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("amp", "&"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("minus", "−"), Map.entry("times", "×"),
            Map.entry("middot", "·"), Map.entry("mu", "µ"), Map.entry("deg", "°"), Map.entry("le", "≤"),
            Map.entry("ge", "≥"), Map.entry("hellip", "…"), Map.entry("ndash", "–"), Map.entry("mdash", "—"));

    private JavadocText() {
    }

    /** A comment split into its description and its block tags ({@code @param x text}, ...). */
    private record Parsed(String description, List<String[]> blocks) {
    }

    private static Parsed parse(String raw) {
        List<String> lines = new ArrayList<>();
        for (String line : raw.split("\n", -1)) {
            lines.add(line.replaceFirst("^\\s*\\*( ?)", ""));
        }
        // The compiler hands comments over without their '*' but with the space after it.
        boolean indented = lines.stream().skip(1).filter(l -> !l.isBlank()).allMatch(l -> l.startsWith(" "));
        if (indented) {
            lines.replaceAll(l -> l.startsWith(" ") ? l.substring(1) : l);
        }
        StringBuilder description = new StringBuilder();
        List<String[]> blocks = new ArrayList<>();
        StringBuilder current = null;
        String[] block = null;
        boolean pre = false;
        for (String line : lines) {
            String t = line.strip();
            if (!pre && t.matches("@[a-zA-Z]+\\b.*")) {
                if (block != null) {
                    block[2] = current.toString();
                    blocks.add(block);
                }
                String tag = t.substring(1).split("\\s+", 2)[0];
                String rest = t.substring(1 + tag.length()).strip();
                String arg = "";
                if (tag.equals("param") || tag.equals("throws") || tag.equals("exception")) {
                    String[] parts = rest.split("\\s+", 2);
                    arg = parts[0];
                    rest = parts.length > 1 ? parts[1] : "";
                }
                block = new String[] {tag, arg, null};
                current = new StringBuilder(rest);
                continue;
            }
            if (t.toLowerCase(Locale.ROOT).contains("<pre>")) {
                pre = true;
            }
            if (t.toLowerCase(Locale.ROOT).contains("</pre>")) {
                pre = false;
            }
            StringBuilder target = block == null ? description : current;
            target.append(target.length() == 0 ? "" : "\n").append(line);
        }
        if (block != null) {
            block[2] = current.toString();
            blocks.add(block);
        }
        return new Parsed(description.toString().strip(), blocks);
    }

    /** The comment as plain text. */
    static String plain(String raw) {
        Parsed p = parse(raw);
        StringBuilder out = new StringBuilder(htmlToText(inline(p.description(), false)));
        appendBlocks(out, p.blocks(), "param", "Parameters:", false);
        appendBlocks(out, p.blocks(), "return", "Returns:", false);
        appendBlocks(out, p.blocks(), "throws", "Throws:", false);
        appendBlocks(out, p.blocks(), "exception", "Throws:", false);
        appendBlocks(out, p.blocks(), "see", "See also:", false);
        return out.toString().strip();
    }

    /** The comment as HTML. */
    static String html(String raw) {
        Parsed p = parse(raw);
        StringBuilder out = new StringBuilder("<div class=\"soma-javadoc\">").append(inline(p.description(), true));
        StringBuilder dl = new StringBuilder();
        appendBlocks(dl, p.blocks(), "param", "Parameters:", true);
        appendBlocks(dl, p.blocks(), "return", "Returns:", true);
        appendBlocks(dl, p.blocks(), "throws", "Throws:", true);
        appendBlocks(dl, p.blocks(), "exception", "Throws:", true);
        appendBlocks(dl, p.blocks(), "see", "See also:", true);
        if (dl.length() > 0) {
            out.append("<dl>").append(dl).append("</dl>");
        }
        return out.append("</div>").toString();
    }

    private static void appendBlocks(StringBuilder out, List<String[]> blocks, String tag, String title, boolean html) {
        boolean first = true;
        for (String[] b : blocks) {
            if (!b[0].equals(tag)) {
                continue;
            }
            String text = inline(b[2], html);
            if (html) {
                if (first) {
                    out.append("<dt>").append(title).append("</dt>");
                }
                out.append("<dd>").append(b[1].isEmpty() ? "" : "<code>" + escape(b[1]) + "</code> – ").append(text).append("</dd>");
            } else {
                String body = htmlToText(text).replace("\n", "\n    ");
                if (tag.equals("return") || tag.equals("see")) {
                    out.append(first ? "\n\n" + title + " " : "; ").append(body);
                } else {
                    out.append(first ? "\n\n" + title : "").append("\n  ").append(b[1]).append(" – ").append(body);
                }
            }
            first = false;
        }
    }

    /** Replaces inline tags ({@code {@code x}}, {@code {@link A#b()}}, ...) by text or HTML. */
    static String inline(String s, boolean html) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int open = s.indexOf("{@", i);
            if (open < 0) {
                out.append(s, i, s.length());
                break;
            }
            out.append(s, i, open);
            int depth = 0;
            int end = -1;
            for (int j = open; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    end = j;
                    break;
                }
            }
            if (end < 0) {
                out.append(s.substring(open));
                break;
            }
            String body = s.substring(open + 2, end);
            String tag = body.split("\\s", 2)[0];
            String arg = body.substring(tag.length()).strip();
            out.append(inlineTag(tag, arg, html));
            i = end + 1;
        }
        return out.toString();
    }

    private static String inlineTag(String tag, String arg, boolean html) {
        switch (tag) {
            case "code":
                return html ? "<code>" + escape(arg) + "</code>" : arg;
            case "literal":
                return html ? escape(arg) : arg;
            case "link":
            case "linkplain": {
                String[] parts = arg.split("\\s+", 2);
                String label = parts.length > 1 ? parts[1] : reference(parts[0]);
                return html && tag.equals("link") ? "<code>" + escape(label) + "</code>" : html ? escape(label) : label;
            }
            case "value":
                return arg.isEmpty() ? "" : html ? "<code>" + escape(reference(arg)) + "</code>" : reference(arg);
            case "inheritDoc":
                return "";
            default:
                return html ? escape(arg) : arg;
        }
    }

    /** {@code Class#member(args)} as a reader writes it: {@code Class.member(args)}. */
    private static String reference(String ref) {
        if (ref.startsWith("#")) {
            return ref.substring(1);
        }
        return ref.replace('#', '.');
    }

    /** Javadoc HTML as plain text: paragraphs wrapped, pre blocks kept, tables aligned. */
    static String htmlToText(String html) {
        StringBuilder out = new StringBuilder();
        Matcher m = BLOCKS.matcher(html);
        int last = 0;
        while (m.find()) {
            out.append(flow(html.substring(last, m.start())));
            if (m.group(1) != null) {
                String pre = decode(m.group(1).replaceAll("<[^>]+>", "")).replaceAll("^\\n+|\\s+$", "");
                out.append("\n\n").append(pre.stripIndent()).append("\n\n");
            } else {
                out.append("\n\n").append(table(m.group(2))).append("\n\n");
            }
            last = m.end();
        }
        out.append(flow(html.substring(last)));
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String flow(String html) {
        String s = html.replaceAll("(?i)</?p\\s*/?>", "\n\n")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)<li[^>]*>", "\n\n• ")
                .replaceAll("(?i)</?(ul|ol|dl|div)[^>]*>", "\n\n")
                .replaceAll("<[^>]+>", "");
        s = decode(s);
        StringBuilder out = new StringBuilder();
        for (String para : s.split("\\n\\s*\\n")) {
            String[] lines = para.split("\n");
            StringBuilder p = new StringBuilder();
            for (String line : lines) {
                String t = line.strip().replaceAll("\\s+", " ");
                if (!t.isEmpty()) {
                    p.append(p.length() == 0 ? "" : " ").append(t);
                }
            }
            if (p.length() > 0) {
                out.append(out.length() == 0 ? "" : "\n\n").append(wrap(p.toString()));
            }
        }
        return out.length() == 0 ? "" : "\n\n" + out + "\n\n";
    }

    private static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int col = 0;
        for (String word : text.split(" ")) {
            if (col > 0 && col + 1 + word.length() > WIDTH) {
                out.append('\n');
                col = 0;
            } else if (col > 0) {
                out.append(' ');
                col++;
            }
            out.append(word);
            col += word.length();
        }
        return out.toString();
    }

    private static String table(String html) {
        List<List<String>> rows = new ArrayList<>();
        boolean header = false;
        Matcher r = ROW.matcher(html);
        while (r.find()) {
            List<String> cells = new ArrayList<>();
            Matcher c = CELL.matcher(r.group(1));
            while (c.find()) {
                if (rows.isEmpty() && c.group(1).equalsIgnoreCase("h")) {
                    header = true;
                }
                cells.add(decode(c.group(2).replaceAll("<[^>]+>", "")).strip().replaceAll("\\s+", " "));
            }
            rows.add(cells);
        }
        int cols = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[cols];
        for (List<String> row : rows) {
            for (int j = 0; j < row.size(); j++) {
                width[j] = Math.max(width[j], row.get(j).length());
            }
        }
        StringBuilder out = new StringBuilder();
        Matcher cap = CAPTION.matcher(html);
        if (cap.find()) {
            out.append(decode(cap.group(1).replaceAll("<[^>]+>", "")).strip()).append('\n');
        }
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < row.size(); j++) {
                line.append(j == 0 ? "" : "  ").append(row.get(j)).append(" ".repeat(width[j] - row.get(j).length()));
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (i == 0 && header) {
                StringBuilder rule = new StringBuilder();
                for (int j = 0; j < cols; j++) {
                    rule.append(j == 0 ? "" : "  ").append("-".repeat(width[j]));
                }
                out.append(rule).append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    private static String decode(String s) {
        Matcher m = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-zA-Z]+);").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String rep;
            if (e.startsWith("#x") || e.startsWith("#X")) {
                rep = new String(Character.toChars(Integer.parseInt(e.substring(2), 16)));
            } else if (e.startsWith("#")) {
                rep = new String(Character.toChars(Integer.parseInt(e.substring(1))));
            } else {
                rep = ENTITIES.getOrDefault(e, m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
