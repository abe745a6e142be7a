package dev.wit4j.runtime.abi;

import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.SourcePos;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.TypeOwner;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.ValueType.Primitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Builders for witx types used by the ABI tests. */
final class Types {

    static final TypeOwner OWNER = new TypeOwner.InInterface(PackageName.of("test", "abi", null), "types");

    static final ValueType BOOL = Primitive.BOOL;
    static final ValueType U8 = Primitive.U8;
    static final ValueType S8 = Primitive.S8;
    static final ValueType U16 = Primitive.U16;
    static final ValueType S16 = Primitive.S16;
    static final ValueType U32 = Primitive.U32;
    static final ValueType S32 = Primitive.S32;
    static final ValueType U64 = Primitive.U64;
    static final ValueType S64 = Primitive.S64;
    static final ValueType F32 = Primitive.F32;
    static final ValueType F64 = Primitive.F64;
    static final ValueType CHAR = Primitive.CHAR;
    static final ValueType STRING = Primitive.STRING;

    private Types() {}

    static TypeDef def(String name, TypeDefKind kind) {
        return new TypeDef(name, OWNER, kind, Docs.NONE, Stability.UNKNOWN, SourcePos.NONE);
    }

    static ValueType named(String name, ValueType kind) {
        return new ValueType.Named(def(name, kind));
    }

    static ValueType list(ValueType t) {
        return new ValueType.ListType(t);
    }

    static ValueType fixedList(ValueType t, long n) {
        return new ValueType.FixedListType(t, n);
    }

    static ValueType tuple(ValueType... ts) {
        return new ValueType.TupleType(Arrays.asList(ts));
    }

    static ValueType option(ValueType t) {
        return new ValueType.OptionType(t);
    }

    static ValueType result(ValueType ok, ValueType err) {
        return new ValueType.ResultType(Optional.ofNullable(ok), Optional.ofNullable(err));
    }

    static ValueType map(ValueType k, ValueType v) {
        return new ValueType.MapType(k, v);
    }

    /** A named record; arguments alternate field name and type. */
    static ValueType record(String name, Object... nameTypePairs) {
        List<ValueType.Field> fields = new ArrayList<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            fields.add(new ValueType.Field((String) nameTypePairs[i], (ValueType) nameTypePairs[i + 1], Docs.NONE));
        }
        return named(name, new ValueType.RecordType(fields));
    }

    /** A named variant; arguments alternate case name and payload type (null for none). */
    static ValueType variant(String name, Object... namePayloadPairs) {
        List<ValueType.Case> cases = new ArrayList<>();
        for (int i = 0; i < namePayloadPairs.length; i += 2) {
            cases.add(new ValueType.Case(
                    (String) namePayloadPairs[i], Optional.ofNullable((ValueType) namePayloadPairs[i + 1]), Docs.NONE));
        }
        return named(name, new ValueType.VariantType(cases));
    }

    static ValueType enumType(String name, String... cases) {
        List<ValueType.EnumCase> list = new ArrayList<>();
        for (String c : cases) {
            list.add(new ValueType.EnumCase(c, Docs.NONE));
        }
        return named(name, new ValueType.EnumType(list));
    }

    /** An enum with {@code n} cases named c0, c1, ... */
    static ValueType enumOfSize(int n) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = "c" + i;
        }
        return enumType("e" + n, names);
    }

    static ValueType flags(String name, String... flags) {
        List<ValueType.Flag> list = new ArrayList<>();
        for (String f : flags) {
            list.add(new ValueType.Flag(f, Docs.NONE));
        }
        return named(name, new ValueType.FlagsType(list));
    }

    static ValueType flagsOfSize(int n) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = "f" + i;
        }
        return flags("flags" + n, names);
    }

    static TypeDef resource(String name) {
        return def(name, TypeDefKind.RESOURCE);
    }

    static ValueType own(TypeDef resource) {
        return new ValueType.HandleType(resource, false);
    }

    static ValueType borrow(TypeDef resource) {
        return new ValueType.HandleType(resource, true);
    }
}
