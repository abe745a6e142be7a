package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.HostResource;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.bindings.ExportFunction;
import dev.wit4j.runtime.bindings.GuestContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The primitives face end to end: typed export calls ({@link ExportFunction}) and flat host
 * functions ({@code flatFunc}) against real components, with the entry and exit rules of the
 * dynamic path (poisoning, names in traps, reentrance, post-return, borrow scopes).
 */
class TypedFaceTest {

    private final List<String> logs = new ArrayList<>();
    private final Map<Integer, Integer> counters = new HashMap<>();
    private final List<Integer> destroyed = new ArrayList<>();
    private final HostResource counter = HostResource.create("counter", destroyed::add);

    /** host.wasm's imports as flat host functions, lifting and lowering by hand as generated code does. */
    private Linker linker(Engine engine) {
        Linker linker = engine.linker();
        linker.flatFunc("log", "i32 i32 -> ", (cx, args) -> {
            logs.add(cx.liftString(args[0], args[1]));
            return new long[0];
        });
        linker.instance("test:host/api@1.0.0")
                .resource("counter", counter)
                .flatFunc("[constructor]counter", "i32 -> i32", (cx, args) -> {
                    int rep = counters.size() + 100;
                    counters.put(rep, (int) args[0]);
                    return new long[] {cx.lowerOwn(rep, counter.type())};
                })
                .flatFunc("[method]counter.inc", "i32 -> i32", (cx, args) -> {
                    int rep = cx.liftBorrow(args[0], counter.type());
                    counters.merge(rep, 1, Integer::sum);
                    return new long[] {counters.get(rep)};
                })
                .flatFunc("get-name", "i32 -> ", (cx, args) -> {
                    // the result (a string) goes to the caller's return area, the last argument
                    long p = cx.checkPointer(args[0], 4, 8);
                    cx.storeString("wörld ☃", p);
                    return new long[0];
                });
        return linker;
    }

    private static String run(ExportFunction f, GuestContext[] seen, String s) {
        GuestContext cx = f.enter();
        seen[0] = cx;
        try {
            long[] a = new long[2];
            GuestContext.putPair(cx.lowerString(s), a, 0);
            long[] r = f.call(a);
            String v = Integer.toUnsignedString((int) r[0]);
            f.finish(r);
            return v;
        } catch (RuntimeException | StackOverflowError e) {
            throw f.fail(e);
        } finally {
            f.exit();
        }
    }

    private static String greet(ExportFunction f) {
        GuestContext cx = f.enter();
        try {
            long[] r = f.call();
            long p = cx.checkPointer(r[0], 4, 8);
            String v = cx.loadString(p);
            f.finish(r);
            return v;
        } catch (RuntimeException | StackOverflowError e) {
            throw f.fail(e);
        } finally {
            f.exit();
        }
    }

    private static void noResult(ExportFunction f) {
        f.enter();
        try {
            long[] r = f.call();
            f.finish(r);
        } catch (RuntimeException | StackOverflowError e) {
            throw f.fail(e);
        } finally {
            f.exit();
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void typedCallsAndFlatHostFunctions(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance in = linker(engine).instantiate(Wasm.load(engine, "host"));
        ExportFunction run = in.func("run").typed();
        assertEquals("run", run.name());
        GuestContext[] seen = new GuestContext[1];
        assertEquals("12", run(run, seen, "hello"));
        assertEquals(List.of("hello"), logs);
        assertEquals(List.of(100), destroyed, "resource.drop of an owned host handle runs the host destructor");
        assertEquals("wörld ☃", greet(in.func("greet").typed()));
        GuestContext first = seen[0];
        run(run, seen, "again");
        assertTrue(first == seen[0], "a function without borrows reuses its context");
        assertFalse(in.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void trapsPoisonAndNameTheFunction(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance in = linker(engine).instantiate(Wasm.load(engine, "host"));
        Trap t = assertThrows(Trap.class, () -> noResult(in.func("double-drop").typed()));
        assertEquals(Trap.Reason.UNKNOWN_HANDLE, t.reason());
        assertEquals(java.util.Optional.of("host-user"), t.componentName());
        assertEquals(java.util.Optional.of("double-drop"), t.functionName());
        assertTrue(in.isPoisoned());
        Trap again = assertThrows(Trap.class, () -> greet(in.func("greet").typed()));
        assertEquals(Trap.Reason.CANNOT_ENTER, again.reason());

        Instance traps = engine.linker().instantiate(Wasm.load(engine, "traps"));
        Trap core = assertThrows(Trap.class, () -> noResult(traps.func("boom").typed()));
        assertEquals(Trap.Reason.CORE_TRAP, core.reason());
        assertEquals(java.util.Optional.of("boom"), core.functionName());
        assertEquals(java.util.Optional.of("trapper"), core.componentName());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void reentranceTrapsAndLeavesTheOuterCallIntact(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance traps = engine.linker().instantiate(Wasm.load(engine, "traps"));
        ExportFunction ok = traps.func("ok").typed();
        ok.enter();
        try {
            Trap t = assertThrows(Trap.class, ok::enter);
            assertEquals(Trap.Reason.CANNOT_ENTER, t.reason());
            assertTrue(t.getMessage().contains("reentrance"), t.getMessage());
            long[] r = ok.call();
            assertEquals(1, r[0]);
            ok.finish(r);
        } finally {
            ok.exit();
        }
        assertFalse(traps.isPoisoned());
        Instance fresh = engine.linker().instantiate(Wasm.load(engine, "traps"));
        Trap inner = assertThrows(Trap.class, () -> {
            ExportFunction reenter = fresh.func("reenter").typed();
            noResult(reenter);
        });
        assertEquals(Trap.Reason.CANNOT_ENTER, inner.reason());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void badHostArgumentDoesNotPoison(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance in = linker(engine).instantiate(Wasm.load(engine, "host"));
        ExportFunction run = in.func("run").typed();
        GuestContext[] seen = new GuestContext[1];
        assertThrows(IllegalArgumentException.class, () -> run(run, seen, "bad \uD800"));
        assertFalse(in.isPoisoned(), "the core function never ran");
        assertEquals("12", run(run, seen, "hello"));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void flatSignatureMismatchIsALinkError(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Linker linker = linker(engine);
        Linker wrong = engine.linker();
        wrong.flatFunc("log", "i32 -> ", (cx, args) -> new long[0]);
        wrong.instance("test:host/api@1.0.0")
                .resource("counter", counter)
                .flatFunc("[constructor]counter", "i32 -> i32", (cx, args) -> new long[] {0})
                .flatFunc("[method]counter.inc", "i32 -> i32", (cx, args) -> new long[] {0})
                .flatFunc("get-name", "i32 -> ", (cx, args) -> new long[0]);
        LinkException e = assertThrows(LinkException.class, () -> wrong.instantiate(Wasm.load(engine, "host")));
        assertTrue(e.getMessage().contains("i32 i32 -> "), e.getMessage());
        assertFalse(linker.instantiate(Wasm.load(engine, "host")).isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aFunctionWithoutHandlesHasNoResourceTypes(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance in = linker(engine).instantiate(Wasm.load(engine, "host"));
        assertThrows(
                IllegalArgumentException.class, () -> in.func("run").typed().resource(0));
    }

    private static int add(ExportFunction f, int a, int b) {
        f.enter();
        try {
            long[] r = f.call(a & 0xFFFF_FFFFL, b & 0xFFFF_FFFFL);
            int v = (int) r[0];
            f.finish(r);
            return v;
        } catch (RuntimeException | StackOverflowError e) {
            throw f.fail(e);
        } finally {
            f.exit();
        }
    }

    /**
     * A function lifted inside a nested component instance: a call enters that instance and its
     * parent (so that the parent's other functions cannot be entered meanwhile) and leaves both.
     */
    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aNestedInstanceIsEnteredWithItsParentAndLeftAgain(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Linker linker = engine.linker();
        linker.func("base", args -> java.util.Optional.of(dev.wit4j.runtime.value.Value.u32(100)));
        Instance in = linker.instantiate(Wasm.load(engine, "nested"));
        ExportFunction add = in.func("add").typed();
        ExportFunction offset = in.func("offset").typed();
        assertEquals(5, add(add, 2, 3));
        assertEquals(9, add(add, 4, 5)); // both instances were left: the second call enters again
        add.enter();
        try {
            Trap again = assertThrows(Trap.class, add::enter);
            assertEquals(Trap.Reason.CANNOT_ENTER, again.reason());
            Trap parent = assertThrows(Trap.class, offset::enter); // its parent is the outer instance too
            assertEquals(Trap.Reason.CANNOT_ENTER, parent.reason());
        } finally {
            add.exit();
        }
        offset.enter();
        try {
            long[] r = offset.call(7);
            assertEquals(114, r[0]);
            offset.finish(r);
        } finally {
            offset.exit();
        }
        assertEquals(5, add(add, 2, 3));
        assertFalse(in.isPoisoned());
    }
}
