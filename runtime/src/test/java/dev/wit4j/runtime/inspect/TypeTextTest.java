package dev.wit4j.runtime.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.TypeView.Shape;
import dev.wit4j.witx.model.ValueType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A component's types spelled as messages and {@code wit4j inspect} show them. */
class TypeTextTest {

    private static long ids;

    private static TypeView.Defined defined(Shape shape) {
        return new TypeView.Defined(++ids, shape);
    }

    private static final TypeView.Val U32 = new TypeView.Primitive(ValueType.Primitive.U32);

    @Test
    void typesWithoutNamesAreSpelledByTheirStructure() {
        TypeView.Defined shape = defined(new Shape.Variant(
                List.of(new Shape.Case("circle", Optional.of(U32)), new Shape.Case("none", Optional.empty()))));
        TypeView.Defined record = defined(new Shape.Record(List.of(
                new Shape.Field("shape", shape),
                new Shape.Field("color", defined(new Shape.Enum(List.of("red", "green")))),
                new Shape.Field("perms", defined(new Shape.Flags(List.of("read", "write")))),
                new Shape.Field("owner", defined(new Shape.Own(new TypeView.Resource(1, 2)))),
                new Shape.Field("pair", defined(new Shape.Tuple(List.of(U32, U32)))),
                new Shape.Field("bytes", defined(new Shape.ListOf(U32, OptionalLong.of(4)))),
                new Shape.Field("r", defined(new Shape.Result(Optional.empty(), Optional.of(U32)))))));
        assertEquals(
                "record { shape: variant { circle(u32), none }, color: enum { red, green }, perms: flags { read,"
                        + " write }, owner: own<resource>, pair: tuple<u32, u32>, bytes: list<u32, 4>, r: result<_,"
                        + " u32> }",
                TypeText.value(record));
    }

    @Test
    void deepNestingIsElidedButNotNamesOrPrimitives() {
        TypeView.Val t = U32;
        for (int i = 0; i < 6; i++) t = defined(new Shape.ListOf(t, OptionalLong.empty()));
        assertEquals("list<list<list<list<…>>>>", TypeText.value(t));
        TypeView.Val option4 = defined(
                new Shape.Option(defined(new Shape.Option(defined(new Shape.Option(defined(new Shape.Option(U32))))))));
        assertEquals("option<option<option<option<u32>>>>", TypeText.value(option4));
    }

    @Test
    void namedTypesAreSpelledByTheNameTheComponentGivesThem() {
        TypeView.Defined point = defined(new Shape.Record(List.of(new Shape.Field("x", U32))));
        TypeView.Func f = new TypeView.Func(false, List.of(new TypeView.Param("p", point)), Optional.of(point));
        Map<String, TypeView.Extern> exports =
                Map.of("point", new TypeView.Extern.TypeItem(point, point), "f", new TypeView.Extern.FuncItem(f));
        Map<String, String> spelled = TypeText.of(exports, Map.of());
        assertEquals("func(p: point) -> point", spelled.get("f"));
        assertEquals("record { x: u32 }", spelled.get("point"));
    }
}
