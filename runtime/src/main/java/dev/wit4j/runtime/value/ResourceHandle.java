package dev.wit4j.runtime.value;

import java.util.Objects;

/**
 * An opaque reference to a resource (or to a stream, future or error-context) carried inside an
 * {@link Value.Own}, {@link Value.Borrow}, {@link Value.StreamValue}, {@link Value.FutureValue}
 * or {@link Value.ErrorContextValue}.
 *
 * <p>This is a placeholder the canonical ABI layer gives meaning to: {@link #rep()} is whatever
 * that layer stores for the handle (a handle-table index or a resource representation). The
 * value model itself only carries it around and compares it.
 */
public interface ResourceHandle {

    /**
     * The name of the resource type the handle refers to, as written in WIT after following
     * aliases (for example {@code file}); for streams, futures and error-contexts the WIT spelling
     * of the type (for example {@code stream<u8>}).
     */
    String resourceType();

    /** The representation or table index; its meaning belongs to the ABI layer. */
    long rep();

    /** A plain handle with value semantics ({@code equals} compares type name and rep). */
    static ResourceHandle of(String resourceType, long rep) {
        return new Simple(resourceType, rep);
    }

    /** The default implementation behind {@link #of}. */
    record Simple(String resourceType, long rep) implements ResourceHandle {
        public Simple {
            Objects.requireNonNull(resourceType, "resourceType");
        }

        @Override
        public String toString() {
            return resourceType + "#" + rep;
        }
    }
}
