package dev.wit4j.runtime.abi;

/**
 * A core WebAssembly number type used to pass a flattened component value (CanonicalABI.md
 * "Flattening").
 *
 * <p>Flat values are carried in a {@code long[]} with one element per flat value: an {@code i32}
 * or {@code f32} in the low 32 bits (this layer always writes them zero-extended and ignores the
 * high bits when reading), an {@code i64} as is, an {@code f32} / {@code f64} as their raw IEEE bit
 * patterns ({@link Float#floatToRawIntBits}, {@link Double#doubleToRawLongBits}).
 */
public enum FlatType {
    /** {@code i32}: booleans, integers up to 32 bits, chars, flags, handles, pointers, lengths. */
    I32("i32"),
    /** {@code i64}: 64-bit integers and joined variant slots. */
    I64("i64"),
    /** {@code f32}. */
    F32("f32"),
    /** {@code f64}. */
    F64("f64");

    private final String text;

    FlatType(String text) {
        this.text = text;
    }

    /**
     * The smallest flat type both {@code a} and {@code b} can be bit-cast into, used to merge the
     * payloads of variant cases ({@code join} in "Flattening").
     */
    public static FlatType join(FlatType a, FlatType b) {
        if (a == b) {
            return a;
        }
        if ((a == I32 && b == F32) || (a == F32 && b == I32)) {
            return I32;
        }
        return I64;
    }

    /** The lower-case core type name, e.g. {@code i32}. */
    @Override
    public String toString() {
        return text;
    }
}
