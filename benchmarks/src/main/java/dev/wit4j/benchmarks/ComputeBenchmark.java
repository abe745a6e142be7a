package dev.wit4j.benchmarks;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Func;
import dev.wit4j.runtime.value.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compute-bound C (benchmarks/compute: a sieve, a bytecode interpreter, a hash; clang + wasi-libc)
 * compiled by Endive, against the same wasm in V8 ({@code benchmarks/compute-node.mjs}): what the
 * generated code itself costs, with no host calls and nothing interpreted. {@code crunch} runs the
 * three kernels, the other exports one each. Build it first with {@code benchmarks/compute/build.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ComputeBenchmark {

    @Param({"256"})
    public int kib;

    @Param({"crunch", "sieve", "interpret", "hash"})
    public String export;

    private Func kernel;
    private Value argument;

    @Setup
    public void setup() {
        Path file = Path.of(System.getProperty("wit4j.bench.compute", "benchmarks/target/compute.wasm"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    file.toAbsolutePath() + " is missing: build it with benchmarks/compute/build.sh");
        }
        Engine engine = Engine.builder().executionMode(ExecutionMode.COMPILED).build();
        kernel = engine.linker().instantiate(engine.load(file)).func(export);
        argument = Value.u32(kib);
    }

    @Benchmark
    public Optional<Value> call() {
        return kernel.call(argument);
    }
}
