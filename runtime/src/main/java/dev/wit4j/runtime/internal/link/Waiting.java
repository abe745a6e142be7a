package dev.wit4j.runtime.internal.link;

import dev.wit4j.binary.Canon;
import dev.wit4j.binary.CanonOpt;
import dev.wit4j.runtime.abi.CanonicalAbi;
import dev.wit4j.runtime.abi.HandleTable;
import dev.wit4j.runtime.abi.LiftLowerContext;
import dev.wit4j.runtime.abi.Waitables;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreValType;
import dev.wit4j.runtime.internal.engine.CoreFunction;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType;
import java.util.List;

/**
 * The built-ins that wait (CanonicalABI.md 🔀 {@code waitable-set.new}, {@code .drop},
 * {@code .poll}, {@code .wait}, {@code waitable.join}, {@code thread.yield}); what they do is
 * {@link Waitables}'. The waitables are the ends of streams and futures and subtasks; a wait that
 * finds no event blocks its task ({@link InstanceState#block}), and yielding lets one other ready
 * task run first ({@link InstanceState#yieldToOthers}); neither is ever cancelled (nothing cancels a
 * call yet). An event's two payloads are written to memory as the spec's
 * {@code unpack_event} does. Each first traps unless the instance may leave.
 */
final class Waiting {

    private Waiting() {}

    /** {@code Cancelled.FALSE}. */
    private static final long[] ZERO = {0};

    private static final long[] NONE = new long[0];

    static CoreFunction builtin(Frame frame, Canon canon) {
        InstanceState state = frame.state;
        HandleTable handles = state.handles();
        CoreValType i32 = CoreValType.I32;
        if (canon instanceof Canon.WaitableSetNew) {
            return CoreFunction.host(CoreFuncType.of(List.of(), List.of(i32)), args -> {
                state.checkMayLeave();
                return new long[] {Waitables.newSet(handles)};
            });
        } else if (canon instanceof Canon.WaitableSetDrop) {
            return CoreFunction.host(CoreFuncType.of(List.of(i32), List.of()), args -> {
                state.checkMayLeave();
                Waitables.dropSet(handles, (int) args[0]);
                return NONE;
            });
        } else if (canon instanceof Canon.WaitableSetPoll p) {
            Options options = Options.of(
                    List.of(new CanonOpt.Memory(p.offset(), p.memoryIndex())), frame, "canon waitable-set.poll");
            boolean cancellable = p.cancellable();
            return CoreFunction.host(CoreFuncType.of(List.of(i32, i32), List.of(i32)), args -> {
                state.checkMayLeave();
                Waitables.checkSet(handles, (int) args[0]);
                Waitables.Event event = cancelled(state, cancellable)
                        ? Waitables.Event.TASK_CANCELLED
                        : Waitables.poll(handles, (int) args[0]);
                return unpack(options, state, event, args[1]);
            });
        } else if (canon instanceof Canon.WaitableSetWait w) {
            Options options = Options.of(
                    List.of(new CanonOpt.Memory(w.offset(), w.memoryIndex())), frame, "canon waitable-set.wait");
            boolean cancellable = w.cancellable();
            return CoreFunction.host(CoreFuncType.of(List.of(i32, i32), List.of(i32)), args -> {
                state.checkMayLeave();
                Waitables.checkSet(handles, (int) args[0]);
                Task task = state.currentTask();
                Waitables.Event event = null;
                if (!cancelled(state, cancellable)) {
                    // a cancellable wait also ends when the task is asked to cancel meanwhile
                    event = Waitables.waitFor(
                            handles,
                            (int) args[0],
                            done -> state.block(() -> done.getAsBoolean()
                                    || cancellable && task != null && task.cancel == Task.Cancel.PENDING));
                }
                if (event == null) {
                    task.deliverPendingCancel();
                    event = Waitables.Event.TASK_CANCELLED;
                }
                return unpack(options, state, event, args[1]);
            });
        } else if (canon instanceof Canon.WaitableJoin) {
            return CoreFunction.host(CoreFuncType.of(List.of(i32, i32), List.of()), args -> {
                state.checkMayLeave();
                Waitables.join(handles, (int) args[0], (int) args[1]);
                return NONE;
            });
        }
        // thread.yield: Cancelled.TRUE (1) if a cancellation it accepts was pending
        boolean cancellable = ((Canon.ThreadYield) canon).cancellable();
        return CoreFunction.host(CoreFuncType.of(List.of(), List.of(i32)), args -> {
            state.checkMayLeave();
            if (cancelled(state, cancellable)) {
                return new long[] {1};
            }
            state.yieldToOthers();
            return ZERO;
        });
    }

    /**
     * {@code Task.deliver_pending_cancel} at a wait that accepts cancellation: whether the running
     * task was asked to cancel (told once).
     */
    private static boolean cancelled(InstanceState state, boolean cancellable) {
        Task task = state.currentTask();
        return cancellable && task != null && task.deliverPendingCancel();
    }

    /** {@code unpack_event}: the two payloads stored as {@code u32}s at {@code ptr}, the code returned. */
    private static long[] unpack(Options options, InstanceState state, Waitables.Event event, long ptr) {
        LiftLowerContext cx = Canons.context(options, state);
        long at = Integer.toUnsignedLong((int) ptr);
        CanonicalAbi.store(cx, Value.u32(event.index()), ValueType.Primitive.U32, at);
        CanonicalAbi.store(cx, Value.u32(event.payload()), ValueType.Primitive.U32, at + 4);
        return new long[] {event.code()};
    }
}
