package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.ResourceHandle;
import dev.wit4j.runtime.value.ValueTypes;
import dev.wit4j.witx.model.ValueType;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The state the two ends of a stream or future made by wasm share (CanonicalABI.md
 * {@code SharedStreamImpl} and {@code SharedFutureImpl}): whether an end was dropped, and the one
 * read or write waiting for its counterpart. Copies are a rendezvous: the second of a read and a
 * write copies straight from one buffer into the other, with no buffer of its own in between. It is
 * also the handle a {@code stream} or {@code future} value carries once lifted out of an instance.
 */
final class Channel implements ResourceHandle {

    /** {@code CopyResult}. */
    static final int COMPLETED = 0;

    static final int DROPPED = 1;
    static final int CANCELLED = 2;

    private static final AtomicLong SERIAL = new AtomicLong();

    final boolean future;
    /** The element type, or null for a stream or future without one. */
    final ValueType element;

    private final long serial = SERIAL.incrementAndGet();
    /**
     * Whether a lifted value holds the readable end (out of every instance's table), so that it can
     * be lowered once: a value passed twice would make two readable ends of one stream.
     */
    boolean lifted;

    private boolean dropped;
    private Object pendingInstance;
    private GuestBuffer pendingBuffer;
    private Consumer<Runnable> pendingOnCopy;
    private IntConsumer pendingOnCopyDone;

    Channel(boolean future, ValueType element) {
        this.future = future;
        this.element = element;
    }

    @Override
    public String resourceType() {
        Optional<ValueType> e = Optional.ofNullable(element);
        return ValueTypes.describe(future ? new ValueType.FutureType(e) : new ValueType.StreamType(e));
    }

    @Override
    public long rep() {
        return serial;
    }

    @Override
    public String toString() {
        return resourceType() + "#" + serial;
    }

    private void setPending(Object instance, GuestBuffer buffer, Consumer<Runnable> onCopy, IntConsumer onCopyDone) {
        pendingInstance = instance;
        pendingBuffer = buffer;
        pendingOnCopy = onCopy;
        pendingOnCopyDone = onCopyDone;
    }

    private void resetPending() {
        setPending(null, null, null, null);
    }

    private void resetAndNotifyPending(int result) {
        IntConsumer onCopyDone = pendingOnCopyDone;
        resetPending();
        onCopyDone.accept(result);
    }

    /** {@code cancel}: the pending read or write (this end's own) ends, cancelled. */
    void cancel() {
        resetAndNotifyPending(CANCELLED);
    }

    /** {@code drop}: the other end's pending read or write, if any, learns of it. */
    void drop() {
        if (!dropped) {
            dropped = true;
            if (pendingBuffer != null) {
                resetAndNotifyPending(DROPPED);
            }
        }
    }

    /**
     * The {@code # temporary} rule of the spec: a copy between two buffers of one instance traps
     * unless its values are numbers (lifting and lowering could alias the same memory).
     */
    private void checkNotIntraInstance(Object instance) {
        if (instance == pendingInstance && !noneOrNumber(element)) {
            throw new Trap(
                    Trap.Reason.INVALID_OPERATION,
                    "cannot read from and write to intra-component future/stream with non-numeric payload");
        }
    }

    private static boolean noneOrNumber(ValueType t) {
        if (t == null) {
            return true;
        }
        return Layout.resolve(t) instanceof ValueType.Primitive p
                && switch (p) {
                    case U8, U16, U32, U64, S8, S16, S32, S64, F32, F64 -> true;
                    default -> false;
                };
    }

    /** {@code SharedStreamImpl.read}. */
    void streamRead(Object instance, GuestBuffer dst, Consumer<Runnable> onCopy, IntConsumer onCopyDone) {
        if (dropped) {
            onCopyDone.accept(DROPPED);
        } else if (pendingBuffer == null) {
            setPending(instance, dst, onCopy, onCopyDone);
        } else {
            checkNotIntraInstance(instance);
            if (pendingBuffer.remain() > 0) {
                if (dst.remain() > 0) {
                    long n = Math.min(dst.remain(), pendingBuffer.remain());
                    dst.write(pendingBuffer.read(n));
                    pendingOnCopy.accept(this::resetPending);
                }
                onCopyDone.accept(COMPLETED);
            } else {
                resetAndNotifyPending(COMPLETED);
                setPending(instance, dst, onCopy, onCopyDone);
            }
        }
    }

    /** {@code SharedStreamImpl.write}. */
    void streamWrite(Object instance, GuestBuffer src, Consumer<Runnable> onCopy, IntConsumer onCopyDone) {
        if (dropped) {
            onCopyDone.accept(DROPPED);
        } else if (pendingBuffer == null) {
            setPending(instance, src, onCopy, onCopyDone);
        } else {
            checkNotIntraInstance(instance);
            if (pendingBuffer.remain() > 0) {
                if (src.remain() > 0) {
                    long n = Math.min(src.remain(), pendingBuffer.remain());
                    pendingBuffer.write(src.read(n));
                    pendingOnCopy.accept(this::resetPending);
                }
                onCopyDone.accept(COMPLETED);
            } else if (src.isZeroLength() && pendingBuffer.isZeroLength()) {
                onCopyDone.accept(COMPLETED);
            } else {
                resetAndNotifyPending(COMPLETED);
                setPending(instance, src, onCopy, onCopyDone);
            }
        }
    }

    /** {@code SharedFutureImpl.read}: the reader's end is never read after the writer dropped. */
    void futureRead(Object instance, GuestBuffer dst, IntConsumer onCopyDone) {
        if (pendingBuffer == null) {
            setPending(instance, dst, null, onCopyDone);
        } else {
            checkNotIntraInstance(instance);
            dst.write(pendingBuffer.read(1));
            resetAndNotifyPending(COMPLETED);
            onCopyDone.accept(COMPLETED);
        }
    }

    /** {@code SharedFutureImpl.write}. */
    void futureWrite(Object instance, GuestBuffer src, IntConsumer onCopyDone) {
        if (dropped) {
            onCopyDone.accept(DROPPED);
        } else if (pendingBuffer == null) {
            setPending(instance, src, null, onCopyDone);
        } else {
            checkNotIntraInstance(instance);
            pendingBuffer.write(src.read(1));
            resetAndNotifyPending(COMPLETED);
            onCopyDone.accept(COMPLETED);
        }
    }
}
