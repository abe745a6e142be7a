package dev.wit4j.runtime.wave;

import java.util.Set;

/** WAVE keywords and kebab-case labels. */
final class Labels {

    /** Words that stand for values, so cases spelled like them need a {@code %} prefix. */
    static final Set<String> KEYWORDS = Set.of("true", "false", "some", "none", "ok", "err", "inf", "nan");

    private Labels() {}

    static boolean isKeyword(String label) {
        return KEYWORDS.contains(label);
    }

    /**
     * Whether {@code s} is a label: hyphen-separated words, each all lower case or all upper case
     * (digits allowed anywhere but first in the label).
     */
    static boolean isLabel(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return false;
        }
        for (String word : s.split("-", -1)) {
            if (word.isEmpty()) {
                return false;
            }
            boolean lower = false;
            boolean upper = false;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (c >= 'a' && c <= 'z') {
                    lower = true;
                } else if (c >= 'A' && c <= 'Z') {
                    upper = true;
                } else if (c < '0' || c > '9') {
                    return false;
                }
            }
            if (lower && upper) {
                return false;
            }
        }
        return true;
    }

    /** The label as it must be written in value position: keywords get a {@code %}. */
    static String escape(String label) {
        return isKeyword(label) ? "%" + label : label;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
