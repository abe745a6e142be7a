package dev.wit4j.runtime.internal.engine.split;

import java.io.ByteArrayOutputStream;

/** Reading and writing the binary format's integers (LEB128). */
final class Bytes {

    private Bytes() {}

    /** A cursor over a module's bytes; reads past {@code end} fail as malformed. */
    static final class Reader {
        final byte[] bytes;
        int pos;
        final int end;

        Reader(byte[] bytes, int pos, int end) {
            this.bytes = bytes;
            this.pos = pos;
            this.end = end;
        }

        boolean atEnd() {
            return pos >= end;
        }

        int u8() {
            if (pos >= end) throw new Malformed("unexpected end at byte " + pos);
            return bytes[pos++] & 0xFF;
        }

        int peek() {
            if (pos >= end) throw new Malformed("unexpected end at byte " + pos);
            return bytes[pos] & 0xFF;
        }

        /** An unsigned LEB128 that must fit 32 bits. */
        int u32() {
            long result = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = u8();
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    if (result > 0xFFFF_FFFFL) throw new Malformed("integer too large at byte " + pos);
                    return (int) result;
                }
            }
            throw new Malformed("integer representation too long at byte " + pos);
        }

        /** Skips a signed or unsigned LEB128 of at most {@code maxBytes} bytes. */
        void skipLeb(int maxBytes) {
            for (int i = 0; i < maxBytes; i++) {
                if ((u8() & 0x80) == 0) return;
            }
            throw new Malformed("integer representation too long at byte " + pos);
        }

        /** A signed LEB128 of at most 33 bits (a block type's index). */
        long s33() {
            long result = 0;
            int shift = 0;
            int b;
            do {
                b = u8();
                result |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0 && shift < 35);
            if ((b & 0x80) != 0) throw new Malformed("integer representation too long at byte " + pos);
            if (shift < 64 && (b & 0x40) != 0) result |= -1L << shift;
            return result;
        }

        void skip(int n) {
            if (n < 0 || pos + n > end) throw new Malformed("unexpected end at byte " + pos);
            pos += n;
        }
    }

    /** A module this package cannot read: it is left as it is (the engine validated it already). */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static void u32(ByteArrayOutputStream out, long value) {
        do {
            int b = (int) (value & 0x7F);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }

    static void s32(ByteArrayOutputStream out, long value) {
        while (true) {
            int b = (int) (value & 0x7F);
            value >>= 7;
            boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) return;
        }
    }

    static int u32Size(long value) {
        int n = 1;
        while ((value >>>= 7) != 0) n++;
        return n;
    }
}
