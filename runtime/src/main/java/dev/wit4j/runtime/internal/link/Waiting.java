package dev.wit4j.runtime.internal.link;

import dev.wit4j.binary.Canon;
import dev.wit4j.binary.CanonOpt;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.abi.CanonicalAbi;
import dev.wit4j.runtime.abi.HandleTable;
import dev.wit4j.runtime.abi.LiftLowerContext;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreValType;
import dev.wit4j.runtime.internal.engine.CoreFunction;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType;
import java.util.List;

/**
 * The built-ins that wait (CanonicalABI.md 🔀 {@code waitable-set.new}, {@code .drop},
 * {@code .poll}, {@code .wait}, {@code waitable.join}, {@code thread.yield}) as they behave in the
 * tasks this runtime runs: synchronous calls, with no subtask, stream or future to wait for. A
 * waitable set is an entry of the instance's handles table; polling one finds no event
 * ({@code EventCode.NONE}, written to memory as the spec's {@code unpack_event} does); waiting on
 * one blocks the task, and a synchronous task that blocks before returning traps (the end of
 * {@code canon_lift}: no other thread is ready to run); yielding returns at once, not cancelled
 * (nothing cancels a synchronous call). Each first traps unless the instance may leave.
 */
final class Waiting {

    private Waiting() {}

    /** {@code EventCode.NONE} and {@code Cancelled.FALSE}: both 0. */
    private static final long[] ZERO = {0};

    private static final long[] NONE = new long[0];

    /** The payload of {@code EventCode.NONE}. */
    private static final Value PAYLOAD = Value.u32(0);

    static CoreFunction builtin(Frame frame, Canon canon) {
        InstanceState state = frame.state;
        HandleTable handles = state.handles();
        CoreValType i32 = CoreValType.I32;
        if (canon instanceof Canon.WaitableSetNew) {
            return CoreFunction.host(CoreFuncType.of(List.of(), List.of(i32)), args -> {
                state.checkMayLeave();
                return new long[] {handles.newWaitableSet()};
            });
        } else if (canon instanceof Canon.WaitableSetDrop) {
            return CoreFunction.host(CoreFuncType.of(List.of(i32), List.of()), args -> {
                state.checkMayLeave();
                handles.dropWaitableSet((int) args[0]);
                return NONE;
            });
        } else if (canon instanceof Canon.WaitableSetPoll p) {
            Options options = Options.of(
                    List.of(new CanonOpt.Memory(p.offset(), p.memoryIndex())), frame, "canon waitable-set.poll");
            return CoreFunction.host(CoreFuncType.of(List.of(i32, i32), List.of(i32)), args -> {
                state.checkMayLeave();
                handles.checkWaitableSet((int) args[0]);
                // unpack_event: the event's two payload values, stored as u32s
                LiftLowerContext cx = Canons.context(options, state);
                long ptr = Integer.toUnsignedLong((int) args[1]);
                CanonicalAbi.store(cx, PAYLOAD, ValueType.Primitive.U32, ptr);
                CanonicalAbi.store(cx, PAYLOAD, ValueType.Primitive.U32, ptr + 4);
                return ZERO;
            });
        } else if (canon instanceof Canon.WaitableSetWait) {
            return CoreFunction.host(CoreFuncType.of(List.of(i32, i32), List.of(i32)), args -> {
                state.checkMayLeave();
                handles.checkWaitableSet((int) args[0]);
                throw new Trap(Trap.Reason.INVALID_OPERATION, "cannot block a synchronous task before returning");
            });
        } else if (canon instanceof Canon.WaitableJoin) {
            return CoreFunction.host(CoreFuncType.of(List.of(i32, i32), List.of()), args -> {
                state.checkMayLeave();
                handles.checkWaitable((int) args[0]);
                return NONE;
            });
        }
        // thread.yield
        return CoreFunction.host(CoreFuncType.of(List.of(), List.of(i32)), args -> {
            state.checkMayLeave();
            return ZERO;
        });
    }
}
