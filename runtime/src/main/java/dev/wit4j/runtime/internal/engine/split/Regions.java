package dev.wit4j.runtime.internal.engine.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the regions {@link Outliner} moves out of a function, best first. A region is better the
 * more code it takes, the fewer exits it has (each exit is a dispatch on every return) and the
 * fewer loops of its function enclose it (the call happens on every iteration); it is allowed if
 * what moving it adds (passing locals, the exits' dispatch) still fits the budget, and if it is
 * inside a {@code try_table}, only if it writes no local (an exception caught outside would miss
 * the writes). What is worked out per block is kept until code in or around the block moves
 * ({@link #changed}).
 */
final class Regions {

    private final int budget;
    /** A region must save at least this much (estimated JVM bytes) to be worth a call. */
    private final int minBenefit;
    /** What a region leaves of the budget for the code that moving it adds. */
    private final int margin;

    /** @param budget the estimated JVM bytecode size no function may exceed */
    Regions(int budget) {
        this.budget = budget;
        this.minBenefit = Math.min(160, budget / 10);
        this.margin = Math.min(200, budget / 5);
    }

    /** Forgets everything worked out (for the next function, or after a function's code was rebuilt). */
    void clear() {
        facts.clear();
        bestOf.clear();
    }

    /** The facts of the blocks of the function being split; a block's entry goes when code in it moves. */
    private final Map<Node.Block, Facts> facts = new IdentityHashMap<>();
    /** The best region of each block's arms (body, else), once looked for; goes with its facts. */
    private final Map<Node.Block, Region[]> bestOf = new IdentityHashMap<>();

    /** Forgets what was worked out for {@code block} and the blocks around it, whose code changed. */
    void changed(Node.Block block) {
        for (Node.Block b = block; b != null; b = b.parent) {
            facts.remove(b);
            bestOf.remove(b);
        }
    }

    /** The best region anywhere in {@code top}'s inline code, or null. */
    Region best(Node.Block top) {
        int loops = 0;
        boolean inTry = false;
        for (Node.Block b = top.parent; b != null; b = b.parent) {
            if (b.opcode == Node.Block.LOOP) loops++;
            if (b.opcode == Node.Block.TRY_TABLE) inTry = true;
        }
        return best(top, loops, inTry, null);
    }

    private Region best(Node.Block block, int loops, boolean inTry, Region best) {
        int inner = loops + (block.opcode == Node.Block.LOOP ? 1 : 0);
        boolean innerTry = inTry || block.opcode == Node.Block.TRY_TABLE;
        Region[] own = bestOf.get(block);
        if (own == null) {
            own = new Region[] {
                bestIn(block, block.body, false, inner, innerTry),
                block.elseBody == null ? null : bestIn(block, block.elseBody, true, inner, innerTry)
            };
            bestOf.put(block, own);
        }
        for (Region r : own) {
            if (r != null && (best == null || r.score > best.score)) best = r;
        }
        for (List<Node> arm : block.arms()) {
            for (Node n : arm) {
                if (n instanceof Node.Block b && !b.atomic) best = best(b, inner, innerTry, best);
            }
        }
        return best;
    }

    /** The facts of {@code n} as an item of a sequence in a block at depth {@code ownerDepth}. */
    private Facts facts(Node n, int ownerDepth) {
        if (n instanceof Node.Block b) {
            return facts(b);
        }
        Facts x = new Facts();
        if (n instanceof Node.LocalOp l) {
            if (!l.local.scratch) {
                (l.reads() ? x.reads : x.writes).set(l.local.index);
            }
        } else if (n instanceof Node.Branch br) {
            for (Node.Block t : br.targets) {
                if (t.depth <= ownerDepth) x.exits.set(t.depth);
            }
        } else if (n instanceof Node.Op op) {
            x.stays = (op.flags & Node.Op.STAYS) != 0;
        }
        return x;
    }

    /** Whether an item contributes nothing to facts (most instructions). */
    private static boolean plain(Node n) {
        return n instanceof Node.Op op && (op.flags & Node.Op.STAYS) == 0;
    }

    /** The facts of a block as an item of its parent's sequence. */
    private Facts facts(Node.Block block) {
        Facts x = facts.get(block);
        if (x != null) return x;
        x = new Facts();
        for (List<Node> arm : block.arms()) {
            for (Node n : arm) {
                if (!plain(n)) x.add(facts(n, block.depth));
            }
        }
        for (Node.Catch c : block.catches) {
            if (c.target.depth < block.depth) x.exits.set(c.target.depth);
        }
        x.exits.clear(block.depth); // branches to the block itself stay inside it
        facts.put(block, x);
        return x;
    }

    /**
     * The best region of one arm of {@code owner}. The arm is cut into statements at the points
     * where a region may start or end; for each start, the region runs as far as the budget
     * allows, its facts kept as counts while the window slides.
     */
    private Region bestIn(Node.Block owner, List<Node> seq, boolean elseArm, int loops, boolean inTry) {
        return bestIn(owner, seq, elseArm, loops, inTry, 0);
    }

    /** {@link #bestIn} of regions starting at {@code minFrom} or later. */
    Region bestIn(Node.Block owner, List<Node> seq, boolean elseArm, int loops, boolean inTry, int minFrom) {
        int n = seq.size();
        int maxCost = budget - margin;
        int maxValues = 0;
        Node.Block[] byDepth = new Node.Block[owner.depth + 1];
        for (Node.Block b = owner; b != null; b = b.parent) {
            maxValues = Math.max(maxValues, b.labelTypes().size());
            byDepth[b.depth] = b;
        }
        // the points where regions may start or end, and the statements between them
        List<Integer> points = new ArrayList<>();
        for (int p = minFrom; p <= n; p++) {
            boolean start = p < n && seq.get(p).reachable && seq.get(p).height == 0;
            if (start || (p > 0 && endKind(owner, seq, elseArm, p) != null)) points.add(p);
        }
        int statements = points.size() - 1;
        int[] cost = new int[Math.max(statements, 0)];
        Facts[] stmt = new Facts[Math.max(statements, 0)];
        for (int i = 0; i < statements; i++) {
            Facts x = new Facts();
            for (int k = points.get(i); k < points.get(i + 1); k++) {
                Node node = seq.get(k);
                cost[i] += node.cost;
                if (!plain(node)) x.add(facts(node, owner.depth));
            }
            stmt[i] = x;
        }
        Window w = new Window();
        Region best = null;
        int j = 0;
        long windowCost = 0;
        for (int i = 0; i < statements; i++) {
            if (j < i) {
                j = i;
                windowCost = 0;
            }
            while (j < statements && !stmt[j].stays && windowCost + cost[j] <= maxCost) {
                w.add(stmt[j]);
                windowCost += cost[j];
                j++;
            }
            int from = points.get(i);
            Node first = seq.get(from);
            if (j > i && first.reachable && first.height == 0) {
                int to = points.get(j);
                List<ValType> end = endKind(owner, seq, elseArm, to);
                BitSet liveOut = end == NO_FALL ? new BitSet() : liveBefore(owner, seq, to);
                best = better(
                        best,
                        owner,
                        seq,
                        from,
                        to,
                        (int) windowCost,
                        end,
                        w,
                        maxValues,
                        loops,
                        inTry,
                        first.live,
                        liveOut,
                        byDepth);
            }
            if (j > i) {
                w.remove(stmt[i]);
                windowCost -= cost[i];
            }
        }
        // a block with results, alone: it leaves its results
        for (int a = minFrom; a < n; a++) {
            if (seq.get(a) instanceof Node.Block b
                    && b.reachable
                    && b.height == 0
                    && b.type.params().isEmpty()
                    && !b.type.results().isEmpty()
                    && b.cost <= maxCost) {
                Facts x = facts(b);
                if (x.stays) continue;
                Window one = new Window();
                one.add(x);
                best = better(
                        best,
                        owner,
                        seq,
                        a,
                        a + 1,
                        b.cost,
                        b.type.results(),
                        one,
                        maxValues,
                        loops,
                        inTry,
                        b.live,
                        null,
                        byDepth);
            }
        }
        return best;
    }

    /** The facts of a sliding window of statements, as counts. */
    private static final class Window {
        private int[] reads = new int[64];
        private int[] writes = new int[64];
        private int[] exits = new int[64];
        int passed;
        int written;
        int exitCount;

        void add(Facts x) {
            change(x, 1);
        }

        void remove(Facts x) {
            change(x, -1);
        }

        private void change(Facts x, int by) {
            for (int l = x.reads.nextSetBit(0); l >= 0; l = x.reads.nextSetBit(l + 1)) {
                reads = fit(reads, l);
                writes = fit(writes, l);
                int before = reads[l] + writes[l];
                reads[l] += by;
                passed += step(before, before + by);
            }
            for (int l = x.writes.nextSetBit(0); l >= 0; l = x.writes.nextSetBit(l + 1)) {
                reads = fit(reads, l);
                writes = fit(writes, l);
                int before = writes[l] + reads[l];
                int w = writes[l];
                writes[l] += by;
                passed += step(before, before + by);
                written += step(w, w + by);
            }
            for (int d = x.exits.nextSetBit(0); d >= 0; d = x.exits.nextSetBit(d + 1)) {
                exits = fit(exits, d);
                int e = exits[d];
                exits[d] += by;
                exitCount += step(e, e + by);
            }
        }

        boolean exitsTo(int depth) {
            return depth < exits.length && exits[depth] > 0;
        }

        /** How many of the locals the window uses are in {@code live}. */
        int passedOf(BitSet live) {
            int n = 0;
            for (int l = live.nextSetBit(0); l >= 0; l = live.nextSetBit(l + 1)) {
                if ((l < reads.length && reads[l] > 0) || (l < writes.length && writes[l] > 0)) n++;
            }
            return n;
        }

        /** How many of the locals the window writes are in {@code live}. */
        int writtenOf(BitSet live) {
            int n = 0;
            for (int l = live.nextSetBit(0); l >= 0; l = live.nextSetBit(l + 1)) {
                if (l < writes.length && writes[l] > 0) n++;
            }
            return n;
        }

        private static int step(int before, int after) {
            return (before == 0 && after > 0) ? 1 : (before > 0 && after == 0) ? -1 : 0;
        }

        private static int[] fit(int[] a, int i) {
            return i < a.length ? a : Arrays.copyOf(a, Math.max(2 * a.length, i + 1));
        }
    }

    /** {@code best}, or the region {@code seq[from, to)} if that is better and allowed. */
    private Region better(
            Region best,
            Node.Block owner,
            List<Node> seq,
            int from,
            int to,
            int cost,
            List<ValType> end,
            Window w,
            int maxValues,
            int loops,
            boolean inTry,
            BitSet liveIn,
            BitSet liveAfter,
            Node.Block[] byDepth) {
        if (end == null) return best;
        if (inTry && w.written > 0) {
            return best; // an exception caught outside would miss the locals the region wrote
        }
        boolean falls = end != NO_FALL;
        List<ValType> results = falls ? end : List.of();
        int exits = w.exitCount;
        // with liveness: only what is live going in, and only what is live going out, crosses the call
        BitSet liveOut = null;
        if (liveAfter != null) {
            liveOut = (BitSet) liveAfter.clone();
            for (int d = 0; d < byDepth.length; d++) {
                if (w.exitsTo(d) && byDepth[d] != null) {
                    if (byDepth[d].liveAtLabel == null) {
                        liveOut = null;
                        break;
                    }
                    liveOut.or(byDepth[d].liveAtLabel);
                }
            }
        }
        int passed = liveIn == null ? w.passed : w.passedOf(liveIn);
        int written = liveOut == null ? w.written : w.writtenOf(liveOut);
        int callSite = 12 + 3 * passed + 12 * written + 10 * results.size() + (exits == 0 ? 0 : 16 + 4 * exits);
        int benefit = cost - callSite;
        if (benefit < minBenefit) return best;
        int viaGlobals = Math.max(0, passed - Outliner.MAX_PARAMS);
        int overhead = 36 + 12 * viaGlobals + 14 * written + 14 * results.size() + exits * (22 + 14 * maxValues);
        if (cost + overhead > budget) return best;
        double score = benefit / ((1.0 + exits) * (1.0 + 2.0 * loops));
        if (best != null && score <= best.score) return best;
        Region r = new Region();
        r.owner = owner;
        r.seq = seq;
        r.from = from;
        r.to = to;
        r.cost = cost;
        r.falls = falls;
        r.results = results;
        r.liveIn = liveIn;
        r.liveOut = liveOut;
        r.score = score;
        return r;
    }

    /** The live set before {@code seq[to]} (or after the arm, at its end); null if not known. */
    private static BitSet liveBefore(Node.Block owner, List<Node> seq, int to) {
        if (to < seq.size()) return seq.get(to).live;
        return owner.liveAfter;
    }

    /** The region's exact facts, for moving it. */
    void fill(Region r) {
        Facts x = new Facts();
        for (int i = r.from; i < r.to; i++) {
            Node node = r.seq.get(i);
            if (!plain(node)) x.add(facts(node, r.owner.depth));
        }
        r.exits = x.exits;
        r.reads = x.reads;
        r.writes = x.writes;
    }

    /**
     * How a region ending before {@code seq[b]} ends: the values it leaves, empty if it falls
     * through with nothing, {@code null} if no region may end there; {@link #NO_FALL} if
     * control never reaches its end.
     */
    private static List<ValType> endKind(Node.Block owner, List<Node> seq, boolean elseArm, int b) {
        Node last = seq.get(b - 1);
        if (last.reachable
                && (last instanceof Node.Op op && op.unconditional()
                        || last instanceof Node.Branch br && br.unconditional())) {
            return NO_FALL;
        }
        if (b < seq.size()) {
            Node next = seq.get(b);
            return next.reachable && next.height == 0 ? List.of() : null;
        }
        boolean reachable = elseArm ? owner.elseEndReachable : owner.endReachable;
        int height = elseArm ? owner.elseEndHeight : owner.endHeight;
        if (!reachable) return NO_FALL;
        if (height == 0) return List.of();
        return height == owner.type.results().size() ? owner.type.results() : null;
    }

    /** Marks a region whose end is never reached. */
    private static final List<ValType> NO_FALL = new ArrayList<>(0);
}
