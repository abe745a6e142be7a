package dev.wit4j.runtime.abi;

import java.util.Objects;
import java.util.Optional;

/**
 * A resource type at run time (CanonicalABI.md "Resource State", {@code ResourceType}): each
 * instantiation of a component that defines a resource creates a new one, and the host creates its
 * own. Equality is identity; two resource types with the same name are different types.
 */
public final class ResourceType {

    private final String name;
    private final Object implementer;

    /**
     * A new resource type.
     *
     * @param name a name for messages, e.g. {@code wasi:io/streams@0.2.0#input-stream}
     * @param implementer the component instance that defines the type (compared by identity with
     *     {@link LiftLowerContext#instance()}), or null for a host-defined type
     */
    public ResourceType(String name, Object implementer) {
        this.name = Objects.requireNonNull(name, "name");
        this.implementer = implementer;
    }

    /** The name given at creation, for messages only. */
    public String name() {
        return name;
    }

    /** The defining component instance; empty for a host-defined resource type. */
    public Optional<Object> implementer() {
        return Optional.ofNullable(implementer);
    }

    @Override
    public String toString() {
        return "resource " + name;
    }
}
