package dev.wit4j.runtime.abi;

import static dev.wit4j.runtime.abi.Types.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType;
import org.junit.jupiter.api.Test;

/** The integer wrapping rules of flat lifting and the bit-casts of joined variant slots. */
class IntegerAndVariantFlatTest {

    static final LiftLowerContext CX = LiftLowerContext.withoutHandles(CanonicalOptions.SCALARS_ONLY);

    static Value lift(ValueType t, long... flat) {
        return CanonicalAbi.liftFlat(CX, new FlatCursor(flat), t);
    }

    static long[] lower(ValueType t, Value v) {
        return CanonicalAbi.lowerFlat(CX, v, t);
    }

    @Test
    void narrowIntegersIgnoreHighBits() {
        assertEquals(Value.u8(255), lift(U8, 0x1FF));
        assertEquals(Value.s8(-1), lift(S8, 0xFF));
        assertEquals(Value.s8(0x7F), lift(S8, 0xFFFF_FF7FL));
        assertEquals(Value.u16(0x8000), lift(U16, 0xABCD_8000L));
        assertEquals(Value.s16(-32768), lift(S16, 0x18000));
        assertEquals(Value.u32(0xFFFF_FFFFL), lift(U32, -1L)); // a sign-extended i32 from an engine
        assertEquals(Value.s32(-2), lift(S32, 0xFFFF_FFFEL));
        assertEquals(Value.u64(-1L), lift(U64, -1L));
    }

    @Test
    void signedIntegersLowerAsTwosComplementI32() {
        assertArrayEquals(new long[] {0xFFFF_FFFFL}, lower(S8, Value.s8(-1)));
        assertArrayEquals(new long[] {0xFFFF_8000L}, lower(S16, Value.s16(-32768)));
        assertArrayEquals(new long[] {0x8000_0000L}, lower(S32, Value.s32(Integer.MIN_VALUE)));
        assertArrayEquals(new long[] {255}, lower(U8, Value.u8(255)));
        assertArrayEquals(new long[] {0xFFFF_FFFFL}, lower(U32, Value.u32(0xFFFF_FFFFL)));
        assertArrayEquals(new long[] {-1L}, lower(S64, Value.s64(-1)));
        assertArrayEquals(new long[] {1}, lower(BOOL, Value.bool(true)));
    }

    @Test
    void joinedVariantSlotsAreBitCast() {
        ValueType r = result(Types.F32, Types.F64); // flattens to [i32, i64]
        long f32bits = Float.floatToRawIntBits(-1.5f) & 0xFFFF_FFFFL;
        assertArrayEquals(new long[] {0, f32bits}, lower(r, Value.ok(Value.f32(-1.5f))));
        assertArrayEquals(new long[] {1, Double.doubleToRawLongBits(2.0)}, lower(r, Value.err(Value.f64(2.0))));
        // lifting an f32 out of an i64 slot wraps it to 32 bits first
        assertEquals(Value.ok(Value.f32(-1.5f)), lift(r, 0, 0xDEAD_0000_0000_0000L | f32bits));
        ValueType v = variant("v", "a", U8, "b", U64, "c", null); // [i32, i64]
        assertEquals(Value.variant("a", Value.u8(0x34)), lift(v, 0, 0x1234_5678_9ABC_DE34L));
        assertArrayEquals(new long[] {2, 0}, lower(v, Value.variant("c")));
        assertArrayEquals(new long[] {0, 0xFF}, lower(v, Value.variant("a", Value.u8(255))));
        ValueType w = variant("w", "i", S32, "f", Types.F32); // [i32, i32]
        assertArrayEquals(new long[] {0, 0xFFFF_FFFFL}, lower(w, Value.variant("i", Value.s32(-1))));
        assertArrayEquals(new long[] {1, Float.floatToRawIntBits(1f)}, lower(w, Value.variant("f", Value.f32(1f))));
        assertEquals(Value.variant("f", Value.f32(1f)), lift(w, 1, Float.floatToRawIntBits(1f)));
    }

    @Test
    void shorterPayloadsArePaddedAndSkipped() {
        ValueType v = variant("p", "small", U8, "big", tuple(U64, U64, Types.F32)); // [i32, i64, i64, f32]
        long[] flat = lower(v, Value.variant("small", Value.u8(3)));
        assertArrayEquals(new long[] {0, 3, 0, 0}, flat);
        FlatCursor in = new FlatCursor(new long[] {0, 3, 99, 99, 7});
        assertEquals(Value.variant("small", Value.u8(3)), CanonicalAbi.liftFlat(CX, in, v));
        assertEquals(4, in.position());
        assertEquals(Value.u8(7), CanonicalAbi.liftFlat(CX, in, U8));
    }

    @Test
    void flagsAndEnums() {
        ValueType f = flagsOfSize(20);
        assertArrayEquals(new long[] {(1 << 19) | 1}, lower(f, Value.flags("f0", "f19")));
        assertArrayEquals(new long[] {2}, lower(enumType("e", "a", "b", "c"), Value.enumCase("c")));
        assertArrayEquals(new long[] {1, 0}, lower(option(U8), Value.some(Value.u8(0))));
    }
}
