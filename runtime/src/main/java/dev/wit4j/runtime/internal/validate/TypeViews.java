package dev.wit4j.runtime.internal.validate;

import dev.wit4j.runtime.TypeView;
import dev.wit4j.witx.model.ValueType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns the validator's internal types into the public {@link TypeView}. One converter gives one
 * consistent view: a defined type (identified by object identity internally) always maps to the
 * same {@link TypeView.Defined} with the same id.
 */
final class TypeViews {

    private final Map<DefinedType, TypeView.Defined> defined = new IdentityHashMap<>();
    private final Map<Object, TypeView> composite = new IdentityHashMap<>();

    private TypeViews() {}

    /** The view of a component type. */
    static TypeView.Component of(ComponentType type) {
        return new TypeViews().component(type);
    }

    private TypeView.Component component(ComponentType type) {
        TypeView cached = composite.get(type);
        if (cached != null) return (TypeView.Component) cached;
        TypeView.Component view = new TypeView.Component(
                externs(type.imports()), externs(type.exports()), type.importsImplement(), type.exportsImplement());
        composite.put(type, view);
        return view;
    }

    private TypeView.Instance instance(InstanceType type) {
        TypeView cached = composite.get(type);
        if (cached != null) return (TypeView.Instance) cached;
        TypeView.Instance view = new TypeView.Instance(externs(type.exports()));
        composite.put(type, view);
        return view;
    }

    private Map<String, TypeView.Extern> externs(Map<String, EntityType> entities) {
        Map<String, TypeView.Extern> out = new LinkedHashMap<>();
        entities.forEach((name, e) -> out.put(name, extern(e)));
        return out;
    }

    private TypeView.Extern extern(EntityType e) {
        if (e instanceof EntityType.Module m)
            return new TypeView.Extern.ModuleItem(m.type().imports(), m.type().exports());
        if (e instanceof EntityType.Func f) return new TypeView.Extern.FuncItem(func(f.type()));
        if (e instanceof EntityType.Value v) return new TypeView.Extern.ValueItem(val(v.type()));
        if (e instanceof EntityType.Type t) return new TypeView.Extern.TypeItem(any(t.referenced()), any(t.created()));
        if (e instanceof EntityType.Instance i) return new TypeView.Extern.InstanceItem(instance(i.type()));
        return new TypeView.Extern.ComponentItem(component(((EntityType.Component) e).type()));
    }

    private TypeView any(AnyType t) {
        if (t instanceof DefinedType d) return defined(d);
        if (t instanceof FuncType f) return func(f);
        if (t instanceof ComponentType c) return component(c);
        if (t instanceof InstanceType i) return instance(i);
        return resource((ResourceType) t);
    }

    private TypeView.Func func(FuncType f) {
        List<TypeView.Param> params = new ArrayList<>();
        for (FuncType.Param p : f.params()) params.add(new TypeView.Param(p.name(), val(p.type())));
        return new TypeView.Func(f.async(), params, opt(f.result()));
    }

    private static TypeView.Resource resource(ResourceType r) {
        return new TypeView.Resource(r.id().id(), r.alias());
    }

    private Optional<TypeView.Val> opt(ValType t) {
        return t == null ? Optional.empty() : Optional.of(val(t));
    }

    private TypeView.Val val(ValType t) {
        if (t instanceof PrimitiveType p) return new TypeView.Primitive(primitive(p));
        return defined((DefinedType) t);
    }

    private static ValueType.Primitive primitive(PrimitiveType p) {
        return p.type();
    }

    private TypeView.Defined defined(DefinedType d) {
        TypeView.Defined cached = defined.get(d);
        if (cached != null) return cached;
        // The shape first: converting it adds the definitions it refers to, and the id must be
        // taken after them so that no two definitions share one.
        TypeView.Shape shape = shape(d.shape());
        TypeView.Defined view = new TypeView.Defined(defined.size() + 1L, shape);
        defined.put(d, view);
        return view;
    }

    private TypeView.Shape shape(Shape s) {
        if (s instanceof Shape.Primitive p) return new TypeView.Shape.Prim(primitive(p.type()));
        if (s instanceof Shape.Record r) {
            List<TypeView.Shape.Field> fields = new ArrayList<>();
            for (Shape.Field f : r.fields()) fields.add(new TypeView.Shape.Field(f.name(), val(f.type())));
            return new TypeView.Shape.Record(fields);
        }
        if (s instanceof Shape.Variant v) {
            List<TypeView.Shape.Case> cases = new ArrayList<>();
            for (Shape.Case c : v.cases()) cases.add(new TypeView.Shape.Case(c.name(), opt(c.type())));
            return new TypeView.Shape.Variant(cases);
        }
        if (s instanceof Shape.ListOf l) {
            return new TypeView.Shape.ListOf(
                    val(l.element()), l.length() < 0 ? OptionalLong.empty() : OptionalLong.of(l.length()));
        }
        if (s instanceof Shape.Tuple t)
            return new TypeView.Shape.Tuple(t.types().stream().map(this::val).toList());
        if (s instanceof Shape.Flags f) return new TypeView.Shape.Flags(f.names());
        if (s instanceof Shape.Enum e) return new TypeView.Shape.Enum(e.names());
        if (s instanceof Shape.Option o) return new TypeView.Shape.Option(val(o.type()));
        if (s instanceof Shape.Result r) return new TypeView.Shape.Result(opt(r.ok()), opt(r.err()));
        if (s instanceof Shape.Own o) return new TypeView.Shape.Own(resource(o.type()));
        if (s instanceof Shape.Borrow b) return new TypeView.Shape.Borrow(resource(b.type()));
        if (s instanceof Shape.Stream st) return new TypeView.Shape.Stream(opt(st.element()));
        if (s instanceof Shape.Future f) return new TypeView.Shape.Future(opt(f.element()));
        Shape.MapOf m = (Shape.MapOf) s;
        return new TypeView.Shape.MapOf(val(m.key()), val(m.value()));
    }
}
