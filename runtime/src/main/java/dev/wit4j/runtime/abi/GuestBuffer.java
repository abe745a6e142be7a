package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType;
import java.util.Collections;
import java.util.List;

/**
 * A region of guest memory a stream or future copies from or into (CanonicalABI.md "Buffer State",
 * {@code ReadableBufferGuestImpl} and {@code WritableBufferGuestImpl}): alignment and bounds are
 * checked when it is made, so that reading and writing cannot fail on them later. A buffer of a
 * type without an element ignores its pointer; its length still counts.
 */
final class GuestBuffer {

    /** {@code Buffer.MAX_LENGTH}. */
    static final long MAX_LENGTH = (1L << 28) - 1;

    private final LiftLowerContext cx;
    private final ValueType element;
    private final long length;
    private long ptr;
    long progress;

    GuestBuffer(ValueType element, LiftLowerContext cx, long ptr, long length) {
        if (length > MAX_LENGTH) {
            throw new Trap(Trap.Reason.INVALID_OPERATION, "stream read/write count too large: " + length);
        }
        if (element != null && length > 0) {
            if (ptr != Layout.alignTo(ptr, Layout.alignment(element))) {
                throw new Trap(Trap.Reason.UNALIGNED_POINTER, "buffer at " + ptr);
            }
            if (ptr + length * Layout.elemSize(element) > cx.memory().size()) {
                throw new Trap(
                        Trap.Reason.OUT_OF_BOUNDS, "buffer of " + length + " elements at " + ptr + " is out of bounds");
            }
        }
        this.cx = cx;
        this.element = element;
        this.ptr = ptr;
        this.length = length;
    }

    long remain() {
        return length - progress;
    }

    boolean isZeroLength() {
        return length == 0;
    }

    /** Reads {@code n} values ({@code n <= remain()}). */
    List<Value> read(long n) {
        List<Value> values;
        if (element != null) {
            values = Loader.loadListFromValidRange(cx, ptr, n, element);
            ptr += n * Layout.elemSize(element);
        } else {
            values = Collections.nCopies(Math.toIntExact(n), null);
        }
        progress += n;
        return values;
    }

    /** Writes {@code values} ({@code values.size() <= remain()}). */
    void write(List<Value> values) {
        if (element != null) {
            long size = Layout.elemSize(element);
            for (Value v : values) {
                Storer.store(cx, v, element, ptr);
                ptr += size;
            }
        }
        progress += values.size();
    }
}
