package dev.wit4j.witx.parse;

import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.SourcePos;
import java.util.Arrays;
import java.util.Objects;

/** The text of one WIT file and the name used for it in positions and error messages. */
public final class SourceFile {
    private final String name;
    private final String text;
    private final int[] lineStarts;

    /**
     * @param name how the file is named in error messages (usually its path)
     * @param text the file contents
     */
    public SourceFile(String name, String text) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    /** The name used in messages. */
    public String name() {
        return name;
    }

    /** The file contents. */
    public String text() {
        return text;
    }

    private int lineIndex(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** The 1-based line and column (in code points) of a char offset. */
    public SourcePos pos(int offset) {
        offset = Math.max(0, Math.min(offset, text.length()));
        int li = lineIndex(offset);
        int start = lineStarts[li];
        return new SourcePos(name, li + 1, text.codePointCount(start, offset) + 1);
    }

    /** The text of the line containing {@code offset}, without line terminator. */
    public String lineText(int offset) {
        offset = Math.max(0, Math.min(offset, text.length()));
        int li = lineIndex(offset);
        int start = lineStarts[li];
        int end = li + 1 < lineStarts.length ? lineStarts[li + 1] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, Math.max(start, end));
    }

    /** An error at {@code offset} in this file. */
    public WitException error(int offset, String message) {
        SourcePos p = pos(offset);
        return new WitException(name, p.line(), p.column(), message, lineText(offset));
    }

    @Override
    public String toString() {
        return name;
    }
}
