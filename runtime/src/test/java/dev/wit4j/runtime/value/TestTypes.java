package dev.wit4j.runtime.value;

import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.SourcePos;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.TypeOwner;
import dev.wit4j.witx.model.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Builds witx types for tests, without going through the WIT parser. */
public final class TestTypes {

    public static final ValueType BOOL = ValueType.Primitive.BOOL;
    public static final ValueType S8 = ValueType.Primitive.S8;
    public static final ValueType U8 = ValueType.Primitive.U8;
    public static final ValueType S16 = ValueType.Primitive.S16;
    public static final ValueType U16 = ValueType.Primitive.U16;
    public static final ValueType S32 = ValueType.Primitive.S32;
    public static final ValueType U32 = ValueType.Primitive.U32;
    public static final ValueType S64 = ValueType.Primitive.S64;
    public static final ValueType U64 = ValueType.Primitive.U64;
    public static final ValueType F32 = ValueType.Primitive.F32;
    public static final ValueType F64 = ValueType.Primitive.F64;
    public static final ValueType CHAR = ValueType.Primitive.CHAR;
    public static final ValueType STRING = ValueType.Primitive.STRING;

    private static final TypeOwner OWNER = new TypeOwner.InInterface(PackageName.of("test", "types", null), "t");

    private TestTypes() {}

    public static TypeDef def(String name, TypeDefKind kind) {
        return new TypeDef(name, OWNER, kind, Docs.NONE, Stability.UNKNOWN, SourcePos.NONE);
    }

    public static ValueType named(String name, TypeDefKind kind) {
        return new ValueType.Named(def(name, kind));
    }

    /** {@code record name { f1: t1, f2: t2 }} from alternating names and types. */
    public static ValueType record(String name, Object... fieldsAndTypes) {
        List<ValueType.Field> fields = new ArrayList<>();
        for (int i = 0; i < fieldsAndTypes.length; i += 2) {
            fields.add(new ValueType.Field((String) fieldsAndTypes[i], (ValueType) fieldsAndTypes[i + 1], Docs.NONE));
        }
        return named(name, new ValueType.RecordType(fields));
    }

    /** {@code variant name { ... }} from alternating case names and payload types (null: none). */
    public static ValueType variant(String name, Object... casesAndTypes) {
        List<ValueType.Case> cases = new ArrayList<>();
        for (int i = 0; i < casesAndTypes.length; i += 2) {
            cases.add(new ValueType.Case(
                    (String) casesAndTypes[i], Optional.ofNullable((ValueType) casesAndTypes[i + 1]), Docs.NONE));
        }
        return named(name, new ValueType.VariantType(cases));
    }

    public static ValueType enumType(String name, String... cases) {
        return named(
                name,
                new ValueType.EnumType(Arrays.stream(cases)
                        .map(c -> new ValueType.EnumCase(c, Docs.NONE))
                        .toList()));
    }

    public static ValueType flags(String name, String... flags) {
        return named(
                name,
                new ValueType.FlagsType(Arrays.stream(flags)
                        .map(f -> new ValueType.Flag(f, Docs.NONE))
                        .toList()));
    }

    public static ValueType list(ValueType element) {
        return new ValueType.ListType(element);
    }

    public static ValueType fixedList(ValueType element, long length) {
        return new ValueType.FixedListType(element, length);
    }

    public static ValueType option(ValueType t) {
        return new ValueType.OptionType(t);
    }

    /** {@code result<ok, err>}; null stands for a missing side. */
    public static ValueType result(ValueType ok, ValueType err) {
        return new ValueType.ResultType(Optional.ofNullable(ok), Optional.ofNullable(err));
    }

    public static ValueType tuple(ValueType... types) {
        return new ValueType.TupleType(List.of(types));
    }

    public static ValueType map(ValueType key, ValueType value) {
        return new ValueType.MapType(key, value);
    }

    public static TypeDef resource(String name) {
        return def(name, TypeDefKind.RESOURCE);
    }

    public static ValueType own(TypeDef resource) {
        return new ValueType.HandleType(resource, false);
    }

    public static ValueType borrow(TypeDef resource) {
        return new ValueType.HandleType(resource, true);
    }

    /** {@code type alias = target}. */
    public static ValueType alias(String name, ValueType target) {
        return named(name, target);
    }
}
