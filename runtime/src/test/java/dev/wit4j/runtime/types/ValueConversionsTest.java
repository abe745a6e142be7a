package dev.wit4j.runtime.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wit4j.runtime.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueConversionsTest {
    @Test
    void elementsOfListsAndFixedLists() {
        List<Value> es = List.of(new Value.U32(1), new Value.U32(2));
        assertEquals(es, ValueConversions.elements(new Value.ListValue(es)));
        assertEquals(es, ValueConversions.elements(new Value.FixedList(es)));
    }

    @Test
    void checkLength() {
        List<Value> es = List.of(new Value.U8((byte) 1));
        assertSame(es, ValueConversions.checkLength(es, 1));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ValueConversions.checkLength(es, 2));
        assertEquals("a fixed-length list needs 2 elements, found 1", e.getMessage());
    }

    @Test
    void field() {
        Value.RecordValue r = Value.recordBuilder().field("a", Value.bool(true)).build();
        assertEquals(Value.bool(true), ValueConversions.field(r, "a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValueConversions.field(r, "b"));
        assertEquals("record value has no field `b`", e.getMessage());
    }

    @Test
    void resultsRoundTrip() {
        Value ok = ValueConversions.resultToValue(Result.<Integer, String>ok(7), Value.U32::new, Value.Str::new);
        assertEquals(Value.ok(new Value.U32(7)), ok);
        assertEquals(
                Result.ok(7),
                ValueConversions.<Integer, String>resultFromValue(
                        ok, v -> ((Value.U32) v).value(), v -> ((Value.Str) v).value()));
        Value err = ValueConversions.resultToValue(Result.<Integer, String>err("bad"), Value.U32::new, Value.Str::new);
        assertEquals(Value.err(new Value.Str("bad")), err);
        assertEquals(
                Result.err("bad"),
                ValueConversions.<Integer, String>resultFromValue(
                        err, v -> ((Value.U32) v).value(), v -> ((Value.Str) v).value()));
        // Payload-less sides.
        assertEquals(Value.ok(), ValueConversions.resultToValue(Result.<Void>ok(), null, null));
        assertEquals(Value.err(), ValueConversions.resultToValue(Result.<Void>err(), null, null));
        assertEquals(Result.err(), ValueConversions.<Void, Void>resultFromValue(Value.err(), null, null));
    }

    @Test
    void aNullPayloadWhereTheResultHasOneIsNamed() {
        NullPointerException ok = assertThrows(
                NullPointerException.class,
                () -> ValueConversions.resultToValue(Result.<String, String>ok(null), Value.Str::new, Value.Str::new));
        assertEquals("`ok` value of result is null", ok.getMessage());
        NullPointerException err = assertThrows(
                NullPointerException.class,
                () -> ValueConversions.resultToValue(Result.<String, String>err(null), Value.Str::new, Value.Str::new));
        assertEquals("`err` value of result is null", err.getMessage());
        NullPointerException none = assertThrows(
                NullPointerException.class, () -> ValueConversions.resultToValue(null, Value.Str::new, Value.Str::new));
        assertEquals("result is null", none.getMessage());
    }

    @Test
    void mapsRoundTripInOrder() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("z", 1);
        m.put("a", 2);
        Value v = ValueConversions.mapToValue(m, Value.Str::new, Value.S32::new);
        assertEquals(
                new Value.MapValue(List.of(
                        new Value.MapValue.Entry(new Value.Str("z"), new Value.S32(1)),
                        new Value.MapValue.Entry(new Value.Str("a"), new Value.S32(2)))),
                v);
        Map<String, Integer> back =
                ValueConversions.mapFromValue(v, k -> ((Value.Str) k).value(), x -> ((Value.S32) x).value());
        assertEquals(List.of("z", "a"), List.copyOf(back.keySet()));
        assertEquals(m, back);
    }

    @Test
    void primitiveArraysRoundTrip() {
        byte[] bytes = {1, -1};
        assertEquals(List.of(new Value.U8((byte) 1), new Value.U8((byte) -1)), ValueConversions.u8sToValue(bytes));
        assertArrayEquals(
                bytes, ValueConversions.u8sFromValue(new Value.ListValue(ValueConversions.u8sToValue(bytes))));
        assertArrayEquals(
                bytes, ValueConversions.s8sFromValue(new Value.FixedList(ValueConversions.s8sToValue(bytes))));
        short[] shorts = {3, -4};
        assertArrayEquals(
                shorts, ValueConversions.s16sFromValue(new Value.ListValue(ValueConversions.s16sToValue(shorts))));
        assertArrayEquals(
                shorts, ValueConversions.u16sFromValue(new Value.ListValue(ValueConversions.u16sToValue(shorts))));
        int[] ints = {5, -6};
        assertArrayEquals(
                ints, ValueConversions.s32sFromValue(new Value.ListValue(ValueConversions.s32sToValue(ints))));
        assertArrayEquals(
                ints, ValueConversions.u32sFromValue(new Value.ListValue(ValueConversions.u32sToValue(ints))));
        long[] longs = {7, -8};
        assertArrayEquals(
                longs, ValueConversions.s64sFromValue(new Value.ListValue(ValueConversions.s64sToValue(longs))));
        assertArrayEquals(
                longs, ValueConversions.u64sFromValue(new Value.ListValue(ValueConversions.u64sToValue(longs))));
        float[] floats = {1.5f};
        assertArrayEquals(
                floats, ValueConversions.f32sFromValue(new Value.ListValue(ValueConversions.f32sToValue(floats))));
        double[] doubles = {2.5};
        assertEquals(List.of(new Value.F64(2.5)), ValueConversions.f64sToValue(doubles));
        assertArrayEquals(
                doubles, ValueConversions.f64sFromValue(new Value.ListValue(ValueConversions.f64sToValue(doubles))));
        assertThrows(
                ClassCastException.class,
                () -> ValueConversions.u8sFromValue(new Value.ListValue(List.of(new Value.S8((byte) 0)))));
    }
}
