package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The built-ins of streams, futures and waitable sets (CanonicalABI.md 🔀 {@code stream.*},
 * {@code future.*}, {@code waitable-set.*}, {@code waitable.join}) on an instance's handles table,
 * and the lifting and lowering of {@code stream} and {@code future} values ({@code lift_stream},
 * {@code lower_future}, …). Each traps as the spec's definition does; where a task would block
 * (a synchronous copy or wait with no event yet), the caller's {@link Blocker} decides what
 * happens.
 */
public final class Waitables {

    /** How the running task blocks until a condition holds (or traps if it may not, or never will). */
    @FunctionalInterface
    public interface Blocker {
        void until(BooleanSupplier done);
    }

    /** An event as {@code waitable-set.wait} delivers it: {@code EventCode} and two payloads. */
    public record Event(int code, int index, int payload) {

        /** {@code EventCode.NONE}. */
        public static final Event NONE = new Event(0, 0, 0);

        /** {@code EventCode.TASK_CANCELLED}: the caller asked the task to hurry. */
        public static final Event TASK_CANCELLED = new Event(6, 0, 0);
    }

    /** What an asynchronous copy returns when it did not complete at once. */
    public static final int BLOCKED = 0xFFFF_FFFF;

    private static final int STREAM_READ = 2;
    private static final int STREAM_WRITE = 3;
    private static final int FUTURE_READ = 4;
    private static final int FUTURE_WRITE = 5;

    private Waitables() {}

    // ---------------------------------------------------------------- streams and futures

    /**
     * {@code stream.new} / {@code future.new}: a new stream or future of {@code element} (null for
     * none), its readable end's index in the low 32 bits, its writable end's in the high.
     */
    public static long newChannel(HandleTable handles, boolean future, ValueType element) {
        Channel channel = new Channel(future, element);
        long readable = handles.add(new CopyEnd(channel, true));
        long writable = handles.add(new CopyEnd(channel, false));
        return readable | writable << 32;
    }

    /**
     * {@code stream.read}/{@code .write} ({@code stream_copy}) and {@code future.read}/{@code .write}
     * ({@code future_copy}): {@code n} values (1 for a future) at {@code ptr} in {@code cx}'s memory.
     * Returns the packed result, or {@link #BLOCKED} for an asynchronous copy that did not finish.
     */
    public static int copy(
            LiftLowerContext cx,
            boolean future,
            boolean read,
            ValueType element,
            int index,
            long ptr,
            long n,
            boolean async,
            Blocker block) {
        CopyEnd e = end(cx.handles().get(index), index, future, read, element);
        if (e.state != CopyEnd.State.IDLE) {
            throw new Trap(Trap.Reason.INVALID_OPERATION, notIdle(e, read ? "read from" : "write to"));
        }
        if (e.inWaitableSet() && !async) {
            throw syncInSet();
        }
        GuestBuffer buffer = new GuestBuffer(element, cx, ptr, future ? 1 : n);
        Object instance = cx.instance().orElse(null);
        e.state = CopyEnd.State.COPYING;
        if (future) {
            int code = read ? FUTURE_READ : FUTURE_WRITE;
            IntConsumer onCopyDone = result -> e.setPendingEvent(() -> {
                e.state = result == Channel.DROPPED || result == Channel.COMPLETED
                        ? CopyEnd.State.DONE
                        : CopyEnd.State.IDLE;
                return new Event(code, index, result);
            });
            if (read) {
                e.channel.futureRead(instance, buffer, onCopyDone);
            } else {
                e.channel.futureWrite(instance, buffer, onCopyDone);
            }
        } else {
            int code = read ? STREAM_READ : STREAM_WRITE;
            Consumer<Runnable> onCopy =
                    reclaim -> e.setPendingEvent(() -> streamEvent(e, code, index, buffer, Channel.COMPLETED, reclaim));
            IntConsumer onCopyDone =
                    result -> e.setPendingEvent(() -> streamEvent(e, code, index, buffer, result, () -> {}));
            if (read) {
                e.channel.streamRead(instance, buffer, onCopy, onCopyDone);
            } else {
                e.channel.streamWrite(instance, buffer, onCopy, onCopyDone);
            }
        }
        return finish(e, async, block);
    }

    private static Event streamEvent(CopyEnd e, int code, int index, GuestBuffer buffer, int result, Runnable reclaim) {
        reclaim.run();
        e.state = result == Channel.DROPPED ? CopyEnd.State.DONE : CopyEnd.State.IDLE;
        return new Event(code, index, (int) (result | buffer.progress << 4));
    }

    /** The end of a copy or a cancellation: the event's payload, or blocking, or {@link #BLOCKED}. */
    private static int finish(CopyEnd e, boolean async, Blocker block) {
        if (!e.hasPendingEvent()) {
            if (async) {
                return BLOCKED;
            }
            e.hasSyncWaiter = true;
            block.until(e::hasPendingEvent);
            e.hasSyncWaiter = false;
        }
        return e.takePendingEvent().payload();
    }

    /**
     * {@code stream.cancel-read}/{@code -write}, {@code future.cancel-read}/{@code -write}
     * ({@code cancel_copy}).
     */
    public static int cancelCopy(
            HandleTable handles,
            boolean future,
            boolean read,
            ValueType element,
            int index,
            boolean async,
            Blocker block) {
        CopyEnd e = end(handles.get(index), index, future, read, element);
        if (e.state != CopyEnd.State.COPYING || e.hasSyncWaiter) {
            throw new Trap(
                    Trap.Reason.INVALID_OPERATION,
                    "no asynchronous copy of the " + e.describe() + " at index " + Integer.toUnsignedString(index)
                            + " to cancel");
        }
        if (e.inWaitableSet() && !async) {
            throw syncInSet();
        }
        e.state = CopyEnd.State.CANCELLING_COPY;
        if (!e.hasPendingEvent()) {
            e.channel.cancel();
        }
        return finish(e, async, block);
    }

    /** {@code stream.drop-readable}/{@code -writable}, {@code future.drop-readable}/{@code -writable}. */
    public static void dropEnd(HandleTable handles, boolean future, boolean readable, ValueType element, int index) {
        CopyEnd e = end(handles.remove(index), index, future, readable, element);
        if (e.copying()) {
            throw new Trap(
                    Trap.Reason.INVALID_OPERATION,
                    "cannot drop busy " + (future ? "future" : "stream") + ": a copy of the " + e.describe()
                            + " is in progress");
        }
        if (future && !readable && e.state != CopyEnd.State.DONE) {
            throw new Trap(Trap.Reason.INVALID_OPERATION, "cannot drop future write end without first writing a value");
        }
        e.channel.drop();
        e.drop();
    }

    /** {@code lift_stream} / {@code lift_future}: the readable end at {@code index} leaves the table. */
    static Channel lift(HandleTable handles, int index, ValueType type) {
        boolean future = type instanceof ValueType.FutureType;
        CopyEnd e = end(handles.remove(index), index, future, true, element(type));
        String what = future ? "future" : "stream";
        if (e.state == CopyEnd.State.DONE) {
            throw new Trap(
                    Trap.Reason.INVALID_OPERATION,
                    future
                            ? "cannot lift future after previous read succeeded"
                            : "cannot lift stream after being notified that the writable end dropped");
        }
        if (e.state != CopyEnd.State.IDLE) {
            throw new Trap(Trap.Reason.INVALID_OPERATION, "cannot lift " + what + " while a read of it is in progress");
        }
        if (e.inWaitableSet()) {
            throw new Trap(Trap.Reason.INVALID_OPERATION, "cannot lift " + what + " while it's in a waitable set");
        }
        e.channel.lifted = true;
        return e.channel;
    }

    /** {@code lower_stream} / {@code lower_future}: a new readable end for the value's stream or future. */
    static int lower(HandleTable handles, Value v, ValueType type) {
        boolean future = type instanceof ValueType.FutureType;
        Object handle = future ? ((Value.FutureValue) v).handle() : ((Value.StreamValue) v).handle();
        if (!(handle instanceof Channel channel) || channel.future != future) {
            throw new IllegalArgumentException("the " + (future ? "future" : "stream")
                    + " value was not lifted out of a component instance by this runtime: " + handle);
        }
        if (!channel.lifted) {
            throw new IllegalArgumentException(
                    "the " + channel + " value was already passed into a component instance (its readable end moves"
                            + " with it, once)");
        }
        channel.lifted = false;
        return handles.add(new CopyEnd(channel, true));
    }

    /** The value a lifted stream or future becomes. */
    static Value value(Channel channel) {
        return channel.future ? new Value.FutureValue(channel) : new Value.StreamValue(channel);
    }

    private static ValueType element(ValueType type) {
        return (type instanceof ValueType.FutureType f ? f.element() : ((ValueType.StreamType) type).element())
                .orElse(null);
    }

    private static CopyEnd end(Object entry, int index, boolean future, boolean readable, ValueType element) {
        String expected = (readable ? "readable" : "writable") + " end of a " + (future ? "future" : "stream");
        if (!(entry instanceof CopyEnd e) || e.channel.future != future || e.readable != readable) {
            throw new Trap(
                    Trap.Reason.HANDLE_TYPE_MISMATCH,
                    "index " + Integer.toUnsignedString(index) + " is not the " + expected);
        }
        if (!Layout.sameType(Optional.ofNullable(e.channel.element), Optional.ofNullable(element))) {
            throw new Trap(
                    Trap.Reason.HANDLE_TYPE_MISMATCH,
                    "index " + Integer.toUnsignedString(index) + " is the " + e.describe()
                            + ", not of the type expected");
        }
        return e;
    }

    /** The trap of a copy on an end that is busy or done (wasmtime's wording where it has one). */
    private static String notIdle(CopyEnd e, String verb) {
        if (e.state != CopyEnd.State.DONE) {
            return "cannot have concurrent operations active on a future/stream";
        }
        if (e.channel.future) {
            return e.readable
                    ? "cannot read from future after previous read succeeded"
                    : "cannot write to future after previous write succeeded or readable end dropped";
        }
        return "cannot " + verb + " stream after being notified that the " + (e.readable ? "writable" : "readable")
                + " end dropped";
    }

    private static Trap syncInSet() {
        return new Trap(
                Trap.Reason.INVALID_OPERATION, "waitable cannot be used synchronously while added to a waitable set");
    }

    /** {@code subtask.cancel}: see {@link AsyncSubtask#cancel}. */
    public static int cancelSubtask(HandleTable handles, int index, boolean async, Blocker block) {
        if (!(handles.get(index) instanceof AsyncSubtask subtask)) {
            throw new Trap(
                    Trap.Reason.HANDLE_TYPE_MISMATCH, "index " + Integer.toUnsignedString(index) + " is not a subtask");
        }
        return subtask.cancel(async, block);
    }

    /** {@code subtask.drop}: traps unless the subtask's resolution was delivered to the caller. */
    public static void dropSubtask(HandleTable handles, int index) {
        Object e = handles.remove(index);
        if (!(e instanceof AsyncSubtask subtask)) {
            throw new Trap(
                    Trap.Reason.HANDLE_TYPE_MISMATCH, "index " + Integer.toUnsignedString(index) + " is not a subtask");
        }
        subtask.checkDroppable();
        subtask.drop();
    }

    // ---------------------------------------------------------------- waitable sets

    /** {@code waitable-set.new}. */
    public static int newSet(HandleTable handles) {
        return handles.add(new WaitableSet());
    }

    /** {@code waitable-set.drop}: traps if waitables are still in it or a task waits on it. */
    public static void dropSet(HandleTable handles, int index) {
        WaitableSet set = set(handles.remove(index), index);
        if (!set.elements.isEmpty()) {
            throw new Trap(Trap.Reason.INVALID_OPERATION, "cannot drop a waitable set with waitables in it");
        }
        if (set.numWaiting > 0) {
            throw new Trap(Trap.Reason.INVALID_OPERATION, "cannot drop waitable set with waiters");
        }
    }

    /** {@code waitable.join}: the waitable leaves its set and joins set {@code setIndex} (none if 0). */
    public static void join(HandleTable handles, int waitableIndex, int setIndex) {
        Object w = handles.get(waitableIndex);
        if (!(w instanceof Waitable waitable)) {
            throw new Trap(
                    Trap.Reason.HANDLE_TYPE_MISMATCH,
                    "index " + Integer.toUnsignedString(waitableIndex) + " is not a waitable");
        }
        if (waitable.hasSyncWaiter) {
            throw syncInSet();
        }
        waitable.join(setIndex == 0 ? null : set(handles.get(setIndex), setIndex));
    }

    /** {@code WaitableSet.poll}: the event of the first waitable with one, or {@link Event#NONE}. */
    public static Event poll(HandleTable handles, int setIndex) {
        Waitable ready = set(handles.get(setIndex), setIndex).ready();
        return ready == null ? Event.NONE : ready.takePendingEvent();
    }

    /**
     * {@code WaitableSet.wait_for_event}: blocks ({@code block}) while no waitable in it has an
     * event; null if the block ended for another reason (a cancellation the wait accepts).
     */
    public static Event waitFor(HandleTable handles, int setIndex, Blocker block) {
        WaitableSet set = set(handles.get(setIndex), setIndex);
        set.numWaiting++;
        try {
            block.until(() -> set.ready() != null);
            Waitable ready = set.ready();
            return ready == null ? null : ready.takePendingEvent();
        } finally {
            set.numWaiting--;
        }
    }

    /** Traps unless {@code setIndex} names a waitable set (a callback's {@code WAIT} code). */
    public static void checkSet(HandleTable handles, int setIndex) {
        set(handles.get(setIndex), setIndex);
    }

    /** Whether a waitable in the set has an event (false if the set is gone). */
    public static boolean hasEvent(HandleTable handles, int setIndex) {
        return handles.find(setIndex) instanceof WaitableSet set && set.ready() != null;
    }

    /**
     * A task waiting on the set from its callback begins ({@code delta} 1) or ends (-1) its wait:
     * a set a task waits on is not dropped.
     */
    public static void countWaiter(HandleTable handles, int setIndex, int delta) {
        if (handles.get(setIndex) instanceof WaitableSet set) {
            set.numWaiting += delta;
        }
    }

    private static WaitableSet set(Object e, int index) {
        if (!(e instanceof WaitableSet s)) {
            throw new Trap(
                    Trap.Reason.HANDLE_TYPE_MISMATCH,
                    "index " + Integer.toUnsignedString(index) + " is not a waitable set");
        }
        return s;
    }
}
