package dev.wit4j.runtime.internal.engine;

import static dev.wit4j.runtime.internal.engine.split.WasmEncoding.s32;
import static dev.wit4j.runtime.internal.engine.split.WasmEncoding.u32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.ExecutionMode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The functions of a large module end up in small classes: no function group class is left, each
 * new class holds about {@link FunctionClasses#CLASS_BYTES} of code, and calls between functions
 * in different classes (direct and through a table) compute what the interpreter computes.
 */
class FunctionClassesTest {
    private static final int FUNCTIONS = 3000;

    private static final int CHAIN = 50;

    /**
     * Chains of {@value #CHAIN} functions: function k adds k to its argument and calls k + 1 (every
     * tenth through the table), the last of a chain returns; {@code run(x)} sums what every chain
     * returns for x, calling each chain's first function through the table.
     */
    private static byte[] chains() {
        CompileReportTest.Module m = new CompileReportTest.Module();
        int type = m.type(new byte[] {0x7F}, new byte[] {0x7F});
        List<Integer> all = new ArrayList<>();
        for (int k = 0; k < FUNCTIONS; k++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(0); // no locals
            b.writeBytes(new byte[] {0x20, 0, 0x41});
            b.writeBytes(s32(k));
            b.write(0x6A); // x + k
            if (k % CHAIN != CHAIN - 1) {
                if (k % 10 == 0) {
                    b.write(0x41);
                    b.writeBytes(s32(k + 1));
                    b.writeBytes(new byte[] {0x11, (byte) type, 0}); // call_indirect (table 0)
                } else {
                    b.write(0x10);
                    b.writeBytes(u32(k + 1)); // call k + 1
                }
            }
            b.write(0x0B);
            all.add(m.function(type, b.toByteArray()));
        }
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        run.writeBytes(new byte[] {1, 2, 0x7F}); // locals j, acc
        run.writeBytes(new byte[] {0x03, 0x40}); // loop
        run.writeBytes(new byte[] {0x20, 2, 0x20, 0, 0x20, 1, 0x41}); // acc, x, j * CHAIN
        run.writeBytes(s32(CHAIN));
        run.writeBytes(new byte[] {0x6C, 0x11, (byte) type, 0, 0x6A, 0x21, 2}); // acc += chain(x)
        run.writeBytes(new byte[] {0x20, 1, 0x41, 1, 0x6A, 0x22, 1, 0x41}); // j += 1
        run.writeBytes(s32(FUNCTIONS / CHAIN));
        run.writeBytes(new byte[] {0x48, 0x0D, 0, 0x0B, 0x20, 2, 0x0B}); // br_if j < chains; acc
        m.export("run", m.function(type, run.toByteArray()));
        m.table(all);
        return m.bytes();
    }

    @Test
    void functionsAreSpreadOverSmallClassesAndCallEachOther() {
        byte[] bytes = chains();
        CompiledCode code = CodeCompiler.compile(bytes, () -> CoreModule.parseWorkingAround(bytes, true), 0, true);
        Map<String, byte[]> classes = code.classes();
        assertTrue(
                classes.keySet().stream().noneMatch(n -> n.matches(".*FuncGroup_\\d+")),
                classes.keySet().toString());
        List<String> functionClasses = classes.keySet().stream()
                .filter(n -> n.matches(".*FuncGroup_\\d+_\\d+"))
                .toList();
        assertTrue(functionClasses.size() > 3, functionClasses.toString());
        for (String name : functionClasses) {
            int[] total = {0};
            int[] largest = {0};
            ClassFiles.methodSizes(classes.get(name), (method, size) -> {
                total[0] += size;
                largest[0] = Math.max(largest[0], size);
            });
            assertTrue(total[0] <= FunctionClasses.CLASS_BYTES + 2 * largest[0], name + ": " + total[0] + " bytes");
        }

        CoreModule module = CoreModule.parse(bytes, 0);
        long expected = 5L * (FUNCTIONS / CHAIN) + (long) (FUNCTIONS - 1) * FUNCTIONS / 2;
        for (ExecutionMode mode : ExecutionMode.values()) {
            CoreModuleInstance instance = CoreModuleInstance.instantiate(module, (a, b) -> Optional.empty(), mode);
            assertArrayEquals(
                    new long[] {expected},
                    ((CoreFunction) instance.export("run").orElseThrow()).call(5),
                    mode.toString());
        }
        assertEquals(FUNCTIONS + 1, module.compile().functions());
    }
}
