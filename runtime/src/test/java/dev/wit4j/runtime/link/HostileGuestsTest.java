package dev.wit4j.runtime.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.engine.ExecutionMode;
import dev.wit4j.runtime.value.Value;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Guests that misbehave (hostile.wat): the host gets a {@link Trap} naming the reason, the
 * offending instance is poisoned, and another instance in the same JVM keeps working.
 */
class HostileGuestsTest {

    private static Instance instantiate(Engine engine, Component component) {
        Linker linker = engine.linker();
        linker.func("exhaust", args -> {
            throw new OutOfMemoryError("Java heap space (simulated)");
        });
        return linker.instantiate(component);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aSpinningGuestIsStoppedByInterruptingItsThread(ExecutionMode mode) throws Exception {
        Engine engine = Wasm.engine(mode);
        Component component = Wasm.load(engine, "hostile");
        Instance spinner = instantiate(engine, component);
        Instance bystander = instantiate(engine, component);
        java.util.concurrent.atomic.AtomicReference<Throwable> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Thread guest = new Thread(() -> {
            try {
                spinner.func("spin").call();
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        guest.start();
        Thread.sleep(200);
        assertTrue(guest.isAlive(), "the guest spins");
        guest.interrupt();
        guest.join(TimeUnit.SECONDS.toMillis(10));
        assertTrue(!guest.isAlive(), "the guest did not stop");
        Trap trap = assertInstanceOf(Trap.class, outcome.get());
        assertEquals(Trap.Reason.INTERRUPTED, trap.reason(), trap.getMessage());
        assertTrue(spinner.isPoisoned());
        assertEquals(Optional.of(Value.u32(42)), bystander.func("ok").call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aCallOnAThreadAlreadyInterruptedDoesNotStartAndPoisonsNothing(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance instance = instantiate(engine, Wasm.load(engine, "hostile"));
        Thread.currentThread().interrupt();
        try {
            Trap trap = assertThrows(Trap.class, () -> instance.func("ok").call());
            assertEquals(Trap.Reason.INTERRUPTED, trap.reason());
            assertTrue(Thread.currentThread().isInterrupted(), "the flag stays set");
        } finally {
            Thread.interrupted();
        }
        assertTrue(!instance.isPoisoned());
        assertEquals(Optional.of(Value.u32(42)), instance.func("ok").call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anExhaustedHeapIsATrapThatPoisonsOnlyItsInstance(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Component component = Wasm.load(engine, "hostile");
        Instance exhausted = instantiate(engine, component);
        Instance bystander = instantiate(engine, component);
        Trap trap = assertThrows(Trap.class, () -> exhausted.func("call-exhaust").call());
        assertEquals(Trap.Reason.RESOURCE_EXHAUSTED, trap.reason(), trap.getMessage());
        assertTrue(exhausted.isPoisoned());
        assertEquals(Optional.of(Value.u32(42)), bystander.func("ok").call());
    }
}
