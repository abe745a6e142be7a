package dev.wit4j.witx.model;

import java.util.Objects;
import java.util.Optional;

/** The feature gate of an item (WIT.md "Feature Gates"): none, {@code @since} or {@code @unstable}. */
public sealed interface Stability {
    /** No gate was written. */
    Stability UNKNOWN = new Unknown();

    /** No gate: the item is always available. */
    record Unknown() implements Stability {}

    /**
     * {@code @since(version = ...)}, optionally with {@code @deprecated(version = ...)}.
     */
    record Stable(Version since, Optional<Version> deprecated) implements Stability {
        public Stable {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(deprecated, "deprecated");
        }
    }

    /**
     * {@code @unstable(feature = ...)}, optionally with {@code @deprecated(version = ...)}. Such an
     * item only exists in a resolve when its feature is enabled.
     */
    record Unstable(String feature, Optional<Version> deprecated) implements Stability {
        public Unstable {
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(deprecated, "deprecated");
        }
    }
}
