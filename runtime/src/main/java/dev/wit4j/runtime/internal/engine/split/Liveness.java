package dev.wit4j.runtime.internal.engine.split;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.List;

/**
 * Which locals are live (their value may still be read) where: so that moved code is passed only
 * the locals it may read before writing them, and hands back only the ones read after it. Most
 * locals of compiled C are temporaries dead between statements, so this keeps call sites small.
 *
 * <p>A backward analysis over the structured code: a branch sees the live set of its label (a
 * loop's start, or a block's end), {@code return} and traps see none, and code in a
 * {@code try_table} that can throw also sees what its handlers need. Loops are iterated to a fixed
 * point: the whole function is walked again while some loop's set grows.
 */
final class Liveness {

    private final ArrayDeque<BitSet> handlers = new ArrayDeque<>();
    private boolean changed;

    private Liveness() {}

    /** Works out {@link Node#live} and the blocks' live sets of {@code f}. */
    static void compute(Func f) {
        Liveness l = new Liveness();
        clearLoops(f.root);
        f.root.liveAtLabel = new BitSet();
        f.root.liveAfter = new BitSet();
        do {
            l.changed = false;
            l.sequence(f.root.body, new BitSet());
        } while (l.changed);
    }

    private static void clearLoops(Node.Block b) {
        b.liveAtLabel = b.opcode == Node.Block.LOOP ? new BitSet() : null;
        for (List<Node> arm : arms(b)) {
            for (Node n : arm) {
                if (n instanceof Node.Block c) clearLoops(c);
            }
        }
    }

    private static List<List<Node>> arms(Node.Block block) {
        return block.elseBody == null ? List.of(block.body) : List.of(block.body, block.elseBody);
    }

    /** The live set before {@code seq}, given the one after it. */
    private BitSet sequence(List<Node> seq, BitSet after) {
        BitSet live = (BitSet) after.clone();
        for (int i = seq.size() - 1; i >= 0; i--) {
            Node n = seq.get(i);
            live = node(n, live);
            if (n instanceof Node.Block || (n.reachable && n.height == 0)) {
                n.live = (BitSet) live.clone();
            } else {
                n.live = null;
            }
        }
        return live;
    }

    private BitSet node(Node n, BitSet after) {
        if (n instanceof Node.LocalOp l) {
            if (l.reads()) {
                after.set(l.local.index);
            } else {
                after.clear(l.local.index);
            }
            return after;
        }
        if (n instanceof Node.Branch b) {
            BitSet live = b.unconditional() ? new BitSet() : after;
            if (b.opcode != Node.Branch.RETURN) {
                for (Node.Block t : b.targets) live.or(label(t));
            }
            return live;
        }
        if (n instanceof Node.Op op) {
            BitSet live = op.unconditional() ? new BitSet() : after;
            if (!handlers.isEmpty() && mayThrow(op)) live.or(handlers.peek());
            return live;
        }
        return block((Node.Block) n, after);
    }

    /** Calls and throws may throw: a handler of the function may then run. */
    private static boolean mayThrow(Node.Op op) {
        int code = op.code[0] & 0xFF;
        return code == 0x08 || code == 0x0A || (code >= 0x10 && code <= 0x15);
    }

    private static BitSet label(Node.Block t) {
        return t.liveAtLabel == null ? new BitSet() : t.liveAtLabel;
    }

    private BitSet block(Node.Block b, BitSet after) {
        b.liveAfter = (BitSet) after.clone();
        if (b.opcode != Node.Block.LOOP) {
            b.liveAtLabel = b.liveAfter;
        }
        boolean pushed = false;
        if (b.opcode == Node.Block.TRY_TABLE) {
            BitSet h =
                    handlers.isEmpty() ? new BitSet() : (BitSet) handlers.peek().clone();
            for (Node.Catch c : b.catches) h.or(label(c.target));
            handlers.push(h);
            pushed = true;
        }
        BitSet start = sequence(b.body, after);
        if (pushed) handlers.pop();
        if (b.opcode == Node.Block.LOOP) {
            BitSet old = b.liveAtLabel;
            if (!old.equals(start)) {
                BitSet grown = (BitSet) old.clone();
                grown.or(start);
                if (!grown.equals(old)) {
                    b.liveAtLabel = grown;
                    changed = true;
                }
            }
        }
        if (b.opcode == Node.Block.IF) {
            start.or(b.elseBody != null ? sequence(b.elseBody, after) : after);
        }
        return start;
    }
}
