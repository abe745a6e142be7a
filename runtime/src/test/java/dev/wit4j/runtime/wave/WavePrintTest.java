package dev.wit4j.runtime.wave;

import static dev.wit4j.runtime.value.TestTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wit4j.runtime.value.ResourceHandle;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.runtime.value.ValueTypeMismatchException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WavePrintTest {

    @Test
    void scalarsWithoutAType() {
        assertEquals("18446744073709551615", Wave.print(Value.u64(-1L)));
        assertEquals("-9223372036854775808", Wave.print(Value.s64(Long.MIN_VALUE)));
        assertEquals("4294967295", Wave.print(Value.u32(4294967295L)));
        assertEquals("255", Wave.print(Value.u8(255)));
        assertEquals("65535", Wave.print(Value.u16(65535)));
        assertEquals("-128", Wave.print(Value.s8(-128)));
        assertEquals("nan", Wave.print(Value.f32(Float.intBitsToFloat(0x7fc00001))));
        assertEquals("nan", Wave.print(Value.f64(Double.NaN)));
        assertEquals("-inf", Wave.print(Value.f64(Double.NEGATIVE_INFINITY)));
        assertEquals("0.1", Wave.print(Value.f32(0.1f)));
        assertEquals("0.10000000149011612", Wave.print(Value.f64(0.1f)));
        assertEquals("true", Wave.print(Value.bool(true)));
        assertEquals("'🌊'", Wave.print(Value.character(0x1F30A)));
        assertEquals("'\\''", Wave.print(Value.character('\'')));
        assertEquals("\"a\\\"b\\\\c\\nd\\u{0}\"", Wave.print(Value.string("a\"b\\c\nd\0")));
        assertEquals("\"zwj\\u{200d}\"", Wave.print(Value.string("zwj\u200D")));
    }

    @Test
    void compoundValuesWithoutAType() {
        assertEquals("[1, 2]", Wave.print(Value.list(Value.u8(1), Value.u8(2))));
        assertEquals("[]", Wave.print(Value.list()));
        assertEquals("(1, \"a\")", Wave.print(Value.tuple(Value.u8(1), Value.string("a"))));
        assertEquals(
                "{b: 2, a: some(1)}",
                Wave.print(Value.recordBuilder()
                        .field("b", Value.u8(2))
                        .field("a", Value.some(Value.u8(1)))
                        .field("c", Value.none())
                        .build()));
        assertEquals(
                "{:}", Wave.print(Value.recordBuilder().field("c", Value.none()).build()));
        assertEquals("{write, read}", Wave.print(Value.flags("write", "read")));
        assertEquals("{}", Wave.print(Value.flags()));
        assertEquals("%ok(some(none))", Wave.print(Value.variant("ok", Value.some(Value.none()))));
        assertEquals("%inf", Wave.print(Value.enumCase("inf")));
        assertEquals("not-found", Wave.print(Value.enumCase("not-found")));
        assertEquals("ok", Wave.print(Value.ok()));
        assertEquals("err(\"e\")", Wave.print(Value.err(Value.string("e"))));
        assertEquals("[(\"k\", 1)]", Wave.print(Value.map(Map.of(Value.string("k"), Value.u8(1)))));
    }

    @Test
    void handlesPrintReadablyButNotAsWave() {
        assertEquals("own<file>#3", Wave.print(Value.own(ResourceHandle.of("file", 3))));
        assertEquals("[borrow<file>#0]", Wave.print(Value.list(Value.borrow(ResourceHandle.of("file", 0)))));
    }

    @Test
    void aTypeGivesDeclarationOrder() {
        var perms = flags("perms", "read", "write", "exec");
        assertEquals("{read, exec}", Wave.print(Value.flags("exec", "read"), perms));
        var point = record("point", "x", S32, "y", S32);
        assertEquals("{x: 1, y: 2}", Wave.print(Value.record(Map.of("y", Value.s32(2), "x", Value.s32(1))), point));
        var nested = list(option(record("w", "p", perms)));
        assertEquals(
                "[some({p: {read, write}}), none]",
                Wave.print(
                        Value.list(Value.some(Value.record(Map.of("p", Value.flags("write", "read")))), Value.none()),
                        nested));
    }

    @Test
    void printingWithATypeChecksIt() {
        var e = assertThrows(ValueTypeMismatchException.class, () -> Wave.print(Value.u8(1), STRING));
        assertEquals("expected string, found u8", e.getMessage());
    }
}
