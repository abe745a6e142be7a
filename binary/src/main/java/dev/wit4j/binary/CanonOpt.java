package dev.wit4j.binary;

/**
 * A {@code canonopt} (Binary.md, "Canonical Definitions"). Duplicate or conflicting options are a
 * validation matter. {@code 0x08} and {@code 0x09} are not in Binary.md but are accepted, as by
 * wasmparser.
 */
public sealed interface CanonOpt {

    /** Absolute offset of the option's leading byte. */
    long offset();

    /** {@code 0x00} utf8, {@code 0x01} utf16, {@code 0x02} latin1+utf16. */
    record StringEncoding(long offset, Encoding encoding) implements CanonOpt {}

    /** {@code 0x03 m:<core:memoryidx>}. */
    record Memory(long offset, long memoryIndex) implements CanonOpt {}

    /** {@code 0x04 f:<core:funcidx>}. */
    record Realloc(long offset, long funcIndex) implements CanonOpt {}

    /** {@code 0x05 f:<core:funcidx>}. */
    record PostReturn(long offset, long funcIndex) implements CanonOpt {}

    /** {@code 0x06} (🔀). */
    record Async(long offset) implements CanonOpt {}

    /** {@code 0x07 f:<core:funcidx>} (🔀). */
    record Callback(long offset, long funcIndex) implements CanonOpt {}

    /** {@code 0x08 t:<core:typeidx>} (wasmparser extension: the core type to lower to). */
    record CoreType(long offset, long typeIndex) implements CanonOpt {}

    /** {@code 0x09} (wasmparser extension: the GC variant of the canonical ABI). */
    record Gc(long offset) implements CanonOpt {}

    /** The string encodings, with their option byte. */
    enum Encoding {
        UTF8(0x00, "utf8"),
        UTF16(0x01, "utf16"),
        LATIN1_UTF16(0x02, "latin1+utf16");

        private final int code;
        private final String text;

        Encoding(int code, String text) {
            this.code = code;
            this.text = text;
        }

        /** The option byte. */
        public int code() {
            return code;
        }

        /** The text-format spelling after {@code string-encoding=}. */
        public String text() {
            return text;
        }
    }
}
