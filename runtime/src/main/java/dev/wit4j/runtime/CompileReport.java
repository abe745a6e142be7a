package dev.wit4j.runtime;

import java.util.List;

/**
 * What compiling one core module to JVM bytecode produced.
 *
 * <p>Endive compiles each wasm function to one JVM method; HotSpot JIT-compiles no method over
 * {@value #JIT_LIMIT} bytes of bytecode, and no method may exceed 64 KB. Functions too large for
 * that are split first; a function that still cannot be compiled runs in Endive's interpreter, and
 * is listed in {@link #interpretedFunctions}.
 *
 * @param functions the functions the module defines
 * @param functionsSplit functions that were split to fit the JVM
 * @param functionsAdded functions holding the code moved out of them
 * @param interpretedFunctions indices of functions that run interpreted (none, normally)
 * @param largestMethodBytes bytecode size of the largest JVM method generated for the module
 * @param methodsOverJitLimit generated methods over the JIT's {@value #JIT_LIMIT}-byte limit
 */
public record CompileReport(
        int functions,
        int functionsSplit,
        int functionsAdded,
        List<Integer> interpretedFunctions,
        int largestMethodBytes,
        int methodsOverJitLimit) {

    /** HotSpot's default {@code -XX:HugeMethodLimit}: larger methods are never JIT-compiled. */
    public static final int JIT_LIMIT = 8_000;

    public CompileReport {
        interpretedFunctions = List.copyOf(interpretedFunctions);
    }

    /** Whether every function runs as JIT-compilable JVM code. */
    public boolean fullyCompiled() {
        return interpretedFunctions.isEmpty() && methodsOverJitLimit == 0;
    }
}
