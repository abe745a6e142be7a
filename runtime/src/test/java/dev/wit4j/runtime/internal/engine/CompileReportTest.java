package dev.wit4j.runtime.internal.engine;

import static dev.wit4j.runtime.internal.engine.split.WasmEncoding.s32;
import static dev.wit4j.runtime.internal.engine.split.WasmEncoding.section;
import static dev.wit4j.runtime.internal.engine.split.WasmEncoding.u32;
import static dev.wit4j.runtime.internal.engine.split.WasmEncoding.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.CompileReport;
import dev.wit4j.runtime.ExecutionMode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Large functions and large indirect-call dispatches come out of the compiler in methods HotSpot
 * JIT-compiles: none is interpreted, none is over 8,000 bytes, and the code computes what the
 * interpreter computes.
 */
class CompileReportTest {

    /**
     * An interpreter loop: {@code run(n)} adds, n times, the result of a 300-case switch on the
     * iteration number, each case a few dozen instructions: a 30 KB function.
     */
    private static byte[] interpreterLoop() {
        Module m = new Module();
        int type = m.type(new byte[] {0x7F}, new byte[] {0x7F});
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {1, 2, 0x7F}); // locals: i, acc
        int cases = 300;
        b.writeBytes(new byte[] {0x03, 0x40}); // loop $next
        b.writeBytes(new byte[] {0x02, 0x40}); // block $switch
        for (int c = 0; c < cases; c++) b.writeBytes(new byte[] {0x02, 0x40});
        b.writeBytes(new byte[] {0x20, 1, 0x41}); // local.get i, i32.const cases
        b.writeBytes(s32(cases));
        b.write(0x70); // i32.rem_u
        b.write(0x0E);
        b.writeBytes(u32(cases));
        for (int c = 0; c < cases; c++) b.writeBytes(u32(c));
        b.writeBytes(u32(0));
        for (int c = 0; c < cases; c++) {
            b.write(0x0B);
            // acc = acc * 31 + (i ^ c) * (c + 7), in a few steps
            for (int k = 0; k < 4; k++) {
                b.writeBytes(new byte[] {0x20, 2, 0x41, 31, 0x6C, 0x20, 1, 0x41});
                b.writeBytes(s32(c * 4 + k));
                b.writeBytes(new byte[] {0x73, 0x41});
                b.writeBytes(s32(c + 7));
                b.writeBytes(new byte[] {0x6C, 0x6A, 0x21, 2});
            }
            b.write(0x0C);
            b.writeBytes(u32(cases - 1 - c)); // br $switch
        }
        b.write(0x0B); // end $switch
        // i += 1; br_if $next (i < n)
        b.writeBytes(new byte[] {0x20, 1, 0x41, 1, 0x6A, 0x22, 1, 0x20, 0, 0x48, 0x0D, 0, 0x0B});
        b.writeBytes(new byte[] {0x20, 2, 0x0B});
        int run = m.function(type, b.toByteArray());
        m.export("run", run);
        return m.bytes();
    }

    @Test
    void aSwitchTooLargeForTheJitIsSplitAndComputesTheSame() {
        byte[] bytes = interpreterLoop();
        CoreModule module = CoreModule.parse(bytes, 0);
        CompileReport report = module.compile();
        assertEquals(List.of(), report.interpretedFunctions());
        assertEquals(0, report.methodsOverJitLimit(), report.toString());
        assertTrue(report.largestMethodBytes() <= CompileReport.JIT_LIMIT, report.toString());
        assertEquals(1, report.functionsSplit(), report.toString());
        assertTrue(report.fullyCompiled());
        assertEquals(run(module, ExecutionMode.INTERPRETED, 1000), run(module, ExecutionMode.COMPILED, 1000));
    }

    /** {@code dispatch(i, x)} calls function i of 1,200 through a table; function k returns x * k + 1. */
    private static byte[] manyIndirectTargets() {
        Module m = new Module();
        int type = m.type(new byte[] {0x7F}, new byte[] {0x7F});
        int functions = 1200;
        List<Integer> all = new ArrayList<>();
        for (int k = 0; k < functions; k++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(new byte[] {0, 0x20, 0, 0x41});
            b.writeBytes(s32(k));
            b.writeBytes(new byte[] {0x6C, 0x41, 1, 0x6A, 0x0B});
            all.add(m.function(type, b.toByteArray()));
        }
        int dispatchType = m.type(new byte[] {0x7F, 0x7F}, new byte[] {0x7F});
        int dispatch = m.function(dispatchType, new byte[] {0, 0x20, 1, 0x20, 0, 0x11, (byte) type, 0, 0x0B});
        m.table(all);
        m.export("dispatch", dispatch);
        return m.bytes();
    }

    @Test
    void aLargeIndirectCallDispatchIsSplitAndCallsTheRightFunction() {
        CoreModule module = CoreModule.parse(manyIndirectTargets(), 0);
        CompileReport report = module.compile();
        assertEquals(0, report.methodsOverJitLimit(), report.toString());
        CoreModuleInstance instance =
                CoreModuleInstance.instantiate(module, (a, b) -> Optional.empty(), ExecutionMode.COMPILED);
        CoreFunction dispatch = (CoreFunction) instance.export("dispatch").orElseThrow();
        for (int k : new int[] {0, 1, 383, 384, 385, 767, 768, 1000, 1199}) {
            assertArrayEquals(new long[] {3L * k + 1}, dispatch.call(k, 3), "function " + k);
        }
    }

    private static long run(CoreModule module, ExecutionMode mode, int n) {
        CoreModuleInstance instance = CoreModuleInstance.instantiate(module, (a, b) -> Optional.empty(), mode);
        return ((CoreFunction) instance.export("run").orElseThrow()).call(n)[0];
    }

    /** A module of functions of one memory-less kind, written directly in the binary format. */
    static final class Module {
        private final List<byte[]> types = new ArrayList<>();
        private final List<Integer> functionTypes = new ArrayList<>();
        private final List<byte[]> bodies = new ArrayList<>();
        private final List<byte[]> exports = new ArrayList<>();
        private List<Integer> table;

        int type(byte[] params, byte[] results) {
            ByteArrayOutputStream t = new ByteArrayOutputStream();
            t.write(0x60);
            t.writeBytes(u32(params.length));
            t.writeBytes(params);
            t.writeBytes(u32(results.length));
            t.writeBytes(results);
            types.add(t.toByteArray());
            return types.size() - 1;
        }

        /** Adds a function; {@code body} starts with its local declarations and ends with {@code end}. */
        int function(int type, byte[] body) {
            functionTypes.add(type);
            bodies.add(body);
            return bodies.size() - 1;
        }

        void export(String name, int function) {
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            e.writeBytes(u32(name.length()));
            e.writeBytes(name.getBytes());
            e.write(0);
            e.writeBytes(u32(function));
            exports.add(e.toByteArray());
        }

        void table(List<Integer> functions) {
            table = functions;
        }

        byte[] bytes() {
            ByteArrayOutputStream m = new ByteArrayOutputStream();
            m.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
            section(m, 1, vec(types));
            List<byte[]> f = new ArrayList<>();
            for (int t : functionTypes) f.add(u32(t));
            section(m, 3, vec(f));
            if (table != null) {
                ByteArrayOutputStream t = new ByteArrayOutputStream();
                t.writeBytes(new byte[] {1, 0x70, 0});
                t.writeBytes(u32(table.size()));
                section(m, 4, t.toByteArray());
            }
            section(m, 7, vec(exports));
            if (table != null) {
                ByteArrayOutputStream e = new ByteArrayOutputStream();
                e.writeBytes(new byte[] {1, 0, 0x41, 0, 0x0B});
                e.writeBytes(u32(table.size()));
                for (int i : table) e.writeBytes(u32(i));
                section(m, 9, e.toByteArray());
            }
            List<byte[]> code = new ArrayList<>();
            for (byte[] b : bodies) {
                ByteArrayOutputStream c = new ByteArrayOutputStream();
                c.writeBytes(u32(b.length));
                c.writeBytes(b);
                code.add(c.toByteArray());
            }
            section(m, 10, vec(code));
            return m.toByteArray();
        }
    }
}
