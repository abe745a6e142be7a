package dev.wit4j.runtime.internal.engine.split;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes one function body into the splitter's tree ({@link Node}), working out the operand stack
 * height before every instruction so that the splitter knows where code can be cut. The module was
 * validated before; the decoder still checks every block's height at its {@code end} against the
 * block type, so that an instruction it reads wrongly makes the function unsplittable rather than
 * split wrongly. Instructions it does not handle (legacy exception handling, GC, SIMD) throw
 * {@link Unsupported}: such functions stay as they are.
 */
final class BodyDecoder {

    /** A function the splitter leaves alone, with the reason. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    /** Most locals a function may have for the splitter to take it on. */
    static final int MAX_LOCALS = 50_000;

    private final ModuleInfo info;

    BodyDecoder(ModuleInfo info) {
        this.info = info;
    }

    private static final class Frame {
        final Node.Block block;
        List<Node> seq;
        int height;
        boolean reachable = true;

        Frame(Node.Block block, List<Node> seq, int height) {
            this.block = block;
            this.seq = seq;
            this.height = height;
        }
    }

    private Bytes.Reader r;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private Func func;
    private final List<Local> locals = new ArrayList<>();

    /** Decodes function {@code index} (an index into the function space, imports first). */
    Func decode(int index) {
        int defined = index - info.importedFunctions;
        r = new Bytes.Reader(info.bytes, info.bodyStart[defined], info.bodyEnd[defined]);
        FuncType type = info.typeOfFunction(index);
        func = new Func(index, type, info.functionTypes.get(index));
        locals.clear();
        frames.clear();
        for (ValType p : type.params()) {
            requireTransferable(p);
            Local local = new Local(p, false);
            local.index = locals.size();
            func.params.add(local);
            locals.add(local);
        }
        for (ValType t : type.results()) {
            requireTransferable(t);
        }
        int groups = r.u32();
        for (int g = 0; g < groups; g++) {
            int count = r.u32();
            ValType t = ModuleInfo.readValType(r);
            if (count < 0 || locals.size() + (long) count > MAX_LOCALS) {
                throw new Unsupported("more than " + MAX_LOCALS + " locals");
            }
            requireTransferable(t);
            for (int i = 0; i < count; i++) {
                Local local = func.newLocal(t, false);
                local.index = locals.size();
                locals.add(local);
            }
        }
        frames.push(new Frame(func.root, func.root.body, 0));
        while (!frames.isEmpty()) {
            instruction();
        }
        if (!r.atEnd()) {
            throw new Bytes.Malformed("bytes after the function's end");
        }
        CostModel.sum(func.root);
        return func;
    }

    private static void requireTransferable(ValType t) {
        if (!t.transferable()) {
            throw new Unsupported("a value of type " + t + " cannot be handed between functions");
        }
    }

    private void instruction() {
        Frame f = frames.peek();
        int start = r.pos;
        int op = r.u8();
        switch (op) {
            case 0x00 -> op(f, start, 0, 0, Node.Op.UNCONDITIONAL, CostModel.UNREACHABLE);
            case 0x01 -> op(f, start, 0, 0, 0, 0);
            case 0x02, 0x03, 0x04 -> block(f, start, op);
            case 0x05 -> elseArm(f);
            case 0x0B -> end(f);
            case 0x06, 0x07, 0x09, 0x18, 0x19 -> throw new Unsupported("legacy exception handling");
            case 0x08 -> {
                int tag = r.u32();
                op(f, start, tagType(tag).params().size(), 0, Node.Op.UNCONDITIONAL, CostModel.THROW);
            }
            case 0x0A -> op(f, start, 1, 0, Node.Op.UNCONDITIONAL, CostModel.THROW);
            case 0x0C -> {
                Node.Block target = label(r.u32());
                branch(
                        f,
                        new Node.Branch(Node.Branch.BR, target),
                        target.labelTypes().size(),
                        0);
            }
            case 0x0D -> {
                Node.Block target = label(r.u32());
                int arity = target.labelTypes().size();
                branch(f, new Node.Branch(Node.Branch.BR_IF, target), 1 + arity, arity);
            }
            case 0x0E -> {
                int n = r.u32();
                if (n < 0 || n > info.bytes.length) throw new Bytes.Malformed("br_table too long");
                Node.Block[] targets = new Node.Block[n + 1];
                for (int i = 0; i <= n; i++) targets[i] = label(r.u32());
                branch(
                        f,
                        new Node.Branch(Node.Branch.BR_TABLE, targets),
                        1 + targets[n].labelTypes().size(),
                        0);
            }
            case 0x0F ->
                branch(
                        f,
                        new Node.Branch(Node.Branch.RETURN, func.root),
                        func.type.results().size(),
                        0);
            case 0x10 -> {
                FuncType t = info.typeOfFunction(r.u32());
                op(f, start, t.params().size(), t.results().size(), 0, CostModel.call(t));
            }
            case 0x11 -> {
                FuncType t = info.funcType(r.u32());
                r.u32();
                op(f, start, t.params().size() + 1, t.results().size(), 0, CostModel.callIndirect(t));
            }
            case 0x12 -> {
                FuncType t = info.typeOfFunction(r.u32());
                op(f, start, t.params().size(), 0, Node.Op.UNCONDITIONAL | Node.Op.STAYS, CostModel.call(t));
            }
            case 0x13 -> {
                FuncType t = info.funcType(r.u32());
                r.u32();
                op(
                        f,
                        start,
                        t.params().size() + 1,
                        0,
                        Node.Op.UNCONDITIONAL | Node.Op.STAYS,
                        CostModel.callIndirect(t));
            }
            case 0x14 -> {
                FuncType t = info.funcType(r.u32());
                op(f, start, t.params().size() + 1, t.results().size(), 0, CostModel.callIndirect(t));
            }
            case 0x15 -> {
                FuncType t = info.funcType(r.u32());
                op(
                        f,
                        start,
                        t.params().size() + 1,
                        0,
                        Node.Op.UNCONDITIONAL | Node.Op.STAYS,
                        CostModel.callIndirect(t));
            }
            case 0x1A -> op(f, start, 1, 0, 0, CostModel.DROP);
            case 0x1B -> op(f, start, 3, 1, 0, CostModel.SELECT);
            case 0x1C -> {
                int n = r.u32();
                for (int i = 0; i < n; i++) ModuleInfo.readValType(r);
                op(f, start, 3, 1, 0, CostModel.SELECT);
            }
            case 0x1F -> tryTable(f, start);
            case 0x20, 0x21, 0x22 -> {
                int index = r.u32();
                if (index < 0 || index >= locals.size()) throw new Bytes.Malformed("unknown local " + index);
                Node.LocalOp node = new Node.LocalOp(op, locals.get(index));
                add(f, node, op == 0x20 ? 0 : 1, op == 0x21 ? 0 : 1, CostModel.local(op, index));
            }
            case 0x23 -> {
                r.u32();
                op(f, start, 0, 1, 0, CostModel.GLOBAL_GET);
            }
            case 0x24 -> {
                r.u32();
                op(f, start, 1, 0, 0, CostModel.GLOBAL_SET);
            }
            case 0x25 -> {
                r.u32();
                op(f, start, 1, 1, 0, CostModel.TABLE_ACCESS);
            }
            case 0x26 -> {
                r.u32();
                op(f, start, 2, 0, 0, CostModel.TABLE_ACCESS);
            }
            case 0x3F -> {
                r.u32();
                op(f, start, 0, 1, 0, CostModel.MEMORY_SIZE);
            }
            case 0x40 -> {
                r.u32();
                op(f, start, 1, 1, 0, CostModel.MEMORY_SIZE);
            }
            case 0x41 -> {
                r.skipLeb(5);
                op(f, start, 0, 1, 0, CostModel.CONST);
            }
            case 0x42 -> {
                r.skipLeb(10);
                op(f, start, 0, 1, 0, CostModel.CONST);
            }
            case 0x43 -> {
                r.skip(4);
                op(f, start, 0, 1, 0, CostModel.CONST);
            }
            case 0x44 -> {
                r.skip(8);
                op(f, start, 0, 1, 0, CostModel.CONST);
            }
            case 0xD0 -> {
                ModuleInfo.readHeapType(r);
                op(f, start, 0, 1, 0, CostModel.REF);
            }
            case 0xD1, 0xD4 -> op(f, start, 1, 1, 0, CostModel.REF);
            case 0xD2 -> {
                r.u32();
                op(f, start, 0, 1, 0, CostModel.REF);
            }
            case 0xD3 -> op(f, start, 2, 1, 0, CostModel.REF);
            case 0xD5 -> {
                Node.Block target = label(r.u32());
                int arity = target.labelTypes().size();
                branch(f, new Node.Branch(Node.Branch.BR_ON_NULL, target), arity + 1, arity + 1);
            }
            case 0xD6 -> {
                Node.Block target = label(r.u32());
                int arity = target.labelTypes().size();
                branch(f, new Node.Branch(Node.Branch.BR_ON_NON_NULL, target), arity, arity - 1);
            }
            case 0xFC -> misc(f, start);
            case 0xFE -> atomic(f, start);
            default -> {
                if (op >= 0x28 && op <= 0x35) {
                    memarg();
                    op(f, start, 1, 1, 0, CostModel.LOAD);
                } else if (op >= 0x36 && op <= 0x3E) {
                    memarg();
                    op(f, start, 2, 0, 0, CostModel.STORE);
                } else if (op == 0x45
                        || op == 0x50
                        || (op >= 0x67 && op <= 0x69)
                        || (op >= 0x79 && op <= 0x7B)
                        || (op >= 0x8B && op <= 0x91)
                        || (op >= 0x99 && op <= 0x9F)
                        || (op >= 0xA7 && op <= 0xC4)) {
                    op(f, start, 1, 1, 0, CostModel.numeric(op));
                } else if ((op >= 0x46 && op <= 0x4F)
                        || (op >= 0x51 && op <= 0x66)
                        || (op >= 0x6A && op <= 0x78)
                        || (op >= 0x7C && op <= 0x8A)
                        || (op >= 0x92 && op <= 0x98)
                        || (op >= 0xA0 && op <= 0xA6)) {
                    op(f, start, 2, 1, 0, CostModel.numeric(op));
                } else {
                    throw new Unsupported("instruction 0x" + Integer.toHexString(op));
                }
            }
        }
    }

    private void misc(Frame f, int start) {
        int sub = r.u32();
        switch (sub) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> op(f, start, 1, 1, 0, CostModel.CALL_HELPER);
            case 8 -> {
                r.u32();
                r.u32();
                op(f, start, 3, 0, 0, CostModel.BULK);
            }
            case 9, 13 -> {
                r.u32();
                op(f, start, 0, 0, 0, CostModel.BULK);
            }
            case 10, 14 -> {
                r.u32();
                r.u32();
                op(f, start, 3, 0, 0, CostModel.BULK);
            }
            case 11, 17 -> {
                r.u32();
                op(f, start, 3, 0, 0, CostModel.BULK);
            }
            case 12 -> {
                r.u32();
                r.u32();
                op(f, start, 3, 0, 0, CostModel.BULK);
            }
            case 15 -> {
                r.u32();
                op(f, start, 2, 1, 0, CostModel.BULK);
            }
            case 16 -> {
                r.u32();
                op(f, start, 0, 1, 0, CostModel.BULK);
            }
            default -> throw new Unsupported("instruction 0xfc " + sub);
        }
    }

    private void atomic(Frame f, int start) {
        int sub = r.u32();
        if (sub == 0x03) {
            r.u8();
            op(f, start, 0, 0, 0, CostModel.CALL_HELPER);
            return;
        }
        int pops;
        int pushes;
        if (sub == 0x00) {
            pops = 2;
            pushes = 1;
        } else if (sub == 0x01 || sub == 0x02) {
            pops = 3;
            pushes = 1;
        } else if (sub >= 0x10 && sub <= 0x16) {
            pops = 1;
            pushes = 1;
        } else if (sub >= 0x17 && sub <= 0x1D) {
            pops = 2;
            pushes = 0;
        } else if (sub >= 0x1E && sub <= 0x47) {
            pops = 2;
            pushes = 1;
        } else if (sub >= 0x48 && sub <= 0x4E) {
            pops = 3;
            pushes = 1;
        } else throw new Unsupported("instruction 0xfe " + sub);
        memarg();
        op(f, start, pops, pushes, 0, CostModel.LOAD);
    }

    private void memarg() {
        int align = r.u32();
        if ((align & 0x40) != 0) r.u32(); // memory index
        r.skipLeb(10);
    }

    private FuncType tagType(int tag) {
        if (tag < 0 || tag >= info.tagTypes.size()) throw new Bytes.Malformed("unknown tag " + tag);
        return info.funcType(info.tagTypes.get(tag));
    }

    private Node.Block label(int depth) {
        if (depth < 0 || depth >= frames.size()) throw new Bytes.Malformed("unknown label " + depth);
        int i = 0;
        for (Frame frame : frames) {
            if (i++ == depth) return frame.block;
        }
        throw new AssertionError();
    }

    private FuncType blockType() {
        int b = r.peek();
        if (b == 0x40) {
            r.u8();
            return FuncType.EMPTY;
        }
        if ((b & 0xC0) == 0x40) {
            return new FuncType(List.of(), List.of(ModuleInfo.readValType(r)));
        }
        long index = r.s33();
        if (index < 0 || index > Integer.MAX_VALUE) throw new Bytes.Malformed("bad block type");
        return info.funcType((int) index);
    }

    private void block(Frame f, int start, int op) {
        int typeStart = r.pos;
        FuncType type = blockType();
        byte[] blockType = Arrays.copyOfRange(info.bytes, typeStart, r.pos);
        for (ValType t : type.params()) requireTransferable(t);
        for (ValType t : type.results()) requireTransferable(t);
        Node.Block block = new Node.Block(op, blockType, type);
        int pops = (op == Node.Block.IF ? 1 : 0) + type.params().size();
        open(f, block, pops);
    }

    private void tryTable(Frame f, int start) {
        int typeStart = r.pos;
        FuncType type = blockType();
        byte[] blockType = Arrays.copyOfRange(info.bytes, typeStart, r.pos);
        for (ValType t : type.params()) requireTransferable(t);
        for (ValType t : type.results()) requireTransferable(t);
        Node.Block block = new Node.Block(Node.Block.TRY_TABLE, blockType, type);
        int n = r.u32();
        for (int i = 0; i < n; i++) {
            int kind = r.u8();
            int tag = kind == 0 || kind == 1 ? r.u32() : -1;
            if (kind > 3) throw new Bytes.Malformed("unknown catch kind " + kind);
            // catch labels are resolved outside the try_table's own label
            block.catches.add(new Node.Catch(kind, tag, label(r.u32())));
        }
        open(f, block, type.params().size());
    }

    private void open(Frame f, Node.Block block, int pops) {
        block.parent = f.block;
        block.depth = f.block.depth + 1;
        add(f, block, pops, block.type.results().size(), 0);
        frames.push(new Frame(block, block.body, block.type.params().size()));
    }

    private void elseArm(Frame f) {
        Node.Block block = f.block;
        if (block.opcode != Node.Block.IF || block.elseBody != null) throw new Bytes.Malformed("else outside if");
        checkEnd(f);
        block.endHeight = f.height;
        block.endReachable = f.reachable;
        block.elseBody = new ArrayList<>();
        f.seq = block.elseBody;
        f.height = block.type.params().size();
        f.reachable = true;
    }

    private void end(Frame f) {
        checkEnd(f);
        Node.Block block = f.block;
        if (block.elseBody != null && f.seq == block.elseBody) {
            block.elseEndHeight = f.height;
            block.elseEndReachable = f.reachable;
        } else {
            block.endHeight = f.height;
            block.endReachable = f.reachable;
        }
        frames.pop();
    }

    private static void checkEnd(Frame f) {
        if (f.reachable && f.height != f.block.type.results().size()) {
            throw new Bytes.Malformed("operand stack height " + f.height + " at the end of a block with "
                    + f.block.type.results().size() + " results");
        }
    }

    private void op(Frame f, int start, int pops, int pushes, int flags, int cost) {
        Node.Op node = new Node.Op(Arrays.copyOfRange(info.bytes, start, r.pos), flags);
        add(f, node, pops, pushes, cost);
        if (node.unconditional()) f.reachable = false;
    }

    private void branch(Frame f, Node.Branch node, int pops, int pushes) {
        boolean backwards = false;
        for (Node.Block target : node.targets) {
            backwards |= target.opcode == Node.Block.LOOP;
        }
        add(f, node, pops, pushes, CostModel.branch(node, backwards));
        if (node.unconditional()) f.reachable = false;
    }

    private void add(Frame f, Node node, int pops, int pushes, int cost) {
        node.height = f.height;
        node.reachable = f.reachable;
        node.cost = cost;
        f.seq.add(node);
        if (f.reachable) {
            f.height += pushes - pops;
            if (f.height - pushes + pops < pops) {
                throw new Bytes.Malformed("operand stack underflow");
            }
        }
    }
}
