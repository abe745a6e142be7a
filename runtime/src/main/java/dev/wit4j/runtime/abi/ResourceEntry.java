package dev.wit4j.runtime.abi;

/**
 * An entry of a {@link HandleTable} that denotes a resource (the spec's {@code ResourceHandle},
 * CanonicalABI.md "Resource State"): the resource type, its representation, whether the entry owns
 * the resource, and how many borrows are currently lent from it.
 */
public final class ResourceEntry {

    private final ResourceType type;
    private final int rep;
    private final boolean own;
    private final BorrowScope.Task borrowScope;
    int numLends;

    ResourceEntry(ResourceType type, int rep, boolean own, BorrowScope.Task borrowScope) {
        this.type = type;
        this.rep = rep;
        this.own = own;
        this.borrowScope = borrowScope;
    }

    /** The resource type; compared by identity. */
    public ResourceType type() {
        return type;
    }

    /** The representation the implementer gave to {@code resource.new} (an {@code i32}). */
    public int rep() {
        return rep;
    }

    /** Whether the entry owns the resource ({@code own}) or borrows it ({@code borrow}). */
    public boolean isOwn() {
        return own;
    }

    /**
     * How many calls currently borrow this handle ({@code num_lends}); an owned handle cannot be
     * dropped or transferred while this is non-zero.
     */
    public int numLends() {
        return numLends;
    }

    /** For a borrow, the task that received it and must drop it before returning. */
    BorrowScope.Task borrowScope() {
        return borrowScope;
    }

    @Override
    public String toString() {
        return (own ? "own " : "borrow ") + type.name() + " rep=" + rep;
    }
}
