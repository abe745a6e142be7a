package dev.wit4j.witx.parse;

import java.util.Set;

/**
 * WIT's keywords (WIT.md, "Keywords"): the lexer reads them as keywords, and an identifier spelled
 * like one is written with a leading {@code %}.
 */
public final class Keywords {

    private static final Set<String> ALL = Set.of(
            "as",
            "async",
            "bool",
            "borrow",
            "char",
            "constructor",
            "enum",
            "export",
            "f32",
            "f64",
            "flags",
            "from",
            "func",
            "future",
            "import",
            "include",
            "interface",
            "list",
            "map",
            "option",
            "own",
            "package",
            "record",
            "resource",
            "result",
            "s16",
            "s32",
            "s64",
            "s8",
            "static",
            "stream",
            "string",
            "tuple",
            "type",
            "u16",
            "u32",
            "u64",
            "u8",
            "use",
            "variant",
            "with",
            "world",
            "_",
            "error-context");

    private Keywords() {}

    /** Whether {@code word} is a WIT keyword. */
    public static boolean isKeyword(String word) {
        return ALL.contains(word);
    }
}
