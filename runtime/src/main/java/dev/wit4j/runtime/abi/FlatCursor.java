package dev.wit4j.runtime.abi;

/**
 * Reads flat core values one after the other from a {@code long[]} (the spec's
 * {@code CoreValueIter}). See {@link FlatType} for how each core type is carried in a
 * {@code long}.
 */
public final class FlatCursor {

    private final long[] values;
    private int position;

    /** A cursor at the start of {@code values} (not copied). */
    public FlatCursor(long[] values) {
        this.values = values;
    }

    /** The next value. */
    public long next() {
        if (position >= values.length) {
            throw new IllegalArgumentException("too few flat values: needed more than " + values.length);
        }
        return values[position++];
    }

    /** The next value as an {@code i32} (its low 32 bits). */
    public int nextI32() {
        return (int) next();
    }

    /** How many values have been read. */
    public int position() {
        return position;
    }

    /** Whether all values have been read ({@code CoreValueIter.done}). */
    public boolean done() {
        return position == values.length;
    }

    void skip(int count) {
        for (int i = 0; i < count; i++) {
            next();
        }
    }
}
