package dev.wit4j.benchmarks;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.InstancePre;
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
 * Instantiating pre-instantiated components: the per-instance cost once decoding, validation,
 * compilation and import resolution are done. {@code instantiate}: a small component (one core
 * module with a memory, two lifted functions); {@code instantiateComposed}: a caller component and
 * a callee component plugged together in one (two nested components, their types, the callee's
 * instance typed as the caller's import, four lowered functions moving values memory to memory).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InstantiateBenchmark {

    private InstancePre pre;
    private InstancePre composed;

    @Setup
    public void setup() {
        Engine engine = Engine.create();
        pre = engine.linker().instantiatePre(engine.load(Fixtures.echoComponent()));
        composed = engine.linker().instantiatePre(engine.load(Fixtures.crossComponent()));
    }

    @Benchmark
    public Instance instantiate() {
        return pre.instantiate();
    }

    @Benchmark
    public Instance instantiateComposed() {
        return composed.instantiate();
    }
}
