package dev.wit4j.benchmarks;

import dev.wit4j.benchmarks.echo.Echo;
import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.binary.Section;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Func;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Limits;
import dev.wit4j.runtime.bindings.ExportFunction;
import dev.wit4j.runtime.internal.engine.CoreFunction;
import dev.wit4j.runtime.internal.engine.CoreModule;
import dev.wit4j.runtime.internal.engine.CoreModuleInstance;
import dev.wit4j.runtime.value.Value;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.Optional;
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
import run.endive.compiler.MachineFactoryCompiler;
import run.endive.runtime.Memory;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.MemoryLimits;

/**
 * {@code add(u32, u32) -> u32} called through the component layer, typed (the generated binding of
 * world {@code wit4j:bench/echo}: flat values straight through the primitives face) and dynamic
 * ({@link Value}s in and out), against the same core function called directly on Endive's compiler:
 * the difference is what the component layer costs per call. Compare {@link #typedAdd} and
 * {@link #typedAddConfined} with {@link #coreAddInt} (all return the {@code int}, so none allocates); {@link #coreAdd} and
 * {@link #faceCoreCallOnly} return the result array, which then has to be allocated.
 * {@link #coreAddPagedMemory} and {@link #engineAdd} show that neither the runtime's memory
 * nor its engine seam costs anything measurable on this call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CallBenchmark {

    private Func add;
    private Echo typed;
    private run.endive.runtime.ExportFunction coreAdd;
    private final Value a = Value.u32(40);
    private final Value b = Value.u32(2);

    @Setup
    public void setup() {
        byte[] bytes = Fixtures.echoComponent();
        Instance instance = Engine.create().linker().instantiate(Engine.create().load(bytes));
        add = instance.func("add");
        typed = Echo.instantiate(Engine.create(), bytes);

        byte[] coreModule = ComponentDecoder.decodeComponent(bytes)
                .sections(Section.ModuleSection.class)
                .get(0)
                .module()
                .bytes()
                .toByteArray();
        WasmModule module = Parser.parse(coreModule);
        coreAdd = run.endive.runtime.Instance.builder(module)
                .withMachineFactory(MachineFactoryCompiler.compile(module))
                .build()
                .export("add");
    }

    @Benchmark
    public Optional<Value> componentAdd() {
        return add.call(a, b);
    }

    @Benchmark
    public int typedAdd() {
        return typed.add(40, 2);
    }

    private Echo confined;

    /**
     * The typed {@code add} of an instance {@linkplain dev.wit4j.runtime.Linker#confined(boolean)
     * confined} to the thread that created it (JMH's setup runs on the benchmark thread): no
     * compare-and-set per call.
     */
    @Setup
    public void setupConfined() {
        Engine engine = Engine.create();
        confined = Echo.instantiate(engine.linker().confined(true), engine.load(Fixtures.echoComponent()));
    }

    @Benchmark
    public int typedAddConfined() {
        return confined.add(40, 2);
    }

    private Echo limited;

    /** The typed {@code add} of an instance held to every limit, a call timeout included. */
    @Setup
    public void setupLimited() {
        Engine engine = Engine.create();
        limited = Echo.instantiate(
                engine.linker()
                        .limits(Limits.builder()
                                .memoryBytes(64L << 20)
                                .tableElements(10_000)
                                .instances(100)
                                .handles(10_000)
                                .callTimeout(Duration.ofSeconds(10))
                                .build()),
                engine.load(Fixtures.echoComponent()));
    }

    @Benchmark
    public int typedAddLimited() {
        return limited.add(40, 2);
    }

    private ExportFunction face;
    private final long[] args = {40, 2};

    @Setup
    public void setupFace() {
        face = Engine.create()
                .linker()
                .instantiate(Engine.create().load(Fixtures.echoComponent()))
                .func("add")
                .typed();
    }

    /** Where the typed call's time goes: the core function through the runtime's engine seam alone. */
    @Benchmark
    public long[] faceCoreCallOnly() {
        return face.call(args);
    }

    /** The same plus canon_lift's entry and exit steps (enter, finish with post-return, exit). */
    @Benchmark
    public long faceEntryAndExit() {
        ExportFunction fn = face;
        fn.enter();
        try {
            long[] r = fn.call(args);
            long v = r[0];
            fn.finish(r);
            return v;
        } catch (RuntimeException e) {
            throw fn.fail(e);
        } finally {
            fn.exit();
        }
    }

    @Benchmark
    public long[] coreAdd() {
        return coreAdd.apply(40, 2);
    }

    /**
     * The direct call read as the typed call reads it (the result as an {@code int}, the arrays
     * never escaping): the baseline that {@link #typedAdd} is compared with.
     */
    @Benchmark
    public int coreAddInt() {
        return (int) coreAdd.apply(40, 2)[0];
    }

    private run.endive.runtime.ExportFunction segmentedAdd;
    private CoreFunction engineAdd;

    /**
     * The same core function on an Endive instance configured as the runtime configures its own
     * (start function off, the runtime's memory for unshared memories), and through the runtime's
     * engine seam ({@link CoreModuleInstance}, {@link CoreFunction}).
     */
    @Setup
    public void setupEngine() throws ReflectiveOperationException {
        byte[] coreModule = ComponentDecoder.decodeComponent(Fixtures.echoComponent())
                .sections(Section.ModuleSection.class)
                .get(0)
                .module()
                .bytes()
                .toByteArray();
        WasmModule module = Parser.parse(coreModule);
        Constructor<?> memory = Class.forName("dev.wit4j.runtime.internal.engine.PagedMemory")
                .getDeclaredConstructor(MemoryLimits.class);
        memory.setAccessible(true);
        segmentedAdd = run.endive.runtime.Instance.builder(module)
                .withStart(false)
                .withMachineFactory(MachineFactoryCompiler.compile(module))
                .withMemoryFactory(limits -> {
                    try {
                        return (Memory) memory.newInstance(limits);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .build()
                .export("add");
        engineAdd = (CoreFunction) CoreModuleInstance.instantiate(
                        CoreModule.parse(coreModule, 0), (m, n) -> Optional.empty(), ExecutionMode.COMPILED)
                .export("add")
                .orElseThrow();
    }

    /** {@link #coreAddInt} on an instance whose memory is the runtime's own. */
    @Benchmark
    public int coreAddPagedMemory() {
        return (int) segmentedAdd.apply(40, 2)[0];
    }

    /** {@link #coreAddInt} through the runtime's engine seam. */
    @Benchmark
    public int engineAdd() {
        return (int) engineAdd.call(40, 2)[0];
    }
}
