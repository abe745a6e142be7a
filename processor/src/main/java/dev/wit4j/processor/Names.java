package dev.wit4j.processor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The naming rules (processor/README.md "Naming"): WIT kebab-case names become UpperCamel type
 * names, lowerCamel member names and UPPER_SNAKE enum constants; a member name that Java reserves
 * gets one trailing underscore.
 */
public final class Names {
    private Names() {}

    /**
     * Names that cannot be (or should not be) used for methods, parameters or record components:
     * Java keywords, literals, restricted identifiers and the methods of {@code Object} (which a
     * record component or an interface method of that name would clash with or silently
     * implement).
     */
    static final Set<String> RESERVED = Set.of(
            "abstract",
            "assert",
            "boolean",
            "break",
            "byte",
            "case",
            "catch",
            "char",
            "class",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extends",
            "final",
            "finally",
            "float",
            "for",
            "goto",
            "if",
            "implements",
            "import",
            "instanceof",
            "int",
            "interface",
            "long",
            "native",
            "new",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "short",
            "static",
            "strictfp",
            "super",
            "switch",
            "synchronized",
            "this",
            "throw",
            "throws",
            "transient",
            "try",
            "void",
            "volatile",
            "while",
            "true",
            "false",
            "null",
            "_",
            "var",
            "yield",
            "record",
            "sealed",
            "permits",
            "clone",
            "equals",
            "finalize",
            "getClass",
            "hashCode",
            "notify",
            "notifyAll",
            "toString",
            "wait");

    /** {@code input-stream} → {@code InputStream}, {@code HTTP-error} → {@code HttpError}. */
    public static String upperCamel(String kebab) {
        StringBuilder sb = new StringBuilder();
        for (String word : words(kebab)) {
            sb.append(capitalize(word));
        }
        return sb.toString();
    }

    /** {@code read-via-stream} → {@code readViaStream}, escaped when reserved. */
    public static String lowerCamel(String kebab) {
        StringBuilder sb = new StringBuilder();
        for (String word : words(kebab)) {
            sb.append(sb.length() == 0 ? word.toLowerCase(Locale.ROOT) : capitalize(word));
        }
        return escape(sb.toString());
    }

    /** {@code would-block} → {@code WOULD_BLOCK}. */
    public static String upperSnake(String kebab) {
        return String.join("_", words(kebab)).toUpperCase(Locale.ROOT);
    }

    /** Appends {@code _} to a reserved member name. */
    public static String escape(String name) {
        return RESERVED.contains(name) ? name + "_" : name;
    }

    private static String[] words(String kebab) {
        String s = kebab.startsWith("%") ? kebab.substring(1) : kebab;
        // Version strings and package names may contain '.', '_' or digits-first words: treat every
        // non-alphanumeric character as a word break.
        return Arrays.stream(s.split("[^A-Za-z0-9]+")).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    private static String capitalize(String word) {
        if (word.isEmpty()) {
            return word;
        }
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1).toLowerCase(Locale.ROOT);
    }
}
