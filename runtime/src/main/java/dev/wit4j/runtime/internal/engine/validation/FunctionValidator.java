package dev.wit4j.runtime.internal.engine.validation;

import static dev.wit4j.runtime.internal.engine.validation.ValueTypes.EXTERNREF;
import static dev.wit4j.runtime.internal.engine.validation.ValueTypes.F32;
import static dev.wit4j.runtime.internal.engine.validation.ValueTypes.F64;
import static dev.wit4j.runtime.internal.engine.validation.ValueTypes.FUNCREF;
import static dev.wit4j.runtime.internal.engine.validation.ValueTypes.I32;
import static dev.wit4j.runtime.internal.engine.validation.ValueTypes.I64;
import static dev.wit4j.runtime.internal.engine.validation.ValueTypes.UNKNOWN;

import java.util.Arrays;

/**
 * Validates function bodies by the algorithm of the core spec's appendix (Validation Algorithm): an
 * operand stack of value types and a stack of control frames, read straight from the bytes with
 * nothing allocated per instruction. One validator per thread; it is reused from body to body.
 */
final class FunctionValidator {

    /** Most locals a function may have here; a function with more is left to the core engine. */
    static final int MAX_LOCALS = 50_000;

    private static final int BLOCK = 0, LOOP = 1, IF = 2, ELSE = 3, FUNCTION = 4;
    private static final int[] NONE = {};
    /** A block type of one result, shared: by the type's code. */
    private static final int[][] ONE = new int[0x80][];

    /** Numeric instructions 0x45–0xC4: the operands' type, how many, the result's type. */
    private static final byte[] OPERAND = new byte[0xC5];

    private static final byte[] ARITY = new byte[0xC5];
    private static final byte[] RESULT = new byte[0xC5];
    /** Loads 0x28–0x35 and stores 0x36–0x3E: the largest alignment allowed (log 2), and the value's type. */
    private static final byte[] NATURAL_ALIGNMENT = {2, 3, 2, 3, 0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 2, 3, 2, 3, 0, 1, 0, 1, 2
    };

    private static final byte[] ACCESS_TYPE = {
        (byte) I32,
        (byte) I64,
        (byte) F32,
        (byte) F64,
        (byte) I32,
        (byte) I32,
        (byte) I32,
        (byte) I32,
        (byte) I64,
        (byte) I64,
        (byte) I64,
        (byte) I64,
        (byte) I64,
        (byte) I64,
        (byte) I32,
        (byte) I64,
        (byte) F32,
        (byte) F64,
        (byte) I32,
        (byte) I32,
        (byte) I64,
        (byte) I64,
        (byte) I64
    };

    static {
        for (int t : new int[] {I32, I64, F32, F64, FUNCREF, EXTERNREF}) ONE[t] = new int[] {t};
        numeric(0x45, 0x45, I32, 1, I32); // eqz
        numeric(0x46, 0x4F, I32, 2, I32); // comparisons
        numeric(0x50, 0x50, I64, 1, I32);
        numeric(0x51, 0x5A, I64, 2, I32);
        numeric(0x5B, 0x60, F32, 2, I32);
        numeric(0x61, 0x66, F64, 2, I32);
        numeric(0x67, 0x69, I32, 1, I32); // clz ctz popcnt
        numeric(0x6A, 0x78, I32, 2, I32);
        numeric(0x79, 0x7B, I64, 1, I64);
        numeric(0x7C, 0x8A, I64, 2, I64);
        numeric(0x8B, 0x91, F32, 1, F32); // abs … sqrt
        numeric(0x92, 0x98, F32, 2, F32);
        numeric(0x99, 0x9F, F64, 1, F64);
        numeric(0xA0, 0xA6, F64, 2, F64);
        numeric(0xA7, 0xA7, I64, 1, I32); // i32.wrap_i64
        numeric(0xA8, 0xA9, F32, 1, I32);
        numeric(0xAA, 0xAB, F64, 1, I32);
        numeric(0xAC, 0xAD, I32, 1, I64); // i64.extend_i32
        numeric(0xAE, 0xAF, F32, 1, I64);
        numeric(0xB0, 0xB1, F64, 1, I64);
        numeric(0xB2, 0xB3, I32, 1, F32);
        numeric(0xB4, 0xB5, I64, 1, F32);
        numeric(0xB6, 0xB6, F64, 1, F32); // f32.demote_f64
        numeric(0xB7, 0xB8, I32, 1, F64);
        numeric(0xB9, 0xBA, I64, 1, F64);
        numeric(0xBB, 0xBB, F32, 1, F64); // f64.promote_f32
        numeric(0xBC, 0xBC, F32, 1, I32); // reinterpretations
        numeric(0xBD, 0xBD, F64, 1, I64);
        numeric(0xBE, 0xBE, I32, 1, F32);
        numeric(0xBF, 0xBF, I64, 1, F64);
        numeric(0xC0, 0xC1, I32, 1, I32); // sign extension
        numeric(0xC2, 0xC4, I64, 1, I64);
    }

    private static void numeric(int from, int to, int operand, int arity, int result) {
        for (int op = from; op <= to; op++) {
            OPERAND[op] = (byte) operand;
            ARITY[op] = (byte) arity;
            RESULT[op] = (byte) result;
        }
    }

    private final ModuleFacts m;
    private final Reader r;
    private int[] locals = new int[64];
    private int localCount;
    private int[] vals = new int[256];
    private int sp;
    private int[] kind = new int[64];
    private int[] height = new int[64];
    private boolean[] unreachable = new boolean[64];
    private int[][] params = new int[64][];
    private int[][] results = new int[64][];
    private int fp;
    /** Where the instruction being validated starts. */
    private int at;
    /** The block type just read. */
    private int[] blockParams;

    private int[] blockResults;

    FunctionValidator(ModuleFacts facts) {
        this.m = facts;
        this.r = new Reader(facts.bytes, 0, 0);
    }

    /**
     * Validates the body of defined function {@code defined} (counted after the imported ones).
     *
     * @throws CodeError if it is malformed, invalid or beyond this validator
     */
    void validate(int defined) {
        r.pos = m.bodyStart[defined];
        r.end = m.bodyEnd[defined];
        int type = m.functionTypes[m.importedFunctions + defined];
        readLocals(m.typeParams[type]);
        sp = 0;
        fp = 0;
        pushFrame(FUNCTION, NONE, m.typeResults[type]);
        instructions();
    }

    private void readLocals(int[] parameters) {
        localCount = 0;
        for (int p : parameters) addLocals(1, p);
        int groups = r.u32();
        for (int g = 0; g < groups; g++) {
            int count = r.u32();
            int t = ValueTypes.read(r);
            addLocals(count, t);
        }
    }

    private void addLocals(int count, int type) {
        if ((long) localCount + count > MAX_LOCALS) throw CodeError.unsupported("more than " + MAX_LOCALS + " locals");
        int n = localCount + count;
        if (n > locals.length) locals = Arrays.copyOf(locals, Math.max(n, locals.length * 2));
        Arrays.fill(locals, localCount, n, type);
        localCount = n;
    }

    private void instructions() {
        final Reader r = this.r;
        final byte[] bytes = r.bytes;
        for (; ; ) {
            at = r.pos;
            if (at >= r.end) {
                throw CodeError.malformed(
                        "unexpected end of the function body: "
                                + (fp == 1 ? "its end is missing" : fp - 1 + " blocks and the function are left open"),
                        at);
            }
            int op = bytes[r.pos++] & 0xFF;
            if (op >= 0x45 && op <= 0xC4) {
                int t = OPERAND[op];
                pop(t);
                if (ARITY[op] == 2) pop(t);
                push(RESULT[op]);
                continue;
            }
            if (op >= 0x28 && op <= 0x3E) {
                memoryAccess(op);
                continue;
            }
            // the frequent instructions here, the rest apart: a small loop is compiled by the JIT sooner
            switch (op) {
                case 0x02, 0x03 -> {
                    blockType();
                    popAll(blockParams);
                    pushFrame(op == 0x02 ? BLOCK : LOOP, blockParams, blockResults);
                }
                case 0x04 -> {
                    blockType();
                    pop(I32);
                    popAll(blockParams);
                    pushFrame(IF, blockParams, blockResults);
                }
                case 0x0B -> {
                    int k = kind[fp - 1];
                    int[] p = params[fp - 1];
                    int[] res = results[fp - 1];
                    popFrame();
                    if (k == IF && !Arrays.equals(p, res)) {
                        throw invalid("type mismatch: an if without else must have results equal to its parameters");
                    }
                    if (fp == 0) {
                        if (r.pos != r.end) throw CodeError.malformed("instructions follow the function's end", r.pos);
                        return;
                    }
                    pushAll(res);
                }
                case 0x0C -> {
                    popAll(labelTypes(r.u32()));
                    setUnreachable();
                }
                case 0x0D -> {
                    int[] t = labelTypes(r.u32());
                    pop(I32);
                    popAll(t);
                    pushAll(t);
                }
                case 0x10 -> {
                    int type = m.functionTypes[function(r.u32())];
                    popAll(m.typeParams[type]);
                    pushAll(m.typeResults[type]);
                }
                case 0x1A -> pop();
                case 0x20 -> push(locals[local(r.u32())]);
                case 0x21 -> pop(locals[local(r.u32())]);
                case 0x22 -> {
                    int t = locals[local(r.u32())];
                    pop(t);
                    push(t);
                }
                case 0x23 -> push(m.globalTypes[global(r.u32())]);
                case 0x24 -> {
                    int g = global(r.u32());
                    if (!m.globalMutable[g]) throw invalid("global is immutable: global " + g);
                    pop(m.globalTypes[g]);
                }
                case 0x41 -> {
                    r.skipSigned(32);
                    push(I32);
                }
                case 0x42 -> {
                    r.skipSigned(64);
                    push(I64);
                }
                default -> rare(op);
            }
        }
    }

    /** Loads and stores, 0x28–0x3E. */
    private void memoryAccess(int op) {
        memarg(NATURAL_ALIGNMENT[op - 0x28]);
        int type = ACCESS_TYPE[op - 0x28];
        if (op <= 0x35) {
            pop(I32);
            push(type);
        } else {
            pop(type);
            pop(I32);
        }
    }

    /** The instructions {@link #instructions} leaves apart. */
    private void rare(int op) {
        switch (op) {
            case 0x00 -> setUnreachable();
            case 0x01 -> {}
            case 0x05 -> {
                if (kind[fp - 1] != IF) throw CodeError.malformed("else outside an if", at);
                int[] p = params[fp - 1];
                int[] res = results[fp - 1];
                popFrame();
                pushFrame(ELSE, p, res);
            }
            case 0x0E -> branchTable();
            case 0x0F -> {
                popAll(results[0]);
                setUnreachable();
            }
            case 0x11 -> {
                int type = callIndirect();
                pushAll(m.typeResults[type]);
            }
            case 0x12 -> {
                int type = m.functionTypes[function(r.u32())];
                sameResults(type);
                popAll(m.typeParams[type]);
                setUnreachable();
            }
            case 0x13 -> {
                int type = callIndirect();
                sameResults(type);
                setUnreachable();
            }
            case 0x1B -> {
                pop(I32);
                int t1 = pop();
                int t2 = pop();
                if (!(ValueTypes.isNumber(t1) || t1 == UNKNOWN) || !(ValueTypes.isNumber(t2) || t2 == UNKNOWN)) {
                    throw invalid("type mismatch: select without a type takes numbers, found "
                            + ValueTypes.name(t1 == UNKNOWN || ValueTypes.isNumber(t1) ? t2 : t1));
                }
                if (t1 != t2 && t1 != UNKNOWN && t2 != UNKNOWN) {
                    throw invalid("type mismatch: select of " + ValueTypes.name(t2) + " and " + ValueTypes.name(t1));
                }
                push(t1 == UNKNOWN ? t2 : t1);
            }
            case 0x1C -> {
                if (r.u32() != 1) throw invalid("invalid result arity");
                int t = ValueTypes.read(r);
                pop(I32);
                pop(t);
                pop(t);
                push(t);
            }
            case 0x25 -> {
                int t = m.tableTypes[table(r.u32())];
                pop(I32);
                push(t);
            }
            case 0x26 -> {
                int t = m.tableTypes[table(r.u32())];
                pop(t);
                pop(I32);
            }
            case 0x3F -> {
                memory(r.u32());
                push(I32);
            }
            case 0x40 -> {
                memory(r.u32());
                pop(I32);
                push(I32);
            }
            case 0x43 -> {
                r.skip(4);
                push(F32);
            }
            case 0x44 -> {
                r.skip(8);
                push(F64);
            }
            case 0xD0 -> push(ValueTypes.heapType(r));
            case 0xD1 -> {
                int t = pop();
                if (t != UNKNOWN && !ValueTypes.isReference(t)) {
                    throw invalid("type mismatch: ref.is_null of " + ValueTypes.name(t));
                }
                push(I32);
            }
            case 0xD2 -> {
                int f = function(r.u32());
                if (!m.declared.get(f)) throw invalid("undeclared function reference: function " + f);
                push(FUNCREF);
            }
            case 0xFC -> prefixed();
            default -> throw CodeError.unsupported("instruction 0x" + Integer.toHexString(op));
        }
    }

    /** The 0xFC instructions: saturating truncation, bulk memory, and tables. */
    private void prefixed() {
        int sub = r.u32();
        switch (sub) {
            case 0, 1 -> convert(F32, I32);
            case 2, 3 -> convert(F64, I32);
            case 4, 5 -> convert(F32, I64);
            case 6, 7 -> convert(F64, I64);
            case 8 -> { // memory.init
                int segment = r.u32();
                memory(r.u32());
                dataSegment(segment);
                pop(I32);
                pop(I32);
                pop(I32);
            }
            case 9 -> dataSegment(r.u32()); // data.drop
            case 10 -> { // memory.copy
                memory(r.u32());
                memory(r.u32());
                pop(I32);
                pop(I32);
                pop(I32);
            }
            case 11 -> { // memory.fill
                memory(r.u32());
                pop(I32);
                pop(I32);
                pop(I32);
            }
            case 12 -> { // table.init
                int segment = r.u32();
                int table = table(r.u32());
                int e = elementSegment(segment);
                if (m.elementTypes[e] != m.tableTypes[table]) {
                    throw invalid("type mismatch: element segment " + e + " of " + ValueTypes.name(m.elementTypes[e])
                            + " into table " + table + " of " + ValueTypes.name(m.tableTypes[table]));
                }
                pop(I32);
                pop(I32);
                pop(I32);
            }
            case 13 -> elementSegment(r.u32()); // elem.drop
            case 14 -> { // table.copy
                int to = table(r.u32());
                int from = table(r.u32());
                if (m.tableTypes[to] != m.tableTypes[from]) {
                    throw invalid("type mismatch: table.copy from table " + from + " of "
                            + ValueTypes.name(m.tableTypes[from]) + " to table " + to + " of "
                            + ValueTypes.name(m.tableTypes[to]));
                }
                pop(I32);
                pop(I32);
                pop(I32);
            }
            case 15 -> { // table.grow
                int t = m.tableTypes[table(r.u32())];
                pop(I32);
                pop(t);
                push(I32);
            }
            case 16 -> {
                table(r.u32());
                push(I32);
            }
            case 17 -> { // table.fill
                int t = m.tableTypes[table(r.u32())];
                pop(I32);
                pop(t);
                pop(I32);
            }
            default -> throw CodeError.unsupported("instruction 0xfc " + sub);
        }
    }

    private void convert(int from, int to) {
        pop(from);
        push(to);
    }

    /** Reads a block type into {@link #blockParams} and {@link #blockResults}. */
    private void blockType() {
        int b = r.peek();
        if (b == 0x40) {
            r.pos++;
            blockParams = NONE;
            blockResults = NONE;
        } else if ((b & 0xC0) == 0x40) { // a negative one-byte s33: a value type
            int t = ValueTypes.read(r);
            blockParams = NONE;
            blockResults = ONE[t];
        } else {
            long index = r.s33();
            if (index < 0) throw CodeError.unsupported("block type " + index);
            if (index >= m.typeParams.length) throw invalid("unknown type " + index);
            blockParams = m.typeParams[(int) index];
            blockResults = m.typeResults[(int) index];
        }
    }

    /**
     * br_table: every target must take as many values as the default, and the operands must fit
     * each (checked in place: popping and pushing back the same values would leave the stack as it is).
     */
    private void branchTable() {
        int count = r.u32();
        if (count > r.end - r.pos) throw CodeError.malformed("unexpected end", r.pos);
        int targets = r.pos;
        for (int i = 0; i < count; i++) r.u32();
        int[] fallback = labelTypes(r.u32());
        int after = r.pos;
        pop(I32);
        r.pos = targets;
        for (int i = 0; i < count; i++) {
            int[] t = labelTypes(r.u32());
            if (t.length != fallback.length) {
                throw invalid(
                        "type mismatch: br_table targets take " + t.length + " and " + fallback.length + " values");
            }
            fits(t);
        }
        r.pos = after;
        popAll(fallback);
        setUnreachable();
    }

    /** Whether the top of the operand stack has {@code types} (Unknown fits anything). */
    private void fits(int[] types) {
        int base = height[fp - 1];
        for (int i = 0; i < types.length; i++) {
            int slot = sp - types.length + i;
            if (slot < base) {
                if (!unreachable[fp - 1]) throw invalid("type mismatch: the operand stack has too few values");
                continue;
            }
            int actual = vals[slot];
            if (actual != types[i] && actual != UNKNOWN) throw mismatch(types[i], actual);
        }
    }

    /** call_indirect's operands: its type index, then its table. Pops the index and the arguments. */
    private int callIndirect() {
        int type = r.u32();
        int table = table(r.u32());
        if (type >= m.typeParams.length) throw invalid("unknown type " + type);
        if (m.tableTypes[table] != FUNCREF) {
            throw invalid("type mismatch: call_indirect through table " + table + " of "
                    + ValueTypes.name(m.tableTypes[table]));
        }
        pop(I32);
        popAll(m.typeParams[type]);
        return type;
    }

    /** A tail call's callee must return what this function returns. */
    private void sameResults(int type) {
        if (!Arrays.equals(m.typeResults[type], results[0])) {
            throw invalid("type mismatch: a tail call to a function of other results");
        }
    }

    /** A memory argument: alignment (bit 6 flags a memory index, multi-memory), memory, offset. */
    private void memarg(int naturalAlignment) {
        int flags = r.u32();
        if (flags >= 128) throw CodeError.unsupported("memory argument flags " + flags);
        memory(flags >= 64 ? r.u32() : 0);
        if ((flags & 0x3F) > naturalAlignment) throw invalid("alignment must not be larger than natural");
        r.u32();
    }

    /** The types a branch to {@code label} carries: a loop's parameters, any other block's results. */
    private int[] labelTypes(int label) {
        if (label >= fp) throw invalid("unknown label " + label);
        int f = fp - 1 - label;
        return kind[f] == LOOP ? params[f] : results[f];
    }

    private int function(int index) {
        if (index >= m.functions) throw invalid("unknown function " + index);
        return index;
    }

    private int local(int index) {
        if (index >= localCount) throw invalid("unknown local " + index);
        return index;
    }

    private int global(int index) {
        if (index >= m.globals) throw invalid("unknown global " + index);
        return index;
    }

    private int table(int index) {
        if (index >= m.tables) throw invalid("unknown table " + index);
        return index;
    }

    private void memory(int index) {
        if (index >= m.memories) throw invalid("unknown memory " + index);
    }

    private int elementSegment(int index) {
        if (index >= m.elements) throw invalid("unknown elem segment " + index);
        return index;
    }

    private void dataSegment(int index) {
        if (m.dataCount < 0) throw invalid("data count section required");
        if (index >= m.dataCount) throw invalid("unknown data segment " + index);
    }

    private void pushFrame(int k, int[] p, int[] res) {
        if (fp == kind.length) {
            int n = fp * 2;
            kind = Arrays.copyOf(kind, n);
            height = Arrays.copyOf(height, n);
            unreachable = Arrays.copyOf(unreachable, n);
            params = Arrays.copyOf(params, n);
            results = Arrays.copyOf(results, n);
        }
        kind[fp] = k;
        params[fp] = p;
        results[fp] = res;
        height[fp] = sp;
        unreachable[fp] = false;
        fp++;
        pushAll(p);
    }

    private void popFrame() {
        popAll(results[fp - 1]);
        if (sp != height[fp - 1])
            throw invalid("type mismatch: " + (sp - height[fp - 1]) + " values left at the end of a block");
        fp--;
    }

    private void setUnreachable() {
        sp = height[fp - 1];
        unreachable[fp - 1] = true;
    }

    private void push(int type) {
        if (sp == vals.length) vals = Arrays.copyOf(vals, sp * 2);
        vals[sp++] = type;
    }

    private void pushAll(int[] types) {
        for (int t : types) push(t);
    }

    private int pop() {
        if (sp == height[fp - 1]) {
            if (unreachable[fp - 1]) return UNKNOWN;
            throw invalid("type mismatch: the operand stack is empty");
        }
        return vals[--sp];
    }

    private void pop(int expected) {
        int actual = pop();
        if (actual != expected && actual != UNKNOWN) throw mismatch(expected, actual);
    }

    private void popAll(int[] types) {
        for (int i = types.length - 1; i >= 0; i--) pop(types[i]);
    }

    private CodeError mismatch(int expected, int actual) {
        return invalid("type mismatch: expected " + ValueTypes.name(expected) + ", found " + ValueTypes.name(actual));
    }

    private CodeError invalid(String reason) {
        return CodeError.invalid(reason, at);
    }
}
