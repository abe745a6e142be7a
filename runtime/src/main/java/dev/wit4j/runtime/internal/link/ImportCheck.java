package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.TypeView.Shape;
import dev.wit4j.runtime.abi.Layout;
import dev.wit4j.runtime.internal.validate.ViewTypes;
import dev.wit4j.runtime.value.ValueTypeMismatchException;
import dev.wit4j.witx.model.ValueType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks, once per {@link dev.wit4j.runtime.InstancePre}, that what the linker provides for an
 * import has the kind and shape the component's type declares (Explainer.md "Type Checking":
 * subtyping of imports). Host functions are untyped and match any function type (their values are
 * checked at each call); functions of other component instances are compared structurally.
 *
 * <p>Resource identity is checked here too, as far as the linker decides it: each {@code (sub
 * resource)} import is bound to the resource provided for it, and a later equality-bound type
 * import, or a handle in a provided function's type, must name that very resource ("mismatched
 * resource types", before any instance exists). A handle of a resource the component defines
 * itself has an identity only once an instance exists, and is checked when the import is bound
 * to it ({@code InstanceTyping}). One checker serves the imports of one component, in order.
 * Internal.
 */
public final class ImportCheck {

    /** The resources provided for the component's resource imports, by the type view's identity. */
    private final Map<Long, RuntimeResource> provided = new HashMap<>();

    /**
     * Checks {@code item} against {@code expected}.
     *
     * @throws LinkException naming {@code path} and the mismatch
     */
    public void check(String path, TypeView.Extern expected, Item item) {
        if (expected instanceof TypeView.Extern.ModuleItem m) {
            Item.Module module = kind(path, "a core module", item, Item.Module.class);
            String problem = ModuleTypeCheck.problem(m, module.module());
            if (problem != null) {
                throw new LinkException(path, problem);
            }
        } else if (expected instanceof TypeView.Extern.ValueItem v) {
            Item.ValueItem value = kind(path, "a value", item, Item.ValueItem.class);
            ValueType type = plain(v.type());
            if (type != null) { // types with handles are checked at instantiation, against run-time resources
                try {
                    value.value().typeCheck(type);
                } catch (ValueTypeMismatchException e) {
                    throw new LinkException(path, "value type mismatch: " + e.getMessage());
                }
            }
        } else if (expected instanceof TypeView.Extern.ComponentItem) {
            kind(path, "a component", item, Item.Component.class);
        } else if (expected instanceof TypeView.Extern.FuncItem f) {
            Item.Func func = kind(path, "a function", item, Item.Func.class);
            FuncSig actual =
                    func.sig() != null ? func.sig() : func.func().signature().orElse(null);
            if (actual != null) {
                String problem = funcProblem(f.type(), actual);
                if (problem != null) {
                    throw new LinkException(path, "function type mismatch: " + problem);
                }
            }
        } else if (expected instanceof TypeView.Extern.TypeItem t) {
            if (isFreshResource(t)) {
                Item.Type type = kind(path, "a resource type", item, Item.Type.class);
                if (!(type.type() instanceof RtType.Resource r)) {
                    throw new LinkException(path, "expected a resource type, found a value type");
                }
                provided.put(((TypeView.Resource) t.referenced()).resource(), r.resource());
            } else if (t.referenced() instanceof TypeView.Resource bound
                    && item instanceof Item.Type type
                    && provided.containsKey(bound.resource())
                    && !(type.type() instanceof RtType.Resource r && r.resource() == provided.get(bound.resource()))) {
                throw new LinkException(path, RuntimeResource.mismatch(provided.get(bound.resource()), type.type()));
            }
        } else if (expected instanceof TypeView.Extern.InstanceItem i) {
            Item.Instance inst = kind(path, "an instance", item, Item.Instance.class);
            for (Map.Entry<String, TypeView.Extern> e : i.type().exports().entrySet()) {
                Item provided = inst.exports().get(e.getKey());
                String inner = path + "#" + e.getKey();
                if (provided == null) {
                    if (e.getValue() instanceof TypeView.Extern.TypeItem ti && !isFreshResource(ti)) {
                        continue; // a type with an equality bound: nothing needs to be provided
                    }
                    if (e.getValue() instanceof TypeView.Extern.InstanceItem ii && needsNoDefinition(ii.type())) {
                        continue; // instances of bound types only need not be supplied
                    }
                    throw new LinkException(
                            inner, "no definition in the provided instance (expected " + describe(e.getValue()) + ")");
                }
                check(inner, e.getValue(), provided);
            }
        }
    }

    /**
     * {@code type} as a witx value type to check a provided 🪙 value against, or null if it mentions
     * resources, streams or futures (whose identity only exists at instantiation).
     */
    private static ValueType plain(TypeView.Val type) {
        if (type instanceof TypeView.Primitive p) {
            return p.type();
        }
        try {
            return ViewTypes.of(((TypeView.Defined) type).shape(), PLAIN);
        } catch (NotPlain e) {
            return null;
        }
    }

    /** Nested types converted when plain; a handle, stream or future makes the whole not plain. */
    private static final ViewTypes.Leaves PLAIN = new ViewTypes.Leaves() {
        @Override
        public ValueType value(TypeView.Val type) {
            return required(type);
        }

        @Override
        public ValueType handle(TypeView.Resource resource, boolean borrow) {
            throw new NotPlain();
        }

        @Override
        public ValueType stream(Optional<ValueType> element) {
            throw new NotPlain();
        }

        @Override
        public ValueType future(Optional<ValueType> element) {
            throw new NotPlain();
        }
    };

    private static ValueType required(TypeView.Val type) {
        ValueType t = plain(type);
        if (t == null) {
            throw new NotPlain();
        }
        return t;
    }

    /** A value type that mentions a resource, stream or future: no plain witx equivalent. */
    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    /** Whether a type import is {@code (sub resource)}: a new resource the provider must supply. */
    static boolean isFreshResource(TypeView.Extern.TypeItem t) {
        return t.referenced() instanceof TypeView.Resource && t.referenced().equals(t.created());
    }

    /**
     * Whether an instance of this type need not be supplied: it exports nothing but types with an
     * equality bound and (recursively) such instances. wasmtime checks a missing instance import
     * as an instance without exports, and skips exported types that are not fresh resources
     * ({@code crates/wasmtime/src/runtime/component/matching.rs}, {@code TypeChecker::instance}),
     * so the same imports link there.
     */
    public static boolean needsNoDefinition(TypeView.Instance type) {
        for (TypeView.Extern e : type.exports().values()) {
            boolean boundType = e instanceof TypeView.Extern.TypeItem t && !isFreshResource(t);
            if (!boundType && !(e instanceof TypeView.Extern.InstanceItem i && needsNoDefinition(i.type()))) {
                return false;
            }
        }
        return true;
    }

    /** A word for the kind of an extern type. */
    static String describe(TypeView.Extern e) {
        if (e instanceof TypeView.Extern.FuncItem) {
            return "a function";
        } else if (e instanceof TypeView.Extern.InstanceItem) {
            return "an instance";
        } else if (e instanceof TypeView.Extern.ComponentItem) {
            return "a component";
        } else if (e instanceof TypeView.Extern.ModuleItem) {
            return "a core module";
        } else if (e instanceof TypeView.Extern.ValueItem) {
            return "a value";
        }
        return "a type";
    }

    private static <T extends Item> T kind(String path, String expected, Item item, Class<T> kind) {
        if (!kind.isInstance(item)) {
            throw new LinkException(path, "expected " + expected + ", found a " + item.kind());
        }
        return kind.cast(item);
    }

    /** Why {@code actual} cannot be used where {@code expected} is imported, or null if it can. */
    private String funcProblem(TypeView.Func expected, FuncSig actual) {
        if (expected.params().size() != actual.paramTypes().size()) {
            return "expected " + expected.params().size() + " parameter(s), found "
                    + actual.paramTypes().size();
        }
        for (int i = 0; i < expected.params().size(); i++) {
            TypeView.Param p = expected.params().get(i);
            String problem = valProblem(p.type(), actual.paramTypes().get(i));
            if (problem != null) {
                return "parameter `" + p.name() + "`: " + problem;
            }
        }
        if (expected.result().isPresent() != actual.result().isPresent()) {
            return expected.result().isPresent() ? "expected a result, found none" : "expected no result, found one";
        }
        if (expected.result().isPresent()) {
            String problem = valProblem(expected.result().get(), actual.result().get());
            if (problem != null) {
                return "result: " + problem;
            }
        }
        return null;
    }

    private String valProblem(TypeView.Val expected, ValueType actual) {
        ValueType a = Layout.resolve(actual);
        if (expected instanceof TypeView.Primitive p) {
            return a == p.type() ? null : "expected " + p.type().witName() + ", found " + describe(a);
        }
        Shape s = ((TypeView.Defined) expected).shape();
        if (s instanceof Shape.Prim p) {
            return a == p.type() ? null : "expected " + p.type().witName() + ", found " + describe(a);
        } else if (s instanceof Shape.Record r && a instanceof ValueType.RecordType ar) {
            if (r.fields().size() != ar.fields().size()) {
                return "records differ in their number of fields";
            }
            for (int i = 0; i < r.fields().size(); i++) {
                if (!r.fields().get(i).name().equals(ar.fields().get(i).name())) {
                    return "record field `" + r.fields().get(i).name() + "` is missing";
                }
                String p =
                        valProblem(r.fields().get(i).type(), ar.fields().get(i).type());
                if (p != null) {
                    return "field `" + r.fields().get(i).name() + "`: " + p;
                }
            }
            return null;
        } else if (s instanceof Shape.Variant v && a instanceof ValueType.VariantType av) {
            if (v.cases().size() != av.cases().size()) {
                return "variants differ in their number of cases";
            }
            for (int i = 0; i < v.cases().size(); i++) {
                String p = optProblem(v.cases().get(i).type(), av.cases().get(i).type());
                if (!v.cases().get(i).name().equals(av.cases().get(i).name()) || p != null) {
                    return "case `" + v.cases().get(i).name() + "` differs" + (p == null ? "" : ": " + p);
                }
            }
            return null;
        } else if (s instanceof Shape.ListOf l
                && (a instanceof ValueType.ListType || a instanceof ValueType.FixedListType)) {
            boolean fixed = a instanceof ValueType.FixedListType;
            if (l.length().isPresent() != fixed
                    || fixed && l.length().getAsLong() != ((ValueType.FixedListType) a).length()) {
                return "list lengths differ";
            }
            return valProblem(
                    l.element(), fixed ? ((ValueType.FixedListType) a).element() : ((ValueType.ListType) a).element());
        } else if (s instanceof Shape.Tuple t && a instanceof ValueType.TupleType at) {
            return listProblem(t.types(), at.types(), "tuple");
        } else if (s instanceof Shape.Flags f && a instanceof ValueType.FlagsType af) {
            return f.names()
                            .equals(af.flags().stream()
                                    .map(ValueType.Flag::name)
                                    .toList())
                    ? null
                    : "flags differ";
        } else if (s instanceof Shape.Enum e && a instanceof ValueType.EnumType ae) {
            return e.names()
                            .equals(ae.cases().stream()
                                    .map(ValueType.EnumCase::name)
                                    .toList())
                    ? null
                    : "enum cases differ";
        } else if (s instanceof Shape.Option o && a instanceof ValueType.OptionType ao) {
            return valProblem(o.type(), ao.type());
        } else if (s instanceof Shape.Result r && a instanceof ValueType.ResultType ar) {
            String p = optProblem(r.ok(), ar.ok());
            return p != null ? "ok: " + p : optProblem(r.err(), ar.err());
        } else if (s instanceof Shape.Own o && a instanceof ValueType.HandleType h && !h.borrow()) {
            return resourceProblem(o.resource(), h);
        } else if (s instanceof Shape.Borrow b && a instanceof ValueType.HandleType h && h.borrow()) {
            return resourceProblem(b.resource(), h);
        } else if (s instanceof Shape.Stream && a instanceof ValueType.StreamType
                || s instanceof Shape.Future && a instanceof ValueType.FutureType) {
            return null;
        } else if (s instanceof Shape.MapOf m && a instanceof ValueType.MapType am) {
            String p = valProblem(m.key(), am.key());
            return p != null ? p : valProblem(m.value(), am.value());
        }
        return "expected " + s.getClass().getSimpleName().toLowerCase() + ", found " + describe(a);
    }

    /**
     * Why a handle of {@code actual}'s resource is not one of {@code expected}, or null if it is or
     * if the resource is the component's own (known only once an instance exists).
     */
    private String resourceProblem(TypeView.Resource expected, ValueType.HandleType actual) {
        RuntimeResource r = provided.get(expected.resource());
        if (r == null || r.def() == actual.resource()) {
            return null;
        }
        return RuntimeResource.mismatch(r.type(), RuntimeResource.typeOf(actual.resource()));
    }

    private String listProblem(List<TypeView.Val> expected, List<ValueType> actual, String what) {
        if (expected.size() != actual.size()) {
            return what + " lengths differ";
        }
        for (int i = 0; i < expected.size(); i++) {
            String p = valProblem(expected.get(i), actual.get(i));
            if (p != null) {
                return what + " element " + i + ": " + p;
            }
        }
        return null;
    }

    private String optProblem(Optional<TypeView.Val> expected, Optional<ValueType> actual) {
        if (expected.isPresent() != actual.isPresent()) {
            return "payloads differ";
        }
        return expected.isPresent() ? valProblem(expected.get(), actual.get()) : null;
    }

    private static String describe(ValueType t) {
        if (t instanceof ValueType.Primitive p) {
            return p.witName();
        }
        String n = t.getClass().getSimpleName().replace("Type", "").toLowerCase();
        return n.equals("handle") ? (((ValueType.HandleType) t).borrow() ? "borrow" : "own") : n;
    }
}
