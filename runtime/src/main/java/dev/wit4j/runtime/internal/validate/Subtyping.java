package dev.wit4j.runtime.internal.validate;

import dev.wit4j.runtime.core.CoreExternType;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreImport;
import dev.wit4j.runtime.core.CoreValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Subtyping between component types (Explainer, "Type Checking"). Value types and function types
 * must be structurally equal; resources are equal only by identity; instance, component and module
 * types allow width subtyping: a subtype may export more and import less, matched by name.
 *
 * <p>Every check throws {@link TypeMismatch} with a message in the style of {@code wasm-tools}
 * ("expected record, found u32") when {@code a} is not a subtype of {@code b}.
 */
final class Subtyping {

    private Subtyping() {}

    static void entity(EntityType a, EntityType b) {
        if (a instanceof EntityType.Module ma && b instanceof EntityType.Module mb) {
            module(ma.type(), mb.type());
        } else if (a instanceof EntityType.Func fa && b instanceof EntityType.Func fb) {
            func(fa.type(), fb.type());
        } else if (a instanceof EntityType.Value va && b instanceof EntityType.Value vb) {
            valType(va.type(), vb.type());
        } else if (a instanceof EntityType.Type ta && b instanceof EntityType.Type tb) {
            any(ta.created(), tb.created());
        } else if (a instanceof EntityType.Instance ia && b instanceof EntityType.Instance ib) {
            instance(ia.type(), ib.type());
        } else if (a instanceof EntityType.Component ca && b instanceof EntityType.Component cb) {
            component(ca.type(), cb.type());
        } else {
            throw new TypeMismatch("expected " + b.sort() + ", found " + a.sort());
        }
    }

    static void any(AnyType a, AnyType b) {
        if (a instanceof ResourceType ra && b instanceof ResourceType rb) {
            if (!ra.id().equals(rb.id())) throw new TypeMismatch("resource types are not the same");
        } else if (a instanceof DefinedType da && b instanceof DefinedType db) {
            valType(da, db);
        } else if (a instanceof FuncType fa && b instanceof FuncType fb) {
            func(fa, fb);
        } else if (a instanceof InstanceType ia && b instanceof InstanceType ib) {
            instance(ia, ib);
        } else if (a instanceof ComponentType ca && b instanceof ComponentType cb) {
            component(ca, cb);
        } else {
            throw new TypeMismatch("expected " + describe(b) + ", found " + a.describe());
        }
    }

    private static String describe(AnyType t) {
        return t instanceof ResourceType ? "resource" : t.describe();
    }

    static void func(FuncType a, FuncType b) {
        if (a.async() != b.async()) {
            throw new TypeMismatch("expected " + (b.async() ? "async" : "sync") + " function, found "
                    + (a.async() ? "async" : "sync") + " function");
        }
        if (a.params().size() != b.params().size()) {
            throw new TypeMismatch("expected " + b.params().size() + " parameters, found "
                    + a.params().size());
        }
        for (int i = 0; i < a.params().size(); i++) {
            FuncType.Param pa = a.params().get(i);
            FuncType.Param pb = b.params().get(i);
            if (!Names.sameIgnoringCase(pa.name(), pb.name())) {
                throw new TypeMismatch("expected parameter named `" + pb.name() + "`, found `" + pa.name() + "`");
            }
            try {
                valType(pa.type(), pb.type());
            } catch (TypeMismatch e) {
                throw e.within("type mismatch in function parameter `" + pa.name() + "`");
            }
        }
        // The same (a = actual, b = expected) wording as wasm-tools' component_func_type.
        if (a.result() != null && b.result() == null) throw new TypeMismatch("expected a result, found none");
        if (a.result() == null && b.result() != null) throw new TypeMismatch("expected no result, found one");
        if (a.result() != null) {
            try {
                valType(a.result(), b.result());
            } catch (TypeMismatch e) {
                throw e.within("type mismatch with result type");
            }
        }
    }

    /** Structural equality of value types (there is no value subtyping yet). */
    static void valType(ValType a, ValType b) {
        if (a == b) return;
        ValType ua = unwrapPrimitive(a);
        ValType ub = unwrapPrimitive(b);
        if (ua instanceof PrimitiveType pa && ub instanceof PrimitiveType pb) {
            if (pa == pb) return;
            throw new TypeMismatch("expected primitive `" + pb + "` found primitive `" + pa + "`");
        }
        if (ua instanceof PrimitiveType) {
            throw new TypeMismatch("expected " + ((DefinedType) b).shape().describe() + ", found " + ua);
        }
        if (ub instanceof PrimitiveType) {
            // A defined primitive type is described as "primitive", a bare one by its name.
            String expected = b instanceof PrimitiveType ? ub.toString() : "primitive";
            throw new TypeMismatch("expected " + expected + ", found "
                    + ((DefinedType) a).shape().describe());
        }
        shape(((DefinedType) a).shape(), ((DefinedType) b).shape());
    }

    static boolean equal(ValType a, ValType b) {
        try {
            valType(a, b);
            return true;
        } catch (TypeMismatch e) {
            return false;
        }
    }

    static ValType unwrapPrimitive(ValType t) {
        if (t instanceof DefinedType d && d.shape() instanceof Shape.Primitive p) return p.type();
        return t;
    }

    private static void shape(Shape a, Shape b) {
        if (a.getClass() != b.getClass()) {
            throw new TypeMismatch("expected " + b.describe() + ", found " + a.describe());
        }
        if (a instanceof Shape.Record ra) {
            Shape.Record rb = (Shape.Record) b;
            if (ra.fields().size() != rb.fields().size()) {
                throw new TypeMismatch("expected " + rb.fields().size() + " fields, found "
                        + ra.fields().size());
            }
            for (int i = 0; i < ra.fields().size(); i++) {
                Shape.Field fa = ra.fields().get(i);
                Shape.Field fb = rb.fields().get(i);
                if (!Names.sameIgnoringCase(fa.name(), fb.name())) {
                    throw new TypeMismatch("expected field name `" + fb.name() + "`, found `" + fa.name() + "`");
                }
                try {
                    valType(fa.type(), fb.type());
                } catch (TypeMismatch e) {
                    throw e.within("type mismatch in record field `" + fa.name() + "`");
                }
            }
        } else if (a instanceof Shape.Variant va) {
            Shape.Variant vb = (Shape.Variant) b;
            if (va.cases().size() != vb.cases().size()) {
                throw new TypeMismatch("expected " + vb.cases().size() + " cases, found "
                        + va.cases().size());
            }
            for (int i = 0; i < va.cases().size(); i++) {
                Shape.Case ca = va.cases().get(i);
                Shape.Case cb = vb.cases().get(i);
                if (!Names.sameIgnoringCase(ca.name(), cb.name())) {
                    throw new TypeMismatch("expected case named `" + cb.name() + "`, found `" + ca.name() + "`");
                }
                if (ca.type() == null && cb.type() != null) {
                    throw new TypeMismatch("expected case `" + ca.name() + "` to have a type, found none");
                }
                if (ca.type() != null && cb.type() == null) {
                    throw new TypeMismatch("expected case `" + ca.name() + "` to have no type");
                }
                if (ca.type() != null) {
                    try {
                        valType(ca.type(), cb.type());
                    } catch (TypeMismatch e) {
                        throw e.within("type mismatch in variant case `" + ca.name() + "`");
                    }
                }
            }
        } else if (a instanceof Shape.ListOf la) {
            Shape.ListOf lb = (Shape.ListOf) b;
            if (la.length() != lb.length()) {
                if (lb.length() < 0 || la.length() < 0) {
                    throw new TypeMismatch("expected " + (lb.length() < 0 ? "list" : "fixed-length list") + ", found "
                            + (la.length() < 0 ? "list" : "fixed-length list"));
                }
                throw new TypeMismatch("expected fixed-length " + lb.length() + ", found size " + la.length());
            }
            valType(la.element(), lb.element());
        } else if (a instanceof Shape.Tuple ta) {
            Shape.Tuple tb = (Shape.Tuple) b;
            if (ta.types().size() != tb.types().size()) {
                throw new TypeMismatch("expected " + tb.types().size() + " types, found "
                        + ta.types().size());
            }
            for (int i = 0; i < ta.types().size(); i++) {
                try {
                    valType(ta.types().get(i), tb.types().get(i));
                } catch (TypeMismatch e) {
                    throw e.within("type mismatch in tuple field " + i);
                }
            }
        } else if (a instanceof Shape.Flags fa) {
            if (!sameNames(fa.names(), ((Shape.Flags) b).names())) throw new TypeMismatch("mismatch in flags elements");
        } else if (a instanceof Shape.Enum ea) {
            if (!sameNames(ea.names(), ((Shape.Enum) b).names())) throw new TypeMismatch("mismatch in enum elements");
        } else if (a instanceof Shape.Option oa) {
            valType(oa.type(), ((Shape.Option) b).type());
        } else if (a instanceof Shape.Result ra) {
            Shape.Result rb = (Shape.Result) b;
            optional(ra.ok(), rb.ok(), "ok type", "type mismatch in ok variant");
            optional(ra.err(), rb.err(), "err type", "type mismatch in err variant");
        } else if (a instanceof Shape.Own oa) {
            if (!oa.resource().equals(((Shape.Own) b).resource()))
                throw new TypeMismatch("resource types are not the same");
        } else if (a instanceof Shape.Borrow ba) {
            if (!ba.resource().equals(((Shape.Borrow) b).resource()))
                throw new TypeMismatch("resource types are not the same");
        } else if (a instanceof Shape.Stream sa) {
            optional(sa.element(), ((Shape.Stream) b).element(), "stream type", "type mismatch in stream element");
        } else if (a instanceof Shape.Future fa) {
            optional(fa.element(), ((Shape.Future) b).element(), "future type", "type mismatch in future element");
        } else if (a instanceof Shape.MapOf ma) {
            Shape.MapOf mb = (Shape.MapOf) b;
            valType(ma.key(), mb.key());
            valType(ma.value(), mb.value());
        } else if (a instanceof Shape.Primitive pa) {
            valType(pa.type(), ((Shape.Primitive) b).type());
        }
    }

    private static void optional(ValType a, ValType b, String what, String context) {
        if (a == null && b != null) throw new TypeMismatch("expected " + what + ", but found none");
        if (a != null && b == null) throw new TypeMismatch("expected " + what + " to not be present");
        if (a != null) {
            try {
                valType(a, b);
            } catch (TypeMismatch e) {
                throw e.within(context);
            }
        }
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!Names.sameIgnoringCase(a.get(i), b.get(i))) return false;
        return true;
    }

    /** An instance with more exports is a subtype of one with fewer; b's abstract resources match a's. */
    static void instance(InstanceType a, InstanceType b) {
        for (String name : b.exports().keySet()) {
            if (!a.exports().containsKey(name)) throw new TypeMismatch("missing expected export `" + name + "`");
        }
        Substitution bs = new Substitution(align(b.definedResources(), a.exports()));
        for (Map.Entry<String, EntityType> e : b.exports().entrySet()) {
            try {
                entity(a.exports().get(e.getKey()), bs.entity(e.getValue()));
            } catch (TypeMismatch m) {
                throw m.within("type mismatch in instance export `" + e.getKey() + "`");
            }
        }
    }

    /**
     * A component that imports less and exports more is a subtype. The abstract resources that
     * {@code a} imports are lined up with those {@code b} imports, and those {@code b} exports
     * abstractly with those {@code a} exports, before comparing.
     */
    static void component(ComponentType a, ComponentType b) {
        for (String name : a.imports().keySet()) {
            if (!b.imports().containsKey(name)) throw new TypeMismatch("missing expected import `" + name + "`");
        }
        List<Mismatch> first = mismatches(a, b, true);
        if (!first.isEmpty() && first.get(0).isImport()) throw first.get(0).signal();
        for (String name : b.exports().keySet()) {
            if (!a.exports().containsKey(name)) throw new TypeMismatch("missing expected export `" + name + "`");
        }
        if (!first.isEmpty()) throw first.get(0).signal();
    }

    /** An import or export two component types both have, whose types do not fit. */
    record Mismatch(boolean isImport, String name, String message) {
        TypeMismatch signal() {
            return new TypeMismatch(
                    "type mismatch in " + (isImport ? "import" : "export") + " `" + name + "`: " + message);
        }
    }

    /**
     * The imports and exports {@code a} and {@code b} both have where {@code a} does not fit as a
     * subtype of {@code b} (imports first, each in order), as {@link #component} judges them: the
     * abstract resources that {@code a} imports are lined up with those {@code b} imports, and those
     * {@code b} exports abstractly with those {@code a} exports, before comparing.
     *
     * @param firstOnly stop at the first mismatch
     */
    static List<Mismatch> mismatches(ComponentType a, ComponentType b, boolean firstOnly) {
        List<Mismatch> out = new ArrayList<>();
        Substitution as = new Substitution(align(a.importedResources(), b.imports()));
        for (Map.Entry<String, EntityType> e : a.imports().entrySet()) {
            EntityType expected = b.imports().get(e.getKey());
            if (expected == null) continue;
            try {
                entity(expected, as.entity(e.getValue()));
            } catch (TypeMismatch m) {
                out.add(new Mismatch(true, e.getKey(), m.getMessage()));
                if (firstOnly) return out;
            }
        }
        Map<String, EntityType> aExports = as.entities(a.exports());
        Substitution bs = new Substitution(align(b.definedResources(), aExports));
        for (Map.Entry<String, EntityType> e : b.exports().entrySet()) {
            EntityType actual = aExports.get(e.getKey());
            if (actual == null) continue;
            try {
                entity(actual, bs.entity(e.getValue()));
            } catch (TypeMismatch m) {
                out.add(new Mismatch(false, e.getKey(), m.getMessage()));
                if (firstOnly) return out;
            }
        }
        return out;
    }

    /** Maps each abstract resource to the resource found at the same path in {@code other}. */
    static Map<ResourceId, ResourceId> align(Map<ResourceId, List<String>> abstracts, Map<String, EntityType> other) {
        Map<ResourceId, ResourceId> map = new HashMap<>();
        abstracts.forEach((id, path) -> {
            ResourceId found = Substitution.resourceAt(other, path);
            if (found != null) map.put(id, found);
        });
        return map;
    }

    // ---- core types -------------------------------------------------------------------------

    /** A module importing less and exporting more is a subtype. */
    static void module(CoreType.Module a, CoreType.Module b) {
        for (CoreImport ia : a.imports()) {
            CoreImport ib = b.imports().stream()
                    .filter(i -> i.module().equals(ia.module()) && i.name().equals(ia.name()))
                    .findFirst()
                    .orElseThrow(
                            () -> new TypeMismatch("missing expected import `" + ia.module() + "::" + ia.name() + "`"));
            try {
                coreExtern(ib.type(), ia.type());
            } catch (TypeMismatch m) {
                throw m.within("type mismatch in import `" + ia.module() + "::" + ia.name() + "`");
            }
        }
        for (Map.Entry<String, CoreExternType> e : b.exports().entrySet()) {
            CoreExternType ea = a.exports().get(e.getKey());
            if (ea == null) throw new TypeMismatch("missing expected export `" + e.getKey() + "`");
            try {
                coreExtern(ea, e.getValue());
            } catch (TypeMismatch m) {
                throw m.within("type mismatch in export `" + e.getKey() + "`");
            }
        }
    }

    static void coreExtern(CoreExternType a, CoreExternType b) {
        if (a.getClass() != b.getClass()) {
            throw new TypeMismatch("expected " + b.kind() + ", found " + a.kind());
        }
        if (a instanceof CoreExternType.Func fa) {
            coreFunc(fa.type(), ((CoreExternType.Func) b).type());
        } else if (a instanceof CoreExternType.Tag ta) {
            coreFunc(ta.type(), ((CoreExternType.Tag) b).type());
        } else if (a instanceof CoreExternType.Global ga) {
            CoreExternType.Global gb = (CoreExternType.Global) b;
            if (ga.mutable() != gb.mutable()) throw new TypeMismatch("global types differ in mutability");
            if (!ga.type().equals(gb.type())) {
                throw new TypeMismatch("expected global type " + gb.type() + ", found " + ga.type());
            }
        } else if (a instanceof CoreExternType.Table ta) {
            CoreExternType.Table tb = (CoreExternType.Table) b;
            if (!ta.element().equals(tb.element())) {
                throw new TypeMismatch("expected table element type " + tb.element() + ", found " + ta.element());
            }
            if (ta.shared() != tb.shared()) throw new TypeMismatch("mismatch in the shared flag for tables");
            if (!limitsMatch(ta.min(), ta.max(), tb.min(), tb.max()))
                throw new TypeMismatch("mismatch in table limits");
        } else if (a instanceof CoreExternType.Memory ma) {
            CoreExternType.Memory mb = (CoreExternType.Memory) b;
            if (ma.shared() != mb.shared()) throw new TypeMismatch("mismatch in the shared flag for memories");
            if (ma.memory64() != mb.memory64()) throw new TypeMismatch("mismatch in index type used for memories");
            if (!limitsMatch(ma.min(), ma.max(), mb.min(), mb.max()))
                throw new TypeMismatch("mismatch in memory limits");
        }
    }

    /** Core limits matching: a's minimum covers b's, a's maximum (if b has one) is within b's. */
    private static boolean limitsMatch(long aMin, long aMax, long bMin, long bMax) {
        if (aMin < bMin) return false;
        if (bMax < 0) return true;
        return aMax >= 0 && aMax <= bMax;
    }

    static void coreFunc(CoreFuncType a, CoreFuncType b) {
        if (!Objects.equals(a, b)) {
            throw new TypeMismatch("expected: " + text(b) + "\nfound:    " + text(a));
        }
    }

    /** The text format of a core function type, e.g. {@code (func (param i32) (result i32))}. */
    static String text(CoreFuncType t) {
        StringBuilder sb = new StringBuilder("(func");
        if (!t.params().isEmpty()) {
            sb.append(" (param");
            for (CoreValType v : t.params()) sb.append(' ').append(v);
            sb.append(')');
        }
        if (!t.results().isEmpty()) {
            sb.append(" (result");
            for (CoreValType v : t.results()) sb.append(' ').append(v);
            sb.append(')');
        }
        return sb.append(')').toString();
    }
}
