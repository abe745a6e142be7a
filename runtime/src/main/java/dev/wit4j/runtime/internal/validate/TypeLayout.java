package dev.wit4j.runtime.internal.validate;

import dev.wit4j.runtime.abi.FlatType;
import dev.wit4j.runtime.abi.LayoutRules;
import dev.wit4j.runtime.core.CoreValType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The canonical ABI layout of the validator's types: {@link LayoutRules} (the rules the runtime
 * lays values out by) with {@code ptr_type = 'i64'}, for Binary.md's bound {@code elem_size(t,
 * 'i64') < 2^28} on every {@code defvaltype}, which keeps a type within both 32- and 64-bit
 * memories; and flattening (CanonicalABI.md "Flattening"), for the core signatures of canonical
 * functions.
 */
final class TypeLayout {

    /** Types whose {@code elem_size} reaches this many bytes are invalid (Binary.md). */
    static final long MAX_SIZE = 1L << 28;

    static final int MAX_FLAT_PARAMS = 16;
    static final int MAX_FLAT_ASYNC_PARAMS = 4;
    static final int MAX_FLAT_RESULTS = 1;

    /** Flattenings are spelled out to a little past this: enough to compare with every limit. */
    private static final int FLAT_LIMIT = 4096;

    private static final Rules RULES = new Rules();

    private TypeLayout() {}

    /** {@code elem_size(t, 'i64')}, saturating at {@link Long#MAX_VALUE}. */
    static long elemSize(ValType type) {
        return RULES.elemSize(type);
    }

    /** {@link #elemSize} of a defined type, worked out (for {@link DefinedType#elemSize()}, which keeps it). */
    static long measure(DefinedType type) {
        return RULES.measure(type);
    }

    /**
     * {@code flatten_type(t)}, cut short a little past {@value #FLAT_LIMIT} values (a fixed-length
     * list may be huge): enough to compare with the limits on flat parameters and results.
     */
    static List<CoreValType> flatten(ValType type) {
        List<CoreValType> out = new ArrayList<>();
        for (FlatType f : RULES.flatten(type, FLAT_LIMIT)) {
            out.add(new CoreValType(f.toString())); // named by its text-format spelling, as FlatType prints
        }
        return out;
    }

    /** Whether values of the type live partly in linear memory (strings and lists). */
    static boolean containsPointer(ValType type) {
        type = Subtyping.unwrapPrimitive(type);
        if (type == PrimitiveType.STRING) return true;
        if (!(type instanceof DefinedType d)) return false;
        if (d.shape() instanceof Shape.ListOf l) return l.length() < 0 || containsPointer(l.element());
        if (d.shape() instanceof Shape.MapOf) return true;
        if (d.shape() instanceof Shape.Stream || d.shape() instanceof Shape.Future) return false;
        for (ValType child : d.children()) if (containsPointer(child)) return true;
        return false;
    }

    /** The validator's types told to the layout rules; a defined type keeps its size. */
    private static final class Rules extends LayoutRules<ValType> {

        Rules() {
            super(8);
        }

        @Override
        protected Kind kind(ValType type) {
            ValType t = Subtyping.unwrapPrimitive(type);
            if (t instanceof PrimitiveType p) {
                return Kind.valueOf(p.name());
            }
            Shape s = ((DefinedType) t).shape();
            if (s instanceof Shape.Record || s instanceof Shape.Tuple) {
                return Kind.RECORD;
            } else if (s instanceof Shape.Variant
                    || s instanceof Shape.Option
                    || s instanceof Shape.Result
                    || s instanceof Shape.Enum) {
                return Kind.VARIANT;
            } else if (s instanceof Shape.Flags) {
                return Kind.FLAGS;
            } else if (s instanceof Shape.ListOf l) {
                return l.length() < 0 ? Kind.LIST : Kind.FIXED_LIST;
            } else if (s instanceof Shape.MapOf) {
                return Kind.LIST; // despecializes to a list
            }
            return Kind.HANDLE; // own, borrow, stream, future
        }

        private static Shape shape(ValType t) {
            return ((DefinedType) Subtyping.unwrapPrimitive(t)).shape();
        }

        @Override
        protected List<ValType> fields(ValType t) {
            Shape s = shape(t);
            if (s instanceof Shape.Record r) {
                return r.fields().stream().map(Shape.Field::type).toList();
            }
            return ((Shape.Tuple) s).types();
        }

        @Override
        protected List<Optional<ValType>> cases(ValType t) {
            Shape s = shape(t);
            if (s instanceof Shape.Variant v) {
                List<Optional<ValType>> out = new ArrayList<>();
                for (Shape.Case c : v.cases()) {
                    out.add(Optional.ofNullable(c.type()));
                }
                return out;
            } else if (s instanceof Shape.Option o) {
                return List.of(Optional.empty(), Optional.of(o.type()));
            } else if (s instanceof Shape.Result r) {
                return List.of(Optional.ofNullable(r.ok()), Optional.ofNullable(r.err()));
            }
            return Collections.nCopies(((Shape.Enum) s).names().size(), Optional.empty());
        }

        @Override
        protected ValType element(ValType t) {
            return ((Shape.ListOf) shape(t)).element();
        }

        @Override
        protected long length(ValType t) {
            return ((Shape.ListOf) shape(t)).length();
        }

        @Override
        protected int flagCount(ValType t) {
            return ((Shape.Flags) shape(t)).names().size();
        }

        @Override
        public long elemSize(ValType type) {
            ValType t = Subtyping.unwrapPrimitive(type);
            return t instanceof DefinedType d ? d.elemSize() : super.elemSize(t);
        }

        long measure(DefinedType type) {
            return super.elemSize(type);
        }
    }
}
