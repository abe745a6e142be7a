package dev.wit4j.runtime.abi;

import java.util.Objects;
import java.util.Optional;

/**
 * The canonical options that matter when lifting or lowering individual values
 * (CanonicalABI.md {@code LiftLowerOptions}): string encoding, memory and {@code realloc}, plus the
 * engine's limit on string lengths. {@code post-return} and {@code async} are the concern of the
 * code that drives the call.
 *
 * <p>{@code maxStringByteLength} is CanonicalABI.md's {@code MAX_STRING_BYTE_LENGTH} (2^28-1) unless
 * the engine was configured otherwise (at most 2^31-1, wasmtime's limit). A string whose byte length
 * in its source encoding exceeds it traps when lifted. Above the spec's value the spec's guarantee
 * that storing a string never asks {@code realloc} for more than 2^32-1 bytes no longer follows, so
 * then, as in wasmtime, every allocation made to store a string must not exceed the limit either.
 *
 * <p>Validation guarantees that {@code memory} is present whenever a type needs it and
 * {@code realloc} whenever values have to be allocated in the guest; a missing option at run time
 * is a bug in the caller and raises {@link IllegalStateException}, not a trap.
 */
public record CanonicalOptions(
        StringEncoding stringEncoding,
        Optional<GuestMemory> memory,
        Optional<Realloc> realloc,
        long maxStringByteLength) {

    /** The largest {@link #maxStringByteLength} an engine accepts: 2^31-1. */
    public static final long MAX_STRING_BYTE_LENGTH_LIMIT = (1L << 31) - 1;

    /** No memory, no realloc, UTF-8: enough for types that flatten to scalars only. */
    public static final CanonicalOptions SCALARS_ONLY =
            new CanonicalOptions(StringEncoding.UTF8, Optional.empty(), Optional.empty());

    public CanonicalOptions {
        Objects.requireNonNull(stringEncoding, "stringEncoding");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(realloc, "realloc");
        if (realloc.isPresent() && memory.isEmpty()) {
            throw new IllegalArgumentException("realloc requires memory");
        }
        checkMaxStringByteLength(maxStringByteLength);
    }

    /** Options with the spec's {@code MAX_STRING_BYTE_LENGTH}. */
    public CanonicalOptions(StringEncoding stringEncoding, Optional<GuestMemory> memory, Optional<Realloc> realloc) {
        this(stringEncoding, memory, realloc, Layout.MAX_STRING_BYTE_LENGTH);
    }

    /** These options with another string length limit. */
    public CanonicalOptions withMaxStringByteLength(long limit) {
        return new CanonicalOptions(stringEncoding, memory, realloc, limit);
    }

    /**
     * Checks a string length limit: from 0 to {@link #MAX_STRING_BYTE_LENGTH_LIMIT}.
     *
     * @throws IllegalArgumentException naming the value and the range
     */
    public static long checkMaxStringByteLength(long limit) {
        if (limit < 0 || limit > MAX_STRING_BYTE_LENGTH_LIMIT) {
            throw new IllegalArgumentException("maxStringByteLength must be between 0 and 2^31-1 ("
                    + MAX_STRING_BYTE_LENGTH_LIMIT + "), not " + limit);
        }
        return limit;
    }

    /** Whether allocations for strings are limited too (the limit is above the spec's). */
    boolean limitsAllocations() {
        return maxStringByteLength > Layout.MAX_STRING_BYTE_LENGTH;
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
