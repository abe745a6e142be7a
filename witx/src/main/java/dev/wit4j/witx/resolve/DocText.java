package dev.wit4j.witx.resolve;

import dev.wit4j.witx.model.Docs;
import java.util.ArrayList;
import java.util.List;

/** Doc comments made into the model's {@link Docs}. */
final class DocText {
    private DocText() {}

    /**
     * Doc text as wasm-tools builds it: each comment loses its markers, trailing whitespace is
     * trimmed, lines are joined with {@code \n} and trailing newlines dropped.
     */
    static Docs docs(List<String> comments) {
        if (comments.isEmpty()) {
            return Docs.NONE;
        }
        List<String> lines = new ArrayList<>();
        for (String c : comments) {
            String s;
            if (c.startsWith("/**")) {
                s = c.substring(3, c.length() - 2);
            } else {
                int i = 0;
                while (i < c.length() && c.charAt(i) == '/') {
                    i++;
                }
                s = c.substring(i);
            }
            s = s.stripTrailing();
            if (s.isEmpty()) {
                lines.add("");
            } else {
                lines.addAll(List.of(s.split("\r?\n", -1)));
            }
        }
        // The common leading indentation of non-blank lines is removed (`/// text` gives `text`).
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                int n = 0;
                while (n < l.length() && l.charAt(n) == ' ') {
                    n++;
                }
                indent = Math.min(indent, n);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == '\n') {
            end--;
        }
        return Docs.of(sb.substring(0, end));
    }
}
