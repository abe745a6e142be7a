package dev.wit4j.runtime.abi;

import java.util.Arrays;

/** Collects flat core values; {@code i32} and {@code f32} are written zero-extended. */
final class FlatWriter {

    private long[] values = new long[4];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    void addI32(int value) {
        add(Integer.toUnsignedLong(value));
    }

    int size() {
        return size;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
