package dev.wit4j.binary;

/**
 * A component {@code valtype}: a primitive or the index of a defined value type. The index is
 * encoded as a non-negative s33, like the type opcodes' negative SLEB128 scheme (Binary.md notes to
 * "Type Definitions").
 */
public sealed interface ComponentValType permits PrimValType, ComponentValType.Indexed {

    /**
     * {@code i:<typeidx>}.
     *
     * @param typeIndex a u32, stored unsigned; a one-byte negative s33 that is not a primitive opcode
     *     is kept as its two's-complement u32 (as wasmparser does), so validation reports it as out
     *     of bounds
     */
    record Indexed(long typeIndex) implements ComponentValType {}
}
