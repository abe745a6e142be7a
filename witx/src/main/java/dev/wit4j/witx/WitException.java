package dev.wit4j.witx;

import java.util.Objects;

/**
 * Invalid WIT (syntax or resolution error) or an unreadable input. The message reads
 * {@code file:line:col: message}, followed by the offending source line and a caret, the way
 * compilers report errors; {@link #detail()} is the bare message.
 */
public final class WitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String detail;
    private final String sourceLine;

    /**
     * @param file file name as given to the resolver, or empty if unknown
     * @param line 1-based line, 0 if unknown
     * @param column 1-based column, 0 if unknown
     * @param detail the message without position
     * @param sourceLine the text of the offending line, or null
     */
    public WitException(String file, int line, int column, String detail, String sourceLine) {
        super(format(file, line, column, detail, sourceLine));
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.column = column;
        this.detail = Objects.requireNonNull(detail, "detail");
        this.sourceLine = sourceLine;
    }

    /** An error not tied to a source position (e.g. a missing directory). */
    public WitException(String file, String detail) {
        this(file, 0, 0, detail, null);
    }

    private static String format(String file, int line, int column, String detail, String sourceLine) {
        StringBuilder sb = new StringBuilder();
        if (!file.isEmpty()) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line).append(':').append(column);
            }
            sb.append(": ");
        }
        sb.append(detail);
        if (sourceLine != null && line > 0) {
            String num = String.valueOf(line);
            String pad = " ".repeat(num.length());
            sb.append('\n').append(pad).append(" |\n").append(num).append(" | ").append(sourceLine)
                    .append('\n').append(pad).append(" | ");
            // Keep tabs so the caret lines up under the offending column.
            int cols = 0;
            for (int i = 0; i < sourceLine.length() && cols < column - 1; i += Character.charCount(sourceLine.codePointAt(i))) {
                sb.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
                cols++;
            }
            for (; cols < column - 1; cols++) {
                sb.append(' ');
            }
            sb.append('^');
        }
        return sb.toString();
    }

    /** The file the error is in (as given to the resolver), or empty. */
    public String file() {
        return file;
    }

    /** 1-based line, or 0 if unknown. */
    public int line() {
        return line;
    }

    /** 1-based column in code points, or 0 if unknown. */
    public int column() {
        return column;
    }

    /** The message without position or source excerpt. */
    public String detail() {
        return detail;
    }

    /** The offending source line, if known. */
    public String sourceLine() {
        return sourceLine;
    }
}
