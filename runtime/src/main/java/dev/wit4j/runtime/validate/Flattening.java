package dev.wit4j.runtime.validate;

import dev.wit4j.runtime.engine.CoreValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Canonical ABI flattening of value types into core types (CanonicalABI.md, "Flattening"). */
final class Flattening {

    static final int MAX_FLAT_PARAMS = 16;
    static final int MAX_FLAT_ASYNC_PARAMS = 4;
    static final int MAX_FLAT_RESULTS = 1;

    private Flattening() {}

    static List<CoreValType> flatten(ValType type) {
        List<CoreValType> out = new ArrayList<>();
        flatten(type, out);
        return out;
    }

    private static void flatten(ValType type, List<CoreValType> out) {
        type = Subtyping.unwrapPrimitive(type);
        if (type instanceof PrimitiveType p) {
            switch (p) {
                case S64:
                case U64:
                    out.add(CoreValType.I64);
                    break;
                case F32:
                    out.add(CoreValType.F32);
                    break;
                case F64:
                    out.add(CoreValType.F64);
                    break;
                case STRING:
                    out.add(CoreValType.I32);
                    out.add(CoreValType.I32);
                    break;
                default:
                    out.add(CoreValType.I32);
            }
            return;
        }
        Shape shape = ((DefinedType) type).shape();
        if (shape instanceof Shape.Record r) {
            for (Shape.Field f : r.fields()) flatten(f.type(), out);
        } else if (shape instanceof Shape.Tuple t) {
            for (ValType v : t.types()) flatten(v, out);
        } else if (shape instanceof Shape.ListOf l) {
            if (l.length() < 0) {
                out.add(CoreValType.I32);
                out.add(CoreValType.I32);
            } else {
                List<CoreValType> one = flatten(l.element());
                for (long i = 0; i < l.length() && out.size() <= 4096; i++) out.addAll(one);
            }
        } else if (shape instanceof Shape.MapOf) {
            out.add(CoreValType.I32);
            out.add(CoreValType.I32);
        } else if (shape instanceof Shape.Variant v) {
            List<ValType> cases = new ArrayList<>();
            v.cases().forEach(c -> cases.add(c.type()));
            variant(cases, out);
        } else if (shape instanceof Shape.Option o) {
            variant(Arrays.asList(null, o.type()), out);
        } else if (shape instanceof Shape.Result r) {
            variant(Arrays.asList(r.ok(), r.err()), out);
        } else {
            out.add(CoreValType.I32); // enum, flags (at most 32), handles, streams, futures
        }
    }

    private static void variant(List<ValType> cases, List<CoreValType> out) {
        List<CoreValType> joined = new ArrayList<>();
        for (ValType c : cases) {
            if (c == null) continue;
            List<CoreValType> flat = flatten(c);
            for (int i = 0; i < flat.size(); i++) {
                if (i < joined.size()) joined.set(i, join(joined.get(i), flat.get(i)));
                else joined.add(flat.get(i));
            }
        }
        out.add(CoreValType.I32);
        out.addAll(joined);
    }

    private static CoreValType join(CoreValType a, CoreValType b) {
        if (a.equals(b)) return a;
        if ((a.equals(CoreValType.I32) && b.equals(CoreValType.F32))
                || (a.equals(CoreValType.F32) && b.equals(CoreValType.I32))) {
            return CoreValType.I32;
        }
        return CoreValType.I64;
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
}
