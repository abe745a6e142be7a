package dev.wit4j.witx.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * On-demand tokenizer (WIT.md "Lexical structure"). It is driven by the parser rather than run
 * ahead, because semantic versions ({@code 1.0.0-rc.1+b}) are not made of WIT tokens and are
 * scanned as raw text at the parser's request ({@link #scanVersion}).
 */
final class Lexer {
    enum Kind { EOF, ID, EXPLICIT_ID, KEYWORD, INTEGER, STRING, OP }

    /** A token; {@code comments} are the comments between the previous token and this one. */
    record Token(Kind kind, String text, int start, int end, List<String> comments) {
        String describe() {
            switch (kind) {
                case EOF: return "eof";
                case ID: case EXPLICIT_ID: return "an identifier";
                case KEYWORD: return "keyword `" + text + "`";
                case INTEGER: return "an integer";
                case STRING: return "a string";
                default: return "'" + text + "'";
            }
        }
    }

    static final Set<String> KEYWORDS = Set.of("as", "async", "bool", "borrow", "char", "constructor", "enum",
            "export", "f32", "f64", "flags", "from", "func", "future", "import", "include", "interface", "list",
            "map", "option", "own", "package", "record", "resource", "result", "s16", "s32", "s64", "s8",
            "static", "stream", "string", "tuple", "type", "u16", "u32", "u64", "u8", "use", "variant", "with",
            "world", "_", "error-context");

    private final SourceFile file;
    private final String src;
    private int pos;

    Lexer(SourceFile file) {
        this.file = file;
        this.src = file.text();
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
                        throw file.error(s, "unterminated block comment");
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
                    throw file.error(start, "unterminated string literal");
                }
                char d = src.charAt(pos++);
                if (d == '"') {
                    break;
                }
                if (d == '\\' && pos < src.length()) {
                    char e = src.charAt(pos++);
                    switch (e) {
                        case 'n': sb.append('\n'); break;
                        case 't': sb.append('\t'); break;
                        case 'r': sb.append('\r'); break;
                        case '"': sb.append('"'); break;
                        case '\'': sb.append('\''); break;
                        case '\\': sb.append('\\'); break;
                        case 'u': {
                            int close = src.indexOf('}', pos);
                            if (pos >= src.length() || src.charAt(pos) != '{' || close < 0) {
                                throw file.error(pos - 2, "invalid unicode escape in string literal");
                            }
                            try {
                                sb.appendCodePoint(Integer.parseInt(src.substring(pos + 1, close), 16));
                            } catch (IllegalArgumentException ex) {
                                throw file.error(pos - 2, "invalid unicode escape in string literal");
                            }
                            pos = close + 1;
                            break;
                        }
                        default: {
                            if (pos < src.length() && isHex(e) && isHex(src.charAt(pos))) {
                                sb.append((char) Integer.parseInt(src.substring(pos - 1, pos + 1), 16));
                                pos++;
                            } else {
                                throw file.error(pos - 2, "invalid escape in string literal");
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
            checkChar(start);
            throw file.error(start, "unexpected character `" + new String(Character.toChars(src.codePointAt(start))) + "`");
        }
        String text = src.substring(idStart, pos);
        if (!explicit && KEYWORDS.contains(text)) {
            return new Token(Kind.KEYWORD, text, start, pos, comments);
        }
        validateKebab(text, idStart);
        return new Token(explicit ? Kind.EXPLICIT_ID : Kind.ID, text, start, pos, comments);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Rejects control codes and bidirectional overrides (WIT.md "Lexical structure"). */
    private void checkChar(int at) {
        int cp = src.codePointAt(at);
        boolean control = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7f && cp <= 0x9f);
        boolean bidi = (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f;
        if (control || bidi) {
            throw file.error(at, String.format("invalid character in source: U+%04X", cp));
        }
    }

    /**
     * Identifiers are kebab-case words: each word starts with a letter and is all lower-case or all
     * upper-case (WIT.md "WIT Identifiers", component-model {@code label}).
     */
    private void validateKebab(String text, int at) {
        for (String word : text.split("-", -1)) {
            if (word.isEmpty()) {
                throw file.error(at, "identifier `" + text + "` is not in kebab-case: empty word");
            }
            char first = word.charAt(0);
            if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
                throw file.error(at, "identifier `" + text + "` is not in kebab-case: word `" + word
                        + "` must start with a letter");
            }
            boolean lower = false;
            boolean upper = false;
            for (int i = 0; i < word.length(); i++) {
                char d = word.charAt(i);
                if (d == '_') {
                    throw file.error(at, "identifier `" + text + "` is not in kebab-case: `_` is not allowed");
                }
                lower |= d >= 'a' && d <= 'z';
                upper |= d >= 'A' && d <= 'Z';
            }
            if (lower && upper) {
                throw file.error(at, "identifier `" + text + "` is not in kebab-case: word `" + word
                        + "` mixes upper and lower case");
            }
        }
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
