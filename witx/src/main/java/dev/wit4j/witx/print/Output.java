package dev.wit4j.witx.print;

/**
 * Text output with block indentation: two spaces per level, written lazily at the first text of a
 * line (so blank lines carry no trailing spaces).
 */
final class Output {
    private final StringBuilder text = new StringBuilder();
    private int depth;
    private boolean needsIndent;

    /** Appends text that contains no line break. */
    Output str(String s) {
        if (needsIndent) {
            text.append("  ".repeat(depth));
            needsIndent = false;
        }
        text.append(s);
        return this;
    }

    /** Ends the line. */
    Output newline() {
        text.append('\n');
        needsIndent = true;
        return this;
    }

    /** {@code ;} and a line break. */
    void semicolon() {
        str(";").newline();
    }

    /** Opens a block: {@code  {} and a line break, one level deeper. */
    void blockStart() {
        text.append(" {");
        depth++;
        newline();
    }

    /** Closes a block: {@code }} on its own line at the outer level. */
    void blockEnd() {
        depth = Math.max(0, depth - 1);
        str("}").newline();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
