package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.HostResource;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.InstancePre;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Host functions, interface instances and host resources (own, borrow, destructor). */
class HostImportsTest {

    private final List<String> logs = new ArrayList<>();
    private final Map<Integer, Integer> counters = new HashMap<>();
    private final List<Integer> destroyed = new ArrayList<>();
    private final HostResource counter = HostResource.create("counter", destroyed::add);

    private Linker linker(Engine engine, String version) {
        Linker linker = engine.linker();
        linker.func("log", args -> {
            logs.add(((Value.Str) args.get(0)).value());
            return Optional.empty();
        });
        linker.instance("test:host/api@" + version)
                .resource("counter", counter)
                .func("[constructor]counter", args -> {
                    int rep = counters.size() + 100;
                    counters.put(rep, (int) ((Value.U32) args.get(0)).unsignedValue());
                    return Optional.of(counter.own(rep));
                })
                .func("[method]counter.inc", args -> {
                    assertTrue(args.get(0) instanceof Value.Borrow);
                    assertTrue(counter.isHandle(args.get(0)));
                    int rep = HostResource.rep(args.get(0));
                    counters.merge(rep, 1, Integer::sum);
                    return Optional.of(Value.u32(counters.get(rep)));
                })
                .func("get-name", args -> Optional.of(Value.string("wörld ☃")));
        return linker;
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void callsHostFunctionsWithResources(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance in = linker(engine, "1.0.0").instantiate(Wasm.load(engine, "host"));
        assertEquals(Optional.of(Value.u32(12)), in.func("run").call(Value.string("hello")));
        assertEquals(List.of("hello"), logs);
        assertEquals(List.of(100), destroyed, "resource.drop of an owned host handle runs the host destructor");
        assertEquals(Optional.of(Value.string("wörld ☃")), in.func("greet").call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void instancePreIsReusable(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        InstancePre pre = linker(engine, "1.0.0").instantiatePre(Wasm.load(engine, "host"));
        Instance a = pre.instantiate();
        Instance b = pre.instantiate();
        a.func("run").call(Value.string("a"));
        b.func("run").call(Value.string("b"));
        assertEquals(List.of("a", "b"), logs);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void doubleDropTrapsAndPoisons(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Linker linker = linker(engine, "1.0.0");
        Component c = Wasm.load(engine, "host");
        Instance in = linker.instantiate(c);
        Trap t = assertThrows(Trap.class, () -> in.func("double-drop").call());
        assertEquals(Trap.Reason.UNKNOWN_HANDLE, t.reason());
        assertEquals(Optional.of("host-user"), t.componentName());
        assertEquals(Optional.of("double-drop"), t.functionName());
        assertTrue(in.isPoisoned());
        Trap again = assertThrows(Trap.class, () -> in.func("greet").call());
        assertEquals(Trap.Reason.CANNOT_ENTER, again.reason());
        assertTrue(again.getMessage().contains("cannot enter component instance"), again.getMessage());
        Instance other = linker.instantiate(c);
        assertFalse(other.isPoisoned());
        assertEquals(Optional.of(Value.string("wörld ☃")), other.func("greet").call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void semverCompatibleInterfaceSatisfiesImport(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance in = linker(engine, "1.4.2").instantiate(Wasm.load(engine, "host"));
        assertEquals(Optional.of(Value.u32(12)), in.func("run").call(Value.string("x")));

        Component versioned = Wasm.load(engine, "versioned");
        Linker ok = engine.linker();
        ok.instance("test:ver/api@0.2.12").func("answer", args -> Optional.of(Value.u32(41)));
        ok.instance("test:ver/api@0.2.11").func("answer", args -> Optional.of(Value.u32(0)));
        assertEquals(
                Optional.of(Value.u32(42)),
                ok.instantiate(versioned).func("run").call(),
                "the highest compatible version wins");

        Linker incompatible = engine.linker();
        incompatible.instance("test:ver/api@0.3.0").func("answer", args -> Optional.of(Value.u32(41)));
        LinkException e = assertThrows(LinkException.class, () -> incompatible.instantiate(versioned));
        assertEquals("test:ver/api@0.2.10", e.importName());
        assertTrue(e.getMessage().contains("test:ver/api@0.3.0"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void linkErrorsNameTheImport(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Component c = Wasm.load(engine, "host");
        Linker missing = engine.linker();
        missing.func("log", args -> Optional.empty());
        LinkException e1 = assertThrows(LinkException.class, () -> missing.instantiatePre(c));
        assertEquals("test:host/api@1.0.0", e1.importName());

        Linker wrongKind = linker(engine, "1.0.0");
        Linker noLog = engine.linker();
        noLog.instance("log");
        LinkException e2 = assertThrows(LinkException.class, () -> {
            Linker l = engine.linker();
            l.instance("log").func("x", args -> Optional.empty());
            l.instance("test:host/api@1.0.0", wrongKind.instantiate(Wasm.load(engine, "smoke")));
            l.instantiatePre(c);
        });
        assertTrue(e2.getMessage().contains("expected a function, found a instance"), e2.getMessage());

        Linker noResource = engine.linker();
        noResource.func("log", args -> Optional.empty());
        noResource.instance("test:host/api@1.0.0").func("counter", args -> Optional.empty());
        LinkException e3 = assertThrows(LinkException.class, () -> noResource.instantiatePre(c));
        assertEquals("test:host/api@1.0.0#counter", e3.importName());
    }
}
