/**
 * The canonical ABI's primitives face, for generated bindings: the annotation processor emits,
 * per function, straight-line code that lifts and lowers Java values through these classes
 * (CanonicalABI.md "Lifting and Lowering"), with layouts and flattenings computed at compile time.
 * No reflection and no dynamic {@link dev.wit4j.runtime.value.Value} tree sits on that call path.
 *
 * <ul>
 *   <li>{@link dev.wit4j.runtime.bindings.ExportFunction}: a function exported by a component
 *       instance, called with flat core values; it keeps the entry and exit rules of
 *       {@code canon_lift} ({@code may_enter}, poisoning on a trap, the borrow check of
 *       {@code Task.return_}, {@code post-return} once after the results are read). Obtained once per
 *       instance from {@link dev.wit4j.runtime.Func#typed()}.</li>
 *   <li>{@link dev.wit4j.runtime.bindings.FlatHostFunction}: a host function that receives the flat
 *       core arguments of a {@code canon lower} together with the caller's
 *       {@link dev.wit4j.runtime.bindings.GuestContext}; defined with
 *       {@link dev.wit4j.runtime.LinkerInstance#flatFunc}.</li>
 *   <li>{@link dev.wit4j.runtime.bindings.GuestContext}: the memory, {@code realloc}, string
 *       encoding, handle table and borrow scope of one call, with bounds-checked little-endian
 *       reads and writes, string and list loading and storing, and the scalar checks (char, NaN,
 *       discriminants). Every {@code trap_if} of the spec is a {@link dev.wit4j.runtime.Trap}.</li>
 * </ul>
 *
 * <p>Hand-written code may use this package, but the dynamic API ({@link dev.wit4j.runtime.Func#call})
 * or generated bindings are the supported ways to call components: code here must follow the
 * canonical ABI's layout rules itself.
 */
package dev.wit4j.runtime.bindings;
