package dev.wit4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.core.CoreExternType;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreValType;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CoreDeclarations} reads a plain module's imports and exports as the validated module
 * describes them, and gives up on what is unusual, so that the core engine's parser reads it and
 * its errors are the ones reported.
 */
class CoreDeclarationsTest {

    private static final int I32 = 0x7F, I64 = 0x7E, F64 = 0x7C, FUNCREF = 0x70;

    /** (type (func (param i32 i64) (result f64))), (type (func)). */
    private static final int[] TYPES = {0x02, 0x60, 0x02, I32, I64, 0x01, F64, 0x60, 0x00, 0x00};

    /** One import of each kind: "m" "f" func 0; "m" "t" table funcref 1..; "m" "mem" memory 1 2; "m" "g" global mut i32. */
    private static final int[] IMPORTS = {
        0x04, 0x01, 'm', 0x01, 'f', 0x00, 0x00, 0x01, 'm', 0x01, 't', 0x01, FUNCREF, 0x00, 0x01, 0x01, 'm', 0x03, 'm',
        'e', 'm', 0x02, 0x01, 0x01, 0x02, 0x01, 'm', 0x01, 'g', 0x03, I32, 0x01
    };

    private static byte[] plain(int[] exports) {
        return module(
                section(1, TYPES),
                section(2, IMPORTS),
                section(3, 0x01, 0x01), // one function of type 1
                section(6, 0x01, I64, 0x00, 0x42, 0x07, 0x0B), // (global i64 (i64.const 7))
                section(7, exports),
                section(10, 0x01, 0x02, 0x00, 0x0B)); // its body: no locals, end
    }

    /** Exports "run" (function 1), "tab" (table 0), "mem" (memory 0), "g" (global 1). */
    private static final int[] EXPORTS = {
        0x04, 0x03, 'r', 'u', 'n', 0x00, 0x01, 0x03, 't', 'a', 'b', 0x01, 0x00, 0x03, 'm', 'e', 'm', 0x02, 0x00, 0x01,
        'g', 0x03, 0x01
    };

    @Test
    void aPlainModuleIsDescribedAsTheValidatedModuleIs() {
        byte[] bytes = plain(EXPORTS);
        CoreDeclarations.Read read = CoreDeclarations.read(bytes);
        assertNotNull(read);
        CoreModule whole = CoreModule.parse(bytes, 0);
        assertEquals(whole.imports(), read.imports());
        assertEquals(whole.exports(), read.exports());
        assertEquals(4, read.exports().size());
        assertEquals(
                new CoreExternType.Func(new CoreFuncType(List.of(), List.of())),
                read.exports().get(0).type());
        assertEquals(
                new CoreExternType.Memory(1, 2, false, false),
                read.exports().get(2).type());
        assertEquals(
                new CoreExternType.Global(CoreValType.I64, false),
                read.exports().get(3).type());
        CoreModule declared = CoreModule.parseDeclarations(bytes, 0);
        assertEquals(whole.imports(), declared.imports());
        assertEquals(whole.exports(), declared.exports());
    }

    @Test
    void aDuplicateExportIsLeftToTheEngineAndRefusedAsBefore() {
        int[] twice = {0x02, 0x01, 'a', 0x00, 0x00, 0x01, 'a', 0x00, 0x01};
        byte[] bytes = plain(twice);
        assertNull(CoreDeclarations.read(bytes));
        CoreModuleException e = assertThrows(CoreModuleException.class, () -> CoreModule.parseDeclarations(bytes, 0));
        assertTrue(e.getMessage().contains("duplicate export name `a`"), e.getMessage());
    }

    @Test
    void anExportOfAnUnknownFunctionIsLeftToTheEngineAndRefusedAsBefore() {
        byte[] bytes = plain(new int[] {0x01, 0x01, 'a', 0x00, 0x05});
        assertNull(CoreDeclarations.read(bytes));
        CoreModuleException e = assertThrows(CoreModuleException.class, () -> CoreModule.parseDeclarations(bytes, 0));
        assertTrue(e.getMessage().contains("unknown function 5 in the export `a`"), e.getMessage());
    }

    @Test
    void whatIsUnusualIsLeftToTheEngine() {
        // a 64-bit memory
        assertNull(CoreDeclarations.read(module(section(5, 0x01, 0x04, 0x01))));
        // a recursion group of types
        assertNull(CoreDeclarations.read(module(section(1, 0x01, 0x4E, 0x01, 0x60, 0x00, 0x00))));
        // sections out of order, and one repeated
        assertNull(CoreDeclarations.read(module(section(3, 0x00), section(1, 0x00))));
        assertNull(CoreDeclarations.read(module(section(1, 0x00), section(1, 0x00))));
        // a section longer than its contents
        assertNull(CoreDeclarations.read(module(section(1, 0x00, 0x00))));
        // a function without a body
        assertNull(CoreDeclarations.read(module(section(1, 0x01, 0x60, 0x00, 0x00), section(3, 0x01, 0x00))));
        // a name that is not UTF-8
        assertNull(CoreDeclarations.read(module(section(7, 0x01, 0x01, 0xFF, 0x00, 0x00))));
        // a memory larger than its maximum
        assertNull(CoreDeclarations.read(module(section(5, 0x01, 0x01, 0x03, 0x02))));
    }

    @Test
    void anEmptyModuleHasNoDeclarations() {
        CoreDeclarations.Read read = CoreDeclarations.read(module());
        assertNotNull(read);
        assertEquals(List.of(), read.imports());
        assertEquals(List.of(), read.exports());
    }

    private static int[] section(int id, int... content) {
        int[] out = new int[content.length + 2];
        out[0] = id;
        out[1] = content.length; // every section here is shorter than 128 bytes
        System.arraycopy(content, 0, out, 2, content.length);
        return out;
    }

    private static byte[] module(int[]... sections) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00});
        for (int[] s : sections) for (int b : s) out.write(b);
        return out.toByteArray();
    }
}
