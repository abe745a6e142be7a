package dev.wit4j.binary;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable sequence of bytes, used by the model wherever raw bytes are kept (embedded core
 * modules, custom sections, value definitions). Arrays are copied on the way in and out, so a model
 * can be shared freely between threads; a model decoded from bytes handed over to it ({@link
 * ComponentDecoder#decodeOwned}) keeps ranges of them instead of copies.
 */
public final class Bytes {

    /** The empty byte sequence. */
    public static final Bytes EMPTY = new Bytes(new byte[0], 0, 0);

    private final byte[] data;
    private final int offset;
    private final int length;

    private Bytes(byte[] data, int offset, int length) {
        this.data = data;
        this.offset = offset;
        this.length = length;
    }

    /** A copy of {@code bytes}. */
    public static Bytes copyOf(byte[] bytes) {
        return wrap(bytes.clone());
    }

    /** A copy of {@code bytes[from..to)}. */
    public static Bytes copyOf(byte[] bytes, int from, int to) {
        return wrap(Arrays.copyOfRange(bytes, from, to));
    }

    /** Takes ownership of {@code bytes} without copying; the caller must not change them later. */
    static Bytes wrap(byte[] bytes) {
        return new Bytes(bytes, 0, bytes.length);
    }

    /** Takes ownership of {@code bytes[from..to)} without copying; the caller must not change them later. */
    static Bytes wrap(byte[] bytes, int from, int to) {
        Objects.checkFromToIndex(from, to, bytes.length);
        return new Bytes(bytes, from, to - from);
    }

    /** The number of bytes. */
    public int length() {
        return length;
    }

    /** The byte at {@code index}. */
    public byte get(int index) {
        return data[offset + Objects.checkIndex(index, length)];
    }

    /** A fresh copy of the bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(data, offset, offset + length);
    }

    /** A read-only view of the bytes, without copying. */
    public ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(data, offset, length).slice().asReadOnlyBuffer();
    }

    /** The backing array, for the encoder and readers of this package; never handed out. */
    byte[] array() {
        return data;
    }

    /** Where the bytes start in {@link #array()}. */
    int offset() {
        return offset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b
                && Arrays.equals(data, offset, offset + length, b.data, b.offset, b.offset + b.length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset; i < offset + length; i++) h = 31 * h + data[i];
        return h;
    }

    @Override
    public String toString() {
        return "Bytes[length=" + length + "]";
    }
}
