package dev.wit4j.runtime.internal.link;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes component binaries section by section (Binary.md), for features the text format of the
 * pinned wasm-tools cannot express: 🪙 value definitions have no text form there, and it encodes a
 * value import's type as a bare {@code valtype} instead of Binary.md's {@code valuebound}.
 */
final class ComponentBytes {

    static final int CORE_MODULE = 1,
            CORE_INSTANCE = 2,
            COMPONENT = 4,
            INSTANCE = 5,
            ALIAS = 6,
            TYPE = 7,
            CANON = 8,
            START = 9,
            IMPORT = 10,
            EXPORT = 11,
            VALUE = 12;

    /** Sorts ({@code sort} in Binary.md). */
    static final int FUNC = 0x01, VAL = 0x02, TYPE_SORT = 0x03, COMPONENT_SORT = 0x04, INSTANCE_SORT = 0x05;

    /** Primitive value type opcodes. */
    static final int BOOL = 0x7f,
            S8 = 0x7e,
            U8 = 0x7d,
            S16 = 0x7c,
            U16 = 0x7b,
            S32 = 0x7a,
            U32 = 0x79,
            S64 = 0x78,
            U64 = 0x77,
            F32 = 0x76,
            F64 = 0x75,
            CHAR = 0x74,
            STRING = 0x73;

    /**
     * A core module exporting {@code inc: (i32) -> i32}, which adds one; the WAT is
     * {@code (module (func (export "inc") (param i32) (result i32) local.get 0 i32.const 1 i32.add))}.
     */
    static final byte[] INC_MODULE = bytes(
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f, 0x03, 0x02,
            0x01, 0x00, 0x07, 0x07, 0x01, 0x03, 'i', 'n', 'c', 0x00, 0x00, 0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00,
            0x41, 0x01, 0x6a, 0x0b);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ComponentBytes() {
        out.writeBytes(bytes(0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00));
    }

    /** Appends section {@code id} with {@code contents} (its size is computed). */
    ComponentBytes section(int id, byte[]... contents) {
        byte[] body = concat(contents);
        out.write(id);
        out.writeBytes(u32(body.length));
        out.writeBytes(body);
        return this;
    }

    /** A section holding a vector of {@code items}, as most component sections do. */
    ComponentBytes vecSection(int id, byte[]... items) {
        return section(id, vec(items));
    }

    byte[] build() {
        return out.toByteArray();
    }

    // ---- pieces ------------------------------------------------------------------------------

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] u32(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return out.toByteArray();
    }

    static byte[] vec(byte[]... items) {
        return concat(u32(items.length), concat(items));
    }

    static byte[] name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return concat(u32(utf8.length), utf8);
    }

    /** An import or export name: {@code 0x00 name}. */
    static byte[] externName(String s) {
        return concat(bytes(0x00), name(s));
    }

    /** {@code (import name (value t))} with Binary.md's {@code 0x02 0x01 t} value bound. */
    static byte[] importValue(String name, byte[] valtype) {
        return concat(externName(name), bytes(0x02, 0x01), valtype);
    }

    /** {@code (import name (value (eq i)))}. */
    static byte[] importValueEq(String name, int valueIndex) {
        return concat(externName(name), bytes(0x02, 0x00), u32(valueIndex));
    }

    /** {@code (import name (func (type t)))}. */
    static byte[] importFunc(String name, int typeIndex) {
        return concat(externName(name), bytes(0x01), u32(typeIndex));
    }

    /** {@code (export name (sort idx))} without a type ascription. */
    static byte[] export(String name, int sort, int index) {
        return concat(externName(name), bytes(sort), u32(index), bytes(0x00));
    }

    /** A function type {@code (func (param name t)* (result r)?)}; {@code result} may be null. */
    static byte[] funcType(byte[] result, Object... namesAndTypes) {
        byte[][] params = new byte[namesAndTypes.length / 2][];
        for (int i = 0; i < params.length; i++) {
            params[i] = concat(name((String) namesAndTypes[2 * i]), (byte[]) namesAndTypes[2 * i + 1]);
        }
        byte[] res = result == null ? bytes(0x01, 0x00) : concat(bytes(0x00), result);
        return concat(bytes(0x40), vec(params), res);
    }

    /** A value definition: {@code t len bytes}. */
    static byte[] value(byte[] valtype, byte[] encoded) {
        return concat(valtype, u32(encoded.length), encoded);
    }

    /** {@code (start f (value arg)* (result (value))^results)}. */
    static byte[] start(int func, int[] args, int results) {
        byte[][] a = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            a[i] = u32(args[i]);
        }
        return concat(u32(func), vec(a), u32(results));
    }

    /** {@code (core instance (instantiate m))} without arguments. */
    static byte[] coreInstantiate(int module) {
        return concat(bytes(0x00), u32(module), vec());
    }

    /** {@code (alias core export i name (core func))}. */
    static byte[] aliasCoreFunc(int coreInstance, String name) {
        return concat(bytes(0x00, 0x00, 0x01), u32(coreInstance), name(name));
    }

    /** {@code (alias export i name (sort))}. */
    static byte[] aliasExport(int sort, int instance, String name) {
        return concat(bytes(sort, 0x00), u32(instance), name(name));
    }

    /** {@code (canon lift f (type t))} without options. */
    static byte[] lift(int coreFunc, int type) {
        return concat(bytes(0x00, 0x00), u32(coreFunc), vec(), u32(type));
    }

    /** {@code (instance (instantiate c (with name (sort idx))*))}; pass name, sort, index triples. */
    static byte[] instantiate(int component, Object... args) {
        byte[][] a = new byte[args.length / 3][];
        for (int i = 0; i < a.length; i++) {
            a[i] = concat(name((String) args[3 * i]), bytes((Integer) args[3 * i + 1]), u32((Integer) args[3 * i + 2]));
        }
        return concat(bytes(0x00), u32(component), vec(a));
    }
}
