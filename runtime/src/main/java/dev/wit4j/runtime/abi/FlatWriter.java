package dev.wit4j.runtime.abi;

import java.util.Arrays;

/** Collects flat core values; {@code i32} and {@code f32} are written zero-extended. */
final class FlatWriter {

    private long[] values;
    private int size;

    FlatWriter() {
        this(4);
    }

    /** A writer expecting {@code capacity} values: {@link #toArray} then returns its array uncopied. */
    FlatWriter(int capacity) {
        values = new long[Math.max(capacity, 1)];
    }

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
        return size == values.length ? values : Arrays.copyOf(values, size);
    }
}
