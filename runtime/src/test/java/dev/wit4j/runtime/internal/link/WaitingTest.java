package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The built-ins that wait (CanonicalABI.md 🔀 {@code waitable-set.*}, {@code waitable.join},
 * {@code thread.yield}) in synchronous calls, in {@code resources/link/waiting.wat}.
 */
class WaitingTest {

    private static Instance instance(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        return engine.linker().instantiate(Wasm.load(engine, "waiting"));
    }

    private static Optional<Value> u32(long v) {
        return Optional.of(Value.u32(v));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void waitableSetsShareTheHandlesTableWithResources(ExecutionMode mode) {
        Instance in = instance(mode);
        assertEquals(u32(1), in.func("new").call());
        assertEquals(u32(2), in.func("resource").call());
        assertEquals(u32(3), in.func("new").call());
        in.func("drop").call(Value.u32(1));
        assertEquals(u32(1), in.func("new").call(), "a freed slot is used again");
        assertFalse(in.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void pollingFindsNoEventAndWritesItsPayload(ExecutionMode mode) {
        Instance in = instance(mode);
        Value set = in.func("new").call().orElseThrow();
        // event NONE (0), and the 8 bytes at 16 (filled with 0xff before) written as two zeros
        assertEquals(u32(1), in.func("poll").call(set));
        assertEquals(u32(1), in.func("poll").call(set));
        assertFalse(in.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void pollingWritesOnlyWhereTheMemoryAllows(ExecutionMode mode) {
        Instance unaligned = instance(mode);
        Value set = unaligned.func("new").call().orElseThrow();
        Trap t = assertThrows(Trap.class, () -> unaligned.func("poll-at").call(set, Value.u32(18)));
        assertEquals(Trap.Reason.UNALIGNED_POINTER, t.reason());

        Instance outside = instance(mode);
        Value set2 = outside.func("new").call().orElseThrow();
        t = assertThrows(Trap.class, () -> outside.func("poll-at").call(set2, Value.u32(65536 - 4)));
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, t.reason());
        assertTrue(outside.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void onlyWaitableSetsAreWaitableSets(ExecutionMode mode) {
        Instance in = instance(mode);
        Value resource = in.func("resource").call().orElseThrow();
        Trap t = assertThrows(Trap.class, () -> in.func("poll").call(resource));
        assertEquals(Trap.Reason.HANDLE_TYPE_MISMATCH, t.reason());
        assertTrue(t.getMessage().contains("is not a waitable set"), t.getMessage());

        Instance dropped = instance(mode);
        Value set = dropped.func("new").call().orElseThrow();
        dropped.func("drop").call(set);
        t = assertThrows(Trap.class, () -> dropped.func("drop").call(set));
        assertEquals(Trap.Reason.UNKNOWN_HANDLE, t.reason());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void waitingInASynchronousCallTraps(ExecutionMode mode) {
        Instance in = instance(mode);
        Value set = in.func("new").call().orElseThrow();
        Trap t = assertThrows(Trap.class, () -> in.func("wait").call(set));
        assertTrue(t.getMessage().contains("cannot block a synchronous task before returning"), t.getMessage());
        assertTrue(in.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void nothingIsAWaitableToJoin(ExecutionMode mode) {
        Instance in = instance(mode);
        Value set = in.func("new").call().orElseThrow();
        Trap t = assertThrows(Trap.class, () -> in.func("join").call(set, set));
        assertEquals(Trap.Reason.HANDLE_TYPE_MISMATCH, t.reason());
        assertTrue(t.getMessage().contains("is not a waitable"), t.getMessage());
        Instance unknown = instance(mode);
        t = assertThrows(Trap.class, () -> unknown.func("join").call(Value.u32(7), Value.u32(0)));
        assertEquals(Trap.Reason.UNKNOWN_HANDLE, t.reason());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void yieldingReturnsAtOnceNotCancelled(ExecutionMode mode) {
        Instance in = instance(mode);
        assertEquals(u32(0), in.func("yield").call());
        assertEquals(u32(0), in.func("yield").call());
        assertFalse(in.isPoisoned());
    }
}
