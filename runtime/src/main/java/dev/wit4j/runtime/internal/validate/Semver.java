package dev.wit4j.runtime.internal.validate;

/**
 * Semantic versions (semver.org 2.0.0) as used in interface names ({@code ns:pkg/iface@1.2.3}),
 * with the diagnostics of the Rust {@code semver} crate that wasm-tools reports, such as
 * "unexpected character 'a' while parsing major version number".
 */
final class Semver {

    private static final String[] POSITIONS = {
        "major version number",
        "minor version number",
        "patch version number",
        "pre-release identifier",
        "build metadata"
    };
    private static final int PRE = 3;
    private static final int BUILD = 4;

    private final String text;
    private int at;

    private Semver(String text) {
        this.text = text;
    }

    /** Why {@code text} is not a valid semantic version, or null when it is one. */
    static String problem(String text) {
        if (text.isEmpty()) return "empty string, expected a semver version";
        return new Semver(text).parse();
    }

    private String parse() {
        for (int pos = 0; pos < 3; pos++) {
            String p = numeric(pos);
            if (p != null) return p;
            if (pos < 2) {
                if (at == text.length()) return "unexpected end of input while parsing " + POSITIONS[pos];
                if (text.charAt(at) != '.') return "unexpected character " + quoted(at) + " after " + POSITIONS[pos];
                at++;
            }
        }
        int pos = 2;
        if (eat('-')) {
            pos = PRE;
            String p = identifiers(PRE);
            if (p != null) return p;
        }
        if (eat('+')) {
            pos = BUILD;
            String p = identifiers(BUILD);
            if (p != null) return p;
        }
        return at == text.length() ? null : "unexpected character " + quoted(at) + " after " + POSITIONS[pos];
    }

    private String numeric(int pos) {
        int start = at;
        long value = 0;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            if (value == 0 && at > start) return "invalid leading zero in " + POSITIONS[pos];
            int digit = text.charAt(at) - '0';
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - digit, 10)) > 0) {
                return "value of " + POSITIONS[pos] + " exceeds u64::MAX";
            }
            value = value * 10 + digit;
            at++;
        }
        if (at > start) return null;
        return at < text.length()
                ? "unexpected character " + quoted(at) + " while parsing " + POSITIONS[pos]
                : "unexpected end of input while parsing " + POSITIONS[pos];
    }

    /** Dot-separated identifiers of {@code [0-9A-Za-z-]}; numeric pre-release ones without leading zeros. */
    private String identifiers(int pos) {
        int segmentStart = at;
        while (true) {
            while (at < text.length() && isIdentifierChar(text.charAt(at))) at++;
            if (at == segmentStart) return "empty identifier segment in " + POSITIONS[pos];
            String segment = text.substring(segmentStart, at);
            if (pos == PRE
                    && segment.length() > 1
                    && segment.chars().allMatch(c -> c >= '0' && c <= '9')
                    && segment.charAt(0) == '0') {
                return "invalid leading zero in " + POSITIONS[pos];
            }
            if (!eat('.')) return null;
            segmentStart = at;
        }
    }

    private static boolean isIdentifierChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    }

    private boolean eat(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private String quoted(int index) {
        return "'" + new String(Character.toChars(text.codePointAt(index))) + "'";
    }
}
