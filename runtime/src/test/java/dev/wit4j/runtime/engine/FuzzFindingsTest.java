package dev.wit4j.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.WasmFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Inputs the binary fuzzer found that escaped as untyped exceptions, each now a
 * {@link CoreModuleException}: indices the core engine's validation leaves unchecked, an overlong
 * section size, and a parser assertion of the core engine (raised when assertions are on, as here).
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
        CoreModuleException e = assertThrows(CoreModuleException.class,
                () -> CoreModule.parse(module(0x07, 0x05, 0x01, 0x01, 'f', 0x00, 0x0B), 0));
        assertTrue(e.getMessage().contains("unknown function 11 in the export `f`"), e.getMessage());
    }

    @Test
    void anImportOfAnUnknownType() {
        // (import "m" "f" (func (type 100))) without a type section
        CoreModuleException e = assertThrows(CoreModuleException.class,
                () -> CoreModule.parse(module(0x02, 0x07, 0x01, 0x01, 'm', 0x01, 'f', 0x00, 0x64), 0));
        assertTrue(e.getMessage().contains("unknown type 100"), e.getMessage());
    }

    @Test
    void anOverlongSectionSize() {
        assertThrows(CoreModuleException.class,
                () -> CoreModule.parse(module(0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00), 0));
    }

    @Test
    void aParserAssertionOfTheCoreEngine() throws IOException {
        byte[] component = Files.readAllBytes(Path.of("src", "test", "resources", "fuzz", "engine-assertion.wasm"));
        WasmFormatException e = assertThrows(WasmFormatException.class, () -> Engine.create().load(component));
        assertTrue(e.getMessage().contains("core module"), e.getMessage());
    }
}
