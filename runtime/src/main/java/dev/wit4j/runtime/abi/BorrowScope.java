package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.Trap;
import java.util.ArrayList;
import java.util.List;

/**
 * The bookkeeping of {@code borrow} handles for one synchronous call, as the canonical ABI keeps it
 * in its {@code Task} (callee side) and {@code Subtask} (caller side) objects (CanonicalABI.md
 * "Tasks", "Subtask State"). A {@link LiftLowerContext} that lifts or lowers types containing
 * {@code borrow} needs one: lowering into the callee uses a {@link Task}, lifting out of the caller
 * a {@link Subtask}.
 */
public sealed interface BorrowScope permits BorrowScope.Task, BorrowScope.Subtask {

    /**
     * The callee side of a call: counts the borrow handles lowered into the callee's handle table
     * ({@code Task.num_borrows}); the callee must drop all of them before it returns.
     */
    final class Task implements BorrowScope {
        private int numBorrows;

        /** The number of borrow handles received and not yet dropped. */
        public int numBorrows() {
            return numBorrows;
        }

        void borrowReceived() {
            numBorrows++;
        }

        void borrowDropped() {
            numBorrows--;
        }

        /**
         * Traps with {@link Trap.Reason#BORROWS_OUTSTANDING} if borrow handles remain: call it when
         * the callee returns ({@code Task.return_}: {@code trap_if(self.num_borrows > 0)}).
         */
        public void checkAllBorrowsDropped() {
            if (numBorrows > 0) {
                throw new Trap(Trap.Reason.BORROWS_OUTSTANDING, numBorrows + " not dropped");
            }
        }
    }

    /**
     * The caller side of a call: remembers the handles of the caller lent as borrows to the callee
     * ({@code Subtask.lenders}), each with its {@code num_lends} raised until {@link #deliverResolve}.
     */
    final class Subtask implements BorrowScope {
        private List<ResourceEntry> lenders = new ArrayList<>();

        void addLender(ResourceEntry h) {
            if (lenders == null) {
                throw new IllegalStateException("the call has already returned");
            }
            h.numLends++;
            lenders.add(h);
        }

        /**
         * Ends the lending when the call has returned ({@code Subtask.deliver_resolve}): every lent
         * handle's {@code num_lends} is lowered again. May be called once.
         */
        public void deliverResolve() {
            if (lenders == null) {
                throw new IllegalStateException("deliverResolve called twice");
            }
            for (ResourceEntry h : lenders) {
                h.numLends--;
            }
            lenders = null;
        }

        /** The number of handles currently lent by this call. */
        public int lentCount() {
            return lenders == null ? 0 : lenders.size();
        }
    }
}
