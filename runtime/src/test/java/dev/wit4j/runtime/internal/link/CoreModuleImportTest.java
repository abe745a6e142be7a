package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.value.Value;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A component importing a core module of a declared module type ({@code module-import.wat}), with
 * modules defined through {@link Linker#module}: subtyping per Explainer.md "Type Checking".
 */
class CoreModuleImportTest {

    private static Linker linkerWith(Engine engine, String module) {
        return engine.linker().module("m", Wasm.bytes(module));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void matchingModuleIsInstantiated(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance instance = linkerWith(engine, "module-good").instantiate(Wasm.load(engine, "module-import"));
        assertEquals(Optional.of(Value.u32(42)), instance.func("get").call());
    }

    @Test
    void fewerImportsThanDeclaredAreAllowed() {
        Engine engine = Wasm.engine(ExecutionMode.INTERPRETED);
        Instance instance = linkerWith(engine, "module-no-import").instantiate(Wasm.load(engine, "module-import"));
        assertEquals(Optional.of(Value.u32(7)), instance.func("get").call());
    }

    @Test
    void missingExportIsReported() {
        assertUnlinkable("module-no-import-or-export", "module export `get` not defined");
    }

    @Test
    void exportOfWrongKindIsReported() {
        assertUnlinkable("module-bad-export", "module export `get` has the wrong type: expected func found global");
    }

    @Test
    void exportOfWrongFunctionTypeIsReported() {
        assertUnlinkable(
                "module-bad-export-type",
                "module export `get` has the wrong type: "
                        + "expected type `(func (result i32))`, found type `(func (param i32) (result i32))`");
    }

    @Test
    void undeclaredImportIsReported() {
        assertUnlinkable("module-extra-import", "module import `env::other` not defined");
    }

    @Test
    void importOfWrongTypeIsReported() {
        assertUnlinkable(
                "module-bad-import-type",
                "module import `env::base` has the wrong type: "
                        + "expected type `(global (mut i32))`, found type `(global i32)`");
    }

    @Test
    void moduleIsDefinedOnceByName() {
        Linker linker = Wasm.engine(ExecutionMode.INTERPRETED).linker().module("m", Wasm.bytes("module-good"));
        assertThrows(IllegalArgumentException.class, () -> linker.module("m", Wasm.bytes("module-good")));
    }

    private static void assertUnlinkable(String module, String reason) {
        Engine engine = Wasm.engine(ExecutionMode.INTERPRETED);
        byte[] bytes = module.equals("module-no-import-or-export") ? EMPTY_MODULE : Wasm.bytes(module);
        Linker linker = engine.linker().module("m", bytes);
        LinkException e =
                assertThrows(LinkException.class, () -> linker.instantiatePre(Wasm.load(engine, "module-import")));
        assertEquals("m", e.importName());
        assertTrue(e.getMessage().endsWith(reason), e.getMessage());
    }

    /** {@code (module)}. */
    private static final byte[] EMPTY_MODULE = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
}
