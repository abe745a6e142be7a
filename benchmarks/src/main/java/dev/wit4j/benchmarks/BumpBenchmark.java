package dev.wit4j.benchmarks;

import dev.wit4j.benchmarks.bump.Bump;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Memory growth: {@code upper} of a 1 KiB string on a guest that never frees and grows its memory a
 * page at a time (bump.wasm), 200,000 calls on one instance in batches of 20,000, each batch timed:
 * per-call time must stay flat while memory grows to hundreds of megabytes. Time per batch /
 * 20,000 = time per call. {@code benchmarks/bump-node.mjs} makes the same calls in node.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 10, batchSize = 20_000)
@Fork(value = 1)
public class BumpBenchmark {

    @Param({"COMPILED"})
    public ExecutionMode mode;

    private Bump bump;
    private String kilobyte;

    @Setup(Level.Trial)
    public void setup() {
        Engine engine = Engine.builder().executionMode(mode).build();
        bump = Bump.instantiate(engine, Fixtures.resource("bump.wasm"));
        kilobyte = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(29).substring(0, 1024);
        if (!bump.upper(kilobyte).equals(kilobyte.toUpperCase())) throw new IllegalStateException("wrong result");
    }

    @Benchmark
    public String upper() {
        return bump.upper(kilobyte);
    }
}
