/**
 * The canonical ABI's dynamic face (CanonicalABI.md): layout of component value types in linear
 * memory and as flat core values, and lifting and lowering of {@link dev.wit4j.runtime.value.Value}s,
 * for synchronous functions (WASI 0.2 level) over 32-bit memories.
 *
 * <ul>
 *   <li>{@link dev.wit4j.runtime.abi.Layout}: {@code alignment}, {@code elem_size},
 *       {@code flatten_type}, {@code flatten_functype}, discriminant and flags sizes and the spec's
 *       limits ({@code MAX_FLAT_PARAMS}, {@code MAX_STRING_BYTE_LENGTH}, ...).</li>
 *   <li>{@link dev.wit4j.runtime.abi.CanonicalAbi}: {@code load}, {@code store}, {@code lift_flat},
 *       {@code lower_flat}, {@code lift_flat_values}, {@code lower_flat_values}.</li>
 *   <li>{@link dev.wit4j.runtime.abi.StringCodec}: strings in utf8, utf16 and latin1+utf16 with the
 *       spec's exact realloc sequence, driven by the {@link dev.wit4j.runtime.abi.HintedString}
 *       hint.</li>
 *   <li>{@link dev.wit4j.runtime.abi.HandleTable}, {@link dev.wit4j.runtime.abi.ResourceType},
 *       {@link dev.wit4j.runtime.abi.BorrowScope}: resource handles, {@code own}/{@code borrow}
 *       rules and the {@code resource.new/rep/drop} built-ins.</li>
 *   <li>{@link dev.wit4j.runtime.abi.GuestMemory} abstracts linear memory (the engine adapts its
 *       memories; {@link dev.wit4j.runtime.abi.ByteArrayMemory} is for tests).
 *       {@code realloc} is a separate canonical option ({@link dev.wit4j.runtime.abi.Realloc} in
 *       {@link dev.wit4j.runtime.abi.CanonicalOptions}), as in the spec.</li>
 * </ul>
 *
 * <p>Every {@code trap()} of the spec surfaces as {@link dev.wit4j.runtime.Trap} (in package
 * {@code dev.wit4j.runtime} because the engine and linker raise traps too); match on
 * {@link dev.wit4j.runtime.Trap#reason()}. Misuse by the host (an ill-typed value, a missing
 * canonical option) is an {@link IllegalArgumentException} or {@link IllegalStateException}, never
 * a trap.
 *
 * <p>{@code error-context} values are {@link dev.wit4j.runtime.value.ErrorContext}s, held in the same handle table as
 * resources. {@code stream} and {@code future} values are their readable ends, moved out of the
 * table when lifted and into it when lowered; the built-ins of streams, futures and waitable sets
 * are {@link dev.wit4j.runtime.abi.Waitables}. Not supported yet: async flattening, 64-bit
 * memories.
 */
package dev.wit4j.runtime.abi;
