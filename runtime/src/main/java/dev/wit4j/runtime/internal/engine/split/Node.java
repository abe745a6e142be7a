package dev.wit4j.runtime.internal.engine.split;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One instruction of a function body, as the splitter sees it: control structure as a tree, local
 * variables and branch targets as references (so that code can move between functions and its
 * indices and label depths are worked out when it is written), everything else as its bytes.
 */
abstract sealed class Node permits Node.Op, Node.LocalOp, Node.Branch, Node.Block {

    /** Operand stack height before this node, relative to the innermost enclosing block. */
    int height;
    /** False in dead code (after an unconditional branch), where heights mean nothing. */
    boolean reachable = true;
    /** Estimated size of the JVM bytecode this node becomes ({@link CostModel}). */
    int cost;
    /**
     * The locals whose values may still be read when control reaches this node ({@link Liveness});
     * kept where a region may start, null elsewhere or before liveness was worked out.
     */
    BitSet live;

    /** An instruction kept as its bytes. */
    static final class Op extends Node {
        /** Control never continues after it (unreachable, throw, tail calls). */
        static final int UNCONDITIONAL = 1;
        /** It may not move into another function (a tail call must stay a tail call). */
        static final int STAYS = 2;

        final byte[] code;
        final int flags;

        Op(byte[] code, int flags) {
            this.code = code;
            this.flags = flags;
        }

        boolean unconditional() {
            return (flags & UNCONDITIONAL) != 0;
        }
    }

    /** {@code local.get}, {@code local.set} or {@code local.tee}. */
    static final class LocalOp extends Node {
        static final int GET = 0x20;
        static final int SET = 0x21;
        static final int TEE = 0x22;

        final int opcode;
        Local local;

        LocalOp(int opcode, Local local) {
            this.opcode = opcode;
            this.local = local;
        }

        boolean reads() {
            return opcode == GET;
        }
    }

    /**
     * A branch: {@code br}, {@code br_if}, {@code br_table} (the last target is the default),
     * {@code br_on_null}, {@code br_on_non_null}, or {@code return} (whose target is the function's
     * root block).
     */
    static final class Branch extends Node {
        static final int BR = 0x0C;
        static final int BR_IF = 0x0D;
        static final int BR_TABLE = 0x0E;
        static final int RETURN = 0x0F;
        static final int BR_ON_NULL = 0xD5;
        static final int BR_ON_NON_NULL = 0xD6;

        int opcode;
        final Block[] targets;

        Branch(int opcode, Block... targets) {
            this.opcode = opcode;
            this.targets = targets;
        }

        boolean unconditional() {
            return opcode == BR || opcode == BR_TABLE || opcode == RETURN;
        }
    }

    /** A catch clause of {@code try_table}: kind 0–3, the tag (or -1) and the label it branches to. */
    static final class Catch {
        final int kind;
        final int tag;
        Block target;

        Catch(int kind, int tag, Block target) {
            this.kind = kind;
            this.tag = tag;
            this.target = target;
        }
    }

    /** {@code block}, {@code loop}, {@code if} (with its else arm), {@code try_table}, or a function's root. */
    static final class Block extends Node {
        static final int ROOT = -1;
        static final int BLOCK = 0x02;
        static final int LOOP = 0x03;
        static final int IF = 0x04;
        static final int TRY_TABLE = 0x1F;

        final int opcode;
        /** The block type as written, or null for a synthesized block ({@link #type} is written). */
        final byte[] blockType;

        final FuncType type;
        final List<Node> body = new ArrayList<>();
        /** The else arm of an {@code if} that has one; null otherwise. */
        List<Node> elseBody;

        final List<Catch> catches = new ArrayList<>();
        Block parent;
        /** Nesting depth in its function: 0 for the root. */
        int depth;
        /** Code the splitter wrote (a call site): never taken apart again. */
        boolean atomic;

        int endHeight;
        boolean endReachable = true;
        int elseEndHeight;
        boolean elseEndReachable = true;
        /** Live locals where a branch to this block goes: a loop's start, others' end. */
        BitSet liveAtLabel;
        /** Live locals right after the block. */
        BitSet liveAfter;

        Block(int opcode, byte[] blockType, FuncType type) {
            this.opcode = opcode;
            this.blockType = blockType;
            this.type = type;
        }

        /** The types a branch to this block carries: a loop's parameters, others' results. */
        List<ValType> labelTypes() {
            return opcode == LOOP ? type.params() : type.results();
        }

        /** The block's code: its body, and an {@code if}'s else arm if it has one. */
        List<List<Node>> arms() {
            return elseBody == null ? List.of(body) : List.of(body, elseBody);
        }
    }
}
