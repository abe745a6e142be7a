package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.value.Value;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The source encoding and length of strings lifted during one component-to-component call, so that
 * lowering them into the other component follows the spec's transcoding and allocation steps
 * exactly (CanonicalABI.md "Loading": a lifted {@code String} is {@code (str, src_encoding,
 * src_tagged_code_units)}, and {@code store_string} sizes its allocations from that hint). Give the
 * same instance to the lifting and the lowering {@link LiftLowerContext}; strings not found here
 * (for example from the host) get the host hint ({@link HintedString#forHost}).
 *
 * <p>Keyed by the identity of the lifted {@link Value.Str}; use one per call. Not thread-safe.
 */
public final class StringHints {

    private final Map<Value.Str, HintedString> hints = new IdentityHashMap<>();

    /** Remembers how {@code value} was stored where it was lifted from. */
    void remember(Value.Str value, HintedString hint) {
        hints.put(value, hint);
    }

    /** The hint for {@code value}, or null. */
    HintedString get(Value value) {
        return hints.get(value);
    }
}
