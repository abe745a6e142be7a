package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Limits;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Guests that misbehave (hostile.wat): the host gets a {@link Trap} naming the reason, the
 * offending instance is poisoned, and another instance in the same JVM keeps working.
 */
class HostileGuestsTest {

    private static Instance instantiate(Engine engine, Component component) {
        return instantiate(engine, component, Limits.NONE);
    }

    private static Instance instantiate(Engine engine, Component component, Limits limits) {
        return linker(engine, limits).instantiate(component);
    }

    private static Linker linker(Engine engine, Limits limits) {
        Linker linker = engine.linker().limits(limits);
        linker.func("exhaust", args -> {
            throw new OutOfMemoryError("Java heap space (simulated)");
        });
        return linker;
    }

    /** Runs {@code call} on a new thread; returns the thread and where its outcome will be. */
    private static Thread start(Runnable call) {
        Thread t = new Thread(call, "guest");
        t.start();
        return t;
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aSpinningGuestIsStoppedByInterruptingItsThread(ExecutionMode mode) throws Exception {
        Engine engine = Wasm.engine(mode);
        Component component = Wasm.load(engine, "hostile");
        Instance spinner = instantiate(engine, component);
        Instance bystander = instantiate(engine, component);
        java.util.concurrent.atomic.AtomicReference<Throwable> outcome =
                new java.util.concurrent.atomic.AtomicReference<>();
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
        Trap trap =
                assertThrows(Trap.class, () -> exhausted.func("call-exhaust").call());
        assertEquals(Trap.Reason.RESOURCE_EXHAUSTED, trap.reason(), trap.getMessage());
        assertTrue(exhausted.isPoisoned());
        assertEquals(Optional.of(Value.u32(42)), bystander.func("ok").call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aSpinningGuestIsStoppedByInstanceInterrupt(ExecutionMode mode) throws Exception {
        Engine engine = Wasm.engine(mode);
        Component component = Wasm.load(engine, "hostile");
        Instance spinner = instantiate(engine, component);
        Instance bystander = instantiate(engine, component);
        assertFalse(spinner.interrupt(), "nothing runs yet");
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread guest = start(() -> {
            try {
                spinner.func("spin").call();
            } catch (Throwable t) {
                outcome.set(t);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        Thread.sleep(200);
        assertTrue(guest.isAlive(), "the guest spins");
        assertTrue(spinner.interrupt());
        guest.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(guest.isAlive(), "the guest did not stop");
        Trap trap = assertInstanceOf(Trap.class, outcome.get());
        assertEquals(Trap.Reason.INTERRUPTED, trap.reason(), trap.getMessage());
        assertTrue(trap.getMessage().contains("Instance.interrupt()"), trap.getMessage());
        assertEquals(Boolean.FALSE, flagAfter.get(), "the interrupt was taken back from the thread");
        assertTrue(spinner.isPoisoned());
        assertEquals(Optional.of(Value.u32(42)), bystander.func("ok").call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aSpinningGuestIsStoppedAtItsDeadline(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Component component = Wasm.load(engine, "hostile");
        Limits limits = Limits.builder().callTimeout(Duration.ofMillis(100)).build();
        Instance spinner = instantiate(engine, component, limits);
        Instance bystander = instantiate(engine, component, limits);
        long start = System.nanoTime();
        Trap trap = assertThrows(Trap.class, () -> spinner.func("spin").call());
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Trap.Reason.DEADLINE, trap.reason(), trap.getMessage());
        assertTrue(trap.getMessage().contains("timeout of 100 ms"), trap.getMessage());
        // not early: a tick's grace only for a watchdog that itself ran late on a loaded machine
        assertTrue(tookMillis >= 100 - Deadlines.TICK_MILLIS, "stopped after " + tookMillis + " ms");
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt was taken back from the thread");
        assertTrue(spinner.isPoisoned());
        // calls within the deadline are untouched, one after another
        for (int k = 0; k < 100; k++) {
            assertEquals(Optional.of(Value.u32(42)), bystander.func("ok").call());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aSpinningNestedInstanceIsStoppedAtItsDeadlineAndByInterrupt(ExecutionMode mode) throws Exception {
        Engine engine = Wasm.engine(mode);
        Component component = Wasm.load(engine, "nested-spin");
        Linker linker = engine.linker()
                .limits(Limits.builder().callTimeout(Duration.ofMillis(100)).build());
        Instance late = linker.instantiate(component);
        Trap deadline = assertThrows(Trap.class, () -> late.func("spin").call());
        assertEquals(Trap.Reason.DEADLINE, deadline.reason(), deadline.getMessage());
        assertFalse(Thread.currentThread().isInterrupted());

        Instance spinner = engine.linker().instantiate(component);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread guest = start(() -> {
            try {
                spinner.func("spin").call();
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        Thread.sleep(100);
        assertTrue(spinner.interrupt(), "the call into the nested instance is found");
        guest.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(guest.isAlive(), "the guest did not stop");
        assertEquals(
                Trap.Reason.INTERRUPTED,
                assertInstanceOf(Trap.class, outcome.get()).reason());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void memoryGrowthStopsAtTheLimit(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Component component = Wasm.load(engine, "hostile");
        // 1 page at instantiation + 15 more = 1 MiB
        Instance capped = instantiate(
                engine, component, Limits.builder().memoryBytes(1 << 20).build());
        assertEquals(Optional.of(Value.s32(-1)), capped.func("grow").call(Value.u32(65535)), "4 GiB refused");
        assertEquals(Optional.of(Value.s32(1)), capped.func("grow").call(Value.u32(15)));
        assertEquals(Optional.of(Value.s32(-1)), capped.func("grow").call(Value.u32(1)));
        capped.func("touch").call(Value.u32(16)); // every page it has is usable
        assertFalse(capped.isPoisoned());
        // without limits the same growth succeeds (memory is committed only when touched)
        Instance free = instantiate(engine, component);
        assertEquals(Optional.of(Value.s32(1)), free.func("grow").call(Value.u32(65535)));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anInstantiationNeedingMoreThanTheLimitsTraps(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Component component = Wasm.load(engine, "hostile");
        Trap memory = assertThrows(
                Trap.class,
                () -> instantiate(
                        engine, component, Limits.builder().memoryBytes(65535).build()));
        assertEquals(Trap.Reason.RESOURCE_EXHAUSTED, memory.reason(), memory.getMessage());
        assertTrue(memory.getMessage().contains("linear memory limit of 65535 bytes"), memory.getMessage());
        Trap table = assertThrows(
                Trap.class,
                () -> instantiate(
                        engine, component, Limits.builder().tableElements(0).build()));
        assertEquals(Trap.Reason.RESOURCE_EXHAUSTED, table.reason(), table.getMessage());
        assertTrue(
                table.getMessage().contains("table 0 of 1 elements exceeds the table element limit of 0"),
                table.getMessage());
        // the component instance and the core instance of its module (instance 0 is a bag of exports)
        Trap instances = assertThrows(
                Trap.class,
                () -> instantiate(
                        engine, component, Limits.builder().instances(1).build()));
        assertEquals(Trap.Reason.RESOURCE_EXHAUSTED, instances.reason(), instances.getMessage());
        assertTrue(
                instances.getMessage().contains("creating core instance 1 exceeds the limit of 1 instances"),
                instances.getMessage());
        instantiate(engine, component, Limits.builder().instances(2).build())
                .func("ok")
                .call();
    }

    @org.junit.jupiter.api.Test
    void theHeapHoldsNoMoreThanTheMemoryLimitAndItsPages() {
        Engine engine = Wasm.engine(ExecutionMode.COMPILED);
        long limit = 64L << 20;
        Instance guest = instantiate(
                engine,
                Wasm.load(engine, "hostile"),
                Limits.builder().memoryBytes(limit).build());
        guest.func("ok").call();
        long before = usedHeap();
        assertEquals(Optional.of(Value.s32(1)), guest.func("grow").call(Value.u32(1023)));
        assertEquals(Optional.of(Value.s32(-1)), guest.func("grow").call(Value.u32(1)));
        guest.func("touch").call(Value.u32(1024)); // every page written
        long grown = usedHeap() - before;
        assertTrue(grown >= limit - (1 << 20), "the pages are held: " + grown);
        // a memory held in one array takes whole heap regions (G1 stores an object larger than half a
        // region in regions of its own): at most one region more than the array itself
        long region = heapRegion();
        assertTrue(
                grown <= limit + (4 << 20) + region,
                "at most the limit, 4 MiB and a heap region of " + region + ": " + grown);
        assertFalse(guest.isPoisoned());
    }

    /** The G1 region size, or 0 under another collector. */
    private static long heapRegion() {
        var bean = java.lang.management.ManagementFactory.getPlatformMXBean(
                com.sun.management.HotSpotDiagnosticMXBean.class);
        try {
            return Long.parseLong(bean.getVMOption("G1HeapRegionSize").getValue());
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void tableGrowthStopsAtTheLimit(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Component component = Wasm.load(engine, "hostile");
        Instance capped = instantiate(
                engine, component, Limits.builder().tableElements(1000).build());
        assertEquals(Optional.of(Value.s32(-1)), capped.func("table-grow").call(Value.u32(10_000_000)));
        assertEquals(Optional.of(Value.s32(1)), capped.func("table-grow").call(Value.u32(999)));
        assertEquals(Optional.of(Value.s32(-1)), capped.func("table-grow").call(Value.u32(1)));
        assertFalse(capped.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void tableGrowthPastTheEnginesMaximumFails(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance instance = instantiate(engine, Wasm.load(engine, "hostile"));
        // 1 + (2^31 - 1) wraps in 32-bit arithmetic: still a failed growth, not an exception
        assertEquals(Optional.of(Value.s32(-1)), instance.func("table-grow").call(Value.u32(0x7fff_ffffL)));
        assertEquals(Optional.of(Value.s32(-1)), instance.func("table-grow").call(Value.u32(0xffff_ffffL)));
        assertEquals(Optional.of(Value.s32(-1)), instance.func("table-grow").call(Value.u32(10_000_000)));
        assertEquals(Optional.of(Value.s32(1)), instance.func("table-grow").call(Value.u32(1000)));
        assertFalse(instance.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void handlesStopAtTheLimit(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Component component = Wasm.load(engine, "hostile");
        Instance capped =
                instantiate(engine, component, Limits.builder().handles(100_000).build());
        Instance bystander = instantiate(engine, component);
        assertEquals(
                Optional.of(Value.u32(100_000)), capped.func("make-handles").call(Value.u32(100_000)));
        Instance flood =
                instantiate(engine, component, Limits.builder().handles(100_000).build());
        Trap trap = assertThrows(Trap.class, () -> flood.func("make-handles").call(Value.u32(10_000_000)));
        assertEquals(Trap.Reason.TABLE_FULL, trap.reason(), trap.getMessage());
        assertTrue(trap.getMessage().contains("limit of 100000 handles"), trap.getMessage());
        assertTrue(flood.isPoisoned());
        assertEquals(Optional.of(Value.u32(42)), bystander.func("ok").call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void unboundedRecursionTraps(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Component component = Wasm.load(engine, "hostile");
        Instance deep = instantiate(engine, component);
        Trap trap = assertThrows(Trap.class, () -> deep.func("recurse").call(Value.u32(0)));
        assertEquals(Trap.Reason.CORE_TRAP, trap.reason(), trap.getMessage());
        assertTrue(deep.isPoisoned());
        assertEquals(
                Optional.of(Value.u32(42)),
                instantiate(engine, component).func("ok").call());
    }
}
