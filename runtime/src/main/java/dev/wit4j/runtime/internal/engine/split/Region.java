package dev.wit4j.runtime.internal.engine.split;

import java.util.BitSet;
import java.util.List;

/** A candidate region: {@code seq[from, to)} of one arm of {@code owner}. */
final class Region {
    Node.Block owner;
    List<Node> seq;
    int from;
    int to;
    int cost;
    /** Whether control can leave the region at its end (false: it always branches, returns or traps). */
    boolean falls;
    /** The values the region leaves on the stack at its end. */
    List<ValType> results;

    BitSet exits;
    BitSet reads;
    BitSet writes;
    /** Locals live where the region starts, and where it may go: null if not known. */
    BitSet liveIn;

    BitSet liveOut;
    double score;
}
