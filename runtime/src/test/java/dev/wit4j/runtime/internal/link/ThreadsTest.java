package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Func;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.InstancePre;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.bindings.ExportFunction;
import dev.wit4j.runtime.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The concurrency contract: an {@link Instance} runs one call at a time and refuses a call from a
 * second thread meanwhile with an {@link IllegalStateException} (never a wrong result, a lost update
 * or a poisoned instance); {@link Engine}, {@link Component} and {@link InstancePre} are shared by
 * any number of threads; an instance made by a {@linkplain Linker#confined(boolean) confining}
 * linker refuses every thread but the one that created it. The guest, {@code threads.wat}, counts its calls and returns each string
 * tagged with the count, through its own heap.
 */
class ThreadsTest {

    private static Linker linker(Engine engine, Runnable pause) {
        Linker linker = engine.linker();
        linker.func("pause", args -> {
            pause.run();
            return Optional.empty();
        });
        return linker;
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aSecondThreadIsRefusedWhileACallRuns(ExecutionMode mode) throws Exception {
        Engine engine = Wasm.engine(mode);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger pauses = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong firstId = new java.util.concurrent.atomic.AtomicLong();
        Instance in = linker(engine, () -> {
                    if (pauses.incrementAndGet() == 1) {
                        firstId.set(Thread.currentThread().getId());
                        inside.countDown();
                        await(release);
                    }
                })
                .instantiate(Wasm.load(engine, "threads"));
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "first-caller"));
        try {
            Future<Optional<Value>> first = pool.submit(() -> in.func("tag").call(Value.string("first")));
            assertTrue(inside.await(30, TimeUnit.SECONDS));

            IllegalStateException dynamic = assertThrows(
                    IllegalStateException.class, () -> in.func("tag").call(Value.string("second")));
            assertTrue(
                    dynamic.getMessage().contains("is running a call on another thread (id " + firstId.get() + ")"),
                    dynamic.getMessage());
            assertTrue(
                    dynamic.getMessage()
                            .contains("thread \"" + Thread.currentThread().getName() + "\" may not enter it"),
                    dynamic.getMessage());
            assertTrue(dynamic.getMessage().contains("component instance"), dynamic.getMessage());
            ExportFunction typed = in.func("calls").typed();
            assertThrows(IllegalStateException.class, typed::enter);

            release.countDown();
            assertEquals(Optional.of(Value.string("1:first")), first.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        // the refused calls changed nothing and poisoned nothing
        assertEquals(Optional.of(Value.string("2:second")), in.func("tag").call(Value.string("second")));
        assertEquals(Optional.of(Value.u32(2)), in.func("calls").call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void twoThreadsOnOneInstanceNeverSeeEachOther(ExecutionMode mode) throws Exception {
        Engine engine = Wasm.engine(mode);
        Instance in = linker(engine, Thread::yield).instantiate(Wasm.load(engine, "threads"));
        Func tag = in.func("tag");
        Set<Integer> counts = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                String mine = "thread-" + t;
                threads.add(pool.submit(() -> {
                    for (int k = 0; k < perThread; k++) {
                        Optional<Value> result;
                        try {
                            result = tag.call(Value.string(mine));
                        } catch (IllegalStateException e) {
                            refused.incrementAndGet();
                            continue;
                        }
                        String s = ((Value.Str) result.orElseThrow()).value();
                        int colon = s.indexOf(':');
                        assertEquals(mine, s.substring(colon + 1), "another thread's result");
                        assertTrue(counts.add(Integer.parseInt(s.substring(0, colon))), "a count seen twice: " + s);
                    }
                    return null;
                }));
            }
            for (Future<?> f : threads) f.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2 * perThread, counts.size() + refused.get());
        assertEquals(Optional.of(Value.u32(counts.size())), in.func("calls").call(), "no update lost");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void engineComponentAndInstancePreAreSharedByEightThreads(ExecutionMode mode) throws Exception {
        Engine engine = Wasm.engine(mode);
        byte[] bytes = Wasm.bytes("threads");
        Component component = engine.load(bytes);
        Linker shared = linker(engine, () -> {});
        InstancePre pre = shared.instantiatePre(component);
        int threads = 8;
        int rounds = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    int calls = 0;
                    for (int r = 0; r < rounds; r++) {
                        Instance in = switch ((id + r) % 3) {
                            case 0 -> pre.instantiate();
                            case 1 -> shared.instantiate(component);
                            default -> linker(engine, () -> {}).instantiate(engine.load(bytes));
                        };
                        Func tag = in.func("tag");
                        ExportFunction typedCalls = in.func("calls").typed();
                        for (int k = 1; k <= 3; k++) {
                            String s = id + "/" + r + "/" + k;
                            assertEquals(Optional.of(Value.string(k + ":" + s)), tag.call(Value.string(s)));
                            calls++;
                        }
                        typedCalls.enter();
                        try {
                            assertEquals(3, (int) typedCalls.call()[0]);
                        } finally {
                            typedCalls.exit();
                        }
                    }
                    return calls;
                }));
            }
            for (Future<Integer> f : results) assertEquals(rounds * 3, f.get(300, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aConfinedInstanceRefusesEveryOtherThread(ExecutionMode mode) throws Exception {
        Engine engine = Wasm.engine(mode);
        Linker linker = linker(engine, () -> {}).confined(true);
        InstancePre pre = linker.instantiatePre(Wasm.load(engine, "threads"));
        assertTrue(pre.confined());
        Instance in = pre.instantiate();
        assertEquals(Optional.of(Value.string("1:mine")), in.func("tag").call(Value.string("mine")));

        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "other-caller"));
        try {
            Future<Throwable> dynamic =
                    pool.submit(() -> catchThrowable(() -> in.func("tag").call(Value.string("other"))));
            IllegalStateException refused =
                    assertInstanceOf(IllegalStateException.class, dynamic.get(30, TimeUnit.SECONDS));
            String owner = Thread.currentThread().getName();
            assertTrue(refused.getMessage().contains("is confined to thread \"" + owner + "\""), refused.getMessage());
            assertTrue(refused.getMessage().contains("thread \"other-caller\" may not call it"), refused.getMessage());
            assertTrue(refused.getMessage().contains("component instance"), refused.getMessage());
            ExportFunction typed = in.func("calls").typed();
            Future<Throwable> typedCall = pool.submit(() -> catchThrowable(typed::enter));
            assertInstanceOf(IllegalStateException.class, typedCall.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        // the refused calls changed nothing and poisoned nothing
        assertFalse(in.isPoisoned());
        assertEquals(Optional.of(Value.string("2:mine")), in.func("tag").call(Value.string("mine")));
        assertEquals(Optional.of(Value.u32(2)), in.func("calls").call());
        // an instance made on another thread from the same InstancePre is that thread's
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            Instance theirs = second.submit(pre::instantiate).get(30, TimeUnit.SECONDS);
            assertEquals(
                    Optional.of(Value.string("1:theirs")),
                    second.submit(() -> theirs.func("tag").call(Value.string("theirs")))
                            .get(30, TimeUnit.SECONDS));
            assertThrows(IllegalStateException.class, () -> theirs.func("calls").call());
        } finally {
            second.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aConfinedInstanceStillTrapsReentrance(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        AtomicReference<Instance> self = new AtomicReference<>();
        AtomicReference<Trap> inner = new AtomicReference<>();
        Linker linker = linker(engine, () -> {
                    try {
                        self.get().func("calls").call();
                    } catch (Trap t) {
                        inner.set(t);
                        throw t;
                    }
                })
                .confined(true);
        Instance in = linker.instantiate(Wasm.load(engine, "threads"));
        self.set(in);
        assertThrows(Trap.class, () -> in.func("tag").call(Value.string("x")));
        assertEquals(Trap.Reason.CANNOT_ENTER, inner.get().reason());
        assertTrue(inner.get().getMessage().contains("reentrance"), inner.get().getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void instancesAreNotConfinedByDefault(ExecutionMode mode) throws Exception {
        Engine engine = Wasm.engine(mode);
        Linker linker = linker(engine, () -> {});
        assertFalse(linker.confined());
        Instance in = linker.instantiate(Wasm.load(engine, "threads"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            assertEquals(
                    Optional.of(Value.string("1:moved")),
                    pool.submit(() -> in.func("tag").call(Value.string("moved")))
                            .get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Optional.of(Value.string("2:back")), in.func("tag").call(Value.string("back")));
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
