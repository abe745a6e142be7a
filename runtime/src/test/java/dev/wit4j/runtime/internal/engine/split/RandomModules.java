package dev.wit4j.runtime.internal.engine.split;

import static dev.wit4j.runtime.internal.engine.split.WasmEncoding.s32;
import static dev.wit4j.runtime.internal.engine.split.WasmEncoding.section;
import static dev.wit4j.runtime.internal.engine.split.WasmEncoding.u32;
import static dev.wit4j.runtime.internal.engine.split.WasmEncoding.vec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid core modules for differential tests of the splitter: functions of nested blocks,
 * loops (each with a counter, so that every run ends), {@code if}s, {@code br}/{@code br_if}/
 * {@code br_table} (switches of many cases among them), multi-value blocks and functions, many
 * locals of every number type, calls (to later functions only: no recursion), memory loads and
 * stores, a mutable global, and the odd trap (division by zero, an address out of bounds). Every
 * function {@code fN} is exported and takes {@code (i32, i64)}.
 */
public final class RandomModules {

    private static final int I32 = 0x7F;
    private static final int I64 = 0x7E;
    private static final int F32 = 0x7D;
    private static final int F64 = 0x7C;
    private static final int[] TYPES = {I32, I64, F32, F64};
    /** The label of a loop, told apart from the labels of blocks that take no values. */
    private static final int[] LOOP = {-1};

    private final Random random;
    private final int functions;
    /** Type index of each function; types 0..3 are reserved below. */
    private final List<int[]> results = new ArrayList<>();

    private final List<byte[]> types = new ArrayList<>();

    // per function being generated
    private List<Integer> locals;
    private final List<int[]> labels = new ArrayList<>(); // label types, innermost last
    private int function;
    private int budget;
    private int loopCounters;
    private int callSites;
    /** Locals that count loop iterations: never written but by their loop. */
    private final java.util.Set<Integer> counters = new java.util.HashSet<>();

    private RandomModules(long seed, int functions) {
        this.random = new Random(seed);
        this.functions = functions;
    }

    /** A module of {@code functions} functions made from {@code seed}. */
    public static byte[] module(long seed, int functions) {
        return new RandomModules(seed, functions).build();
    }

    private byte[] build() {
        // type 0: [] -> [i32 i64] (multi-value blocks)
        types.add(funcType(new int[0], new int[] {I32, I64}));
        List<byte[]> bodies = new ArrayList<>();
        int[] typeOf = new int[functions];
        for (int f = 0; f < functions; f++) {
            int[] r = random.nextInt(5) == 0 ? new int[] {I32, I64} : new int[] {TYPES[random.nextInt(4)]};
            results.add(r);
            typeOf[f] = types.size();
            types.add(funcType(new int[] {I32, I64}, r));
        }
        for (int f = 0; f < functions; f++) {
            function = f;
            bodies.add(body(f));
        }
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        section(m, 1, vec(types));
        List<byte[]> funcs = new ArrayList<>();
        for (int t : typeOf) funcs.add(u32(t));
        section(m, 3, vec(funcs));
        section(m, 5, bytes(1, 0x00, 1)); // one memory, one page
        // (global (mut i64) (i64.const 0)) (global $fuel (mut i32) (i32.const 2000)): loops stop when it runs out
        section(m, 6, bytes(2, I64, 1, 0x42, 0, 0x0B, I32, 1, 0x41, 0xD0, 0x0F, 0x0B));
        List<byte[]> exports = new ArrayList<>();
        for (int f = 0; f < functions; f++) {
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            byte[] name = ("f" + f).getBytes();
            e.writeBytes(u32(name.length));
            e.writeBytes(name);
            e.write(0);
            e.writeBytes(u32(f));
            exports.add(e.toByteArray());
        }
        ByteArrayOutputStream mem = new ByteArrayOutputStream();
        mem.writeBytes(u32(6));
        mem.writeBytes("memory".getBytes());
        mem.write(2);
        mem.write(0);
        exports.add(mem.toByteArray());
        section(m, 7, vec(exports));
        List<byte[]> code = new ArrayList<>();
        for (byte[] b : bodies) {
            ByteArrayOutputStream c = new ByteArrayOutputStream();
            c.writeBytes(u32(b.length));
            c.writeBytes(b);
            code.add(c.toByteArray());
        }
        section(m, 10, vec(code));
        return m.toByteArray();
    }

    private byte[] body(int f) {
        locals = new ArrayList<>(List.of(I32, I64));
        int extra = random.nextInt(6) == 0 ? 100 + random.nextInt(200) : 2 + random.nextInt(12);
        for (int i = 0; i < extra; i++) locals.add(TYPES[random.nextInt(4)]);
        loopCounters = 0;
        callSites = 0;
        counters.clear();
        budget = 40 + random.nextInt(random.nextInt(4) == 0 ? 1500 : 300);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        labels.clear();
        labels.add(results.get(f));
        int start = out.size();
        statements(out, 3 + random.nextInt(6), 0);
        for (int t : results.get(f)) expr(out, t, 0);
        out.write(0x0B);
        byte[] code = out.toByteArray();
        // local declarations: one group per local after the two parameters
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int declared = locals.size() - 2;
        body.writeBytes(u32(declared));
        for (int i = 2; i < locals.size(); i++) {
            body.write(1);
            body.write(locals.get(i));
        }
        body.writeBytes(code);
        return body.toByteArray();
    }

    private void statements(ByteArrayOutputStream out, int n, int depth) {
        for (int i = 0; i < n && budget > 0; i++) statement(out, depth);
    }

    private void statement(ByteArrayOutputStream out, int depth) {
        budget--;
        int pick = depth > 6 ? random.nextInt(4) : random.nextInt(14);
        switch (pick) {
            case 0, 1 -> { // local.set
                int l = random.nextInt(locals.size());
                if (counters.contains(l)) l = 0;
                expr(out, locals.get(l), depth);
                out.write(0x21);
                out.writeBytes(u32(l));
            }
            case 2 -> { // store
                address(out, depth);
                int t = TYPES[random.nextInt(4)];
                expr(out, t, depth);
                out.write(t == I32 ? 0x36 : t == I64 ? 0x37 : t == F32 ? 0x38 : 0x39);
                out.write(0); // align
                out.writeBytes(u32(random.nextInt(8)));
            }
            case 3 -> { // global.set
                expr(out, I64, depth);
                out.write(0x24);
                out.write(0);
            }
            case 4, 5 -> { // block with a conditional exit
                out.write(0x02);
                out.write(0x40);
                labels.add(new int[0]);
                statements(out, 1 + random.nextInt(4), depth + 1);
                branchOut(out, depth);
                statements(out, random.nextInt(3), depth + 1);
                labels.remove(labels.size() - 1);
                out.write(0x0B);
            }
            case 6 -> loop(out, depth);
            case 7, 8 -> { // if/else
                expr(out, I32, depth);
                out.write(0x04);
                out.write(0x40);
                labels.add(new int[0]);
                statements(out, 1 + random.nextInt(3), depth + 1);
                if (random.nextBoolean()) {
                    out.write(0x05);
                    statements(out, 1 + random.nextInt(3), depth + 1);
                }
                labels.remove(labels.size() - 1);
                out.write(0x0B);
            }
            case 9 -> switchStatement(out, depth);
            case 10 -> { // a multi-value block, its values stored in locals
                out.write(0x02);
                out.write(0x00); // type 0: [] -> [i32 i64]
                labels.add(new int[] {I32, I64});
                statements(out, random.nextInt(3), depth + 1);
                if (random.nextBoolean()) {
                    expr(out, I32, depth + 1);
                    expr(out, I64, depth + 1);
                    expr(out, I32, depth + 1);
                    out.write(0x0D); // br_if 0 with the values
                    out.write(0);
                    out.write(0x1A); // drop the i64 kept on fallthrough …
                    out.write(0x1A); // … and the i32
                }
                expr(out, I32, depth + 1);
                expr(out, I64, depth + 1);
                labels.remove(labels.size() - 1);
                out.write(0x0B);
                setLocalOfType(out, I64);
                setLocalOfType(out, I32);
            }
            case 11 -> { // call, result dropped
                if (function + 1 < functions && callSites < 2) {
                    callSites++; // two calls at most per function: the number of calls stays small
                    int callee = function + 1 + random.nextInt(Math.min(2, functions - function - 1));
                    expr(out, I32, depth);
                    expr(out, I64, depth);
                    out.write(0x10);
                    out.writeBytes(u32(callee));
                    for (int r = 0; r < results.get(callee).length; r++) out.write(0x1A);
                } else {
                    out.write(0x01);
                }
            }
            case 12 -> { // return from deep inside, sometimes
                if (random.nextInt(6) == 0) {
                    expr(out, I32, depth);
                    out.write(0x04);
                    out.write(0x40);
                    labels.add(new int[0]);
                    for (int t : results.get(function)) expr(out, t, depth + 1);
                    out.write(0x0F);
                    labels.remove(labels.size() - 1);
                    out.write(0x0B);
                } else {
                    out.write(0x01);
                }
            }
            default -> { // drop an expression
                expr(out, TYPES[random.nextInt(4)], depth);
                out.write(0x1A);
            }
        }
    }

    /** {@code br_if} to a random enclosing label that takes no values (not the function). */
    private void branchOut(ByteArrayOutputStream out, int depth) {
        List<Integer> candidates = new ArrayList<>();
        for (int d = 0; d < labels.size() - 1; d++) {
            if (labels.get(labels.size() - 1 - d).length == 0) candidates.add(d); // not LOOP
        }
        if (candidates.isEmpty()) return;
        expr(out, I32, depth);
        out.write(0x0D);
        out.writeBytes(u32(candidates.get(random.nextInt(candidates.size()))));
    }

    private void loop(ByteArrayOutputStream out, int depth) {
        if (loopCounters > 20) return;
        loopCounters++;
        int counter = locals.size();
        locals.add(I32);
        counters.add(counter);
        out.write(0x41);
        out.writeBytes(s32(1 + random.nextInt(4)));
        out.write(0x21);
        out.writeBytes(u32(counter));
        out.write(0x03);
        out.write(0x40);
        labels.add(LOOP); // never a br target but its own: a branch back would skip the counter
        statements(out, 1 + random.nextInt(4), depth + 1);
        // fuel -= 1; counter -= 1; br_if loop while both stay positive
        out.writeBytes(bytes(0x23, 1, 0x41, 1, 0x6B, 0x24, 1));
        out.write(0x20);
        out.writeBytes(u32(counter));
        out.write(0x41);
        out.write(1);
        out.write(0x6B);
        out.write(0x22);
        out.writeBytes(u32(counter));
        out.write(0x41);
        out.write(0);
        out.write(0x4A); // i32.gt_s
        out.writeBytes(bytes(0x23, 1, 0x41, 0, 0x4A)); // fuel > 0
        out.write(0x71); // i32.and
        out.write(0x0D);
        out.write(0);
        labels.remove(labels.size() - 1);
        out.write(0x0B);
    }

    /** A switch as compilers lay it out: nested blocks, a br_table, a case body after each end. */
    private void switchStatement(ByteArrayOutputStream out, int depth) {
        int cases = random.nextInt(3) == 0 ? 8 + random.nextInt(40) : 2 + random.nextInt(6);
        out.write(0x02);
        out.write(0x40); // the whole switch
        labels.add(new int[0]);
        for (int c = 0; c < cases; c++) {
            out.write(0x02);
            out.write(0x40);
            labels.add(new int[0]);
        }
        expr(out, I32, depth + 1);
        out.write(0x41);
        out.writeBytes(s32(cases + 2));
        out.write(0x70); // i32.rem_u: traps never (divisor > 0)
        out.write(0x0E);
        int entries = cases + 1;
        out.writeBytes(u32(entries));
        for (int e = 0; e < entries; e++) out.writeBytes(u32(random.nextInt(cases + 1)));
        out.writeBytes(u32(random.nextInt(cases + 1)));
        for (int c = 0; c < cases; c++) {
            labels.remove(labels.size() - 1);
            out.write(0x0B);
            statements(out, 1 + random.nextInt(3), depth + 1);
            if (random.nextInt(3) > 0) { // most cases leave the switch
                out.write(0x0C);
                out.writeBytes(u32(cases - 1 - c));
            }
        }
        labels.remove(labels.size() - 1);
        out.write(0x0B);
    }

    private void setLocalOfType(ByteArrayOutputStream out, int type) {
        for (int l = locals.size() - 1; l >= 0; l--) {
            if (locals.get(l) == type && !counters.contains(l)) {
                out.write(0x21);
                out.writeBytes(u32(l));
                return;
            }
        }
        out.write(0x1A);
    }

    /** An in-bounds address, now and then one that is not (a trap). */
    private void address(ByteArrayOutputStream out, int depth) {
        expr(out, I32, depth + 1);
        if (random.nextInt(40) != 0) {
            out.write(0x41);
            out.writeBytes(s32(0xFFF0));
            out.write(0x71); // i32.and
        }
    }

    private void expr(ByteArrayOutputStream out, int type, int depth) {
        budget--;
        int pick = depth > 8 || budget < 0 ? random.nextInt(2) : random.nextInt(10);
        switch (pick) {
            case 0 -> constant(out, type);
            case 1 -> {
                List<Integer> ofType = new ArrayList<>();
                for (int l = 0; l < locals.size(); l++) if (locals.get(l) == type) ofType.add(l);
                if (ofType.isEmpty()) {
                    constant(out, type);
                } else {
                    out.write(0x20);
                    out.writeBytes(u32(ofType.get(random.nextInt(ofType.size()))));
                }
            }
            case 2, 3 -> { // binary op
                expr(out, type, depth + 1);
                expr(out, type, depth + 1);
                out.write(binary(type));
            }
            case 4 -> { // comparison, converted
                int t = TYPES[random.nextInt(4)];
                expr(out, t, depth + 1);
                expr(out, t, depth + 1);
                out.write(t == I32 ? 0x48 : t == I64 ? 0x53 : t == F32 ? 0x5D : 0x63); // lt_s / lt
                convertFromI32(out, type);
            }
            case 5 -> { // load
                address(out, depth);
                out.write(type == I32 ? 0x28 : type == I64 ? 0x29 : type == F32 ? 0x2A : 0x2B);
                out.write(0);
                out.writeBytes(u32(random.nextInt(8)));
            }
            case 6 -> { // if with a result
                expr(out, I32, depth + 1);
                out.write(0x04);
                out.write(type);
                labels.add(new int[] {type});
                statements(out, random.nextInt(2), depth + 1);
                expr(out, type, depth + 1);
                out.write(0x05);
                statements(out, random.nextInt(2), depth + 1);
                expr(out, type, depth + 1);
                labels.remove(labels.size() - 1);
                out.write(0x0B);
            }
            case 7 -> { // block with a result and an early exit carrying a value
                out.write(0x02);
                out.write(type);
                labels.add(new int[] {type});
                statements(out, random.nextInt(3), depth + 1);
                expr(out, type, depth + 1);
                expr(out, I32, depth + 1);
                out.write(0x0D);
                out.write(0);
                out.write(0x1A);
                expr(out, type, depth + 1);
                labels.remove(labels.size() - 1);
                out.write(0x0B);
            }
            case 8 -> { // select
                expr(out, type, depth + 1);
                expr(out, type, depth + 1);
                expr(out, I32, depth + 1);
                out.write(0x1B);
            }
            default -> { // global, converted
                out.write(0x23);
                out.write(0);
                if (type == I32) out.write(0xA7); // i32.wrap_i64
                else if (type == F32) out.write(0xB4); // f32.convert_i64_s
                else if (type == F64) out.write(0xB9); // f64.convert_i64_s
            }
        }
    }

    private void convertFromI32(ByteArrayOutputStream out, int type) {
        if (type == I64) out.write(0xAD); // i64.extend_i32_u
        else if (type == F32) out.write(0xB2); // f32.convert_i32_s
        else if (type == F64) out.write(0xB7); // f64.convert_i32_s
    }

    private int binary(int type) {
        int[] ops = switch (type) {
            case I32 -> new int[] {0x6A, 0x6B, 0x6C, 0x6D, 0x71, 0x72, 0x73, 0x74, 0x76, 0x77};
            case I64 -> new int[] {0x7C, 0x7D, 0x7E, 0x80, 0x83, 0x84, 0x85, 0x86, 0x88, 0x89};
            case F32 -> new int[] {0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98};
            default -> new int[] {0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6};
        };
        return ops[random.nextInt(ops.length)];
    }

    private void constant(ByteArrayOutputStream out, int type) {
        switch (type) {
            case I32 -> {
                out.write(0x41);
                out.writeBytes(s32(random.nextInt(5) == 0 ? random.nextInt() : random.nextInt(100) - 10));
            }
            case I64 -> {
                out.write(0x42);
                out.writeBytes(s32(random.nextInt(5) == 0 ? random.nextLong() : random.nextInt(100) - 10));
            }
            case F32 -> {
                out.write(0x43);
                int bits = random.nextInt(8) == 0
                        ? 0x7FC00001 + random.nextInt(1000)
                        : Float.floatToRawIntBits(random.nextFloat() * 100);
                for (int i = 0; i < 4; i++) out.write(bits >>> (8 * i));
            }
            default -> {
                out.write(0x44);
                long bits = random.nextInt(8) == 0
                        ? 0x7FF8000000000001L + random.nextInt(1000)
                        : Double.doubleToRawLongBits(random.nextDouble() * 100);
                for (int i = 0; i < 8; i++) out.write((int) (bits >>> (8 * i)));
            }
        }
    }

    // ------------------------------------------------------------------ encoding

    private static byte[] funcType(int[] params, int[] results) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        t.write(0x60);
        t.writeBytes(u32(params.length));
        for (int p : params) t.write(p);
        t.writeBytes(u32(results.length));
        for (int r : results) t.write(r);
        return t.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }
}
