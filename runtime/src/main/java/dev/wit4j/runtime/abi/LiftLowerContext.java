package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.value.ErrorContext;
import dev.wit4j.runtime.value.Value;
import java.util.Objects;
import java.util.Optional;

/**
 * The ambient information of one lift or lower (CanonicalABI.md "Lifting and Lowering Context",
 * {@code LiftLowerContext}): the canonical options, the component instance's handle table and
 * identity, the borrow scope of the current call and the mapping from WIT resources to run-time
 * resource types.
 *
 * <p>The borrow scope is only needed when the types contain {@code borrow}: lowering into a callee
 * needs a {@link BorrowScope.Task}, lifting out of a caller a {@link BorrowScope.Subtask}.
 */
public final class LiftLowerContext {

    private final CanonicalOptions options;
    private final HandleTable handles;
    private final Object instance;
    private final BorrowScope borrowScope;
    private final ResourceTypes resourceTypes;
    private final StringHints stringHints;

    /**
     * A context.
     *
     * @param options the canonical options
     * @param handles the handle table of the component instance whose values are lifted or lowered
     * @param instance that instance's identity (compared with {@link ResourceType#implementer()});
     *     may be null for the host
     * @param borrowScope the call's borrow scope, or null when no {@code borrow} is involved
     * @param resourceTypes the run-time resource types of the instance
     */
    public LiftLowerContext(
            CanonicalOptions options,
            HandleTable handles,
            Object instance,
            BorrowScope borrowScope,
            ResourceTypes resourceTypes) {
        this(options, handles, instance, borrowScope, resourceTypes, null);
    }

    /**
     * A context that shares string hints with the other side of a component-to-component call:
     * strings lifted through it are remembered in {@code stringHints}, strings lowered through it
     * are stored with the remembered hint (see {@link StringHints}).
     *
     * @param stringHints the call's hints, or null for none
     */
    public LiftLowerContext(
            CanonicalOptions options,
            HandleTable handles,
            Object instance,
            BorrowScope borrowScope,
            ResourceTypes resourceTypes,
            StringHints stringHints) {
        this.stringHints = stringHints;
        this.options = Objects.requireNonNull(options, "options");
        this.handles = Objects.requireNonNull(handles, "handles");
        this.instance = instance;
        this.borrowScope = borrowScope;
        this.resourceTypes = Objects.requireNonNull(resourceTypes, "resourceTypes");
    }

    /** A context for types without resource handles: a fresh table, no instance, no borrow scope. */
    public static LiftLowerContext withoutHandles(CanonicalOptions options) {
        return new LiftLowerContext(options, new HandleTable(), null, null, ResourceTypes.none());
    }

    /** The canonical options (string encoding, memory, realloc). */
    public CanonicalOptions options() {
        return options;
    }

    /** The handle table of the component instance. */
    public HandleTable handles() {
        return handles;
    }

    /**
     * {@code lower_error_context}: adds the error context {@code v} (an {@code error-context}
     * value) carries to the instance's handle table and returns its index.
     *
     * @throws IllegalArgumentException if its handle is not an error context made by wit4j
     */
    int lowerErrorContext(Value v) {
        if (((Value.ErrorContextValue) v).handle() instanceof ErrorContext e) {
            return handles.addErrorContext(e);
        }
        throw new IllegalArgumentException("the error-context value is not an error context made by wit4j"
                + " (use ErrorContext.of): " + ((Value.ErrorContextValue) v).handle());
    }

    /** The component instance's identity, empty for the host. */
    public Optional<Object> instance() {
        return Optional.ofNullable(instance);
    }

    /** The borrow scope, if any. */
    public Optional<BorrowScope> borrowScope() {
        return Optional.ofNullable(borrowScope);
    }

    /** The mapping from WIT resources to the instance's run-time resource types. */
    public ResourceTypes resourceTypes() {
        return resourceTypes;
    }

    // ---------------------------------------------------------------- internal helpers

    /** A lifted string, remembered with its source hint when this context shares hints. */
    Value.Str lifted(HintedString h) {
        Value.Str v = Value.string(h.text());
        if (stringHints != null) {
            stringHints.remember(v, h);
        }
        return v;
    }

    /** The hint to lower {@code v} with: the remembered source hint, else the host hint. */
    HintedString hintFor(Value v) {
        HintedString h = stringHints == null ? null : stringHints.get(v);
        return h != null ? h : HintedString.forHost(((Value.Str) v).value(), options.stringEncoding());
    }

    /** The remembered source hint of {@code v}, or null. */
    HintedString rememberedHint(Value v) {
        return stringHints == null ? null : stringHints.get(v);
    }

    GuestMemory memory() {
        return options.requireMemory();
    }

    Object instanceOrNull() {
        return instance;
    }

    BorrowScope.Task task() {
        if (borrowScope instanceof BorrowScope.Task t) {
            return t;
        }
        throw new IllegalStateException("lowering a borrow needs a BorrowScope.Task in the context");
    }

    BorrowScope.Subtask subtask() {
        if (borrowScope instanceof BorrowScope.Subtask s) {
            return s;
        }
        throw new IllegalStateException("lifting a borrow needs a BorrowScope.Subtask in the context");
    }

    /** {@code LiftLowerContext.reallocate}; the result is read as an unsigned 32-bit address. */
    long reallocate(long oldPointer, long oldSize, long alignment, long newSize) {
        return options.requireRealloc().realloc(oldPointer, oldSize, alignment, newSize) & 0xFFFF_FFFFL;
    }

    /** {@code LiftLowerContext.allocate}. */
    long allocate(long alignment, long size) {
        return reallocate(0, 0, alignment, size);
    }
}
