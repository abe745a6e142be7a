package dev.wit4j.processor.gen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Stability;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds Javadoc from WIT documentation and feature gates. WIT documentation is Markdown: it is
 * rendered as HTML (CommonMark; HTML written in it is shown as text), and then escaped so that it
 * cannot end the comment, start a tag or form a unicode escape; text written by the generator is
 * neither.
 */
public final class Javadocs {
    private final List<String> paragraphs = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private Stability stability = Stability.UNKNOWN;

    private Javadocs() {}

    /** Starts with the WIT documentation, if any. */
    public static Javadocs of(Docs docs) {
        Javadocs j = new Javadocs();
        docs.contents().ifPresent(t -> {
            String html = html(t);
            if (!html.isEmpty()) j.paragraphs.add(html);
        });
        return j;
    }

    private static final Pattern HEADING = Pattern.compile("<h([1-6])>(.*?)</h\\1>");
    private static final org.commonmark.parser.Parser MARKDOWN =
            org.commonmark.parser.Parser.builder().build();
    private static final org.commonmark.renderer.html.HtmlRenderer HTML =
            org.commonmark.renderer.html.HtmlRenderer.builder().escapeHtml(true).build();

    /**
     * WIT documentation (Markdown) as Javadoc HTML: the first paragraph without its {@code <p>}
     * (Javadoc's own first paragraph), the rest as rendered, then made safe for a comment.
     */
    static String html(String markdown) {
        String html = HTML.render(MARKDOWN.parse(markdown)).strip();
        if (html.startsWith("<p>")) {
            int end = html.indexOf("</p>");
            html = html.substring(3, end) + html.substring(end + 4);
        }
        // headings become bold paragraphs: javadoc's checks want headings in sequence from <h2>
        // (a type) or <h4> (a member), which text written for WIT does not follow
        html = HEADING.matcher(html).replaceAll("<p><b>$2</b></p>");
        return html.replace("*/", "*&#47;")
                .replace("\\", "&#92;")
                .replace("@", "&#64;")
                .strip();
    }

    /** Adds a paragraph of generator-written Javadoc (not escaped). */
    public Javadocs paragraph(String text) {
        if (!text.isEmpty()) {
            paragraphs.add(paragraphs.isEmpty() ? text : "<p>" + text);
        }
        return this;
    }

    /** Adds {@code @param name text} (text not escaped); nothing if text is empty. */
    public Javadocs param(String name, String text) {
        if (!text.isEmpty()) {
            tags.add("@param " + name + " " + text);
        }
        return this;
    }

    /** Adds {@code @return text}; nothing if text is empty. */
    public Javadocs returns(String text) {
        if (!text.isEmpty()) {
            tags.add("@return " + text);
        }
        return this;
    }

    /** Adds the {@code @since}, unstable and {@code @deprecated} parts of a WIT gate. */
    public Javadocs gate(Stability st) {
        this.stability = st;
        return this;
    }

    /** Whether a gate marks the item deprecated. */
    public static Optional<String> deprecatedIn(Stability st) {
        if (st instanceof Stability.Stable s) {
            return s.deprecated().map(Object::toString);
        } else if (st instanceof Stability.Unstable u) {
            return u.deprecated().map(Object::toString);
        }
        return Optional.empty();
    }

    /** {@code @Deprecated}, if the gate says so. */
    public static Optional<AnnotationSpec> deprecatedAnnotation(Stability st) {
        return deprecatedIn(st)
                .map(v -> AnnotationSpec.builder(Deprecated.class).build());
    }

    /** The Javadoc, or an empty block when there is nothing to say. */
    public CodeBlock build() {
        List<String> ps = new ArrayList<>(paragraphs);
        List<String> ts = new ArrayList<>(tags);
        if (stability instanceof Stability.Unstable u) {
            String text = "Unstable: only present when the WIT feature {@code " + u.feature() + "} is enabled.";
            ps.add(ps.isEmpty() ? text : "<p>" + text);
        } else if (stability instanceof Stability.Stable s) {
            ts.add("@since " + s.since());
        }
        deprecatedIn(stability)
                .ifPresent(v -> ts.add("@deprecated deprecated in version " + v + " of the WIT package"));
        if (ps.isEmpty() && ts.isEmpty()) {
            return CodeBlock.builder().build();
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.join("\n\n", ps));
        if (!ts.isEmpty()) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(String.join("\n", ts));
        }
        sb.append('\n');
        return CodeBlock.of("$L", sb.toString());
    }
}
