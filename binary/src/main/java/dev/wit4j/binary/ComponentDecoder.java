package dev.wit4j.binary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Decodes a {@code .wasm} binary into the immutable model of this package.
 *
 * <p>The decoder follows the grammar of Binary.md and rejects malformed bytes with a
 * {@link BinaryFormatException} worded like wasmparser's errors. It applies no validation rule:
 * indices, types, names and feature gates are checked by {@code dev.wit4j.runtime.internal.validate}.
 * Embedded core modules are only framed (preamble, section ids, sizes and order) and kept raw.
 *
 * <p>Where wasmparser already decides at decode time that a byte can never be right (for example
 * the sort of an outer alias, or a {@code 0x00} sort not followed by {@code 0x11} in an export),
 * this decoder does the same, with the same message, so that both report malformed input alike.
 */
public final class ComponentDecoder {

    private static final byte[] MAGIC = {0x00, 0x61, 0x73, 0x6d};

    private final byte[] buf;
    /** Whether the model may keep ranges of {@code buf} rather than copies ({@link #decodeOwned}). */
    private final boolean owned;
    /** Whether outer aliases may name instances and functions (staging by closure, an extension). */
    private final boolean closures;

    private ComponentDecoder(byte[] buf) {
        this(buf, false, false);
    }

    private ComponentDecoder(byte[] buf, boolean owned, boolean closures) {
        this.buf = buf;
        this.owned = owned;
        this.closures = closures;
    }

    /** {@code buf[from..to)} for the model: the range itself if the bytes were handed over, else a copy. */
    private Bytes take(int from, int to) {
        return owned ? Bytes.wrap(buf, from, to) : Bytes.copyOf(buf, from, to);
    }

    /**
     * Decodes a component or a core module.
     *
     * @param bytes the whole binary, starting with the {@code \0asm} preamble
     * @return a {@link Component}, or a {@link CoreModuleBinary} if the preamble is that of a core
     *     module (version 1, layer 0)
     * @throws BinaryFormatException if the bytes are malformed
     */
    public static WasmBinary decode(byte[] bytes) {
        return decode(new ComponentDecoder(Objects.requireNonNull(bytes, "bytes")));
    }

    /**
     * {@link #decode(byte[])} of bytes handed over to the model: it keeps ranges of them (embedded
     * core modules, custom sections) instead of copies, which for a large component is megabytes
     * less to allocate and copy. The caller must not change {@code bytes} afterwards.
     */
    public static WasmBinary decodeOwned(byte[] bytes) {
        return decodeOwned(bytes, false);
    }

    /**
     * {@link #decodeOwned(byte[])}; with {@code closures}, outer aliases may also name core
     * functions, tables, memories, globals and instances, functions and instances of an enclosing
     * component: the staging-by-closure extension ({@code ValidationFeatures.Feature.STAGING_BY_CLOSURE}),
     * which the Component Model does not have.
     */
    public static WasmBinary decodeOwned(byte[] bytes, boolean closures) {
        return decode(new ComponentDecoder(Objects.requireNonNull(bytes, "bytes"), true, closures));
    }

    /** {@link #decode(byte[])}, with or without the staging-by-closure extension ({@link #decodeOwned(byte[], boolean)}). */
    public static WasmBinary decode(byte[] bytes, boolean closures) {
        return decode(new ComponentDecoder(Objects.requireNonNull(bytes, "bytes"), false, closures));
    }

    private static WasmBinary decode(ComponentDecoder d) {
        BinaryReader r = new BinaryReader(d.buf, 0, d.buf.length);
        if (d.header(r) == Layer.MODULE) {
            d.moduleSections(r, false);
            return new CoreModuleBinary(0, d.take(0, d.buf.length));
        }
        return d.componentSections(r, 0, false);
    }

    /**
     * Decodes a component.
     *
     * @throws BinaryFormatException if the bytes are malformed or are a core module
     */
    public static Component decodeComponent(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        ComponentDecoder d = new ComponentDecoder(bytes);
        BinaryReader r = new BinaryReader(bytes, 0, bytes.length);
        if (d.header(r) == Layer.MODULE) {
            throw BinaryReader.error("expected a version header for a component", 0);
        }
        return d.componentSections(r, 0, false);
    }

    // ---------------------------------------------------------------------------------------------
    // Preamble and sections

    private enum Layer {
        MODULE,
        COMPONENT
    }

    /** Reads {@code magic version layer} (Binary.md, "Component Definitions"). */
    private Layer header(BinaryReader r) {
        int start = r.position();
        byte[] magic = r.bytes(4);
        if (!Arrays.equals(magic, MAGIC)) {
            throw BinaryReader.error("magic header not detected: bad magic number", start);
        }
        int b0 = r.u8(), b1 = r.u8(), b2 = r.u8(), b3 = r.u8();
        int version = b0 | b1 << 8;
        int layer = b2 | b3 << 8;
        if (version == 1 && layer == 0) {
            return Layer.MODULE;
        }
        if (version == 0x0d && layer == 1) {
            return Layer.COMPONENT;
        }
        throw BinaryReader.error(
                String.format(
                        "unknown binary version: 0x%08x (version 0x%x, layer 0x%x)",
                        (long) layer << 16 | version, version, layer),
                start + 4);
    }

    /** The sections of a component whose preamble {@code r} has just read. */
    /**
     * How deep components, component types and instance types may nest in one another: as deep as
     * wasmparser allows ({@code MAX_WASM_NESTING}-style limits), and far from where decoding,
     * validating or printing the tree would exhaust a thread's stack.
     */
    static final int MAX_NESTING = 100;

    private int depth;

    private void enter(int offset, String what) {
        if (++depth > MAX_NESTING) {
            depth--;
            throw BinaryReader.error("nesting too deep: " + what + " inside " + MAX_NESTING + " others", offset);
        }
    }

    private Component componentSections(BinaryReader r, long preambleOffset, boolean nested) {
        List<Section> sections = new ArrayList<>();
        while (!r.eof()) {
            checkNotMagic(r);
            int offset = r.position();
            int id = r.u8();
            if (id > 12) {
                throw BinaryReader.error("malformed section id: 0x" + Integer.toHexString(id), offset);
            }
            int sizeOffset = r.position();
            long size = r.u32();
            int width = r.position() - sizeOffset;
            int sizeWidth = width == Leb128.unsignedSize(size) ? 0 : width;
            BinaryReader s = sectionContents(r, size, sizeOffset, nested);
            sections.add(section(id, offset, sizeWidth, s));
        }
        return new Component(preambleOffset, sections);
    }

    // A section can never start with the magic number; a better message than the one that the
    // bytes would otherwise produce (wasmparser does the same).
    private static void checkNotMagic(BinaryReader r) {
        if (r.remaining() >= 4) {
            byte[] b = r.buffer();
            int p = r.position();
            if (b[p] == 0 && b[p + 1] == 0x61 && b[p + 2] == 0x73 && b[p + 3] == 0x6d) {
                throw BinaryReader.error("expected section, got wasm magic number", p);
            }
        }
    }

    private static BinaryReader sectionContents(BinaryReader r, long size, int sizeOffset, boolean nested) {
        if (nested && size > r.remaining()) {
            // Inside a module or component section the contents must fit that section.
            throw BinaryReader.error(
                    "section too large, " + size + " goes past 0x" + Integer.toHexString(r.end()), sizeOffset);
        }
        return r.slice(size);
    }

    private Section section(int id, int offset, int w, BinaryReader s) {
        Section section = switch (id) {
            case 0 -> {
                String name = s.string();
                int dataStart = s.position();
                s.skip(s.remaining());
                yield new Section.Custom(offset, w, new CustomSection(name, dataStart, take(dataStart, s.end())));
            }
            case 1 -> {
                int start = s.position();
                if (header(s) != Layer.MODULE) {
                    throw BinaryReader.error("expected a version header for a module", start);
                }
                moduleSections(s, true);
                yield new Section.ModuleSection(offset, w, new CoreModuleBinary(start, take(start, s.end())));
            }
            case 2 -> new Section.CoreInstanceSection(offset, w, vec(s, this::coreInstance));
            case 3 -> new Section.CoreTypeSection(offset, w, vec(s, this::coreType));
            case 4 -> {
                int start = s.position();
                if (header(s) != Layer.COMPONENT) {
                    throw BinaryReader.error("expected a version header for a component", start);
                }
                enter(offset, "a component");
                try {
                    yield new Section.ComponentSection(offset, w, componentSections(s, start, true));
                } finally {
                    depth--;
                }
            }
            case 5 -> new Section.InstanceSection(offset, w, vec(s, this::instance));
            case 6 -> new Section.AliasSection(offset, w, vec(s, this::alias));
            case 7 -> new Section.TypeSection(offset, w, vec(s, this::defType));
            case 8 -> new Section.CanonSection(offset, w, vec(s, this::canon));
            case 9 -> {
                long func = s.u32();
                List<Long> args = vec(s, BinaryReader::u32);
                long results = s.u32();
                if (!s.eof()) {
                    throw BinaryReader.error("unexpected content in the component start section", s.position());
                }
                yield new Section.StartSection(offset, w, func, args, results);
            }
            case 10 -> new Section.ImportSection(offset, w, vec(s, this::importDef));
            case 11 -> new Section.ExportSection(offset, w, vec(s, this::exportDef));
            case 12 -> new Section.ValueSection(offset, w, vec(s, this::value));
            default -> throw new AssertionError(id);
        };
        if (!s.eof()) {
            throw BinaryReader.error(
                    "section size mismatch: unexpected data at the end of the section"
                            + " (contents end at 0x" + Integer.toHexString(s.position())
                            + ", section ends at 0x" + Integer.toHexString(s.end()) + ")",
                    s.position());
        }
        return section;
    }

    /**
     * A {@code vec(T)}. The count is not trusted for allocation: a count larger than the bytes left
     * simply runs into "unexpected end-of-file".
     */
    private static <T> List<T> vec(BinaryReader r, Function<BinaryReader, T> item) {
        long n = r.u32();
        List<T> out = new ArrayList<>((int) Math.min(n, r.remaining()));
        for (long i = 0; i < n; i++) {
            out.add(item.apply(r));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // Core modules: framing only

    /** Core module section order (Tag sits between Memory and Global, DataCount before Code). */
    private static final int[] MODULE_SECTION_ORDER = {
        0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 11, 6,
    };

    /**
     * Walks a core module's sections after its preamble: ids, sizes, custom section names and
     * section order, i.e. what wasmparser's parser checks before handing sections to the core
     * validator. Section contents are left to the core engine.
     */
    private void moduleSections(BinaryReader r, boolean nested) {
        int last = 0;
        while (!r.eof()) {
            checkNotMagic(r);
            int offset = r.position();
            int id = r.u8();
            if ((id & 0x80) != 0) {
                throw BinaryReader.error("malformed section id: 0x" + Integer.toHexString(id), offset);
            }
            int sizeOffset = r.position();
            long size = r.u32();
            BinaryReader s = sectionContents(r, size, sizeOffset, nested);
            if (id == 0) {
                s.string();
                continue;
            }
            if (id >= MODULE_SECTION_ORDER.length) {
                throw BinaryReader.error("malformed section id: 0x" + Integer.toHexString(id), offset);
            }
            int order = MODULE_SECTION_ORDER[id];
            if (order <= last) {
                throw BinaryReader.error("section out of order", s.position());
            }
            last = order;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Instances (Binary.md, "Instance Definitions")

    private CoreInstance coreInstance(BinaryReader r) {
        int offset = r.position();
        int b = r.u8();
        return switch (b) {
            case 0x00 ->
                new CoreInstance.Instantiate(offset, r.u32(), vec(r, x -> {
                    int argOffset = x.position();
                    String name = x.string();
                    int kind = x.u8();
                    if (kind != 0x12) {
                        throw x.invalidLeadingByte(kind, "instantiation arg kind");
                    }
                    return new CoreInstance.Arg(argOffset, name, x.u32());
                }));
            case 0x01 ->
                new CoreInstance.FromExports(offset, vec(r, x -> {
                    int exportOffset = x.position();
                    String name = x.string();
                    CoreSort sort = coreExternalKind(x.u8(), x.position() - 1);
                    return new CoreInstance.InlineExport(exportOffset, name, sort, x.u32());
                }));
            default -> throw r.invalidLeadingByte(b, "core instance");
        };
    }

    /** The core sorts a core instance can export: func, table, memory, global, tag. */
    private static CoreSort coreExternalKind(int b, long offset) {
        if (b <= 0x04) {
            return CoreSort.ofCode(b);
        }
        throw BinaryReader.invalidLeadingByte(b, "external kind", offset);
    }

    private Instance instance(BinaryReader r) {
        int offset = r.position();
        int b = r.u8();
        return switch (b) {
            case 0x00 ->
                new Instance.Instantiate(offset, r.u32(), vec(r, x -> {
                    int argOffset = x.position();
                    String name = x.string();
                    Sort sort = externalKind(x);
                    return new Instance.Arg(argOffset, name, new SortIdx(sort, x.u32()));
                }));
            case 0x01 ->
                new Instance.FromExports(offset, vec(r, x -> {
                    int exportOffset = x.position();
                    ExternName name = externName(x);
                    Sort sort = externalKind(x);
                    return new Instance.InlineExport(exportOffset, name, new SortIdx(sort, x.u32()));
                }));
            default -> throw r.invalidLeadingByte(b, "instance");
        };
    }

    /**
     * A {@code sort} where only component-level kinds make sense (exports, instantiation
     * arguments, extern types): of the core sorts only {@code core module} ({@code 0x00 0x11}).
     */
    private static Sort externalKind(BinaryReader r) {
        int offset = r.position();
        int b1 = r.u8();
        int b2 = b1 == 0x00 ? r.u8() : -1;
        return externalKind(b1, b2, offset);
    }

    private static Sort externalKind(int b1, int b2, long offset) {
        return switch (b1) {
            case 0x00 -> {
                if (b2 != 0x11) {
                    throw BinaryReader.invalidLeadingByte(b2, "component external kind", offset + 1);
                }
                yield Sort.CORE_MODULE;
            }
            case 0x01 -> Sort.FUNC;
            case 0x02 -> Sort.VALUE;
            case 0x03 -> Sort.TYPE;
            case 0x04 -> Sort.COMPONENT;
            case 0x05 -> Sort.INSTANCE;
            default -> throw BinaryReader.invalidLeadingByte(b1, "component external kind", offset);
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Aliases (Binary.md, "Alias Definitions")

    private Alias alias(BinaryReader r) {
        // The sort comes first but its meaning depends on the target byte after it, so read both
        // sort bytes, then the target, then interpret the sort (the order wasmparser reports in).
        int offset = r.position();
        int b1 = r.u8();
        int b2 = b1 == 0x00 ? r.u8() : -1;
        int target = r.u8();
        return switch (target) {
            case 0x00 -> {
                Sort sort = externalKind(b1, b2, offset);
                yield new Alias.InstanceExport(offset, sort, r.u32(), r.string());
            }
            case 0x01 -> {
                if (b2 < 0) {
                    throw BinaryReader.invalidLeadingByte(b1, "core instance export kind", offset);
                }
                Sort sort = Sort.of(coreExternalKind(b2, offset + 1));
                yield new Alias.CoreInstanceExport(offset, sort, r.u32(), r.string());
            }
            case 0x02 -> {
                Sort sort = outerAliasSort(b1, b2, offset);
                yield new Alias.Outer(offset, sort, r.u32(), r.u32());
            }
            default -> throw r.invalidLeadingByte(target, "alias");
        };
    }

    /**
     * {@code outeraliassort}: core module, core type, type, component; with {@link #closures} also
     * core func, table, memory, global and instance, func and instance.
     */
    private Sort outerAliasSort(int b1, int b2, long offset) {
        return switch (b1) {
            case 0x00 ->
                switch (b2) {
                    case 0x10 -> Sort.CORE_TYPE;
                    case 0x11 -> Sort.CORE_MODULE;
                    case 0x00, 0x01, 0x02, 0x03, 0x12 -> {
                        if (!closures) {
                            throw BinaryReader.invalidLeadingByte(b2, "component outer alias kind", offset + 1);
                        }
                        yield Sort.of(coreExternalKind(b2, offset + 1));
                    }
                    default -> throw BinaryReader.invalidLeadingByte(b2, "component outer alias kind", offset + 1);
                };
            case 0x03 -> Sort.TYPE;
            case 0x04 -> Sort.COMPONENT;
            case 0x01 -> {
                if (!closures) throw BinaryReader.invalidLeadingByte(b1, "component outer alias kind", offset);
                yield Sort.FUNC;
            }
            case 0x05 -> {
                if (!closures) throw BinaryReader.invalidLeadingByte(b1, "component outer alias kind", offset);
                yield Sort.INSTANCE;
            }
            default -> throw BinaryReader.invalidLeadingByte(b1, "component outer alias kind", offset);
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Core types (Binary.md, "Type Definitions", and the WebAssembly 3.0 type grammar)

    private CoreType coreType(BinaryReader r) {
        int offset = r.position();
        int b = r.peek();
        if (b == 0x00) {
            // `0x00 0x50`: a non-final sub type, prefixed to tell it from a module type.
            r.u8();
            int next = r.peek();
            if (next != 0x50) {
                throw BinaryReader.invalidLeadingByte(next, "non-final sub type", r.position());
            }
            return new CoreRecGroup(offset, false, List.of(subType(r)));
        }
        if (b == 0x50) {
            r.u8();
            return new CoreType.Module(offset, vec(r, this::moduleDecl));
        }
        return recGroup(r);
    }

    private CoreRecGroup recGroup(BinaryReader r) {
        int offset = r.position();
        if (r.peek() == 0x4e) {
            r.u8();
            return new CoreRecGroup(offset, true, vec(r, this::subType));
        }
        return new CoreRecGroup(offset, false, List.of(subType(r)));
    }

    private CoreSubType subType(BinaryReader r) {
        int offset = r.position();
        int b = r.u8();
        if (b == 0x4f || b == 0x50) {
            List<Long> supers = vec(r, BinaryReader::u32);
            CoreCompositeType ct = compositeType(r, r.u8());
            return new CoreSubType(offset, b == 0x4f, supers, ct, false);
        }
        return new CoreSubType(offset, true, List.of(), compositeType(r, b), true);
    }

    private CoreCompositeType compositeType(BinaryReader r, int opcode) {
        int offset = r.position() - 1;
        boolean shared = false;
        if (opcode == 0x65) {
            shared = true;
            opcode = r.u8();
        }
        OptionalLong describes = OptionalLong.empty();
        if (opcode == 0x4c) {
            describes = OptionalLong.of(r.u32());
            opcode = r.u8();
        }
        OptionalLong descriptor = OptionalLong.empty();
        if (opcode == 0x4d) {
            descriptor = OptionalLong.of(r.u32());
            opcode = r.u8();
        }
        CoreCompositeType.Body body = switch (opcode) {
            case 0x60 -> new CoreCompositeType.Func(vec(r, this::coreValType), vec(r, this::coreValType));
            case 0x5e -> new CoreCompositeType.Array(fieldType(r));
            case 0x5f -> new CoreCompositeType.Struct(vec(r, this::fieldType));
            case 0x5d -> {
                long idx = r.s33();
                if (idx < 0) {
                    throw BinaryReader.error("invalid continuation type", r.position());
                }
                yield new CoreCompositeType.Cont(idx);
            }
            default -> throw r.invalidLeadingByte(opcode, "type");
        };
        return new CoreCompositeType(offset, shared, describes, descriptor, body);
    }

    private CoreFieldType fieldType(BinaryReader r) {
        CoreStorageType storage;
        int b = r.peek();
        if (b == 0x78) {
            r.u8();
            storage = CoreStorageType.Packed.I8;
        } else if (b == 0x77) {
            r.u8();
            storage = CoreStorageType.Packed.I16;
        } else {
            storage = coreValType(r);
        }
        int m = r.u8();
        if (m > 1) {
            throw BinaryReader.error("malformed mutability byte for field type", r.position());
        }
        return new CoreFieldType(storage, m == 1);
    }

    private CoreValueType coreValType(BinaryReader r) {
        return switch (r.peek()) {
            case 0x7f -> num(r, CoreValueType.Num.I32);
            case 0x7e -> num(r, CoreValueType.Num.I64);
            case 0x7d -> num(r, CoreValueType.Num.F32);
            case 0x7c -> num(r, CoreValueType.Num.F64);
            case 0x7b -> num(r, CoreValueType.Num.V128);
            default -> refType(r, "invalid value type");
        };
    }

    private static CoreValueType num(BinaryReader r, CoreValueType.Num t) {
        r.u8();
        return t;
    }

    private CoreValueType.Ref refType(BinaryReader r, String invalidAbstract) {
        int offset = r.position();
        int b = r.peek();
        if (b == 0x63 || b == 0x64) {
            r.u8();
            return new CoreValueType.Ref(b == 0x63, heapType(r), false);
        }
        if (b == 0x62) {
            throw BinaryReader.error("unexpected exact type", offset);
        }
        // The short form abbreviates `ref null <abstract heap type>` only.
        boolean shared = b == 0x65;
        if (shared) {
            r.u8();
        }
        CoreHeapType.Kind kind = abstractHeapType(r, invalidAbstract);
        return new CoreValueType.Ref(true, new CoreHeapType.Abstract(shared, kind), true);
    }

    private CoreHeapType heapType(BinaryReader r) {
        // A non-negative s33 is a type index; a negative one is an abstract type (or a prefix),
        // whose single opcode byte is then read again.
        int start = r.position();
        long v = r.s33();
        if (v >= 0) {
            return new CoreHeapType.Concrete(v);
        }
        BinaryReader again = new BinaryReader(r.buffer(), start, r.end());
        int b = again.peek();
        CoreHeapType result;
        if (b == 0x65) {
            again.u8();
            result = new CoreHeapType.Abstract(true, abstractHeapType(again, "invalid heap type"));
        } else if (b == 0x62) {
            again.u8();
            result = new CoreHeapType.Exact(again.u32());
        } else {
            result = new CoreHeapType.Abstract(false, abstractHeapType(again, "invalid heap type"));
        }
        r.skip(again.position() - r.position());
        return result;
    }

    private static CoreHeapType.Kind abstractHeapType(BinaryReader r, String message) {
        int b = r.u8();
        CoreHeapType.Kind k = CoreHeapType.Kind.ofCode(b);
        if (k == null) {
            throw BinaryReader.error(message, r.position() - 1);
        }
        return k;
    }

    private ModuleDecl moduleDecl(BinaryReader r) {
        int offset = r.position();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> new ModuleDecl.Import(offset, r.string(), r.string(), typeRef(r));
            case 0x01 -> new ModuleDecl.Type(offset, recGroup(r));
            case 0x02 -> {
                int kind = r.u8();
                if (kind != 0x10) {
                    throw r.invalidLeadingByte(kind, "outer alias kind");
                }
                int target = r.u8();
                if (target != 0x01) {
                    throw r.invalidLeadingByte(target, "outer alias target");
                }
                yield new ModuleDecl.OuterAlias(offset, r.u32(), r.u32());
            }
            case 0x03 -> new ModuleDecl.Export(offset, r.string(), typeRef(r));
            default -> throw r.invalidLeadingByte(b, "type definition");
        };
    }

    /** A core {@code externtype}. */
    private CoreTypeRef typeRef(BinaryReader r) {
        int b = r.u8();
        return switch (b) {
            case 0x00 -> new CoreTypeRef.Func(r.u32());
            case 0x20 -> new CoreTypeRef.FuncExact(r.u32());
            case 0x01 -> {
                CoreValueType.Ref element = refType(r, "malformed reference type");
                int flagsOffset = r.position();
                int flags = r.u8();
                if ((flags & ~0b111) != 0) {
                    throw BinaryReader.error("invalid table resizable limits flags", flagsOffset);
                }
                long initial = r.u64();
                OptionalLong max = (flags & 1) != 0 ? OptionalLong.of(r.u64()) : OptionalLong.empty();
                yield new CoreTypeRef.Table(element, (flags & 4) != 0, (flags & 2) != 0, initial, max);
            }
            case 0x02 -> {
                int flagsOffset = r.position();
                int flags = r.u8();
                if ((flags & ~0b1111) != 0) {
                    throw BinaryReader.error("invalid memory limits flags", flagsOffset);
                }
                long initial = r.u64();
                OptionalLong max = (flags & 1) != 0 ? OptionalLong.of(r.u64()) : OptionalLong.empty();
                OptionalInt pageSize = OptionalInt.empty();
                if ((flags & 8) != 0) {
                    long p = r.u32();
                    if (p >= 64) {
                        throw BinaryReader.error("invalid custom page size", flagsOffset);
                    }
                    pageSize = OptionalInt.of((int) p);
                }
                yield new CoreTypeRef.Memory((flags & 4) != 0, (flags & 2) != 0, initial, max, pageSize);
            }
            case 0x03 -> {
                CoreValueType t = coreValType(r);
                int flags = r.u8();
                if (flags > 0b11) {
                    throw BinaryReader.error("malformed global flags", r.position() - 1);
                }
                yield new CoreTypeRef.Global(t, (flags & 1) != 0, (flags & 2) != 0);
            }
            case 0x04 -> {
                int attribute = r.u8();
                if (attribute != 0) {
                    throw BinaryReader.error("invalid tag attributes", r.position() - 1);
                }
                yield new CoreTypeRef.Tag(r.u32());
            }
            default -> throw r.invalidLeadingByte(b, "external kind");
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Component types (Binary.md, "Type Definitions")

    private DefType defType(BinaryReader r) {
        int offset = r.position();
        int b = r.u8();
        switch (b) {
            case 0x3f: {
                CoreValueType rep = coreValType(r);
                int d = r.u8();
                OptionalLong dtor = switch (d) {
                    case 0x00 -> OptionalLong.empty();
                    case 0x01 -> OptionalLong.of(r.u32());
                    default -> throw r.invalidLeadingByte(d, "resource destructor");
                };
                return new DefType.ResourceType(offset, rep, dtor);
            }
            case 0x40:
            case 0x43: {
                List<DefType.LabeledType> params = vec(r, this::labeledType);
                return new DefType.FuncType(offset, b == 0x43, params, resultList(r));
            }
            case 0x41:
                enter(offset, "a component type");
                try {
                    return new DefType.ComponentType(offset, vec(r, this::componentDecl));
                } finally {
                    depth--;
                }
            case 0x42:
                enter(offset, "an instance type");
                try {
                    return new DefType.InstanceType(offset, vec(r, this::instanceDecl));
                } finally {
                    depth--;
                }
            default:
                return defValType(r, b, offset);
        }
    }

    /** {@code resultlist}: {@code 0x00 t} or {@code 0x01 0x00}. */
    private Optional<ComponentValType> resultList(BinaryReader r) {
        int b = r.u8();
        if (b == 0x00) {
            return Optional.of(valType(r));
        }
        if (b == 0x01) {
            int n = r.u8();
            if (n != 0x00) {
                throw r.invalidLeadingByte(n, "number of results");
            }
            return Optional.empty();
        }
        throw r.invalidLeadingByte(b, "component function results");
    }

    private DefValType defValType(BinaryReader r, int b, int offset) {
        PrimValType prim = PrimValType.ofCode(b);
        if (prim != null) {
            return new DefValType.PrimitiveType(offset, prim);
        }
        return switch (b) {
            case 0x72 -> new DefValType.RecordType(offset, vec(r, this::labeledType));
            case 0x71 -> new DefValType.VariantType(offset, vec(r, this::variantCase));
            case 0x70 -> new DefValType.ListType(offset, valType(r));
            case 0x67 -> new DefValType.FixedListType(offset, valType(r), r.u32());
            case 0x6f -> new DefValType.TupleType(offset, vec(r, this::valType));
            case 0x6e -> new DefValType.FlagsType(offset, vec(r, BinaryReader::string));
            case 0x6d -> new DefValType.EnumType(offset, vec(r, BinaryReader::string));
            case 0x6b -> new DefValType.OptionType(offset, valType(r));
            case 0x6a -> new DefValType.ResultType(offset, optionalValType(r), optionalValType(r));
            case 0x69 -> new DefValType.OwnType(offset, r.u32());
            case 0x68 -> new DefValType.BorrowType(offset, r.u32());
            case 0x66 -> new DefValType.StreamType(offset, optionalValType(r));
            case 0x65 -> new DefValType.FutureType(offset, optionalValType(r));
            case 0x63 -> new DefValType.MapType(offset, valType(r), valType(r));
            default -> throw r.invalidLeadingByte(b, "component defined type");
        };
    }

    private DefType.LabeledType labeledType(BinaryReader r) {
        return new DefType.LabeledType(r.string(), valType(r));
    }

    private DefValType.Case variantCase(BinaryReader r) {
        String label = r.string();
        Optional<ComponentValType> type = optionalValType(r);
        // Binary.md: the trailing 0x00 may later become the `none` of an optional immediate.
        int z = r.u8();
        if (z != 0x00) {
            throw r.invalidLeadingByte(z, "zero byte required");
        }
        return new DefValType.Case(label, type);
    }

    private Optional<ComponentValType> optionalValType(BinaryReader r) {
        int b = r.u8();
        return switch (b) {
            case 0x00 -> Optional.empty();
            case 0x01 -> Optional.of(valType(r));
            default -> throw r.invalidLeadingByte(b, "optional component value type");
        };
    }

    /** A {@code valtype}: a primitive opcode, else a type index read as s33. */
    private ComponentValType valType(BinaryReader r) {
        PrimValType prim = PrimValType.ofCode(r.peek());
        if (prim != null) {
            r.u8();
            return prim;
        }
        // Like wasmparser, a negative s33 wraps to a large u32, which validation rejects as an
        // index out of bounds.
        return new ComponentValType.Indexed(r.s33() & 0xffff_ffffL);
    }

    private ComponentDecl componentDecl(BinaryReader r) {
        if (r.peek() == 0x03) {
            int offset = r.position();
            r.u8();
            return new ComponentDecl.ImportDecl(offset, externName(r), externType(r));
        }
        return instanceDecl(r);
    }

    private InstanceDecl instanceDecl(BinaryReader r) {
        int offset = r.position();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> new InstanceDecl.CoreTypeDecl(offset, coreType(r));
            case 0x01 -> new InstanceDecl.TypeDecl(offset, defType(r));
            case 0x02 -> new InstanceDecl.AliasDecl(offset, alias(r));
            case 0x04 -> new InstanceDecl.ExportDecl(offset, externName(r), externType(r));
            default -> throw r.invalidLeadingByte(b, "component or instance type declaration");
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Imports and exports (Binary.md, "Import and Export Definitions")

    private ExternName externName(BinaryReader r) {
        int offset = r.position();
        int form = r.u8();
        if (form > 0x02) {
            throw r.invalidLeadingByte(form, "component name");
        }
        String name = r.string();
        if (form != 0x02) {
            return new ExternName(offset, form, name, List.of());
        }
        // Duplicate attribute kinds are left to validation (the conformance suite treats them as
        // invalid, not malformed).
        List<ExternName.Attribute> attributes = vec(r, x -> {
            int attrOffset = x.position();
            int kind = x.u8();
            return switch (kind) {
                case 0x00 -> new ExternName.Attribute.Implements(attrOffset, x.string());
                case 0x01 -> new ExternName.Attribute.VersionSuffix(attrOffset, x.string());
                case 0x02 -> new ExternName.Attribute.ExternalId(attrOffset, x.string());
                default -> throw x.invalidLeadingByte(kind, "name option");
            };
        });
        return new ExternName(offset, form, name, attributes);
    }

    private ExternType externType(BinaryReader r) {
        Sort sort = externalKind(r);
        return switch (sort) {
            case CORE_MODULE -> new ExternType.Module(r.u32());
            case FUNC -> new ExternType.Func(r.u32());
            case VALUE -> {
                int b = r.u8();
                yield new ExternType.Value(
                        switch (b) {
                            case 0x00 -> new ExternType.ValueBound.Eq(r.u32());
                            case 0x01 -> new ExternType.ValueBound.OfType(valType(r));
                            default -> throw r.invalidLeadingByte(b, "value bound");
                        });
            }
            case TYPE -> {
                int b = r.u8();
                yield new ExternType.Type(
                        switch (b) {
                            case 0x00 -> new ExternType.TypeBound.Eq(r.u32());
                            case 0x01 -> new ExternType.TypeBound.SubResource();
                            default -> throw r.invalidLeadingByte(b, "type bound");
                        });
            }
            case COMPONENT -> new ExternType.Component(r.u32());
            case INSTANCE -> new ExternType.Instance(r.u32());
            default -> throw new AssertionError(sort);
        };
    }

    private Import importDef(BinaryReader r) {
        int offset = r.position();
        return new Import(offset, externName(r), externType(r));
    }

    private Export exportDef(BinaryReader r) {
        int offset = r.position();
        ExternName name = externName(r);
        Sort sort = externalKind(r);
        long index = r.u32();
        int b = r.u8();
        Optional<ExternType> type = switch (b) {
            case 0x00 -> Optional.empty();
            case 0x01 -> Optional.of(externType(r));
            default -> throw r.invalidLeadingByte(b, "optional component export type");
        };
        return new Export(offset, name, new SortIdx(sort, index), type);
    }

    private ValueDef value(BinaryReader r) {
        int offset = r.position();
        ComponentValType type = valType(r);
        long len = r.u32();
        int dataOffset = r.position();
        return new ValueDef(offset, type, dataOffset, Bytes.wrap(r.bytes(len)));
    }

    // ---------------------------------------------------------------------------------------------
    // Canonical definitions (Binary.md, "Canonical Definitions")

    private Canon canon(BinaryReader r) {
        int o = r.position();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> {
                int sort = r.u8();
                if (sort != 0x00) {
                    throw r.invalidLeadingByte(sort, "canonical function lift");
                }
                long coreFunc = r.u32();
                List<CanonOpt> opts = options(r);
                yield new Canon.Lift(o, coreFunc, opts, r.u32());
            }
            case 0x01 -> {
                int sort = r.u8();
                if (sort != 0x00) {
                    throw r.invalidLeadingByte(sort, "canonical function lower");
                }
                long func = r.u32();
                yield new Canon.Lower(o, func, options(r));
            }
            case 0x02 -> new Canon.ResourceNew(o, r.u32());
            case 0x03 -> new Canon.ResourceDrop(o, r.u32());
            case 0x04 -> new Canon.ResourceRep(o, r.u32());
            case 0x24 -> new Canon.BackpressureInc(o);
            case 0x25 -> new Canon.BackpressureDec(o);
            case 0x09 -> {
                Optional<ComponentValType> result = resultList(r);
                yield new Canon.TaskReturn(o, result, options(r));
            }
            case 0x05 -> new Canon.TaskCancel(o);
            case 0x0a -> {
                CoreValueType t = coreValType(r);
                yield new Canon.ContextGet(o, t, r.u32());
            }
            case 0x0b -> {
                CoreValueType t = coreValType(r);
                yield new Canon.ContextSet(o, t, r.u32());
            }
            case 0x06 -> new Canon.SubtaskCancel(o, r.bool());
            case 0x0d -> new Canon.SubtaskDrop(o);
            case 0x0e -> new Canon.StreamNew(o, r.u32());
            case 0x0f -> {
                long t = r.u32();
                yield new Canon.StreamRead(o, t, options(r));
            }
            case 0x10 -> {
                long t = r.u32();
                yield new Canon.StreamWrite(o, t, options(r));
            }
            case 0x11 -> {
                long t = r.u32();
                yield new Canon.StreamCancelRead(o, t, r.bool());
            }
            case 0x12 -> {
                long t = r.u32();
                yield new Canon.StreamCancelWrite(o, t, r.bool());
            }
            case 0x13 -> new Canon.StreamDropReadable(o, r.u32());
            case 0x14 -> new Canon.StreamDropWritable(o, r.u32());
            case 0x15 -> new Canon.FutureNew(o, r.u32());
            case 0x16 -> {
                long t = r.u32();
                yield new Canon.FutureRead(o, t, options(r));
            }
            case 0x17 -> {
                long t = r.u32();
                yield new Canon.FutureWrite(o, t, options(r));
            }
            case 0x18 -> {
                long t = r.u32();
                yield new Canon.FutureCancelRead(o, t, r.bool());
            }
            case 0x19 -> {
                long t = r.u32();
                yield new Canon.FutureCancelWrite(o, t, r.bool());
            }
            case 0x1a -> new Canon.FutureDropReadable(o, r.u32());
            case 0x1b -> new Canon.FutureDropWritable(o, r.u32());
            case 0x1c -> new Canon.ErrorContextNew(o, options(r));
            case 0x1d -> new Canon.ErrorContextDebugMessage(o, options(r));
            case 0x1e -> new Canon.ErrorContextDrop(o);
            case 0x1f -> new Canon.WaitableSetNew(o);
            case 0x20 -> {
                boolean cancellable = r.bool();
                yield new Canon.WaitableSetWait(o, cancellable, r.u32());
            }
            case 0x21 -> {
                boolean cancellable = r.bool();
                yield new Canon.WaitableSetPoll(o, cancellable, r.u32());
            }
            case 0x22 -> new Canon.WaitableSetDrop(o);
            case 0x23 -> new Canon.WaitableJoin(o);
            case 0x26 -> new Canon.ThreadIndex(o);
            case 0x27 -> {
                long t = r.u32();
                yield new Canon.ThreadNewIndirect(o, t, r.u32());
            }
            case 0x28 -> new Canon.ThreadResumeLater(o);
            case 0x29 -> new Canon.ThreadSuspend(o, r.bool());
            case 0x0c -> new Canon.ThreadYield(o, r.bool());
            case 0x2a -> new Canon.ThreadSuspendThenResume(o, r.bool());
            case 0x2b -> new Canon.ThreadYieldThenResume(o, r.bool());
            case 0x2c -> new Canon.ThreadSuspendThenPromote(o, r.bool());
            case 0x2d -> new Canon.ThreadYieldThenPromote(o, r.bool());
            case 0x40 -> {
                boolean shared = r.bool();
                yield new Canon.ThreadSpawnRef(o, shared, r.u32());
            }
            case 0x41 -> {
                boolean shared = r.bool();
                long t = r.u32();
                yield new Canon.ThreadSpawnIndirect(o, shared, t, r.u32());
            }
            case 0x42 -> new Canon.ThreadAvailableParallelism(o, r.bool());
            default -> throw r.invalidLeadingByte(b, "canonical function");
        };
    }

    private List<CanonOpt> options(BinaryReader r) {
        return vec(r, x -> {
            int o = x.position();
            int b = x.u8();
            return switch (b) {
                case 0x00 -> new CanonOpt.StringEncoding(o, CanonOpt.Encoding.UTF8);
                case 0x01 -> new CanonOpt.StringEncoding(o, CanonOpt.Encoding.UTF16);
                case 0x02 -> new CanonOpt.StringEncoding(o, CanonOpt.Encoding.LATIN1_UTF16);
                case 0x03 -> new CanonOpt.Memory(o, x.u32());
                case 0x04 -> new CanonOpt.Realloc(o, x.u32());
                case 0x05 -> new CanonOpt.PostReturn(o, x.u32());
                case 0x06 -> new CanonOpt.Async(o);
                case 0x07 -> new CanonOpt.Callback(o, x.u32());
                case 0x08 -> new CanonOpt.CoreType(o, x.u32());
                case 0x09 -> new CanonOpt.Gc(o);
                default -> throw x.invalidLeadingByte(b, "canonical option");
            };
        });
    }
}
