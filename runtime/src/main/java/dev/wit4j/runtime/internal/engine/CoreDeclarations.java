package dev.wit4j.runtime.internal.engine;

import static dev.wit4j.runtime.internal.engine.CoreSections.*;

import dev.wit4j.runtime.core.CoreExternType;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreImport;
import dev.wit4j.runtime.core.CoreValType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import run.endive.wasm.types.MemoryLimits;
import run.endive.wasm.types.TableLimits;

/**
 * A core module's imports and exports read straight from its bytes, for describing a component's
 * interface ({@link CoreModule#parseDeclarations}): the type, import, function, table, memory,
 * global, export and tag sections, never the code or the data, which are most of a toolchain's
 * module (the 12 MB of a JavaScript engine).
 *
 * <p>It reads only the plain case — function types of numbers, vectors and the two MVP reference
 * types, sections each once and in order, limits the core engine accepts as they are — and gives
 * up ({@code null}) on anything else, malformed or merely unusual, leaving the module to the core
 * engine's parser, whose errors and readings are then the ones reported. So what it returns is
 * what that parser would have described.
 */
final class CoreDeclarations extends CoreReader {

    /** What the reader gives up on: the module is read by the core engine instead. */
    private static final class GiveUp extends RuntimeException {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    record Read(List<CoreImport> imports, List<CoreExport> exports) {}

    private CoreFuncType[] types = new CoreFuncType[0];
    private final List<CoreFuncType> funcs = new ArrayList<>();
    private final List<CoreExternType.Table> tables = new ArrayList<>();
    private final List<CoreExternType.Memory> memories = new ArrayList<>();
    private final List<CoreExternType.Global> globals = new ArrayList<>();
    private final List<CoreFuncType> tags = new ArrayList<>();
    private final List<CoreImport> imports = new ArrayList<>();
    private final List<CoreExport> exports = new ArrayList<>();
    /** Each export's kind and index, typed by {@link #checkExports}. */
    private final List<int[]> exported = new ArrayList<>();

    private long definedFunctions = -1;

    private CoreDeclarations(byte[] bytes) {
        super(bytes, 0, bytes.length);
    }

    @Override
    protected RuntimeException malformed(String reason, int at) {
        return GIVE_UP;
    }

    /** The module's imports and exports, or null where the core engine's parser is to read it. */
    static Read read(byte[] bytes) {
        try {
            return new CoreDeclarations(bytes).module();
        } catch (GiveUp | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private Read module() {
        if (!CoreSections.hasHeader(bytes)) throw GIVE_UP;
        pos = 8;
        int rank = -1;
        long codeEntries = -1;
        while (pos < bytes.length) {
            end = bytes.length;
            Section section = section();
            int id = section.id();
            pos = section.payloadStart();
            end = section.end();
            if (id != CUSTOM) {
                int r = CoreSections.rank(id);
                if (r <= rank) throw GIVE_UP; // unknown, out of order or repeated: the parser says which
                rank = r;
            }
            switch (id) {
                case TYPE -> types();
                case IMPORT -> imports();
                case FUNCTION -> functions();
                case TABLE -> tables();
                case MEMORY -> memories();
                case GLOBAL -> globals();
                case ELEMENT, START, DATA, DATA_COUNT -> pos = end; // nothing of the interface
                case EXPORT -> exports();
                case TAG -> tags();
                case CODE -> {
                    codeEntries = u32();
                    pos = end;
                }
                case CUSTOM -> pos = end;
                default -> throw GIVE_UP;
            }
            if (pos != end) throw GIVE_UP;
        }
        // a function section without its code (or the other way round) is malformed
        if (Math.max(definedFunctions, 0) != Math.max(codeEntries, 0)) throw GIVE_UP;
        checkExports();
        return new Read(imports, exports);
    }

    private void types() {
        int n = count();
        types = new CoreFuncType[n];
        for (int i = 0; i < n; i++) {
            if (u8() != 0x60) throw GIVE_UP; // recursion groups, subtypes, structs, arrays
            List<CoreValType> params = valTypes();
            List<CoreValType> results = valTypes();
            types[i] = new CoreFuncType(params, results);
        }
    }

    private List<CoreValType> valTypes() {
        int n = count();
        if (n == 0) return List.of();
        CoreValType[] list = new CoreValType[n];
        for (int i = 0; i < n; i++) list[i] = valType();
        return List.of(list);
    }

    private CoreValType valType() {
        return switch (u8()) {
            case 0x7F -> CoreValType.I32;
            case 0x7E -> CoreValType.I64;
            case 0x7D -> CoreValType.F32;
            case 0x7C -> CoreValType.F64;
            case 0x7B -> CoreValType.V128;
            case 0x70 -> CoreValType.FUNCREF;
            case 0x6F -> CoreValType.EXTERNREF;
            default -> throw GIVE_UP;
        };
    }

    private CoreFuncType type(int index) {
        if (index < 0 || index >= types.length) throw GIVE_UP;
        return types[index];
    }

    private void imports() {
        int n = count();
        for (int i = 0; i < n; i++) {
            String module = name();
            String name = name();
            if (module.equals(EmptyImportNames.PLACEHOLDER)) throw GIVE_UP;
            CoreExternType type = switch (u8()) {
                case 0x00 -> {
                    if (module.isEmpty() && name.isEmpty()) throw GIVE_UP;
                    CoreFuncType ft = type(u32());
                    funcs.add(ft);
                    yield new CoreExternType.Func(ft);
                }
                case 0x01 -> add(tables, table());
                case 0x02 -> add(memories, memory());
                case 0x03 -> add(globals, global());
                case 0x04 -> {
                    if (u8() != 0x00) throw GIVE_UP;
                    CoreFuncType ft = type(u32());
                    tags.add(ft);
                    yield new CoreExternType.Tag(ft);
                }
                default -> throw GIVE_UP;
            };
            imports.add(new CoreImport(module, name, type));
        }
    }

    private static <T> T add(List<? super T> list, T item) {
        list.add(item);
        return item;
    }

    private void functions() {
        int n = count();
        definedFunctions = n;
        for (int i = 0; i < n; i++) funcs.add(type(u32()));
    }

    private void tables() {
        int n = count();
        for (int i = 0; i < n; i++) tables.add(table());
    }

    private CoreExternType.Table table() {
        CoreValType element = valType();
        if (element != CoreValType.FUNCREF && element != CoreValType.EXTERNREF) throw GIVE_UP;
        if (peek() > 0x01) throw GIVE_UP;
        Limits limits = limits();
        long min = limits.min();
        long max = limits.max();
        // limits the core engine would clamp or refuse: its reading is the one to report
        if (min > TableLimits.LIMIT_MAX || (max >= 0 && (max < min || max >= TableLimits.LIMIT_MAX))) throw GIVE_UP;
        return new CoreExternType.Table(element, min, max, false);
    }

    private void memories() {
        int n = count();
        for (int i = 0; i < n; i++) memories.add(memory());
    }

    private CoreExternType.Memory memory() {
        int flags = peek();
        if (flags != 0x00 && flags != 0x01 && flags != 0x03) throw GIVE_UP; // 64-bit, page sizes, malformed
        Limits limits = limits();
        long min = limits.min();
        long max = limits.max();
        if (min > MemoryLimits.MAX_PAGES || (max >= 0 && (max < min || max >= MemoryLimits.MAX_PAGES))) throw GIVE_UP;
        return new CoreExternType.Memory(min, max, flags == 0x03, false);
    }

    private void globals() {
        int n = count();
        for (int i = 0; i < n; i++) {
            globals.add(global());
            constant();
        }
    }

    /** Skips a constant expression: the instructions the core spec allows there, up to its {@code end}. */
    private void constant() {
        while (true) {
            int op = u8();
            switch (op) {
                case 0x0B -> {
                    return;
                }
                case 0x41, 0x42 -> skipLeb(10); // i32.const, i64.const
                case 0x43 -> skip(4); // f32.const
                case 0x44 -> skip(8); // f64.const
                case 0xD0 -> u8(); // ref.null of an abstract heap type
                case 0xD2, 0x23 -> u32(); // ref.func, global.get
                case 0x6A, 0x6B, 0x6C, 0x7C, 0x7D, 0x7E -> {} // extended constants: add, sub, mul
                case 0xFD -> {
                    if (u32() != 0x0C) throw GIVE_UP;
                    skip(16); // v128.const
                }
                default -> throw GIVE_UP;
            }
        }
    }

    private CoreExternType.Global global() {
        CoreValType type = valType();
        int mutability = u8();
        if (mutability > 1) throw GIVE_UP;
        return new CoreExternType.Global(type, mutability == 1);
    }

    private void tags() {
        int n = count();
        for (int i = 0; i < n; i++) {
            if (u8() != 0x00) throw GIVE_UP;
            tags.add(type(u32()));
        }
    }

    private void exports() {
        int n = count();
        for (int i = 0; i < n; i++) {
            String name = name();
            int kind = u8();
            int index = u32();
            exports.add(new CoreExport(name, null));
            exported.add(new int[] {kind, index});
        }
    }

    /** Gives every export its type, once all the spaces they index are known. */
    private void checkExports() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < exports.size(); i++) {
            String name = exports.get(i).name();
            if (!names.add(name)) throw GIVE_UP; // the parser's path names the duplicate
            int kind = exported.get(i)[0];
            int index = exported.get(i)[1];
            CoreExternType type = switch (kind) {
                case 0x00 -> new CoreExternType.Func(at(funcs, index));
                case 0x01 -> at(tables, index);
                case 0x02 -> at(memories, index);
                case 0x03 -> at(globals, index);
                case 0x04 -> new CoreExternType.Tag(at(tags, index));
                default -> throw GIVE_UP;
            };
            exports.set(i, new CoreExport(name, type));
        }
    }

    private static <T> T at(List<T> list, int index) {
        if (index < 0 || index >= list.size()) throw GIVE_UP;
        return list.get(index);
    }

    private String name() {
        int length = count();
        try {
            String s = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, pos, length))
                    .toString();
            pos += length;
            return s;
        } catch (CharacterCodingException e) {
            throw GIVE_UP;
        }
    }
}
