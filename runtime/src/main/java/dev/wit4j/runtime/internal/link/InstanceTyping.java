package dev.wit4j.runtime.internal.link;

import dev.wit4j.binary.Alias;
import dev.wit4j.binary.ComponentDecl;
import dev.wit4j.binary.ExternType;
import dev.wit4j.binary.InstanceDecl;
import dev.wit4j.binary.Sort;
import dev.wit4j.binary.SortIdx;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.runtime.value.ValueTypeMismatchException;
import dev.wit4j.witx.model.ValueType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives a provided instance the type an import declares (Explainer.md "Instance types" and
 * "Import and export definitions"): walks the instance type's declarators, binding each abstract
 * {@code (sub resource)} export to the resource the provider supplies, so that the function types
 * that follow mention the provider's run-time resources. The result holds exactly the declared
 * exports, each function carrying the declared (importer-side) signature.
 *
 * <p>What a linker provides was checked against the component's type before any instance
 * ({@link ImportCheck}, resources included); the comparisons made here while binding are the
 * check only where nothing was known before: the imports of a component that its importer
 * instantiates (a component import, or a component passed in), and handles of resources an
 * instance defines itself.
 */
final class InstanceTyping {

    private InstanceTyping() {}

    /**
     * The view of {@code provided} through {@code type}.
     *
     * @throws LinkException naming {@code path} if something declared is missing or of another kind
     */
    static Item.Instance typed(RtType.Instance type, Item provided, String path) {
        if (!(provided instanceof Item.Instance inst)) {
            throw new LinkException(path, "expected an instance, found a " + provided.kind());
        }
        TypeEval.LocalScope local = new TypeEval.LocalScope(type.scope());
        Map<String, Item> out = new LinkedHashMap<>();
        for (InstanceDecl d : type.decl().decls()) {
            if (d instanceof InstanceDecl.TypeDecl t) {
                local.types.add(TypeEval.eval(t.type(), local));
            } else if (d instanceof InstanceDecl.AliasDecl a) {
                if (a.alias() instanceof Alias.Outer o && o.sort() == Sort.TYPE) {
                    local.types.add(local.outer(o.count()).type(o.index()));
                } else if (!(a.alias() instanceof Alias.Outer o2 && o2.sort() == Sort.CORE_TYPE)) {
                    throw new LinkException(path, "not supported yet: this alias form inside an instance type");
                }
            } else if (d instanceof InstanceDecl.ExportDecl e) {
                String name = e.name().name();
                Item item = export(local, e.type(), inst.exports().get(name), path + "#" + name);
                out.put(name, item);
                if (item instanceof Item.Type t) {
                    local.types.add(t.type());
                }
            }
            // core type declarators only define core types, which nothing at run time needs
        }
        return new Item.Instance(out);
    }

    /**
     * The exports of an instance of a component whose export was ascribed {@code type}
     * (Explainer.md "Import and export definitions": an export's type ascription is what the
     * outside sees): only the exports the component type declares, each with its declared type;
     * resource types the component type imports are bound to what {@code imports} provides.
     *
     * @throws LinkException naming {@code path} if something declared is missing
     */
    static Map<String, Item> narrowed(
            RtType.Component type, Map<String, Item> imports, Map<String, Item> exports, String path) {
        TypeEval.LocalScope local = new TypeEval.LocalScope(type.scope());
        Map<String, Item> out = new LinkedHashMap<>();
        for (ComponentDecl d : type.decl().decls()) {
            if (d instanceof ComponentDecl.ImportDecl i) {
                String name = i.name().name();
                if (i.type() instanceof ExternType.Type) {
                    Item item = export(local, i.type(), imports.get(name), path + "#" + name);
                    local.types.add(((Item.Type) item).type());
                }
            } else if (d instanceof InstanceDecl.TypeDecl t) {
                local.types.add(TypeEval.eval(t.type(), local));
            } else if (d instanceof InstanceDecl.AliasDecl a) {
                if (a.alias() instanceof Alias.Outer o && o.sort() == Sort.TYPE) {
                    local.types.add(local.outer(o.count()).type(o.index()));
                } else if (!(a.alias() instanceof Alias.Outer o2 && o2.sort() == Sort.CORE_TYPE)) {
                    throw new LinkException(path, "not supported yet: this alias form inside a component type");
                }
            } else if (d instanceof InstanceDecl.ExportDecl e) {
                String name = e.name().name();
                Item item = export(local, e.type(), exports.get(name), path + "#" + name);
                out.put(name, item);
                if (item instanceof Item.Type t) {
                    local.types.add(t.type());
                }
            }
        }
        return out;
    }

    /** Types one item against its declared extern type; {@code provided} may be null. */
    static Item export(TypeScope scope, ExternType type, Item provided, String path) {
        if (type instanceof ExternType.Type t && t.bound() instanceof ExternType.TypeBound.Eq eq) {
            // an equality bound needs no definition; one that is given must be that very type
            RtType expected = scope.type(eq.typeIndex());
            if (expected instanceof RtType.Resource r
                    && provided instanceof Item.Type pt
                    && !(pt.type() instanceof RtType.Resource pr && pr.resource() == r.resource())) {
                throw new LinkException(path, RuntimeResource.mismatch(r.resource(), pt.type()));
            }
            return new Item.Type(expected);
        }
        if (provided == null
                && type instanceof ExternType.Instance i
                && isEmpty((RtType.Instance) scope.type(i.typeIndex()))) {
            provided = new Item.Instance(Map.of()); // empty instances need not be supplied (as in wasmtime)
        }
        if (provided == null) {
            throw new LinkException(
                    path,
                    "no definition was provided (expected a " + type.sort().text() + ")");
        }
        if (type instanceof ExternType.Type) {
            if (provided instanceof Item.Type pt && pt.type() instanceof RtType.Resource) {
                return provided;
            }
            throw new LinkException(path, "expected a resource type, found a " + provided.kind());
        } else if (type instanceof ExternType.Func f) {
            if (!(provided instanceof Item.Func pf)) {
                throw new LinkException(path, "expected a function, found a " + provided.kind());
            }
            FuncSig declared = ((RtType.Func) scope.type(f.typeIndex())).sig();
            FuncSig actual = pf.sig() != null ? pf.sig() : pf.func().signature().orElse(null);
            // host functions are untyped; a component's function must have exactly the declared
            // types, its resources included (handles name their run-time resource's definition)
            if (actual != null
                    && (!actual.paramTypes().equals(declared.paramTypes())
                            || !actual.result().equals(declared.result()))) {
                throw new LinkException(path, "function type mismatch (or mismatched resource types)");
            }
            return new Item.Func(pf.func(), declared);
        } else if (type instanceof ExternType.Instance i) {
            return typed((RtType.Instance) scope.type(i.typeIndex()), provided, path);
        } else if (type instanceof ExternType.Component) {
            return require(provided, Item.Component.class, "a component", path);
        } else if (type instanceof ExternType.Module) {
            return require(provided, Item.Module.class, "a core module", path);
        }
        return value(
                scope,
                (ExternType.Value) type,
                (Item.ValueItem) require(provided, Item.ValueItem.class, "a value", path),
                path);
    }

    /**
     * Checks a provided 🪙 value against its import's bound (Explainer.md "Value Definitions"): a
     * {@code valtype} the value must have, or {@code (eq i)}, the very value {@code i} of the
     * importing component's value index space.
     */
    private static Item.ValueItem value(TypeScope scope, ExternType.Value type, Item.ValueItem provided, String path) {
        if (type.bound() instanceof ExternType.ValueBound.OfType t) {
            ValueType expected = TypeEval.valType(t.type(), scope);
            try {
                provided.value().typeCheck(expected);
            } catch (ValueTypeMismatchException e) {
                throw new LinkException(path, "value type mismatch: " + e.getMessage());
            }
            return provided;
        }
        long index = ((ExternType.ValueBound.Eq) type.bound()).valueIndex();
        if (!(scope instanceof Frame frame)) {
            throw new LinkException(
                    path, "not supported yet: an (eq " + index + ") value bound inside a type declaration");
        }
        Value expected = ((Item.ValueItem) frame.item(new SortIdx(Sort.VALUE, index))).value();
        if (!expected.equals(provided.value())) {
            throw new LinkException(
                    path, "the value must equal value " + index + " (" + expected + "), found " + provided.value());
        }
        return provided;
    }

    /** Whether an instance type declares nothing but (recursively) empty instances. */
    static boolean isEmpty(RtType.Instance type) {
        TypeEval.LocalScope local = new TypeEval.LocalScope(type.scope());
        for (InstanceDecl d : type.decl().decls()) {
            if (d instanceof InstanceDecl.TypeDecl t) {
                local.types.add(TypeEval.eval(t.type(), local));
            } else if (d instanceof InstanceDecl.AliasDecl a
                    && a.alias() instanceof Alias.Outer o
                    && o.sort() == Sort.TYPE) {
                local.types.add(local.outer(o.count()).type(o.index()));
            } else if (d instanceof InstanceDecl.ExportDecl e) {
                if (!(e.type() instanceof ExternType.Instance i
                        && local.type(i.typeIndex()) instanceof RtType.Instance inner
                        && isEmpty(inner))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Item require(Item provided, Class<? extends Item> kind, String expected, String path) {
        if (!kind.isInstance(provided)) {
            throw new LinkException(path, "expected " + expected + ", found a " + provided.kind());
        }
        return provided;
    }
}
