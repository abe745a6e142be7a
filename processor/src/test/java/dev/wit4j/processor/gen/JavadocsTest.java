package dev.wit4j.processor.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** WIT documentation, which is Markdown, as Javadoc HTML that cannot break out of its comment. */
class JavadocsTest {

    @Test
    void markdownBecomesHtml() {
        assertEquals("Reads up to <code>len</code> bytes.", Javadocs.html("Reads up to `len` bytes."));
        assertEquals(
                "First.\n<p>Second, <em>stressed</em> and <strong>strong</strong>.</p>",
                Javadocs.html("First.\n\nSecond, *stressed* and **strong**."));
        assertEquals("Kinds:\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>", Javadocs.html("Kinds:\n\n- one\n- two"));
        assertEquals(
                "See <a href=\"https://example.com\">the site</a>.",
                Javadocs.html("See [the site](https://example.com)."));
        assertEquals("Intro.\n<p><b>Errors</b></p>\n<p>None.</p>", Javadocs.html("Intro.\n\n## Errors\n\nNone."));
    }

    @Test
    void nothingInTheDocsEndsTheCommentOrStartsATag() {
        assertEquals(
                "*&#47; &#92;u0041 &#64;param &lt;b&gt; {&#64;code x}",
                Javadocs.html("*/ \\\\u0041 @param <b> {@code x}"));
        assertEquals("<pre><code>a *&#47; b\n</code></pre>", Javadocs.html("    a */ b"));
    }
}
