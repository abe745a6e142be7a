package dev.wit4j.runtime.conformance;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether our link error says the same thing as the message an {@code assert_unlinkable} expects.
 * The scripts use wasmtime's wording ({@code "expected instance found func"}); ours is a sentence
 * naming the import ({@code import `x`: expected an instance, found a function}). A message matches
 * if it contains the expected text, or if it makes the same statement: the same two kinds, a missing
 * definition, a resource-type mismatch, or a type mismatch, about the same named item when one is
 * named.
 */
final class LinkMessages {

    private static final Pattern KINDS = Pattern.compile("expected (\\w+) found (\\w+)");
    private static final Pattern NAMED = Pattern.compile("`([^`]*)`");
    private static final Pattern MISSING =
            Pattern.compile("not found|not defined|no definition|missing|not provided|not exported");
    private static final Pattern WRONG_TYPE = Pattern.compile("mismatch|wrong type|differ|does not match|incompatible");

    private LinkMessages() {}

    static boolean same(String expected, String ours) {
        String e = expected.toLowerCase(Locale.ROOT);
        String o = String.valueOf(ours).toLowerCase(Locale.ROOT);
        if (o.contains(e)) {
            return true;
        }
        Matcher kinds = KINDS.matcher(e);
        if (kinds.find()) {
            return Pattern.compile("expected\\b.*" + kinds.group(1) + ".*\\bfound\\b.*" + kinds.group(2))
                    .matcher(o)
                    .find();
        }
        if (e.contains("mismatched resource types")) {
            return o.contains("resource") && WRONG_TYPE.matcher(o).find();
        }
        if (!namesTheSameItems(e, o)) {
            return false;
        }
        if (e.contains("not found") || e.contains("not defined")) {
            return MISSING.matcher(o).find();
        }
        if (e.contains("wrong type") || e.contains("found type")) {
            return WRONG_TYPE.matcher(o).find() || o.contains("expected") && o.contains("found");
        }
        return false;
    }

    /**
     * Whether every item the expected message names in backquotes appears in ours; wasmtime writes a
     * core import as {@code `module::name`}, ours may name its two parts separately.
     */
    private static boolean namesTheSameItems(String expected, String ours) {
        Matcher named = NAMED.matcher(expected);
        while (named.find()) {
            String item = named.group(1);
            if (item.startsWith("(")) {
                continue; // a type, not a name
            }
            for (String part : item.split("::")) {
                if (!part.isEmpty() && !ours.contains(part)) {
                    return false;
                }
            }
        }
        return true;
    }
}
