package dev.wit4j.runtime.bindings;

/**
 * A host function working on flat core values: the body of a {@code canon lower}
 * (CanonicalABI.md {@code canon_lower}, synchronous) whose lifting and lowering is done by the
 * function itself, typically generated code. Define it with
 * {@link dev.wit4j.runtime.LinkerInstance#flatFunc}.
 *
 * <p>{@code args} are the core arguments exactly as the calling core code passed them: an
 * {@code i32} or {@code f32} in the low 32 bits of a {@code long} (floats as their bits), an
 * {@code i64} or {@code f64} in all 64. When the parameters flatten to more than
 * {@code MAX_FLAT_PARAMS} (16) values, {@code args} is one pointer to them in the caller's memory;
 * when the result flattens to more than {@code MAX_FLAT_RESULTS} (1) value, the last argument is a
 * pointer to the caller's return area, into which the function stores the result, returning no
 * values. The caller's {@code may_leave} has been checked and the borrow scope of the call is set
 * up; a {@link dev.wit4j.runtime.Trap} thrown here traps the calling component.
 */
@FunctionalInterface
public interface FlatHostFunction {

    /**
     * Runs the function.
     *
     * @param cx the caller's memory, {@code realloc}, string encoding and handle table
     * @param args the flat core arguments
     * @return the flat core results (empty, or one value)
     */
    long[] call(GuestContext cx, long[] args);
}
