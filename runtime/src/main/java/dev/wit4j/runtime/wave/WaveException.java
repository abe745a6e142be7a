package dev.wit4j.runtime.wave;

/**
 * WAVE text that cannot be read as a value of the requested type. The message says what was
 * expected and what was found, and where: {@code expected u32, found "x" at column 5} (or
 * {@code at line 2, column 5} when the text spans several lines).
 */
public final class WaveException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int offset;
    private final int line;
    private final int column;

    WaveException(String reason, String source, int offset) {
        this(reason, offset, lineOf(source, offset), columnOf(source, offset), source.indexOf('\n') >= 0);
    }

    private WaveException(String reason, int offset, int line, int column, boolean multiline) {
        super(
                reason + (multiline ? " at line " + line + ", column " + column : " at column " + column),
                null,
                false,
                false);
        this.reason = reason;
        this.offset = offset;
        this.line = line;
        this.column = column;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }

    /** The position in the text as a {@code char} index from 0. */
    public int offset() {
        return offset;
    }

    /** The line of the position, from 1. */
    public int line() {
        return line;
    }

    /** The column of the position in code points, from 1. */
    public int column() {
        return column;
    }

    private static int lineOf(String source, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnOf(String source, int offset) {
        int end = Math.min(offset, source.length());
        int lineStart = source.lastIndexOf('\n', end - 1) + 1;
        return source.codePointCount(lineStart, end) + 1;
    }
}
