package dev.wit4j.binary;

/**
 * A {@code core:sort} (Binary.md, "Instance Definitions"). The codes match the core
 * {@code externtype} opcodes; {@code type}, {@code module} and {@code instance} anticipate the
 * type-imports and module-linking proposals and only occur in aliases.
 */
public enum CoreSort {
    FUNC(0x00, "func"),
    TABLE(0x01, "table"),
    MEMORY(0x02, "memory"),
    GLOBAL(0x03, "global"),
    TAG(0x04, "tag"),
    TYPE(0x10, "type"),
    MODULE(0x11, "module"),
    INSTANCE(0x12, "instance");

    private final int code;
    private final String text;

    CoreSort(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The binary code. */
    public int code() {
        return code;
    }

    /** The text-format keyword, e.g. {@code func}. */
    public String text() {
        return text;
    }

    /** The sort with binary code {@code code}, or {@code null}. */
    static CoreSort ofCode(int code) {
        for (CoreSort s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}
