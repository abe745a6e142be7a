package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.abi.BorrowScope;
import dev.wit4j.runtime.abi.Waitables;
import dev.wit4j.runtime.value.Value;
import java.util.List;
import java.util.function.Consumer;

/**
 * One call of a function lifted with the {@code async} ABI and a {@code callback} (CanonicalABI.md
 * "Tasks", {@code Task}, with its implicit thread): whether it has returned its value
 * ({@code task.return}) and, while it waits between two calls of its callback, what it waits for
 * and the context slots it left. Between callbacks it holds no stack, so waiting is a place in its
 * instance's {@link Scheduler}, not a thread.
 */
final class Task implements Scheduler.Waiter {

    /** {@code CallbackCode}. */
    static final int EXIT = 0;

    static final int YIELD = 1;
    static final int WAIT = 2;

    final LiftedFunc func;
    final BorrowScope.Task borrows = new BorrowScope.Task();
    private final Consumer<List<Value>> onResolve;
    private boolean resolved;
    private boolean exited;

    /** {@code Task.State}'s cancellation states: none, requested but not yet told, told. */
    enum Cancel {
        NONE,
        PENDING,
        DELIVERED
    }

    Cancel cancel = Cancel.NONE;

    /** While parked: {@link #YIELD} or {@link #WAIT}, and the waitable set waited on. */
    int code;

    int setIndex;
    /** The context slots the task left when it last returned to the event loop. */
    long context0;

    long context1;

    Task(LiftedFunc func, Consumer<List<Value>> onResolve) {
        this.func = func;
        this.onResolve = onResolve;
    }

    /** {@code Task.return_}: traps if the task already returned or still holds borrows. */
    void returnValues(List<Value> result) {
        if (resolved) {
            throw new Trap(Trap.Reason.INVALID_OPERATION, "task.return called after the task already returned");
        }
        borrows.checkAllBorrowsDropped();
        resolved = true;
        onResolve.accept(result);
    }

    boolean resolved() {
        return resolved;
    }

    /**
     * {@code Task.cancel} ({@code task.cancel}): the task confirms a cancellation it was told of,
     * returning no value.
     */
    void confirmCancel() {
        if (cancel != Cancel.DELIVERED || resolved) {
            throw new Trap(
                    Trap.Reason.INVALID_OPERATION,
                    resolved
                            ? "task.cancel called after the task already returned"
                            : "task.cancel called before cancellation was delivered to the task");
        }
        borrows.checkAllBorrowsDropped();
        resolved = true;
        onResolve.accept(null);
    }

    /**
     * {@code Task.deliver_pending_cancel}: at a wait that accepts cancellation, a pending request
     * is told (once); true if it was.
     */
    boolean deliverPendingCancel() {
        if (cancel == Cancel.PENDING) {
            cancel = Cancel.DELIVERED;
            return true;
        }
        return false;
    }

    boolean exited() {
        return exited;
    }

    /** The callback said {@code EXIT}: the task's last thread ends, which traps if it never returned. */
    void exit() {
        exited = true;
        if (!resolved) {
            throw new Trap(
                    Trap.Reason.INVALID_OPERATION,
                    "async-lifted export failed to produce a result (it exited without calling task.return)");
        }
    }

    @Override
    public InstanceState instance() {
        return func.owner();
    }

    /** Ready after a yield at once, after a wait once its set has an event. */
    @Override
    public boolean ready() {
        return code == YIELD || Waitables.hasEvent(instance().handles(), setIndex);
    }

    @Override
    public void run() {
        func.resume(this);
    }
}
