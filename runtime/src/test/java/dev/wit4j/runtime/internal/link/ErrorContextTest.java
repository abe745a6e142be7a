package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.ErrorContext;
import dev.wit4j.runtime.value.ResourceHandle;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.runtime.wave.Wave;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code error-context} (CanonicalABI.md 📝): the built-ins {@code error-context.new},
 * {@code debug-message} and {@code drop} in a component ({@code resources/link/error-context.wat}),
 * and error-context values passed between it and the host.
 */
class ErrorContextTest {

    private static Instance instance(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        return engine.linker().instantiate(Wasm.load(engine, "error-context"));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aComponentsErrorContextReachesTheHostWithItsMessage(ExecutionMode mode) {
        Instance in = instance(mode);
        Value made = in.func("make").call(Value.string("disk full")).orElseThrow();
        ErrorContext context = (ErrorContext) ((Value.ErrorContextValue) made).handle();
        assertEquals("disk full", context.debugMessage());
        assertEquals("error-context", context.resourceType());
        // lifting leaves the guest's handle in place: the guest can still read it (its index is 1)
        assertEquals(
                Optional.of(Value.string("disk full")), in.func("message-of").call(Value.u32(1)));
        // passed back, the same error context gets a new index in the guest, with the same message
        assertEquals(Optional.of(Value.string("disk full")), in.func("message").call(made));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void theHostsErrorContextReachesTheComponent(ExecutionMode mode) {
        Instance in = instance(mode);
        ErrorContext context = ErrorContext.of("from the host: ünïcödé");
        assertEquals(
                Optional.of(Value.string("from the host: ünïcödé")),
                in.func("message").call(new Value.ErrorContextValue(context)));
        in.func("drop").call(new Value.ErrorContextValue(context));
        assertTrue(Wave.print(new Value.ErrorContextValue(context)).contains("error-context"));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void droppingTwiceOrReadingANonErrorContextTraps(ExecutionMode mode) {
        Instance in = instance(mode);
        Trap twice = assertThrows(
                Trap.class, () -> in.func("drop-twice").call(new Value.ErrorContextValue(ErrorContext.of("x"))));
        assertEquals(Trap.Reason.UNKNOWN_HANDLE, twice.reason());

        Instance other = instance(mode);
        Trap none = assertThrows(Trap.class, () -> other.func("message-of").call(Value.u32(7)));
        assertEquals(Trap.Reason.UNKNOWN_HANDLE, none.reason());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aHandleNotMadeByWit4jIsRefusedByName(ExecutionMode mode) {
        Instance in = instance(mode);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> in.func("message").call(new Value.ErrorContextValue(ResourceHandle.of("error-context", 3))));
        assertTrue(e.getMessage().contains("not an error context made by wit4j"), e.getMessage());
        // as with any ill-typed argument, the instance it was lowered into is not used again
        Trap after = assertThrows(
                Trap.class, () -> in.func("message").call(new Value.ErrorContextValue(ErrorContext.of("ok"))));
        assertEquals(Trap.Reason.CANNOT_ENTER, after.reason());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anErrorContextCrossesBetweenComponentsBothWays(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance provider = engine.linker().instantiate(Wasm.load(engine, "error-context"));
        Linker linker = engine.linker();
        linker.instance("test:ec/api").func("make", provider.func("make")).func("message", provider.func("message"));
        Instance consumer = linker.instantiate(Wasm.load(engine, "error-context-consumer"));
        assertEquals(
                Optional.of(Value.string("pass it on")), consumer.func("relay").call(Value.string("pass it on")));
        assertEquals(Optional.of(Value.string("again")), consumer.func("relay").call(Value.string("again")));
    }
}
