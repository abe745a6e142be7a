package dev.wit4j.binary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the encodings of the binary format (minimal LEB128 by default). */
final class BinaryWriter {

    private byte[] buf = new byte[256];
    private int size;

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void grow(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }

    BinaryWriter u8(int b) {
        grow(1);
        buf[size++] = (byte) b;
        return this;
    }

    BinaryWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    BinaryWriter bytes(byte[] b, int off, int len) {
        grow(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    BinaryWriter bytes(BinaryWriter other) {
        return bytes(other.buf, 0, other.size);
    }

    /** Minimal unsigned LEB128 (u32 or u64, taken as unsigned). */
    BinaryWriter uleb(long v) {
        return uleb(v, 0);
    }

    /**
     * Unsigned LEB128 padded to {@code width} bytes when {@code width} exceeds the minimal size;
     * padding uses continuation bytes {@code 0x80} and a final {@code 0x00}, the way linkers pad.
     */
    BinaryWriter uleb(long v, int width) {
        int n = Math.max(Leb128.unsignedSize(v), width);
        grow(n);
        for (int i = 0; i < n; i++) {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            buf[size++] = (byte) (i < n - 1 ? b | 0x80 : b);
        }
        return this;
    }

    /** Minimal signed LEB128. */
    BinaryWriter sleb(long v) {
        while (true) {
            int b = (int) (v & 0x7f);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            u8(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    BinaryWriter bool(boolean b) {
        return u8(b ? 1 : 0);
    }

    /** A {@code name}: length and UTF-8 bytes. */
    BinaryWriter string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        uleb(b.length);
        return bytes(b);
    }
}
