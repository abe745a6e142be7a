package dev.wit4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.binary.Component;
import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.binary.Section;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreValType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CoreModuleInstanceTest {

    /** {@code (module (func (export "boom") unreachable))} */
    private static final byte[] BOOM = bytes(
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
            0x07, 0x08, 0x01, 0x04, 'b', 'o', 'o', 'm', 0x00, 0x00, 0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b);

    /** {@code (module (import "host" "twice" (func (param i32) (result i32))) (func (export "f") (param i32) (result i32) local.get 0 call 0))} */
    private static final byte[] CALLS_HOST = bytes(
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f, 0x02, 0x0e,
            0x01, 0x04, 'h', 'o', 's', 't', 0x05, 't', 'w', 'i', 'c', 'e', 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x07,
            0x05, 0x01, 0x01, 'f', 0x00, 0x01, 0x0a, 0x08, 0x01, 0x06, 0x00, 0x20, 0x00, 0x10, 0x00, 0x0b);

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void callsAnExportOfTheExampleComponentsModule(ExecutionMode mode) throws IOException {
        Component calc =
                ComponentDecoder.decodeComponent(Files.readAllBytes(Paths.get("../examples/components/calc.wasm")));
        byte[] module = calc.sections(Section.ModuleSection.class)
                .get(0)
                .module()
                .bytes()
                .toByteArray();
        CoreModuleInstance instance =
                CoreModuleInstance.instantiate(CoreModule.parse(module, 0), (m, n) -> Optional.empty(), mode);

        CoreFunction add = (CoreFunction) instance.export("add").orElseThrow();
        assertArrayEquals(new long[] {5}, add.call(2, 3));
        assertEquals(new CoreFuncType(List.of(CoreValType.I32, CoreValType.I32), List.of(CoreValType.I32)), add.type());

        CoreMemory memory = (CoreMemory) instance.export("memory").orElseThrow();
        assertEquals(CoreMemory.PAGE_SIZE, memory.byteSize());
        assertEquals("Hello, !", new String(memory.read(16, 8), StandardCharsets.UTF_8));
        memory.writeInt(100, 0xCAFEBABE);
        assertEquals(0xCAFEBABE, memory.readInt(100));
        CoreTrapException outOfBounds =
                assertThrows(CoreTrapException.class, () -> memory.readInt(CoreMemory.PAGE_SIZE - 2));
        assertTrue(outOfBounds.getMessage().contains("out of bounds"), outOfBounds.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void unreachableIsATrap(ExecutionMode mode) {
        CoreModuleInstance instance =
                CoreModuleInstance.instantiate(CoreModule.parse(BOOM, 0), (m, n) -> Optional.empty(), mode);
        CoreFunction boom = (CoreFunction) instance.export("boom").orElseThrow();
        CoreTrapException trap = assertThrows(CoreTrapException.class, boom::call);
        assertTrue(trap.getMessage().contains("unreachable"), trap.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void hostFunctionsAreCalledAndTheirExceptionsPassThrough(ExecutionMode mode) {
        CoreFuncType i32ToI32 = new CoreFuncType(List.of(CoreValType.I32), List.of(CoreValType.I32));
        CoreFunction twice = CoreFunction.host(i32ToI32, args -> new long[] {args[0] * 2});
        CoreModule module = CoreModule.parse(CALLS_HOST, 0);
        CoreModuleInstance instance =
                CoreModuleInstance.instantiate(module, imports(Map.of("host/twice", twice)), mode);
        assertArrayEquals(new long[] {42}, ((CoreFunction) instance.export("f").orElseThrow()).call(21));

        IllegalArgumentException hostFailure = new IllegalArgumentException("from the host");
        CoreFunction failing = CoreFunction.host(i32ToI32, args -> {
            throw hostFailure;
        });
        CoreModuleInstance failingInstance =
                CoreModuleInstance.instantiate(module, imports(Map.of("host/twice", failing)), mode);
        CoreFunction f = (CoreFunction) failingInstance.export("f").orElseThrow();
        assertSame(hostFailure, assertThrows(IllegalArgumentException.class, () -> f.call(1)));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void importsAreCheckedBeforeInstantiation(ExecutionMode mode) {
        CoreModule module = CoreModule.parse(CALLS_HOST, 0);
        CoreLinkException missing = assertThrows(
                CoreLinkException.class,
                () -> CoreModuleInstance.instantiate(module, (m, n) -> Optional.empty(), mode));
        assertEquals("missing core import `host` `twice`", missing.getMessage());

        CoreFunction wrongType = CoreFunction.host(new CoreFuncType(List.of(), List.of()), args -> null);
        CoreLinkException mismatch = assertThrows(
                CoreLinkException.class,
                () -> CoreModuleInstance.instantiate(module, imports(Map.of("host/twice", wrongType)), mode));
        assertTrue(mismatch.getMessage().contains("has type [] -> [], expected [i32] -> [i32]"), mismatch.getMessage());
    }

    private static CoreModuleInstance.Imports imports(Map<String, CoreExtern> byPath) {
        return (module, name) -> Optional.ofNullable(byPath.get(module + "/" + name));
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** {@code (table 1 funcref)}, {@code grow} adds 10 entries, {@code size} is the table's size. */
    private static final byte[] GROWING_TABLE = {
        0x00,
        0x61,
        0x73,
        0x6d,
        0x01,
        0x00,
        0x00,
        0x00,
        0x01,
        0x05,
        0x01,
        0x60,
        0x00,
        0x01,
        0x7f,
        0x03,
        0x03,
        0x02,
        0x00,
        0x00,
        0x04,
        0x04,
        0x01,
        0x70,
        0x00,
        0x01,
        0x07,
        0x0f,
        0x02,
        0x04,
        'g',
        'r',
        'o',
        'w',
        0x00,
        0x00,
        0x04,
        's',
        'i',
        'z',
        'e',
        0x00,
        0x01,
        0x0a,
        0x11,
        0x02,
        0x09,
        0x00,
        (byte) 0xd0,
        0x70,
        0x41,
        0x0a,
        (byte) 0xfc,
        0x0f,
        0x00,
        0x0b,
        0x05,
        0x00,
        (byte) 0xfc,
        0x10,
        0x00,
        0x0b
    };

    /** One instance growing its table leaves every other instance's table, later ones too, as declared. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(ExecutionMode.class)
    void instancesDoNotShareTableSizes(ExecutionMode mode) {
        CoreModule module = CoreModule.parse(GROWING_TABLE, 0);
        CoreModuleInstance a = CoreModuleInstance.instantiate(module, (m, n) -> java.util.Optional.empty(), mode);
        CoreFunction grow = (CoreFunction) a.export("grow").orElseThrow();
        CoreFunction sizeA = (CoreFunction) a.export("size").orElseThrow();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {1}, grow.call());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {11}, grow.call());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {21}, sizeA.call());
        CoreModuleInstance b = CoreModuleInstance.instantiate(module, (m, n) -> java.util.Optional.empty(), mode);
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                new long[] {1},
                ((CoreFunction) b.export("size").orElseThrow()).call(),
                "a later instance starts from the declared size");
        org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {21}, sizeA.call());
    }
}
