package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.abi.Layout;
import dev.wit4j.runtime.abi.LiftedResource;
import dev.wit4j.runtime.abi.ResourceType;
import dev.wit4j.runtime.value.ResourceHandle;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType;
import java.util.List;
import java.util.Optional;

/**
 * Checks, before a component is entered, that every handle in a host-supplied argument is of the
 * run-time resource type the parameter names (resource types with the same name from different
 * instances are different types). {@link Value#typeCheck} only compares names. Internal.
 */
public final class HandleCheck {

    private HandleCheck() {}

    /** Throws {@link IllegalArgumentException} if a handle in {@code v} has the wrong resource type. */
    public static void check(Value v, ValueType type) {
        ValueType t = Layout.resolve(type);
        if (t instanceof ValueType.HandleType h) {
            ResourceHandle handle = v instanceof Value.Own o ? o.handle() : ((Value.Borrow) v).handle();
            ResourceType expected = RuntimeResource.typeOf(h.resource().resolve());
            if (handle instanceof LiftedResource lr && lr.type() != expected) {
                throw new IllegalArgumentException("handle of " + lr.type() + " passed where " + expected
                        + " (of another instance or host) is expected");
            }
        } else if (t instanceof ValueType.ListType l) {
            for (Value e : ((Value.ListValue) v).elements()) {
                check(e, l.element());
            }
        } else if (t instanceof ValueType.FixedListType l) {
            for (Value e : ((Value.FixedList) v).elements()) {
                check(e, l.element());
            }
        } else if (t instanceof ValueType.RecordType r) {
            Value.RecordValue rv = (Value.RecordValue) v;
            for (ValueType.Field f : r.fields()) {
                rv.field(f.name()).ifPresent(x -> check(x, f.type()));
            }
        } else if (t instanceof ValueType.TupleType tt) {
            List<Value> es = ((Value.TupleValue) v).elements();
            for (int i = 0; i < es.size(); i++) {
                check(es.get(i), tt.types().get(i));
            }
        } else if (t instanceof ValueType.VariantType vt) {
            Value.VariantValue vv = (Value.VariantValue) v;
            for (ValueType.Case c : vt.cases()) {
                if (c.name().equals(vv.caseName())) {
                    both(vv.payload(), c.type());
                }
            }
        } else if (t instanceof ValueType.OptionType o) {
            ((Value.OptionValue) v).value().ifPresent(x -> check(x, o.type()));
        } else if (t instanceof ValueType.ResultType r) {
            Value.ResultValue rv = (Value.ResultValue) v;
            both(rv.payload(), rv.isOk() ? r.ok() : r.err());
        }
    }

    private static void both(Optional<Value> v, Optional<ValueType> t) {
        if (v.isPresent() && t.isPresent()) {
            check(v.get(), t.get());
        }
    }
}
