package dev.wit4j.witx.model;

import java.util.Objects;

/**
 * Where an item was declared: file (as given to the resolver), 1-based line and 1-based column
 * (counted in Unicode code points). {@link #NONE} for items not built from source text.
 */
public record SourcePos(String file, int line, int column) {
    /** The position of items that do not come from WIT source (e.g. decoded from a binary). */
    public static final SourcePos NONE = new SourcePos("", 0, 0);

    public SourcePos {
        Objects.requireNonNull(file, "file");
    }

    /** Whether this position points into a source file. */
    public boolean isKnown() {
        return line > 0;
    }

    @Override
    public String toString() {
        return isKnown() ? file + ":" + line + ":" + column : "<unknown>";
    }
}
