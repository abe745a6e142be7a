package dev.wit4j.runtime.internal.engine.validation;

/** Reads a range of a module's bytes: LEB128 integers as the core binary format encodes them. */
final class Reader {

    final byte[] bytes;
    int pos;
    int end;

    Reader(byte[] bytes, int pos, int end) {
        this.bytes = bytes;
        this.pos = pos;
        this.end = end;
    }

    boolean atEnd() {
        return pos >= end;
    }

    int u8() {
        if (pos >= end) throw CodeError.malformed("unexpected end", pos);
        return bytes[pos++] & 0xFF;
    }

    int peek() {
        if (pos >= end) throw CodeError.malformed("unexpected end", pos);
        return bytes[pos] & 0xFF;
    }

    /** An unsigned 32-bit integer; values above {@code 2^31-1} are refused (no index or count gets there). */
    int u32() {
        int start = pos;
        long result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = u8();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (result > 0xFFFF_FFFFL) throw CodeError.malformed("integer too large", start);
                if (result > Integer.MAX_VALUE) throw CodeError.unsupported("an index or count over 2^31");
                return (int) result;
            }
        }
        throw CodeError.malformed("integer representation too long", start);
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
    long s33() {
        int start = pos;
        long result = 0;
        int shift = 0;
        int b;
        do {
            if (shift >= 35) throw CodeError.malformed("integer representation too long", start);
            b = u8();
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) result |= -1L << shift;
        if (result < -(1L << 32) || result >= (1L << 32)) throw CodeError.malformed("integer too large", start);
        return result;
    }

    void skip(int n) {
        if (n < 0 || n > end - pos) throw CodeError.malformed("unexpected end", pos);
        pos += n;
    }
}
