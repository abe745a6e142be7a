package dev.wit4j.runtime.abi;

/**
 * The {@code realloc} canonical option: a function exported by the guest that the canonical ABI
 * calls to allocate (and resize) guest memory when it lowers strings, lists and spilled
 * parameters (CanonicalABI.md "Lifting and Lowering Context", {@code LiftLowerContext.reallocate}).
 * All arguments and the result are unsigned 32-bit values carried in a {@code long}.
 *
 * <p>The caller (the engine) is responsible for calling the core function with the spec's
 * restrictions (no re-entrance checks, {@code may_leave} cleared). The result is not trusted: the
 * canonical ABI checks its alignment and bounds itself and traps if they are wrong.
 */
@FunctionalInterface
public interface Realloc {

    /**
     * Resizes the allocation at {@code oldPointer} (of {@code oldSize} bytes; both 0 for a fresh
     * allocation) to {@code newSize} bytes aligned to {@code alignment}, returning its address.
     */
    long realloc(long oldPointer, long oldSize, long alignment, long newSize);
}
