package dev.wit4j.binary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over {@code buf[pos..end)}. Positions are indices into the outermost input, which makes
 * them the absolute offsets the model records. Every read is bounded by {@code end}, so a section's
 * reader can never run into the next section: running out is "unexpected end-of-file", as in
 * wasmparser.
 */
final class BinaryReader {

    private final byte[] buf;
    private int pos;
    private final int end;

    BinaryReader(byte[] buf, int pos, int end) {
        this.buf = buf;
        this.pos = pos;
        this.end = end;
    }

    byte[] buffer() {
        return buf;
    }

    int position() {
        return pos;
    }

    int end() {
        return end;
    }

    int remaining() {
        return end - pos;
    }

    boolean eof() {
        return pos >= end;
    }

    static BinaryFormatException error(String reason, long offset) {
        return new BinaryFormatException(reason, offset);
    }

    BinaryFormatException eofError() {
        return error("unexpected end-of-file", pos);
    }

    /** "invalid leading byte (0x7) for canonical function" at the byte just read. */
    BinaryFormatException invalidLeadingByte(int b, String what) {
        return invalidLeadingByte(b, what, pos - 1);
    }

    static BinaryFormatException invalidLeadingByte(int b, String what, long offset) {
        return error("invalid leading byte (0x" + Integer.toHexString(b) + ") for " + what, offset);
    }

    void ensure(long n) {
        if (n > end - pos) {
            throw eofError();
        }
    }

    int u8() {
        if (pos >= end) {
            throw eofError();
        }
        return buf[pos++] & 0xff;
    }

    int peek() {
        if (pos >= end) {
            throw eofError();
        }
        return buf[pos] & 0xff;
    }

    /** A reader over the next {@code n} bytes, which this reader skips. */
    BinaryReader slice(long n) {
        ensure(n);
        BinaryReader r = new BinaryReader(buf, pos, pos + (int) n);
        pos += (int) n;
        return r;
    }

    void skip(int n) {
        ensure(n);
        pos += n;
    }

    byte[] bytes(long n) {
        ensure(n);
        byte[] out = new byte[(int) n];
        System.arraycopy(buf, pos, out, 0, (int) n);
        pos += (int) n;
        return out;
    }

    /** A {@code 0x00}/{@code 0x01} flag byte. */
    boolean bool() {
        int b = u8();
        if (b > 1) {
            throw error("invalid boolean value", pos - 1);
        }
        return b == 1;
    }

    /**
     * An unsigned LEB128 u32, returned as a non-negative long. Padded encodings (up to 5 bytes) are
     * legal; a fifth byte with bits beyond the 32nd is "integer too large", a continuation bit on
     * the fifth byte is "integer representation too long" (wasmparser's wording).
     */
    long u32() {
        int b = u8();
        if ((b & 0x80) == 0) {
            return b;
        }
        long result = b & 0x7f;
        int shift = 7;
        while (true) {
            b = u8();
            result |= (long) (b & 0x7f) << shift;
            if (shift >= 25 && (b >> (32 - shift)) != 0) {
                throw error(
                        (b & 0x80) != 0
                                ? "invalid var_u32: integer representation too long"
                                : "invalid var_u32: integer too large",
                        pos - 1);
            }
            shift += 7;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    /** An unsigned LEB128 u64 (memory64 limits). */
    long u64() {
        long result = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            result |= (long) (b & 0x7f) << shift;
            if (shift >= 57 && (b >> (64 - shift)) != 0) {
                throw error(
                        (b & 0x80) != 0
                                ? "invalid var_u64: integer representation too long"
                                : "invalid var_u64: integer too large",
                        pos - 1);
            }
            shift += 7;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    /** A signed LEB128 s33 (type indices that share their byte with negative type opcodes). */
    long s33() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            result |= (long) (b & 0x7f) << shift;
            if (shift >= 28) {
                // The fifth byte holds bits 28..32 and the sign; the rest must extend the sign.
                int rest = (byte) (b << 1) >> (33 - shift);
                if ((b & 0x80) != 0 || (rest != 0 && rest != -1)) {
                    throw error("invalid var_s33: integer representation too long", pos - 1);
                }
                shift += 7;
                break;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        // Keep 33 significant bits, sign-extended.
        return (result << 31) >> 31;
    }

    /** A {@code name}: u32 length and strict UTF-8 bytes. */
    String string() {
        long len = u32();
        ensure(len);
        int start = pos;
        pos += (int) len;
        return utf8(buf, start, (int) len, pos - 1);
    }

    static String utf8(byte[] buf, int start, int len, long errorOffset) {
        // Fast path: ASCII needs no decoder.
        boolean ascii = true;
        for (int i = start; i < start + len; i++) {
            if (buf[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(buf, start, len, StandardCharsets.ISO_8859_1);
        }
        try {
            // A reporting decoder: String's constructor would silently replace bad sequences.
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, start, len))
                    .toString();
        } catch (CharacterCodingException e) {
            throw error("malformed UTF-8 encoding", errorOffset);
        }
    }
}
