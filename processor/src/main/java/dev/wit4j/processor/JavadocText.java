package dev.wit4j.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * Javadoc as WIT documentation ({@code ///} comments, which are Markdown): the main description,
 * with inline tags written as Markdown ({@code {@code x}} and {@code {@link X}} as `x`, {@code
 * {@literal x}} as x) and {@code <p>} as a paragraph break; block tags are dropped, except that a
 * record's {@code @param} tags document its fields.
 */
final class JavadocText {

    private static final Pattern INLINE = Pattern.compile("\\{@(code|literal|link|linkplain|value)\\s");
    private static final Pattern PARAGRAPH = Pattern.compile("\\s*<p>\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAM = Pattern.compile("@param\\s+(\\S+)\\s*(.*)", Pattern.DOTALL);

    private final Elements elements;

    JavadocText(Elements elements) {
        this.elements = elements;
    }

    /** {@code e}'s documentation, empty if it has no Javadoc. */
    String of(Element e) {
        String comment = elements.getDocComment(e);
        return comment == null ? "" : description(comment);
    }

    /** The documentation of each {@code @param} of {@code e}'s Javadoc (a record's fields), by name. */
    Map<String, String> params(Element e) {
        Map<String, String> out = new LinkedHashMap<>();
        String comment = elements.getDocComment(e);
        if (comment == null) return out;
        for (String tag : blockTags(comment)) {
            Matcher m = PARAM.matcher(tag);
            if (m.matches()) out.put(m.group(1), text(m.group(2)));
        }
        return out;
    }

    /** The index of the brace that closes an inline tag whose text starts at {@code from}, or -1. */
    private static int closingBrace(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) return i;
                depth--;
            }
        }
        return -1;
    }

    /** One inline tag as Markdown. */
    private static String inline(String tag, String body) {
        return switch (tag) {
            case "code" -> "`" + body + "`";
            case "literal" -> body;
            default -> {
                // {@link ref label}: the label if given, else the reference (its member after #)
                int space = body.indexOf(' ');
                if (space > 0) {
                    String label = body.substring(space + 1).trim();
                    yield tag.equals("linkplain") ? label : "`" + label + "`";
                }
                yield "`" + (body.startsWith("#") ? body.substring(1) : body.replace('#', '.')) + "`";
            }
        };
    }

    static String description(String comment) {
        StringBuilder main = new StringBuilder();
        for (String line : lines(comment)) {
            if (line.startsWith("@")) break;
            main.append(line).append('\n');
        }
        return text(main.toString());
    }

    private static List<String> blockTags(String comment) {
        List<String> tags = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines(comment)) {
            if (line.startsWith("@")) {
                if (current != null) tags.add(current.toString());
                current = new StringBuilder(line);
            } else if (current != null) {
                current.append('\n').append(line);
            }
        }
        if (current != null) tags.add(current.toString());
        return tags;
    }

    /** The comment's lines without the one space javadoc leaves after each {@code *}. */
    private static List<String> lines(String comment) {
        List<String> out = new ArrayList<>();
        for (String line : comment.split("\r?\n", -1)) {
            out.add(line.startsWith(" ") ? line.substring(1) : line);
        }
        return out;
    }

    /** Inline tags and paragraphs as Markdown, outer blank lines and trailing spaces gone. */
    private static String text(String javadoc) {
        StringBuilder sb = new StringBuilder();
        Matcher m = INLINE.matcher(javadoc);
        int at = 0;
        while (true) {
            if (!m.find(at)) {
                sb.append(javadoc, at, javadoc.length());
                break;
            }
            // the tag's text runs to the brace that closes it: {@code} may hold balanced braces
            int end = closingBrace(javadoc, m.end());
            if (end < 0) {
                sb.append(javadoc, at, javadoc.length());
                break;
            }
            sb.append(javadoc, at, m.start())
                    .append(inline(m.group(1), javadoc.substring(m.end(), end).trim()));
            at = end + 1;
        }
        String text = PARAGRAPH.matcher(sb).replaceAll("\n\n");
        List<String> kept = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            kept.add(line.stripTrailing());
        }
        while (!kept.isEmpty() && kept.get(0).isBlank()) kept.remove(0);
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) kept.remove(kept.size() - 1);
        return String.join("\n", kept);
    }
}
