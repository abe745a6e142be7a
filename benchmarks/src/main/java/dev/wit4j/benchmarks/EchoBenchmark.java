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
 * {@code echo: func(s: string) -> string}: a string lowered into the component (realloc + copy +
 * UTF-8 encoding) and lifted back out (copy + decoding), at 16 B, 1 KiB and 1 MiB. Bytes per second
 * = 2 × size / time (the string crosses the boundary twice).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EchoBenchmark {

    @Param({"16", "1024", "1048576"})
    public int size;

    private Func echo;
    private Value argument;

    @Setup
    public void setup() {
        Engine engine = Engine.create();
        echo = engine.linker()
                .instantiate(engine.load(Fixtures.echoComponent()))
                .func("echo");
        argument = Value.string("x".repeat(size));
    }

    @Benchmark
    public Optional<Value> echo() {
        return echo.call(argument);
    }
}
