package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.abi.LiftedResource;
import dev.wit4j.runtime.abi.ResourceType;
import dev.wit4j.runtime.value.Value;

/** Dropping, from the host, an owned handle to a resource that a component instance implements. Internal. */
public final class HostDrops {

    private HostDrops() {}

    /**
     * Runs the destructor of the resource behind {@code handle} in its implementing instance
     * (entering it, so a poisoned or running instance traps), as {@code resource.drop} of an owned
     * handle would.
     *
     * @throws IllegalArgumentException if the handle was not lifted from a component resource
     */
    public static void drop(Value.Own handle) {
        if (!(handle.handle() instanceof LiftedResource lr)) {
            throw new IllegalArgumentException("not a handle received from a component: " + handle);
        }
        ResourceType type = lr.type();
        Object implementer = type.implementer().orElse(null);
        RuntimeResource resource = implementer instanceof InstanceState s ? s.definedResource(type) : null;
        if (resource == null) {
            throw new IllegalArgumentException(
                    "resource " + type.name() + " is implemented by the host, which drops its own handles");
        }
        resource.destroy(lr.representation(), null);
    }
}
