package dev.wit4j.runtime.wit;

import dev.wit4j.binary.WasmFormatException;

/**
 * A valid binary whose interface cannot be written as WIT (for example a component that exports a
 * type at its top level, or an interface that refers to an unnamed record), or a malformed
 * {@code component-type} custom section.
 */
public final class WitDecodingException extends WasmFormatException {
    private static final long serialVersionUID = 1L;

    WitDecodingException(String reason, long offset) {
        super(reason, offset);
    }

    WitDecodingException(String reason) {
        this(reason, 0);
    }
}
