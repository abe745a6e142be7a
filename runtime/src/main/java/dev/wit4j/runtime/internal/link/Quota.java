package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.Limits;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.internal.engine.Budget;

/**
 * The {@link Limits} of one top-level instantiation, as the instances of its tree consume them:
 * the core engine's {@link Budget} (memory and tables), instances still allowed, handles per
 * handle table and the call timeout; and the thread the tree is confined to, if it is. Shared by
 * every instance of the tree, which runs one call (or instantiation) at a time.
 */
final class Quota {

    /** No limits, any thread. */
    static final Quota NONE = new Quota(Limits.NONE, null);

    private final Limits limits;
    /** The {@linkplain Thread#getId() id} of the only thread that may call the tree, or 0 for any. */
    private final long confinedTo;
    /** That thread's name when the tree was created, for the message refusing another thread. */
    private final String confinedToName;

    private final Budget budget;
    private final long timeoutMillis;
    private int instancesLeft;

    private Quota(Limits limits, Thread confinedTo) {
        this.limits = limits;
        this.confinedTo = confinedTo == null ? 0L : confinedTo.getId();
        this.confinedToName = confinedTo == null ? null : confinedTo.getName();
        this.budget = limits.memoryBytes() == Long.MAX_VALUE && limits.tableElements() == Long.MAX_VALUE
                ? Budget.UNLIMITED
                : new Budget(limits.memoryBytes(), limits.tableElements());
        this.timeoutMillis =
                limits.callTimeout().map(d -> Math.max(1L, d.toMillis())).orElse(0L);
        this.instancesLeft = limits.instances();
    }

    /**
     * A fresh quota for one top-level instantiation under {@code limits}, confined to the current
     * thread if {@code confined}.
     */
    static Quota of(Limits limits, boolean confined) {
        if (confined) {
            return new Quota(limits, Thread.currentThread());
        }
        return limits == Limits.NONE ? NONE : new Quota(limits, null);
    }

    /** The id of the only thread that may call the tree, or 0 if any thread may. */
    long confinedTo() {
        return confinedTo;
    }

    /** The name of the thread the tree is confined to (when it was created), or null. */
    String confinedToName() {
        return confinedToName;
    }

    Budget budget() {
        return budget;
    }

    int handles() {
        return limits.handles();
    }

    /** The call timeout in milliseconds, or 0 for none. */
    long timeoutMillis() {
        return timeoutMillis;
    }

    /** Counts one more instance (core or component), or traps if the limit is reached. */
    void countInstance(String what) {
        if (this == NONE) {
            return;
        }
        if (instancesLeft <= 0) {
            throw new Trap(
                    Trap.Reason.RESOURCE_EXHAUSTED,
                    "creating " + what + " exceeds the limit of " + limits.instances() + " instances");
        }
        instancesLeft--;
    }
}
