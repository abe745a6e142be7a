package dev.wit4j.runtime.binary;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An immutable sequence of bytes, used by the model wherever raw bytes are kept (embedded core
 * modules, custom sections, value definitions). Arrays are copied on the way in and out, so a model
 * can be shared freely between threads.
 */
public final class Bytes {

    /** The empty byte sequence. */
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** A copy of {@code bytes}. */
    public static Bytes copyOf(byte[] bytes) {
        return new Bytes(bytes.clone());
    }

    /** A copy of {@code bytes[from..to)}. */
    public static Bytes copyOf(byte[] bytes, int from, int to) {
        return new Bytes(Arrays.copyOfRange(bytes, from, to));
    }

    /** Takes ownership of {@code bytes} without copying; the caller must not change them later. */
    static Bytes wrap(byte[] bytes) {
        return new Bytes(bytes);
    }

    /** The number of bytes. */
    public int length() {
        return data.length;
    }

    /** The byte at {@code index}. */
    public byte get(int index) {
        return data[index];
    }

    /** A fresh copy of the bytes. */
    public byte[] toByteArray() {
        return data.clone();
    }

    /** A read-only view of the bytes, without copying. */
    public ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** The backing array, for the encoder; never handed out. */
    byte[] array() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Bytes[length=" + data.length + "]";
    }
}
