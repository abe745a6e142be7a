package dev.wit4j.runtime.inspect;

import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.internal.validate.ViewTypes;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.SourcePos;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.TypeOwner;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.print.WitPrinter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Import and export types spelled as WIT by {@link WitPrinter}: a function's signature, an
 * instance's functions; types by the names the component gives them (a lone value type has none),
 * handles as {@code own<name>}, records and variants without a name by their fields and cases,
 * nesting past {@value #DEPTH} levels elided. Internal; public for the annotation processor, whose
 * messages spell a component's types the same way.
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
        return val(type, Names.NONE);
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
        if (type instanceof TypeView.Extern.ValueItem v) return val(v.type(), names);
        TypeView.Extern.TypeItem t = (TypeView.Extern.TypeItem) type;
        if (t.referenced() instanceof TypeView.Defined d) {
            // the definition itself, not the name it is exported under
            return val(d, new Names(Map.of(), names.entries(), names.resources()));
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
        for (TypeView.Param p : f.params()) params.add(p.name() + ": " + val(p.type(), names));
        return params + f.result().map(r -> " -> " + val(r, names)).orElse("");
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

    /**
     * How a component's types are spelled: named types by the name the component gives them,
     * resources as {@code own<name>}, records and the like without a name by their fields or cases,
     * nesting past {@value #DEPTH} levels elided.
     */
    private static final WitPrinter.Spelling SPELLING = new WitPrinter.Spelling() {
        @Override
        public String named(TypeDef def) {
            return def.name();
        }

        @Override
        public String handle(TypeDef resource, boolean borrow) {
            return (borrow ? "borrow<" : "own<") + resource.name() + ">";
        }

        @Override
        public String anonymous(ValueType t, Function<ValueType, String> nested) {
            if (t instanceof ValueType.RecordType r) {
                StringJoiner j = new StringJoiner(", ", "record { ", " }");
                for (ValueType.Field f : r.fields()) j.add(f.name() + ": " + nested.apply(f.type()));
                return j.toString();
            } else if (t instanceof ValueType.VariantType v) {
                StringJoiner j = new StringJoiner(", ", "variant { ", " }");
                for (ValueType.Case c : v.cases())
                    j.add(c.name()
                            + c.type().map(p -> "(" + nested.apply(p) + ")").orElse(""));
                return j.toString();
            } else if (t instanceof ValueType.EnumType e) {
                return e.cases().stream()
                        .map(ValueType.EnumCase::name)
                        .collect(Collectors.joining(", ", "enum { ", " }"));
            }
            return ((ValueType.FlagsType) t)
                    .flags().stream().map(ValueType.Flag::name).collect(Collectors.joining(", ", "flags { ", " }"));
        }

        @Override
        public int depth() {
            return DEPTH - 1;
        }
    };

    private static String val(TypeView.Val type, Names names) {
        return WitPrinter.type(witType(type, names), SPELLING);
    }

    /** The type in the WIT model, its named types and resources standing for their names only. */
    private static ValueType witType(TypeView.Val type, Names names) {
        if (type instanceof TypeView.Primitive p) return p.type();
        TypeView.Defined d = (TypeView.Defined) type;
        String named = names.defined().get(d.id());
        if (named != null) return new ValueType.Named(nameOnly(named, new ValueType.TupleType(List.of())));
        return ViewTypes.of(d.shape(), new ViewTypes.Leaves() {
            @Override
            public ValueType value(TypeView.Val nested) {
                return witType(nested, names);
            }

            @Override
            public ValueType handle(TypeView.Resource resource, boolean borrow) {
                return new ValueType.HandleType(nameOnly(names.resource(resource), new TypeDefKind.Resource()), borrow);
            }
        });
    }

    /** A definition that is only a name to spell (its kind is never read). */
    private static TypeDef nameOnly(String name, TypeDefKind kind) {
        return new TypeDef(name, NAMES, kind, Docs.NONE, Stability.UNKNOWN, SourcePos.NONE);
    }

    private static final TypeOwner NAMES = new TypeOwner.InWorld(PackageName.of("root", "component", null), "types");
}
