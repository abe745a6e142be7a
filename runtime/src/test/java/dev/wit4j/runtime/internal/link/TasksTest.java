package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tasks of the async ABI (CanonicalABI.md 🔀 {@code canon lift} with {@code async} and
 * {@code callback}, {@code task.return}, {@code canon lower} with {@code async}, subtasks and
 * backpressure) in {@code resources/link/tasks.wat}.
 */
class TasksTest {

    private static final int SUBTASK = 1;
    private static final int STARTING = 0;
    private static final int STARTED = 1;
    private static final int RETURNED = 2;
    private static final int CANCELLED_BEFORE_STARTED = 3;
    private static final int CANCELLED_BEFORE_RETURNED = 4;

    private static Instance instance(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        return engine.linker().instantiate(Wasm.load(engine, "tasks"));
    }

    private static long u64(Instance in, String name, Value... args) {
        return ((Value.U64) in.func(name).call(args).orElseThrow()).value();
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void theHostCallsATaskThatReturnsAtOnce(ExecutionMode mode) {
        Instance in = instance(mode);
        assertEquals(Optional.of(Value.u32(42)), in.func("double").call(Value.u32(21)));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void theHostRunsTheEventLoopUntilATaskReturns(ExecutionMode mode) {
        Instance in = instance(mode);
        assertEquals(Optional.of(Value.u32(7)), in.func("yield-then-return").call());
        assertEquals(Optional.of(Value.u32(1)), in.func("callbacks").call(), "the callback ran once, after the yield");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anAsyncLowerOfATaskThatReturnsAtOnceSaysReturned(ExecutionMode mode) {
        Instance in = instance(mode);
        long r = u64(in, "call-double", Value.u32(5));
        assertEquals(RETURNED, r & 0xFFFF_FFFFL, "no subtask: the result is already stored");
        assertEquals(10, r >>> 32);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aTaskThatWaitsBecomesASubtaskWhoseEventSaysItReturned(ExecutionMode mode) {
        Instance in = instance(mode);
        long r = u64(in, "call-yielding");
        long status = r & 0xFF;
        long index = (r >>> 4) & 0xF;
        assertEquals(STARTED, status & 0xF, "the callee yielded: the call is a subtask");
        long event = (r >>> 8) & 0xFFFF_FFFFL;
        assertEquals(SUBTASK, event & 0xFF);
        assertEquals(index, (event >>> 8) & 0xFF, "the event names the subtask");
        assertEquals(RETURNED, (event >>> 16) & 0xFF);
        assertEquals(7, r >>> 40, "the result was stored when the callee returned it");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aCallUnderBackpressureStartsWhenItEnds(ExecutionMode mode) {
        Instance in = instance(mode);
        long r = u64(in, "call-under-backpressure", Value.u32(4));
        assertEquals(STARTING, r & 0xF, "the callee's backpressure held the call back");
        assertEquals(RETURNED, (r >>> 24) & 0xFF);
        assertEquals(8, r >>> 40);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aCancelledTaskIsToldAndConfirms(ExecutionMode mode) {
        Instance in = instance(mode);
        long r = ((Value.U32) in.func("cancel-waiting").call().orElseThrow()).value();
        assertEquals(STARTED, r & 0xF);
        assertEquals(CANCELLED_BEFORE_RETURNED, r >>> 8, "the callee received TASK_CANCELLED and called task.cancel");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aCallCancelledBeforeItStartsNeverRuns(ExecutionMode mode) {
        Instance in = instance(mode);
        long r = ((Value.U32) in.func("cancel-before-start").call().orElseThrow()).value();
        assertEquals(STARTING, r & 0xF);
        assertEquals(CANCELLED_BEFORE_STARTED, r >>> 8);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aSubtaskIsNotDroppedBeforeItResolves(ExecutionMode mode) {
        Instance in = instance(mode);
        Trap t = assertThrows(Trap.class, () -> in.func("drop-early").call());
        assertTrue(t.getMessage().contains("cannot drop a subtask which has not yet resolved"), t.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aSynchronousTaskMayNotCallOneThatWaits(ExecutionMode mode) {
        Instance in = instance(mode);
        Trap t = assertThrows(Trap.class, () -> in.func("call-yielding-sync").call());
        assertTrue(t.getMessage().contains("cannot block a synchronous task before returning"), t.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aTaskMustReturnItsValueWithItsType(ExecutionMode mode) {
        Trap none =
                assertThrows(Trap.class, () -> instance(mode).func("no-return").call());
        assertTrue(none.getMessage().contains("async-lifted export failed to produce a result"), none.getMessage());
        Trap wrong = assertThrows(
                Trap.class, () -> instance(mode).func("wrong-return").call());
        assertTrue(wrong.getMessage().contains("invalid `task.return` signature"), wrong.getMessage());
        Trap code =
                assertThrows(Trap.class, () -> instance(mode).func("bad-code").call());
        assertTrue(code.getMessage().contains("unsupported callback code: 3"), code.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anAsyncLowerCallsAHostFunction(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        int[] ticks = {0};
        Instance in = engine.linker()
                .func("tick", args -> {
                    ticks[0]++;
                    return Optional.empty();
                })
                .instantiate(Wasm.load(engine, "async-import"));
        assertEquals(Optional.of(Value.u32(RETURNED)), in.func("run").call(), "a host function returns at once");
        assertEquals(1, ticks[0]);

        Engine flat = Wasm.engine(mode);
        LinkException e = assertThrows(
                LinkException.class,
                () -> flat.linker()
                        .flatFunc("tick", " -> ", (cx, args) -> new long[0])
                        .instantiate(Wasm.load(flat, "async-import")));
        assertTrue(e.getMessage().contains("an `async` lower of host function `tick`"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aTaskWaitingForWhatNeverComesIsADeadlock(ExecutionMode mode) {
        Instance in = instance(mode);
        Trap t = assertThrows(Trap.class, () -> in.func("wait-forever").call());
        assertTrue(t.getMessage().contains("deadlock detected"), t.getMessage());
    }
}
