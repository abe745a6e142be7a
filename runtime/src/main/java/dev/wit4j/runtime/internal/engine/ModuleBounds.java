package dev.wit4j.runtime.internal.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;

/**
 * Checks, before Endive reads a core module, that no length or count in it promises more than the
 * bytes that are there. Endive's parser allocates by a declared count before reading the items
 * (function types' parameters and results, element segments' items, data segments' bytes, section
 * and name lengths) and adds locals one by one up to their declared number: a 16-byte module
 * declaring 2<sup>31</sup> of something exhausted the heap. Every such count must fit in what is
 * left of its section (each item takes at least a byte), and a function may have at most
 * {@value #MAX_LOCALS} locals (wasmparser's limit). Names (imports, exports, custom sections) must
 * be UTF-8, which Endive does not check. The rest is Endive's to check.
 *
 * <p>A malformed name section is not an error: "errors in [a custom section's] data … must not
 * invalidate the module" (core spec, Custom Sections), and wasm-tools and V8 ignore it. Endive
 * reads the name section, and fails on it (or exhausts the heap), so this check renames such a
 * section in place (to {@value #IGNORED_NAME}, which no engine reads): the module's other bytes and
 * offsets stay as they were, and its names are lost.
 */
final class ModuleBounds {

    /** What a malformed name section is renamed to: a custom section no engine reads, of the same length. */
    static final String IGNORED_NAME = "skip";

    /** wasmparser's {@code MAX_WASM_FUNCTION_LOCALS}. */
    static final long MAX_LOCALS = 50_000;

    /** A length or count that cannot be: the module is malformed. */
    static final class OutOfBounds extends RuntimeException {
        final long offset;

        OutOfBounds(String message, long offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private final byte[] b;
    private int pos;
    private int end;

    private ModuleBounds(byte[] bytes) {
        this.b = bytes;
    }

    /**
     * Checks {@code module}; returns normally when every count fits (or the module is not one this
     * check understands: then Endive's own errors apply). A malformed name section is renamed in
     * {@code module} itself.
     *
     * @throws OutOfBounds naming the offset of a count or length that does not fit
     */
    static void check(byte[] module) {
        if (module.length < 8) return;
        ModuleBounds m = new ModuleBounds(module);
        try {
            m.sections(id -> {
                try {
                    m.section(id);
                } catch (Unreadable e) {
                    // something this check does not know: Endive decides
                }
                return false;
            });
        } catch (Unreadable e) {
            // a section header this check cannot read (an overlong LEB128): the engine refuses it
        }
    }

    /**
     * Renames {@code module}'s name section, if it has one, so that the core engine skips it: for
     * a name section this check found sound and the engine still refused (it asserts, for one,
     * that the module's name comes once). Returns whether there was one.
     */
    static boolean ignoreNameSection(byte[] module) {
        ModuleBounds m = new ModuleBounds(module);
        try {
            return m.sections(id -> {
                if (id != 0 || !m.name().equals("name")) return false;
                m.rename(m.pos);
                return true;
            });
        } catch (OutOfBounds | Unreadable e) {
            return false; // not a module this check reads: nothing renamed
        }
    }

    /** Renames the custom section whose name {@code "name"} ends at {@code nameEnd} (same length). */
    private void rename(int nameEnd) {
        for (int i = 0; i < IGNORED_NAME.length(); i++) {
            b[nameEnd - IGNORED_NAME.length() + i] = (byte) IGNORED_NAME.charAt(i);
        }
    }

    /**
     * Reads the section headers in turn, {@code visit} each section by its id (from the start of its
     * content, {@link #end} at its end), until {@code visit} returns true; returns whether one did.
     */
    private boolean sections(IntPredicate visit) {
        pos = 8;
        while (pos < b.length) {
            end = b.length;
            int id = u8();
            int sectionEnd = endOfSized("section");
            end = sectionEnd;
            if (visit.test(id)) return true;
            pos = sectionEnd;
        }
        return false;
    }

    /**
     * Reads the size of a {@code what} (a LEB128 u32) that must fit in what is left before
     * {@link #end}, and returns where the {@code what} ends.
     */
    private int endOfSized(String what) {
        int sizeAt = pos;
        long size = u32();
        if (size > end - pos) {
            throw new OutOfBounds(what + " size out of bounds: " + size + " bytes, " + (end - pos) + " left", sizeAt);
        }
        return pos + (int) size;
    }

    /** Content this check does not follow (new proposals): it stops checking that section. */
    private static final class Unreadable extends RuntimeException {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    private void section(int id) {
        switch (id) {
            case 0 -> custom();
            case 1 -> types();
            case 2 -> imports();
            case 3, 4, 5, 6 -> count(1); // vectors (the start and data count sections hold no vector)
            case 13 -> tags();
            case 7 -> exports();
            case 9 -> elements();
            case 10 -> code();
            case 11 -> data();
            default -> {}
        }
    }

    /**
     * Custom sections: only the name section is read by Endive, which allocates each name by its
     * declared length. Subsection 0 is a name, 2, 3 and 10 nest a map in a map (locals, labels,
     * fields), the others Endive reads are one map; subsections it skips are skipped here too.
     */
    private void custom() {
        if (!name().equals("name")) return;
        int nameEnd = pos;
        try {
            nameSection();
        } catch (OutOfBounds | Unreadable e) {
            rename(nameEnd);
        }
    }

    private void nameSection() {
        while (pos < end) {
            int id = u8();
            int subEnd = endOfSized("name subsection");
            int outer = end;
            end = subEnd;
            try {
                switch (id) {
                    case 0 -> name();
                    case 2, 3 -> {
                        long groups = count(2);
                        for (long i = 0; i < groups; i++) {
                            u32();
                            nameMap();
                        }
                    }
                    case 1, 5, 6, 7, 8, 9, 11 -> nameMap();
                    default -> {}
                }
            } finally {
                end = outer;
            }
            pos = subEnd;
        }
    }

    /** A vector of (index, name) pairs. */
    private void nameMap() {
        long n = count(2);
        for (long i = 0; i < n; i++) {
            u32();
            name();
        }
    }

    private void types() {
        long n = count(1);
        for (long i = 0; i < n; i++) {
            if (peek() == 0x4E) {
                u8();
                long m = count(1);
                for (long j = 0; j < m; j++) subType();
            } else {
                subType();
            }
        }
    }

    private void subType() {
        int form = peek();
        if (form == 0x50 || form == 0x4F) {
            u8();
            long supers = count(1);
            for (long i = 0; i < supers; i++) u32();
        }
        form = u8();
        switch (form) {
            case 0x60 -> {
                long params = count(1);
                for (long i = 0; i < params; i++) valType();
                long results = count(1);
                for (long i = 0; i < results; i++) valType();
            }
            case 0x5F -> {
                long fields = count(2);
                for (long i = 0; i < fields; i++) fieldType();
            }
            case 0x5E -> fieldType();
            default -> throw new Unreadable();
        }
    }

    private void fieldType() {
        int t = peek();
        if (t == 0x78 || t == 0x77) u8();
        else valType();
        u8();
    }

    private void valType() {
        int t = u8();
        if (t == 0x63 || t == 0x64) heapType();
    }

    private void heapType() {
        int t = peek();
        if (t == 0x65) {
            u8();
            t = peek();
        }
        if ((t & 0xC0) == 0x40) u8();
        else skipLeb();
    }

    private void imports() {
        long n = count(3);
        for (long i = 0; i < n; i++) {
            name();
            name();
            int kind = u8();
            switch (kind) {
                case 0x00 -> u32();
                case 0x01 -> {
                    valType();
                    tableLimits();
                }
                case 0x02 -> limits();
                case 0x03 -> {
                    valType();
                    u8();
                }
                case 0x04 -> tag();
                default -> throw new Unreadable();
            }
        }
    }

    private void tags() {
        long n = count(2);
        for (long i = 0; i < n; i++) tag();
    }

    /** {@code tag ::= 0x00 typeidx}: the attribute, which Endive does not check, is 0 (exception handling). */
    private void tag() {
        int at = pos;
        int attribute = u8();
        if (attribute != 0) throw new OutOfBounds("invalid tag attribute " + attribute + ": must be 0", at);
        u32();
    }

    /**
     * An imported table's limits: the shared flag (0x02) belongs to shared-everything threads, which
     * the core engine does not implement, yet its import parser reads flags 0x03 as a shared table
     * (its table section refuses them).
     */
    private void tableLimits() {
        int at = pos;
        int flags = peek();
        if ((flags & 0x02) != 0) {
            throw new OutOfBounds(
                    "invalid table limits flags 0x" + Integer.toHexString(flags)
                            + ": shared tables (shared-everything threads) are not supported",
                    at);
        }
        limits();
    }

    private void limits() {
        int flags = u8();
        skipLeb();
        if ((flags & 0x01) != 0) skipLeb();
    }

    private void exports() {
        long n = count(3);
        for (long i = 0; i < n; i++) {
            name();
            u8();
            u32();
        }
    }

    private void elements() {
        long n = count(1);
        for (long i = 0; i < n; i++) {
            long flags = u32();
            if (flags > 7) throw new Unreadable();
            if (flags == 2 || flags == 6) u32(); // table index
            if ((flags & 1) == 0) constExpr(); // active: the offset
            if ((flags & 3) != 0) {
                if ((flags & 4) == 0) u8(); // element kind
                else valType(); // reference type
            }
            long items = count(1);
            for (long j = 0; j < items; j++) {
                if ((flags & 4) == 0) u32();
                else constExpr();
            }
        }
    }

    private void data() {
        long n = count(1);
        for (long i = 0; i < n; i++) {
            long flags = u32();
            if (flags > 2) throw new Unreadable();
            if (flags == 2) u32(); // memory index
            if (flags != 1) constExpr();
            int lengthAt = pos;
            long length = u32();
            if (length > end - pos) {
                throw new OutOfBounds(
                        "data segment length out of bounds: " + length + " bytes, " + (end - pos) + " left", lengthAt);
            }
            pos += (int) length;
        }
    }

    private void code() {
        long n = count(1);
        for (long i = 0; i < n; i++) {
            int sizeAt = pos;
            long size = u32();
            if (size > end - pos) throw new OutOfBounds("function body size out of bounds", sizeAt);
            int bodyEnd = pos + (int) size;
            int outer = end;
            end = bodyEnd;
            long groups = count(2);
            long locals = 0;
            for (long g = 0; g < groups; g++) {
                int countAt = pos;
                locals += u32();
                if (locals > MAX_LOCALS) {
                    throw new OutOfBounds("too many locals: locals exceed maximum", countAt);
                }
                valType();
            }
            // expr ::= instr* 0x0B: a body's last byte is its `end` (the core engine reads one
            // instruction even from a body that has none left, past the body's end)
            if (pos >= bodyEnd || b[bodyEnd - 1] != 0x0B) {
                throw new OutOfBounds("function body must end with the `end` opcode", bodyEnd - 1);
            }
            end = outer;
            pos = bodyEnd;
        }
    }

    /** A constant expression, up to its {@code end}; what is not a constant instruction is not followed. */
    private void constExpr() {
        while (true) {
            int op = u8();
            switch (op) {
                case 0x0B -> {
                    return;
                }
                case 0x41, 0x42, 0x23, 0xD2 -> skipLeb();
                case 0x43 -> skip(4);
                case 0x44 -> skip(8);
                case 0xD0 -> heapType();
                case 0x6A, 0x6B, 0x6C, 0x7C, 0x7D, 0x7E -> {} // extended constant expressions
                default -> throw new Unreadable();
            }
        }
    }

    /** A vector's count, which must fit in the rest of its section at {@code min} bytes an item. */
    private long count(int min) {
        int at = pos;
        long n = u32();
        if (n * min > end - pos) {
            throw new OutOfBounds("count out of bounds: " + n + " items, " + (end - pos) + " bytes left", at);
        }
        return n;
    }

    private String name() {
        int at = pos;
        long length = u32();
        if (length > end - pos) {
            throw new OutOfBounds("name length out of bounds: " + length + " bytes, " + (end - pos) + " left", at);
        }
        String s;
        try {
            // names are UTF-8 (binary format, Names); the core engine would take any bytes
            s = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(b, pos, (int) length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new OutOfBounds("malformed UTF-8 encoding in a name", at);
        }
        pos += (int) length;
        return s;
    }

    private int peek() {
        if (pos >= end) throw new OutOfBounds("unexpected end", pos);
        return b[pos] & 0xFF;
    }

    private int u8() {
        if (pos >= end) throw new OutOfBounds("unexpected end", pos);
        return b[pos++] & 0xFF;
    }

    private long u32() {
        long result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int x = u8();
            result |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) return result & 0xFFFF_FFFFL;
        }
        throw new Unreadable();
    }

    private void skipLeb() {
        for (int i = 0; i < 10; i++) {
            if ((u8() & 0x80) == 0) return;
        }
        throw new Unreadable();
    }

    private void skip(int n) {
        if (n > end - pos) throw new OutOfBounds("unexpected end", pos);
        pos += n;
    }
}
