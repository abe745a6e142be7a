package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.ErrorContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The {@code handles} table of one component instance (CanonicalABI.md "Table State"): a growable
 * array whose indices are passed to core wasm as {@code i32}. Index 0 is reserved and never valid;
 * removed slots are reused (most recently freed first) before the table grows, and the table holds
 * at most {@link #MAX_LENGTH} entries.
 *
 * <p>Besides the raw table operations it offers the resource operations of the spec: lifting and
 * lowering of {@code own} / {@code borrow} handles and the {@code resource.new}, {@code resource.rep}
 * and {@code resource.drop} built-ins, and those of error contexts ({@link ErrorContext}) and
 * waitable sets ({@code WaitableSet}), which share the index space.
 *
 * <p>Not thread-safe: a component instance runs one call at a time.
 */
public final class HandleTable {

    /** {@code Table.MAX_LENGTH}: indices keep their high 4 bits clear. */
    public static final int MAX_LENGTH = (1 << 28) - 1;

    private final List<Object> array = new ArrayList<>();
    private int[] free = new int[8];
    private int freeCount;
    /** The most live entries: {@link #MAX_LENGTH}, or less if the host limits handles. */
    private final int maxLength;

    /** An empty table (with slot 0 reserved). */
    public HandleTable() {
        this(MAX_LENGTH);
    }

    /**
     * An empty table that holds at most {@code maxLength} live entries (at most
     * {@link #MAX_LENGTH}); adding one more traps with {@link Trap.Reason#TABLE_FULL}.
     */
    public HandleTable(int maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength " + maxLength);
        }
        this.maxLength = Math.min(maxLength, MAX_LENGTH);
        array.add(null);
    }

    // ---------------------------------------------------------------- raw table

    /** {@code Table.get}: traps unless {@code index} names a live entry. */
    Object get(int index) {
        Object e = find(index);
        if (e == null) {
            throw new Trap(Trap.Reason.UNKNOWN_HANDLE, "index " + Integer.toUnsignedString(index));
        }
        return e;
    }

    /** The live entry at {@code index}, or null if there is none. */
    Object find(int index) {
        return index < 0 || index >= array.size() ? null : array.get(index);
    }

    /** {@code Table.add}: stores {@code e} in the most recently freed slot, or appends it. */
    int add(Object e) {
        if (freeCount > 0) {
            int i = free[--freeCount];
            array.set(i, e);
            return i;
        }
        int i = array.size();
        if (i > maxLength) {
            throw maxLength == MAX_LENGTH
                    ? new Trap(Trap.Reason.TABLE_FULL)
                    : new Trap(Trap.Reason.TABLE_FULL, "the host's limit of " + maxLength + " handles is reached");
        }
        array.add(e);
        return i;
    }

    /** {@code Table.remove}: traps unless {@code index} names a live entry; frees its slot. */
    Object remove(int index) {
        Object e = get(index);
        array.set(index, null);
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = index;
        return e;
    }

    /** The number of live entries. */
    public int liveCount() {
        return array.size() - 1 - freeCount;
    }

    /** The resource handle at {@code index}; traps if there is none. */
    public ResourceEntry handle(int index) {
        return asResource(get(index), index);
    }

    /** Trap details name the handle index (as the expected trap messages of the test suites do). */
    private static String at(int index) {
        return "index " + Integer.toUnsignedString(index);
    }

    private static ResourceEntry asResource(Object e, int index) {
        if (!(e instanceof ResourceEntry h)) {
            throw new Trap(Trap.Reason.HANDLE_TYPE_MISMATCH, at(index) + " is not a resource handle");
        }
        return h;
    }

    private static void checkType(ResourceEntry h, ResourceType expected, int index) {
        if (h.type() != expected) {
            throw new Trap(
                    Trap.Reason.HANDLE_TYPE_MISMATCH,
                    at(index) + ": expected " + expected.name() + ", found "
                            + h.type().name());
        }
    }

    // ---------------------------------------------------------------- lifting and lowering

    /**
     * {@code lift_own}: removes an owned handle of type {@code rt} and returns its representation,
     * transferring ownership out of this instance. Traps if the index is not a live resource handle
     * of that type, if borrows of it are outstanding or if it is a borrow.
     */
    public int liftOwn(int index, ResourceType rt) {
        ResourceEntry h = asResource(remove(index), index);
        checkType(h, rt, index);
        if (h.numLends != 0) {
            throw new Trap(Trap.Reason.HANDLE_LENT, at(index));
        }
        if (!h.isOwn()) {
            throw new Trap(Trap.Reason.HANDLE_NOT_OWNED, at(index));
        }
        return h.rep();
    }

    /**
     * {@code lift_borrow}: returns the representation of the handle of type {@code rt} at
     * {@code index}, leaving it in place and recording it as lent for the duration of the call.
     */
    public int liftBorrow(int index, ResourceType rt, BorrowScope.Subtask scope) {
        ResourceEntry h = handle(index);
        checkType(h, rt, index);
        scope.addLender(h);
        return h.rep();
    }

    /** {@code lower_own}: adds an owned handle for {@code rep} and returns its index. */
    public int lowerOwn(int rep, ResourceType rt) {
        return add(new ResourceEntry(rt, rep, true, null));
    }

    /**
     * {@code lower_borrow}: adds a borrow handle for {@code rep}, counted in {@code scope}, and
     * returns its index. When this table belongs to the instance that implements {@code rt}
     * ({@code instance}, compared by identity) the representation itself is returned instead, as
     * the spec's optimisation prescribes.
     */
    public int lowerBorrow(int rep, ResourceType rt, BorrowScope.Task scope, Object instance) {
        if (instance != null && rt.implementer().orElse(null) == instance) {
            return rep;
        }
        ResourceEntry h = new ResourceEntry(rt, rep, false, scope);
        scope.borrowReceived();
        return add(h);
    }

    // ---------------------------------------------------------------- resource built-ins

    /** {@code canon resource.new}: adds an owned handle for a new resource and returns its index. */
    public int resourceNew(ResourceType rt, int rep) {
        return add(new ResourceEntry(rt, rep, true, null));
    }

    /** {@code canon resource.rep}: the representation of the handle at {@code index}. */
    public int resourceRep(ResourceType rt, int index) {
        ResourceEntry h = handle(index);
        checkType(h, rt, index);
        return h.rep();
    }

    /**
     * {@code canon resource.drop}: removes the handle at {@code index}. For an owned handle the
     * representation is returned and the caller must run the resource's destructor with it; for a
     * borrow the borrowing task's count is lowered and the result is empty.
     */
    public OptionalInt resourceDrop(ResourceType rt, int index) {
        ResourceEntry h = asResource(remove(index), index);
        checkType(h, rt, index);
        if (h.numLends != 0) {
            throw new Trap(Trap.Reason.HANDLE_LENT, at(index));
        }
        if (h.isOwn()) {
            return OptionalInt.of(h.rep());
        }
        h.borrowScope().borrowDropped();
        return OptionalInt.empty();
    }

    // ---------------------------------------------------------------- error contexts

    /** {@code lift_error_context}: the error context at {@code index}, left in place. */
    public ErrorContext errorContext(int index) {
        return asErrorContext(get(index), index);
    }

    /** {@code lower_error_context}: a new index for {@code context}. */
    public int addErrorContext(ErrorContext context) {
        return add(context);
    }

    /** {@code error-context.drop}: removes the error context at {@code index}. */
    public void dropErrorContext(int index) {
        asErrorContext(remove(index), index);
    }

    private static ErrorContext asErrorContext(Object e, int index) {
        if (!(e instanceof ErrorContext c)) {
            throw new Trap(Trap.Reason.HANDLE_TYPE_MISMATCH, at(index) + " is not an error-context");
        }
        return c;
    }
}
