package dev.wit4j.runtime.internal.engine;

import static dev.wit4j.runtime.internal.engine.split.WasmEncoding.u32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tiny modules that declare 2<sup>31</sup> of something are malformed, and are refused before any
 * of it is allocated (each once cost a gigabyte of heap or an {@code OutOfMemoryError}); in the
 * name section, whose errors must not invalidate a module, the section is ignored instead.
 */
class ModuleBoundsTest {

    private static final int[] HUGE = {0x80, 0x80, 0x80, 0x80, 0x08}; // 2^31 as a LEB128 u32

    /** One kind of oversized declaration each: the section id and its content. */
    enum Oversized {
        FUNCTION_TYPE_PARAMETERS(1, bytes(0x01, 0x60), HUGE, bytes(0x00)),
        FUNCTION_TYPE_RESULTS(1, bytes(0x01, 0x60, 0x00), HUGE),
        IMPORT_MODULE_NAME(2, bytes(0x01), HUGE),
        IMPORT_FIELD_NAME(2, bytes(0x01, 0x01, 'm'), HUGE),
        EXPORT_NAME(7, bytes(0x01), HUGE),
        FUNCTION_COUNT(3, HUGE),
        ELEMENT_SEGMENT_ITEMS(9, bytes(0x01, 0x00, 0x41, 0x00, 0x0B), HUGE),
        DATA_SEGMENT_BYTES(11, bytes(0x01, 0x01), HUGE),
        LOCALS(10, bytes(0x01, 0x08, 0x01), HUGE, bytes(0x7F, 0x0B)),
        NAME_SECTION_FUNCTION_NAME(0, wasmName("name"), bytes(0x01, 0x08, 0x01, 0x00), HUGE, bytes(0x00)),
        NAME_SECTION_LOCAL_NAME(0, wasmName("name"), bytes(0x02, 0x09, 0x01, 0x00, 0x01, 0x00), HUGE);

        final int section;
        final byte[] content;

        Oversized(int section, Object... parts) {
            this.section = section;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Object part : parts) {
                for (int b : (int[]) part) out.write(b);
            }
            this.content = out.toByteArray();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Oversized.class, names = "NAME_SECTION_.*", mode = EnumSource.Mode.MATCH_NONE)
    void anOversizedDeclarationIsMalformedAndCostsNothing(Oversized kind) {
        byte[] module = module(kind.section, kind.content);
        CoreModuleException e = assertThrows(CoreModuleException.class, () -> CoreModule.parse(module, 100));
        assertTrue(e.malformed(), e.getMessage());
        assertTrue(
                e.getMessage().contains("out of bounds") || e.getMessage().contains("too many locals"), e.getMessage());
        assertTrue(e.offset() > 100 && e.offset() < 100 + module.length, "offset " + e.offset());
    }

    /** A custom section's contents do not make a module malformed (core spec, Custom Sections). */
    @ParameterizedTest
    @EnumSource(value = Oversized.class, names = "NAME_SECTION_.*", mode = EnumSource.Mode.MATCH_ALL)
    void anOversizedNameSectionIsIgnoredAndCostsNothing(Oversized kind) {
        byte[] module = module(kind.section, kind.content);
        assertTrue(CoreModule.parse(module, 100).exports().isEmpty());
    }

    @Test
    void aSectionLongerThanTheModuleIsMalformed() {
        byte[] module = module(0, bytes());
        byte[] lying = new byte[module.length + 5];
        System.arraycopy(module, 0, lying, 0, 8);
        lying[8] = 0;
        for (int i = 0; i < HUGE.length; i++) lying[9 + i] = (byte) HUGE[i];
        CoreModuleException e = assertThrows(CoreModuleException.class, () -> CoreModule.parse(lying, 0));
        assertTrue(e.getMessage().contains("section size out of bounds"), e.getMessage());
        assertEquals(9, e.offset());
    }

    @Test
    void localsBeyondTheLimitAreRefusedAndWithinItAccepted() {
        // (type (func)) (func (local i32 × n)) in groups of 25,000
        assertTrue(CoreModule.parse(withLocals(2), 0).exports().isEmpty());
        CoreModuleException e = assertThrows(CoreModuleException.class, () -> CoreModule.parse(withLocals(3), 0));
        assertTrue(e.getMessage().contains("too many locals"), e.getMessage());
    }

    @Test
    void unknownCustomSectionsAndNameSubsectionsAreLeftAlone() {
        // a name section with an unknown subsection (id 4, whose content is not a name map) and a
        // custom section of another name with arbitrary bytes
        byte[] names = concat(wasmName("name"), bytes(0x04, 0x03, 0xFF, 0xFF, 0xFF));
        byte[] other = concat(wasmName("other"), HUGE);
        byte[] module = concat(module(0, names), section(0, other));
        assertTrue(CoreModule.parse(module, 0).imports().isEmpty());
    }

    private static byte[] withLocals(int groups) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(groups);
        for (int g = 0; g < groups; g++) {
            body.writeBytes(u32(25_000));
            body.write(0x7F);
        }
        body.write(0x0B);
        byte[] code = concat(bytes(0x01), u32(body.size()), body.toByteArray());
        return concat(module(1, bytes(0x01, 0x60, 0x00, 0x00)), section(3, bytes(0x01, 0x00)), section(10, code));
    }

    private static byte[] module(int id, Object content) {
        return concat(bytes(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00), section(id, content));
    }

    private static byte[] section(int id, Object content) {
        byte[] bytes = concat(content);
        return concat(bytes(id), u32(bytes.length), bytes);
    }

    private static int[] wasmName(String s) {
        int[] out = new int[s.length() + 1];
        out[0] = s.length();
        for (int i = 0; i < s.length(); i++) out[i + 1] = s.charAt(i);
        return out;
    }

    private static int[] bytes(int... values) {
        return values;
    }

    private static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof byte[] b) out.writeBytes(b);
            else for (int b : (int[]) part) out.write(b);
        }
        return out.toByteArray();
    }
}
