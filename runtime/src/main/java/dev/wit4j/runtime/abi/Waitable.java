package dev.wit4j.runtime.abi;

import java.util.function.Supplier;

/**
 * What {@code waitable-set.wait} and {@code .poll} wait for (CanonicalABI.md "Waitable State",
 * {@code Waitable}): the ends of streams and futures ({@link CopyEnd}). It holds at most one
 * pending event, made when it is delivered (so that it says what is true then), and belongs to at
 * most one waitable set.
 */
abstract class Waitable {

    private Supplier<Waitables.Event> pendingEvent;
    private WaitableSet set;
    boolean hasSyncWaiter;

    final void setPendingEvent(Supplier<Waitables.Event> event) {
        this.pendingEvent = event;
    }

    final boolean hasPendingEvent() {
        return pendingEvent != null;
    }

    final boolean inWaitableSet() {
        return set != null;
    }

    /** Delivers the pending event: it is made now, and the waitable has none after. */
    final Waitables.Event takePendingEvent() {
        Supplier<Waitables.Event> event = pendingEvent;
        pendingEvent = null;
        return event.get();
    }

    /** {@code Waitable.join}: leaves its set, if any, and joins {@code to} (none if null). */
    final void join(WaitableSet to) {
        if (set != null) {
            set.elements.remove(this);
        }
        set = to;
        if (to != null) {
            to.elements.add(this);
        }
    }

    /** {@code Waitable.drop}: leaves its set. */
    void drop() {
        join(null);
    }
}
