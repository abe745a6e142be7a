package dev.wit4j.runtime.internal.engine;

import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.core.CoreExternType;
import dev.wit4j.runtime.core.CoreFuncType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import run.endive.runtime.ByteBufferMemory;
import run.endive.runtime.ImportGlobal;
import run.endive.runtime.ImportMemory;
import run.endive.runtime.ImportTable;
import run.endive.runtime.ImportTag;
import run.endive.runtime.ImportValues;
import run.endive.runtime.Instance;
import run.endive.runtime.Memory;
import run.endive.runtime.WasmException;
import run.endive.wasm.WasmEngineException;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.Import;
import run.endive.wasm.types.MemoryLimits;
import run.endive.wasm.types.Table;
import run.endive.wasm.types.TableLimits;

/**
 * A live instance of a core module: its own memories, tables and globals (shared-nothing unless
 * they were imported), and its exports by name.
 */
public final class CoreModuleInstance {

    /** Supplies a core instance's imports, by module and field name, as the module declares them. */
    @FunctionalInterface
    public interface Imports {
        /** The value for {@code module}.{@code name}, or empty if there is none. */
        Optional<CoreExtern> resolve(String module, String name);
    }

    private final Instance instance;
    private final Map<String, CoreExtern> exports;

    private CoreModuleInstance(Instance instance, Map<String, CoreExtern> exports) {
        this.instance = instance;
        this.exports = exports;
    }

    /**
     * Instantiates {@code module}: resolves every import, initialises memories and tables and runs
     * the module's start function.
     *
     * @param mode whether to run the module's code compiled to JVM bytecode or interpreted
     * @throws CoreLinkException if an import is missing or of the wrong kind
     * @throws CoreTrapException if the start function or a segment initialisation traps
     */
    public static CoreModuleInstance instantiate(CoreModule module, Imports imports, ExecutionMode mode) {
        return instantiate(module, imports, mode, Budget.UNLIMITED);
    }

    /**
     * {@link #instantiate(CoreModule, Imports, ExecutionMode)} with the memories and tables the
     * module defines taken from {@code budget}.
     *
     * @throws LimitExceededException if a memory's or table's minimum size exceeds the budget
     */
    public static CoreModuleInstance instantiate(
            CoreModule module, Imports imports, ExecutionMode mode, Budget budget) {
        ImportValues.Builder values = ImportValues.builder();
        var section = module.wasmModule().importSection();
        for (int i = 0; i < section.importCount(); i++) {
            Import imp = section.getImport(i);
            String moduleName = imp.module().equals(EmptyImportNames.PLACEHOLDER) ? "" : imp.module();
            CoreExtern value = imports.resolve(moduleName, imp.name())
                    .orElseThrow(() ->
                            new CoreLinkException("missing core import `" + moduleName + "` `" + imp.name() + "`"));
            ExternalType expected = imp.importType();
            String name = imp.name();
            if (value instanceof CoreFunction f && expected == ExternalType.FUNCTION) {
                CoreFuncType wanted =
                        ((CoreExternType.Func) module.imports().get(i).type()).type();
                if (!f.type().equals(wanted)) {
                    throw new CoreLinkException("core import `" + moduleName + "` `" + name + "` has type " + f.type()
                            + ", expected " + wanted);
                }
                values.addFunction(f.asImport(imp.module(), name));
            } else if (value instanceof CoreMemory m && expected == ExternalType.MEMORY) {
                values.addMemory(new ImportMemory(imp.module(), name, m.engineMemory()));
            } else if (value instanceof CoreTable t && expected == ExternalType.TABLE) {
                values.addTable(new ImportTable(imp.module(), name, t.engineTable()));
            } else if (value instanceof CoreGlobal g && expected == ExternalType.GLOBAL) {
                values.addGlobal(new ImportGlobal(imp.module(), name, g.engineGlobal()));
            } else if (value instanceof CoreTag t && expected == ExternalType.TAG) {
                CoreFuncType wanted =
                        ((CoreExternType.Tag) module.imports().get(i).type()).type();
                if (!t.type().equals(wanted)) {
                    throw new CoreLinkException("core import `" + moduleName + "` `" + name + "` has tag type "
                            + t.type() + ", expected " + wanted);
                }
                values.addTag(new ImportTag(imp.module(), name, t.engineTag()));
            } else {
                throw new CoreLinkException("core import `" + moduleName + "` `" + name + "` expects a "
                        + kind(expected) + ", found a " + value.kind());
            }
        }
        Instance instance;
        CoreModule.Execution execution = module.execution(mode);
        try {
            WasmModule wasm = execution.module();
            Instance.Builder builder = Instance.builder(wasm)
                    .withImportValues(values.build())
                    // only the module's start section runs; the engine would otherwise also call an
                    // exported `_start` (the WASI command convention), which components call explicitly
                    .withStart(false)
                    .withMachineFactory(execution.machine())
                    .withTableFactory((table, init) -> new GuardedTable(ownTable(wasm, table, budget), init));
            if (module.globalCells()) {
                // memories are made before globals, memory 0 first: the cells go with it
                long[] cells = GlobalCells.create(wasm);
                boolean[] first = {true};
                builder.withGlobalFactory(GlobalCells.factory(wasm, cells)).withMemoryFactory(limits -> {
                    Memory memory = newMemory(limits, budget, execution.segments());
                    if (first[0]) {
                        ((UnsharedMemory) memory).cells = cells;
                        first[0] = false;
                    }
                    return memory;
                });
            } else {
                builder.withMemoryFactory(limits -> newMemory(limits, budget, execution.segments()));
            }
            instance = builder.build();
        } catch (WasmException e) {
            throw CoreTrapException.uncaughtException(e, null);
        } catch (WasmEngineException | IllegalStateException | IndexOutOfBoundsException | ArithmeticException e) {
            throw CoreTrapException.from(e);
        } catch (StackOverflowError e) {
            throw CoreTrapException.stackOverflow(e);
        }
        return new CoreModuleInstance(instance, exports(module, instance));
    }

    /**
     * A table definition of its own for one instance. Endive grows a table by growing the limits
     * object of its definition, which every later instance of the module would start from: one
     * instance's {@code table.grow} would set the initial size of all the others (shared-nothing
     * broken, and memory exhausted by the thousandth instance of a module that grows its table).
     * Each instance's table gets fresh limits, the module's own are never grown; the maximum is
     * lowered to the budget's element limit, so that {@code table.grow} beyond it returns -1.
     *
     * @throws LimitExceededException if the table's minimum size exceeds the limit
     */
    static Table ownTable(WasmModule module, Table t, Budget budget) {
        TableLimits l = t.limits();
        long max = l.max();
        long cap = budget.tableElements();
        if (cap != Long.MAX_VALUE) {
            if (l.min() > cap) {
                throw new LimitExceededException("table " + tableIndex(module, t) + " of " + l.min()
                        + " elements exceeds the table element limit of " + cap);
            }
            max = Math.min(max, cap);
        }
        return new Table(t.elementType(), new TableLimits(l.min(), max, l.shared()), t.initialize());
    }

    /** The index of {@code t} in {@code module}'s table section. */
    private static int tableIndex(WasmModule module, Table t) {
        int i = 0;
        while (i < module.tableSection().tableCount() && module.tableSection().getTable(i) != t) i++;
        return i;
    }

    /**
     * A memory the module defines: a {@link FlatMemory} for every unshared memory (one array while
     * it is small, for speed; pages past 256 MiB, so that it can grow to the full wasm32 range of 65536
     * pages, where Endive's own memories stop below 2 GiB); shared memories keep Endive's default,
     * whose grow is safe across threads. A flat memory reads its module's placeholder segments
     * from {@code segments} (null when the module's segments hold their bytes).
     */
    static Memory newMemory(MemoryLimits limits, Budget budget, SegmentBytes segments) {
        if (PagedMemory.supports(limits)) {
            FlatMemory memory = new FlatMemory(limits, budget);
            memory.segmentBytes = segments;
            return memory;
        }
        if (budget != Budget.UNLIMITED) {
            // a shared memory cannot be held to a budget as it grows: refused rather than unbounded
            throw new LimitExceededException("a shared memory cannot be held to the linear memory limit");
        }
        return new ByteBufferMemory(limits);
    }

    private static Map<String, CoreExtern> exports(CoreModule module, Instance instance) {
        Map<String, CoreExtern> exports = new LinkedHashMap<>();
        for (CoreExport export : module.exports()) {
            String name = export.name();
            CoreExternType type = export.type();
            CoreExtern value = null;
            if (type instanceof CoreExternType.Func f) {
                value = CoreFunction.exported(f.type(), instance, name, module.exportIndex(name));
            } else if (type instanceof CoreExternType.Memory) {
                value = new CoreMemory(instance.exports().memory(name));
            } else if (type instanceof CoreExternType.Table) {
                value = new CoreTable(instance.exports().table(name));
            } else if (type instanceof CoreExternType.Global) {
                value = new CoreGlobal(instance.exports().global(name));
            } else if (type instanceof CoreExternType.Tag t) {
                value = new CoreTag(instance.tag(module.exportIndex(name)), t.type());
            }
            if (value != null) {
                exports.put(name, value);
            }
        }
        return Map.copyOf(exports);
    }

    /** The export named {@code name}, if any. */
    public Optional<CoreExtern> export(String name) {
        return Optional.ofNullable(exports.get(name));
    }

    /** Every export, by name. */
    public Map<String, CoreExtern> exports() {
        return exports;
    }

    /** The instance's first memory, if it has one (defined or imported). */
    public Optional<CoreMemory> defaultMemory() {
        try {
            return Optional.ofNullable(instance.memory()).map(CoreMemory::new);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String kind(ExternalType type) {
        return switch (type) {
            case FUNCTION -> "func";
            case MEMORY -> "memory";
            case TABLE -> "table";
            case GLOBAL -> "global";
            case TAG -> "tag";
        };
    }
}
