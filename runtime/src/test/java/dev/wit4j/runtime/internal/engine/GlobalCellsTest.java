package dev.wit4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.fuzz.Wat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Defined numeric globals live in {@link GlobalCells} and compiled code reaches them as array
 * elements: the same values as the interpreter, whichever way a global is read or written.
 */
class GlobalCellsTest {

    /** Exports a global that the modules below import. */
    private static final String PROVIDER = """
            (module (global (export "base") i32 (i32.const 4096)))
            """;

    /**
     * Every kind of global: imported, defined from the import, each numeric type, exported,
     * a reference, one the start function sets, and functions that read and write them.
     */
    private static final String GLOBALS = """
            (module
              (import "host" "base" (global $base i32))
              %s
              (global $sp (mut i32) (global.get $base))
              (global $wide (mut i64) (i64.const 1))
              (global $single (mut f32) (f32.const 1.5))
              (global $double (mut f64) (f64.const 2.5))
              (global $counter (export "counter") (mut i32) (i32.const 0))
              (global $fixed i64 (i64.const -7))
              (global $ref (mut funcref) (ref.null func))
              (start $init)
              (func $init (global.set $counter (i32.const 100)))
              (func $leaf (param i32) (result i32)
                (global.set $sp (i32.sub (global.get $sp) (i32.const 16)))
                (i32.store (global.get $sp) (local.get 0))
                (local.set 0 (i32.load (global.get $sp)))
                (global.set $sp (i32.add (global.get $sp) (i32.const 16)))
                (local.get 0))
              (func (export "push") (param i32) (result i32)
                (global.set $sp (i32.sub (global.get $sp) (local.get 0)))
                (i32.store (global.get $sp) (call $leaf (local.get 0)))
                (global.get $sp))
              (func (export "step") (param i32) (result i64)
                (local $i i32)
                (loop $again
                  (global.set $wide (i64.add (i64.mul (global.get $wide) (i64.const 3)) (global.get $fixed)))
                  (global.set $single (f32.mul (global.get $single) (f32.const -1.25)))
                  (global.set $double (f64.add (global.get $double) (f64.convert_i64_s (global.get $wide))))
                  (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
                  (if (i32.eqz (ref.is_null (global.get $ref))) (then unreachable))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $again (i32.lt_u (local.get $i) (local.get 0))))
                (i64.xor (i64.xor (global.get $wide) (i64.reinterpret_f64 (global.get $double)))
                  (i64.extend_i32_u (i32.reinterpret_f32 (global.get $single)))))
              (func (export "read") (result i32)
                (i32.add (global.get $counter) (global.get $base))))
            """;

    private static byte[] provider;
    private static byte[] ownMemory;
    private static byte[] importedMemory;
    private static byte[] noMemory;

    @BeforeAll
    static void assemble() throws Exception {
        assumeTrue(Wat.available(), "node and the pinned jco assemble the test modules");
        List<Wat.Assembled> out = Wat.assemble(List.of(
                PROVIDER,
                GLOBALS.formatted("(memory 1)"),
                GLOBALS.formatted("(import \"host\" \"memory\" (memory 1))"),
                GLOBALS.formatted("")
                        .replace("(i32.store (global.get $sp) (local.get 0))", "")
                        .replace("(local.set 0 (i32.load (global.get $sp)))", "")
                        .replace(
                                "(i32.store (global.get $sp) (call $leaf (local.get 0)))",
                                "(drop (call $leaf (local.get 0)))")));
        for (Wat.Assembled a : out) {
            assertNull(a.error(), a.error());
        }
        provider = out.get(0).wasm();
        ownMemory = out.get(1).wasm();
        importedMemory = out.get(2).wasm();
        noMemory = out.get(3).wasm();
    }

    @Test
    void compiledCodeAndTheInterpreterSeeTheSameGlobals() {
        for (byte[] module : List.of(ownMemory, importedMemory, noMemory)) {
            assertEquals(run(module, ExecutionMode.INTERPRETED), run(module, ExecutionMode.COMPILED));
        }
    }

    @Test
    void theStartFunctionsWritesAndExportedGlobalsAreTheCells() {
        CoreModuleInstance instance = instantiate(ownMemory, ExecutionMode.COMPILED);
        CoreGlobal counter = (CoreGlobal) instance.export("counter").orElseThrow();
        // the start function set it through the engine; compiled code reads it from the cell
        assertArrayEquals(new long[] {100 + 4096}, call(instance, "read"));
        call(instance, "step", 5);
        // compiled code wrote the cell; the exported global reads the same
        assertEquals(105, counter.value());
        assertArrayEquals(new long[] {105 + 4096}, call(instance, "read"));
    }

    @Test
    void instancesHaveCellsOfTheirOwn() {
        CoreModuleInstance first = instantiate(ownMemory, ExecutionMode.COMPILED);
        CoreModuleInstance second = instantiate(ownMemory, ExecutionMode.COMPILED);
        call(first, "step", 10);
        assertArrayEquals(new long[] {100 + 4096}, call(second, "read"));
        assertArrayEquals(new long[] {4096 - 8}, call(second, "push", 8));
        assertArrayEquals(new long[] {4096 - 8}, call(first, "push", 8));
    }

    @Test
    void onlyDefinedNumericGlobalsOfAModuleWithItsOwnMemoryAreRewritten() {
        // global 0 is imported, 7 is a funcref: they stay calls; 1..6 become array accesses
        assertEquals(new TreeSet<>(List.of(0, 7)), globalsReachedByCalls(ownMemory));
        // another instance's memory, or none: nothing to hold the cells, every access a call
        assertEquals(new TreeSet<>(List.of(0, 1, 2, 3, 4, 5, 6, 7)), globalsReachedByCalls(importedMemory));
        assertEquals(new TreeSet<>(List.of(0, 1, 2, 3, 4, 5, 6, 7)), globalsReachedByCalls(noMemory));
    }

    /** The global indices the compiled code of {@code module} reads or writes through the engine's calls. */
    private static TreeSet<Integer> globalsReachedByCalls(byte[] module) {
        TreeSet<Integer> indices = new TreeSet<>();
        for (MethodNode method : CompiledMethods.of(module)) {
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof MethodInsnNode call && call.name.matches("(read|write)Global(Ref)?")) {
                    AbstractInsnNode push = call.getPrevious().getPrevious();
                    int op = push.getOpcode();
                    indices.add(push instanceof IntInsnNode i ? i.operand : op - org.objectweb.asm.Opcodes.ICONST_0);
                }
            }
        }
        return indices;
    }

    private static List<Object> run(byte[] module, ExecutionMode mode) {
        CoreModuleInstance instance = instantiate(module, mode);
        List<Object> results = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            results.add(call(instance, "push", 24 + round)[0]);
            results.add(call(instance, "step", 7 + round)[0]);
            results.add(call(instance, "read")[0]);
            results.add(((CoreGlobal) instance.export("counter").orElseThrow()).value());
        }
        return results;
    }

    private static CoreModuleInstance instantiate(byte[] module, ExecutionMode mode) {
        CoreModuleInstance base =
                CoreModuleInstance.instantiate(CoreModule.parse(provider, 0), (m, n) -> Optional.empty(), mode);
        CoreModuleInstance memoryOwner =
                CoreModuleInstance.instantiate(CoreModule.parse(MEMORY, 0), (m, n) -> Optional.empty(), mode);
        Map<String, CoreExtern> imports = Map.of(
                "host/base", base.export("base").orElseThrow(),
                "host/memory", memoryOwner.export("memory").orElseThrow());
        return CoreModuleInstance.instantiate(
                CoreModule.parse(module, 0), (m, n) -> Optional.ofNullable(imports.get(m + "/" + n)), mode);
    }

    private static long[] call(CoreModuleInstance instance, String name, long... args) {
        return ((CoreFunction) instance.export(name).orElseThrow()).call(args);
    }

    /** {@code (module (memory (export "memory") 1))} */
    private static final byte[] MEMORY = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x05, 0x03, 0x01, 0x00, 0x01, 0x07, 0x0a, 0x01, 0x06, 'm', 'e',
        'm', 'o', 'r', 'y', 0x02, 0x00,
    };
}
