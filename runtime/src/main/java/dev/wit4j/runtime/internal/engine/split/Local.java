package dev.wit4j.runtime.internal.engine.split;

/** A local variable of one function; its index is worked out when the function is written. */
final class Local {

    final ValType type;
    /**
     * A temporary of the splitter's own, always written before it is read where it is used: code
     * that moves into another function gets a fresh one instead of passing it along.
     */
    final boolean scratch;

    int index;

    Local(ValType type, boolean scratch) {
        this.type = type;
        this.scratch = scratch;
    }
}
