package dev.wit4j.runtime.internal.link;

/**
 * A type index space with its enclosing ones, for {@code (alias outer ct idx (type))}: a component
 * instance's frame, or the local space of an instance or component type being evaluated.
 */
interface TypeScope {

    /** The type at {@code index} of this scope. */
    RtType type(long index);

    /** The scope {@code count} levels out (0 is this one). */
    TypeScope outer(long count);

    /** The plan of the component binary whose definitions this scope evaluates. */
    ComponentPlan plan();
}
