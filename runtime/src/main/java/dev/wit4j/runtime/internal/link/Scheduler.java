package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.Trap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The event loop of the instances of one top-level instantiation (CanonicalABI.md "Embedding",
 * {@code Store.waiting} and {@code Store.tick}): the tasks waiting between two calls of their
 * callback. Whoever waits for something — the host for the result of an {@code async}-lifted
 * export, a task blocked in {@code waitable-set.wait} or a synchronous call — runs the waiting
 * tasks that are ready, one at a time, on its own thread, until what it waits for has happened;
 * if none is ready, nothing ever will be, and that is a deadlock. Tasks are tried in the order they
 * began to wait (the spec lets the runtime choose).
 */
final class Scheduler {

    /** Something that waits to run: a parked task, or a call waiting for backpressure to end. */
    interface Waiter {
        InstanceState instance();

        boolean ready();

        /** Runs it: entering its instance is its own affair. */
        void run();
    }

    private final List<Waiter> waiting = new ArrayList<>();

    /**
     * How many {@code async}-lowered calls are running their callee on this thread's stack. In the
     * spec a callee that blocks gives control back to such a caller, which goes on; here it blocks
     * on its caller's stack (the runtime gives no task a stack of its own), so a wait that nothing
     * can end there may be one the caller would have ended.
     */
    int asyncCalls;

    /**
     * What the calls running on this thread's stack entered, innermost last: all of them are left
     * while a task among them blocks (in the spec each would have returned to its caller, which
     * waits in turn), so that the ready tasks can enter.
     */
    final List<List<InstanceState>> active = new ArrayList<>();

    /** Resumptions after which a wait where the caller would go on is taken for one it never ends. */
    private static final long LIVELOCK_STEPS = 100_000;

    void park(Waiter waiter) {
        waiting.add(waiter);
    }

    /** Takes {@code waiter} out of the loop (it will not run); false if it was not in it. */
    boolean remove(Waiter waiter) {
        return waiting.remove(waiter);
    }

    /**
     * Runs ready tasks until {@code done} holds.
     *
     * @throws Trap if it does not hold and no task is ready (a deadlock)
     */
    void runUntil(BooleanSupplier done) {
        runUntil(done, false);
    }

    /**
     * {@link #runUntil(BooleanSupplier)} for a task blocked on its caller's stack; {@code
     * callerWouldGoOn}: whether in the spec its caller would go on meanwhile (the task already
     * returned its value), so that a wait nothing here can end may be one the caller would end.
     */
    void runUntil(BooleanSupplier done, boolean callerWouldGoOn) {
        long steps = 0;
        while (!done.getAsBoolean()) {
            if ((asyncCalls > 0 || callerWouldGoOn) && ++steps > LIVELOCK_STEPS) {
                // tasks that only yield to each other while this wait's caller, which in the spec
                // would go on, cannot: what they wait for is most likely that caller
                throw needsOwnStack();
            }
            if (!runOne()) {
                if (asyncCalls > 0 || callerWouldGoOn) {
                    throw needsOwnStack();
                }
                throw new Trap(
                        Trap.Reason.INVALID_OPERATION, "deadlock detected: event loop cannot make further progress");
            }
        }
    }

    /**
     * What a task that blocks or yields on its caller's stack gets when nothing else can run but,
     * in the spec, its caller would go on (it was called through an {@code async} lower, or it
     * already returned its value).
     */
    UnsupportedOperationException needsOwnStack() {
        return new UnsupportedOperationException("not supported yet: a task blocked or yielded on its caller's stack"
                + " (called through an `async` lower, or after it returned its value), where its caller cannot go on"
                + " until it returns: tasks that block need stacks of their own");
    }

    /**
     * Resumes one waiting task that is ready (a yield, or a wait whose set has an event) and whose
     * instance may be entered; false if there is none.
     */
    boolean runOne() {
        for (int k = 0; k < waiting.size(); k++) {
            Waiter w = waiting.get(k);
            InstanceState where = w.instance();
            if (where.isPoisoned()) {
                waiting.remove(k--);
                continue;
            }
            if (w.ready() && where.mayEnterFromHost()) {
                waiting.remove(k);
                w.run();
                return true;
            }
        }
        return false;
    }
}
