package dev.wit4j.runtime.internal.engine;

import dev.wit4j.runtime.CompileReport;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.core.CoreImport;
import dev.wit4j.runtime.internal.engine.split.ModuleSplitter;
import dev.wit4j.runtime.internal.engine.validation.CodeValidation;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import run.endive.runtime.Instance;
import run.endive.runtime.Machine;
import run.endive.wasm.InvalidException;
import run.endive.wasm.MalformedException;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmModule;

/**
 * A core WebAssembly module embedded in a component, validated once by the core engine.
 *
 * <p>What loading keeps is what instances need besides code: the module without its function
 * bodies (imports, exports, types, tables, memories, globals, elements, data), read quickly. The
 * code is read again only to interpret it or to compile it; a module whose compiled code is in the
 * {@link CompiledCodeCache} is neither validated again (the entry was made of this very module,
 * after it was validated) nor is its code read at all. This package is the only place that talks to
 * the Endive engine.
 */
public final class CoreModule {

    /** The logger, looked up only when something is logged: finding it costs start-up time (the logging system starts). */
    private static System.Logger log() {
        return System.getLogger(CoreModule.class.getName());
    }

    /**
     * The splitter's budget in estimated bytes of JVM code per function: {@code wit4j.split.budget}
     * if set (tests set a tiny one so that nearly every function is split, and then split modules
     * are validated and interpreted too), the splitter's default otherwise.
     */
    private static final int SPLIT_BUDGET = Integer.getInteger("wit4j.split.budget", ModuleSplitter.DEFAULT_BUDGET);
    /** Whether splitting was forced from outside: then it is checked and used in both modes. */
    static final boolean SPLIT_FORCED = System.getProperty("wit4j.split.budget") != null;

    private final byte[] bytes;
    private final long offset;
    /** SHA-256 of the bytes, computed when first needed: a module used without a cache never needs it. */
    private volatile String digest;
    /**
     * The module without code bodies: what instances are built from, besides their code; null for
     * a module read for its declarations only ({@link #parseDeclarations}).
     */
    private final WasmModule module;
    /** The module with its code, parsed when the interpreter needs it. */
    private volatile WasmModule withCode;

    private final List<CoreImport> imports;
    private final List<CoreExport> exports;
    /** Each export's index in its index space (imports first), by name; made on first instantiation. */
    private volatile Map<String, Integer> exportIndices;
    /** Whether instances keep their globals in {@link GlobalCells}; decided on first instantiation. */
    private volatile Boolean globalCells;

    private volatile CompiledCode compiled;
    private volatile WasmModule interpretedSplit;
    private volatile CompiledCodeCache cache;
    private volatile boolean interpretUntilCached;

    /** The compiler settings, part of a {@link CompiledCodeCache} key: other settings, other code. */
    static final String COMPILE_OPTIONS = "interpreterFallback=SILENT;split=" + ModuleSplitter.VERSION + "/"
            + SPLIT_BUDGET + ";rewrite=cells,geu,calls";

    private CoreModule(
            byte[] bytes,
            long offset,
            String digest,
            WasmModule module,
            List<CoreImport> imports,
            List<CoreExport> exports) {
        this.bytes = bytes;
        this.offset = offset;
        this.digest = digest;
        this.module = module;
        this.imports = List.copyOf(imports);
        this.exports = List.copyOf(exports);
    }

    /**
     * Decodes and validates a core module.
     *
     * @param bytes the module's binary, starting with the {@code \0asm} preamble
     * @param offset where those bytes start in the outermost binary, for error messages
     * @throws CoreModuleException if the bytes are malformed or the module is invalid
     */
    public static CoreModule parse(byte[] bytes, long offset) {
        return parse(bytes, offset, null);
    }

    /**
     * Decodes a core module's declarations — types, imports, exports, and what they name — without
     * validating its code: what a tool needs that only describes the module's interface (as
     * wasm-tools' WIT decoding leaves function bodies alone). The module cannot be instantiated.
     *
     * @throws CoreModuleException if the declarations are malformed or invalid
     */
    public static CoreModule parseDeclarations(byte[] bytes, long offset) {
        checkBounds(bytes, offset);
        CoreDeclarations.Read read = CoreDeclarations.read(bytes);
        if (read != null) return new CoreModule(bytes, offset, null, null, read.imports(), read.exports());
        byte[] copy = bytes.clone();
        WasmModule declarations;
        try {
            declarations = parseWorkingAround(ModuleSplitter.declarations(copy), false);
        } catch (IllegalArgumentException e) {
            // a module the splitter's reader does not know: the whole of it, validated
            return parse(bytes, offset);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | AssertionError e) {
            throw new CoreModuleException(
                    e.getMessage() == null ? "malformed core module" : e.getMessage(), offset, true, null);
        }
        try {
            return describe(copy, offset, null, declarations, offset);
        } catch (InvalidException e) {
            throw new CoreModuleException(reason(e, "invalid core module"), offset, false, e);
        }
    }

    /**
     * Decodes and validates a core module, or takes it from {@code cache}: a module whose compiled
     * code the cache holds was validated when the entry was made, and is not validated again.
     *
     * @param cache the compiled-code cache to use (as {@link #useCompiledCodeCache}), or null
     * @throws CoreModuleException if the bytes are malformed or the module is invalid
     */
    public static CoreModule parse(byte[] bytes, long offset, CompiledCodeCache cache) {
        return parseOwned(bytes.clone(), offset, cache);
    }

    /**
     * {@link #parse(byte[], long, CompiledCodeCache)} of an array the caller hands over: it is
     * kept (and may be changed) rather than copied, which for a module of megabytes saves a copy
     * into fresh heap in a process that has just started.
     */
    public static CoreModule parseOwned(byte[] copy, long offset, CompiledCodeCache cache) {
        String known = cache != null ? cache.knownDigest(copy) : null;
        String digest = known != null ? known : cache != null ? CompiledCodeCache.sha256Hex(copy) : null;
        if (cache != null) {
            CompiledCode code = cached(cache, cache.keyFor(digest), copy);
            if (code == null && cache.holdsSkeletons()) {
                // a precompiled component's module is a skeleton: without its classes it cannot run
                throw new IllegalArgumentException("the precompiled component has no usable compiled code for its core"
                        + " module at offset " + offset);
            }
            if (code != null) {
                CoreModule module = describe(copy, offset, digest, code.module(), offset);
                module.compiled = code;
                module.cache = cache;
                return module;
            }
        }
        checkBounds(copy, offset);
        WasmModule validated;
        try {
            validated = validateIgnoringABadNameSection(copy);
        } catch (MalformedException e) {
            throw new CoreModuleException(reason(e, "malformed core module"), offset, true, e);
        } catch (InvalidException e) {
            throw new CoreModuleException(reason(e, "invalid core module"), offset, false, e);
        } catch (CodeValidation.InvalidCodeException e) {
            throw new CoreModuleException(e.getMessage(), offset + e.offset(), e.malformed(), e);
        } catch (RuntimeException e) {
            // The engine reports some problems with other exception types (for example a
            // truncated section); all of them mean that the bytes are not a valid module.
            throw new CoreModuleException(reason(e, "malformed core module"), offset, true, e);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // what the bounds check lets through and still does not fit: never an Error to the caller
            throw new CoreModuleException(
                    "core module too large or too deeply nested to read: " + e, offset, true, null);
        } catch (AssertionError e) {
            // the core engine's parser met bytes it asserts cannot occur, reported when assertions
            // are enabled (-ea); without them the same module is refused as invalid
            throw new CoreModuleException(
                    "malformed core module: the core engine's parser refused it (" + e.getStackTrace()[0] + ")",
                    offset,
                    true,
                    e);
        }
        // the validating parse read the code already: keep it (the interpreter needs it; compiling
        // lets it go); validated in parts, keep only the module's skeleton
        WasmModule metadata;
        WasmModule withCode = validated;
        if (validated != null) {
            metadata = validated;
        } else {
            try {
                metadata = parseWorkingAround(ModuleSplitter.skeleton(copy, ModuleSplitter.Additions.NONE), false);
            } catch (IllegalArgumentException e) {
                // a module the splitter's reader does not know (GC types, …): read it whole
                withCode = parseWorkingAround(copy, false);
                metadata = withCode;
            }
        }
        CoreModule module;
        try {
            module = describe(copy, offset, digest, metadata, offset);
        } catch (InvalidException e) {
            // an index the core engine's validation leaves unchecked (an import's type)
            throw new CoreModuleException(reason(e, "invalid core module"), offset, false, e);
        }
        module.withCode = withCode;
        module.cache = cache;
        return module;
    }

    /** {@link ModuleBounds#check}, its finding as the module's error. */
    private static void checkBounds(byte[] copy, long offset) {
        try {
            ModuleBounds.check(copy);
        } catch (ModuleBounds.OutOfBounds e) {
            throw new CoreModuleException(
                    e.getMessage() + " (at byte " + e.offset + " of the module)", offset + e.offset, true, null);
        }
    }

    /**
     * Validates {@code copy}; if the core engine refuses it and it has a name section, once more
     * without it (renamed in {@code copy}): errors in a custom section's contents "must not
     * invalidate the module" (core spec, Custom Sections), and the engine reads the name section.
     */
    private static WasmModule validateIgnoringABadNameSection(byte[] copy) {
        try {
            return CoreValidation.validate(copy);
        } catch (RuntimeException | AssertionError | StackOverflowError | OutOfMemoryError e) {
            if (!ModuleBounds.ignoreNameSection(copy)) throw e;
            try {
                return CoreValidation.validate(copy);
            } catch (RuntimeException | AssertionError | StackOverflowError | OutOfMemoryError again) {
                throw e; // not the name section: the first error is the module's
            }
        }
    }

    /** The compiled code in {@code cache} for the module, or null; an unusable entry is dropped. */
    private static CompiledCode cached(CompiledCodeCache cache, String key, byte[] bytes) {
        byte[] entry = cache.read(key);
        if (entry == null) return null;
        try {
            return CompiledCode.fromBytes(entry, bytes, cache.holdsSkeletons(), cache.classLoader());
        } catch (RuntimeException e) {
            if (cache.holdsSkeletons() && e instanceof IllegalArgumentException) {
                throw e; // a precompiled component's code says why it cannot be used: nothing to fall back on
            }
            log().log(System.Logger.Level.DEBUG, "discarding unusable compiled code cache entry " + key, e);
            cache.discard(key);
            return null;
        }
    }

    private static WasmModule parseWorkingAround(byte[] bytes) {
        return parseWorkingAround(bytes, true);
    }

    /**
     * Parses a module with Endive, validating it or not; a module that imports an empty name is
     * parsed in a form Endive accepts ({@link EmptyImportNames}).
     */
    static WasmModule parseWorkingAround(byte[] bytes, boolean validate) {
        Parser parser = Parser.builder().withValidation(validate).build();
        try {
            return parser.parse(() -> new ByteArrayInputStream(bytes));
        } catch (MalformedException e) {
            byte[] rewritten = EmptyImportNames.rewrite(bytes);
            if (rewritten == null) throw e;
            return parser.parse(() -> new ByteArrayInputStream(rewritten));
        }
    }

    /** The module's imports, in order. */
    public List<CoreImport> imports() {
        return imports;
    }

    /** The module's exports, in order. */
    public List<CoreExport> exports() {
        return exports;
    }

    /** The module without its code: its imports and exports are those of every form of it. */
    WasmModule wasmModule() {
        return module;
    }

    /**
     * The index (imports first) of the export {@code name} in its index space: what every
     * instance's exports are found by, read from the export section once (export names are unique
     * in a module, whatever their kind).
     */
    int exportIndex(String name) {
        Map<String, Integer> indices = exportIndices;
        if (indices == null) {
            var section = module.exportSection();
            Map<String, Integer> made = new HashMap<>();
            for (int i = 0; i < section.exportCount(); i++) {
                made.put(section.getExport(i).name(), section.getExport(i).index());
            }
            exportIndices = indices = made;
        }
        Integer index = indices.get(name);
        if (index == null) throw new IllegalStateException("no export `" + name + "`");
        return index;
    }

    /**
     * Whether instances keep their numeric globals in {@link GlobalCells} ({@link
     * GlobalCells#applies}: the same for the module as split and compiled, whose memories and
     * imports are the original's).
     */
    boolean globalCells() {
        Boolean applies = globalCells;
        if (applies == null) globalCells = applies = GlobalCells.applies(module);
        return applies;
    }

    /** The module with its code, for the interpreter (validated when this module was created). */
    private WasmModule withCode() {
        WasmModule m = withCode;
        if (m == null) {
            m = parseWorkingAround(bytes, false);
            withCode = m;
        }
        return m;
    }

    /**
     * This module compiled for running without its code: the skeleton its compiled code runs on
     * (every function body {@code unreachable}), its digest, and that code's cache entry.
     *
     * @throws IllegalStateException if some function could only be interpreted (its body would be lost)
     */
    Precompiled.Module precompiled() {
        return precompiled(null, null);
    }

    /**
     * {@link #precompiled()}; with a {@code pkg}, the classes are handed to {@code sink}, moved into
     * a package of {@code pkg} named after the skeleton's digest, instead of being part of the entry.
     */
    Precompiled.Module precompiled(String pkg, BiConsumer<String, byte[]> sink) {
        CompiledCode code = compiledCode();
        if (!code.report().interpretedFunctions().isEmpty()) {
            throw new IllegalStateException("core module at offset 0x" + Long.toHexString(offset) + ": "
                    + code.report().interpretedFunctions().size() + " functions could not be compiled; it cannot run"
                    + " without its code");
        }
        // whether the code names a data segment is known from the code: a skeleton's own code is gone
        boolean fromSkeleton = cache != null && cache.holdsSkeletons();
        byte[] skeleton = ModuleSplitter.skeleton(
                bytes,
                code.additions(),
                () -> fromSkeleton || withCode().codeSection().isRequiresDataCount());
        String digest = CompiledCodeCache.sha256Hex(skeleton);
        CompiledCode stored = pkg == null ? code : code.withClassesApart(pkg + ".m" + digest.substring(0, 16), sink);
        return new Precompiled.Module(skeleton, digest, stored.toBytes(ModuleSplitter.Additions.NONE));
    }

    /** SHA-256 of the module's bytes, in hex: part of its compiled-code cache key. */
    String digest() {
        String d = digest;
        if (d == null) {
            d = CompiledCodeCache.sha256Hex(bytes);
            digest = d;
        }
        return d;
    }

    /** The module instances in {@code mode} are built from, and the machine that runs their code. */
    record Execution(WasmModule module, Function<Instance, Machine> machine, SegmentBytes segments) {
        Execution(WasmModule module, Function<Instance, Machine> machine) {
            this(module, machine, null);
        }
    }

    /**
     * What instances in {@code mode} run: in {@link ExecutionMode#COMPILED} the module's code
     * compiled to JVM bytecode once, on first use, and shared by every instance (it is immutable).
     */
    Execution execution(ExecutionMode mode) {
        if (mode == ExecutionMode.INTERPRETED) {
            return new Execution(SPLIT_FORCED ? interpretedSplit() : withCode(), InterpretedCode::new);
        }
        CompiledCode code = compiled;
        if (code == null && interpretUntilCached && !cachedCodeExists()) {
            return new Execution(withCode(), InterpretedCode::new);
        }
        code = code != null ? code : compiledCode();
        return new Execution(code.module(), code.factory(), code.segments());
    }

    /** The split module, validated, for interpreting it when splitting is forced. */
    private WasmModule interpretedSplit() {
        WasmModule split = interpretedSplit;
        if (split == null) {
            ModuleSplitter.Result result = ModuleSplitter.split(bytes, SPLIT_BUDGET);
            split = result.changed() ? parseWorkingAround(result.bytes(), true) : withCode();
            interpretedSplit = split;
        }
        return split;
    }

    /** The compiled code, compiled (or read from the cache) on first use. */
    private CompiledCode compiledCode() {
        CompiledCode code = compiled;
        if (code == null) {
            synchronized (this) {
                code = compiled;
                if (code == null) {
                    code = compileWithCache();
                    compiled = code;
                    withCode = null; // compiled instances do not need it; read again if ever interpreted
                    warnIfInterpreted(code.report());
                }
            }
        }
        return code;
    }

    private void warnIfInterpreted(CompileReport report) {
        if (!report.interpretedFunctions().isEmpty()) {
            List<Integer> functions = report.interpretedFunctions();
            log().log(
                            System.Logger.Level.WARNING,
                            "core module at offset 0x" + Long.toHexString(offset) + ": "
                                    + functions.size() + " of " + report.functions()
                                    + " functions too large for the JVM run in"
                                    + " the interpreter (functions "
                                    + functions
                                            .subList(0, Math.min(5, functions.size()))
                                            .toString()
                                            .replaceAll("[\\[\\]]", "")
                                    + (functions.size() > 5 ? ", …" : "") + ")");
        }
    }

    /** What compiling this module produced, if it has been compiled in this process. */
    public Optional<CompileReport> compileReport() {
        CompiledCode code = compiled;
        return code == null ? Optional.empty() : Optional.of(code.report());
    }

    /**
     * Keeps this module's compiled code in {@code cache} (or stops, with {@code null}): a later
     * compilation of the same module, in this process or another, defines the cached classes
     * instead of compiling. Takes effect if the module has not been compiled yet.
     */
    public void useCompiledCodeCache(CompiledCodeCache cache) {
        useCompiledCodeCache(cache, false);
    }

    /**
     * {@link #useCompiledCodeCache(CompiledCodeCache)}; with {@code interpretUntilCached}, an
     * instance created while the cache has no entry for this module (and the module was not
     * {@link #compile compiled} in this process) is interpreted instead of waiting for the
     * compiler. For short-lived processes, to which compiling a large module costs more than
     * interpreting it; {@link #compile} fills the cache.
     */
    public void useCompiledCodeCache(CompiledCodeCache cache, boolean interpretUntilCached) {
        this.cache = cache;
        this.interpretUntilCached = cache != null && interpretUntilCached;
    }

    /** Whether the cache has an entry for this module (checked when it is read). */
    private boolean cachedCodeExists() {
        CompiledCodeCache cache = this.cache;
        return cache != null && cache.has(cache.keyFor(digest()));
    }

    /**
     * Compiles the module to JVM bytecode now, if that has not happened yet, through its compiled
     * code cache if it has one; instances created in {@link ExecutionMode#COMPILED} use the result.
     *
     * @return what compiling produced
     */
    public CompileReport compile() {
        return compiledCode().report();
    }

    private CompiledCode compileWithCache() {
        CompiledCodeCache cache = this.cache;
        String key = cache == null ? null : cache.keyFor(digest());
        if (key != null) {
            byte[] entry = cache.read(key);
            if (entry != null) {
                try {
                    CompiledCode code = CompiledCode.fromBytes(entry, bytes);
                    code.factory(); // its classes are defined here, so a broken entry fails now, not later
                    return code;
                } catch (RuntimeException | LinkageError e) {
                    // An entry that passed its checksum but cannot be used (written by a compiler
                    // the key did not tell apart): replace it with freshly compiled code.
                    log().log(System.Logger.Level.DEBUG, "discarding unusable compiled code cache entry " + key, e);
                    cache.discard(key);
                }
            }
        }
        CompiledCode code = CodeCompiler.compile(bytes, this::withCode, SPLIT_BUDGET, SPLIT_FORCED);
        if (key != null) {
            cache.write(key, code.toBytes(), true);
        }
        return code;
    }

    private static String reason(RuntimeException e, String fallback) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? fallback : message;
    }

    private static CoreModule describe(byte[] bytes, long offset, String digest, WasmModule module, long at) {
        CoreDeclarations.Read read = EngineDeclarations.read(module, at);
        return new CoreModule(bytes, offset, digest, module, read.imports(), read.exports());
    }
}
