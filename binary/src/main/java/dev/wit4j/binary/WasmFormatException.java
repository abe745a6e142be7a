package dev.wit4j.binary;

/**
 * A binary that is not a valid component or core module: malformed bytes, or well-formed bytes
 * that break a validation rule. It names the reason and the byte offset in the outermost binary
 * where the problem was found, so that a user can look at the bytes (for example with
 * {@code wasm-tools dump}).
 */
public abstract class WasmFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final long offset;

    protected WasmFormatException(String reason, long offset) {
        this(reason, offset, null);
    }

    protected WasmFormatException(String reason, long offset, Throwable cause) {
        super(reason + " (at offset 0x" + Long.toHexString(offset) + ")", cause);
        this.reason = reason;
        this.offset = offset;
    }

    /** What is wrong, without the offset. */
    public String reason() {
        return reason;
    }

    /** The byte offset in the outermost binary where the problem was found. */
    public long offset() {
        return offset;
    }
}
