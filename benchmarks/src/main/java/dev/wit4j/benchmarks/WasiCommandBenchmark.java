package dev.wit4j.benchmarks;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.InstancePre;
import dev.wit4j.wasi.WasiContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The JavaScript command of examples/wasi-apps (jco componentize: StarlingMonkey, a 12 MB core
 * module) on the WASI host, with GREETING and a read-only /data granted. Build it first ({@code examples/wasi-apps/build.sh}); another file can
 * be named with {@code -Dwit4j.bench.command=PATH}. {@code benchmarks/jco-run.mjs} times
 * {@code jco run} (node) on the same file for comparison.
 *
 * <ul>
 *   <li>{@code startup}: a new engine loads, compiles (or prepares the interpreter), instantiates
 *       and runs the command to its exit: what {@code wit4j run} does for one file.</li>
 *   <li>{@code startupWithWarmCache}: the same with the engine's compiled-code cache directory
 *       filled beforehand ({@link Engine.Builder#cacheDirectory}): what a later process pays once
 *       the core code was compiled; in INTERPRETED mode the cache is not used.</li>
 *   <li>{@code instantiateAndRun}: a fresh instance of a component loaded and linked once
 *       ({@link InstancePre}), run to its exit: the per-run cost of a host that keeps the component.</li>
 *   <li>{@code warmRun}: {@code wasi:cli/run} called again on one live instance.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xss16m")
public class WasiCommandBenchmark {

    @Param({"INTERPRETED", "COMPILED"})
    public ExecutionMode mode;

    private byte[] bytes;
    private WasiContext wasi;
    private InstancePre pre;
    private Instance live;

    private Path data;
    private Path cache;

    /** Its whole job: GREETING and /data/input.txt granted, output discarded, returns normally. */
    private WasiContext context() {
        return WasiContext.builder()
                .args("app")
                .env("GREETING", "bench")
                .preopenedDir(data, "/data", true)
                .build();
    }

    @Setup(Level.Trial)
    public void load() {
        Path file = Path.of(System.getProperty("wit4j.bench.command", "examples/wasi-apps/target/app-js.wasm"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    file.toAbsolutePath() + " is missing: build it with examples/wasi-apps/build.sh"
                            + " (or name another command component with -Dwit4j.bench.command=PATH)");
        }
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            data = Files.createTempDirectory("wit4j-bench");
            Files.writeString(data.resolve("input.txt"), "benchmark input\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        wasi = context();
        try {
            cache = Files.createTempDirectory("wit4j-bench-cache");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Engine engine =
                Engine.builder().executionMode(mode).cacheDirectory(cache).build();
        pre = wasi.addToLinker(engine.linker()).instantiatePre(engine.load(bytes));
        live = pre.instantiate();
        if (WasiContext.run(live) != 0) {
            throw new IllegalStateException("the command did not exit with 0");
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int startup() {
        Engine engine = Engine.builder().executionMode(mode).build();
        Component component = engine.load(bytes);
        return context().run(engine, component);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int startupWithWarmCache() {
        Engine engine =
                Engine.builder().executionMode(mode).cacheDirectory(cache).build();
        Component component = engine.load(bytes);
        return context().run(engine, component);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public int instantiateAndRun() {
        return WasiContext.run(pre.instantiate());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public int warmRun() {
        return WasiContext.run(live);
    }
}
