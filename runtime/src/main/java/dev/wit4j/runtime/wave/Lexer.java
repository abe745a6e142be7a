package dev.wit4j.runtime.wave;

/**
 * Splits WAVE text into tokens, one at a time, skipping whitespace and {@code //} comments.
 * String and char literals are decoded here, so that a bad escape is reported where it is.
 */
final class Lexer {

    enum Kind {
        LBRACE("`{`"),
        RBRACE("`}`"),
        LPAREN("`(`"),
        RPAREN("`)`"),
        LBRACKET("`[`"),
        RBRACKET("`]`"),
        COLON("`:`"),
        COMMA("`,`"),
        NUMBER("a number"),
        LABEL("a label"),
        CHAR("a char"),
        STRING("a string"),
        END("end of input");

        /** How the kind reads in "expected ..." messages. */
        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /**
     * A token. {@code value} is the decoded text of a string or char, the label without its
     * {@code %} (then {@code escaped} is set), or the source text of anything else.
     */
    record Token(Kind kind, int start, int end, String value, boolean escaped) {

        /** Whether this is the keyword {@code word} (written without {@code %}). */
        boolean isKeyword(String word) {
            return kind == Kind.LABEL && !escaped && value.equals(word);
        }
    }

    private final String src;
    private final int end;
    private int pos;
    private Token peeked;

    /** Lexes {@code src} from {@code start} (inclusive) to {@code end} (exclusive). */
    Lexer(String src, int start, int end) {
        this.src = src;
        this.pos = start;
        this.end = end;
    }

    String source() {
        return src;
    }

    /** The next token, without consuming it. */
    Token peek() {
        if (peeked == null) {
            peeked = scan();
        }
        return peeked;
    }

    /** Consumes and returns the next token. */
    Token next() {
        Token t = peek();
        peeked = null;
        return t;
    }

    WaveException error(String reason, int at) {
        return new WaveException(reason, src, at);
    }

    private Token scan() {
        skipSpaceAndComments();
        int start = pos;
        if (pos >= end) {
            return new Token(Kind.END, pos, pos, "", false);
        }
        char c = src.charAt(pos);
        Kind punct = switch (c) {
            case '{' -> Kind.LBRACE;
            case '}' -> Kind.RBRACE;
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case '[' -> Kind.LBRACKET;
            case ']' -> Kind.RBRACKET;
            case ':' -> Kind.COLON;
            case ',' -> Kind.COMMA;
            default -> null;
        };
        if (punct != null) {
            pos++;
            return token(punct, start);
        }
        if (c == '-' || isDigit(c)) {
            return number(start);
        }
        if (c == '%' || isAsciiLetter(c)) {
            return label(start);
        }
        if (c == '\'') {
            return charLiteral(start);
        }
        if (c == '"') {
            return src.startsWith("\"\"\"", pos) ? multilineString(start) : string(start);
        }
        throw error("unexpected character " + describeChar(src.codePointAt(pos)), start);
    }

    private void skipSpaceAndComments() {
        while (pos < end) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == '/' && pos + 1 < end && src.charAt(pos + 1) == '/') {
                while (pos < end && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private Token token(Kind kind, int start) {
        return new Token(kind, start, pos, src.substring(start, pos), false);
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?} or {@code -inf}. */
    private Token number(int start) {
        if (src.charAt(pos) == '-') {
            pos++;
            if (src.startsWith("inf", pos) && !isLabelChar(pos + 3)) {
                pos += 3;
                return token(Kind.NUMBER, start);
            }
            if (pos >= end || !isDigit(src.charAt(pos))) {
                throw error("expected a digit after `-`", start);
            }
        }
        if (src.charAt(pos) == '0') {
            pos++;
            if (pos < end && isDigit(src.charAt(pos))) {
                throw error("numbers must not have leading zeros", start);
            }
        } else {
            digits();
        }
        if (pos < end && src.charAt(pos) == '.') {
            pos++;
            if (digits() == 0) {
                throw error("expected digits after the decimal point", start);
            }
        }
        if (pos < end && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            pos++;
            if (pos < end && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw error("expected digits in the exponent", start);
            }
        }
        if (isLabelChar(pos)) {
            throw error("invalid number " + src.substring(start, runEnd(pos)), start);
        }
        return token(Kind.NUMBER, start);
    }

    private int digits() {
        int from = pos;
        while (pos < end && isDigit(src.charAt(pos))) {
            pos++;
        }
        return pos - from;
    }

    private Token label(int start) {
        boolean escaped = src.charAt(pos) == '%';
        if (escaped) {
            pos++;
        }
        int labelStart = pos;
        pos = runEnd(pos);
        String label = src.substring(labelStart, pos);
        if (!Labels.isLabel(label)) {
            throw error(
                    "invalid label `" + src.substring(start, pos) + "`: labels are kebab-case words, "
                            + "each all lower case or all upper case",
                    start);
        }
        return new Token(Kind.LABEL, start, pos, label, escaped);
    }

    /** The end of the run of label characters (ASCII letters, digits and hyphens) from {@code i}. */
    private int runEnd(int i) {
        while (isLabelChar(i)) {
            i++;
        }
        return i;
    }

    private boolean isLabelChar(int i) {
        if (i >= end) {
            return false;
        }
        char c = src.charAt(i);
        return isAsciiLetter(c) || isDigit(c) || c == '-';
    }

    private Token charLiteral(int start) {
        pos++; // the opening quote
        if (pos >= end || src.charAt(pos) == '\n') {
            throw error("unterminated char literal", start);
        }
        if (src.charAt(pos) == '\'') {
            throw error("empty char literal", start);
        }
        int cp = src.charAt(pos) == '\\' ? escape() : literalCodePoint("char");
        if (pos >= end || src.charAt(pos) != '\'') {
            if (pos < end && src.charAt(pos) != '\n' && src.indexOf('\'', pos) >= 0) {
                throw error("a char literal holds exactly one character", start);
            }
            throw error("unterminated char literal", start);
        }
        pos++;
        return new Token(Kind.CHAR, start, pos, Character.toString(cp), false);
    }

    private Token string(int start) {
        pos++; // the opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= end || src.charAt(pos) == '\n') {
                throw error("unterminated string (a line break inside a string is written \\n)", start);
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                return new Token(Kind.STRING, start, pos, out.toString(), false);
            }
            out.appendCodePoint(c == '\\' ? escape() : literalCodePoint("string"));
        }
    }

    /**
     * A {@code """} string: a line break after the opening quotes, and the closing quotes on a
     * line of their own, whose indentation is removed from every line.
     */
    private Token multilineString(int start) {
        int contentStart = start + 3;
        int close = src.indexOf("\"\"\"", contentStart);
        if (close < 0 || close + 3 > end) {
            throw error("unterminated multiline string", start);
        }
        int first = contentStart;
        if (first < close && src.charAt(first) == '\r') {
            first++;
        }
        if (first >= close || src.charAt(first) != '\n') {
            throw error("the opening \"\"\" of a multiline string must be followed by a line break", start);
        }
        int lastBreak = src.lastIndexOf('\n', close - 1);
        String indent = src.substring(lastBreak + 1, close);
        if (!indent.chars().allMatch(ch -> ch == ' ')) {
            throw error(
                    "the closing \"\"\" of a multiline string must be on a line of its own, "
                            + "preceded only by spaces",
                    close);
        }
        StringBuilder out = new StringBuilder();
        int lineStart = first + 1;
        boolean firstLine = true;
        while (lineStart <= lastBreak) {
            int lineEnd = src.indexOf('\n', lineStart);
            if (!firstLine) {
                out.append('\n');
            }
            firstLine = false;
            int contentEnd = lineEnd > lineStart && src.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            // Blank lines need no indentation; wasm-wave insists on it, which editors tend to strip.
            if (contentEnd > lineStart && !src.startsWith(indent, lineStart)) {
                throw error(
                        "each line of a multiline string must be indented at least as much as the " + "closing \"\"\"",
                        lineStart);
            }
            pos = Math.min(lineStart + indent.length(), contentEnd);
            while (pos < contentEnd) {
                char c = src.charAt(pos);
                out.appendCodePoint(c == '\\' ? escape() : literalCodePoint("string"));
            }
            lineStart = lineEnd + 1;
        }
        pos = close + 3;
        return new Token(Kind.STRING, start, pos, out.toString(), false);
    }

    /** One literal (unescaped) code point of a string or char; rejects unpaired surrogates. */
    private int literalCodePoint(String what) {
        int cp = src.codePointAt(pos);
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            throw error("invalid character in " + what + ": unpaired surrogate", pos);
        }
        pos += Character.charCount(cp);
        return cp;
    }

    /** Decodes the escape at {@code pos}: {@code \\ \' \" \t \n \r} or {@code \\u{hex}}. */
    private int escape() {
        int start = pos;
        pos++; // the backslash
        if (pos >= end) {
            throw error("invalid escape: `\\` at end of input", start);
        }
        char c = src.charAt(pos++);
        switch (c) {
            case '\\':
                return '\\';
            case '\'':
                return '\'';
            case '"':
                return '"';
            case 't':
                return '\t';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 'u':
                break;
            default:
                throw error(
                        "invalid escape `\\" + Character.toString(src.codePointAt(pos - 1))
                                + "`; WAVE has \\\\ \\' \\\" \\t \\n \\r and \\u{...}",
                        start);
        }
        if (pos >= end || src.charAt(pos) != '{') {
            throw error("invalid escape: expected `{` after `\\u`, as in \\u{1F30A}", start);
        }
        pos++;
        int digitsStart = pos;
        while (pos < end && Character.digit(src.charAt(pos), 16) >= 0) {
            pos++;
        }
        int digits = pos - digitsStart;
        if (pos >= end || src.charAt(pos) != '}' || digits == 0 || digits > 6) {
            throw error("invalid escape: \\u{...} holds 1 to 6 hexadecimal digits", start);
        }
        int cp = Integer.parseInt(src, digitsStart, pos, 16);
        pos++; // the closing brace
        if (cp > Character.MAX_CODE_POINT || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
            throw error(
                    "invalid escape: U+" + Integer.toHexString(cp).toUpperCase() + " is not a Unicode scalar value",
                    start);
        }
        return cp;
    }

    private static String describeChar(int cp) {
        return cp < 0x20 || cp == 0x7F ? "U+" + String.format("%04X", cp) : "`" + Character.toString(cp) + "`";
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
