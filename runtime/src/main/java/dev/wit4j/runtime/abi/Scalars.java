package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;

/** Conversions of scalar values shared by memory and flat lifting and lowering. */
final class Scalars {

    /** {@code CANONICAL_FLOAT32_NAN}. */
    static final int CANONICAL_FLOAT32_NAN = 0x7fc00000;
    /** {@code CANONICAL_FLOAT64_NAN}. */
    static final long CANONICAL_FLOAT64_NAN = 0x7ff8000000000000L;

    private static final Value.U8[] U8 = new Value.U8[256];
    private static final Value.S8[] S8 = new Value.S8[256];

    static {
        for (int i = 0; i < 256; i++) {
            U8[i] = new Value.U8((byte) i);
            S8[i] = new Value.S8((byte) i);
        }
    }

    private Scalars() {}

    /** A shared {@code u8} value with these bits (avoids allocating one per list element). */
    static Value.U8 u8(byte bits) {
        return U8[bits & 0xFF];
    }

    /** A shared {@code s8} value with these bits. */
    static Value.S8 s8(byte bits) {
        return S8[bits & 0xFF];
    }

    /**
     * {@code canonicalize_nan32}: every NaN becomes the canonical NaN, so a lifted value carries no
     * NaN sign or payload ("Loading": "there is only one unique NaN value per floating-point type").
     */
    static float canonicalizeNan32(float f) {
        return Float.isNaN(f) ? Float.intBitsToFloat(CANONICAL_FLOAT32_NAN) : f;
    }

    /** {@code canonicalize_nan64}. */
    static double canonicalizeNan64(double f) {
        return Double.isNaN(f) ? Double.longBitsToDouble(CANONICAL_FLOAT64_NAN) : f;
    }

    /**
     * {@code encode_float_as_i32}: the bits of {@code f}, with a NaN lowered as the canonical NaN.
     * The spec allows any NaN here ({@code maybe_scramble_nan32}); this implementation always uses
     * the deterministic profile's choice.
     */
    static int encodeFloatAsI32(float f) {
        return Float.isNaN(f) ? CANONICAL_FLOAT32_NAN : Float.floatToRawIntBits(f);
    }

    /** {@code encode_float_as_i64}, deterministic like {@link #encodeFloatAsI32}. */
    static long encodeFloatAsI64(double f) {
        return Double.isNaN(f) ? CANONICAL_FLOAT64_NAN : Double.doubleToRawLongBits(f);
    }

    /** {@code decode_i32_as_float}. */
    static float decodeI32AsFloat(int bits) {
        return canonicalizeNan32(Float.intBitsToFloat(bits));
    }

    /** {@code decode_i64_as_float}. */
    static double decodeI64AsFloat(long bits) {
        return canonicalizeNan64(Double.longBitsToDouble(bits));
    }

    /**
     * {@code convert_i32_to_char}: traps unless the unsigned value is a Unicode scalar value (below
     * 0x110000 and not a surrogate).
     */
    static Value.Char convertI32ToChar(int i) {
        long u = Integer.toUnsignedLong(i);
        if (u >= 0x110000 || (u >= 0xD800 && u <= 0xDFFF)) {
            throw new Trap(Trap.Reason.INVALID_CHAR, "0x" + Long.toHexString(u));
        }
        return Value.character((int) u);
    }
}
