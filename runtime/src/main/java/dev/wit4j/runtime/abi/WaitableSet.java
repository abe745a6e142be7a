package dev.wit4j.runtime.abi;

import java.util.ArrayList;
import java.util.List;

/**
 * A waitable set in an instance's {@code handles} table (CanonicalABI.md "Waitable State",
 * {@code WaitableSet}), made by {@code waitable-set.new}: the waitables joined to it, in the order
 * they joined, of which the first with a pending event is the one delivered (the spec lets the
 * runtime choose; the order of joining is deterministic).
 */
final class WaitableSet {

    final List<Waitable> elements = new ArrayList<>();
    int numWaiting;

    /** The first waitable with a pending event, or null. */
    Waitable ready() {
        for (Waitable w : elements) {
            if (w.hasPendingEvent()) {
                return w;
            }
        }
        return null;
    }
}
