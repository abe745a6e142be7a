package dev.wit4j.runtime.inspect;

import dev.wit4j.runtime.TypeView;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Import and export types spelled as in WIT, as far as a type without names can be: a function's
 * signature, an instance's functions; records and variants by their fields and cases, resources as
 * {@code own<resource>}. Internal; public for the annotation processor, whose messages spell a
 * component's types the same way.
 */
public final class TypeText {

    /** How deep nested value types are spelled out before {@code …}. */
    private static final int DEPTH = 4;

    private TypeText() {}

    static String kind(TypeView.Extern type) {
        if (type instanceof TypeView.Extern.FuncItem) return "func";
        if (type instanceof TypeView.Extern.InstanceItem) return "instance";
        if (type instanceof TypeView.Extern.ComponentItem) return "component";
        if (type instanceof TypeView.Extern.ModuleItem) return "module";
        if (type instanceof TypeView.Extern.ValueItem) return "value";
        return "type";
    }

    /** The types of a component's imports and exports, spelled with the names it gives its types. */
    static Map<String, String> of(Map<String, TypeView.Extern> items, Map<String, TypeView.Extern> alsoNaming) {
        Map<String, TypeView.Extern> naming = new LinkedHashMap<>(alsoNaming);
        naming.putAll(items);
        Names names = Names.of(naming);
        Map<String, String> out = new LinkedHashMap<>();
        items.forEach((name, type) -> out.put(name, of(type, names)));
        return out;
    }

    /**
     * A value type spelled without names for its types (records by their fields, resources as
     * {@code own<resource>}), as messages that compare a component's type with another show it.
     */
    public static String value(TypeView.Val type) {
        return val(type, 0, Names.NONE);
    }

    /** {@code type} spelled without names for its types. */
    static String of(TypeView.Extern type) {
        return of(type, Names.NONE);
    }

    private static String of(TypeView.Extern type, Names names) {
        if (type instanceof TypeView.Extern.FuncItem f) return func(f.type(), names);
        if (type instanceof TypeView.Extern.InstanceItem i)
            return instance(i.type().exports());
        if (type instanceof TypeView.Extern.ComponentItem c) {
            return "component (" + c.type().imports().size() + " imports, "
                    + c.type().exports().size() + " exports)";
        }
        if (type instanceof TypeView.Extern.ModuleItem m) {
            return "core module (" + m.imports().size() + " imports, "
                    + m.exports().size() + " exports)";
        }
        if (type instanceof TypeView.Extern.ValueItem v) return val(v.type(), 0, names);
        TypeView.Extern.TypeItem t = (TypeView.Extern.TypeItem) type;
        if (t.referenced() instanceof TypeView.Defined d) {
            // the definition itself, not the name it is exported under
            return val(d, 0, new Names(Map.of(), names.entries(), names.resources()));
        }
        if (t.referenced() instanceof TypeView.Resource) return "resource";
        return "type";
    }

    private static String instance(Map<String, TypeView.Extern> exports) {
        Names names = Names.of(exports);
        StringJoiner j = new StringJoiner("; ", "{ ", " }").setEmptyValue("{}");
        for (Map.Entry<String, TypeView.Extern> e : exports.entrySet()) {
            if (e.getValue() instanceof TypeView.Extern.FuncItem f) {
                j.add(e.getKey() + ": " + func(f.type(), names));
            } else if (e.getValue() instanceof TypeView.Extern.TypeItem) {
                j.add("type " + e.getKey());
            } else {
                j.add(e.getKey() + ": " + kind(e.getValue()));
            }
        }
        return j.toString();
    }

    static String func(TypeView.Func f, Names names) {
        StringJoiner params = new StringJoiner(", ", (f.async() ? "async " : "") + "func(", ")");
        for (TypeView.Param p : f.params()) params.add(p.name() + ": " + val(p.type(), 0, names));
        return params + f.result().map(r -> " -> " + val(r, 0, names)).orElse("");
    }

    /** The names an instance gives its types: defined types by id, resources by entry and by resource. */
    record Names(Map<Long, String> defined, Map<Long, String> entries, Map<Long, String> resources) {
        static final Names NONE = new Names(Map.of(), Map.of(), Map.of());

        static Names of(Map<String, TypeView.Extern> exports) {
            Map<Long, String> defined = new HashMap<>();
            Map<Long, String> entries = new HashMap<>();
            Map<Long, String> resources = new HashMap<>();
            for (Map.Entry<String, TypeView.Extern> e : exports.entrySet()) {
                if (e.getValue() instanceof TypeView.Extern.TypeItem t) {
                    for (TypeView view : new TypeView[] {t.created(), t.referenced()}) {
                        if (view instanceof TypeView.Defined d) defined.putIfAbsent(d.id(), e.getKey());
                        if (view instanceof TypeView.Resource r) {
                            entries.putIfAbsent(r.entry(), e.getKey());
                            resources.putIfAbsent(r.resource(), e.getKey());
                        }
                    }
                }
            }
            return new Names(defined, entries, resources);
        }

        String resource(TypeView.Resource r) {
            String name = entries.get(r.entry());
            if (name == null) name = resources.get(r.resource());
            return name == null ? "resource" : name;
        }
    }

    private static String val(TypeView.Val type, int depth, Names names) {
        if (type instanceof TypeView.Primitive p) return p.type().witName();
        String named = names.defined().get(((TypeView.Defined) type).id());
        if (named != null) return named;
        if (depth >= DEPTH) return "…";
        TypeView.Shape shape = ((TypeView.Defined) type).shape();
        int d = depth + 1;
        if (shape instanceof TypeView.Shape.Prim p) return p.type().witName();
        if (shape instanceof TypeView.Shape.ListOf l) {
            return "list<" + val(l.element(), d, names)
                    + (l.length().isPresent() ? ", " + l.length().getAsLong() : "") + ">";
        }
        if (shape instanceof TypeView.Shape.Option o) return "option<" + val(o.type(), d, names) + ">";
        if (shape instanceof TypeView.Shape.Result r) {
            if (r.ok().isEmpty() && r.err().isEmpty()) return "result";
            if (r.err().isEmpty()) return "result<" + val(r.ok().get(), d, names) + ">";
            return "result<" + r.ok().map(t -> val(t, d, names)).orElse("_") + ", "
                    + val(r.err().get(), d, names) + ">";
        }
        if (shape instanceof TypeView.Shape.Tuple t) return "tuple<" + list(t.types(), d, names) + ">";
        if (shape instanceof TypeView.Shape.Record r) {
            StringJoiner j = new StringJoiner(", ", "record { ", " }");
            for (TypeView.Shape.Field f : r.fields()) j.add(f.name() + ": " + val(f.type(), d, names));
            return j.toString();
        }
        if (shape instanceof TypeView.Shape.Variant v) {
            StringJoiner j = new StringJoiner(", ", "variant { ", " }");
            for (TypeView.Shape.Case c : v.cases())
                j.add(c.name() + c.type().map(t -> "(" + val(t, d, names) + ")").orElse(""));
            return j.toString();
        }
        if (shape instanceof TypeView.Shape.Enum e) return "enum { " + String.join(", ", e.names()) + " }";
        if (shape instanceof TypeView.Shape.Flags f) return "flags { " + String.join(", ", f.names()) + " }";
        if (shape instanceof TypeView.Shape.Own o) return "own<" + names.resource(o.resource()) + ">";
        if (shape instanceof TypeView.Shape.Borrow b) return "borrow<" + names.resource(b.resource()) + ">";
        if (shape instanceof TypeView.Shape.Stream s) return element("stream", s.element(), d, names);
        if (shape instanceof TypeView.Shape.Future f) return element("future", f.element(), d, names);
        if (shape instanceof TypeView.Shape.MapOf m)
            return "map<" + val(m.key(), d, names) + ", " + val(m.value(), d, names) + ">";
        return shape.toString();
    }

    private static String element(String name, Optional<TypeView.Val> element, int depth, Names names) {
        return element.map(t -> name + "<" + val(t, depth, names) + ">").orElse(name);
    }

    private static String list(List<TypeView.Val> types, int depth, Names names) {
        StringJoiner j = new StringJoiner(", ");
        for (TypeView.Val t : types) j.add(val(t, depth, names));
        return j.toString();
    }
}
