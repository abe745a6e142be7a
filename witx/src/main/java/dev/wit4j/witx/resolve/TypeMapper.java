package dev.wit4j.witx.resolve;

import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.ValueType;
import java.util.function.UnaryOperator;

/** Rebuilds a value type with every referenced definition replaced (used when copying worlds). */
final class TypeMapper {
    private TypeMapper() {}

    static ValueType map(ValueType t, UnaryOperator<TypeDef> f) {
        if (t instanceof ValueType.Named n) {
            return new ValueType.Named(f.apply(n.def()));
        } else if (t instanceof ValueType.HandleType h) {
            return new ValueType.HandleType(f.apply(h.resource()), h.borrow());
        } else if (t instanceof ValueType.ListType l) {
            return new ValueType.ListType(map(l.element(), f));
        } else if (t instanceof ValueType.FixedListType l) {
            return new ValueType.FixedListType(map(l.element(), f), l.length());
        } else if (t instanceof ValueType.OptionType o) {
            return new ValueType.OptionType(map(o.type(), f));
        } else if (t instanceof ValueType.ResultType r) {
            return new ValueType.ResultType(r.ok().map(x -> map(x, f)), r.err().map(x -> map(x, f)));
        } else if (t instanceof ValueType.TupleType tt) {
            return new ValueType.TupleType(
                    tt.types().stream().map(x -> map(x, f)).toList());
        } else if (t instanceof ValueType.RecordType r) {
            return new ValueType.RecordType(r.fields().stream()
                    .map(x -> new ValueType.Field(x.name(), map(x.type(), f), x.docs()))
                    .toList());
        } else if (t instanceof ValueType.VariantType v) {
            return new ValueType.VariantType(v.cases().stream()
                    .map(c -> new ValueType.Case(c.name(), c.type().map(x -> map(x, f)), c.docs()))
                    .toList());
        } else if (t instanceof ValueType.MapType m) {
            return new ValueType.MapType(map(m.key(), f), map(m.value(), f));
        } else if (t instanceof ValueType.StreamType s) {
            return new ValueType.StreamType(s.element().map(x -> map(x, f)));
        } else if (t instanceof ValueType.FutureType fu) {
            return new ValueType.FutureType(fu.element().map(x -> map(x, f)));
        }
        return t;
    }
}
