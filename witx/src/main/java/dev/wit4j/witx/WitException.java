package dev.wit4j.witx;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Invalid WIT (syntax or resolution errors) or an unreadable input. It holds every error found
 * ({@link #diagnostics()}, in source order); the accessors {@link #file()}, {@link #line()},
 * {@link #column()} and {@link #detail()} describe the first. The message lists each error as
 * {@code file:line:col: message}, followed by the offending source line and a caret, the way
 * compilers report errors, and ends with the count when there are several.
 */
public final class WitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * One error.
     *
     * @param file file name as given to the resolver, or empty if unknown
     * @param line 1-based line, 0 if unknown
     * @param column 1-based column in code points, 0 if unknown
     * @param detail the message without position
     * @param sourceLine the text of the offending line, or null
     */
    public record Diagnostic(String file, int line, int column, String detail, String sourceLine)
            implements Serializable {
        public Diagnostic {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(detail, "detail");
        }

        /** {@code file:line:col: detail}, then the source line with a caret under the column. */
        public String message() {
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
                sb.append('\n')
                        .append(pad)
                        .append(" |\n")
                        .append(num)
                        .append(" | ")
                        .append(sourceLine)
                        .append('\n')
                        .append(pad)
                        .append(" | ");
                // Keep tabs so the caret lines up under the offending column.
                int cols = 0;
                for (int i = 0;
                        i < sourceLine.length() && cols < column - 1;
                        i += Character.charCount(sourceLine.codePointAt(i))) {
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
    }

    private final List<Diagnostic> diagnostics;

    /**
     * @param file file name as given to the resolver, or empty if unknown
     * @param line 1-based line, 0 if unknown
     * @param column 1-based column, 0 if unknown
     * @param detail the message without position
     * @param sourceLine the text of the offending line, or null
     */
    public WitException(String file, int line, int column, String detail, String sourceLine) {
        this(List.of(new Diagnostic(file, line, column, detail, sourceLine)));
    }

    /** An error not tied to a source position (e.g. a missing directory). */
    public WitException(String file, String detail) {
        this(file, 0, 0, detail, null);
    }

    /** Several errors, reported in the order given. */
    public WitException(List<Diagnostic> diagnostics) {
        super(format(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    private static String format(List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("no diagnostics");
        }
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(d.message());
        }
        if (diagnostics.size() > 1) {
            sb.append('\n').append(diagnostics.size()).append(" errors");
        }
        return sb.toString();
    }

    /**
     * The errors of several exceptions as one: in source order (the files in the order their
     * first error was found, each file's errors by line and column), one per position. Only the
     * first error found at a position is kept, because the later ones there follow from it.
     */
    public static WitException combine(Collection<WitException> errors) {
        List<Diagnostic> all = new ArrayList<>();
        for (WitException e : errors) {
            all.addAll(e.diagnostics);
        }
        Map<String, Integer> fileRank = new HashMap<>();
        for (Diagnostic d : all) {
            fileRank.putIfAbsent(d.file(), fileRank.size());
        }
        Set<String> positions = new HashSet<>();
        List<Diagnostic> kept = new ArrayList<>();
        for (Diagnostic d : all) {
            // Errors without a position are all kept (each names a different file or problem).
            String key = d.line() > 0 ? d.file() + ':' + d.line() + ':' + d.column() : d.file() + '\0' + d.detail();
            if (positions.add(key)) {
                kept.add(d);
            }
        }
        kept.sort(Comparator.comparingInt((Diagnostic d) -> fileRank.get(d.file()))
                .thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column));
        return new WitException(kept);
    }

    /** Every error, in source order; never empty. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private Diagnostic first() {
        return diagnostics.get(0);
    }

    /** The file the first error is in (as given to the resolver), or empty. */
    public String file() {
        return first().file();
    }

    /** 1-based line of the first error, or 0 if unknown. */
    public int line() {
        return first().line();
    }

    /** 1-based column in code points of the first error, or 0 if unknown. */
    public int column() {
        return first().column();
    }

    /** The message of the first error, without position or source excerpt. */
    public String detail() {
        return first().detail();
    }

    /** The first error's source line, if known. */
    public String sourceLine() {
        return first().sourceLine();
    }
}
