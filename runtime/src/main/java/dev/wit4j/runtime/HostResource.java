package dev.wit4j.runtime;

import dev.wit4j.runtime.abi.LiftedResource;
import dev.wit4j.runtime.abi.ResourceType;
import dev.wit4j.runtime.internal.link.RuntimeResource;
import dev.wit4j.runtime.value.ResourceHandle;
import dev.wit4j.runtime.value.Value;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * A resource type defined by the host (CanonicalABI.md "Resource State": a {@code ResourceType}
 * whose implementation is the host). Each {@code HostResource} is a distinct type; give it to a
 * {@link Linker} to satisfy a {@code (type (sub resource))} import, and create handles with
 * {@link #own(int)} / {@link #borrow(int)} in host functions.
 *
 * <p>The representation of a handle is an {@code i32} chosen by the host (typically an index into
 * a host table of Java objects). When a component drops an owned handle, the destructor, if any,
 * runs with its representation.
 *
 * <pre>{@code
 * Map<Integer, StringBuilder> buffers = new HashMap<>();
 * HostResource buffer = HostResource.create("buffer", rep -> buffers.remove(rep));
 * linker.instance("example:buf/api").resource("buffer", buffer)
 *       .func("[constructor]buffer", args -> {
 *           int rep = buffers.size() + 1;
 *           buffers.put(rep, new StringBuilder());
 *           return Optional.of(buffer.own(rep));
 *       });
 * }</pre>
 */
public final class HostResource {

    private final RuntimeResource resource;

    private HostResource(RuntimeResource resource) {
        this.resource = resource;
    }

    /** A new resource type without destructor; {@code name} is used in messages and type checks. */
    public static HostResource create(String name) {
        return new HostResource(RuntimeResource.host(name, null));
    }

    /** A new resource type whose {@code destructor} runs when a component drops an owned handle. */
    public static HostResource create(String name, IntConsumer destructor) {
        return new HostResource(RuntimeResource.host(name, Objects.requireNonNull(destructor, "destructor")));
    }

    /** The name given at creation. */
    public String name() {
        return resource.def().name();
    }

    /** An owned handle to the resource with representation {@code rep}, to pass to a component. */
    public Value.Own own(int rep) {
        return Value.own(new LiftedResource(resource.def().name(), resource.type(), rep));
    }

    /** A borrowed handle to the resource with representation {@code rep}, to pass to a component. */
    public Value.Borrow borrow(int rep) {
        return Value.borrow(new LiftedResource(resource.def().name(), resource.type(), rep));
    }

    /**
     * The run-time resource type, for generated bindings that lift and lower handles of this
     * resource directly ({@link dev.wit4j.runtime.bindings.GuestContext#lowerOwn}).
     */
    public ResourceType type() {
        return resource.type();
    }

    /** Whether {@code handle} (an own or borrow value) is a handle of this resource type. */
    public boolean isHandle(Value handle) {
        return handle(handle) instanceof LiftedResource lr && lr.type() == resource.type();
    }

    /**
     * The representation inside an {@code own} or {@code borrow} value received from a component:
     * the {@code i32} the host (for a host resource) or the implementing component (for a guest
     * resource, its {@code resource.rep}) chose.
     */
    public static int rep(Value handle) {
        return (int) handle(handle).rep();
    }

    private static ResourceHandle handle(Value handle) {
        if (handle instanceof Value.Own o) {
            return o.handle();
        } else if (handle instanceof Value.Borrow b) {
            return b.handle();
        }
        throw new IllegalArgumentException("not a handle: " + handle.kindName());
    }

    /** The run-time resource (internal). */
    RuntimeResource runtime() {
        return resource;
    }

    @Override
    public String toString() {
        return "host resource " + name();
    }
}
