package dev.wit4j.runtime.abi;

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

    private static final int SUBTASK = 1;

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

    /** {@code Subtask.drop}: traps unless the caller has learnt that the call resolved. */
    void checkDroppable() {
        if (!resolveDelivered) {
            throw new dev.wit4j.runtime.Trap(
                    dev.wit4j.runtime.Trap.Reason.INVALID_OPERATION,
                    "cannot drop a subtask which has not yet resolved");
        }
    }
}
