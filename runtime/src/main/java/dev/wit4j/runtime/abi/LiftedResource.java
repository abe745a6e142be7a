package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.value.ResourceHandle;
import java.util.Objects;

/**
 * The handle inside the {@code Value.Own} / {@code Value.Borrow} that lifting produces: the
 * resource's representation ({@code lift_own} and {@code lift_borrow} return {@code h.rep}) together
 * with its run-time type. Lowering accepts any {@link ResourceHandle} and uses its {@link #rep()};
 * a {@code LiftedResource} is additionally checked to be of the expected type.
 *
 * @param witName the resource's name in WIT after following aliases (what
 *     {@link ResourceHandle#resourceType()} reports and type checking compares)
 * @param type the run-time resource type
 * @param representation the {@code i32} representation
 */
public record LiftedResource(String witName, ResourceType type, int representation) implements ResourceHandle {

    public LiftedResource {
        Objects.requireNonNull(witName, "witName");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String resourceType() {
        return witName;
    }

    /** The representation, zero-extended. */
    @Override
    public long rep() {
        return Integer.toUnsignedLong(representation);
    }

    @Override
    public String toString() {
        return witName + "#" + rep();
    }
}
