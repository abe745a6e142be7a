package dev.wit4j.runtime.internal.engine.split;

import dev.wit4j.runtime.internal.engine.CoreSections;
import dev.wit4j.runtime.internal.engine.CoreSections.Section;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Splits the functions of a core module that are too large for the JVM into pieces that are not,
 * before the module is compiled to JVM bytecode.
 *
 * <p>Endive's compiler turns each wasm function into one JVM method. A method over 64 KB cannot be
 * written at all (Endive then interprets that function), and HotSpot never JIT-compiles a method
 * over 8,000 bytes of bytecode ({@code -XX:HugeMethodLimit}), so a large function runs in HotSpot's
 * bytecode interpreter. Toolchains make such functions routinely: a JavaScript engine's interpreter
 * loop is one function of 170 KB of wasm. This pass moves regions of every such function into new
 * functions ({@link Outliner}) until each fits a budget of estimated JVM bytes ({@link CostModel}).
 * The result is a valid module with the same imports, exports, memories, tables, globals, elements
 * and data; function indices that existed keep their meaning (new functions and the few mutable
 * globals that carry values between the pieces come after the existing ones), so the original
 * module's exports, tables and names still apply. It is only ever compiled: validation, WIT and
 * everything a user sees work on the original.
 */
public final class ModuleSplitter {

    /**
     * The default budget: HotSpot's huge-method limit (8,000 bytes of bytecode) less a margin for
     * the estimate's error.
     */
    public static final int DEFAULT_BUDGET = 6_000;

    /** Changes whenever the output for a given input may change: part of compiled-code cache keys. */
    public static final int VERSION = 2;

    private ModuleSplitter() {}

    /**
     * What splitting did to a module.
     *
     * @param bytes the module to compile: the input itself when nothing needed splitting
     * @param additions what was appended to the module besides code
     * @param functionsSplit functions that were over the budget and now fit
     * @param functionsAdded new functions holding the regions moved out of them
     * @param unsplit functions still over the budget, each with the reason ("function 12: …")
     */
    public record Result(
            byte[] bytes, Additions additions, int functionsSplit, int functionsAdded, List<String> unsplit) {

        public Result {
            unsplit = List.copyOf(unsplit);
        }

        /** Whether the module changed. */
        public boolean changed() {
            return functionsAdded > 0;
        }
    }

    /** Splits {@code module} with the {@link #DEFAULT_BUDGET}. */
    public static Result split(byte[] module) {
        return split(module, DEFAULT_BUDGET);
    }

    /**
     * Splits every function of {@code module} whose estimated JVM bytecode is over {@code budget}
     * bytes. A module this pass cannot read is returned unchanged.
     */
    public static Result split(byte[] module, int budget) {
        return split(module, budget, index -> true);
    }

    /** {@link #split(byte[], int)} of only the functions {@code which} accepts (by function index). */
    static Result split(byte[] module, int budget, IntPredicate which) {
        if (budget < 100) {
            throw new IllegalArgumentException("a budget under 100 bytes leaves no room for a call site");
        }
        ModuleInfo info;
        try {
            info = ModuleInfo.read(module);
        } catch (Bytes.Malformed e) {
            return new Result(module, Additions.NONE, 0, 0, List.of("module: " + e.getMessage()));
        }
        TypeTable types = new TypeTable(info.types);
        Transfers transfers = new Transfers(info.globals);
        Outliner outliner = new Outliner(types, transfers, info.functionTypes.size(), budget);
        BodyDecoder decoder = new BodyDecoder(info);
        BodyEncoder encoder = new BodyEncoder(types);
        Map<Integer, byte[]> rewritten = new HashMap<>();
        List<String> unsplit = new ArrayList<>();
        int split = 0;
        for (int d = 0; d < info.definedFunctions(); d++) {
            // the estimate is never above eight bytes of JVM code per byte of wasm: skip the rest unread
            if ((info.bodyEnd[d] - info.bodyStart[d]) * 8L < budget) continue;
            int index = info.importedFunctions + d;
            if (!which.test(index)) continue;
            Func f;
            try {
                f = decoder.decode(index);
            } catch (BodyDecoder.Unsupported | Bytes.Malformed e) {
                if ((info.bodyEnd[d] - info.bodyStart[d]) * 2L > budget) {
                    unsplit.add("function " + index + ": " + e.getMessage());
                }
                continue;
            }
            if (f.root.cost <= budget) continue;
            int created = outliner.created().size();
            boolean fits = outliner.split(f);
            if (outliner.created().size() > created) {
                rewritten.put(d, encoder.encode(f));
                if (fits) split++;
            }
            if (!fits) {
                unsplit.add("function " + index + ": no region left to move (estimated " + f.root.cost
                        + " bytes of JVM code)");
            }
        }
        if (rewritten.isEmpty()) {
            return new Result(module, Additions.NONE, 0, 0, unsplit);
        }
        List<byte[]> added = new ArrayList<>();
        for (Func g : outliner.created()) added.add(encoder.encode(g));
        Additions additions = additions(types, outliner.created(), transfers);
        byte[] bytes = write(info, additions, rewritten::get, added.size(), added::get, null);
        return new Result(bytes, additions, split, added.size(), unsplit);
    }

    /**
     * What splitting added to a module, beyond its code: the types, functions and globals appended
     * after the module's own. With the original module it is enough to rebuild the split module's
     * {@link #skeleton} — everything an instance needs when its code is already compiled.
     *
     * @param types function types appended to the type section
     * @param functionTypes the type index of each function appended
     * @param globals the types of the mutable globals appended
     */
    public record Additions(List<FuncTypeBytes> types, List<Integer> functionTypes, List<byte[]> globals) {

        /** No additions: the module as it is. */
        public static final Additions NONE = new Additions(List.of(), List.of(), List.of());

        public Additions {
            types = List.copyOf(types);
            functionTypes = List.copyOf(functionTypes);
            globals = globals.stream().map(byte[]::clone).toList();
        }

        /** A compact encoding, for keeping next to compiled code. */
        public byte[] toBytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Bytes.u32(out, types.size());
            for (FuncTypeBytes t : types) {
                Bytes.u32(out, t.encoding().length);
                out.writeBytes(t.encoding());
            }
            Bytes.u32(out, functionTypes.size());
            for (int t : functionTypes) Bytes.u32(out, t);
            Bytes.u32(out, globals.size());
            for (byte[] g : globals) {
                Bytes.u32(out, g.length);
                out.writeBytes(g);
            }
            return out.toByteArray();
        }

        /** Reads {@link #toBytes}; throws {@link IllegalArgumentException} for anything else. */
        public static Additions fromBytes(byte[] bytes) {
            try {
                Bytes.Reader r = new Bytes.Reader(bytes, 0, bytes.length);
                List<FuncTypeBytes> types = new ArrayList<>();
                for (int i = r.u32(); i > 0; i--) types.add(new FuncTypeBytes(take(r)));
                List<Integer> functions = new ArrayList<>();
                for (int i = r.u32(); i > 0; i--) functions.add(r.u32());
                List<byte[]> globals = new ArrayList<>();
                for (int i = r.u32(); i > 0; i--) globals.add(take(r));
                if (!r.atEnd()) throw new Bytes.Malformed("trailing bytes");
                return new Additions(types, functions, globals);
            } catch (Bytes.Malformed e) {
                throw new IllegalArgumentException("not a record of split additions: " + e.getMessage(), e);
            }
        }

        private static byte[] take(Bytes.Reader r) {
            int n = r.u32();
            int at = r.pos;
            r.skip(n);
            return Arrays.copyOfRange(r.bytes, at, at + n);
        }
    }

    /** A function type as the type section encodes it (0x60, parameters, results). */
    public record FuncTypeBytes(byte[] encoding) {
        public FuncTypeBytes {
            encoding = encoding.clone();
        }

        @Override
        public byte[] encoding() {
            return encoding.clone();
        }
    }

    /**
     * The split module with every function body replaced by {@code unreachable}: the same types,
     * imports, functions, tables, memories, globals, exports, elements and data, for instantiating
     * with code compiled before, without reading or validating the original code again. Its data
     * segments are coalesced where no instance can tell ({@link DataSegments#coalesced}).
     *
     * @param module the original module
     * @param additions what splitting it added ({@link Additions#NONE} if nothing)
     * @throws IllegalArgumentException if {@code module} is not a module this pass can read
     */
    public static byte[] skeleton(byte[] module, Additions additions) {
        return skeleton(module, additions, () -> true);
    }

    /**
     * {@link #skeleton(byte[], Additions)}; {@code codeNamesSegments} tells (asked only of a module
     * with a data count section) whether an instruction of the original code names a data segment
     * ({@code memory.init}, {@code data.drop}), which keeps the segments as they are.
     */
    public static byte[] skeleton(byte[] module, Additions additions, BooleanSupplier codeNamesSegments) {
        ModuleInfo info;
        try {
            info = ModuleInfo.read(module);
        } catch (Bytes.Malformed e) {
            throw new IllegalArgumentException("cannot read the module: " + e.getMessage(), e);
        }
        byte[] stub = {0x00, 0x00, 0x0B}; // no locals, unreachable, end
        // the data section is the original's: coalesced from it, written in place of it
        DataSegments.Rewritten data = info.section(CoreSections.DATA_COUNT) != null && codeNamesSegments.getAsBoolean()
                ? null
                : DataSegments.coalesced(info);
        return write(info, additions, d -> stub, additions.functionTypes().size(), i -> stub, data);
    }

    /**
     * The module's declarations: every function body {@code unreachable} and no data segments,
     * which is all that describing its imports and exports reads (not valid where code names a
     * data segment, so for reading without validation only).
     *
     * @throws IllegalArgumentException if the module cannot be read here
     */
    public static byte[] declarations(byte[] module) {
        ModuleInfo info;
        try {
            info = ModuleInfo.read(module);
        } catch (Bytes.Malformed e) {
            throw new IllegalArgumentException("cannot read the module: " + e.getMessage(), e);
        }
        byte[] stub = {0x00, 0x00, 0x0B};
        return write(info, Additions.NONE, d -> stub, 0, i -> stub, new DataSegments.Rewritten(0, new byte[] {0x00}));
    }

    /** Whether the module's non-custom sections are known, in order, and each there once. */
    private static boolean inOrder(ModuleInfo info) {
        int last = -1;
        for (Section s : info.sections) {
            if (s.id() == CoreSections.CUSTOM) continue;
            int r = CoreSections.rank(s.id());
            if (r <= last) return false;
            last = r;
        }
        return true;
    }

    /**
     * The module without code, for validating all but the function bodies: each defined function
     * becomes an imported one of the same type and index (imports appended after the module's own,
     * whose indices come first as the defined functions' do), the data segments lose their bytes,
     * all else stays as it is. Every module-level rule reads the same on it (a function's type,
     * index and references are what they were), and the engine's validator has no bodies to read.
     * Null if the module cannot be read here.
     */
    public static byte[] withoutCode(byte[] module) {
        ModuleInfo info;
        try {
            info = ModuleInfo.read(module);
        } catch (Bytes.Malformed e) {
            return null;
        }
        // sections out of order or repeated are malformed: leave that to the engine, which sees them all
        if (!inOrder(info)) return null;
        List<byte[]> asImports = new ArrayList<>();
        for (int d = 0; d < info.definedFunctions(); d++) {
            ByteArrayOutputStream entry = new ByteArrayOutputStream();
            entry.writeBytes(new byte[] {0x01, '-', 0x01, '-', 0x00}); // module "-", name "-", a function
            Bytes.u32(entry, info.functionTypes.get(info.importedFunctions + d));
            asImports.add(entry.toByteArray());
        }
        DataSegments.Rewritten data = DataSegments.emptied(info);
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        out.write(info.bytes, 0, 8);
        boolean importsWritten = asImports.isEmpty();
        for (Section s : info.sections) {
            if (!importsWritten && s.id() != 0 && s.id() > CoreSections.IMPORT) {
                section(out, CoreSections.IMPORT, appended(info, null, asImports));
                importsWritten = true;
            }
            switch (s.id()) {
                case CoreSections.IMPORT -> {
                    section(out, s.id(), appended(info, s, asImports));
                    importsWritten = true;
                }
                case CoreSections.FUNCTION, CoreSections.CODE -> {}
                case CoreSections.DATA -> {
                    if (data == null) {
                        out.write(info.bytes, s.start(), s.end() - s.start());
                    } else {
                        section(out, s.id(), data.payload());
                    }
                }
                default -> out.write(info.bytes, s.start(), s.end() - s.start());
            }
        }
        if (!importsWritten) section(out, CoreSections.IMPORT, appended(info, null, asImports));
        return out.toByteArray();
    }

    /**
     * The module in {@code count} parts for validating in parallel: each part is the module with
     * the bodies of all but a run of consecutive functions replaced by {@code unreachable} (valid
     * for any type), so that the parts are valid exactly when the module is, and the first invalid
     * function is in the first part that fails. Null if the module is too small to be worth it or
     * cannot be read here (then validate it whole).
     *
     * @param minCodeBytes the least code to bother splitting
     */
    public static byte[][] validationParts(byte[] module, int count, int minCodeBytes) {
        if (count < 2) return null;
        ModuleInfo info;
        try {
            info = ModuleInfo.read(module);
        } catch (Bytes.Malformed e) {
            return null;
        }
        int functions = info.definedFunctions();
        if (functions < count) return null;
        long code = 0;
        for (int d = 0; d < functions; d++) code += info.bodyEnd[d] - info.bodyStart[d];
        if (code < minCodeBytes) return null;
        byte[] stub = {0x00, 0x00, 0x0B};
        byte[][] parts = new byte[count][];
        int first = 0;
        long taken = 0;
        for (int p = 0; p < count; p++) {
            int from = first;
            int to = from;
            long target = code * (p + 1) / count;
            while (to < functions && (taken < target || p == count - 1)) {
                taken += info.bodyEnd[to] - info.bodyStart[to];
                to++;
            }
            int lo = from;
            int hi = to;
            parts[p] = write(info, Additions.NONE, d -> d >= lo && d < hi ? null : stub, 0, i -> stub, null);
            first = to;
        }
        return parts;
    }

    private static Additions additions(TypeTable types, List<Func> created, Transfers transfers) {
        List<FuncTypeBytes> t = new ArrayList<>();
        for (FuncType f : types.added()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0x60);
            Bytes.u32(out, f.params().size());
            for (ValType v : f.params()) out.writeBytes(v.encoding());
            Bytes.u32(out, f.results().size());
            for (ValType v : f.results()) out.writeBytes(v.encoding());
            t.add(new FuncTypeBytes(out.toByteArray()));
        }
        List<Integer> functions = created.stream().map(g -> g.typeIndex).toList();
        List<byte[]> globals = transfers.added().stream().map(ValType::encoding).toList();
        return new Additions(t, functions, globals);
    }

    /**
     * Writes the module with {@code additions} appended: defined function {@code d}'s body (after
     * its size) from {@code body}, then {@code added} new bodies from {@code addedBody}; with
     * {@code data}, its data section (and data count) in place of the module's.
     */
    private static byte[] write(
            ModuleInfo info,
            Additions additions,
            IntFunction<byte[]> body,
            int added,
            IntFunction<byte[]> addedBody,
            DataSegments.Rewritten data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(info.bytes.length + 1024);
        out.write(info.bytes, 0, 8);
        boolean globalsWritten = additions.globals().isEmpty();
        for (Section s : info.sections) {
            if (!globalsWritten && globalSectionBefore(s.id())) {
                section(out, CoreSections.GLOBAL, appended(info, null, globalEntries(additions)));
                globalsWritten = true;
            }
            switch (s.id()) {
                case CoreSections.TYPE ->
                    section(
                            out,
                            s.id(),
                            appended(
                                    info,
                                    s,
                                    additions.types().stream()
                                            .map(FuncTypeBytes::encoding)
                                            .toList()));
                case CoreSections.FUNCTION -> {
                    List<byte[]> indices = new ArrayList<>();
                    for (int t : additions.functionTypes()) {
                        ByteArrayOutputStream i = new ByteArrayOutputStream();
                        Bytes.u32(i, t);
                        indices.add(i.toByteArray());
                    }
                    section(out, s.id(), appended(info, s, indices));
                }
                case CoreSections.GLOBAL -> {
                    section(out, s.id(), appended(info, s, globalEntries(additions)));
                    globalsWritten = true;
                }
                case CoreSections.CODE -> section(out, s.id(), code(info, body, added, addedBody));
                case CoreSections.DATA_COUNT, CoreSections.DATA -> {
                    if (data == null) {
                        out.write(info.bytes, s.start(), s.end() - s.start());
                    } else if (s.id() == CoreSections.DATA) {
                        section(out, s.id(), data.payload());
                    } else {
                        ByteArrayOutputStream count = new ByteArrayOutputStream();
                        Bytes.u32(count, data.count());
                        section(out, s.id(), count.toByteArray());
                    }
                }
                default -> out.write(info.bytes, s.start(), s.end() - s.start());
            }
        }
        return out.toByteArray();
    }

    /** The global section entries of the transfer globals: mutable, zero at first. */
    private static List<byte[]> globalEntries(Additions additions) {
        List<byte[]> globals = new ArrayList<>();
        for (byte[] type : additions.globals()) {
            ByteArrayOutputStream g = new ByteArrayOutputStream();
            g.writeBytes(type);
            g.write(0x01); // mutable
            g.writeBytes(ValType.of(type).zero());
            g.write(0x0B);
            globals.add(g.toByteArray());
        }
        return globals;
    }

    /** Whether a module without a global section gets one right before a section with this id. */
    private static boolean globalSectionBefore(int id) {
        return id == CoreSections.EXPORT || id == 8 || id == 9 || id == 12 || id == CoreSections.CODE || id == 11;
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] payload) {
        out.write(id);
        Bytes.u32(out, payload.length);
        out.writeBytes(payload);
    }

    /** A vector section's payload ({@code s} may be null: none) with {@code entries} appended. */
    private static byte[] appended(ModuleInfo info, Section s, List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = 0;
        int from = 0;
        if (s != null) {
            Bytes.Reader r = new Bytes.Reader(info.bytes, s.payloadStart(), s.end());
            count = r.u32();
            from = r.pos;
        }
        Bytes.u32(out, (long) count + entries.size());
        if (s != null) out.write(info.bytes, from, s.end() - from);
        for (byte[] e : entries) out.writeBytes(e);
        return out.toByteArray();
    }

    private static byte[] code(ModuleInfo info, IntFunction<byte[]> body, int added, IntFunction<byte[]> addedBody) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(info.bytes.length);
        Bytes.u32(out, info.definedFunctions() + added);
        for (int d = 0; d < info.definedFunctions(); d++) {
            byte[] b = body.apply(d);
            if (b != null) {
                Bytes.u32(out, b.length);
                out.writeBytes(b);
            } else {
                int length = info.bodyEnd[d] - info.bodyStart[d];
                Bytes.u32(out, length);
                out.write(info.bytes, info.bodyStart[d], length);
            }
        }
        for (int i = 0; i < added; i++) {
            byte[] b = addedBody.apply(i);
            Bytes.u32(out, b.length);
            out.writeBytes(b);
        }
        return out.toByteArray();
    }
}
