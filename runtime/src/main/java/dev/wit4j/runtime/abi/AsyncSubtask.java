package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.Trap;

/**
 * A call made through an {@code async} {@code canon lower} that did not finish at once, as the
 * caller's handles table holds it (CanonicalABI.md "Subtask State", {@code Subtask}): a waitable
 * whose event tells the caller how far the callee got ({@code STARTED}, {@code RETURNED}, …). The
 * borrows the caller lent to the call ({@link BorrowScope.Subtask}) are given back when the event
 * that says the call resolved is delivered.
 */
public final class AsyncSubtask extends Waitable {

    /** {@code Subtask.State}: the callee has not yet received its arguments. */
    public static final int STARTING = 0;

    /** The callee has received its arguments. */
    public static final int STARTED = 1;

    /** The callee has returned its value. */
    public static final int RETURNED = 2;

    /** Cancelled before the callee received its arguments. */
    public static final int CANCELLED_BEFORE_STARTED = 3;

    /** Cancelled after the callee received its arguments, before it returned a value. */
    public static final int CANCELLED_BEFORE_RETURNED = 4;

    private static final int SUBTASK = 1;
    private Runnable onCancel;
    private boolean cancellationRequested;

    private final BorrowScope.Subtask borrows;
    private int state = STARTING;
    private int index;
    private boolean resolveDelivered;

    /** A call that lends {@code borrows}. */
    public AsyncSubtask(BorrowScope.Subtask borrows) {
        this.borrows = borrows;
    }

    /** {@code Subtask.state}. */
    public int state() {
        return state;
    }

    /** The callee has received its arguments. */
    public void started() {
        state = STARTED;
        progress();
    }

    /** The callee has returned its value (already lowered into the caller). */
    public void returned() {
        state = RETURNED;
        progress();
    }

    /**
     * The callee confirmed a cancellation ({@code on_resolve(None)}): cancelled before or after it
     * received its arguments.
     */
    public void cancelled() {
        state = state == STARTING ? CANCELLED_BEFORE_STARTED : CANCELLED_BEFORE_RETURNED;
        progress();
    }

    /** What {@code subtask.cancel} asks of the callee ({@code OnCancel}). */
    public void onCancel(Runnable request) {
        this.onCancel = request;
    }

    /** {@code Subtask.resolved}. */
    public boolean resolved() {
        return state >= RETURNED;
    }

    /**
     * Adds the call to {@code handles} ({@code canon_lower}: the call blocked) and returns its
     * index; progress from now on is delivered as events.
     */
    public int add(HandleTable handles) {
        index = handles.add(this);
        return index;
    }

    /** {@code on_progress}: the next event says the state the call is in when it is delivered. */
    private void progress() {
        if (index == 0) {
            return; // not in a table yet: the caller learns the state from canon lower's result
        }
        setPendingEvent(() -> {
            if (resolved() && !resolveDelivered) {
                deliverResolve();
            }
            return new Waitables.Event(SUBTASK, index, state);
        });
    }

    /** {@code Subtask.deliver_resolve}: the lent borrows are given back. */
    public void deliverResolve() {
        borrows.deliverResolve();
        resolveDelivered = true;
    }

    /**
     * {@code subtask.cancel} ({@code canon_subtask_cancel}): asks the callee to hurry; returns the
     * state it resolved in (the event is delivered here), or {@link Waitables#BLOCKED} for an
     * asynchronous cancellation that is not confirmed yet. A synchronous one blocks until it is.
     */
    int cancel(boolean async, Waitables.Blocker block) {
        if (resolveDelivered) {
            throw new Trap(Trap.Reason.INVALID_OPERATION, "`subtask.cancel` called after terminal status delivered");
        }
        if (cancellationRequested) {
            throw new Trap(Trap.Reason.INVALID_OPERATION, "`subtask.cancel` called twice for one subtask");
        }
        if (inWaitableSet() && !async) {
            throw new Trap(
                    Trap.Reason.INVALID_OPERATION,
                    "waitable cannot be used synchronously while added to a waitable set");
        }
        if (!resolved()) {
            cancellationRequested = true;
            if (onCancel != null) {
                onCancel.run();
            }
            if (!resolved()) {
                if (async) {
                    return Waitables.BLOCKED;
                }
                hasSyncWaiter = true;
                block.until(this::hasPendingEvent);
                hasSyncWaiter = false;
            }
        }
        return takePendingEvent().payload();
    }

    /** {@code Subtask.drop}: traps unless the caller has learnt that the call resolved. */
    void checkDroppable() {
        if (!resolveDelivered) {
            throw new Trap(Trap.Reason.INVALID_OPERATION, "cannot drop a subtask which has not yet resolved");
        }
    }
}
