package dev.wit4j.witx.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Documentation attached to an item: the comments written directly before it, with comment
 * markers removed ({@code ///} and one following space, or {@code //}, {@code /*}) and lines
 * joined with {@code \n}; the same normalisation wasm-tools applies.
 */
public record Docs(Optional<String> contents) {
    /** No documentation. */
    public static final Docs NONE = new Docs(Optional.empty());

    public Docs {
        Objects.requireNonNull(contents, "contents");
    }

    /** Docs with the given text; {@code null} or empty text gives {@link #NONE}. */
    public static Docs of(String text) {
        return text == null || text.isEmpty() ? NONE : new Docs(Optional.of(text));
    }

    /** Whether any documentation is present. */
    public boolean isPresent() {
        return contents.isPresent();
    }
}
