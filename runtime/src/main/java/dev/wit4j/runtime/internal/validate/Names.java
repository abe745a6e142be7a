package dev.wit4j.runtime.internal.validate;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The lexical rules for labels and import/export names (Explainer, "Import and Export
 * Definitions") and the canonical form used for the strongly-unique rule ("Name Uniqueness").
 */
final class Names {

    private Names() {}

    /** The kind of an import or export name. */
    enum Kind {
        LABEL,
        CONSTRUCTOR,
        METHOD,
        STATIC,
        INTERFACE,
        DEPENDENCY,
        URL,
        HASH
    }

    /**
     * A parsed extern name. For {@code [method]r.m} and {@code [static]r.m}, {@code resource} is
     * {@code r} and {@code member} is {@code m}; for {@code [constructor]r}, {@code resource} is
     * {@code r}.
     */
    record ExternName(String raw, Kind kind, String resource, String member, String version) {

        /**
         * The canonical form of step 1 of the strongly-unique rule: acronyms lowercased,
         * {@code [method]l.l} and {@code [static]l.l} as {@code l}, other annotations stripped.
         */
        String uniquenessKey() {
            String lower = raw.toLowerCase(Locale.ROOT);
            switch (kind) {
                case LABEL:
                    return "label " + lower;
                case CONSTRUCTOR:
                    return "constructor " + lower.substring("[constructor]".length());
                case METHOD:
                case STATIC:
                    String r = resource.toLowerCase(Locale.ROOT);
                    String m = member.toLowerCase(Locale.ROOT);
                    return r.equals(m) ? "label " + r : "member " + r + "." + m;
                default:
                    return kind.name() + " " + lower;
            }
        }
    }

    private static final Pattern CANON_VERSION =
            Pattern.compile("[1-9][0-9]*|0\\.[1-9][0-9]*|0\\.0\\.[1-9][0-9]*|0\\.0\\.0");

    /** Whether {@code s} is a kebab-case label: words or acronyms joined by single dashes. */
    static boolean isKebab(String s) {
        if (s.isEmpty()) return false;
        String[] parts = s.split("-", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty()) return false;
            char first = p.charAt(0);
            if (i == 0 && !(first >= 'a' && first <= 'z') && !(first >= 'A' && first <= 'Z')) return false;
            boolean lower = false;
            boolean upper = false;
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                if (c >= 'a' && c <= 'z') lower = true;
                else if (c >= 'A' && c <= 'Z') upper = true;
                else if (!(c >= '0' && c <= '9')) return false;
            }
            if (lower && upper) return false;
        }
        return true;
    }

    static boolean sameIgnoringCase(String a, String b) {
        return a.equalsIgnoreCase(b);
    }

    static boolean isSemver(String s) {
        return Semver.problem(s) == null;
    }

    static boolean isCanonVersion(String s) {
        return CANON_VERSION.matcher(s).matches();
    }

    /**
     * Parses an import or export name.
     *
     * @throws IllegalArgumentException with the reason when the name is not valid
     */
    static ExternName parse(String name) {
        Parser p = new Parser(name);
        ExternName parsed = p.parse();
        if (!p.rest.isEmpty()) throw new IllegalArgumentException("trailing characters found: `" + p.rest + "`");
        return parsed;
    }

    private static final class Parser {
        private final String raw;
        private String rest;

        Parser(String raw) {
            this.raw = raw;
            this.rest = raw;
        }

        ExternName parse() {
            if (eat("[constructor]")) {
                String r = expectKebab();
                return new ExternName(raw, Kind.CONSTRUCTOR, r, null, null);
            }
            if (eat("[method]") || eat("[static]")) {
                Kind kind = raw.startsWith("[method]") ? Kind.METHOD : Kind.STATIC;
                String r = takeUntil('.');
                kebab(r);
                String m = expectKebab();
                return new ExternName(raw, kind, r, m, null);
            }
            if (eat("unlocked-dep=") || eat("locked-dep=")) {
                expect("<");
                takeUpTo('>');
                expect(">");
                rest = "";
                return new ExternName(raw, Kind.DEPENDENCY, null, null, null);
            }
            if (eat("url=")) {
                expect("<");
                String url = takeUpTo('>');
                if (url.contains("<")) throw new IllegalArgumentException("url cannot contain `<`");
                expect(">");
                rest = "";
                return new ExternName(raw, Kind.URL, null, null, null);
            }
            if (eat("integrity=")) {
                expect("<");
                takeUpTo('>');
                expect(">");
                return new ExternName(raw, Kind.HASH, null, null, null);
            }
            if (rest.contains(":")) {
                lowercaseKebab(takeKebab());
                expect(":");
                lowercaseKebab(takeKebab());
                if (rest.startsWith("/")) {
                    expect("/");
                    takeKebab();
                } else {
                    throw new IllegalArgumentException("expected `/` after package name");
                }
                String version = null;
                if (eat("@")) {
                    version = rest;
                    rest = "";
                }
                return new ExternName(raw, Kind.INTERFACE, null, null, version);
            }
            String label = expectKebab();
            return new ExternName(raw, Kind.LABEL, label, null, null);
        }

        private boolean eat(String prefix) {
            if (rest.startsWith(prefix)) {
                rest = rest.substring(prefix.length());
                return true;
            }
            return false;
        }

        private void expect(String prefix) {
            if (!eat(prefix)) throw new IllegalArgumentException("expected `" + prefix + "` at `" + rest + "`");
        }

        private String takeUntil(char c) {
            int i = rest.indexOf(c);
            if (i < 0) throw new IllegalArgumentException("failed to find `" + c + "` character");
            String s = rest.substring(0, i);
            rest = rest.substring(i + 1);
            return s;
        }

        private String takeUpTo(char c) {
            int i = rest.indexOf(c);
            if (i < 0) throw new IllegalArgumentException("failed to find `" + c + "` character");
            String s = rest.substring(0, i);
            rest = rest.substring(i);
            return s;
        }

        private String takeKebab() {
            int i = 0;
            while (i < rest.length()) {
                char c = rest.charAt(i);
                if (!(Character.isLetterOrDigit(c) && c < 128 || c == '-')) break;
                i++;
            }
            String s = rest.substring(0, i);
            rest = rest.substring(i);
            return kebab(s);
        }

        private String expectKebab() {
            String s = rest;
            rest = "";
            return kebab(s);
        }

        private static String kebab(String s) {
            if (!isKebab(s)) throw new IllegalArgumentException("`" + s + "` is not in kebab case");
            return s;
        }

        private static void lowercaseKebab(String s) {
            for (char c : s.toCharArray()) {
                if (Character.isUpperCase(c)) {
                    throw new IllegalArgumentException(
                            "character `" + c + "` is not lowercase in package name/namespace");
                }
            }
        }
    }
}
