package dev.wit4j.runtime;

import dev.wit4j.runtime.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * A component function implemented by the host, working on dynamic {@link Value}s. Give it to a
 * {@link Linker} to satisfy a function import:
 *
 * <pre>{@code
 * linker.func("log", args -> {
 *     System.out.println(((Value.Str) args.get(0)).value());
 *     return Optional.empty();                  // the import has no result
 * });
 * }</pre>
 *
 * <p>The arguments have been lifted from the calling component and type-checked against the
 * import's type; the result is type-checked before it is lowered into the caller. Handles arrive
 * as {@link Value.Own} / {@link Value.Borrow}; use {@link HostResource#rep(Value)} to read the
 * representation of a host resource. A {@link Trap} thrown here traps the calling component; any
 * other exception propagates to the code that called into the component (and also leaves the
 * calling instance unusable, since its core code was interrupted).
 */
@FunctionalInterface
public interface HostFunction {

    /**
     * Runs the function.
     *
     * @param args the arguments, one per parameter of the import's function type
     * @return the result, or empty for a function without result
     */
    Optional<Value> call(List<Value> args);
}
