package dev.wit4j.runtime.internal.engine.split;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes functions small enough for the JVM by moving regions of their code into new functions.
 *
 * <p>A region is a run of consecutive instructions of one block that starts and ends with nothing of
 * the block's on the operand stack (or ends at the block's end, leaving its results), so that it
 * needs no stack values from before and leaves none behind. The region moves into a new function;
 * in its place the caller passes the locals the region reads or writes, calls, stores back what
 * the region wrote and, if the region left by a branch to a label outside it or by {@code return},
 * takes that branch itself: the new function returns which exit was taken (0: the region's end),
 * and the values a branch carries, like the locals written, come back through {@link Transfers}.
 * Semantics are kept exactly: the region runs the same instructions on the same values, traps the
 * same way and sees the same memory, tables and globals.
 *
 * <p>Which regions: blocks are reduced from the innermost out; a block whose code (its own and what
 * is left inline of its nested blocks) is over the budget gives up regions until it fits, best
 * first as {@link Regions} ranks them: a loop is moved whole rather than its body, and the case
 * bodies of an interpreter's dispatch move rather than the dispatch that reaches all of them. A
 * {@code switch} too large even then is cut into runs of cases ({@link #chunk}).
 */
final class Outliner {

    /**
     * Most parameters a new function takes; further locals travel through globals. The compiled
     * method has two more (memory and instance). HotSpot's C2 gives up on a method that makes a
     * call with more arguments than its register masks can place on the stack (on x86-64 with
     * AVX-512, more than 30 integer or reference arguments: "unsupported calling sequence"), and the
     * caller then runs in the bytecode interpreter; 22 leaves a margin for other machines.
     */
    static final int MAX_PARAMS = 22;

    private final TypeTable types;
    private final Transfers transfers;
    private final int budget;
    private final Regions regions;

    private final List<Func> created = new ArrayList<>();
    private int nextIndex;

    /**
     * @param firstNewFunction the index the first new function gets (the module's function count)
     * @param budget the estimated JVM bytecode size no function may exceed
     */
    Outliner(TypeTable types, Transfers transfers, int firstNewFunction, int budget) {
        this.types = types;
        this.transfers = transfers;
        this.nextIndex = firstNewFunction;
        this.budget = budget;
        this.regions = new Regions(budget);
    }

    /** The functions made so far, in index order. */
    List<Func> created() {
        return created;
    }

    /** Splits {@code f} until it fits the budget, or no region is left to move; true if it fits. */
    boolean split(Func f) {
        regions.clear();
        Liveness.compute(f);
        reduce(f, f.root);
        regions.clear();
        return f.root.cost <= budget;
    }

    private void reduce(Func f, Node.Block block) {
        SwitchChain chain = SwitchChain.at(block);
        if (chain != null) {
            reduceChain(f, chain);
            return;
        }
        for (List<Node> arm : block.arms()) {
            for (Node n : new ArrayList<>(arm)) {
                if (n instanceof Node.Block b && !b.atomic) {
                    reduce(f, b);
                }
            }
        }
        while (block.cost > budget) {
            Region best = regions.best(block);
            if (best == null) {
                return;
            }
            regions.fill(best);
            int before = block.cost;
            outline(f, best);
            if (block.cost >= before) {
                return; // the call cost what the region did: nothing more to gain here
            }
        }
    }

    // ------------------------------------------------------------------ moving code

    /** A handler for an exit at the call site: what to do when the moved code left for {@code target}. */
    @FunctionalInterface
    private interface ExitHandler {
        void handle(List<Node> into, Node.Block target, Slots values);
    }

    /**
     * Code on its way into a new function: the function, how the caller's locals map to its own,
     * and the labels outside the moved code it branches to, each an exit numbered from 1 (0 is the
     * moved code's own end).
     */
    private final class Move {
        final Func f;
        final Func g;
        /** Parameters the caller passes before the locals (their values are the site's to push). */
        final List<Local> leading = new ArrayList<>();

        final List<Local> params = new ArrayList<>();
        final List<Local> viaGlobals = new ArrayList<>();
        final List<Local> written = new ArrayList<>();
        final Map<Local, Local> map = new IdentityHashMap<>();
        final List<Node.Block> exits = new ArrayList<>();
        final Map<Node.Block, Node.Block> exitBlocks = new IdentityHashMap<>();
        /** Labels of the caller that are labels of the new function's own code. */
        final Map<Node.Block, Node.Block> relabel;

        final Set<Node.Block> inside = Collections.newSetFromMap(new IdentityHashMap<>());
        final Local code;
        final Slots outSlots = new Slots();

        /**
         * @param liveIn locals live where the moved code is entered (null: all)
         * @param liveOut locals live where it may go, not counting its exits (null: all)
         */
        Move(
                Func f,
                List<Node> moved,
                List<ValType> leadingTypes,
                Map<Node.Block, Node.Block> relabel,
                BitSet liveIn,
                BitSet liveOut) {
            this.f = f;
            this.relabel = relabel;
            Facts x = new Facts();
            for (Node n : moved) scan(n, x);
            Map<Integer, Local> byIndex = new HashMap<>();
            for (Local l : f.params) byIndex.put(l.index, l);
            for (Local l : f.locals) byIndex.put(l.index, l);
            BitSet uses = (BitSet) x.reads.clone();
            uses.or(x.writes);
            // with liveness, a local crosses the call only where it matters: in if it is live where
            // the code starts, back if it is live where the code may go (its end and its exits)
            BitSet passed = (BitSet) uses.clone();
            BitSet back = (BitSet) x.writes.clone();
            if (liveIn != null) {
                passed.and(liveIn);
                if (liveOut != null) {
                    BitSet out = (BitSet) liveOut.clone();
                    boolean known = true;
                    for (Node.Block t : exits) {
                        if (t.liveAtLabel == null) known = false;
                        else out.or(t.liveAtLabel);
                    }
                    if (known) back.and(out);
                }
            }
            x.writes.clear();
            x.writes.or(back);
            int count = leadingTypes.size();
            for (int i = passed.nextSetBit(0); i >= 0; i = passed.nextSetBit(i + 1)) {
                Local l = byIndex.get(i);
                if (count < MAX_PARAMS) {
                    params.add(l);
                    count++;
                } else {
                    viaGlobals.add(l);
                }
            }
            for (int i = x.writes.nextSetBit(0); i >= 0; i = x.writes.nextSetBit(i + 1)) {
                written.add(byIndex.get(i));
                outSlots.next(byIndex.get(i).type);
            }
            List<ValType> paramTypes = new ArrayList<>(leadingTypes);
            for (Local l : params) paramTypes.add(l.type);
            FuncType type = new FuncType(paramTypes, List.of(ValType.I32));
            g = new Func(nextIndex++, type, types.indexOf(type));
            for (ValType t : leadingTypes) {
                Local p = new Local(t, false);
                g.params.add(p);
                leading.add(p);
            }
            for (Local l : params) {
                Local p = new Local(l.type, false);
                g.params.add(p);
                map.put(l, p);
            }
            for (Local l : viaGlobals) {
                map.put(l, g.newLocal(l.type, false));
            }
            // the rest it uses are dead where it starts: its own locals now
            for (int i = uses.nextSetBit(0); i >= 0; i = uses.nextSetBit(i + 1)) {
                Local l = byIndex.get(i);
                if (!map.containsKey(l)) map.put(l, g.newLocal(l.type, false));
            }
            code = g.newLocal(ValType.I32, true);
        }

        /** Collects the locals {@code n} uses, the blocks inside, and the exits in order of appearance. */
        private void scan(Node n, Facts x) {
            if (n instanceof Node.LocalOp l) {
                if (!l.local.scratch) (l.reads() ? x.reads : x.writes).set(l.local.index);
            } else if (n instanceof Node.Branch b) {
                for (Node.Block t : b.targets) exit(t);
            } else if (n instanceof Node.Block block) {
                inside.add(block);
                for (Node.Catch c : block.catches) exit(c.target);
                for (List<Node> arm : block.arms()) {
                    for (Node m : arm) scan(m, x);
                }
            }
        }

        private void exit(Node.Block target) {
            if (!inside.contains(target) && !relabel.containsKey(target) && !exits.contains(target)) {
                exits.add(target);
            }
        }

        /** Points moved code at the new function's locals and labels. */
        void rewire(Node n) {
            if (n instanceof Node.LocalOp l) {
                Local to = map.get(l.local);
                if (to == null) {
                    if (!l.local.scratch) throw new IllegalStateException("a local the moved code uses was not passed");
                    to = g.newLocal(l.local.type, true);
                    map.put(l.local, to);
                }
                l.local = to;
            } else if (n instanceof Node.Branch b) {
                for (int i = 0; i < b.targets.length; i++) {
                    Node.Block to = target(b.targets[i]);
                    if (to != b.targets[i] && b.opcode == Node.Branch.RETURN) b.opcode = Node.Branch.BR;
                    b.targets[i] = to;
                }
            } else if (n instanceof Node.Block block) {
                for (Node.Catch c : block.catches) c.target = target(c.target);
                for (List<Node> arm : block.arms()) {
                    for (Node m : arm) rewire(m);
                }
            }
        }

        private Node.Block target(Node.Block t) {
            if (inside.contains(t)) return t;
            Node.Block to = relabel.get(t);
            return to != null ? to : exitBlocks.get(t);
        }

        /** Creates the exit blocks (before {@link #rewire}). */
        void openExits() {
            for (Node.Block t : exits) exitBlocks.put(t, synthetic(t.labelTypes()));
        }

        /**
         * Completes the new function around {@code inner}, the moved code's container whose end is
         * exit 0 with {@code innerResults} on the stack: locals in, an exit block per exit, locals
         * back, the exit taken as the result.
         */
        void finish(Node.Block inner, List<ValType> innerResults) {
            Slots in = new Slots();
            for (Local l : viaGlobals) {
                g.root.body.add(globalGet(transfers.global(l.type, in.next(l.type))));
                g.root.body.add(local(Node.LocalOp.SET, map.get(l)));
            }
            Node.Block epilogue = synthetic(List.of());
            g.root.body.add(epilogue);
            // epilogue > x_n > … > x_1 > inner; after each block, the handler of its exit
            List<Node.Block> chain = new ArrayList<>();
            for (int j = exits.size() - 1; j >= 0; j--) chain.add(exitBlocks.get(exits.get(j)));
            chain.add(inner);
            Node.Block outer = epilogue;
            for (int k = 0; k < chain.size(); k++) {
                Node.Block block = chain.get(k);
                outer.body.add(block);
                List<ValType> carried = block == inner ? innerResults : block.type.results();
                storeValues(outer.body, carried, outSlots.copy());
                outer.body.add(i32Const(chain.size() - 1 - k));
                outer.body.add(local(Node.LocalOp.SET, code));
                if (outer != epilogue) outer.body.add(branch(Node.Branch.BR, epilogue));
                outer = block;
            }
            Slots out = new Slots();
            for (Local l : written) {
                g.root.body.add(local(Node.LocalOp.GET, map.get(l)));
                g.root.body.add(globalSet(transfers.global(l.type, out.next(l.type))));
            }
            g.root.body.add(local(Node.LocalOp.GET, code));
            place(g.root, null);
            CostModel.sum(g.root);
            created.add(g);
        }

        /**
         * The call site in the caller: {@code leadingArgs} then the locals passed, the call, the
         * locals written taken back, each exit's handler, and at the end {@code fallResults} (or
         * {@code unreachable} when the moved code never ends normally).
         */
        Node.Block site(List<Node> leadingArgs, List<ValType> fallResults, boolean falls, ExitHandler handler) {
            Node.Block site = synthetic(fallResults);
            site.atomic = true;
            Slots passIn = new Slots();
            for (Local l : viaGlobals) {
                site.body.add(local(Node.LocalOp.GET, l));
                site.body.add(globalSet(transfers.global(l.type, passIn.next(l.type))));
            }
            site.body.addAll(leadingArgs);
            for (Local l : params) site.body.add(local(Node.LocalOp.GET, l));
            site.body.add(call(g.index));
            Local exitCode = exits.isEmpty() ? null : codeLocal(f);
            site.body.add(exitCode == null ? op(CostModel.DROP, 0x1A) : local(Node.LocalOp.SET, exitCode));
            Slots back = new Slots();
            for (Local l : written) {
                site.body.add(globalGet(transfers.global(l.type, back.next(l.type))));
                site.body.add(local(Node.LocalOp.SET, l));
            }
            if (!exits.isEmpty()) site.body.add(dispatch(exitCode, handler));
            if (falls) loadValues(site.body, fallResults, outSlots.copy());
            return site;
        }

        /** Code {@code k} takes exit {@code k}'s handler; code 0 falls out. */
        private Node.Block dispatch(Local exitCode, ExitHandler handler) {
            Node.Block c0 = synthetic(List.of());
            if (exits.size() == 1) {
                c0.body.add(local(Node.LocalOp.GET, exitCode));
                c0.body.add(op(CostModel.numeric(0x45), 0x45)); // i32.eqz
                c0.body.add(branch(Node.Branch.BR_IF, c0));
                handler.handle(c0.body, exits.get(0), outSlots.copy());
                return c0;
            }
            // c0 > c1 > … > cn; br_table jumps to c_k, after which (inside c_{k-1}) comes exit k's handler
            List<Node.Block> cs = new ArrayList<>();
            cs.add(c0);
            for (int k = 1; k <= exits.size(); k++) {
                Node.Block c = synthetic(List.of());
                cs.get(k - 1).body.add(c);
                cs.add(c);
            }
            Node.Block innermost = cs.get(cs.size() - 1);
            innermost.body.add(local(Node.LocalOp.GET, exitCode));
            Node.Block[] table = new Node.Block[cs.size() + 1];
            for (int k = 0; k < cs.size(); k++) table[k] = cs.get(k);
            table[cs.size()] = c0; // default: never taken
            innermost.body.add(branch(Node.Branch.BR_TABLE, table));
            for (int k = 1; k <= exits.size(); k++) {
                handler.handle(cs.get(k - 1).body, exits.get(k - 1), outSlots.copy());
            }
            return c0;
        }

        /** The usual handler: the values the branch carries, then the branch itself. */
        void branchTo(List<Node> into, Node.Block target, Slots values) {
            loadValues(into, target.labelTypes(), values);
            into.add(branch(target == f.root ? Node.Branch.RETURN : Node.Branch.BR, target));
        }
    }

    /** Moves region {@code r} into a new function and calls it in its place. */
    private void outline(Func f, Region r) {
        List<Node> region = new ArrayList<>(r.seq.subList(r.from, r.to));
        Move m = new Move(f, region, List.of(), Map.of(), r.liveIn, r.liveOut);
        m.openExits();
        for (Node n : region) m.rewire(n);
        Node.Block inner = synthetic(r.results);
        inner.body.addAll(region);
        m.finish(inner, r.results);
        Node.Block site = m.site(List.of(), r.results, r.falls, m::branchTo);
        regions.changed(r.owner);
        r.seq.subList(r.from, r.to).clear();
        r.seq.add(r.from, site);
        site.height = 0;
        site.reachable = true;
        site.live = r.liveIn;
        place(site, r.owner);
        int siteCost = CostModel.sum(site);
        if (!r.falls) {
            // what follows was dead code after the region's last branch, and must stay so: after
            // the site's end the validator would otherwise expect it to be well typed
            Node.Op stop = op(CostModel.UNREACHABLE, 0x00);
            stop.height = 0;
            stop.reachable = true;
            stop.live = new BitSet();
            r.seq.add(r.from + 1, stop);
            siteCost += stop.cost;
        }
        for (Node.Block b = r.owner; b != null; b = b.parent) {
            b.cost += siteCost - r.cost;
        }
    }

    // ------------------------------------------------------------------ switch chains

    /**
     * Reduces a switch chain: first the code of each case on its own; then, if the switch is still
     * too large, cuts its cases into runs ({@link #chunk}).
     */
    private void reduceChain(Func f, SwitchChain c) {
        for (int k = 0; k < c.levels().size(); k++) {
            List<Node> body = c.levels().get(k).body;
            for (Node n : new ArrayList<>(body.subList(k == 0 ? 0 : 1, body.size()))) {
                if (n instanceof Node.Block b && !b.atomic) reduce(f, b);
            }
        }
        for (int k = 1; k <= c.cases(); k++) {
            Node.Block level = c.levels().get(k);
            while (cost(c.body(k)) > budget / 2) {
                Region best = regions.bestIn(level, level.body, false, loopsAbove(level), tryAbove(level), 1);
                if (best == null) break;
                regions.fill(best);
                outline(f, best);
            }
        }
        Node.Block top = c.levels().get(c.cases());
        if (top.cost > budget) {
            Node.Block replacement = chunk(f, c);
            if (replacement != null) reduce(f, replacement);
        }
    }

    private static int cost(List<Node> nodes) {
        int cost = 0;
        for (Node n : nodes) cost += n.cost;
        return cost;
    }

    private static int loopsAbove(Node.Block block) {
        int loops = 0;
        for (Node.Block b = block; b != null; b = b.parent) if (b.opcode == Node.Block.LOOP) loops++;
        return loops;
    }

    private static boolean tryAbove(Node.Block block) {
        for (Node.Block b = block; b != null; b = b.parent) if (b.opcode == Node.Block.TRY_TABLE) return true;
        return false;
    }

    /**
     * Cuts a switch's cases into runs of consecutive cases, each moved into a function of its own
     * that is entered at any of its cases: by the switch's index (the function has its own
     * {@code br_table} for the cases it holds) or, when control falls or branches from one run into
     * a later one, by case number. The switch keeps its {@code br_table}, now to one call site per
     * run: the index takes one call to reach its case, however many cases there are.
     *
     * <pre>
     * block $after                         ;; where the outermost block ended
     *   block $run_m … block $run_1
     *     (code before the br_table) local.tee $index  (entry := 0)  br_table (run of each case)
     *   end  call run_1(entry, index, locals…) …  ;; falling out: entry := first case of run 2
     *   …
     * end
     * </pre>
     *
     * @return the block that replaced the switch, or null if the switch was left as it is
     */
    private Node.Block chunk(Func f, SwitchChain c) {
        int n = c.cases();
        // runs of cases, each at most about half the budget (a run also holds its dispatch)
        List<int[]> runs = new ArrayList<>();
        int start = 1;
        int size = 0;
        for (int k = 1; k <= n; k++) {
            int body = cost(c.body(k)) + 8;
            if (k > start && size + body > budget / 2) {
                runs.add(new int[] {start, k - 1});
                start = k;
                size = 0;
            }
            size += body;
        }
        runs.add(new int[] {start, n});
        if (runs.size() > n / 2) return null; // the cases are too large to group: nothing to gain
        int[] runOf = new int[n + 2];
        for (int j = 0; j < runs.size(); j++) {
            for (int k = runs.get(j)[0]; k <= runs.get(j)[1]; k++) runOf[k] = j;
        }
        Map<Node.Block, Integer> caseOf = new IdentityHashMap<>(); // label → the case a branch to it enters
        for (int k = 1; k <= n; k++) caseOf.put(c.levels().get(k - 1), k);

        Node.Block outermost = c.levels().get(n);
        Node.Block parent = outermost.parent;
        List<Node> parentSeq =
                parent.elseBody != null && parent.elseBody.contains(outermost) ? parent.elseBody : parent.body;
        int at = indexOf(parentSeq, outermost);
        Local entry = f.newLocal(ValType.I32, false);
        entry.index = f.params.size() + f.locals.size() - 1;
        Local index = f.newLocal(ValType.I32, false);
        index.index = f.params.size() + f.locals.size() - 1;

        Node.Block after = synthetic(List.of());
        List<Node.Block> runBlocks = new ArrayList<>();
        for (int j = 0; j < runs.size(); j++) runBlocks.add(synthetic(List.of()));
        // nest: after > run_m > … > run_1; run_1 holds the code before the br_table and the br_table
        Node.Block outer = after;
        for (int j = runs.size() - 1; j >= 0; j--) {
            outer.body.add(runBlocks.get(j));
            outer = runBlocks.get(j);
        }
        Node.Block bottom = c.levels().get(0);
        List<Node> prefix = new ArrayList<>(c.prefix());
        redirect(f, prefix, caseOf, runBlocks, runOf, outermost, after, entry);
        List<Node> dispatch = runBlocks.get(0).body;
        dispatch.addAll(prefix);
        if (c.table() != null) {
            dispatch.add(local(Node.LocalOp.TEE, index));
            dispatch.add(i32Const(0));
            dispatch.add(local(Node.LocalOp.SET, entry));
            Node.Block[] targets = c.table().targets.clone();
            for (int i = 0; i < targets.length; i++) {
                Integer k = caseOf.get(targets[i]);
                if (k != null) targets[i] = runBlocks.get(runOf[k]);
                else if (targets[i] == outermost) targets[i] = after;
            }
            dispatch.add(branch(Node.Branch.BR_TABLE, targets));
            // the index is on the stack from the tee to the br_table: no region may start in between
            int[] heights = {1, 1, 2, 1};
            for (int i = 0; i < 4; i++) dispatch.get(prefix.size() + i).height = heights[i];
            runBlocks.get(0).endReachable = false;
        } else {
            // falling out of the prefix enters case 1
            boolean reachable = bottom.endReachable;
            Node one = i32Const(1);
            Node set = local(Node.LocalOp.SET, entry);
            one.reachable = reachable;
            set.reachable = reachable;
            set.height = 1;
            dispatch.add(one);
            dispatch.add(set);
            runBlocks.get(0).endReachable = reachable;
        }

        // each run: its function, and its call site after its block
        for (int j = 0; j < runs.size(); j++) {
            int first = runs.get(j)[0];
            int last = runs.get(j)[1];
            Node.Block site =
                    run(f, c, first, last, runBlocks, runOf, caseOf, after, entry, index, j == runs.size() - 1);
            List<Node> into = j + 1 < runs.size() ? runBlocks.get(j + 1).body : after.body;
            into.add(site);
        }
        parentSeq.set(at, after);
        after.height = outermost.height;
        after.reachable = outermost.reachable;
        after.endHeight = 0;
        after.endReachable = true;
        place(after, parent);
        regions.clear();
        CostModel.sum(f.root);
        Liveness.compute(f);
        return after;
    }

    /**
     * Points the prefix's branches into the switch at the runs: leaving the switch goes to
     * {@code after}; entering case {@code k} sets {@code entry} to k and branches to its run's call.
     */
    private void redirect(
            Func f,
            List<Node> seq,
            Map<Node.Block, Integer> caseOf,
            List<Node.Block> runBlocks,
            int[] runOf,
            Node.Block outermost,
            Node.Block after,
            Local entry) {
        for (int i = 0; i < seq.size(); i++) {
            Node n = seq.get(i);
            if (n instanceof Node.Block block) {
                for (List<Node> arm : block.arms()) redirect(f, arm, caseOf, runBlocks, runOf, outermost, after, entry);
            } else if (n instanceof Node.Branch b && b.opcode == Node.Branch.BR_TABLE) {
                List<Node> stubs = tableStubs(f, b, caseOf, runBlocks, runOf, outermost, after, entry);
                if (stubs != null) {
                    seq.remove(i);
                    seq.addAll(i, stubs);
                    i += stubs.size() - 1;
                }
            } else if (n instanceof Node.Branch b) {
                if (b.targets[0] == outermost) {
                    b.targets[0] = after;
                    continue;
                }
                Integer k = caseOf.get(b.targets[0]);
                if (k == null) continue;
                List<Node> stub = new ArrayList<>();
                Node set = local(Node.LocalOp.SET, entry);
                Node.Branch go = branch(Node.Branch.BR, runBlocks.get(runOf[k]));
                if (b.opcode == Node.Branch.BR) {
                    Node one = i32Const(k);
                    one.height = b.height;
                    set.height = b.height + 1;
                    go.height = b.height;
                    for (Node x : List.of(one, set, go)) x.reachable = b.reachable;
                    stub.add(one);
                    stub.add(set);
                    stub.add(go);
                } else { // br_if: the condition is on the stack
                    Node.Block when = new Node.Block(Node.Block.IF, null, FuncType.EMPTY);
                    when.height = b.height;
                    when.reachable = b.reachable;
                    Node one = i32Const(k);
                    set.height = 1;
                    when.body.add(one);
                    when.body.add(set);
                    when.body.add(go);
                    when.endReachable = false;
                    stub.add(when);
                }
                seq.remove(i);
                seq.addAll(i, stub);
                i += stub.size() - 1;
            }
        }
    }

    /**
     * A {@code br_table} of the prefix that enters cases: its case targets go to a block per case,
     * after which the code sets {@code entry} and branches to the case's run. Null if it enters none.
     */
    private List<Node> tableStubs(
            Func f,
            Node.Branch b,
            Map<Node.Block, Integer> caseOf,
            List<Node.Block> runBlocks,
            int[] runOf,
            Node.Block outermost,
            Node.Block after,
            Local entry) {
        Map<Integer, Node.Block> stubOf = new LinkedHashMap<>();
        for (int i = 0; i < b.targets.length; i++) {
            if (b.targets[i] == outermost) {
                b.targets[i] = after;
                continue;
            }
            Integer k = caseOf.get(b.targets[i]);
            if (k != null) b.targets[i] = stubOf.computeIfAbsent(k, x -> synthetic(List.of()));
        }
        if (stubOf.isEmpty()) return null;
        // outer > s_1 > … > s_p > br_table; after s_j's end: entry := k_j, branch to its run
        Node.Block outer = synthetic(List.of());
        outer.height = b.height - 1;
        outer.reachable = b.reachable;
        Node.Block current = outer;
        List<Map.Entry<Integer, Node.Block>> stubs = new ArrayList<>(stubOf.entrySet());
        for (Map.Entry<Integer, Node.Block> stub : stubs) {
            current.body.add(stub.getValue());
            Node one = i32Const(stub.getKey());
            Node set = local(Node.LocalOp.SET, entry);
            set.height = 1;
            current.body.add(one);
            current.body.add(set);
            current.body.add(branch(Node.Branch.BR, runBlocks.get(runOf[stub.getKey()])));
            current.endReachable = false;
            current = stub.getValue();
        }
        // the index waits in a temporary while the blocks open
        Local held = codeLocal(f);
        Node.LocalOp get = local(Node.LocalOp.GET, held);
        current.body.add(get);
        b.height = 1;
        current.body.add(b);
        current.endReachable = false;
        Node.LocalOp set = local(Node.LocalOp.SET, held);
        set.height = outer.height + 1;
        set.reachable = outer.reachable;
        return List.of(set, outer);
    }

    private static int indexOf(List<Node> seq, Node n) {
        for (int i = 0; i < seq.size(); i++) if (seq.get(i) == n) return i;
        throw new IllegalStateException("not in its parent");
    }

    /** Moves cases {@code first..last} into a function entered at any of them; returns its call site. */
    private Node.Block run(
            Func f,
            SwitchChain c,
            int first,
            int last,
            List<Node.Block> runBlocks,
            int[] runOf,
            Map<Node.Block, Integer> caseOf,
            Node.Block after,
            Local entry,
            Local index,
            boolean lastRun) {
        // in the new function: x > d_{last-1} > … > d_{first-1}; case k follows d_{k-1}'s end
        Node.Block x = synthetic(List.of());
        Map<Node.Block, Node.Block> relabel = new IdentityHashMap<>();
        List<Node.Block> d = new ArrayList<>(); // d.get(k - first) = d_{k-1}
        for (int k = first; k <= last; k++) {
            Node.Block dk = k == last ? x : synthetic(List.of());
            // a branch to levels[k] enters case k + 1: within the run it is d_k's end; past the last case, x's
            d.add(dk);
        }
        // d.get(i) is the block after whose end case first+i+1 starts; x ends after the last case
        List<Node> moved = new ArrayList<>();
        for (int k = first; k <= last; k++) moved.addAll(c.body(k));
        for (int k = first; k <= last; k++) relabel.put(c.levels().get(k), d.get(k - first));
        BitSet liveIn = new BitSet();
        boolean known = true;
        for (int k = first; k <= last; k++) {
            BitSet entering = c.levels().get(k - 1).liveAtLabel;
            if (entering == null) known = false;
            else liveIn.or(entering);
        }
        BitSet liveOut = c.levels().get(last).liveAtLabel;
        Move m = new Move(
                f,
                moved,
                List.of(ValType.I32, ValType.I32),
                relabel,
                known ? liveIn : null,
                liveOut == null ? null : (BitSet) liveOut.clone());
        m.openExits();
        for (Node node : moved) m.rewire(node);

        // the entry dispatch: by case number, or by the switch's index
        Node.Block entryBlock = synthetic(List.of()); // d_{first-1}: case `first` follows its end
        Node.Block byIndex = synthetic(List.of());
        entryBlock.body.add(byIndex);
        Local gEntry = m.leading.get(0);
        Local gIndex = m.leading.get(1);
        byIndex.body.add(local(Node.LocalOp.GET, gEntry));
        byIndex.body.add(op(CostModel.numeric(0x45), 0x45));
        byIndex.body.add(branch(Node.Branch.BR_IF, byIndex));
        byIndex.body.add(local(Node.LocalOp.GET, gEntry));
        if (first != 0) {
            byIndex.body.add(i32Const(first));
            byIndex.body.add(op(CostModel.numeric(0x6B), 0x6B)); // i32.sub
        }
        Node.Block[] byCase = new Node.Block[last - first + 2];
        byCase[0] = entryBlock;
        for (int k = first + 1; k <= last; k++) byCase[k - first] = d.get(k - 1 - first);
        byCase[last - first + 1] = entryBlock;
        byIndex.body.add(branch(Node.Branch.BR_TABLE, byCase));
        // by index: the part of the switch's table that leads into this run
        Node.Block[] table = c.table() != null
                ? c.table().targets
                : new Node.Block[] {c.levels().get(c.cases())};
        int lo = -1;
        int hi = -1;
        for (int i = 0; i < table.length - 1; i++) {
            Integer k = caseOf.get(table[i]);
            if (k != null && k >= first && k <= last) {
                if (lo < 0) lo = i;
                hi = i;
            }
        }
        entryBlock.body.add(local(Node.LocalOp.GET, gIndex));
        if (lo > 0) {
            entryBlock.body.add(i32Const(lo));
            entryBlock.body.add(op(CostModel.numeric(0x6B), 0x6B)); // i32.sub
        }
        int span = lo < 0 ? 0 : hi - lo + 1;
        Node.Block[] byIdx = new Node.Block[span + 1];
        for (int i = 0; i < span; i++) byIdx[i] = caseLabel(caseOf.get(table[lo + i]), first, last, entryBlock, d);
        byIdx[span] = caseLabel(caseOf.get(table[table.length - 1]), first, last, entryBlock, d);
        entryBlock.body.add(branch(Node.Branch.BR_TABLE, byIdx));
        entryBlock.endReachable = false;

        // assemble: case k's code after d_{k-1}'s end, nested outward
        Node.Block inner = entryBlock;
        for (int k = first; k <= last; k++) {
            Node.Block container = d.get(k - first);
            container.body.add(inner);
            inner.height = 0;
            container.body.addAll(c.body(k));
            Node.Block level = c.levels().get(k);
            container.endHeight = level.endHeight;
            container.endReachable = level.endReachable;
            inner = container;
        }
        m.finish(x, List.of());

        // the call site: falling out continues with the next case (in the next run)
        List<Node> args = List.of(local(Node.LocalOp.GET, entry), local(Node.LocalOp.GET, index));
        ExitHandler handler = (into, target, values) -> {
            Integer k = caseOf.get(target);
            if (target == c.levels().get(c.cases())) {
                into.add(branch(Node.Branch.BR, after));
            } else if (k != null) {
                into.add(i32Const(k));
                into.add(local(Node.LocalOp.SET, entry));
                into.add(branch(Node.Branch.BR, runBlocks.get(runOf[k])));
            } else {
                m.branchTo(into, target, values);
            }
        };
        Node.Block site = m.site(args, List.of(), true, handler);
        if (!lastRun) {
            site.body.add(i32Const(last + 1));
            site.body.add(local(Node.LocalOp.SET, entry));
        }
        return site;
    }

    /** The label in a run's function at whose end case {@code k} starts (or any, if k is elsewhere). */
    private static Node.Block caseLabel(Integer k, int first, int last, Node.Block entryBlock, List<Node.Block> d) {
        if (k == null || k < first || k > last) return entryBlock; // never taken: the switch sends it elsewhere
        return k == first ? entryBlock : d.get(k - 1 - first);
    }

    /** Sets parents and depths below {@code block}, which goes into {@code parent}. */
    private static void place(Node.Block block, Node.Block parent) {
        block.parent = parent;
        block.depth = parent == null ? 0 : parent.depth + 1;
        for (List<Node> arm : block.arms()) {
            for (Node n : arm) {
                if (n instanceof Node.Block b) place(b, block);
            }
        }
    }

    private static Local codeLocal(Func f) {
        for (Local l : f.locals) {
            if (l.scratch && l.type == ValType.I32) return l;
        }
        Local l = f.newLocal(ValType.I32, true);
        l.index = f.params.size() + f.locals.size() - 1;
        return l;
    }

    // ------------------------------------------------------------------ building code

    /** Counts transfer-global slots per type. */
    private static final class Slots {
        private final Map<ValType, Integer> next = new HashMap<>();

        int next(ValType type) {
            int slot = next.getOrDefault(type, 0);
            next.put(type, slot + 1);
            return slot;
        }

        Slots copy() {
            Slots s = new Slots();
            s.next.putAll(next);
            return s;
        }
    }

    /** Pops {@code values} (the last on top) into transfer globals after those {@code slots} took. */
    private void storeValues(List<Node> into, List<ValType> values, Slots slots) {
        int[] globals = new int[values.size()];
        for (int i = 0; i < values.size(); i++) globals[i] = transfers.global(values.get(i), slots.next(values.get(i)));
        for (int i = values.size() - 1; i >= 0; i--) into.add(globalSet(globals[i]));
    }

    private void loadValues(List<Node> into, List<ValType> values, Slots slots) {
        for (ValType v : values) into.add(globalGet(transfers.global(v, slots.next(v))));
    }

    private Node.Block synthetic(List<ValType> results) {
        Node.Block b = new Node.Block(Node.Block.BLOCK, null, new FuncType(List.of(), results));
        b.endHeight = results.size();
        return b;
    }

    private static Node.Branch branch(int opcode, Node.Block... targets) {
        Node.Branch b = new Node.Branch(opcode, targets);
        boolean backwards = false;
        for (Node.Block t : targets) backwards |= t.opcode == Node.Block.LOOP;
        b.cost = CostModel.branch(b, backwards);
        return b;
    }

    private static Node.LocalOp local(int opcode, Local l) {
        Node.LocalOp op = new Node.LocalOp(opcode, l);
        op.cost = CostModel.local(opcode, l.index);
        return op;
    }

    private static Node.Op op(int cost, int... bytes) {
        byte[] code = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) code[i] = (byte) bytes[i];
        Node.Op op = new Node.Op(code, bytes[0] == 0x00 ? Node.Op.UNCONDITIONAL : 0);
        op.cost = cost;
        return op;
    }

    private static Node.Op withIndex(int opcode, long index, int cost) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(opcode);
        Bytes.u32(out, index);
        Node.Op op = new Node.Op(out.toByteArray(), 0);
        op.cost = cost;
        return op;
    }

    private static Node.Op globalGet(int global) {
        return withIndex(0x23, global, CostModel.GLOBAL_GET);
    }

    private static Node.Op globalSet(int global) {
        return withIndex(0x24, global, CostModel.GLOBAL_SET);
    }

    private static Node.Op call(int function) {
        return withIndex(0x10, function, CostModel.call(FuncType.EMPTY));
    }

    private static Node.Op i32Const(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x41);
        Bytes.s32(out, value);
        Node.Op op = new Node.Op(out.toByteArray(), 0);
        op.cost = CostModel.CONST;
        return op;
    }
}
