package dev.wit4j.runtime.internal.validate;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A resource type in the type index space: the resource it denotes ({@link #id()}) and the name
 * under which this index-space entry knows it ({@link #alias()}).
 *
 * <p>Each import or export of a resource type creates a new entry for the same resource (Explainer,
 * "Import and Export Definitions": an export "creates a new index"), and External Visibility of
 * Types is decided per entry: a function typed with {@code (own $R)} does not become exportable
 * because {@code (export $R' "r" (type $R))} gave the same resource another, named, entry. So
 * {@code own}/{@code borrow} remember the entry they were written with, substitution keeps the
 * alias while replacing the resource, and type equality looks at {@link #id()} only.
 */
record ResourceType(ResourceId id, long alias) implements AnyType {

    private static final AtomicLong NEXT_ALIAS = new AtomicLong();

    /** A first index-space entry for {@code id}. */
    static ResourceType of(ResourceId id) {
        return new ResourceType(id, NEXT_ALIAS.incrementAndGet());
    }

    /** A new entry for the same resource, as an import or export of the type creates. */
    ResourceType renamed() {
        return of(id);
    }

    /** The same entry with the resource replaced, as substitution needs. */
    ResourceType withId(ResourceId replacement) {
        return replacement.equals(id) ? this : new ResourceType(replacement, alias);
    }

    public String describe() {
        return "resource";
    }
}
