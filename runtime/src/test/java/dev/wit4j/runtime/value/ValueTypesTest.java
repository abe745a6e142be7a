package dev.wit4j.runtime.value;

import static dev.wit4j.runtime.value.TestTypes.*;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.ValueType;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    private static final ValueType PERSON = record("person", "name", STRING, "age", U8, "tags", list(STRING));
    private static final ValueType SHAPE = variant("shape", "circle", F64, "empty", null);

    private static String mismatch(Value v, ValueType t) {
        return assertThrows(ValueTypeMismatchException.class, () -> v.typeCheck(t))
                .getMessage();
    }

    @Test
    void acceptsMatchingValuesOfEveryKind() {
        assertDoesNotThrow(() -> Value.bool(true).typeCheck(BOOL));
        assertDoesNotThrow(() -> Value.s8(-1).typeCheck(S8));
        assertDoesNotThrow(() -> Value.u64(-1L).typeCheck(U64));
        assertDoesNotThrow(() -> Value.f32(1).typeCheck(F32));
        assertDoesNotThrow(() -> Value.character('c').typeCheck(CHAR));
        assertDoesNotThrow(() -> Value.list().typeCheck(list(U8)));
        assertDoesNotThrow(() ->
                Value.fixedList(java.util.List.of(Value.u8(1), Value.u8(2))).typeCheck(fixedList(U8, 2)));
        assertDoesNotThrow(() -> Value.tuple(Value.u8(1), Value.string("a")).typeCheck(tuple(U8, STRING)));
        assertDoesNotThrow(() -> person("ann", 30).typeCheck(PERSON));
        assertDoesNotThrow(() -> Value.variant("circle", Value.f64(1)).typeCheck(SHAPE));
        assertDoesNotThrow(() -> Value.variant("empty").typeCheck(SHAPE));
        assertDoesNotThrow(() -> Value.enumCase("b").typeCheck(enumType("e", "a", "b")));
        assertDoesNotThrow(() -> Value.flags("x").typeCheck(flags("f", "x", "y")));
        assertDoesNotThrow(() -> Value.some(Value.none()).typeCheck(option(option(U8))));
        assertDoesNotThrow(() -> Value.ok().typeCheck(result(null, STRING)));
        assertDoesNotThrow(() -> Value.err(Value.string("e")).typeCheck(result(null, STRING)));
        assertDoesNotThrow(() ->
                Value.map(java.util.Map.of(Value.string("k"), Value.u8(1))).typeCheck(map(STRING, U8)));
        assertDoesNotThrow(() -> Value.u8(1).typeCheck(alias("byte", U8)));
        TypeDef file = resource("file");
        assertDoesNotThrow(() -> Value.own(ResourceHandle.of("file", 1)).typeCheck(own(file)));
        assertDoesNotThrow(() -> Value.borrow(ResourceHandle.of("file", 1)).typeCheck(borrow(file)));
        // An alias made by `use` names the original resource.
        assertDoesNotThrow(
                () -> Value.own(ResourceHandle.of("file", 1)).typeCheck(own(def("f2", new ValueType.Named(file)))));
    }

    private static Value person(String name, int age) {
        return Value.recordBuilder()
                .field("name", Value.string(name))
                .field("age", Value.u8(age))
                .field("tags", Value.list())
                .build();
    }

    @Test
    void messagesNameThePath() {
        Value bad = Value.recordBuilder()
                .field("name", Value.u32(1))
                .field("age", Value.u8(1))
                .field("tags", Value.list())
                .build();
        assertEquals("field `name`: expected string, found u32", mismatch(bad, PERSON));
        Value badTag = Value.recordBuilder()
                .field("name", Value.string("a"))
                .field("age", Value.u8(1))
                .field("tags", Value.list(Value.string("x"), Value.bool(true)))
                .build();
        ValueTypeMismatchException e =
                assertThrows(ValueTypeMismatchException.class, () -> ValueTypes.check(badTag, PERSON));
        assertEquals("field `tags`, element 1: expected string, found bool", e.getMessage());
        assertEquals("field `tags`, element 1", e.path());
        assertEquals("expected string, found bool", e.reason());
        assertEquals("expected u8, found s8", mismatch(Value.s8(1), U8));
        assertEquals(
                "some, tuple element 1: expected u8, found string",
                mismatch(Value.some(Value.tuple(Value.u8(1), Value.string("x"))), option(tuple(U8, U8))));
    }

    @Test
    void messagesForCompoundMismatches() {
        assertEquals("expected record `person`, found list", mismatch(Value.list(), PERSON));
        assertEquals(
                "missing field `tags`",
                mismatch(
                        Value.recordBuilder()
                                .field("name", Value.string("a"))
                                .field("age", Value.u8(1))
                                .build(),
                        PERSON));
        Value extra = Value.recordBuilder()
                .field("name", Value.string("a"))
                .field("age", Value.u8(1))
                .field("tags", Value.list())
                .field("zzz", Value.u8(1))
                .build();
        assertEquals("unknown field `zzz`", mismatch(extra, PERSON));
        assertEquals("unknown variant case `square`", mismatch(Value.variant("square"), SHAPE));
        assertEquals("case `circle` needs a payload of type f64", mismatch(Value.variant("circle"), SHAPE));
        assertEquals(
                "case `empty` has no payload, but one was given", mismatch(Value.variant("empty", Value.u8(1)), SHAPE));
        assertEquals("unknown enum case `c` for enum `e`", mismatch(Value.enumCase("c"), enumType("e", "a")));
        assertEquals("unknown flag `z` for flags `f`", mismatch(Value.flags("z"), flags("f", "a")));
        assertEquals(
                "expected tuple<u8, u8>, found a tuple of 1 elements",
                mismatch(Value.tuple(Value.u8(1)), tuple(U8, U8)));
        assertEquals(
                "expected 2 elements, found 1",
                mismatch(Value.fixedList(java.util.List.of(Value.u8(1))), fixedList(U8, 2)));
        assertEquals("ok has no payload, but one was given", mismatch(Value.ok(Value.u8(1)), result(null, STRING)));
        assertEquals("err needs a payload of type string", mismatch(Value.err(), result(null, STRING)));
        assertEquals(
                "expected own<file>, found borrow",
                mismatch(Value.borrow(ResourceHandle.of("file", 1)), own(resource("file"))));
        assertEquals(
                "expected a handle to resource `file`, found one to `dir`",
                mismatch(Value.own(ResourceHandle.of("dir", 1)), own(resource("file"))));
        assertEquals(
                "key of entry 0: expected string, found u8",
                mismatch(Value.map(java.util.Map.of(Value.u8(1), Value.u8(1))), map(STRING, U8)));
    }

    @Test
    void describeSpellsTypesLikeWit() {
        assertEquals("list<option<string>>", ValueTypes.describe(list(option(STRING))));
        assertEquals("result", ValueTypes.describe(result(null, null)));
        assertEquals("result<u8>", ValueTypes.describe(result(U8, null)));
        assertEquals("result<_, string>", ValueTypes.describe(result(null, STRING)));
        assertEquals("result<u8, string>", ValueTypes.describe(result(U8, STRING)));
        assertEquals("tuple<u8, char>", ValueTypes.describe(tuple(U8, CHAR)));
        assertEquals("record `person`", ValueTypes.describe(PERSON));
        assertEquals("u8", ValueTypes.describe(alias("byte", U8)));
        assertEquals("list<u8, 4>", ValueTypes.describe(fixedList(U8, 4)));
        assertEquals("map<string, u32>", ValueTypes.describe(map(STRING, U32)));
        assertEquals("borrow<file>", ValueTypes.describe(borrow(resource("file"))));
    }

    @Test
    void resolveFollowsAliasesAndTurnsResourceNamesIntoOwnHandles() {
        assertEquals(U8, ValueTypes.resolve(alias("a", alias("b", U8))));
        TypeDef file = resource("file");
        assertEquals(own(file), ValueTypes.resolve(new ValueType.Named(file)));
        assertTrue(ValueTypes.matches(Value.u8(1), alias("a", U8)));
        assertFalse(ValueTypes.matches(Value.u16(1), alias("a", U8)));
    }
}
