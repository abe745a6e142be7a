package dev.wit4j.runtime.internal.engine;

/**
 * A cursor over a range of a core module's bytes, reading what the binary format encodes the same
 * way wherever it appears: LEB128 integers, vectors' counts, section headers, limits, the code
 * section's bodies. Internal: shared by the module readers of this package, {@code validation} and
 * {@code split}, each of which says in {@link #malformed} how it fails on bytes it cannot read.
 */
public abstract class CoreReader {

    /** Limits as encoded (Binary Format, Limits): the flags byte, min, and max or -1 without one. */
    public record Limits(int flags, long min, long max) {}

    /** Where each function body of the code section lies: [start, end) of its bytes after the size. */
    public record Bodies(int[] start, int[] end) {}

    public final byte[] bytes;
    public int pos;
    public int end;

    protected CoreReader(byte[] bytes, int pos, int end) {
        this.bytes = bytes;
        this.pos = pos;
        this.end = end;
    }

    /**
     * What this reader throws for bytes that cannot be read ({@code reason}: unexpected end,
     * integer too large, integer representation too long), {@code at} the start of the item.
     */
    protected abstract RuntimeException malformed(String reason, int at);

    public final boolean atEnd() {
        return pos >= end;
    }

    public final int u8() {
        if (pos >= end) throw malformed("unexpected end", pos);
        return bytes[pos++] & 0xFF;
    }

    public final int peek() {
        if (pos >= end) throw malformed("unexpected end", pos);
        return bytes[pos] & 0xFF;
    }

    /**
     * An unsigned LEB128 of at most 32 bits, in at most five bytes (Binary Format, Integers: the
     * unused bits of the fifth must be 0); above {@code 2^31-1} it is negative as an {@code int}.
     */
    public int u32() {
        int start = pos;
        long result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = u8();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (result > 0xFFFF_FFFFL) throw malformed("integer too large", start);
                return (int) result;
            }
        }
        throw malformed("integer representation too long", start);
    }

    /**
     * A signed LEB128 of at most 33 bits (a block type's type index), in at most five bytes; the
     * unused bits of the fifth are not checked here.
     */
    public long s33() {
        int start = pos;
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0 && shift < 35);
        if ((b & 0x80) != 0) throw malformed("integer representation too long", start);
        if ((b & 0x40) != 0) result |= -1L << shift;
        return result;
    }

    /** Skips a signed or unsigned LEB128 of at most {@code maxBytes} bytes, its value unchecked. */
    public final void skipLeb(int maxBytes) {
        int start = pos;
        for (int i = 0; i < maxBytes; i++) {
            if ((u8() & 0x80) == 0) return;
        }
        throw malformed("integer representation too long", start);
    }

    public final void skip(int n) {
        if (n < 0 || n > end - pos) throw malformed("unexpected end", pos);
        pos += n;
    }

    /** A vector's count, which cannot exceed the bytes left (each item takes at least one). */
    public final int count() {
        int n = u32();
        if (n < 0 || n > end - pos) throw malformed("unexpected end", pos);
        return n;
    }

    /**
     * The next section's header, the section skipped: the caller reads its payload with a reader of
     * its own over [{@code payloadStart}, {@code end}).
     */
    public final CoreSections.Section section() {
        int start = pos;
        int id = u8();
        int size = u32();
        int payload = pos;
        skip(size);
        return new CoreSections.Section(id, start, payload, pos);
    }

    /**
     * 32-bit limits: the caller has refused, by {@link #peek}, the flags it does not take (memory64's
     * 0x04 and custom page sizes' 0x08 change the encoding that follows).
     */
    public final Limits limits() {
        int flags = u8();
        long min = Integer.toUnsignedLong(u32());
        long max = (flags & 0x01) == 0 ? -1 : Integer.toUnsignedLong(u32());
        return new Limits(flags, min, max);
    }

    /** The code section's payload: where each body lies, none of it read. */
    public final Bodies bodies() {
        int n = count();
        int[] start = new int[n];
        int[] end = new int[n];
        for (int i = 0; i < n; i++) {
            int size = u32();
            start[i] = pos;
            skip(size);
            end[i] = pos;
        }
        return new Bodies(start, end);
    }
}
