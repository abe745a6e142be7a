package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.abi.StringHints;
import dev.wit4j.runtime.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * A component-level function at run time: lifted from core code of some component instance, or
 * implemented by the host. Internal.
 */
public interface ComponentFunc {

    /** A name for messages (the export path when known). */
    String name();

    /** The function's own type, or empty for an untyped host function. */
    Optional<FuncSig> signature();

    /**
     * Calls the function with arguments that already have its type (the caller checked them).
     * Traps surface as {@link dev.wit4j.runtime.Trap}.
     */
    Optional<Value> invoke(List<Value> args);

    /**
     * {@link #invoke(List)} for arguments the caller has already checked against the parameter
     * types (with {@code Value.typeCheck}): implementations may skip checking them again.
     */
    default Optional<Value> invokeChecked(List<Value> args) {
        return invoke(args);
    }

    /**
     * Calls the function from another component: {@code hints} holds the source encodings of the
     * strings in {@code args} (lifted from the caller) and receives those of the result, so that
     * strings cross with the spec's exact transcoding steps. Host functions ignore it.
     */
    default Optional<Value> invoke(List<Value> args, StringHints hints) {
        return invoke(args);
    }

    /**
     * {@link #invoke(List, StringHints)} from the core code of the component instance
     * {@code caller} (an internal instance state; null for the host), which decides what a call
     * re-enters (CanonicalABI.md {@code enter_from}).
     */
    default Optional<Value> invoke(List<Value> args, StringHints hints, Object caller) {
        return invoke(args, hints);
    }
}
