package dev.wit4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Javadoc as the WIT documentation of Java-first interfaces. */
class JavadocTextTest {

    @Test
    void inlineTagsBecomeMarkdown() {
        assertEquals(
                "A `record span { start: u32 }` and `x`.",
                JavadocText.description(" A {@code record span { start: u32 }} and {@code x}.\n"));
        assertEquals(
                "See `find(int)`, `Other.go` and the docs.",
                JavadocText.description(
                        " See {@link #find(int)}, {@link Other#go} and {@linkplain Other the docs}.\n"));
        assertEquals("First.\n\nSecond.", JavadocText.description(" First.\n\n <p>Second.\n @param x ignored\n"));
    }
}
