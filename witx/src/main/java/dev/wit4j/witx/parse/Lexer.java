package dev.wit4j.witx.parse;

import dev.wit4j.witx.WitException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * On-demand tokenizer (WIT.md "Lexical structure"). It is driven by the parser rather than run
 * ahead, because semantic versions ({@code 1.0.0-rc.1+b}) are not made of WIT tokens and are
 * scanned as raw text at the parser's request ({@link #scanVersion}). Lexical errors are reported
 * and lexing goes on, so that the parser finds the errors after them too: a character that starts
 * no token and an unterminated string become an {@link Kind#ERROR} token, which no rule accepts.
 */
final class Lexer {
    /** Token kinds; {@code VERSION} tokens are the parser's, made of the text {@link #scanVersion} finds. */
    enum Kind {
        EOF,
        ID,
        EXPLICIT_ID,
        KEYWORD,
        INTEGER,
        STRING,
        OP,
        ERROR,
        VERSION
    }

    /** A token; {@code comments} are the comments between the previous token and this one. */
    record Token(Kind kind, String text, int start, int end, List<String> comments) {
        String describe() {
            switch (kind) {
                case EOF:
                    return "eof";
                case ID:
                case EXPLICIT_ID:
                    return "an identifier";
                case KEYWORD:
                    return "keyword `" + text + "`";
                case INTEGER:
                    return "an integer";
                case STRING:
                    return "a string";
                case ERROR:
                    return "`" + text + "`";
                case VERSION:
                    return "a version";
                default:
                    return "'" + text + "'";
            }
        }
    }

    private final SourceFile file;
    private final String src;
    private final Consumer<WitException> sink;
    private int pos;
    private int errorCount;
    /** The end offsets of tokens lexed with an error. */
    private final Set<Integer> flawedEnds = new HashSet<>();
    /** Where an unterminated block comment starts: nothing after it is source. */
    private int unterminatedComment = -1;

    Lexer(SourceFile file, Consumer<WitException> report) {
        this.file = file;
        this.src = file.text();
        this.sink = report;
    }

    private void report(WitException e) {
        errorCount++;
        sink.accept(e);
    }

    /** Whether the token ending at {@code end} was lexed with an error (reported). */
    boolean flawed(int end) {
        return flawedEnds.contains(end);
    }

    /** The offset of an unterminated block comment, which runs to the end of the file, or -1. */
    int unterminatedComment() {
        return unterminatedComment;
    }

    SourceFile file() {
        return file;
    }

    int position() {
        return pos;
    }

    void reset(int offset) {
        pos = offset;
    }

    Token next() {
        int before = errorCount;
        Token t = scan();
        if (errorCount > before) {
            flawedEnds.add(t.end());
        }
        return t;
    }

    private Token scan() {
        List<String> comments = new ArrayList<>(0);
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == '/' && pos + 1 < src.length() && src.charAt(pos + 1) == '/') {
                int s = pos;
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    checkChar(pos);
                    pos++;
                }
                comments.add(src.substring(s, pos));
            } else if (c == '/' && pos + 1 < src.length() && src.charAt(pos + 1) == '*') {
                // Block comments nest (WIT.md "Comments").
                int s = pos;
                int depth = 0;
                while (true) {
                    if (pos >= src.length()) {
                        report(file.error(s, "unterminated block comment"));
                        unterminatedComment = s;
                        break;
                    }
                    if (src.startsWith("/*", pos)) {
                        depth++;
                        pos += 2;
                    } else if (src.startsWith("*/", pos)) {
                        depth--;
                        pos += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        checkChar(pos);
                        pos++;
                    }
                }
                comments.add(src.substring(s, pos));
            } else {
                break;
            }
        }
        int start = pos;
        if (pos >= src.length()) {
            return new Token(Kind.EOF, "", start, start, comments);
        }
        char c = src.charAt(pos);
        if (c == '-' && pos + 1 < src.length() && src.charAt(pos + 1) == '>') {
            pos += 2;
            return new Token(Kind.OP, "->", start, pos, comments);
        }
        if ("=,:;(){}<>*/.@".indexOf(c) >= 0) {
            pos++;
            return new Token(Kind.OP, String.valueOf(c), start, pos, comments);
        }
        if (c >= '0' && c <= '9') {
            while (pos < src.length() && Character.isDigit(src.charAt(pos)) && src.charAt(pos) < 128) {
                pos++;
            }
            return new Token(Kind.INTEGER, src.substring(start, pos), start, pos, comments);
        }
        if (c == '"') {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= src.length() || src.charAt(pos) == '\n') {
                    report(file.error(start, "unterminated string literal"));
                    return new Token(Kind.ERROR, src.substring(start, pos), start, pos, comments);
                }
                char d = src.charAt(pos++);
                if (d == '"') {
                    break;
                }
                if (d == '\\' && pos < src.length()) {
                    char e = src.charAt(pos++);
                    switch (e) {
                        case 'n':
                            sb.append('\n');
                            break;
                        case 't':
                            sb.append('\t');
                            break;
                        case 'r':
                            sb.append('\r');
                            break;
                        case '"':
                            sb.append('"');
                            break;
                        case '\'':
                            sb.append('\'');
                            break;
                        case '\\':
                            sb.append('\\');
                            break;
                        case 'u': {
                            int close = src.indexOf('}', pos);
                            if (pos >= src.length() || src.charAt(pos) != '{' || close < 0) {
                                report(file.error(pos - 2, "invalid unicode escape in string literal"));
                                break;
                            }
                            try {
                                sb.appendCodePoint(Integer.parseInt(src.substring(pos + 1, close), 16));
                            } catch (IllegalArgumentException ex) {
                                report(file.error(pos - 2, "invalid unicode escape in string literal"));
                            }
                            pos = close + 1;
                            break;
                        }
                        default: {
                            if (pos < src.length() && isHex(e) && isHex(src.charAt(pos))) {
                                sb.append((char) Integer.parseInt(src.substring(pos - 1, pos + 1), 16));
                                pos++;
                            } else {
                                report(file.error(pos - 2, "invalid escape in string literal"));
                            }
                        }
                    }
                } else {
                    sb.append(d);
                }
            }
            return new Token(Kind.STRING, sb.toString(), start, pos, comments);
        }
        boolean explicit = c == '%';
        if (explicit) {
            pos++;
        }
        int idStart = pos;
        while (pos < src.length()) {
            char d = src.charAt(pos);
            if ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9') || d == '-' || d == '_') {
                pos++;
            } else {
                break;
            }
        }
        if (pos == idStart) {
            if (checkChar(start)) {
                report(file.error(
                        start, "unexpected character `" + new String(Character.toChars(src.codePointAt(start))) + "`"));
            }
            pos = start + Character.charCount(src.codePointAt(start));
            return new Token(Kind.ERROR, src.substring(start, pos), start, pos, comments);
        }
        String text = src.substring(idStart, pos);
        if (!explicit && Keywords.isKeyword(text)) {
            return new Token(Kind.KEYWORD, text, start, pos, comments);
        }
        validateKebab(text, idStart);
        return new Token(explicit ? Kind.EXPLICIT_ID : Kind.ID, text, start, pos, comments);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * Reports control codes and bidirectional overrides (WIT.md "Lexical structure").
     *
     * @return whether the character is allowed
     */
    private boolean checkChar(int at) {
        int cp = src.codePointAt(at);
        boolean control = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7f && cp <= 0x9f);
        boolean bidi = (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f;
        if (control || bidi) {
            report(file.error(at, String.format("invalid character in source: U+%04X", cp)));
            return false;
        }
        return true;
    }

    /**
     * Identifiers are kebab-case words: each word starts with a letter and is all lower-case or all
     * upper-case (WIT.md "WIT Identifiers", component-model {@code label}).
     */
    private void validateKebab(String text, int at) {
        WitException e = kebabError(text, at);
        if (e != null) {
            // The token stays an identifier: what follows it parses as usual.
            report(e);
        }
    }

    private WitException kebabError(String text, int at) {
        for (String word : text.split("-", -1)) {
            if (word.isEmpty()) {
                return file.error(at, "identifier `" + text + "` is not in kebab-case: empty word");
            }
            char first = word.charAt(0);
            if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
                return file.error(
                        at,
                        "identifier `" + text + "` is not in kebab-case: word `" + word + "` must start with a letter");
            }
            boolean lower = false;
            boolean upper = false;
            for (int i = 0; i < word.length(); i++) {
                char d = word.charAt(i);
                if (d == '_') {
                    return file.error(at, "identifier `" + text + "` is not in kebab-case: `_` is not allowed");
                }
                lower |= d >= 'a' && d <= 'z';
                upper |= d >= 'A' && d <= 'Z';
            }
            if (lower && upper) {
                return file.error(
                        at,
                        "identifier `" + text + "` is not in kebab-case: word `" + word
                                + "` mixes upper and lower case");
            }
        }
        return null;
    }

    /**
     * Scans a SemVer version at {@code offset} (after skipping whitespace): digits and dots, then an
     * optional pre-release and build part. A {@code .} is only part of the version when followed by
     * an identifier character, so {@code @1.0.0.{a}} ends the version before {@code .{}.
     *
     * @return {start, end} offsets
     */
    int[] scanVersion(int offset) {
        int p = offset;
        while (p < src.length() && " \t\r\n".indexOf(src.charAt(p)) >= 0) {
            p++;
        }
        int start = p;
        while (p < src.length()) {
            char c = src.charAt(p);
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+') {
                p++;
            } else if (c == '.' && p + 1 < src.length() && isIdentChar(src.charAt(p + 1))) {
                p++;
            } else {
                break;
            }
        }
        pos = p;
        return new int[] {start, p};
    }

    private static boolean isIdentChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    }
}
