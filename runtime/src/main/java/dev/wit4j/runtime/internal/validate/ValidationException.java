package dev.wit4j.runtime.internal.validate;

import dev.wit4j.binary.WasmFormatException;

/**
 * A well-formed component breaks a validation rule of the Component Model: an index is out of
 * bounds, types do not match, a name is not allowed, a canonical option is missing, and so on.
 * {@link #reason()} names the rule in words close to those of {@code wasm-tools}; {@link #offset()}
 * is the byte offset in the outermost binary where the offending definition starts.
 */
public final class ValidationException extends WasmFormatException {

    private static final long serialVersionUID = 1L;

    public ValidationException(String reason, long offset) {
        super(reason, offset);
    }

    public ValidationException(String reason, long offset, Throwable cause) {
        super(reason, offset, cause);
    }
}
