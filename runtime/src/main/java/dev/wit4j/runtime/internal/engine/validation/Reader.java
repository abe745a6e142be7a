package dev.wit4j.runtime.internal.engine.validation;

import dev.wit4j.runtime.internal.engine.CoreReader;

/**
 * Reads a range of a module's bytes for this validator: what cannot be read is malformed, at the
 * byte where its item starts, and an index or count over {@code 2^31-1} is beyond it.
 */
final class Reader extends CoreReader {

    Reader(byte[] bytes, int pos, int end) {
        super(bytes, pos, end);
    }

    @Override
    protected RuntimeException malformed(String reason, int at) {
        return CodeError.malformed(reason, at);
    }

    /** An unsigned 32-bit integer; values above {@code 2^31-1} are refused (no index or count gets there). */
    @Override
    public int u32() {
        int value = super.u32();
        if (value < 0) throw CodeError.unsupported("an index or count over 2^31");
        return value;
    }

    /** Skips a signed LEB128 integer of at most {@code bits} bits, checking its encoding. */
    void skipSigned(int bits) {
        int start = pos;
        int max = (bits + 6) / 7;
        for (int i = 0; i < max; i++) {
            int b = u8();
            if ((b & 0x80) == 0) {
                if (i == max - 1) {
                    // the unused bits of the last byte must all be the sign bit
                    int used = bits - 7 * i;
                    int rest = b >> (used - 1);
                    if (rest != 0 && rest != (0x7F >> (used - 1)))
                        throw CodeError.malformed("integer too large", start);
                }
                return;
            }
        }
        throw CodeError.malformed("integer representation too long", start);
    }

    /** A signed 33-bit integer: a block type's type index (never negative here, the caller looks first). */
    @Override
    public long s33() {
        int start = pos;
        long value = super.s33();
        // Binary Format, Integers: the unused bits of the fifth byte must all be the sign bit
        if (value < -(1L << 32) || value >= (1L << 32)) throw CodeError.malformed("integer too large", start);
        return value;
    }
}
