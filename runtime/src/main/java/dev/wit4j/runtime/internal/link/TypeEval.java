package dev.wit4j.runtime.internal.link;

import dev.wit4j.binary.ComponentValType;
import dev.wit4j.binary.DefType;
import dev.wit4j.binary.DefValType;
import dev.wit4j.binary.PrimValType;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates type definitions at run time (Explainer.md "Type Definitions") into {@link RtType}s:
 * defined value types become witx {@link ValueType}s (records, variants, ... anonymous; handles
 * refer to the synthetic definition of their run-time resource), function types become
 * {@link FuncSig}s. Instance and component types are kept as declarations with their scope.
 */
final class TypeEval {

    private TypeEval() {}

    /**
     * Evaluates {@code def} in {@code scope}. Resource type definitions are handled by the
     * interpreter (they need the defining instance), not here.
     */
    static RtType eval(DefType def, TypeScope scope) {
        return scope.plan().evaluated(def, d -> evaluate(d, scope));
    }

    private static RtType evaluate(DefType def, TypeScope scope) {
        if (def instanceof DefValType v) {
            return new RtType.Val(value(v, scope));
        } else if (def instanceof DefType.FuncType f) {
            List<String> names = new ArrayList<>();
            List<ValueType> types = new ArrayList<>();
            for (DefType.LabeledType p : f.params()) {
                names.add(p.label());
                types.add(valType(p.type(), scope));
            }
            return new RtType.Func(new FuncSig(names, types, f.result().map(r -> valType(r, scope)), f.async()));
        } else if (def instanceof DefType.InstanceType i) {
            return new RtType.Instance(i, scope);
        } else if (def instanceof DefType.ComponentType c) {
            return new RtType.Component(c, scope);
        }
        throw new IllegalStateException("resource types are defined by the interpreter");
    }

    /** A {@code valtype}: a primitive or the value type at an index. */
    static ValueType valType(ComponentValType t, TypeScope scope) {
        if (t instanceof PrimValType p) {
            return primitive(p);
        }
        RtType r = scope.type(((ComponentValType.Indexed) t).typeIndex());
        if (r instanceof RtType.Val v) {
            return v.type();
        }
        throw new IllegalStateException(
                "type index " + ((ComponentValType.Indexed) t).typeIndex() + " is not a value type");
    }

    static ValueType.Primitive primitive(PrimValType p) {
        return ValueType.Primitive.fromWit(p.text()).orElseThrow();
    }

    private static Optional<ValueType> opt(Optional<ComponentValType> t, TypeScope scope) {
        return t.map(x -> valType(x, scope));
    }

    private static ValueType value(DefValType v, TypeScope scope) {
        if (v instanceof DefValType.PrimitiveType p) {
            return primitive(p.type());
        } else if (v instanceof DefValType.RecordType r) {
            List<ValueType.Field> fields = new ArrayList<>();
            for (DefType.LabeledType f : r.fields()) {
                fields.add(new ValueType.Field(f.label(), valType(f.type(), scope), Docs.NONE));
            }
            return new ValueType.RecordType(fields);
        } else if (v instanceof DefValType.VariantType vt) {
            List<ValueType.Case> cases = new ArrayList<>();
            for (DefValType.Case c : vt.cases()) {
                cases.add(new ValueType.Case(c.label(), opt(c.type(), scope), Docs.NONE));
            }
            return new ValueType.VariantType(cases);
        } else if (v instanceof DefValType.ListType l) {
            return new ValueType.ListType(valType(l.element(), scope));
        } else if (v instanceof DefValType.FixedListType l) {
            return new ValueType.FixedListType(valType(l.element(), scope), l.length());
        } else if (v instanceof DefValType.TupleType t) {
            return new ValueType.TupleType(
                    t.types().stream().map(x -> valType(x, scope)).toList());
        } else if (v instanceof DefValType.FlagsType f) {
            return new ValueType.FlagsType(f.labels().stream()
                    .map(n -> new ValueType.Flag(n, Docs.NONE))
                    .toList());
        } else if (v instanceof DefValType.EnumType e) {
            return new ValueType.EnumType(e.labels().stream()
                    .map(n -> new ValueType.EnumCase(n, Docs.NONE))
                    .toList());
        } else if (v instanceof DefValType.OptionType o) {
            return new ValueType.OptionType(valType(o.type(), scope));
        } else if (v instanceof DefValType.ResultType r) {
            return new ValueType.ResultType(opt(r.ok(), scope), opt(r.error(), scope));
        } else if (v instanceof DefValType.OwnType o) {
            return new ValueType.HandleType(resource(o.typeIndex(), scope).def(), false);
        } else if (v instanceof DefValType.BorrowType b) {
            return new ValueType.HandleType(resource(b.typeIndex(), scope).def(), true);
        } else if (v instanceof DefValType.StreamType s) {
            return new ValueType.StreamType(opt(s.element(), scope));
        } else if (v instanceof DefValType.FutureType f) {
            return new ValueType.FutureType(opt(f.element(), scope));
        } else if (v instanceof DefValType.MapType m) {
            return new ValueType.MapType(valType(m.key(), scope), valType(m.value(), scope));
        }
        throw new LinkException("not supported yet: value type " + v.getClass().getSimpleName());
    }

    /**
     * Whether an evaluated type is the same for every instance, and so evaluated once: a value or
     * function type in which no resource occurs (each instance has resources of its own) and nothing
     * named that the provider of an import chose. Types that import a value type are among them:
     * what is provided must equal what is declared, checked before any instance is made.
     */
    static boolean sameForEveryInstance(RtType t) {
        if (t instanceof RtType.Val v) {
            return fixed(v.type());
        } else if (t instanceof RtType.Func f) {
            return sameForEveryInstance(f.sig());
        }
        return false; // resources, and instance and component types (they keep their instance's scope)
    }

    /** Whether a function type is the same for every instance ({@link #sameForEveryInstance(RtType)}). */
    static boolean sameForEveryInstance(FuncSig sig) {
        return sig.paramTypes().stream().allMatch(TypeEval::fixed)
                && sig.result().map(TypeEval::fixed).orElse(true);
    }

    private static boolean fixed(ValueType t) {
        if (t instanceof ValueType.Primitive || t instanceof ValueType.EnumType || t instanceof ValueType.FlagsType) {
            return true;
        } else if (t instanceof ValueType.ListType l) {
            return fixed(l.element());
        } else if (t instanceof ValueType.FixedListType l) {
            return fixed(l.element());
        } else if (t instanceof ValueType.OptionType o) {
            return fixed(o.type());
        } else if (t instanceof ValueType.ResultType r) {
            return r.ok().map(TypeEval::fixed).orElse(true)
                    && r.err().map(TypeEval::fixed).orElse(true);
        } else if (t instanceof ValueType.RecordType r) {
            return r.fields().stream().allMatch(f -> fixed(f.type()));
        } else if (t instanceof ValueType.VariantType v) {
            return v.cases().stream()
                    .allMatch(c -> c.type().map(TypeEval::fixed).orElse(true));
        } else if (t instanceof ValueType.TupleType tt) {
            return tt.types().stream().allMatch(TypeEval::fixed);
        } else if (t instanceof ValueType.StreamType st) {
            return st.element().map(TypeEval::fixed).orElse(true);
        } else if (t instanceof ValueType.FutureType ft) {
            return ft.element().map(TypeEval::fixed).orElse(true);
        } else if (t instanceof ValueType.MapType m) {
            return fixed(m.key()) && fixed(m.value());
        }
        return false; // handles, and named definitions
    }

    private static RuntimeResource resource(long index, TypeScope scope) {
        RtType t = scope.type(index);
        if (t instanceof RtType.Resource r) {
            return r.resource();
        }
        throw new IllegalStateException("type index " + index + " is not a resource type");
    }

    /** The local type index space of an instance or component type being evaluated. */
    static final class LocalScope implements TypeScope {
        private final TypeScope parent;
        final List<RtType> types = new ArrayList<>();

        LocalScope(TypeScope parent) {
            this.parent = parent;
        }

        @Override
        public RtType type(long index) {
            if (index < 0 || index >= types.size()) {
                throw new IllegalStateException("type index " + index + " out of bounds in a type declaration");
            }
            return types.get((int) index);
        }

        @Override
        public TypeScope outer(long count) {
            return count == 0 ? this : parent.outer(count - 1);
        }

        @Override
        public ComponentPlan plan() {
            return parent.plan();
        }
    }
}
