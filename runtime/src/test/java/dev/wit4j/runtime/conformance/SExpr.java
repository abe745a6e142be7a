package dev.wit4j.runtime.conformance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The s-expressions of {@code .wast} text, read just far enough to take apart the commands
 * ({@code invoke}, {@code assert_return}, {@code assert_trap}, {@code (component binary …)}): the
 * components themselves reach the runner as binaries, so this reader never has to understand
 * WebAssembly text.
 */
public sealed interface SExpr {

    /** A keyword, number or {@code $id}. */
    record Atom(String text) implements SExpr {
        @Override
        public String toString() {
            return text;
        }
    }

    /** A string literal with its escapes decoded, as bytes (wat strings need not be UTF-8). */
    record Text(byte[] bytes) implements SExpr {
        /** The bytes as UTF-8 text; throws if they are not valid UTF-8. */
        public String utf8() {
            try {
                return StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(bytes))
                        .toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new IllegalArgumentException("string literal is not valid UTF-8");
            }
        }

        @Override
        public String toString() {
            return '"' + new String(bytes, StandardCharsets.UTF_8) + '"';
        }
    }

    /** A parenthesised list. */
    record SList(List<SExpr> items) implements SExpr {
        /** The leading keyword, or "" if the list does not start with one. */
        public String head() {
            return !items.isEmpty() && items.get(0) instanceof Atom a ? a.text() : "";
        }

        public SExpr get(int i) {
            return items.get(i);
        }

        public int size() {
            return items.size();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < items.size(); i++) {
                sb.append(i == 0 ? "" : " ").append(items.get(i));
            }
            return sb.append(')').toString();
        }
    }

    /** Reads the first s-expression of the text (a whole form). */
    static SExpr read(String text) {
        return new Reader(text).read();
    }

    /** Reads every top-level s-expression of a whole script. */
    static List<SExpr> readAll(String text) {
        Reader reader = new Reader(text);
        List<SExpr> forms = new ArrayList<>();
        while (reader.hasMore()) {
            forms.add(reader.read());
        }
        return forms;
    }

    /** A recursive-descent reader that skips whitespace and both kinds of comments. */
    final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        /** Whether anything but whitespace and comments is left. */
        boolean hasMore() {
            skip();
            return i < s.length();
        }

        SExpr read() {
            skip();
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end of form");
            }
            char c = s.charAt(i);
            if (c == '(') {
                i++;
                List<SExpr> items = new ArrayList<>();
                for (skip(); i < s.length() && s.charAt(i) != ')'; skip()) {
                    items.add(read());
                }
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unclosed parenthesis");
                }
                i++;
                return new SList(items);
            }
            if (c == '"') {
                return new Text(string());
            }
            int from = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()\";".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return new Atom(s.substring(from, i));
        }

        private void skip() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (s.startsWith(";;", i)) {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (s.startsWith("(;", i)) {
                    int depth = 0;
                    do {
                        if (s.startsWith("(;", i)) {
                            depth++;
                            i += 2;
                        } else if (s.startsWith(";)", i)) {
                            depth--;
                            i += 2;
                        } else {
                            i++;
                        }
                    } while (depth > 0 && i < s.length());
                } else {
                    return;
                }
            }
        }

        /** A string literal with the wat escapes (newline, tab, quotes, backslash, two hex digits, a code point in braces). */
        private byte[] string() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            i++; // opening quote
            while (i < s.length() && s.charAt(i) != '"') {
                int cp = s.codePointAt(i);
                if (cp != '\\') {
                    byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                    out.write(utf8, 0, utf8.length);
                    i += Character.charCount(cp);
                    continue;
                }
                char e = s.charAt(i + 1);
                i += 2;
                switch (e) {
                    case 'n' -> out.write('\n');
                    case 't' -> out.write('\t');
                    case 'r' -> out.write('\r');
                    case '"', '\'', '\\' -> out.write(e);
                    case 'u' -> {
                        int close = s.indexOf('}', i);
                        int code = Integer.parseInt(s.substring(i + 1, close).replace("_", ""), 16);
                        byte[] utf8 = new String(Character.toChars(code)).getBytes(StandardCharsets.UTF_8);
                        out.write(utf8, 0, utf8.length);
                        i = close + 1;
                    }
                    default -> {
                        out.write(Integer.parseInt(s.substring(i - 1, i + 1), 16));
                        i++;
                    }
                }
            }
            if (i >= s.length()) {
                throw new IllegalArgumentException("unclosed string literal");
            }
            i++; // closing quote
            return out.toByteArray();
        }
    }
}
