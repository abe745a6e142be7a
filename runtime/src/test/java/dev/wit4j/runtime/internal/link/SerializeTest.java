package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.binary.Section;
import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A component serialized by one engine (compiled ahead of time) and deserialized by another runs
 * as the original does, from compiled code alone: the serialized form holds no wasm code.
 */
class SerializeTest {

    private static Component roundTrip(String name) {
        Engine build = Engine.builder().executionMode(ExecutionMode.COMPILED).build();
        byte[] serialized = build.load(Wasm.bytes(name)).serialize();
        return Engine.builder().executionMode(ExecutionMode.INTERPRETED).build().deserialize(serialized);
    }

    /**
     * Classes written apart, as a build writes them into the application: each module's in its own
     * package, loaded by the class loader given to deserialize; without one the bytes are refused.
     */
    @Test
    void classesWrittenApartAreLoadedByTheGivenClassLoader() {
        Engine build = Engine.builder().executionMode(ExecutionMode.COMPILED).build();
        java.util.Map<String, byte[]> classes = new java.util.HashMap<>();
        byte[] serialized = build.load(Wasm.bytes("nested")).serialize("com.acme.nested_wasm", classes::put);
        assertTrue(classes.size() >= 2, classes.keySet().toString());
        java.util.Set<String> packages = new java.util.HashSet<>();
        for (String name : classes.keySet()) {
            assertTrue(name.startsWith("com.acme.nested_wasm.m"), name);
            packages.add(name.substring(0, name.lastIndexOf('.')));
        }
        assertTrue(packages.size() >= 2, "a package per module: " + packages);
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = classes.get(name);
                if (b == null) throw new ClassNotFoundException(name);
                return defineClass(name, b, 0, b.length);
            }
        };
        Engine run = Engine.builder().executionMode(ExecutionMode.INTERPRETED).build();
        Component nested = run.deserialize(new java.io.ByteArrayInputStream(serialized), loader);
        Linker linker = run.linker();
        linker.func("base", args -> Optional.of(Value.u32(100)));
        Instance in = linker.instantiate(nested);
        assertEquals(Optional.of(Value.u32(114)), in.func("offset").call(Value.u32(7)));
        assertEquals(
                Optional.of(Value.u32(102)),
                in.exportedInstance("second").func("offset").call(Value.u32(1)));

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> run.linker().func("base", args -> Optional.empty()).instantiate(run.deserialize(serialized)));
        assertTrue(e.getMessage().contains("classes are on the class path"), e.getMessage());
    }

    @Test
    void aDeserializedComponentRunsItsCompiledCode() {
        Instance in = roundTrip("threads")
                .engine()
                .linker()
                .func("pause", args -> Optional.empty())
                .instantiate(roundTrip("threads"));
        assertEquals(Optional.of(Value.string("1:x")), in.func("tag").call(Value.string("x")));
        assertEquals(Optional.of(Value.string("2:ü")), in.func("tag").call(Value.string("ü")));
        assertEquals(Optional.of(Value.u32(2)), in.func("calls").call());
    }

    @Test
    void nestedComponentsAndTheirModulesAreSerialized() {
        Component nested = roundTrip("nested");
        Linker linker = nested.engine().linker();
        linker.func("base", args -> Optional.of(Value.u32(100)));
        Instance in = linker.instantiate(nested);
        assertEquals(Optional.of(Value.u32(114)), in.func("offset").call(Value.u32(7)));
        assertEquals(Optional.of(Value.u32(5)), in.func("add").call(Value.u32(2), Value.u32(3)));
        assertEquals(
                Optional.of(Value.u32(102)),
                in.exportedInstance("second").func("offset").call(Value.u32(1)));
    }

    /**
     * Data segments read where they lie in the skeleton (a module with memories of its own) and
     * copied by Endive (a module that imports its memory) initialise memory, serve {@code
     * memory.init} and are dropped as in the original, interpreted or compiled, in instance after
     * instance; each module's {@code memory.init} copies its own segment, also into the memory the
     * other defines.
     */
    @Test
    void dataSegmentsBehaveAsInTheOriginal() {
        Component interpreted = Wasm.engine(ExecutionMode.INTERPRETED).load(Wasm.bytes("segments"));
        Component compiled = Wasm.engine(ExecutionMode.COMPILED).load(Wasm.bytes("segments"));
        Component deserialized = roundTrip("segments");
        for (Component c : new Component[] {interpreted, compiled, deserialized, deserialized}) {
            Instance in = c.engine().linker().instantiate(c);
            StringBuilder seen = new StringBuilder();
            for (int at : new int[] {16, 20, 1000, 1004, 2000, 2007, 21}) {
                seen.append(
                        (char) ((Value.U32) in.func("byte").call(Value.u32(at)).orElseThrow()).value());
            }
            assertEquals("howdid\u0000", seen.toString(), "active segments of both modules");
            in.func("init").call(Value.u32(3000), Value.u32(1), Value.u32(3));
            in.func("init-more").call(Value.u32(3003), Value.u32(0), Value.u32(4));
            StringBuilder copied = new StringBuilder();
            for (int at = 3000; at < 3007; at++) {
                copied.append(
                        (char) ((Value.U32) in.func("byte").call(Value.u32(at)).orElseThrow()).value());
            }
            assertEquals("atemore", copied.toString(), "passive segments of both modules");
            in.func("drop").call();
            in.func("init").call(Value.u32(0), Value.u32(0), Value.u32(0));
            assertThrows(
                    Trap.class,
                    () -> in.func("init").call(Value.u32(0), Value.u32(0), Value.u32(1)),
                    "a dropped segment is empty");
            // a trap poisons the component instance: a fresh one
            Instance next = c.engine().linker().instantiate(c);
            Trap pastEnd =
                    assertThrows(Trap.class, () -> next.func("init").call(Value.u32(0), Value.u32(3), Value.u32(3)));
            assertTrue(pastEnd.getMessage().contains("out of bounds"), pastEnd.getMessage());
            // an active segment is dropped once the instance is made
            Instance third = c.engine().linker().instantiate(c);
            third.func("init-active").call(Value.u32(0));
            assertThrows(
                    Trap.class, () -> third.func("init-active").call(Value.u32(1)), "an active segment is dropped");
        }
    }

    @Test
    void trapsAndLimitsBehaveAsInTheOriginal() {
        Component hostile = roundTrip("hostile");
        Linker linker = hostile.engine().linker();
        linker.func("exhaust", args -> Optional.empty());
        Instance in = linker.instantiate(hostile);
        assertEquals(Optional.of(Value.s32(1)), in.func("grow").call(Value.u32(1)));
        Trap trap = assertThrows(Trap.class, () -> in.func("recurse").call(Value.u32(0)));
        assertEquals(Trap.Reason.CORE_TRAP, trap.reason());
    }

    @Test
    void theSerializedFormHoldsNoCode() {
        byte[] serialized = Engine.create().load(Wasm.bytes("hostile")).serialize();
        var skeleton = (dev.wit4j.binary.Component) ComponentDecoder.decode(
                dev.wit4j.runtime.internal.engine.Precompiled.read(serialized).component());
        int bodies = 0;
        for (Section.ModuleSection m : skeleton.sections(Section.ModuleSection.class)) {
            for (byte[] body : CodeBodies.of(m.module().bytes().toByteArray())) {
                // no locals, `unreachable`, `end`
                assertEquals("[0, 0, 11]", Arrays.toString(body));
                bodies++;
            }
        }
        assertEquals(8, bodies, "the eight functions hostile.wat defines");
    }

    @Test
    void damagedOrForeignBytesAreRefusedWithTheReason() {
        byte[] serialized = Engine.create().load(Wasm.bytes("smoke")).serialize();
        Engine engine = Engine.create();
        IllegalArgumentException notOne =
                assertThrows(IllegalArgumentException.class, () -> engine.deserialize(Wasm.bytes("smoke")));
        assertTrue(notOne.getMessage().contains("not a precompiled wit4j component"), notOne.getMessage());
        IllegalArgumentException truncated = assertThrows(
                IllegalArgumentException.class,
                () -> engine.deserialize(Arrays.copyOf(serialized, serialized.length - 10)));
        assertTrue(truncated.getMessage().contains("damaged"), truncated.getMessage());
        byte[] otherVersion = serialized.clone();
        int at = new String(otherVersion, StandardCharsets.ISO_8859_1).indexOf("development");
        if (at > 0) {
            otherVersion[at] = 'D';
            IllegalArgumentException foreign =
                    assertThrows(IllegalArgumentException.class, () -> engine.deserialize(otherVersion));
            assertTrue(foreign.getMessage().contains("precompiled by wit4j Development"), foreign.getMessage());
            assertTrue(foreign.getMessage().contains("compile the component again"), foreign.getMessage());
        }
    }
}
