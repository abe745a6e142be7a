package dev.wit4j.runtime.internal.engine;

import dev.wit4j.runtime.core.CoreExternType;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreImport;
import dev.wit4j.runtime.core.CoreValType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import run.endive.wasm.InvalidException;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.Export;
import run.endive.wasm.types.FunctionImport;
import run.endive.wasm.types.FunctionType;
import run.endive.wasm.types.GlobalImport;
import run.endive.wasm.types.Import;
import run.endive.wasm.types.MemoryImport;
import run.endive.wasm.types.MemoryLimits;
import run.endive.wasm.types.MutabilityType;
import run.endive.wasm.types.TableImport;
import run.endive.wasm.types.TableLimits;
import run.endive.wasm.types.TagImport;
import run.endive.wasm.types.TagType;
import run.endive.wasm.types.ValType;

/**
 * A core module's imports and exports as the core engine parsed it, in wit4j's types: for modules
 * whose declarations {@link CoreDeclarations} leaves to the engine, and for validated modules
 * (whose export indices the engine's validation does not check).
 */
final class EngineDeclarations {
    private EngineDeclarations() {}

    /**
     * The imports and exports of {@code module}, which starts at byte {@code offset} of the
     * outermost binary (for messages).
     */
    static CoreDeclarations.Read read(WasmModule module, long offset) {
        List<CoreFuncType> funcs = new ArrayList<>();
        List<CoreExternType.Table> tables = new ArrayList<>();
        List<CoreExternType.Memory> memories = new ArrayList<>();
        List<CoreExternType.Global> globals = new ArrayList<>();
        List<CoreFuncType> tags = new ArrayList<>();
        List<CoreImport> imports = new ArrayList<>();
        // one description per type, shared: a large module has thousands of functions of a few types
        CoreFuncType[] byType = new CoreFuncType[module.typeSection().typeCount()];

        var importSection = module.importSection();
        for (int i = 0; i < importSection.importCount(); i++) {
            Import imp = importSection.getImport(i);
            CoreExternType type;
            if (imp instanceof FunctionImport f) {
                CoreFuncType ft = funcType(module, f.typeIndex(), byType);
                funcs.add(ft);
                type = new CoreExternType.Func(ft);
            } else if (imp instanceof TableImport t) {
                var table = table(t.entryType(), t.limits());
                tables.add(table);
                type = table;
            } else if (imp instanceof MemoryImport m) {
                var memory = memory(m.limits());
                memories.add(memory);
                type = memory;
            } else if (imp instanceof GlobalImport g) {
                var global = new CoreExternType.Global(valType(g.type()), g.mutabilityType() == MutabilityType.Var);
                globals.add(global);
                type = global;
            } else if (imp instanceof TagImport t) {
                CoreFuncType ft = funcType(module, t.tagType().typeIdx(), byType);
                tags.add(ft);
                type = new CoreExternType.Tag(ft);
            } else {
                throw new IllegalStateException("unknown import kind " + imp);
            }
            String moduleName = imp.module().equals(EmptyImportNames.PLACEHOLDER) ? "" : imp.module();
            imports.add(new CoreImport(moduleName, imp.name(), type));
        }

        var functionSection = module.functionSection();
        for (int i = 0; i < functionSection.functionCount(); i++) {
            funcs.add(funcType(module, functionSection.getFunctionType(i), byType));
        }
        var tableSection = module.tableSection();
        for (int i = 0; i < tableSection.tableCount(); i++) {
            var table = tableSection.getTable(i);
            tables.add(table(table.elementType(), table.limits()));
        }
        module.memorySection().ifPresent(section -> {
            for (int i = 0; i < section.memoryCount(); i++) {
                memories.add(memory(section.getMemory(i).limits()));
            }
        });
        var globalSection = module.globalSection();
        for (int i = 0; i < globalSection.globalCount(); i++) {
            var global = globalSection.getGlobal(i);
            globals.add(new CoreExternType.Global(
                    valType(global.valueType()), global.mutabilityType() == MutabilityType.Var));
        }
        module.tagSection().ifPresent(section -> {
            for (int i = 0; i < section.tagCount(); i++) {
                TagType tag = section.getTag(i);
                tags.add(funcType(module, tag.typeIdx(), byType));
            }
        });

        List<CoreExport> exports = new ArrayList<>();
        var exportSection = module.exportSection();
        Set<String> exportNames = new HashSet<>();
        for (int i = 0; i < exportSection.exportCount(); i++) {
            Export export = exportSection.getExport(i);
            int index = export.index();
            // nor that export names are distinct (core spec, Validation of Modules)
            if (!exportNames.add(export.name())) {
                throw new InvalidException("duplicate export name `" + export.name() + "`");
            }
            // the core engine's validation does not check export indices (spec: "unknown function" etc.)
            CoreExternType type = switch (export.exportType()) {
                case FUNCTION -> new CoreExternType.Func(exported(funcs, index, "function", export.name(), offset));
                case TABLE -> exported(tables, index, "table", export.name(), offset);
                case MEMORY -> exported(memories, index, "memory", export.name(), offset);
                case GLOBAL -> exported(globals, index, "global", export.name(), offset);
                case TAG -> new CoreExternType.Tag(exported(tags, index, "tag", export.name(), offset));
            };
            exports.add(new CoreExport(export.name(), type));
        }
        return new CoreDeclarations.Read(imports, exports);
    }

    /** {@code list[index]}, or the validation error for an export of an unknown {@code kind}. */
    private static <T> T exported(List<T> list, int index, String kind, String name, long offset) {
        if (index < 0 || index >= list.size()) {
            throw new CoreModuleException(
                    "invalid core module: unknown " + kind + " " + Integer.toUnsignedString(index) + " in the export `"
                            + name + "`",
                    offset,
                    false,
                    null);
        }
        return list.get(index);
    }

    private static CoreFuncType funcType(WasmModule module, int typeIndex, CoreFuncType[] byType) {
        if (typeIndex >= 0 && typeIndex < byType.length) {
            CoreFuncType known = byType[typeIndex];
            if (known == null) byType[typeIndex] = known = funcType(module, typeIndex);
            return known;
        }
        return funcType(module, typeIndex);
    }

    private static CoreFuncType funcType(WasmModule module, int typeIndex) {
        FunctionType type = module.typeSection().getType(typeIndex);
        if (type == null) {
            return new CoreFuncType(List.of(), List.of());
        }
        return new CoreFuncType(
                type.params().stream().map(EngineDeclarations::valType).toList(),
                type.returns().stream().map(EngineDeclarations::valType).toList());
    }

    private static CoreExternType.Table table(ValType element, TableLimits limits) {
        long max = limits.max();
        boolean unbounded = max < 0 || max >= TableLimits.LIMIT_MAX;
        return new CoreExternType.Table(valType(element), limits.min(), unbounded ? -1 : max, limits.shared());
    }

    private static CoreExternType.Memory memory(MemoryLimits limits) {
        int max = limits.maximumPages();
        boolean unbounded = max < 0 || max >= MemoryLimits.MAX_PAGES;
        return new CoreExternType.Memory(limits.initialPages(), unbounded ? -1 : max, limits.shared(), false);
    }

    /** Translates the engine's value type into the validator's spelling. */
    static CoreValType valType(ValType type) {
        if (type.equals(ValType.I32)) return CoreValType.I32;
        if (type.equals(ValType.I64)) return CoreValType.I64;
        if (type.equals(ValType.F32)) return CoreValType.F32;
        if (type.equals(ValType.F64)) return CoreValType.F64;
        if (type.equals(ValType.V128)) return CoreValType.V128;
        if (type.equals(ValType.FuncRef)) return CoreValType.FUNCREF;
        if (type.equals(ValType.ExternRef)) return CoreValType.EXTERNREF;
        if (type.equals(ValType.ExnRef)) return CoreValType.EXNREF;
        if (type.isReference()) {
            String heap = heapTypeName(type.typeIdx());
            return new CoreValType("(ref " + (type.isNullable() ? "null " : "") + heap + ")");
        }
        return new CoreValType(type.toString());
    }

    /** The text name of a heap type: an abstract one by its keyword, a concrete one by index. */
    private static String heapTypeName(int typeIdx) {
        switch (typeIdx) {
            case -16:
                return "func";
            case -17:
                return "extern";
            case -18:
                return "any";
            case -19:
                return "eq";
            case -20:
                return "i31";
            case -21:
                return "struct";
            case -22:
                return "array";
            case -23:
                return "exn";
            case -15:
                return "none";
            case -14:
                return "noextern";
            case -13:
                return "nofunc";
            case -12:
                return "noexn";
            default:
                return Integer.toString(typeIdx);
        }
    }
}
