package dev.wit4j.runtime;

import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.binary.CoreModuleBinary;
import dev.wit4j.binary.WasmBinary;
import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.abi.CanonicalOptions;
import dev.wit4j.runtime.abi.Layout;
import dev.wit4j.runtime.internal.engine.CompiledCodeCache;
import dev.wit4j.runtime.internal.engine.CoreModule;
import dev.wit4j.runtime.internal.engine.Precompiled;
import dev.wit4j.runtime.internal.link.ComponentCode;
import dev.wit4j.runtime.internal.validate.ComponentValidator;
import dev.wit4j.runtime.internal.validate.ValidatedComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point of the runtime: loads components and creates linkers. An engine is immutable and
 * thread-safe; create one and share it. Compiled core code lives in the {@link Component}s it loads,
 * so every instance of a component reuses it.
 *
 * <pre>{@code
 * Engine engine = Engine.create();
 * Component component = engine.load(Path.of("calc.wasm"));      // decode + validate + compile once
 * Linker linker = engine.linker();
 * linker.func("log", args -> { System.out.println(args.get(0)); return Optional.empty(); });
 * Instance instance = linker.instantiate(component);
 * Optional<Value> v = instance.func("shout").call(Value.string("hi"));
 * }</pre>
 */
public final class Engine {

    private final ExecutionMode executionMode;
    private final ValidationFeatures features;
    private final long maxStringByteLength;
    private final CompiledCodeCache codeCache;
    private final boolean interpretUntilCached;

    private Engine(Builder builder) {
        this.codeCache = builder.cacheDirectory == null ? null : CompiledCodeCache.in(builder.cacheDirectory);
        this.interpretUntilCached = builder.interpretUntilCached;
        this.executionMode = builder.executionMode;
        this.features = builder.features;
        this.maxStringByteLength = builder.maxStringByteLength;
    }

    /** An engine with the defaults: compiled core code and every validation feature enabled. */
    public static Engine create() {
        return builder().build();
    }

    /** A builder for an engine with non-default settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** How core WebAssembly code runs. */
    public ExecutionMode executionMode() {
        return executionMode;
    }

    /** Where compiled core code is kept between processes, if anywhere (see {@link Builder#cacheDirectory}). */
    public Optional<Path> cacheDirectory() {
        return Optional.ofNullable(codeCache).map(CompiledCodeCache::directory);
    }

    /**
     * Whether every core module of {@code component}, loaded by this engine, has compiled code in
     * the cache directory: then running it {@link ExecutionMode#COMPILED} starts without compiling.
     * False without a cache directory.
     */
    public boolean hasCachedCode(Component component) {
        if (codeCache == null || component.coreModules().isEmpty()) return false;
        for (CoreModule module : component.coreModules()) {
            if (!codeCache.contains(module)) return false;
        }
        return true;
    }

    /**
     * Compiles the core modules of {@code component}, loaded by this engine, now rather than on
     * first instantiation; with a cache directory, the code is kept there (or read from it). An
     * engine that interprets can use this to fill the cache for later compiled runs.
     *
     * @return what compiling produced, one report per core module in the order of the component's
     *     binary: functions split to fit the JVM, functions left to the interpreter (none, normally),
     *     the largest JVM method generated
     */
    public List<CompileReport> precompile(Component component) {
        List<CompileReport> reports = new ArrayList<>();
        for (CoreModule module : component.coreModules()) {
            reports.add(module.compile());
        }
        return List.copyOf(reports);
    }

    /** The validation features components are checked against. */
    public ValidationFeatures validationFeatures() {
        return features;
    }

    /** The longest string, in bytes of its encoding, a component may pass (see {@link Builder#maxStringByteLength}). */
    public long maxStringByteLength() {
        return maxStringByteLength;
    }

    /**
     * Reads, decodes, validates and prepares a component binary.
     *
     * @throws UncheckedIOException if the file cannot be read
     * @throws WasmFormatException if the bytes are malformed or invalid
     * @throws IllegalArgumentException if the file is a core module rather than a component
     */
    public Component load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return load(bytes, true, codeCache, executionMode, interpretUntilCached);
    }

    /**
     * Decodes, validates and prepares a component binary: its core modules are parsed once here and
     * compiled on first instantiation (in {@link ExecutionMode#COMPILED}); the result is shared by
     * every instance.
     *
     * @throws WasmFormatException if the bytes are malformed or invalid
     * @throws IllegalArgumentException if the bytes are a core module rather than a component
     */
    public Component load(byte[] bytes) {
        return load(bytes, false, codeCache, executionMode, interpretUntilCached);
    }

    /**
     * Loads a component {@linkplain Component#serialize() serialized} by a build: its core modules
     * run the JVM classes compiled then ({@link ExecutionMode#COMPILED} whatever this engine's mode);
     * no wasm code is decoded, validated or compiled. The bytes are code: deserialize only what a
     * trusted build wrote.
     *
     * @throws IllegalArgumentException if the bytes are not a serialized component, are damaged, or
     *     were serialized by another wit4j version or core compiler (the message names both)
     */
    public Component deserialize(byte[] serialized) {
        Precompiled.Loaded loaded = Precompiled.read(Objects.requireNonNull(serialized, "serialized"));
        return load(loaded.component(), true, loaded.code(), ExecutionMode.COMPILED, false);
    }

    /**
     * {@link #deserialize(byte[])} from a stream, such as a class path resource: read straight into
     * the parts of the component, without the whole serialized form in memory first (for a large
     * component, tens of megabytes less to copy). The stream is read to its end, not closed.
     *
     * @throws IllegalArgumentException as {@link #deserialize(byte[])}, or if the stream cannot be read
     */
    public Component deserialize(InputStream serialized) {
        return deserialize(serialized, null);
    }

    /**
     * {@link #deserialize(java.io.InputStream)} of a component serialized with its classes apart
     * ({@link Component#serialize(String, java.util.function.BiConsumer)}): {@code classes} loads
     * them (the application's own class loader, when a build wrote them as class files).
     *
     * @throws IllegalArgumentException as {@link #deserialize(byte[])}
     */
    public Component deserialize(InputStream serialized, ClassLoader classes) {
        Precompiled.Loaded loaded = Precompiled.read(Objects.requireNonNull(serialized, "serialized"), classes);
        return load(loaded.component(), true, loaded.code(), ExecutionMode.COMPILED, false);
    }

    /** {@code owned}: nobody else holds {@code bytes}, so the decoded model may keep ranges of them. */
    private Component load(
            byte[] bytes,
            boolean owned,
            CompiledCodeCache codeCache,
            ExecutionMode executionMode,
            boolean interpretUntilCached) {
        Objects.requireNonNull(bytes, "bytes");
        boolean closures = features.isEnabled(ValidationFeatures.Feature.STAGING_BY_CLOSURE);
        WasmBinary binary =
                owned ? ComponentDecoder.decodeOwned(bytes, closures) : ComponentDecoder.decode(bytes, closures);
        if (binary instanceof CoreModuleBinary) {
            throw new IllegalArgumentException("this is a core WebAssembly module, not a component");
        }
        dev.wit4j.binary.Component decoded = (dev.wit4j.binary.Component) binary;
        ValidatedComponent validated = ComponentValidator.validate(decoded, features, codeCache);
        if (codeCache != null) {
            for (CoreModule module : validated.coreModules()) {
                module.useCompiledCodeCache(codeCache, interpretUntilCached);
            }
        }
        ComponentCode code = ComponentCode.root(decoded, validated.coreModules(), executionMode, maxStringByteLength);
        return new Component(this, code, validated.type(), validated.coreModules());
    }

    /** A new, empty linker for this engine. */
    public Linker linker() {
        return new Linker(this);
    }

    /** Builds an {@link Engine}. */
    public static final class Builder {
        private ExecutionMode executionMode = ExecutionMode.COMPILED;
        private ValidationFeatures features = ValidationFeatures.all();
        private long maxStringByteLength = Layout.MAX_STRING_BYTE_LENGTH;
        private Path cacheDirectory;
        private boolean interpretUntilCached;

        private Builder() {}

        /**
         * Keeps the JVM classes compiled from core modules in {@code directory} (created when
         * needed), so that a later engine, in this process or another, loading the same module
         * defines them instead of compiling again: compiling a large module (a JavaScript engine,
         * say) takes seconds. Entries are keyed by a SHA-256 of the module, the compiler and the
         * wit4j version; a damaged entry is detected and compiled again, and several processes can
         * share a directory. It is read when core code is compiled: in {@link ExecutionMode#COMPILED}
         * or by {@link Engine#precompile}. Default: no cache.
         *
         * @param directory the cache directory, or {@code null} for none
         */
        public Builder cacheDirectory(Path directory) {
            this.cacheDirectory = directory;
            return this;
        }

        /** How core code runs: {@link ExecutionMode#COMPILED} (the default) or interpreted. */
        public Builder executionMode(ExecutionMode mode) {
            this.executionMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Which gated features validation accepts (default: all). */
        public Builder validationFeatures(ValidationFeatures features) {
            this.features = Objects.requireNonNull(features, "features");
            return this;
        }

        /**
         * The longest string, in bytes of the encoding it is stored in, that the canonical ABI
         * lifts; a longer one traps. The default is CanonicalABI.md's {@code MAX_STRING_BYTE_LENGTH},
         * 2^28-1. Up to 2^31-1 is accepted, wasmtime's limit, for components that rely on it; above
         * the spec's value every allocation made to store a string is limited to the same number of
         * bytes, as in wasmtime (the spec's own limit guarantees that those allocations fit a 32-bit
         * memory).
         *
         * @throws IllegalArgumentException unless {@code 0 <= bytes <= 2^31-1}
         */
        public Builder maxStringByteLength(long bytes) {
            this.maxStringByteLength = CanonicalOptions.checkMaxStringByteLength(bytes);
            return this;
        }

        /**
         * With a {@link #cacheDirectory}, in {@link ExecutionMode#COMPILED}: a core module whose
         * compiled code is not cached yet is interpreted instead of compiled first; its cached code
         * is used once {@link Engine#precompile} (here or in an earlier process) wrote it. For
         * short-lived processes, such as a command-line run, to which compiling a large module
         * costs more than interpreting it. Default: false.
         */
        public Builder interpretUntilCached(boolean interpretUntilCached) {
            this.interpretUntilCached = interpretUntilCached;
            return this;
        }

        /** The engine. */
        public Engine build() {
            return new Engine(this);
        }
    }
}
