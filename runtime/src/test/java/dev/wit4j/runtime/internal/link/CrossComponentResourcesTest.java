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
import dev.wit4j.runtime.value.Value;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Resources passed between components; component imports; unsupported built-ins. */
class CrossComponentResourcesTest {

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void ownAndBorrowCrossComponents(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance impl = engine.linker().instantiate(Wasm.load(engine, "resources"));
        Linker linker = engine.linker();
        linker.instance("test:res/api", impl);
        Instance user = linker.instantiate(Wasm.load(engine, "res-user"));
        // get = 3, consume = 3 (its drop runs the dtor: 3), the user's own drop runs it again (4)
        assertEquals(Optional.of(Value.u32(3 + 30 + 700)), user.func("run").call());
        assertEquals(Optional.of(Value.u32(7)), impl.func("dropped").call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void usingAHandleAfterGivingItAwayTraps(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance impl = engine.linker().instantiate(Wasm.load(engine, "resources"));
        Linker linker = engine.linker();
        linker.instance("test:res/api", impl);
        Instance user = linker.instantiate(Wasm.load(engine, "res-user"));
        Trap t = assertThrows(Trap.class, () -> user.func("misuse").call());
        assertEquals(Trap.Reason.UNKNOWN_HANDLE, t.reason());
        assertEquals(Optional.of("res-user"), t.componentName());
        assertTrue(user.isPoisoned());
        assertFalse(impl.isPoisoned(), "the trap happened in the caller, not in the resource's implementer");
        assertEquals(Optional.of(Value.u32(1)), impl.func("dropped").call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void componentImportIsInstantiatedByTheImporter(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Linker linker = engine.linker();
        linker.component("math", Wasm.load(engine, "smoke"));
        Instance in = linker.instantiate(Wasm.load(engine, "comp-import"));
        assertEquals(Optional.of(Value.u32(9)), in.func("add").call(Value.u32(4), Value.u32(5)));

        Linker wrong = engine.linker();
        wrong.func("math", args -> Optional.empty());
        LinkException e = assertThrows(LinkException.class, () -> wrong.instantiate(Wasm.load(engine, "comp-import")));
        assertEquals("math", e.importName());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void unsupportedBuiltinsFailClearly(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        LinkException e =
                assertThrows(LinkException.class, () -> engine.linker().instantiate(Wasm.load(engine, "unsupported")));
        assertEquals("not supported yet: stackful async lift (the `async` option without `callback`)", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void functionsOfAnotherResourceAreRefusedBeforeAnyInstance(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance impl = engine.linker().instantiate(Wasm.load(engine, "resources"));
        Linker linker = engine.linker();
        // the type is the host's, the functions take and give the component's `thing`
        linker.instance("test:res/api")
                .resource("thing", HostResource.create("thing"))
                .func("[constructor]thing", impl.func("[constructor]thing"))
                .func("[method]thing.get", impl.func("[method]thing.get"))
                .func("[static]thing.consume", impl.func("[static]thing.consume"))
                .func("dropped", impl.func("dropped"));
        LinkException e = assertThrows(LinkException.class, () -> linker.instantiatePre(Wasm.load(engine, "res-user")));
        assertEquals("test:res/api#[constructor]thing", e.importName());
        assertEquals(
                "function type mismatch: result: mismatched resource types: expected the host's resource `thing`,"
                        + " found resource `thing` of instance `resources`",
                e.getMessage().substring(e.getMessage().indexOf(": ") + 2));

        Linker right = engine.linker();
        right.instance("test:res/api", impl);
        right.instantiatePre(Wasm.load(engine, "res-user")); // the component's own type and functions
    }
}
