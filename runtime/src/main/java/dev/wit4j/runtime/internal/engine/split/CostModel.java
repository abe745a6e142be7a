package dev.wit4j.runtime.internal.engine.split;

import java.util.List;

/**
 * Estimates how many bytes of JVM bytecode Endive's compiler makes of an instruction, so that the
 * splitter can keep every function under HotSpot's huge-method limit (8,000 bytes: larger methods
 * are never JIT-compiled) without compiling to find out. The figures follow what the compiler
 * emits for each kind of instruction (a helper call is three bytes, a memory access loads the
 * memory and an offset and calls a helper, …) and were checked against the methods it generated
 * for a 12.5 MB StarlingMonkey module and the conformance suites: the estimate is above the real
 * size for the functions that matter, and the splitter leaves a margin besides.
 */
final class CostModel {

    private CostModel() {}

    static final int UNREACHABLE = 8;
    static final int THROW = 16;
    static final int DROP = 1;
    static final int SELECT = 8;
    static final int CONST = 3;
    static final int GLOBAL_GET = 9;
    static final int GLOBAL_SET = 10;
    static final int TABLE_ACCESS = 10;
    static final int MEMORY_SIZE = 8;
    static final int LOAD = 10;
    static final int STORE = 10;
    static final int REF = 6;
    static final int BULK = 10;
    static final int CALL_HELPER = 5;
    static final int ELSE = 3;

    /** Ops the compiler emits as one JVM instruction; the rest call a helper. */
    static int numeric(int opcode) {
        switch (opcode) {
            case 0x6A:
            case 0x6B:
            case 0x6C:
            case 0x71:
            case 0x72:
            case 0x73: // i32 add sub mul and or xor
            case 0x7C:
            case 0x7D:
            case 0x7E:
            case 0x83:
            case 0x84:
            case 0x85: // i64 add sub mul and or xor
            case 0x92:
            case 0x93:
            case 0x94:
            case 0xA0:
            case 0xA1:
            case 0xA2: // f add sub mul
            case 0xA7:
            case 0xAC:
            case 0xAD: // wrap, extend
                return 2;
            default:
                return CALL_HELPER;
        }
    }

    static int local(int opcode, int index) {
        int access = index < 4 ? 1 : index < 256 ? 2 : 4;
        return opcode == Node.LocalOp.TEE ? access + 2 : access + 1;
    }

    static int call(FuncType type) {
        return 10 + results(type.results());
    }

    static int callIndirect(FuncType type) {
        return 22 + results(type.results());
    }

    private static int results(List<ValType> results) {
        // several results come back boxed in a long[] that is unpacked value by value
        return results.size() > 1 ? 8 + 8 * results.size() : 0;
    }

    static int branch(Node.Branch branch, boolean backwards) {
        int interruptCheck = backwards ? 4 : 0;
        int values = 0;
        for (Node.Block target : branch.targets) {
            values = Math.max(values, target.labelTypes().size());
        }
        int carried = 6 * values;
        switch (branch.opcode) {
            case Node.Branch.BR_TABLE:
                return 20 + 4 * branch.targets.length + interruptCheck + carried;
            case Node.Branch.RETURN:
                return 2 + carried;
            case Node.Branch.BR_IF:
                return 8 + interruptCheck + carried;
            default:
                return 5 + interruptCheck + carried;
        }
    }

    /** What a block costs besides its contents. */
    static int overhead(Node.Block block) {
        int cost = switch (block.opcode) {
            case Node.Block.IF -> 4;
            case Node.Block.TRY_TABLE -> 12 + 16 * block.catches.size();
            default -> 0;
        };
        // values a block's end or a branch leaves are moved between the JVM stack and temporaries
        cost += 4 * block.type.results().size();
        return block.elseBody != null ? cost + ELSE : cost;
    }

    /** Sets every block's cost to its overhead plus its contents', and returns the root's. */
    static int sum(Node.Block block) {
        int cost = overhead(block);
        for (Node n : block.body) {
            cost += n instanceof Node.Block b ? sum(b) : n.cost;
        }
        if (block.elseBody != null) {
            for (Node n : block.elseBody) {
                cost += n instanceof Node.Block b ? sum(b) : n.cost;
            }
        }
        block.cost = cost;
        return cost;
    }
}
