package dev.wit4j.runtime.internal.validate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces resource identities throughout a type: used when instantiation supplies the resources
 * a component imports, when instantiation or an instance import freshens abstract resources, and
 * when subtyping lines up the abstract resources of two types (Binary.md, "instantiate": "the
 * actual type supplied is immediately substituted for all uses of the import").
 *
 * <p>Types without any replaced resource are returned unchanged, keeping their identity.
 */
final class Substitution {

    private final Map<ResourceId, ResourceId> map;
    private final IdentityHashMap<DefinedType, DefinedType> done = new IdentityHashMap<>();

    private boolean replacesTypes;

    Substitution(Map<ResourceId, ResourceId> map) {
        this.map = map;
    }

    /** Also replaces every use of the defined type {@code from} (by identity) with {@code to}. */
    void replace(DefinedType from, DefinedType to) {
        done.put(from, to);
        replacesTypes = true;
    }

    private boolean isEmpty() {
        return map.isEmpty() && !replacesTypes;
    }

    ResourceId resource(ResourceId id) {
        return map.getOrDefault(id, id);
    }

    /** The resource entry with its resource replaced; the entry keeps its alias (its name). */
    ResourceType resource(ResourceType type) {
        return type.withId(resource(type.id()));
    }

    ValType valType(ValType type) {
        if (type == null || type instanceof PrimitiveType || isEmpty()) return type;
        return defined((DefinedType) type);
    }

    DefinedType defined(DefinedType type) {
        DefinedType cached = done.get(type);
        if (cached != null) return cached;
        Shape shape = type.shape();
        Shape mapped = shape(shape);
        DefinedType result = mapped == shape ? type : new DefinedType(mapped);
        done.put(type, result);
        return result;
    }

    /** {@code shape} with its types substituted: {@code shape} itself if none of them changed. */
    private Shape shape(Shape shape) {
        if (shape instanceof Shape.Record r) {
            List<Shape.Field> fields = new ArrayList<>();
            boolean changed = false;
            for (Shape.Field f : r.fields()) {
                ValType t = valType(f.type());
                changed |= t != f.type();
                fields.add(new Shape.Field(f.name(), t));
            }
            return changed ? new Shape.Record(fields) : shape;
        }
        if (shape instanceof Shape.Variant v) {
            List<Shape.Case> cases = new ArrayList<>();
            boolean changed = false;
            for (Shape.Case c : v.cases()) {
                ValType t = valType(c.type());
                changed |= t != c.type();
                cases.add(new Shape.Case(c.name(), t));
            }
            return changed ? new Shape.Variant(cases) : shape;
        }
        if (shape instanceof Shape.Tuple t) {
            List<ValType> types = new ArrayList<>();
            boolean changed = false;
            for (ValType type : t.types()) {
                ValType mapped = valType(type);
                changed |= mapped != type;
                types.add(mapped);
            }
            return changed ? new Shape.Tuple(types) : shape;
        }
        if (shape instanceof Shape.ListOf l) {
            ValType e = valType(l.element());
            return e == l.element() ? shape : new Shape.ListOf(e, l.length());
        }
        if (shape instanceof Shape.Option o) {
            ValType t = valType(o.type());
            return t == o.type() ? shape : new Shape.Option(t);
        }
        if (shape instanceof Shape.Result r) {
            ValType ok = valType(r.ok());
            ValType err = valType(r.err());
            return ok == r.ok() && err == r.err() ? shape : new Shape.Result(ok, err);
        }
        if (shape instanceof Shape.Own o) {
            ResourceType t = resource(o.type());
            return t == o.type() ? shape : new Shape.Own(t);
        }
        if (shape instanceof Shape.Borrow b) {
            ResourceType t = resource(b.type());
            return t == b.type() ? shape : new Shape.Borrow(t);
        }
        if (shape instanceof Shape.Stream st) {
            ValType e = valType(st.element());
            return e == st.element() ? shape : new Shape.Stream(e);
        }
        if (shape instanceof Shape.Future f) {
            ValType e = valType(f.element());
            return e == f.element() ? shape : new Shape.Future(e);
        }
        if (shape instanceof Shape.MapOf m) {
            ValType k = valType(m.key());
            ValType v = valType(m.value());
            return k == m.key() && v == m.value() ? shape : new Shape.MapOf(k, v);
        }
        return shape;
    }

    FuncType func(FuncType type) {
        if (isEmpty()) return type;
        List<FuncType.Param> params = new ArrayList<>();
        boolean changed = false;
        for (FuncType.Param p : type.params()) {
            ValType t = valType(p.type());
            changed |= t != p.type();
            params.add(new FuncType.Param(p.name(), t));
        }
        ValType result = valType(type.result());
        return changed || result != type.result() ? new FuncType(type.async(), params, result) : type;
    }

    AnyType any(AnyType type) {
        if (isEmpty()) return type;
        if (type instanceof DefinedType d) return defined(d);
        if (type instanceof FuncType f) return func(f);
        if (type instanceof ResourceType r) return resource(r);
        if (type instanceof InstanceType i) return instance(i);
        return component((ComponentType) type);
    }

    InstanceType instance(InstanceType type) {
        if (isEmpty()) return type;
        return new InstanceType(entities(type.exports()), paths(type.definedResources()));
    }

    ComponentType component(ComponentType type) {
        if (isEmpty()) return type;
        return new ComponentType(
                entities(type.imports()),
                entities(type.exports()),
                paths(type.importedResources()),
                paths(type.definedResources()),
                type.importsImplement(),
                type.exportsImplement());
    }

    Map<String, EntityType> entities(Map<String, EntityType> entities) {
        Map<String, EntityType> out = new LinkedHashMap<>();
        entities.forEach((name, type) -> out.put(name, entity(type)));
        return out;
    }

    private Map<ResourceId, List<String>> paths(Map<ResourceId, List<String>> paths) {
        Map<ResourceId, List<String>> out = new LinkedHashMap<>();
        paths.forEach((id, path) -> out.put(resource(id), path));
        return out;
    }

    EntityType entity(EntityType type) {
        if (isEmpty()) return type;
        if (type instanceof EntityType.Func f) return new EntityType.Func(func(f.type()));
        if (type instanceof EntityType.Value v) return new EntityType.Value(valType(v.type()));
        if (type instanceof EntityType.Instance i) return new EntityType.Instance(instance(i.type()));
        if (type instanceof EntityType.Component c) return new EntityType.Component(component(c.type()));
        if (type instanceof EntityType.Type t) {
            AnyType referenced = any(t.referenced());
            AnyType created = t.created() == t.referenced() ? referenced : any(t.created());
            return new EntityType.Type(referenced, created);
        }
        return type; // core modules cannot mention resources
    }

    /** Follows a path of names (import or export name, then instance export names) to a resource. */
    static ResourceId resourceAt(Map<String, EntityType> entities, List<String> path) {
        EntityType current = entities.get(path.get(0));
        for (int i = 1; i < path.size(); i++) {
            if (!(current instanceof EntityType.Instance inst)) return null;
            current = inst.type().exports().get(path.get(i));
        }
        if (current instanceof EntityType.Type t && t.created() instanceof ResourceType r) return r.id();
        return null;
    }

    /** A substitution giving each listed resource a fresh identity. */
    static Map<ResourceId, ResourceId> freshen(Iterable<ResourceId> resources) {
        Map<ResourceId, ResourceId> out = new LinkedHashMap<>();
        for (ResourceId id : resources) out.put(id, ResourceId.fresh());
        return out;
    }
}
