package dev.wit4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Inputs the binary fuzzer found that escaped as untyped exceptions, each now a
 * {@link CoreModuleException}: indices the core engine's validation leaves unchecked, an overlong
 * section size, and a parser assertion of the core engine (raised when assertions are on, as here).
 * And what the validator differential against wasm-tools and V8 found: a body that leaves a block
 * open was accepted, a malformed name section was refused.
 */
class FuzzFindingsTest {

    private static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

    private static byte[] module(int... sections) {
        byte[] out = new byte[HEADER.length + sections.length];
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        for (int i = 0; i < sections.length; i++) {
            out[HEADER.length + i] = (byte) sections[i];
        }
        return out;
    }

    @Test
    void anExportOfAnUnknownFunction() {
        // (export "f" (func 11)) in a module without functions
        CoreModuleException e = assertThrows(
                CoreModuleException.class, () -> CoreModule.parse(module(0x07, 0x05, 0x01, 0x01, 'f', 0x00, 0x0B), 0));
        assertTrue(e.getMessage().contains("unknown function 11 in the export `f`"), e.getMessage());
    }

    @Test
    void anImportOfAnUnknownType() {
        // (import "m" "f" (func (type 100))) without a type section
        CoreModuleException e = assertThrows(
                CoreModuleException.class,
                () -> CoreModule.parse(module(0x02, 0x07, 0x01, 0x01, 'm', 0x01, 'f', 0x00, 0x64), 0));
        assertTrue(e.getMessage().contains("unknown type 100"), e.getMessage());
    }

    @Test
    void anOverlongSectionSize() {
        assertThrows(
                CoreModuleException.class, () -> CoreModule.parse(module(0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00), 0));
    }

    @Test
    void aParserAssertionOfTheCoreEngine() throws IOException {
        byte[] component = Files.readAllBytes(Path.of("src", "test", "resources", "fuzz", "engine-assertion.wasm"));
        WasmFormatException e =
                assertThrows(WasmFormatException.class, () -> Engine.create().load(component));
        assertTrue(e.getMessage().contains("core module"), e.getMessage());
    }

    @Test
    void aBodyThatLeavesABlockOpen() {
        // (func) whose body is `block end`: the function's own end is missing
        CoreModuleException e = assertThrows(
                CoreModuleException.class,
                () -> CoreModule.parse(
                        module(
                                0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x0A, 0x06, 0x01, 0x04,
                                0x00, 0x02, 0x40, 0x0B),
                        0));
        assertTrue(
                e.getMessage().contains("unexpected end of the function body: its end is missing in function 0"),
                e.getMessage());
        assertTrue(e.malformed());
        // closed, it is a module
        CoreModule.parse(
                module(
                        0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x0A, 0x07, 0x01, 0x05, 0x00, 0x02,
                        0x40, 0x0B, 0x0B),
                0);
    }

    @Test
    void aMalformedNameSectionIsIgnored() {
        // "errors in [a custom section's] data must not invalidate the module": function names
        // whose count promises more than there is, and a name that is not UTF-8
        byte[] countPastTheEnd = module(0x00, 0x08, 0x04, 'n', 'a', 'm', 'e', 0x01, 0x01, 0x7F);
        byte[] notUtf8 = module(0x00, 0x0B, 0x04, 'n', 'a', 'm', 'e', 0x01, 0x04, 0x01, 0x00, 0x01, 0xFF);
        byte[] fine = module(0x00, 0x0B, 0x04, 'n', 'a', 'm', 'e', 0x01, 0x04, 0x01, 0x00, 0x01, 'f');
        for (byte[] bytes : new byte[][] {countPastTheEnd, notUtf8, fine}) {
            CoreModuleInstance.instantiate(
                    CoreModule.parse(bytes, 0), (m, n) -> java.util.Optional.empty(), ExecutionMode.INTERPRETED);
        }
        // the section is renamed in the engine's copy only when it is malformed
        byte[] copy = fine.clone();
        ModuleBounds.check(copy);
        org.junit.jupiter.api.Assertions.assertArrayEquals(fine, copy);
        copy = notUtf8.clone();
        ModuleBounds.check(copy);
        assertTrue(new String(copy, java.nio.charset.StandardCharsets.ISO_8859_1).contains(ModuleBounds.IGNORED_NAME));
    }

    @Test
    void aTagAttributeOtherThanZero() {
        // (type (func)) (tag (type 0)) with the attribute byte 1
        CoreModuleException e = assertThrows(
                CoreModuleException.class,
                () -> CoreModule.parse(module(0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x0D, 0x03, 0x01, 0x01, 0x00), 0));
        assertTrue(e.getMessage().contains("invalid tag attribute 1"), e.getMessage());
        CoreModule.parse(module(0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x0D, 0x03, 0x01, 0x00, 0x00), 0);
    }

    @Test
    void aSharedTableImport() {
        // (import "m" "t" (table 1 2 shared funcref)): flags 0x03, which the core engine's import
        // parser reads as a shared table though it implements no shared tables
        CoreModuleException e = assertThrows(
                CoreModuleException.class,
                () -> CoreModule.parse(
                        module(0x02, 0x0A, 0x01, 0x01, 'm', 0x01, 't', 0x01, 0x70, 0x03, 0x01, 0x02), 0));
        assertTrue(e.getMessage().contains("shared tables"), e.getMessage());
        CoreModule.parse(module(0x02, 0x0A, 0x01, 0x01, 'm', 0x01, 't', 0x01, 0x70, 0x01, 0x01, 0x02), 0);
    }

    @Test
    void aBodyWithoutItsEnd() {
        // (type (func)) (func) whose body holds only its locals: the `end` after it, still inside the
        // code section, belongs to no body (the core engine read it as the body's)
        CoreModuleException e = assertThrows(
                CoreModuleException.class,
                () -> CoreModule.parse(
                        module(
                                0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x0A, 0x04, 0x01, 0x01,
                                0x00, 0x0B),
                        0));
        assertTrue(e.getMessage().contains("must end with the `end` opcode"), e.getMessage());
        CoreModule.parse(
                module(0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x0A, 0x04, 0x01, 0x02, 0x00, 0x0B),
                0);
    }
}
