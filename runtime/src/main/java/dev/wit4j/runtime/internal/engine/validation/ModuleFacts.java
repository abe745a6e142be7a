package dev.wit4j.runtime.internal.engine.validation;

import static dev.wit4j.runtime.internal.engine.CoreSections.*;

import dev.wit4j.runtime.internal.engine.CoreReader.Bodies;
import java.util.Arrays;
import java.util.BitSet;

/**
 * What validating function bodies needs to know of the rest of a module (the context C of the core
 * spec's validation rules): the function types, the type of every function, tables, memories,
 * globals, element and data segments, and which functions {@code ref.func} may name. Read from a
 * module whose sections the core engine validates apart from the code; anything outside this
 * validator's reach ({@link ValueTypes}) makes the module unsupported.
 */
final class ModuleFacts {

    final byte[] bytes;
    /** Parameter and result types by type index. */
    int[][] typeParams = new int[0][];

    int[][] typeResults = new int[0][];
    /** The type index of every function, imports first. */
    int[] functionTypes = new int[16];

    int functions;
    int importedFunctions;
    /** The element type of every table, imports first. */
    int[] tableTypes = new int[4];

    int tables;
    int memories;
    int[] globalTypes = new int[16];
    boolean[] globalMutable = new boolean[16];
    int globals;
    /** The element type of every element segment. */
    int[] elementTypes = new int[4];

    int elements;
    /** The data count section's count, or -1 without one ({@code memory.init} and {@code data.drop} need it). */
    int dataCount = -1;
    /** The functions named outside function bodies, which {@code ref.func} may name (C.refs). */
    final BitSet declared = new BitSet();
    /** Each defined function's body: [start, end) after its size. */
    int[] bodyStart = new int[0];

    int[] bodyEnd = new int[0];

    private ModuleFacts(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @throws CodeError unsupported for anything this validator does not know, malformed for unreadable bytes */
    static ModuleFacts read(byte[] bytes) {
        ModuleFacts facts = new ModuleFacts(bytes);
        Reader r = new Reader(bytes, 8, bytes.length);
        while (!r.atEnd()) {
            Section section = r.section();
            int id = section.id();
            Reader s = new Reader(bytes, section.payloadStart(), section.end());
            switch (id) {
                case TYPE -> facts.readTypes(s);
                case IMPORT -> facts.readImports(s);
                case FUNCTION -> facts.readFunctions(s);
                case TABLE -> facts.readTables(s);
                case MEMORY -> facts.readMemories(s);
                case GLOBAL -> facts.readGlobals(s);
                case EXPORT -> facts.readExports(s);
                case ELEMENT -> facts.readElements(s);
                case CODE -> {
                    Bodies bodies = s.bodies();
                    facts.bodyStart = bodies.start();
                    facts.bodyEnd = bodies.end();
                }
                case DATA_COUNT -> facts.dataCount = s.u32();
                case CUSTOM, START, DATA, TAG -> {} // nothing function bodies depend on
                default -> throw CodeError.unsupported("section " + id);
            }
            boolean readWhole = id != CUSTOM && id != START && id != DATA && id != TAG;
            if (readWhole && !s.atEnd()) throw CodeError.unsupported("section " + id + " longer than its contents");
        }
        if (facts.bodyStart.length != facts.functions - facts.importedFunctions) {
            throw CodeError.unsupported("function and code sections of different lengths");
        }
        return facts;
    }

    private void readTypes(Reader r) {
        int n = r.count();
        typeParams = new int[n][];
        typeResults = new int[n][];
        for (int i = 0; i < n; i++) {
            int form = r.u8();
            if (form != 0x60) throw CodeError.unsupported("type form 0x" + Integer.toHexString(form));
            typeParams[i] = valueTypes(r);
            typeResults[i] = valueTypes(r);
        }
    }

    private static int[] valueTypes(Reader r) {
        int n = r.count();
        int[] types = new int[n];
        for (int i = 0; i < n; i++) types[i] = ValueTypes.read(r);
        return types;
    }

    private void readImports(Reader r) {
        int n = r.u32();
        for (int i = 0; i < n; i++) {
            r.skip(r.u32());
            r.skip(r.u32());
            int kind = r.u8();
            switch (kind) {
                case 0x00 -> {
                    addFunction(r.u32());
                    importedFunctions++;
                }
                case 0x01 -> addTable(tableType(r));
                case 0x02 -> readMemoryType(r);
                case 0x03 -> addGlobal(ValueTypes.read(r), mutability(r));
                case 0x04 -> {
                    r.u8();
                    r.u32();
                }
                default -> throw CodeError.unsupported("import kind " + kind);
            }
        }
    }

    private void readFunctions(Reader r) {
        int n = r.u32();
        for (int i = 0; i < n; i++) addFunction(r.u32());
    }

    private void readTables(Reader r) {
        int n = r.u32();
        for (int i = 0; i < n; i++) {
            if (r.peek() == 0x40) { // a table with an initialiser
                r.u8();
                if (r.u8() != 0x00) throw CodeError.unsupported("table encoding");
                int type = tableType(r);
                constant(r);
                addTable(type);
            } else {
                addTable(tableType(r));
            }
        }
    }

    private static int tableType(Reader r) {
        int type = ValueTypes.read(r);
        if (!ValueTypes.isReference(type)) throw CodeError.unsupported("a table of " + ValueTypes.name(type));
        limits(r, 0x01);
        return type;
    }

    private void readMemories(Reader r) {
        int n = r.u32();
        for (int i = 0; i < n; i++) readMemoryType(r);
    }

    private void readMemoryType(Reader r) {
        limits(r, 0x03); // a maximum, shared; not 64-bit or custom page sizes
        memories++;
    }

    private static void limits(Reader r, int allowedFlags) {
        int flags = r.peek();
        if ((flags & ~allowedFlags) != 0) throw CodeError.unsupported("limits flags 0x" + Integer.toHexString(flags));
        r.limits();
    }

    private static boolean mutability(Reader r) {
        int m = r.u8();
        if (m > 1) throw CodeError.unsupported("global mutability 0x" + Integer.toHexString(m));
        return m == 1;
    }

    private void readGlobals(Reader r) {
        int n = r.u32();
        for (int i = 0; i < n; i++) {
            int type = ValueTypes.read(r);
            boolean mutable = mutability(r);
            constant(r);
            addGlobal(type, mutable);
        }
    }

    private void readExports(Reader r) {
        int n = r.u32();
        for (int i = 0; i < n; i++) {
            r.skip(r.u32());
            int kind = r.u8();
            int index = r.u32();
            if (kind == 0x00) declare(index);
        }
    }

    private void readElements(Reader r) {
        int n = r.u32();
        for (int i = 0; i < n; i++) {
            int flags = r.u32();
            int type;
            switch (flags) {
                case 0 -> {
                    constant(r);
                    type = functionIndices(r);
                }
                case 1, 3 -> {
                    elementKind(r);
                    type = functionIndices(r);
                }
                case 2 -> {
                    r.u32();
                    constant(r);
                    elementKind(r);
                    type = functionIndices(r);
                }
                case 4 -> {
                    constant(r);
                    type = expressions(r, ValueTypes.FUNCREF);
                }
                case 5, 7 -> type = expressions(r, ValueTypes.read(r));
                case 6 -> {
                    r.u32();
                    constant(r);
                    type = expressions(r, ValueTypes.read(r));
                }
                default -> throw CodeError.unsupported("element segment flags " + flags);
            }
            if (elements == elementTypes.length) elementTypes = Arrays.copyOf(elementTypes, elements * 2);
            elementTypes[elements++] = type;
        }
    }

    private static void elementKind(Reader r) {
        int kind = r.u8();
        if (kind != 0x00) throw CodeError.unsupported("element kind " + kind);
    }

    private int functionIndices(Reader r) {
        int n = r.u32();
        for (int i = 0; i < n; i++) declare(r.u32());
        return ValueTypes.FUNCREF;
    }

    private int expressions(Reader r, int type) {
        if (!ValueTypes.isReference(type)) throw CodeError.unsupported("element segment of " + ValueTypes.name(type));
        int n = r.u32();
        for (int i = 0; i < n; i++) constant(r);
        return type;
    }

    /** Reads a constant expression up to its {@code end}, noting the functions it names. */
    private void constant(Reader r) {
        for (; ; ) {
            int op = r.u8();
            switch (op) {
                case 0x0B -> {
                    return;
                }
                case 0x41 -> r.skipSigned(32);
                case 0x42 -> r.skipSigned(64);
                case 0x43 -> r.skip(4);
                case 0x44 -> r.skip(8);
                case 0x23 -> r.u32();
                case 0xD0 -> ValueTypes.heapType(r);
                case 0xD2 -> declare(r.u32());
                case 0x6A, 0x6B, 0x6C, 0x7C, 0x7D, 0x7E -> {}
                default -> throw CodeError.unsupported("constant instruction 0x" + Integer.toHexString(op));
            }
        }
    }

    /** Notes a function as named outside code; an index out of range is the engine's to refuse. */
    private void declare(int function) {
        if (function < functions) declared.set(function);
    }

    private void addFunction(int type) {
        if (type >= typeParams.length) throw CodeError.unsupported("function of unknown type " + type);
        if (functions == functionTypes.length) functionTypes = Arrays.copyOf(functionTypes, functions * 2);
        functionTypes[functions++] = type;
    }

    private void addTable(int type) {
        if (tables == tableTypes.length) tableTypes = Arrays.copyOf(tableTypes, tables * 2);
        tableTypes[tables++] = type;
    }

    private void addGlobal(int type, boolean mutable) {
        if (globals == globalTypes.length) {
            globalTypes = Arrays.copyOf(globalTypes, globals * 2);
            globalMutable = Arrays.copyOf(globalMutable, globals * 2);
        }
        globalTypes[globals] = type;
        globalMutable[globals++] = mutable;
    }
}
