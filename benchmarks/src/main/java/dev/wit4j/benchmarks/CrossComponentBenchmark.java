package dev.wit4j.benchmarks;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.Func;
import dev.wit4j.runtime.value.Value;
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
 * A component calling another component ({@code c2c.wasm}): {@code size} bytes of the caller's
 * memory go to the callee memory to memory, as a UTF-8 string (copied as is), as a UTF-8 string to
 * a UTF-16 callee (transcoded), as {@code size / 8} records {@code {x: u8, y: u32}} and as
 * {@code size / 8} (empty) strings. One host call into the caller per operation, with a {@code u32}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CrossComponentBenchmark {

    @Param({"string-utf8", "string-utf16", "pairs", "strings"})
    public String kind;

    @Param({"16", "1024", "1048576"})
    public int size;

    private Func func;
    private Value argument;

    @Setup
    public void setup() {
        Engine engine = Engine.create();
        func = engine.linker()
                .instantiate(engine.load(Fixtures.crossComponent()))
                .func(kind);
        argument = Value.u32(kind.startsWith("string-") ? size : size / 8);
        Optional<Value> count = func.call(argument);
        if (!count.equals(Optional.of(argument))) {
            throw new IllegalStateException(kind + " received " + count + ", expected " + argument);
        }
    }

    @Benchmark
    public Optional<Value> call() {
        return func.call(argument);
    }
}
