package dev.wit4j.runtime.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueTest {

    @Test
    void unsignedFactoriesTakeTheNumberAndKeepTheBits() {
        assertEquals(255, Value.u8(255).unsignedValue());
        assertEquals((byte) -1, Value.u8(255).value());
        assertEquals(65535, Value.u16(65535).unsignedValue());
        assertEquals(4294967295L, Value.u32(4294967295L).unsignedValue());
        assertEquals(-1, Value.u32(4294967295L).value());
        assertEquals(new BigInteger("18446744073709551615"), Value.u64(-1L).unsignedValue());
        assertEquals(
                "18446744073709551615",
                Value.u64(new BigInteger("18446744073709551615")).toUnsignedString());
        assertEquals(Value.u64(-1L), Value.u64(new BigInteger("18446744073709551615")));
    }

    @Test
    void factoriesRejectOutOfRangeNumbers() {
        assertThrows(IllegalArgumentException.class, () -> Value.u8(256));
        assertThrows(IllegalArgumentException.class, () -> Value.u8(-1));
        assertThrows(IllegalArgumentException.class, () -> Value.s8(128));
        assertThrows(IllegalArgumentException.class, () -> Value.s8(-129));
        assertThrows(IllegalArgumentException.class, () -> Value.s16(40000));
        assertThrows(IllegalArgumentException.class, () -> Value.u16(-1));
        assertThrows(IllegalArgumentException.class, () -> Value.u32(-1));
        assertThrows(IllegalArgumentException.class, () -> Value.u32(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> Value.u64(BigInteger.ONE.shiftLeft(64)));
        assertThrows(IllegalArgumentException.class, () -> Value.u64(BigInteger.valueOf(-1)));
        assertEquals(-128, Value.s8(-128).value());
        assertEquals(Short.MIN_VALUE, Value.s16(Short.MIN_VALUE).value());
    }

    @Test
    void charsMustBeUnicodeScalarValues() {
        assertEquals(0x1F30A, Value.character(0x1F30A).codePoint());
        assertEquals('x', Value.character('x').codePoint());
        assertThrows(IllegalArgumentException.class, () -> Value.character(0xD800));
        assertThrows(IllegalArgumentException.class, () -> Value.character(0xDFFF));
        assertThrows(IllegalArgumentException.class, () -> Value.character(0x110000));
        assertThrows(IllegalArgumentException.class, () -> Value.character(-1));
        assertEquals(0x10FFFF, Value.character(0x10FFFF).codePoint());
    }

    @Test
    void stringsRejectUnpairedSurrogates() {
        assertEquals("🌊", Value.string("🌊").value());
        assertThrows(IllegalArgumentException.class, () -> Value.string("a\uD800"));
        assertThrows(IllegalArgumentException.class, () -> Value.string("\uDC00b"));
        assertThrows(IllegalArgumentException.class, () -> Value.string("\uD800\uD800"));
        assertThrows(NullPointerException.class, () -> Value.string(null));
    }

    @Test
    void floatsCompareByBits() {
        assertEquals(Value.f64(Double.NaN), Value.f64(Double.NaN));
        assertEquals(Value.f32(Float.NaN).hashCode(), Value.f32(Float.NaN).hashCode());
        assertNotEquals(Value.f64(0.0), Value.f64(-0.0));
        assertNotEquals(Value.f32(Float.intBitsToFloat(0x7fc00001)), Value.f32(Float.NaN));
        // The payload survives: canonicalisation is the ABI's job.
        assertEquals(
                0x7fc00001,
                Float.floatToRawIntBits(
                        Value.f32(Float.intBitsToFloat(0x7fc00001)).value()));
        assertEquals(Value.f32(1.5f), Value.f32(1.5f));
    }

    @Test
    void compoundValuesHaveValueSemanticsAndAreImmutable() {
        List<Value> elements = new ArrayList<>(List.of(Value.u32(1)));
        Value.ListValue list = Value.list(elements);
        elements.add(Value.u32(2));
        assertEquals(1, list.elements().size());
        assertThrows(UnsupportedOperationException.class, () -> list.elements().add(Value.u32(3)));
        assertEquals(Value.list(Value.u32(1)), list);
        assertEquals(
                Value.tuple(Value.string("a"), Value.bool(true)), Value.tuple(Value.string("a"), Value.bool(true)));
        assertEquals(Value.some(Value.none()), Value.some(Value.none()));
        assertNotEquals(Value.some(Value.none()), Value.none());
        assertNotEquals(Value.ok(), Value.err());
        assertEquals(Value.variant("a", Value.u8(1)), new Value.VariantValue("a", Optional.of(Value.u8(1))));
        assertThrows(NullPointerException.class, () -> Value.list(Value.u8(1), null));
    }

    @Test
    void recordsKeepOrderButCompareAsMaps() {
        Value.RecordValue built = Value.recordBuilder()
                .field("b", Value.u8(2))
                .field("a", Value.u8(1))
                .build();
        assertEquals(List.of("b", "a"), List.copyOf(built.fields().keySet()));
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("a", Value.u8(1));
        m.put("b", Value.u8(2));
        assertEquals(built, Value.record(m));
        assertEquals(built.hashCode(), Value.record(m).hashCode());
        assertEquals(Optional.of(Value.u8(1)), built.field("a"));
        assertEquals(Optional.empty(), built.field("c"));
        assertThrows(UnsupportedOperationException.class, () -> built.fields().put("c", Value.u8(3)));
        assertEquals(
                Value.record(Map.of("x", Value.string("y"))),
                Value.recordBuilder().field("x", Value.string("y")).build());
    }

    @Test
    void flagsAreASetInGivenOrder() {
        Value.FlagsValue f = Value.flags("write", "read", "write");
        assertEquals(List.of("write", "read"), List.copyOf(f.flags()));
        assertEquals(Value.flags("read", "write"), f);
        assertTrue(f.isSet("read"));
        assertFalse(f.isSet("exec"));
        assertEquals(Value.flags(), Value.flags(List.of()));
    }

    @Test
    void resultsOptionsAndHandles() {
        assertTrue(Value.ok(Value.u8(1)).isOk());
        assertTrue(Value.err().isErr());
        assertEquals(
                Optional.of(Value.string("e")), Value.err(Value.string("e")).payload());
        assertTrue(Value.some(Value.u8(0)).isSome());
        assertFalse(Value.none().isSome());
        ResourceHandle h = ResourceHandle.of("file", 3);
        assertEquals(Value.own(ResourceHandle.of("file", 3)), Value.own(h));
        assertNotEquals(Value.own(h), Value.borrow(h));
        assertEquals("file", Value.borrow(h).handle().resourceType());
        assertEquals(3, Value.borrow(h).handle().rep());
    }

    @Test
    void mapsKeepEntryOrder() {
        Map<Value, Value> m = new LinkedHashMap<>();
        m.put(Value.string("b"), Value.u32(2));
        m.put(Value.string("a"), Value.u32(1));
        Value.MapValue map = Value.map(m);
        assertEquals(Value.string("b"), map.entries().get(0).key());
        assertEquals(Optional.of(Value.u32(1)), map.get(Value.string("a")));
        assertEquals(Optional.empty(), map.get(Value.string("c")));
    }

    @Test
    void kindNames() {
        assertEquals("u32", Value.u32(1).kindName());
        assertEquals("string", Value.string("").kindName());
        assertEquals("record", Value.recordBuilder().build().kindName());
        assertEquals("option", Value.none().kindName());
        assertEquals("own", Value.own(ResourceHandle.of("r", 1)).kindName());
    }

    @Test
    void unsignedToStringShowsTheNumber() {
        assertEquals("U32[4294967295]", Value.u32(4294967295L).toString());
        assertEquals("U64[18446744073709551615]", Value.u64(-1L).toString());
        assertEquals("U8[200]", Value.u8(200).toString());
    }
}
