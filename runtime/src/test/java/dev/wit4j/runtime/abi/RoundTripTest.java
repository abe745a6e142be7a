package dev.wit4j.runtime.abi;

import static dev.wit4j.runtime.abi.Types.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.value.Value;
import dev.wit4j.runtime.value.ValueTypeMismatchException;
import dev.wit4j.witx.model.ValueType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** lower → lift gives the value back, for every kind of type, in memory and flat, in every encoding. */
class RoundTripTest {

    static final String[] STRINGS = {"", "hello", "héllo wörld ÿ", "€uro 中文", "smile 😀 and 𝄞", "a\u0000b"};

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        add(out, BOOL, Value.bool(true), Value.bool(false));
        add(out, U8, Value.u8(0), Value.u8(255));
        add(out, S8, Value.s8(-128), Value.s8(127));
        add(out, U16, Value.u16(65535), Value.u16(1));
        add(out, S16, Value.s16(-32768), Value.s16(300));
        add(out, U32, Value.u32(0xFFFF_FFFFL), Value.u32(7));
        add(out, S32, Value.s32(Integer.MIN_VALUE), Value.s32(-1));
        add(out, U64, Value.u64(-1L), Value.u64(1L << 63));
        add(out, S64, Value.s64(Long.MIN_VALUE), Value.s64(42));
        add(out, Types.F32, Value.f32(1.5f), Value.f32(Float.NEGATIVE_INFINITY), Value.f32(-0.0f));
        add(out, Types.F64, Value.f64(Math.PI), Value.f64(Double.MIN_VALUE), Value.f64(-0.0));
        add(
                out,
                CHAR,
                Value.character('a'),
                Value.character(0xE9),
                Value.character(0x1F600),
                Value.character(0xD7FF),
                Value.character(0xE000),
                Value.character(0x10FFFF));
        for (String s : STRINGS) {
            add(out, STRING, Value.string(s));
        }
        add(out, list(U8), Value.list(), Value.list(Value.u8(1), Value.u8(2), Value.u8(255)));
        add(out, list(Types.F32), Value.list(Value.f32(1f), Value.f32(-2.5f)));
        add(out, list(CHAR), Value.list(Value.character('x'), Value.character(0x10000)));
        add(out, list(S16), Value.list(Value.s16(-2), Value.s16(2)));
        add(out, list(BOOL), Value.list(Value.bool(true), Value.bool(false)));
        add(out, list(U64), Value.list(Value.u64(-5L), Value.u64(5L)));
        add(out, list(STRING), Value.list(Value.string("a"), Value.string("ß€😀"), Value.string("")));
        add(out, list(list(U16)), Value.list(Value.list(Value.u16(1)), Value.list()));
        add(out, fixedList(U32, 3), Value.fixedList(List.of(Value.u32(1), Value.u32(2), Value.u32(3))));
        add(out, fixedList(STRING, 2), Value.fixedList(List.of(Value.string("x€"), Value.string("y"))));
        ValueType point = record("point", "x", S32, "y", Types.F64, "label", STRING, "tag", U8);
        add(
                out,
                point,
                rec("x", Value.s32(-3), "y", Value.f64(0.25), "label", Value.string("pt 😀"), "tag", Value.u8(9)));
        add(out, tuple(U8, U64, STRING), Value.tuple(Value.u8(1), Value.u64(2), Value.string("three")));
        add(out, option(U8), Value.none(), Value.some(Value.u8(7)));
        add(out, option(STRING), Value.none(), Value.some(Value.string("opt€")));
        add(out, option(option(U64)), Value.none(), Value.some(Value.none()), Value.some(Value.some(Value.u64(3))));
        add(out, result(U32, STRING), Value.ok(Value.u32(1)), Value.err(Value.string("bad")));
        add(out, result(null, null), Value.ok(), Value.err());
        add(out, result(Types.F32, Types.F64), Value.ok(Value.f32(2.5f)), Value.err(Value.f64(-1e300)));
        add(out, result(null, U16), Value.ok(), Value.err(Value.u16(5)));
        ValueType shape =
                variant("shape", "none", null, "circle", Types.F32, "rect", tuple(Types.F32, U64), "named", STRING);
        add(
                out,
                shape,
                Value.variant("none"),
                Value.variant("circle", Value.f32(1.25f)),
                Value.variant("rect", Value.tuple(Value.f32(3f), Value.u64(-1L))),
                Value.variant("named", Value.string("näme")));
        add(out, enumType("color", "red", "green", "blue"), Value.enumCase("red"), Value.enumCase("blue"));
        add(out, enumOfSize(300), Value.enumCase("c0"), Value.enumCase("c299"));
        add(out, flags("perm", "read", "write", "exec"), Value.flags(), Value.flags("read", "exec"));
        add(out, flagsOfSize(12), Value.flags("f0", "f11"));
        add(out, flagsOfSize(32), Value.flags("f0", "f31", "f16"));
        add(
                out,
                map(STRING, U32),
                Value.map(orderedMap(Value.string("one"), Value.u32(1), Value.string("two"), Value.u32(2))));
        add(out, named("alias", list(named("inner", STRING))), Value.list(Value.string("aliased")));
        add(
                out,
                list(record("pair", "a", U8, "b", option(STRING))),
                Value.list(
                        rec("a", Value.u8(1), "b", Value.none()),
                        rec("a", Value.u8(2), "b", Value.some(Value.string("ü")))));
        return out;
    }

    static Stream<Arguments> casesInAllEncodings() {
        List<Arguments> out = new ArrayList<>();
        for (StringEncoding e : StringEncoding.values()) {
            for (Arguments a : cases()) {
                Object[] args = a.get();
                out.add(Arguments.of(e, args[0], args[1]));
            }
        }
        return out.stream();
    }

    private static void add(List<Arguments> out, ValueType t, Value... values) {
        for (Value v : values) {
            out.add(Arguments.of(t, v));
        }
    }

    static Value rec(Object... kv) {
        Value.RecordValue.Builder b = Value.recordBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            b.field((String) kv[i], (Value) kv[i + 1]);
        }
        return b.build();
    }

    static Map<Value, Value> orderedMap(Value... kv) {
        Map<Value, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("casesInAllEncodings")
    void memoryRoundTrip(StringEncoding encoding, ValueType type, Value value) {
        Mem mem = new Mem(256, 128);
        LiftLowerContext cx = mem.context(encoding);
        long ptr = Layout.alignTo(8, Layout.alignment(type));
        CanonicalAbi.store(cx, value, type, ptr);
        assertEquals(value, CanonicalAbi.load(cx, ptr, type));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("casesInAllEncodings")
    void flatRoundTrip(StringEncoding encoding, ValueType type, Value value) {
        Mem mem = new Mem(256, 8);
        LiftLowerContext cx = mem.context(encoding);
        long[] flat = CanonicalAbi.lowerFlat(cx, value, type);
        assertEquals(Layout.flatten(type).size(), flat.length);
        FlatCursor in = new FlatCursor(flat);
        assertEquals(value, CanonicalAbi.liftFlat(cx, in, type));
        assertTrue(in.done());
    }

    @ParameterizedTest
    @EnumSource(StringEncoding.class)
    void flatValuesWithinLimitArePassedDirectly(StringEncoding encoding) {
        Mem mem = new Mem();
        LiftLowerContext cx = mem.context(encoding);
        List<ValueType> types = List.of(U32, STRING, option(Types.F64));
        List<Value> values = List.of(Value.u32(5), Value.string("ok€"), Value.some(Value.f64(2)));
        long[] flat = CanonicalAbi.lowerFlatValues(cx, Layout.MAX_FLAT_PARAMS, values, types);
        assertEquals(5, flat.length);
        assertEquals(values, CanonicalAbi.liftFlatValues(cx, Layout.MAX_FLAT_PARAMS, flat, types));
    }

    @ParameterizedTest
    @EnumSource(StringEncoding.class)
    void flatValuesBeyondLimitSpillToMemory(StringEncoding encoding) {
        Mem mem = new Mem();
        LiftLowerContext cx = mem.context(encoding);
        List<ValueType> types = new ArrayList<>(Collections.<ValueType>nCopies(16, U8));
        types.add(STRING);
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            values.add(Value.u8(i));
        }
        values.add(Value.string("spilled 😀"));
        long[] flat = CanonicalAbi.lowerFlatValues(cx, Layout.MAX_FLAT_PARAMS, values, types);
        assertEquals(1, flat.length);
        // the first allocation is the tuple: 16 bytes of u8, then the string at 16, size 24, align 4
        assertEquals(List.of(0L, 4L, 24L), mem.requests().get(0));
        assertEquals(values, CanonicalAbi.liftFlatValues(cx, Layout.MAX_FLAT_PARAMS, flat, types));
    }

    @Test
    void resultBeyondOneFlatValueIsReturnedThroughMemory() {
        Mem mem = new Mem();
        LiftLowerContext cx = mem.context(StringEncoding.UTF8);
        List<ValueType> types = List.of(STRING);
        List<Value> values = List.of(Value.string("result"));
        long[] flat = CanonicalAbi.lowerFlatValues(cx, Layout.MAX_FLAT_RESULTS, values, types);
        assertEquals(1, flat.length);
        assertEquals(values, CanonicalAbi.liftFlatValues(cx, Layout.MAX_FLAT_RESULTS, flat, types));
    }

    @Test
    void resultIntoOutParam() {
        Mem mem = new Mem();
        LiftLowerContext cx = mem.context(StringEncoding.UTF8);
        List<ValueType> types = List.of(tuple(U64, U32));
        List<Value> values = List.of(Value.tuple(Value.u64(9), Value.u32(10)));
        long[] flat = CanonicalAbi.lowerFlatValues(
                cx, Layout.MAX_FLAT_RESULTS, values, types, new FlatCursor(new long[] {16}));
        assertEquals(0, flat.length);
        assertTrue(mem.calls.isEmpty(), "an out-param needs no allocation");
        assertEquals(9L, mem.memory.readLong(16));
        assertEquals(10, mem.memory.readInt(24));
        assertEquals(values, CanonicalAbi.liftFlatValues(cx, Layout.MAX_FLAT_RESULTS, new long[] {16}, types));
    }

    @Test
    void listOfU8IsCopiedAsBytes() {
        Mem mem = new Mem(4096, 64);
        LiftLowerContext cx = mem.context(StringEncoding.UTF8);
        List<Value> bytes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            bytes.add(Value.u8(i & 0xFF));
        }
        long[] flat = CanonicalAbi.lowerFlat(cx, Value.list(bytes), list(U8));
        assertEquals(List.of(List.of(0L, 1L, 1000L)), mem.requests());
        assertEquals(3, mem.memory.readByte(flat[0] + 3));
        assertEquals(Value.list(bytes), CanonicalAbi.liftFlat(cx, new FlatCursor(flat), list(U8)));
    }

    @Test
    void storedLayoutMatchesSpec() {
        Mem mem = new Mem();
        LiftLowerContext cx = mem.context(StringEncoding.UTF8);
        ValueType t = record("r", "a", U8, "b", U32, "c", option(U64));
        CanonicalAbi.store(
                cx, rec("a", Value.u8(0xAB), "b", Value.u32(0x01020304L), "c", Value.some(Value.u64(7))), t, 8);
        assertEquals((byte) 0xAB, mem.memory.readByte(8));
        assertEquals(0x01020304, mem.memory.readInt(12));
        assertEquals(1, mem.memory.readByte(16)); // discriminant of some
        assertEquals(7L, mem.memory.readLong(24)); // payload aligned to 8
    }

    @Test
    void lowerChecksTheValueType() {
        LiftLowerContext cx = new Mem().context(StringEncoding.UTF8);
        assertThrows(ValueTypeMismatchException.class, () -> CanonicalAbi.lowerFlat(cx, Value.u8(1), U32));
        assertThrows(
                ValueTypeMismatchException.class,
                () -> CanonicalAbi.store(cx, Value.enumCase("purple"), enumType("c", "red"), 0));
    }

    @Test
    void nanIsCanonicalised() {
        LiftLowerContext cx = new Mem().context(StringEncoding.UTF8);
        float oddNan = Float.intBitsToFloat(0xFFC0_1234);
        long[] flat = CanonicalAbi.lowerFlat(cx, Value.f32(oddNan), Types.F32);
        assertArrayEquals(new long[] {0x7fc00000L}, flat);
        Value lifted = CanonicalAbi.liftFlat(cx, new FlatCursor(new long[] {0xFFC0_1234L}), Types.F32);
        assertEquals(0x7fc00000, Float.floatToRawIntBits(((Value.F32) lifted).value()));
        double oddNan64 = Double.longBitsToDouble(0xFFF8_0000_0000_0001L);
        CanonicalAbi.store(cx, Value.f64(oddNan64), Types.F64, 8);
        assertEquals(
                0x7ff8000000000000L, ((ByteArrayMemory) cx.options().memory().get()).readLong(8));
        ((ByteArrayMemory) cx.options().memory().get()).writeLong(8, 0xFFF0_0000_0000_0001L);
        Value loaded = CanonicalAbi.load(cx, 8, Types.F64);
        assertEquals(0x7ff8000000000000L, Double.doubleToRawLongBits(((Value.F64) loaded).value()));
        assertEquals(
                List.of(Value.f32(Float.intBitsToFloat(0x7fc00000))),
                CanonicalAbi.liftFlatValues(cx, 1, new long[] {0x7f80_0001L}, List.of(Types.F32)));
    }
}
