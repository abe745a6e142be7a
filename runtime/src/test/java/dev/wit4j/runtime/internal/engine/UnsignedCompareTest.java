package dev.wit4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.fuzz.Wat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** {@code i32.ge_u}, rewritten to {@link CompiledOps#i32GeU} in compiled code, at its edges. */
class UnsignedCompareTest {

    private static final String MODULE = """
            (module (func (export "ge") (param i32 i32) (result i32) (i32.ge_u (local.get 0) (local.get 1))))
            """;

    private static final int[][] CASES = {
        {0, 0, 1},
        {1, 0, 1},
        {0, 1, 0},
        {-1, 0, 1},
        {0, -1, 0},
        {-1, -1, 1},
        {Integer.MIN_VALUE, Integer.MAX_VALUE, 1},
        {Integer.MAX_VALUE, Integer.MIN_VALUE, 0},
        {Integer.MIN_VALUE, Integer.MIN_VALUE, 1},
        {-2, -1, 0},
        {-1, -2, 1},
        {7, 7, 1},
    };

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void comparesAsUnsigned(ExecutionMode mode) throws Exception {
        assumeTrue(Wat.available(), "node and the pinned jco assemble the test module");
        Wat.Assembled wasm = Wat.assemble(List.of(MODULE)).get(0);
        assertNull(wasm.error(), wasm.error());
        CoreModuleInstance instance =
                CoreModuleInstance.instantiate(CoreModule.parse(wasm.wasm(), 0), (m, n) -> Optional.empty(), mode);
        CoreFunction ge = (CoreFunction) instance.export("ge").orElseThrow();
        // enough calls for the JIT to compile the function and the comparison it inlines
        for (int round = 0; round < 20_000; round++) {
            for (int[] c : CASES) {
                long[] result = ge.call(c[0], c[1]);
                if (result[0] != c[2]) {
                    assertArrayEquals(new long[] {c[2]}, result, c[0] + " >=u " + c[1] + " in round " + round);
                }
            }
        }
        if (mode == ExecutionMode.COMPILED) {
            for (MethodNode method : CompiledMethods.of(wasm.wasm())) {
                for (AbstractInsnNode insn : method.instructions) {
                    assertFalse(
                            insn instanceof MethodInsnNode call
                                    && call.owner.endsWith("Shaded")
                                    && call.name.equals("i32_ge_u"),
                            "the compiler's own i32_ge_u is still called in " + method.name);
                }
            }
        }
    }
}
