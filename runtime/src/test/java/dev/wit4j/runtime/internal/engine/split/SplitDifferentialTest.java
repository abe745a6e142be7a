package dev.wit4j.runtime.internal.engine.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import run.endive.compiler.InterpreterFallback;
import run.endive.compiler.MachineFactoryCompiler;
import run.endive.runtime.Instance;
import run.endive.runtime.InterpreterMachine;
import run.endive.runtime.Machine;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmModule;

/**
 * Random programs ({@link RandomModules}) run as they are and after splitting with budgets that
 * split nearly every function: every export, called with the same arguments, must return the same
 * values (NaN bits included) or trap the same way, leave the same memory and the same global. The
 * split module must also validate. Both Endive's interpreter and its compiler run both forms.
 */
class SplitDifferentialTest {

    private static final int SEEDS = Integer.getInteger("wit4j.split.seeds", 60);

    @TestFactory
    Stream<DynamicTest> randomProgramsBehaveTheSameSplit() {
        return IntStream.range(0, SEEDS).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
    }

    private static void check(long seed) {
        byte[] original = RandomModules.module(seed, 4 + (int) (seed % 5));
        WasmModule reference = Parser.parse(original); // the generator makes valid modules
        int functions = reference.functionSection().functionCount();
        for (int budget : new int[] {150, 600, 3000}) {
            ModuleSplitter.Result split = ModuleSplitter.split(original, budget);
            // deep expressions have no place to cut: some functions stay over such small budgets
            assertTrue(split.changed() || budget > 1000, "seed " + seed + ": nothing split at " + budget);
            WasmModule splitModule = Parser.parse(split.bytes()); // validates
            for (boolean compiled : new boolean[] {false, true}) {
                List<String> expected = run(reference, functions, compiled);
                List<String> actual = run(splitModule, functions, compiled);
                assertEquals(
                        expected,
                        actual,
                        "seed " + seed + ", budget " + budget + ", " + (compiled ? "compiled" : "interpreted") + " ("
                                + split.functionsAdded() + " functions added)");
            }
        }
    }

    /** Calls every export with a few arguments; records results, traps, memory and the global. */
    private static List<String> run(WasmModule module, int functions, boolean compiled) {
        Function<Instance, Machine> machine = compiled
                ? MachineFactoryCompiler.builder(module)
                        .withInterpreterFallback(InterpreterFallback.FAIL)
                        .compile()
                : InterpreterMachine::new;
        List<String> log = new ArrayList<>();
        long[][] arguments = {{0, 0}, {7, -3}, {-1, Long.MAX_VALUE}, {123456, 42}};
        for (long[] args : arguments) {
            Instance instance =
                    Instance.builder(module).withMachineFactory(machine).build();
            for (int f = 0; f < functions; f++) {
                try {
                    long[] result = instance.export("f" + f).apply(args);
                    log.add("f" + f + " = " + java.util.Arrays.toString(result));
                } catch (RuntimeException e) {
                    log.add("f" + f + " traps: " + kind(e));
                } catch (StackOverflowError e) {
                    log.add("f" + f + " overflows");
                }
            }
            log.add("memory " + java.util.Arrays.hashCode(instance.memory().readBytes(0, 65536)));
            log.add("global " + instance.global(0).getValue());
        }
        return log;
    }

    private static String kind(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("out of bounds")) return "out of bounds";
        if (m.contains("divide by zero") || m.contains("division by zero")) return "divide by zero";
        if (m.contains("overflow")) return "overflow";
        if (m.contains("unreachable")) return "unreachable";
        return e.getClass().getSimpleName() + ": " + m;
    }
}
