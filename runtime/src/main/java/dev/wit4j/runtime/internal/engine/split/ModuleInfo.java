package dev.wit4j.runtime.internal.engine.split;

import static dev.wit4j.runtime.internal.engine.CoreSections.*;

import dev.wit4j.runtime.internal.engine.CoreReader;
import java.util.ArrayList;
import java.util.List;

/**
 * What the splitter needs to know of a core module: where its sections are, the function types,
 * the type of every function, how many globals there are, the tags' types and where each function
 * body lies. Read from a module the engine has already validated; anything this reader does not
 * understand throws {@link Bytes.Malformed} and the module is left alone.
 */
final class ModuleInfo {

    final byte[] bytes;
    final List<Section> sections = new ArrayList<>();
    /** By type index; null for a type that is not a function type (struct, array). */
    final List<FuncType> types = new ArrayList<>();
    /** The type index of every function, imports first. */
    final List<Integer> functionTypes = new ArrayList<>();

    int importedFunctions;
    int importedMemories;
    int globals;
    final List<Integer> tagTypes = new ArrayList<>();
    /** Each defined function's body: [start, end) of its bytes after the size. */
    int[] bodyStart = new int[0];

    int[] bodyEnd = new int[0];

    private ModuleInfo(byte[] bytes) {
        this.bytes = bytes;
    }

    static ModuleInfo read(byte[] bytes) {
        ModuleInfo info = new ModuleInfo(bytes);
        info.readSections();
        return info;
    }

    int definedFunctions() {
        return bodyStart.length;
    }

    FuncType typeOfFunction(int function) {
        return funcType(functionTypes.get(function));
    }

    FuncType funcType(int typeIndex) {
        if (typeIndex < 0 || typeIndex >= types.size() || types.get(typeIndex) == null) {
            throw new Bytes.Malformed("type " + typeIndex + " is not a function type");
        }
        return types.get(typeIndex);
    }

    Section section(int id) {
        for (Section s : sections) {
            if (s.id() == id) return s;
        }
        return null;
    }

    /** The sections of a core module in order: only where each lies is read. */
    static List<Section> sections(byte[] bytes) {
        if (!hasHeader(bytes)) throw new Bytes.Malformed("not a core module");
        List<Section> sections = new ArrayList<>();
        Bytes.Reader r = new Bytes.Reader(bytes, 8, bytes.length);
        while (!r.atEnd()) sections.add(r.section());
        return sections;
    }

    private void readSections() {
        sections.addAll(sections(bytes));
        for (Section section : sections) {
            Bytes.Reader s = new Bytes.Reader(bytes, section.payloadStart(), section.end());
            switch (section.id()) {
                case TYPE -> readTypes(s);
                case IMPORT -> readImports(s);
                case FUNCTION -> readFunctions(s);
                case GLOBAL -> globals += s.u32();
                case TAG -> readTags(s);
                case CODE -> {
                    CoreReader.Bodies bodies = s.bodies();
                    bodyStart = bodies.start();
                    bodyEnd = bodies.end();
                }
                default -> {}
            }
            // a section read whole must end where its size says: rewritten, trailing bytes would be lost
            boolean readWhole = section.id() == TYPE
                    || section.id() == IMPORT
                    || section.id() == FUNCTION
                    || section.id() == TAG
                    || section.id() == CODE;
            if (readWhole && !s.atEnd()) {
                throw new Bytes.Malformed("section size mismatch in section " + section.id());
            }
        }
        if (bodyStart.length != functionTypes.size() - importedFunctions) {
            throw new Bytes.Malformed("function and code sections disagree");
        }
    }

    private void readTypes(Bytes.Reader r) {
        int n = r.u32();
        for (int i = 0; i < n; i++) {
            if (r.peek() == 0x4E) { // a recursion group
                r.u8();
                int m = r.u32();
                for (int j = 0; j < m; j++) readSubType(r);
            } else {
                readSubType(r);
            }
        }
    }

    private void readSubType(Bytes.Reader r) {
        int b = r.peek();
        if (b == 0x50 || b == 0x4F) {
            r.u8();
            int supers = r.u32();
            for (int i = 0; i < supers; i++) r.u32();
        }
        int form = r.u8();
        switch (form) {
            case 0x60 -> {
                List<ValType> params = readValTypes(r);
                List<ValType> results = readValTypes(r);
                types.add(new FuncType(params, results));
            }
            case 0x5F -> { // struct
                int fields = r.u32();
                for (int i = 0; i < fields; i++) readFieldType(r);
                types.add(null);
            }
            case 0x5E -> { // array
                readFieldType(r);
                types.add(null);
            }
            default -> throw new Bytes.Malformed("unknown type form 0x" + Integer.toHexString(form));
        }
    }

    private void readFieldType(Bytes.Reader r) {
        int b = r.peek();
        if (b == 0x78 || b == 0x77) {
            r.u8(); // packed i8 / i16
        } else {
            readValType(r);
        }
        r.u8(); // mutability
    }

    private List<ValType> readValTypes(Bytes.Reader r) {
        int n = r.u32();
        List<ValType> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(readValType(r));
        return list;
    }

    /** Reads one value type as its encoding. */
    static ValType readValType(Bytes.Reader r) {
        int start = r.pos;
        int b = r.u8();
        if (b == 0x63 || b == 0x64) {
            readHeapType(r);
        } else if (!isSingleByteValType(b)) {
            throw new Bytes.Malformed("unknown value type 0x" + Integer.toHexString(b));
        }
        byte[] encoding = new byte[r.pos - start];
        System.arraycopy(r.bytes, start, encoding, 0, encoding.length);
        return ValType.of(encoding);
    }

    /** Numbers, v128 and the abstract reference shorthands (funcref, externref, anyref, …). */
    static boolean isSingleByteValType(int b) {
        return (b >= 0x7B && b <= 0x7F) || (b >= 0x69 && b <= 0x74);
    }

    static void readHeapType(Bytes.Reader r) {
        int b = r.peek();
        if (b == 0x65) { // shared
            r.u8();
            b = r.peek();
        }
        if ((b & 0xC0) == 0x40) {
            r.u8(); // an abstract heap type, one byte
        } else {
            r.s33(); // a type index
        }
    }

    private void readImports(Bytes.Reader r) {
        int n = r.u32();
        for (int i = 0; i < n; i++) {
            r.skip(r.u32()); // module
            r.skip(r.u32()); // name
            int kind = r.u8();
            switch (kind) {
                case 0x00 -> {
                    functionTypes.add(r.u32());
                    importedFunctions++;
                }
                case 0x01 -> { // table: reftype, limits
                    readValType(r);
                    readLimits(r);
                }
                case 0x02 -> {
                    readLimits(r);
                    importedMemories++;
                }
                case 0x03 -> {
                    readValType(r);
                    r.u8();
                    globals++;
                }
                case 0x04 -> {
                    r.u8(); // attribute
                    tagTypes.add(r.u32());
                }
                default -> throw new Bytes.Malformed("unknown import kind " + kind);
            }
        }
    }

    private static void readLimits(Bytes.Reader r) {
        int flags = r.u8();
        boolean is64 = (flags & 0x04) != 0;
        r.skipLeb(is64 ? 10 : 5);
        if ((flags & 0x01) != 0) r.skipLeb(is64 ? 10 : 5);
    }

    private void readFunctions(Bytes.Reader r) {
        int n = r.u32();
        for (int i = 0; i < n; i++) functionTypes.add(r.u32());
    }

    private void readTags(Bytes.Reader r) {
        int n = r.u32();
        for (int i = 0; i < n; i++) {
            r.u8();
            tagTypes.add(r.u32());
        }
    }
}
