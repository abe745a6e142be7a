package dev.wit4j.benchmarks;

import dev.wit4j.benchmarks.ledger.Ledger;
import dev.wit4j.benchmarks.ledger.LedgerWorld;
import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.types.Tuple3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A JavaScript component (examples/ledger, jco componentize: SpiderMonkey compiled to wasm) called
 * through generated bindings, compiled: {@code classify(5)}, {@code checksum} of 1 MiB and
 * {@code summarize} of 1,000 records. {@code benchmarks/ledger-node.mjs} makes the same calls on the
 * same file transpiled by jco and run in node; {@code benchmarks/compare-ledger.sh} runs both.
 * Build the component first ({@code examples/ledger/build.sh}), or name one with
 * {@code -Dwit4j.bench.ledger=PATH}. Compiled code is kept in {@code target/bench-cache} so that only
 * the first fork compiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// the JavaScript engine's thousands of functions take tens of seconds of JIT compilation to settle
@Warmup(iterations = 20, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xss16m")
public class LedgerBenchmark {

    private Ledger ledger;
    private byte[] megabyte;
    private List<Ledger.Entry> entries;

    @Setup
    public void setup() throws Exception {
        Path file = Path.of(System.getProperty("wit4j.bench.ledger", "examples/ledger/target/ledger.wasm"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    file.toAbsolutePath() + " is missing: build it with examples/ledger/build.sh");
        }
        Engine engine = Engine.builder()
                .executionMode(ExecutionMode.COMPILED)
                .cacheDirectory(Path.of("target", "bench-cache"))
                .build();
        Component component = engine.load(file);
        engine.precompile(component);
        ledger = LedgerWorld.instantiate(engine, component).ledger();
        megabyte = new byte[1 << 20];
        for (int i = 0; i < megabyte.length; i++) megabyte[i] = (byte) (i * 31);
        entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) entries.add(new Ledger.Entry("acct-" + i, i * 7L, i % 3 == 0));
        // the same answers as node gives for the same calls
        check(ledger.classify(5) == Ledger.Category.SMALL, "classify");
        check(ledger.checksum(megabyte) == 538998665, "checksum");
        Tuple3<Integer, Long, String> summary = ledger.summarize(entries);
        check(
                summary.first() == 334
                        && summary.second() == 3496500L
                        && summary.third().equals("acct-999"),
                "summarize");
    }

    private static void check(boolean ok, String what) {
        if (!ok) throw new IllegalStateException(what + " gave a wrong answer");
    }

    @Benchmark
    public Ledger.Category classify() {
        return ledger.classify(5);
    }

    @Benchmark
    public int checksumMegabyte() {
        return ledger.checksum(megabyte);
    }

    @Benchmark
    public Tuple3<Integer, Long, String> summarizeThousand() {
        return ledger.summarize(entries);
    }
}
