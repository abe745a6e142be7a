package dev.wit4j.runtime.internal.engine;

import dev.wit4j.runtime.CompileReport;
import dev.wit4j.runtime.internal.engine.split.ModuleSplitter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import run.endive.compiler.InterpreterFallback;
import run.endive.compiler.internal.ByteClassCollector;
import run.endive.compiler.internal.Compiler;
import run.endive.compiler.internal.CompilerResult;
import run.endive.wasm.WasmModule;

/**
 * Compiles a core module to JVM classes: splits what is too large, runs the core compiler, and
 * post-processes its classes. The only class that needs the core compiler and ASM: running
 * compiled code ({@link CompiledCode}) does not.
 */
final class CodeCompiler {

    private CodeCompiler() {}

    /**
     * Splits and compiles {@code original}.
     *
     * @param budget the splitter's budget, or 0 not to split
     * @param verify whether to validate the split module (tests force splitting with tiny budgets)
     */
    static CompiledCode compile(byte[] original, Supplier<WasmModule> parsed, int budget, boolean verify) {
        ModuleSplitter.Result split = budget > 0
                ? ModuleSplitter.split(original, budget)
                : new ModuleSplitter.Result(original, ModuleSplitter.Additions.NONE, 0, 0, List.of());
        WasmModule module = split.changed() ? CoreModule.parseWorkingAround(split.bytes(), verify) : parsed.get();
        CompilerResult result = Compiler.builder(module)
                // classes are only collected here: they are post-processed, then defined once
                .withClassCollectorFactory(ByteClassCollector::new)
                // what the splitter could not make small enough is interpreted; the report says so
                .withInterpreterFallback(InterpreterFallback.SILENT)
                .build()
                .compile();
        String mainClass = result.collector().mainClassName();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        int[] largest = {0};
        int[] over = {0};
        IntPredicate moved = GlobalCells.applies(module) ? GlobalCells.moved(module) : null;
        for (Map.Entry<String, byte[]> c : result.classBytes().entrySet()) {
            classes.put(c.getKey(), DispatchSplitter.split(CodeRewriter.rewrite(c.getValue(), moved)));
        }
        classes = FunctionClasses.spread(classes);
        for (byte[] bytes : classes.values()) {
            ClassFiles.methodSizes(bytes, (name, size) -> {
                largest[0] = Math.max(largest[0], size);
                if (size > CompileReport.JIT_LIMIT) over[0]++;
            });
        }
        List<Integer> interpreted = new ArrayList<>(result.interpretedFunctions());
        interpreted.sort(null);
        int functions = module.functionSection().functionCount() - split.functionsAdded();
        CompileReport report = new CompileReport(
                functions, split.functionsSplit(), split.functionsAdded(), interpreted, largest[0], over[0]);
        return new CompiledCode(module, mainClass, classes, split.additions(), report, null);
    }
}
