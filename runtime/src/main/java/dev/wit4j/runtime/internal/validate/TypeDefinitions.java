package dev.wit4j.runtime.internal.validate;

import static dev.wit4j.runtime.internal.validate.Scope.error;

import dev.wit4j.binary.ComponentValType;
import dev.wit4j.binary.CoreCompositeType;
import dev.wit4j.binary.CoreHeapType;
import dev.wit4j.binary.CoreRecGroup;
import dev.wit4j.binary.CoreSubType;
import dev.wit4j.binary.CoreTypeRef;
import dev.wit4j.binary.CoreValueType;
import dev.wit4j.binary.DefType;
import dev.wit4j.binary.DefValType;
import dev.wit4j.binary.ModuleDecl;
import dev.wit4j.binary.PrimValType;
import dev.wit4j.runtime.core.CoreExternType;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreImport;
import dev.wit4j.runtime.core.CoreValType;
import dev.wit4j.witx.model.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns decoded type definitions into the validator's types, checking the rules of Explainer
 * "Type Definitions" and Binary.md's notes on them (non-empty records, kebab-case labels, handles
 * of resources only, no {@code borrow} in results, size and nesting limits).
 */
final class TypeDefinitions {

    /** wasmparser's limit on the nesting of component value types. */
    static final int MAX_DEPTH = 100;

    private TypeDefinitions() {}

    // ---- value types ----------------------------------------------------------------------

    static PrimitiveType primitive(PrimValType p) {
        return PrimitiveType.of(ValueType.Primitive.valueOf(p.name()));
    }

    static ValType valType(Scope scope, ComponentValType type, long offset) {
        if (type instanceof PrimValType p) {
            FeatureGates.primitive(scope, p, offset);
            return primitive(p);
        }
        long index = ((ComponentValType.Indexed) type).typeIndex();
        return scope.definedType(index, offset);
    }

    private static ValType optionalValType(Scope scope, Optional<ComponentValType> type, long offset) {
        return type.isPresent() ? valType(scope, type.get(), offset) : null;
    }

    static DefinedType defined(Scope scope, DefValType t) {
        long offset = t.offset();
        FeatureGates.definedType(scope, t, offset);
        Shape shape;
        if (t instanceof DefValType.PrimitiveType p) {
            FeatureGates.primitive(scope, p.type(), offset);
            shape = new Shape.Primitive(primitive(p.type()));
        } else if (t instanceof DefValType.RecordType r) {
            if (r.fields().isEmpty()) throw error(offset, "record type must have at least one field");
            List<Shape.Field> fields = new ArrayList<>();
            Map<String, String> seen = new HashMap<>();
            for (DefType.LabeledType f : r.fields()) {
                label("record field", "field", seen, f.label(), offset);
                fields.add(new Shape.Field(f.label(), valType(scope, f.type(), offset)));
            }
            shape = new Shape.Record(fields);
        } else if (t instanceof DefValType.VariantType v) {
            if (v.cases().isEmpty()) throw error(offset, "variant type must have at least one case");
            List<Shape.Case> cases = new ArrayList<>();
            Map<String, String> seen = new HashMap<>();
            for (DefValType.Case c : v.cases()) {
                label("variant case", "case", seen, c.label(), offset);
                cases.add(new Shape.Case(c.label(), optionalValType(scope, c.type(), offset)));
            }
            shape = new Shape.Variant(cases);
        } else if (t instanceof DefValType.ListType l) {
            shape = new Shape.ListOf(valType(scope, l.element(), offset), -1);
        } else if (t instanceof DefValType.FixedListType l) {
            if (l.length() == 0) throw error(offset, "Fixed-length lists must have more than zero elements");
            shape = new Shape.ListOf(valType(scope, l.element(), offset), l.length());
        } else if (t instanceof DefValType.TupleType tt) {
            if (tt.types().isEmpty()) throw error(offset, "tuple type must have at least one type");
            List<ValType> types = new ArrayList<>();
            for (ComponentValType c : tt.types()) types.add(valType(scope, c, offset));
            shape = new Shape.Tuple(types);
        } else if (t instanceof DefValType.FlagsType f) {
            if (f.labels().isEmpty()) throw error(offset, "flags must have at least one entry");
            if (f.labels().size() > 32) throw error(offset, "cannot have more than 32 flags");
            Map<String, String> seen = new HashMap<>();
            for (String l : f.labels()) label("flag", "flag", seen, l, offset);
            shape = new Shape.Flags(f.labels());
        } else if (t instanceof DefValType.EnumType e) {
            if (e.labels().isEmpty()) throw error(offset, "enum type must have at least one variant");
            Map<String, String> seen = new HashMap<>();
            for (String l : e.labels()) label("enum tag", "tag", seen, l, offset);
            shape = new Shape.Enum(e.labels());
        } else if (t instanceof DefValType.OptionType o) {
            shape = new Shape.Option(valType(scope, o.type(), offset));
        } else if (t instanceof DefValType.ResultType r) {
            shape = new Shape.Result(optionalValType(scope, r.ok(), offset), optionalValType(scope, r.error(), offset));
        } else if (t instanceof DefValType.OwnType o) {
            shape = new Shape.Own(scope.resourceType(o.typeIndex(), offset));
        } else if (t instanceof DefValType.BorrowType b) {
            shape = new Shape.Borrow(scope.resourceType(b.typeIndex(), offset));
        } else if (t instanceof DefValType.StreamType s) {
            ValType element = optionalValType(scope, s.element(), offset);
            if (Subtyping.unwrapPrimitive(element) == PrimitiveType.CHAR) {
                throw error(offset, "`stream<char>` is not valid at this time, use `stream<u8>` instead");
            }
            shape = new Shape.Stream(element);
        } else if (t instanceof DefValType.FutureType f) {
            shape = new Shape.Future(optionalValType(scope, f.element(), offset));
        } else if (t instanceof DefValType.MapType m) {
            ValType key = valType(scope, m.key(), offset);
            if (!(Subtyping.unwrapPrimitive(key) instanceof PrimitiveType p)
                    || p == PrimitiveType.F32
                    || p == PrimitiveType.F64
                    || p == PrimitiveType.ERROR_CONTEXT) {
                throw error(offset, "map key must be a boolean, integer, char or string type");
            }
            shape = new Shape.MapOf(key, valType(scope, m.value(), offset));
        } else {
            throw error(offset, "unsupported defined type");
        }
        DefinedType type = new DefinedType(shape);
        if (type.depth() > MAX_DEPTH) throw error(offset, "type nesting is too deep");
        if (type.elemSize() >= TypeLayout.MAX_SIZE) {
            throw error(offset, "value type exceeds maximum byte size of 2^28 bytes");
        }
        return type;
    }

    /** Checks a label of a record, variant, flags, enum or parameter list (kebab, unique). */
    static void label(String desc, String shortDesc, Map<String, String> seen, String name, long offset) {
        if (name.isEmpty()) throw error(offset, desc + " name cannot be empty");
        if (!Names.isKebab(name)) throw error(offset, desc + " name `" + name + "` is not in kebab case");
        String prev = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        if (prev != null) {
            throw error(
                    offset,
                    desc + " name `" + name + "` conflicts with previous " + shortDesc + " name `" + prev + "`");
        }
    }

    static FuncType func(Scope scope, DefType.FuncType t) {
        long offset = t.offset();
        FeatureGates.funcType(scope, t.async(), offset);
        List<FuncType.Param> params = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (DefType.LabeledType p : t.params()) {
            label("function parameter", "parameter", seen, p.label(), offset);
            params.add(new FuncType.Param(p.label(), valType(scope, p.type(), offset)));
        }
        ValType result = optionalValType(scope, t.result(), offset);
        if (result instanceof DefinedType d && d.containsBorrow()) {
            throw error(offset, "function result cannot contain a `borrow` type");
        }
        return new FuncType(t.async(), params, result);
    }

    // ---- core types -----------------------------------------------------------------------

    static CoreValType coreValType(CoreValueType t) {
        if (t instanceof CoreValueType.Num n) {
            switch (n) {
                case I32:
                    return CoreValType.I32;
                case I64:
                    return CoreValType.I64;
                case F32:
                    return CoreValType.F32;
                case F64:
                    return CoreValType.F64;
                default:
                    return CoreValType.V128;
            }
        }
        CoreValueType.Ref r = (CoreValueType.Ref) t;
        if (r.nullable() && r.heapType() instanceof CoreHeapType.Abstract a && !a.shared()) {
            switch (a.kind()) {
                case FUNC:
                    return CoreValType.FUNCREF;
                case EXTERN:
                    return CoreValType.EXTERNREF;
                case EXN:
                    return CoreValType.EXNREF;
                default:
                    break;
            }
        }
        String heap = r.heapType() instanceof CoreHeapType.Abstract a
                ? a.kind().name().toLowerCase(Locale.ROOT)
                : r.heapType().toString();
        return new CoreValType("(ref " + (r.nullable() ? "null " : "") + heap + ")");
    }

    static CoreFuncType coreFunc(CoreCompositeType.Func f) {
        return new CoreFuncType(
                f.params().stream().map(TypeDefinitions::coreValType).toList(),
                f.results().stream().map(TypeDefinitions::coreValType).toList());
    }

    /** The entries one rec group adds to a core type index space. */
    static List<CoreType> recGroup(CoreRecGroup group) {
        List<CoreType> out = new ArrayList<>();
        for (CoreSubType sub : group.types()) {
            CoreCompositeType.Body body = sub.composite().body();
            if (body instanceof CoreCompositeType.Func f)
                out.add(new CoreType.Func(coreFunc(f), sub.composite().shared()));
            else
                out.add(new CoreType.Other(
                        body.getClass().getSimpleName().toLowerCase(Locale.ROOT),
                        sub.composite().shared()));
        }
        return out;
    }

    /** Validates a core module type; its type index space starts empty (Binary.md). */
    static CoreType.Module moduleType(Scope scope, dev.wit4j.binary.CoreType.Module m) {
        List<CoreType> types = new ArrayList<>();
        List<CoreImport> imports = new ArrayList<>();
        Map<String, CoreExternType> exports = new LinkedHashMap<>();
        for (ModuleDecl decl : m.decls()) {
            long offset = decl.offset();
            if (decl instanceof ModuleDecl.Type t) {
                types.addAll(recGroup(t.type()));
            } else if (decl instanceof ModuleDecl.OuterAlias a) {
                if (a.count() == 0) {
                    if (a.index() >= types.size())
                        throw error(offset, "unknown type " + a.index() + ": type index out of bounds");
                    types.add(types.get((int) a.index()));
                } else {
                    Scope target = scope;
                    for (long i = 1; i < a.count(); i++) {
                        target = target.parent;
                        if (target == null) throw error(offset, "invalid outer alias count of " + a.count());
                    }
                    CoreType t = target.coreType(a.index(), offset);
                    if (t instanceof CoreType.Module) {
                        throw error(offset, "type index " + a.index() + " is a module type, not a sub type");
                    }
                    types.add(t);
                }
            } else if (decl instanceof ModuleDecl.Import i) {
                imports.add(new CoreImport(i.module(), i.name(), coreExtern(types, i.type(), offset)));
            } else if (decl instanceof ModuleDecl.Export e) {
                if (exports.containsKey(e.name()))
                    throw error(offset, "export name `" + e.name() + "` already defined");
                exports.put(e.name(), coreExtern(types, e.type(), offset));
            }
        }
        CoreChecks.uniqueImports(imports, m.offset());
        return new CoreType.Module(imports, exports);
    }

    private static CoreFuncType funcAt(List<CoreType> types, long index, long offset) {
        if (index < 0 || index >= types.size())
            throw error(offset, "unknown type " + index + ": type index out of bounds");
        if (types.get((int) index) instanceof CoreType.Func f) return f.type();
        throw error(offset, "type index " + index + " is not a function type");
    }

    /**
     * Whether values of {@code type} may live in shared tables and globals (shared-everything
     * threads): numbers and vectors always, references when their heap type is shared.
     */
    private static boolean shared(List<CoreType> types, CoreValueType type) {
        if (!(type instanceof CoreValueType.Ref r)) return true;
        if (r.heapType() instanceof CoreHeapType.Abstract a) return a.shared();
        long index = r.heapType() instanceof CoreHeapType.Concrete c
                ? c.typeIndex()
                : ((CoreHeapType.Exact) r.heapType()).typeIndex();
        if (index < 0 || index >= types.size()) return false; // reported as an unknown type where it is resolved
        CoreType t = types.get((int) index);
        return t instanceof CoreType.Func f ? f.shared() : t instanceof CoreType.Other o && o.shared();
    }

    static CoreExternType coreExtern(List<CoreType> types, CoreTypeRef ref, long offset) {
        if (ref instanceof CoreTypeRef.Func f) return new CoreExternType.Func(funcAt(types, f.typeIndex(), offset));
        if (ref instanceof CoreTypeRef.FuncExact f)
            return new CoreExternType.Func(funcAt(types, f.typeIndex(), offset));
        if (ref instanceof CoreTypeRef.Tag t) return new CoreExternType.Tag(funcAt(types, t.typeIndex(), offset));
        if (ref instanceof CoreTypeRef.Table t) {
            CoreChecks.table(t, offset);
            if (t.shared() && !shared(types, t.element()))
                throw error(offset, "shared tables must have a shared element type");
            return new CoreExternType.Table(
                    coreValType(t.element()), t.initial(), t.maximum().orElse(-1), t.shared());
        }
        if (ref instanceof CoreTypeRef.Memory m) {
            CoreChecks.memory(m, offset);
            return new CoreExternType.Memory(m.initial(), m.maximum().orElse(-1), m.shared(), m.memory64());
        }
        CoreTypeRef.Global g = (CoreTypeRef.Global) ref;
        if (g.shared() && !shared(types, g.type())) throw error(offset, "shared globals must have a shared value type");
        return new CoreExternType.Global(coreValType(g.type()), g.mutable());
    }
}
