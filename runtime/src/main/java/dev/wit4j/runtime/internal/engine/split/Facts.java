package dev.wit4j.runtime.internal.engine.split;

import java.util.BitSet;

/** What an instruction or a block's contents do, as far as choosing regions goes. */
final class Facts {
    /** Depths of the labels outside it that it branches to (0: the function). */
    final BitSet exits = new BitSet();

    final BitSet reads = new BitSet();
    final BitSet writes = new BitSet();
    boolean stays;

    void add(Facts other) {
        exits.or(other.exits);
        reads.or(other.reads);
        writes.or(other.writes);
        stays |= other.stays;
    }
}
