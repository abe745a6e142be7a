package dev.wit4j.runtime.abi;

import static dev.wit4j.runtime.abi.FlatType.F32;
import static dev.wit4j.runtime.abi.FlatType.F64;
import static dev.wit4j.runtime.abi.FlatType.I32;
import static dev.wit4j.runtime.abi.FlatType.I64;
import static dev.wit4j.runtime.abi.Types.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.ValueType.Primitive;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Alignment, size and flattening, against values worked out by hand from CanonicalABI.md. */
class LayoutTest {

    static Stream<Arguments> table() {
        TypeDef res = resource("file");
        return Stream.of(
                // type, alignment, elem_size, flattening
                Arguments.of("bool", BOOL, 1, 1, List.of(I32)),
                Arguments.of("u8", U8, 1, 1, List.of(I32)),
                Arguments.of("s8", S8, 1, 1, List.of(I32)),
                Arguments.of("u16", U16, 2, 2, List.of(I32)),
                Arguments.of("s16", S16, 2, 2, List.of(I32)),
                Arguments.of("u32", U32, 4, 4, List.of(I32)),
                Arguments.of("s32", S32, 4, 4, List.of(I32)),
                Arguments.of("u64", U64, 8, 8, List.of(I64)),
                Arguments.of("s64", S64, 8, 8, List.of(I64)),
                Arguments.of("f32", Types.F32, 4, 4, List.of(F32)),
                Arguments.of("f64", Types.F64, 8, 8, List.of(F64)),
                Arguments.of("char", CHAR, 4, 4, List.of(I32)),
                Arguments.of("string", STRING, 4, 8, List.of(I32, I32)),
                Arguments.of("list<u8>", list(U8), 4, 8, List.of(I32, I32)),
                Arguments.of("list<u64>", list(U64), 4, 8, List.of(I32, I32)),
                Arguments.of("list<u16, 3>", fixedList(U16, 3), 2, 6, List.of(I32, I32, I32)),
                Arguments.of("list<string, 2>", fixedList(STRING, 2), 4, 16, List.of(I32, I32, I32, I32)),
                // a@0 (1), b@4 (4), c@8 (1) = 9, rounded to 12
                Arguments.of(
                        "record{u8,u32,u8}", record("r", "a", U8, "b", U32, "c", U8), 4, 12, List.of(I32, I32, I32)),
                // u8@0, u64@8 = 16
                Arguments.of("tuple<u8,u64>", tuple(U8, U64), 8, 16, List.of(I32, I64)),
                Arguments.of("tuple<u16,u8>", tuple(U16, U8), 2, 4, List.of(I32, I32)),
                // disc u8@0, payload aligned to 1 @1
                Arguments.of("option<u8>", option(U8), 1, 2, List.of(I32, I32)),
                // disc u8@0, payload aligned to 8 @8, size 16
                Arguments.of("option<u64>", option(U64), 8, 16, List.of(I32, I64)),
                Arguments.of("option<string>", option(STRING), 4, 12, List.of(I32, I32, I32)),
                Arguments.of("result<u32, f32>", result(U32, Types.F32), 4, 8, List.of(I32, I32)),
                Arguments.of("result<f32, f64>", result(Types.F32, Types.F64), 8, 16, List.of(I32, I64)),
                Arguments.of("result", result(null, null), 1, 1, List.of(I32)),
                Arguments.of("result<_, u16>", result(null, U16), 2, 4, List.of(I32, I32)),
                // payloads [i32], [f32], [f32, i64] join to [i32, i64]; c's payload is 16 bytes at 8
                Arguments.of(
                        "variant{a(u8),b(f32),c(tuple<f32,u64>)}",
                        variant("v", "a", U8, "b", Types.F32, "c", tuple(Types.F32, U64)),
                        8,
                        24,
                        List.of(I32, I32, I64)),
                Arguments.of(
                        "variant{a(f64),b(u32)}", variant("w", "a", Types.F64, "b", U32), 8, 16, List.of(I32, I64)),
                Arguments.of("variant{a,b}", variant("x", "a", null, "b", null), 1, 1, List.of(I32)),
                Arguments.of("enum{3}", enumOfSize(3), 1, 1, List.of(I32)),
                Arguments.of("enum{256}", enumOfSize(256), 1, 1, List.of(I32)),
                Arguments.of("enum{257}", enumOfSize(257), 2, 2, List.of(I32)),
                Arguments.of("flags{1}", flagsOfSize(1), 1, 1, List.of(I32)),
                Arguments.of("flags{8}", flagsOfSize(8), 1, 1, List.of(I32)),
                Arguments.of("flags{9}", flagsOfSize(9), 2, 2, List.of(I32)),
                Arguments.of("flags{16}", flagsOfSize(16), 2, 2, List.of(I32)),
                Arguments.of("flags{17}", flagsOfSize(17), 4, 4, List.of(I32)),
                Arguments.of("flags{32}", flagsOfSize(32), 4, 4, List.of(I32)),
                Arguments.of("own<file>", own(res), 4, 4, List.of(I32)),
                Arguments.of("borrow<file>", borrow(res), 4, 4, List.of(I32)),
                Arguments.of("named resource", new ValueType.Named(res), 4, 4, List.of(I32)),
                Arguments.of("map<string,u32>", map(STRING, U32), 4, 8, List.of(I32, I32)),
                // option<f64>@0 (16 bytes), char@16, total 20 rounded to 24
                Arguments.of(
                        "record{option<f64>,char}",
                        record("q", "x", option(Types.F64), "y", CHAR),
                        8,
                        24,
                        List.of(I32, F64, I32)),
                Arguments.of("alias of alias of u64", named("a", named("b", U64)), 8, 8, List.of(I64)),
                Arguments.of("option<option<u8>>", option(option(U8)), 1, 3, List.of(I32, I32, I32)),
                Arguments.of("tuple<f32, u8, f64>", tuple(Types.F32, U8, Types.F64), 8, 16, List.of(F32, I32, F64)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void layout(String label, ValueType t, int alignment, long size, List<FlatType> flat) {
        assertEquals(alignment, Layout.alignment(t), "alignment");
        assertEquals(size, Layout.elemSize(t), "elem_size");
        assertEquals(flat, Layout.flatten(t), "flatten");
        assertEquals(flat.size(), Layout.flatCount(List.of(t)), "flatCount");
    }

    @Test
    void discriminantTypes() {
        assertEquals(Primitive.U8, Layout.discriminantType(1));
        assertEquals(Primitive.U8, Layout.discriminantType(256));
        assertEquals(Primitive.U16, Layout.discriminantType(257));
        assertEquals(Primitive.U16, Layout.discriminantType(65536));
        assertEquals(Primitive.U32, Layout.discriminantType(65537));
        assertEquals(4, Layout.discriminantSize(70000));
        assertThrows(IllegalArgumentException.class, () -> Layout.discriminantType(0));
    }

    @Test
    void variantWith65537CasesUsesU32Discriminant() {
        ValueType e = enumOfSize(65537);
        assertEquals(4, Layout.alignment(e));
        assertEquals(4, Layout.elemSize(e));
    }

    @Test
    void flagsLimit() {
        assertEquals(4, Layout.flagsSize(32));
        assertThrows(IllegalArgumentException.class, () -> Layout.flagsSize(33));
        assertThrows(IllegalArgumentException.class, () -> Layout.flagsSize(0));
    }

    @Test
    void joinRules() {
        assertEquals(I32, FlatType.join(I32, I32));
        assertEquals(I32, FlatType.join(I32, F32));
        assertEquals(I32, FlatType.join(F32, I32));
        assertEquals(F32, FlatType.join(F32, F32));
        assertEquals(I64, FlatType.join(I32, I64));
        assertEquals(I64, FlatType.join(F32, F64));
        assertEquals(I64, FlatType.join(F64, I32));
        assertEquals(F64, FlatType.join(F64, F64));
    }

    @Test
    void flatCountOfHugeFixedListDoesNotBuildTheList() {
        assertEquals(1_000_000, Layout.flatCount(List.of(fixedList(U8, 1_000_000))));
        assertEquals(1_000_000, Layout.elemSize(fixedList(U8, 1_000_000)));
    }

    @Test
    void functypeWithinLimits() {
        CoreSignature sig =
                Layout.flattenFunctype(List.of(U32, Types.F64), Optional.of(U64), CoreSignature.Context.LIFT);
        assertEquals(List.of(I32, F64), sig.params());
        assertEquals(List.of(I64), sig.results());
    }

    @Test
    void functypeSpillsParamsBeyondSixteen() {
        List<ValueType> sixteen = Collections.nCopies(16, U32);
        assertEquals(
                16,
                Layout.flattenFunctype(sixteen, Optional.empty(), CoreSignature.Context.LIFT)
                        .params()
                        .size());
        List<ValueType> seventeen = Collections.nCopies(17, U32);
        CoreSignature sig = Layout.flattenFunctype(seventeen, Optional.empty(), CoreSignature.Context.LIFT);
        assertEquals(List.of(I32), sig.params());
        assertEquals(List.of(), sig.results());
        // a string counts as two
        List<ValueType> eightStrings = Collections.nCopies(8, STRING);
        assertEquals(
                16,
                Layout.flattenFunctype(eightStrings, Optional.empty(), CoreSignature.Context.LOWER)
                        .params()
                        .size());
    }

    @Test
    void functypeResultsBeyondOne() {
        CoreSignature lift = Layout.flattenFunctype(List.of(U8), Optional.of(STRING), CoreSignature.Context.LIFT);
        assertEquals(List.of(I32), lift.params());
        assertEquals(List.of(I32), lift.results());
        CoreSignature lower = Layout.flattenFunctype(List.of(U8), Optional.of(STRING), CoreSignature.Context.LOWER);
        assertEquals(List.of(I32, I32), lower.params());
        assertEquals(List.of(), lower.results());
        CoreSignature spilledBoth = Layout.flattenFunctype(
                Collections.nCopies(17, U8), Optional.of(tuple(U8, U8)), CoreSignature.Context.LOWER);
        assertEquals(List.of(I32, I32), spilledBoth.params());
    }

    @Test
    void alignTo() {
        assertEquals(0, Layout.alignTo(0, 8));
        assertEquals(8, Layout.alignTo(1, 8));
        assertEquals(8, Layout.alignTo(8, 8));
        assertEquals(6, Layout.alignTo(5, 2));
    }
}
