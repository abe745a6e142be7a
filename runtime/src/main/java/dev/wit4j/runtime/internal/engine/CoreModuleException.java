package dev.wit4j.runtime.internal.engine;

import dev.wit4j.binary.WasmFormatException;

/**
 * A core module embedded in a component could not be decoded ({@link #malformed()}) or failed core
 * WebAssembly validation. The offset is that of the offending byte in the outermost binary when it
 * is known, otherwise where the core module starts.
 */
public final class CoreModuleException extends WasmFormatException {

    private static final long serialVersionUID = 1L;

    private final boolean malformed;

    CoreModuleException(String reason, long offset, boolean malformed, Throwable cause) {
        super(reason, offset, cause);
        this.malformed = malformed;
    }

    /** True when the bytes are not a well-formed core module; false when they break a rule. */
    public boolean malformed() {
        return malformed;
    }
}
