package dev.wit4j.binary;

/**
 * Malformed bytes: the input does not follow the binary grammar of Binary.md (or the framing of a
 * core module). {@link #reason()} uses wasmparser's wording where there is one (for example
 * {@code unexpected end-of-file} or {@code invalid leading byte (0x7) for canonical function}), and
 * {@link #offset()} is the absolute offset in the outermost binary.
 */
public final class BinaryFormatException extends WasmFormatException {

    private static final long serialVersionUID = 1L;

    public BinaryFormatException(String reason, long offset) {
        super(reason, offset);
    }
}
