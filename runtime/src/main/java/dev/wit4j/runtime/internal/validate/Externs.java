package dev.wit4j.runtime.internal.validate;

import static dev.wit4j.runtime.internal.validate.Scope.error;

import dev.wit4j.binary.ExternName;
import dev.wit4j.binary.ExternType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports and exports of components, component types and instance types: the {@code externtype}
 * they declare, the resources they introduce, the external-visibility rule (Explainer, "External
 * Visibility of Types") and the name rules ("Import and Export Definitions", "Name Uniqueness").
 */
final class Externs {

    private Externs() {}

    enum Direction {
        IMPORT("import"),
        EXPORT("export");

        final String word;

        Direction(String word) {
            this.word = word;
        }
    }

    /** The entity type an {@code externtype} describes in {@code scope}. */
    static EntityType entity(Scope scope, ExternType type, long offset) {
        if (type instanceof ExternType.Module m) {
            if (scope.coreType(m.coreTypeIndex(), offset) instanceof CoreType.Module mt)
                return new EntityType.Module(mt);
            throw error(offset, "core type index " + m.coreTypeIndex() + " is not a module type");
        }
        if (type instanceof ExternType.Func f) {
            return new EntityType.Func(scope.funcType(f.typeIndex(), offset));
        }
        if (type instanceof ExternType.Value v) {
            if (v.bound() instanceof ExternType.ValueBound.OfType t) {
                return new EntityType.Value(TypeDefinitions.valType(scope, t.type(), offset));
            }
            long index = ((ExternType.ValueBound.Eq) v.bound()).valueIndex();
            return new EntityType.Value(scope.value(index, offset));
        }
        if (type instanceof ExternType.Type t) {
            if (t.bound() instanceof ExternType.TypeBound.Eq eq) {
                AnyType referenced = scope.type(eq.typeIndex(), offset);
                return new EntityType.Type(referenced, renamed(referenced));
            }
            ResourceType fresh = ResourceType.of(ResourceId.fresh());
            return new EntityType.Type(fresh, fresh);
        }
        if (type instanceof ExternType.Component c) {
            if (scope.type(c.typeIndex(), offset) instanceof ComponentType ct) return new EntityType.Component(ct);
            throw error(offset, "type index " + c.typeIndex() + " is not a component type");
        }
        long index = ((ExternType.Instance) type).typeIndex();
        if (scope.type(index, offset) instanceof InstanceType it) return new EntityType.Instance(it);
        throw error(offset, "type index " + index + " is not an instance type");
    }

    /** The index-space entry an import or export of {@code type} creates: a new name for it. */
    static AnyType renamed(AnyType type) {
        if (type instanceof DefinedType d) return d.rename();
        // A new object for the same resource: only `(sub resource)` has created == referenced.
        if (type instanceof ResourceType r) return r.renamed();
        return type;
    }

    /**
     * Adds an import or export to {@code scope}: gives fresh identities to the abstract resources of
     * an instance type, appends the item to its index space, checks the external visibility of the
     * types it mentions and the rules of its name.
     */
    static EntityType add(Scope scope, Direction direction, ExternName name, EntityType type, long offset) {
        String raw = name.name();
        if (type instanceof EntityType.Value) FeatureGates.values(scope, offset);
        type = prepareInstance(scope, direction, raw, type);
        if (direction == Direction.IMPORT && equalsDefinedResource(scope, type)) {
            // `(type (eq $r))` of a resource this component defines, imported or in an imported
            // instance: whoever instantiates it cannot supply a resource that exists only inside
            throw error(offset, "local resource type found in imports");
        }
        if (type instanceof EntityType.Type t
                && t.created() instanceof ResourceType r
                && t.created() == t.referenced()) {
            if (direction == Direction.IMPORT) {
                scope.importedResources.put(r.id(), List.of(raw));
            } else if (scope.isType()) {
                scope.exportedAbstractResources.put(r.id(), List.of(raw));
            }
        }
        if (type instanceof EntityType.Value v) {
            // an export's new value index counts as consumed (Binary.md: values are consumed by
            // `export`); the value it re-exports was marked when it was referenced
            scope.addValue(v.type(), direction == Direction.EXPORT);
        } else {
            push(scope, type);
        }
        if (type instanceof EntityType.Type t && t.created() instanceof ResourceType r) {
            Map<ResourceType, String> names =
                    direction == Direction.IMPORT ? scope.importResourceNames : scope.exportResourceNames;
            names.putIfAbsent(r, raw);
        }
        if (scope.kind != Scope.Kind.INSTANCE_TYPE && !registerNamed(scope, direction, type)) {
            throw error(offset, type.sort() + " not valid to be used as " + direction.word);
        }
        checkName(
                scope,
                direction == Direction.IMPORT ? scope.importResourceNames : scope.exportResourceNames,
                direction == Direction.IMPORT ? scope.importKeys : scope.exportKeys,
                direction,
                name,
                type,
                offset);
        (direction == Direction.IMPORT ? scope.imports : scope.exports).put(raw, type);
        for (ExternName.Attribute a : name.attributes()) {
            if (a instanceof ExternName.Attribute.Implements impl) {
                (direction == Direction.IMPORT ? scope.importsImplement : scope.exportsImplement)
                        .put(raw, impl.interfaceName());
            }
        }
        return type;
    }

    /** Whether {@code type} is, or is an instance or component type holding, a type equal to a resource defined here. */
    private static boolean equalsDefinedResource(Scope scope, EntityType type) {
        if (type instanceof EntityType.Type t) {
            return t.referenced() instanceof ResourceType r && scope.definedResources.containsKey(r.id());
        }
        List<EntityType> inside = new ArrayList<>();
        if (type instanceof EntityType.Instance i)
            inside.addAll(i.type().exports().values());
        if (type instanceof EntityType.Component c) {
            inside.addAll(c.type().imports().values());
            inside.addAll(c.type().exports().values());
        }
        for (EntityType e : inside) {
            if (equalsDefinedResource(scope, e)) return true;
        }
        return false;
    }

    /**
     * Importing (or, in a type, exporting) an instance type gives its abstract resources fresh
     * identities, so that two imports of one instance type do not share resources.
     */
    private static EntityType prepareInstance(Scope scope, Direction direction, String name, EntityType type) {
        if (!(type instanceof EntityType.Instance inst)
                || inst.type().definedResources().isEmpty()) return type;
        if (direction == Direction.EXPORT && !scope.isType()) return type;
        Map<ResourceId, ResourceId> fresh =
                Substitution.freshen(inst.type().definedResources().keySet());
        Substitution s = new Substitution(fresh);
        InstanceType renamed = new InstanceType(s.entities(inst.type().exports()), Map.of());
        Map<ResourceId, List<String>> target =
                direction == Direction.IMPORT ? scope.importedResources : scope.exportedAbstractResources;
        inst.type().definedResources().forEach((id, path) -> {
            List<String> full = new ArrayList<>();
            full.add(name);
            full.addAll(path);
            target.put(fresh.get(id), List.copyOf(full));
        });
        return new EntityType.Instance(renamed);
    }

    /** Appends an item of the given type to the matching index space. */
    static void push(Scope scope, EntityType type) {
        if (type instanceof EntityType.Module m) scope.coreModules.add(m.type());
        else if (type instanceof EntityType.Func f) scope.funcs.add(f.type());
        else if (type instanceof EntityType.Value v) scope.addValue(v.type(), false);
        else if (type instanceof EntityType.Type t) scope.types.add(t.created());
        else if (type instanceof EntityType.Instance i) scope.instances.add(i.type());
        else if (type instanceof EntityType.Component c) scope.components.add(c.type());
    }

    // ---- external visibility --------------------------------------------------------------

    private static boolean registerNamed(Scope scope, Direction direction, EntityType type) {
        Set<Object> set = direction == Direction.IMPORT ? scope.importNamed : scope.exportNamed;
        if (type instanceof EntityType.Type t) {
            if (!allNamed(t.referenced(), set)) return false;
            // Only the new entry is named: the referenced type keeps its own (un)named status.
            AnyType created = t.created();
            if (created instanceof DefinedType || created instanceof ResourceType) {
                if (direction == Direction.IMPORT) scope.importNamed.add(created);
                scope.exportNamed.add(created);
            }
            return true;
        }
        if (type instanceof EntityType.Instance i) {
            for (EntityType e : i.type().exports().values()) {
                if (!registerNamed(scope, direction, e)) return false;
            }
            return true;
        }
        if (type instanceof EntityType.Func f) return namedFunc(f.type(), set);
        if (type instanceof EntityType.Value v) return named(v.type(), set);
        return true;
    }

    private static boolean allNamed(AnyType type, Set<Object> set) {
        if (type instanceof DefinedType d) return namedInside(d, set);
        if (type instanceof FuncType f) return namedFunc(f, set);
        if (type instanceof InstanceType i) return namedInstance(i, set);
        return true;
    }

    private static boolean namedInstance(InstanceType type, Set<Object> set) {
        for (EntityType e : type.exports().values()) {
            if (e instanceof EntityType.Func f && !namedFunc(f.type(), set)) return false;
            if (e instanceof EntityType.Type t && !allNamed(t.created(), set)) return false;
            if (e instanceof EntityType.Value v && v.type() instanceof DefinedType d && !namedInside(d, set))
                return false;
            if (e instanceof EntityType.Instance i && !namedInstance(i.type(), set)) return false;
        }
        return true;
    }

    private static boolean namedFunc(FuncType f, Set<Object> set) {
        for (FuncType.Param p : f.params()) if (!named(p.type(), set)) return false;
        return f.result() == null || named(f.result(), set);
    }

    /** Whether the parts of {@code type} that need a name have one. */
    private static boolean namedInside(DefinedType type, Set<Object> set) {
        Shape shape = type.shape();
        if (shape instanceof Shape.Own o) return set.contains(o.type());
        if (shape instanceof Shape.Borrow b) return set.contains(b.type());
        for (ValType child : type.children()) if (!named(child, set)) return false;
        return true;
    }

    /** Whether a use of {@code type} is allowed: records, variants, enums and flags need a name. */
    static boolean named(ValType type, Set<Object> set) {
        if (!(type instanceof DefinedType d)) return true;
        Shape shape = d.shape();
        if (shape instanceof Shape.Primitive) return true;
        if (shape instanceof Shape.Record
                || shape instanceof Shape.Variant
                || shape instanceof Shape.Enum
                || shape instanceof Shape.Flags) {
            return set.contains(d);
        }
        return namedInside(d, set);
    }

    // ---- names ----------------------------------------------------------------------------

    /**
     * The rules for an import or export name (Explainer, "Import and Export Definitions"): a valid
     * extern name of a kind allowed in that direction, attributes of enabled features and on the
     * right sort, {@code [method]}-style annotations that match {@code resourceNames}, and
     * strong uniqueness among {@code keys} (canonical name to the name first seen).
     */
    static void checkName(
            Scope scope,
            Map<ResourceType, String> resourceNames,
            Map<String, String> keys,
            Direction direction,
            ExternName name,
            EntityType type,
            long offset) {
        String raw = name.name();
        Names.ExternName parsed;
        try {
            parsed = Names.parse(raw);
        } catch (IllegalArgumentException e) {
            throw error(offset, direction.word + " name `" + raw + "` is not a valid extern name: " + e.getMessage());
        }
        if (direction == Direction.EXPORT
                && (parsed.kind() == Names.Kind.DEPENDENCY
                        || parsed.kind() == Names.Kind.URL
                        || parsed.kind() == Names.Kind.HASH)) {
            throw error(offset, "name `" + raw + "` is not a valid export name");
        }
        checkAttributes(scope, name, parsed, type, offset);
        try {
            checkAnnotation(resourceNames, parsed, type, offset);
        } catch (ValidationException e) {
            throw error(offset, direction.word + " name `" + raw + "` is not valid: " + e.reason());
        }
        String prev = keys.putIfAbsent(parsed.uniquenessKey(), raw);
        if (prev != null) {
            throw error(offset, direction.word + " name `" + raw + "` conflicts with previous name `" + prev + "`");
        }
    }

    private static void checkAttributes(
            Scope scope, ExternName name, Names.ExternName parsed, EntityType type, long offset) {
        boolean implementsSeen = false;
        boolean suffixSeen = false;
        boolean idSeen = false;
        for (ExternName.Attribute a : name.attributes()) {
            FeatureGates.attribute(scope, a, offset);
            if (a instanceof ExternName.Attribute.Implements impl) {
                if (implementsSeen) throw error(offset, "duplicate 'implements' option in name");
                implementsSeen = true;
                if (parsed.kind() != Names.Kind.LABEL) {
                    throw error(offset, "name `" + name.name() + "` is not valid with `implements`");
                }
                if (!(type instanceof EntityType.Instance))
                    throw error(offset, "only instances can have an `implements`");
                Names.ExternName target;
                try {
                    target = Names.parse(impl.interfaceName());
                } catch (IllegalArgumentException e) {
                    throw error(offset, "`" + impl.interfaceName() + "` is not a valid name: " + e.getMessage());
                }
                if (target.kind() != Names.Kind.INTERFACE) {
                    throw error(offset, "name `" + impl.interfaceName() + "` must be an interface");
                }
            } else if (a instanceof ExternName.Attribute.VersionSuffix vs) {
                if (suffixSeen) throw error(offset, "duplicate 'versionsuffix' option in name");
                suffixSeen = true;
                if (!(type instanceof EntityType.Instance))
                    throw error(offset, "only instances can have an `versionsuffix`");
                if (parsed.kind() == Names.Kind.INTERFACE) {
                    String version = parsed.version();
                    if (version == null || !Names.isCanonVersion(version) || !Names.isSemver(version + vs.suffix())) {
                        throw error(
                                offset,
                                "invalid interface version: `" + version + vs.suffix() + "` is not a valid semver"
                                        + detail(version == null ? vs.suffix() : version + vs.suffix()));
                    }
                }
            } else if (a instanceof ExternName.Attribute.ExternalId) {
                if (idSeen) throw error(offset, "duplicate 'external-id' option in name");
                idSeen = true;
            }
        }
        if (!suffixSeen
                && parsed.kind() == Names.Kind.INTERFACE
                && parsed.version() != null
                && !Names.isSemver(parsed.version())
                && !Names.isCanonVersion(parsed.version())) {
            throw error(
                    offset,
                    "invalid interface version: `" + parsed.version() + "` is not a valid semver"
                            + detail(parsed.version()));
        }
    }

    /** The semver crate's reason, as wasm-tools words it, after a colon; empty when none. */
    private static String detail(String version) {
        String problem = Semver.problem(version);
        return problem == null ? "" : ": " + problem;
    }

    /**
     * The rules of Binary.md for {@code [constructor]}, {@code [method]} and {@code [static]} names:
     * the resource must have been given that very name by an import or export of this context
     * ({@code resourceNames}, keyed by index-space entry). A bag-of-exports instance introduces no
     * index space, so its context is empty.
     */
    private static void checkAnnotation(
            Map<ResourceType, String> resourceNames, Names.ExternName name, EntityType type, long offset) {
        switch (name.kind()) {
            case CONSTRUCTOR: {
                FuncType f = func(type, offset);
                if (f.async()) throw error(offset, "constructor function cannot be async");
                if (f.result() == null) throw error(offset, "function should return one value");
                ResourceType resource = ownedResource(f.result());
                if (resource == null) throw error(offset, "function should return `(own $T)` or `(result (own $T))`");
                checkResourceName(resourceNames, resource, name.resource(), offset);
                break;
            }
            case METHOD: {
                FuncType f = func(type, offset);
                if (f.params().isEmpty()) throw error(offset, "function should have at least one argument");
                FuncType.Param self = f.params().get(0);
                if (!self.name().equals("self"))
                    throw error(offset, "function should have a first argument called `self`");
                if (!(self.type() instanceof DefinedType d && d.shape() instanceof Shape.Borrow b)) {
                    throw error(offset, "function should take a first argument of `(borrow $T)`");
                }
                checkResourceName(resourceNames, b.type(), name.resource(), offset);
                break;
            }
            case STATIC:
                func(type, offset);
                if (!resourceNames.containsValue(name.resource())) {
                    throw error(offset, "static resource name is not known in this context");
                }
                break;
            default:
                break;
        }
    }

    private static FuncType func(EntityType type, long offset) {
        if (type instanceof EntityType.Func f) return f.type();
        throw error(offset, "item is not a func");
    }

    private static ResourceType ownedResource(ValType result) {
        if (!(result instanceof DefinedType d)) return null;
        if (d.shape() instanceof Shape.Own o) return o.type();
        if (d.shape() instanceof Shape.Result r
                && r.ok() instanceof DefinedType ok
                && ok.shape() instanceof Shape.Own o) {
            return o.type();
        }
        return null;
    }

    private static void checkResourceName(
            Map<ResourceType, String> names, ResourceType id, String expected, long offset) {
        String actual = names.get(id);
        if (actual == null) throw error(offset, "resource used in function does not have a name in this context");
        if (!actual.equals(expected)) {
            throw error(offset, "function does not match expected resource name `" + actual + "`");
        }
    }
}
