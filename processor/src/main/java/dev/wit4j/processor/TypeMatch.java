package dev.wit4j.processor;

import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.TypeView.Shape;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.ValueType;
import java.util.Optional;

/**
 * Whether a WIT value type (the world's) and a component's value type have the same structure,
 * as the bindings depend on it: the same primitives, the same record fields, variant cases, enum
 * and flag names in the same order, lists, tuples, options, results, and handles of the same kind.
 * Names of defined types do not matter (the component model compares structure); which resource a
 * handle is of is not compared (a component's resource types are its own).
 */
final class TypeMatch {

    private TypeMatch() {}

    /** Whether {@code wit} and {@code component} have the same structure. */
    static boolean matches(ValueType wit, TypeView.Val component) {
        ValueType w = resolve(wit);
        if (w == null) { // a resource named directly: an owned handle
            return shape(component) instanceof Shape.Own;
        }
        if (w instanceof ValueType.Primitive p) {
            if (component instanceof TypeView.Primitive c) {
                return c.type() == p;
            }
            return shape(component) instanceof Shape.Prim c && c.type() == p;
        }
        Shape s = shape(component);
        if (w instanceof ValueType.ListType l) {
            return s instanceof Shape.ListOf c && c.length().isEmpty() && matches(l.element(), c.element());
        }
        if (w instanceof ValueType.FixedListType l) {
            return s instanceof Shape.ListOf c
                    && c.length().isPresent()
                    && c.length().getAsLong() == l.length()
                    && matches(l.element(), c.element());
        }
        if (w instanceof ValueType.RecordType r) {
            if (!(s instanceof Shape.Record c)
                    || c.fields().size() != r.fields().size()) {
                return false;
            }
            for (int i = 0; i < r.fields().size(); i++) {
                if (!r.fields().get(i).name().equals(c.fields().get(i).name())
                        || !matches(r.fields().get(i).type(), c.fields().get(i).type())) {
                    return false;
                }
            }
            return true;
        }
        if (w instanceof ValueType.TupleType t) {
            if (!(s instanceof Shape.Tuple c) || c.types().size() != t.types().size()) {
                return false;
            }
            for (int i = 0; i < t.types().size(); i++) {
                if (!matches(t.types().get(i), c.types().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (w instanceof ValueType.VariantType v) {
            if (!(s instanceof Shape.Variant c) || c.cases().size() != v.cases().size()) {
                return false;
            }
            for (int i = 0; i < v.cases().size(); i++) {
                if (!v.cases().get(i).name().equals(c.cases().get(i).name())
                        || !optional(v.cases().get(i).type(), c.cases().get(i).type())) {
                    return false;
                }
            }
            return true;
        }
        if (w instanceof ValueType.EnumType e) {
            return s instanceof Shape.Enum c
                    && c.names()
                            .equals(e.cases().stream()
                                    .map(ValueType.EnumCase::name)
                                    .toList());
        }
        if (w instanceof ValueType.FlagsType f) {
            return s instanceof Shape.Flags c
                    && c.names()
                            .equals(f.flags().stream().map(ValueType.Flag::name).toList());
        }
        if (w instanceof ValueType.OptionType o) {
            return s instanceof Shape.Option c && matches(o.type(), c.type());
        }
        if (w instanceof ValueType.ResultType r) {
            return s instanceof Shape.Result c && optional(r.ok(), c.ok()) && optional(r.err(), c.err());
        }
        if (w instanceof ValueType.HandleType h) {
            return h.borrow() ? s instanceof Shape.Borrow : s instanceof Shape.Own;
        }
        if (w instanceof ValueType.StreamType t) {
            return s instanceof Shape.Stream c && optional(t.element(), c.element());
        }
        if (w instanceof ValueType.FutureType t) {
            return s instanceof Shape.Future c && optional(t.element(), c.element());
        }
        if (w instanceof ValueType.MapType m) {
            return s instanceof Shape.MapOf c && matches(m.key(), c.key()) && matches(m.value(), c.value());
        }
        return false;
    }

    private static boolean optional(Optional<ValueType> wit, Optional<TypeView.Val> component) {
        return wit.isPresent() == component.isPresent() && (wit.isEmpty() || matches(wit.get(), component.get()));
    }

    /** {@code t} with aliases followed; null for a resource named as a value (an owned handle). */
    private static ValueType resolve(ValueType t) {
        for (int depth = 0; t instanceof ValueType.Named n && depth < 1_000; depth++) {
            TypeDefKind kind = n.def().kind();
            if (kind instanceof TypeDefKind.Resource) {
                return null;
            }
            t = (ValueType) kind;
        }
        return t;
    }

    private static Shape shape(TypeView.Val v) {
        return v instanceof TypeView.Defined d ? d.shape() : null;
    }
}
