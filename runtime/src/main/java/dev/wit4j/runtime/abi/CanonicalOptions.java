package dev.wit4j.runtime.abi;

import java.util.Objects;
import java.util.Optional;

/**
 * The canonical options that matter when lifting or lowering individual values
 * (CanonicalABI.md {@code LiftLowerOptions}): string encoding, memory and {@code realloc}.
 * {@code post-return} and {@code async} are the concern of the code that drives the call.
 *
 * <p>Validation guarantees that {@code memory} is present whenever a type needs it and
 * {@code realloc} whenever values have to be allocated in the guest; a missing option at run time
 * is a bug in the caller and raises {@link IllegalStateException}, not a trap.
 */
public record CanonicalOptions(StringEncoding stringEncoding, Optional<GuestMemory> memory, Optional<Realloc> realloc) {

    /** No memory, no realloc, UTF-8: enough for types that flatten to scalars only. */
    public static final CanonicalOptions SCALARS_ONLY = new CanonicalOptions(StringEncoding.UTF8, Optional.empty(),
            Optional.empty());

    public CanonicalOptions {
        Objects.requireNonNull(stringEncoding, "stringEncoding");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(realloc, "realloc");
        if (realloc.isPresent() && memory.isEmpty()) {
            throw new IllegalArgumentException("realloc requires memory");
        }
    }

    /** Options with the given encoding and memory and, if {@code realloc} is non-null, realloc. */
    public static CanonicalOptions of(StringEncoding encoding, GuestMemory memory, Realloc realloc) {
        return new CanonicalOptions(encoding, Optional.of(memory), Optional.ofNullable(realloc));
    }

    /** The memory; throws {@link IllegalStateException} if the option is absent. */
    GuestMemory requireMemory() {
        return memory.orElseThrow(() -> new IllegalStateException("the `memory` canonical option is required"));
    }

    /** The realloc function; throws {@link IllegalStateException} if the option is absent. */
    Realloc requireRealloc() {
        return realloc.orElseThrow(() -> new IllegalStateException("the `realloc` canonical option is required"));
    }
}
