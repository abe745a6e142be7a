package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.bindings.ExportFunction;
import dev.wit4j.runtime.value.Value;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code context.get/set} and {@code backpressure.inc/dec} (CanonicalABI.md 🔀) for synchronous
 * calls, in {@code resources/link/context.wat}: each call is a task with fresh context slots, its
 * post-return sees them, a {@code realloc} runs with slots of its own, and the backpressure count
 * traps below 0.
 */
class ContextSlotsTest {

    private static Instance instance(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        return engine.linker().instantiate(Wasm.load(engine, "context"));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void everyCallStartsWithEmptySlotsAndItsPostReturnSeesThem(ExecutionMode mode) {
        Instance in = instance(mode);
        for (int call = 0; call < 3; call++) {
            // bump returns what slot 0 held (0 in a fresh task) and leaves 7, which its post-return checks
            assertEquals(Optional.of(Value.u32(0)), in.func("bump").call());
        }
        ExportFunction typed = in.func("bump").typed();
        for (int call = 0; call < 3; call++) {
            typed.enter();
            try {
                long[] r = typed.call();
                assertEquals(0, r[0]);
                typed.finish(r);
            } finally {
                typed.exit();
            }
        }
        assertFalse(in.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void reallocRunsWithSlotsOfItsOwn(ExecutionMode mode) {
        Instance in = instance(mode);
        // realloc traps unless its slots are empty and sets 99; echo traps unless its own are still 0
        assertEquals(Optional.of(Value.string("héllo")), in.func("echo").call(Value.string("héllo")));
        assertEquals(Optional.of(Value.string("again")), in.func("echo").call(Value.string("again")));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void backpressureIsACountThatTrapsBelowZero(ExecutionMode mode) {
        Instance in = instance(mode);
        in.func("raise").call();
        in.func("raise").call(); // a synchronous call does not wait for backpressure
        in.func("lower").call();
        in.func("lower").call();
        Trap t = assertThrows(Trap.class, () -> in.func("lower").call());
        assertEquals(Trap.Reason.INVALID_OPERATION, t.reason());
        assertTrue(t.getMessage().contains("backpressure counter overflow"), t.getMessage());
        assertTrue(in.isPoisoned());
    }
}
