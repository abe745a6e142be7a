package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Traps name the component and function, poison their instance and leave others usable. */
class TrapsTest {

    private static Trap trap(Instance in, String func) {
        return assertThrows(Trap.class, () -> in.func(func).call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void unreachablePoisonsOnlyItsInstance(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Component c = Wasm.load(engine, "traps");
        Instance a = engine.linker().instantiate(c);
        Instance b = engine.linker().instantiate(c);
        Trap t = trap(a, "boom");
        assertEquals(Trap.Reason.CORE_TRAP, t.reason());
        assertTrue(
                t.getMessage().contains("component `trapper`") && t.getMessage().contains("function `boom`"),
                t.getMessage());
        Trap poisoned = trap(a, "ok");
        assertEquals(Trap.Reason.CANNOT_ENTER, poisoned.reason());
        assertTrue(poisoned.getMessage().startsWith("cannot enter component instance"), poisoned.getMessage());
        assertFalse(b.isPoisoned());
        assertEquals(Optional.of(Value.u32(1)), b.func("ok").call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void invalidStringAndHandleTrap(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Component c = Wasm.load(engine, "traps");
        Trap s = trap(engine.linker().instantiate(c), "bad-string");
        assertEquals(Trap.Reason.INVALID_STRING_ENCODING, s.reason());
        assertEquals(Optional.of("bad-string"), s.functionName());
        Trap h = trap(engine.linker().instantiate(c), "bad-rep");
        assertEquals(Trap.Reason.UNKNOWN_HANDLE, h.reason());
        assertEquals(Optional.of("trapper"), h.componentName());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void reentranceTraps(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance in = engine.linker().instantiate(Wasm.load(engine, "traps"));
        Trap t = trap(in, "reenter");
        assertEquals(Trap.Reason.CANNOT_ENTER, t.reason());
        assertTrue(t.getMessage().contains("reentrance"), t.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void hostTrapInImportTrapsTheCaller(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Linker linker = engine.linker();
        linker.func("base", args -> {
            throw new Trap(Trap.Reason.INVALID_OPERATION, "host refused");
        });
        Instance in = linker.instantiate(Wasm.load(engine, "nested"));
        Trap t = assertThrows(Trap.class, () -> in.func("offset").call(Value.u32(1)));
        assertTrue(t.getMessage().contains("host refused"), t.getMessage());
        assertTrue(t.componentName().orElse("").startsWith("outer/"), t.getMessage());
        // the nested instance that trapped is poisoned; its sibling is not
        assertThrows(Trap.class, () -> in.func("offset").call(Value.u32(1)));
        assertEquals(Optional.of(Value.u32(5)), in.func("add").call(Value.u32(2), Value.u32(3)));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void parentAndChildMayNotCallEachOther(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Component c = Wasm.load(engine, "parent-child");
        Instance in = engine.linker().instantiate(c);
        assertEquals(Optional.of(Value.u32(7)), in.func("f").call(), "the host may call the child directly");
        Trap down = trap(in, "call-down");
        assertEquals(Trap.Reason.CANNOT_ENTER, down.reason());
        Instance again = engine.linker().instantiate(c);
        Trap up = trap(again, "call-up");
        assertEquals(Trap.Reason.CANNOT_ENTER, up.reason());
        assertTrue(up.getMessage().contains("parent"), up.getMessage());
    }
}
