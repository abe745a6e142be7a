package dev.wit4j.runtime.internal.engine.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code switch} as compilers lay it out: blocks nested through their first instruction,
 * {@code levels[0]} innermost. A branch to {@code levels[k - 1]} enters case {@code k}, whose
 * code follows that block's end inside {@code levels[k]}; a branch to the outermost leaves the
 * switch. The innermost block's code (the "prefix") enters the cases: with a {@code br_table}
 * at its end ({@code table}, or null), with {@code br} and {@code br_if}, or by falling into
 * case 1.
 */
record SwitchChain(List<Node.Block> levels, Node.Branch table) {

    /** Fewest levels a switch chain must have for {@link Outliner} to cut it. */
    static final int MIN_LEVELS = 8;

    int cases() {
        return levels.size() - 1;
    }

    /** The code of case {@code k} (1 ≤ k ≤ cases): what follows the inner block. */
    List<Node> body(int k) {
        List<Node> body = levels.get(k).body;
        return body.subList(1, body.size());
    }

    /** The innermost block's code, without the final {@code br_table}. */
    List<Node> prefix() {
        List<Node> body = levels.get(0).body;
        return body.subList(0, table == null ? body.size() : body.size() - 1);
    }

    private static boolean plainBlock(Node n) {
        return n instanceof Node.Block b
                && b.opcode == Node.Block.BLOCK
                && b.type.params().isEmpty()
                && b.type.results().isEmpty()
                && !b.atomic
                && !b.body.isEmpty();
    }

    /** The switch chain whose outermost block is {@code top}, if it is one. */
    static SwitchChain at(Node.Block top) {
        if (!plainBlock(top)) return null;
        List<Node.Block> levels = new ArrayList<>();
        Node.Block cur = top;
        while (true) {
            levels.add(cur);
            Node first = cur.body.get(0);
            if (!plainBlock(first) || first.height != 0 || !first.reachable) break;
            cur = (Node.Block) first;
        }
        // the innermost case label is where the dispatch is: the br_table reaching most levels above
        // it (a case's own br_table may end a level too); without one, the innermost block
        Map<Node.Block, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < levels.size(); i++) position.put(levels.get(i), i);
        int bottom = levels.size() - 1;
        int most = 0;
        for (int i = 1; i < levels.size(); i++) {
            Node.Block level = levels.get(i);
            if (level.body.get(level.body.size() - 1) instanceof Node.Branch b
                    && b.opcode == Node.Branch.BR_TABLE
                    && b.reachable
                    && b.height == 1) {
                int reached = 0;
                for (Node.Block t : b.targets) {
                    Integer p = position.get(t);
                    if (p != null && p <= i) reached++;
                }
                if (reached > most) {
                    most = reached;
                    bottom = i;
                }
            }
        }
        levels = new ArrayList<>(levels.subList(0, bottom + 1));
        cur = levels.get(bottom);
        if (levels.size() - 1 < MIN_LEVELS) return null;
        Collections.reverse(levels);
        Node last = cur.body.get(cur.body.size() - 1);
        Node.Branch table =
                last instanceof Node.Branch b && b.opcode == Node.Branch.BR_TABLE && last.reachable && last.height == 1
                        ? b
                        : null;
        SwitchChain chain = new SwitchChain(levels, table);
        // the prefix stays where it is: it may enter the cases only by br and br_if
        Set<Node.Block> labels = Collections.newSetFromMap(new IdentityHashMap<>());
        labels.addAll(levels);
        for (Node n : chain.prefix()) {
            if (!simpleEntries(n, labels)) {
                return null;
            }
        }
        return chain;
    }

    private static boolean simpleEntries(Node n, Set<Node.Block> labels) {
        if (n instanceof Node.Branch b) {
            boolean into = false;
            for (Node.Block t : b.targets) into |= labels.contains(t);
            return !into
                    || b.opcode == Node.Branch.BR
                    || b.opcode == Node.Branch.BR_IF
                    || b.opcode == Node.Branch.BR_TABLE;
        }
        if (n instanceof Node.Block block) {
            for (Node.Catch c : block.catches) if (labels.contains(c.target)) return false;
            for (List<Node> arm : block.arms()) {
                for (Node m : arm) if (!simpleEntries(m, labels)) return false;
            }
        }
        return true;
    }
}
