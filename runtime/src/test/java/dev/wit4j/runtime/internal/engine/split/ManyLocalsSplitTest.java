package dev.wit4j.runtime.internal.engine.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import run.endive.compiler.InterpreterFallback;
import run.endive.compiler.MachineFactoryCompiler;
import run.endive.runtime.Instance;
import run.endive.runtime.InterpreterMachine;
import run.endive.runtime.Machine;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmModule;

/**
 * A function whose every region reads and writes 40 locals: the functions split out of it take at
 * most {@link Outliner#MAX_PARAMS} parameters (HotSpot's C2 cannot compile a caller of a method with
 * many more), the other locals travel through globals, and the results stay the same.
 */
class ManyLocalsSplitTest {

    private static final int LOCALS = 40;
    private static final int ROUNDS = 16;

    @Test
    void splitFunctionsTakeAtMostTheCapAndComputeTheSame() {
        byte[] original = module();
        ModuleSplitter.Result split = ModuleSplitter.split(original, 3000);
        assertTrue(split.changed() && split.functionsAdded() > 0, "the function is split");

        WasmModule splitModule = Parser.parse(split.bytes()); // validates
        int functions = splitModule.functionSection().functionCount();
        int widest = 0;
        for (int f = 0; f < functions; f++) {
            int type = splitModule.functionSection().getFunctionType(f);
            widest = Math.max(
                    widest, splitModule.typeSection().getType(type).params().size());
        }
        assertTrue(widest <= Outliner.MAX_PARAMS, "widest split function takes " + widest + " parameters");

        WasmModule reference = Parser.parse(original);
        for (boolean compiled : new boolean[] {false, true}) {
            for (long[] args : new long[][] {{0, 0}, {7, -3}, {-1, 123456}}) {
                assertArrayEquals(
                        call(reference, compiled, args),
                        call(splitModule, compiled, args),
                        (compiled ? "compiled" : "interpreted") + " with " + java.util.Arrays.toString(args));
            }
        }
    }

    private static long[] call(WasmModule module, boolean compiled, long[] args) {
        Function<Instance, Machine> machine = compiled
                ? MachineFactoryCompiler.builder(module)
                        .withInterpreterFallback(InterpreterFallback.FAIL)
                        .compile()
                : InterpreterMachine::new;
        return Instance.builder(module)
                .withMachineFactory(machine)
                .build()
                .export("f")
                .apply(args);
    }

    /**
     * {@code (func (export "f") (param i32 i32) (result i32))} with 40 i32 locals set from the
     * parameters, {@value #ROUNDS} blocks that each mix every local with its neighbour, and the sum.
     */
    private static byte[] module() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(WasmEncoding.vec(List.of(concat(WasmEncoding.u32(LOCALS), new byte[] {0x7f}))));
        for (int k = 0; k < LOCALS; k++) {
            body.writeBytes(new byte[] {0x20, 0x00, 0x41});
            body.writeBytes(WasmEncoding.s32(k + 1));
            body.writeBytes(new byte[] {0x6c, 0x20, 0x01, 0x6a, 0x21});
            body.writeBytes(WasmEncoding.u32(2 + k));
        }
        for (int r = 0; r < ROUNDS; r++) {
            body.writeBytes(new byte[] {0x02, 0x40});
            for (int k = 0; k < LOCALS; k++) {
                body.write(0x20);
                body.writeBytes(WasmEncoding.u32(2 + k));
                body.writeBytes(new byte[] {0x41, 0x1f, 0x6c, 0x20});
                body.writeBytes(WasmEncoding.u32(2 + (k + 1 + r) % LOCALS));
                body.writeBytes(new byte[] {0x73, 0x21});
                body.writeBytes(WasmEncoding.u32(2 + k));
            }
            body.write(0x0b);
        }
        body.writeBytes(new byte[] {0x41, 0x00});
        for (int k = 0; k < LOCALS; k++) {
            body.write(0x20);
            body.writeBytes(WasmEncoding.u32(2 + k));
            body.write(0x6a);
        }
        body.write(0x0b);
        byte[] code = body.toByteArray();

        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
        WasmEncoding.section(m, 1, WasmEncoding.vec(List.of(new byte[] {0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f})));
        WasmEncoding.section(m, 3, WasmEncoding.vec(List.of(new byte[] {0x00})));
        WasmEncoding.section(m, 7, WasmEncoding.vec(List.of(new byte[] {0x01, 'f', 0x00, 0x00})));
        WasmEncoding.section(m, 10, WasmEncoding.vec(List.of(concat(WasmEncoding.u32(code.length), code))));
        return m.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
