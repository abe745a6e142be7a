package dev.wit4j.processor.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.wit4j.processor.gen.AbiLayout.Flat;
import dev.wit4j.processor.model.Shape;
import dev.wit4j.processor.model.TypeModel;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Stability;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The compile-time layouts against the numbers CanonicalABI.md's definitions give. */
class AbiLayoutTest {

    private static final ClassName HOLDER = ClassName.get("t", "H");
    private final Map<ClassName, TypeModel> types = new HashMap<>();
    private final AbiLayout layout = new AbiLayout(types);

    private Shape record(String name, Shape... fields) {
        ClassName n = HOLDER.nestedClass(name);
        List<TypeModel.Field> fs = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            fs.add(new TypeModel.Field("f" + i, "f" + i, TypeName.INT, fields[i], "", Docs.NONE));
        }
        types.put(n, new TypeModel.RecordModel(n, name, Docs.NONE, Stability.UNKNOWN, fs));
        return new Shape.Named(n, n);
    }

    @SafeVarargs
    private Shape variant(String name, Optional<Shape>... payloads) {
        ClassName n = HOLDER.nestedClass(name);
        List<TypeModel.Case> cs = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            cs.add(new TypeModel.Case(
                    n.nestedClass("C" + i), "c" + i, Optional.empty(), payloads[i], "", Docs.NONE, "value"));
        }
        types.put(n, new TypeModel.VariantModel(n, name, Docs.NONE, Stability.UNKNOWN, cs));
        return new Shape.Named(n, n);
    }

    private Shape constants(String name, int count, boolean flags) {
        ClassName n = HOLDER.nestedClass(name);
        List<TypeModel.Constant> cs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cs.add(new TypeModel.Constant("C" + i, "c" + i, Docs.NONE));
        }
        types.put(
                n,
                flags
                        ? new TypeModel.FlagsModel(n, name, Docs.NONE, Stability.UNKNOWN, cs)
                        : new TypeModel.EnumModel(n, name, Docs.NONE, Stability.UNKNOWN, cs));
        return new Shape.Named(n, flags ? ParameterizedTypeName.get(ClassName.get(java.util.Set.class), n) : n);
    }

    private void check(Shape s, int alignment, long size, Flat... flat) {
        assertEquals(alignment, layout.alignment(s), "alignment of " + s);
        assertEquals(size, layout.size(s), "size of " + s);
        assertEquals(List.of(flat), layout.flatten(s), "flattening of " + s);
    }

    @Test
    void primitivesAndLists() {
        check(Shape.Primitive.BOOL, 1, 1, Flat.I32);
        check(Shape.Primitive.S16, 2, 2, Flat.I32);
        check(Shape.Primitive.U64, 8, 8, Flat.I64);
        check(Shape.Primitive.F32, 4, 4, Flat.F32);
        check(Shape.Primitive.F64, 8, 8, Flat.F64);
        check(Shape.Primitive.CHAR, 4, 4, Flat.I32);
        check(Shape.Primitive.STRING, 4, 8, Flat.I32, Flat.I32);
        check(
                new Shape.ListOf(Shape.Primitive.U64, true, java.util.OptionalInt.empty(), TypeName.LONG),
                4,
                8,
                Flat.I32,
                Flat.I32);
        check(new Shape.Handle(HOLDER.nestedClass("R"), false, false), 4, 4, Flat.I32);
    }

    @Test
    void recordsAndTuplesArePaddedToTheirAlignment() {
        // {u8, u32, string}: u8 at 0, u32 at 4, string at 8; size 16
        Shape r = record("r", Shape.Primitive.U8, Shape.Primitive.U32, Shape.Primitive.STRING);
        check(r, 4, 16, Flat.I32, Flat.I32, Flat.I32, Flat.I32);
        assertEquals(List.of(0L, 4L, 8L), layout.fieldOffsets(layout.fields(r)));
        // tuple<u8, u64, u8>: 0, 8, 16; size 24
        Shape t = new Shape.TupleOf(
                List.of(Shape.Primitive.U8, Shape.Primitive.U64, Shape.Primitive.U8), ClassName.OBJECT);
        check(t, 8, 24, Flat.I32, Flat.I64, Flat.I32);
        check(record("empty"), 1, 0);
    }

    @Test
    void variantsJoinTheirPayloads() {
        // case f32 | case u64 | case string | none: slots join(f32, i64, i32) = i64, then i32
        Shape v = variant(
                "v",
                Optional.of(Shape.Primitive.F32),
                Optional.of(Shape.Primitive.U64),
                Optional.of(Shape.Primitive.STRING),
                Optional.empty());
        check(v, 8, 16, Flat.I32, Flat.I64, Flat.I32);
        assertEquals(8, layout.payloadOffset(layout.cases(v)));
        // f32 and i32 join to i32
        check(
                variant("w", Optional.of(Shape.Primitive.F32), Optional.of(Shape.Primitive.U32)),
                4,
                8,
                Flat.I32,
                Flat.I32);
        check(new Shape.OptionOf(Shape.Primitive.U8, ClassName.OBJECT), 1, 2, Flat.I32, Flat.I32);
        check(
                new Shape.ResultOf(Optional.empty(), Optional.of(Shape.Primitive.STRING), ClassName.OBJECT),
                4,
                12,
                Flat.I32,
                Flat.I32,
                Flat.I32);
        check(
                new Shape.ResultOf(
                        Optional.of(Shape.Primitive.F64), Optional.of(Shape.Primitive.F32), ClassName.OBJECT),
                8,
                16,
                Flat.I32,
                Flat.I64);
    }

    @Test
    void discriminantsAndFlagsGrowWithTheirCount() {
        check(constants("small", 256, false), 1, 1, Flat.I32);
        check(constants("big", 257, false), 2, 2, Flat.I32);
        check(constants("f8", 8, true), 1, 1, Flat.I32);
        check(constants("f9", 9, true), 2, 2, Flat.I32);
        check(constants("f17", 17, true), 4, 4, Flat.I32);
        // a variant with 257 cases and a u8 payload: u16 discriminant, payload at 2
        @SuppressWarnings("unchecked")
        Optional<Shape>[] cases = new Optional[257];
        java.util.Arrays.fill(cases, Optional.empty());
        cases[0] = Optional.of(Shape.Primitive.U8);
        Shape v = variant("many", cases);
        check(v, 2, 4, Flat.I32, Flat.I32);
        assertEquals(8, layout.tupleSize(List.of(Shape.Primitive.U8, Shape.Primitive.U32)));
        assertEquals(4, layout.tupleAlignment(List.of(Shape.Primitive.U8, Shape.Primitive.U32)));
    }
}
