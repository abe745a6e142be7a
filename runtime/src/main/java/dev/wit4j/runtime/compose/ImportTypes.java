package dev.wit4j.runtime.compose;

import dev.wit4j.binary.Alias;
import dev.wit4j.binary.ComponentValType;
import dev.wit4j.binary.DefType;
import dev.wit4j.binary.DefValType;
import dev.wit4j.binary.ExternName;
import dev.wit4j.binary.ExternType;
import dev.wit4j.binary.Import;
import dev.wit4j.binary.InstanceDecl;
import dev.wit4j.binary.PrimValType;
import dev.wit4j.binary.Section;
import dev.wit4j.binary.Sort;
import dev.wit4j.runtime.TypeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Declares imports in the outermost component from their types as a part sees them ({@link
 * TypeView}): each instance import gets an instance type written out again, its functions, its
 * value types structurally and its resources abstractly; a type one import uses from another
 * (a resource of {@code wasi:io/error} in {@code wasi:io/streams}, say) is aliased from the
 * instance that exports it, as wit-component writes it.
 */
final class ImportTypes {

    /** Where a type comes from: the import that exports it, and its name there. */
    private record Origin(String importName, String exportName) {}

    /** The sections written so far, and the counts of the outer index spaces. */
    final List<Section> sections = new ArrayList<>();

    int types;
    int instances;
    int funcs;
    /** Each import declared: its sort and index. */
    final Map<String, Sort> sortOf = new HashMap<>();

    final Map<String, Long> indexOf = new HashMap<>();
    /** Outer type indices of types aliased out of imported instances. */
    private final Map<Origin, Long> aliased = new HashMap<>();

    /**
     * Declares {@code name} with {@code type} as {@code part} sees it.
     *
     * @param part the part's whole type (for where its types come from)
     * @throws IllegalArgumentException for an import this cannot declare (a component, module or value)
     */
    void declare(String name, TypeView.Extern type, TypeView.Component part) {
        Origins origins = originsOf.computeIfAbsent(part, ImportTypes::origins);
        Map<Long, Origin> resources = origins.resources();
        Map<Long, Origin> defined = origins.defined();
        if (type instanceof TypeView.Extern.InstanceItem i) {
            Scope scope = new Scope(name, resources, defined);
            for (Map.Entry<String, TypeView.Extern> e : i.type().exports().entrySet()) {
                scope.export(e.getKey(), e.getValue());
            }
            long typeIndex = addType(new DefType.InstanceType(-1, scope.decls));
            addImport(name, new ExternType.Instance(typeIndex));
            sortOf.put(name, Sort.INSTANCE);
            indexOf.put(name, (long) instances++);
        } else if (type instanceof TypeView.Extern.FuncItem f) {
            Scope scope = new Scope(null, resources, defined);
            long typeIndex = addType(scope.funcType(f.type()));
            // the instance scope's definitions do not exist out here: only primitives are allowed
            if (!scope.decls.isEmpty()) {
                throw new IllegalArgumentException("import `" + name + "`: a function import using defined types"
                        + " is not supported by composition yet (import an interface instead)");
            }
            addImport(name, new ExternType.Func(typeIndex));
            sortOf.put(name, Sort.FUNC);
            indexOf.put(name, (long) funcs++);
        } else if (type instanceof TypeView.Extern.TypeItem t && t.referenced() instanceof TypeView.Resource) {
            addImport(name, new ExternType.Type(new ExternType.TypeBound.SubResource()));
            sortOf.put(name, Sort.TYPE);
            indexOf.put(name, (long) types++);
        } else {
            throw new IllegalArgumentException(
                    "import `" + name + "`: a " + kind(type) + " import is not supported by composition yet");
        }
    }

    private static String kind(TypeView.Extern type) {
        if (type instanceof TypeView.Extern.ComponentItem) return "component";
        if (type instanceof TypeView.Extern.ModuleItem) return "core module";
        if (type instanceof TypeView.Extern.ValueItem) return "value";
        return "type";
    }

    /** Where a part's resources and named defined types come from, by id. */
    private record Origins(Map<Long, Origin> resources, Map<Long, Origin> defined) {}

    /** Each part's {@link Origins}, read once however many of its imports are declared. */
    private final Map<TypeView.Component, Origins> originsOf = new IdentityHashMap<>();

    /** The first import exporting each resource and named defined type of a part. */
    private static Origins origins(TypeView.Component part) {
        Map<Long, Origin> resources = new HashMap<>();
        Map<Long, Origin> defined = new HashMap<>();
        for (Map.Entry<String, TypeView.Extern> imp : part.imports().entrySet()) {
            if (!(imp.getValue() instanceof TypeView.Extern.InstanceItem i)) continue;
            for (Map.Entry<String, TypeView.Extern> e : i.type().exports().entrySet()) {
                if (!(e.getValue() instanceof TypeView.Extern.TypeItem t)) continue;
                Origin origin = new Origin(imp.getKey(), e.getKey());
                for (TypeView view : new TypeView[] {t.created(), t.referenced()}) {
                    if (view instanceof TypeView.Resource r) resources.putIfAbsent(r.resource(), origin);
                    if (view instanceof TypeView.Defined d) defined.putIfAbsent(d.id(), origin);
                }
            }
        }
        return new Origins(resources, defined);
    }

    private long addType(DefType type) {
        sections.add(new Section.TypeSection(-1, 0, List.of(type)));
        return types++;
    }

    private void addImport(String name, ExternType type) {
        sections.add(new Section.ImportSection(-1, 0, List.of(new Import(-1, ExternName.of(name), type))));
    }

    /** The outer type index of {@code origin}'s type, aliased out of its instance the first time. */
    private long outer(Origin origin) {
        Long known = aliased.get(origin);
        if (known != null) return known;
        Long instance = indexOf.get(origin.importName());
        if (instance == null || sortOf.get(origin.importName()) != Sort.INSTANCE) {
            throw new IllegalArgumentException("type `" + origin.exportName() + "` of import `" + origin.importName()
                    + "` is used before that import is declared");
        }
        sections.add(new Section.AliasSection(
                -1, 0, List.of(new Alias.InstanceExport(-1, Sort.TYPE, instance, origin.exportName()))));
        long index = types++;
        aliased.put(origin, index);
        return index;
    }

    /** The declarations of one instance type (or, without an import name, of one function type). */
    private final class Scope {
        final String importName;
        final Map<Long, Origin> resources;
        final Map<Long, Origin> defined;
        final List<InstanceDecl> decls = new ArrayList<>();
        int localTypes;
        final Map<Long, Long> localResources = new HashMap<>();
        final Map<Long, Long> localDefined = new HashMap<>();

        Scope(String importName, Map<Long, Origin> resources, Map<Long, Origin> defined) {
            this.importName = importName;
            this.resources = resources;
            this.defined = defined;
        }

        void export(String name, TypeView.Extern type) {
            if (type instanceof TypeView.Extern.FuncItem f) {
                long index = define(funcType(f.type()));
                decls.add(new InstanceDecl.ExportDecl(-1, ExternName.of(name), new ExternType.Func(index)));
            } else if (type instanceof TypeView.Extern.TypeItem t && t.referenced() instanceof TypeView.Resource r) {
                Origin origin = resources.get(r.resource());
                if (origin == null
                        || origin.importName().equals(importName)
                                && origin.exportName().equals(name)) {
                    decls.add(new InstanceDecl.ExportDecl(
                            -1, ExternName.of(name), new ExternType.Type(new ExternType.TypeBound.SubResource())));
                } else {
                    long from = resource(r);
                    decls.add(new InstanceDecl.ExportDecl(
                            -1, ExternName.of(name), new ExternType.Type(new ExternType.TypeBound.Eq(from))));
                }
                // a second name for a resource (`type trailers = fields`): uses keep the first name
                localResources.putIfAbsent(r.resource(), (long) localTypes);
                localTypes++;
            } else if (type instanceof TypeView.Extern.TypeItem t && t.referenced() instanceof TypeView.Defined d) {
                long from = index(d);
                decls.add(new InstanceDecl.ExportDecl(
                        -1, ExternName.of(name), new ExternType.Type(new ExternType.TypeBound.Eq(from))));
                // later types name it by the export: what the export created, and what it refers to
                long exported = localTypes++;
                localDefined.putIfAbsent(d.id(), exported);
                if (t.created() instanceof TypeView.Defined c) localDefined.put(c.id(), exported);
            } else {
                throw new IllegalArgumentException("import `" + importName + "`: its export `" + name + "` ("
                        + kind(type) + ") is not supported by composition yet");
            }
        }

        DefType.FuncType funcType(TypeView.Func f) {
            List<DefType.LabeledType> params = new ArrayList<>();
            for (TypeView.Param p : f.params()) params.add(new DefType.LabeledType(p.name(), val(p.type())));
            return new DefType.FuncType(-1, f.async(), params, f.result().map(this::val));
        }

        private long define(DefType type) {
            decls.add(new InstanceDecl.TypeDecl(-1, type));
            return localTypes++;
        }

        ComponentValType val(TypeView.Val type) {
            if (type instanceof TypeView.Primitive p)
                return PrimValType.valueOf(p.type().name());
            return new ComponentValType.Indexed(index((TypeView.Defined) type));
        }

        private Optional<ComponentValType> val(Optional<TypeView.Val> type) {
            return type.map(this::val);
        }

        /** The local index of a defined type: already here, aliased from another import, or written out. */
        private long index(TypeView.Defined d) {
            Long local = localDefined.get(d.id());
            if (local != null) return local;
            Origin origin = defined.get(d.id());
            if (origin != null && importName != null && !origin.importName().equals(importName)) {
                long index = aliasOuter(outer(origin));
                localDefined.put(d.id(), index);
                return index;
            }
            long index = define(shape(d.shape()));
            localDefined.put(d.id(), index);
            return index;
        }

        private long resource(TypeView.Resource r) {
            Long local = localResources.get(r.resource());
            if (local != null) return local;
            Origin origin = resources.get(r.resource());
            if (origin == null || importName == null) {
                throw new IllegalArgumentException("import `" + importName + "` uses a resource no import exports");
            }
            long index = aliasOuter(outer(origin));
            localResources.put(r.resource(), index);
            return index;
        }

        private long aliasOuter(long outerIndex) {
            decls.add(new InstanceDecl.AliasDecl(-1, new Alias.Outer(-1, Sort.TYPE, 1, outerIndex)));
            return localTypes++;
        }

        private DefType shape(TypeView.Shape shape) {
            if (shape instanceof TypeView.Shape.Prim p) {
                return new DefValType.PrimitiveType(
                        -1, PrimValType.valueOf(p.type().name()));
            }
            if (shape instanceof TypeView.Shape.Record r) {
                List<DefType.LabeledType> fields = new ArrayList<>();
                for (TypeView.Shape.Field f : r.fields()) fields.add(new DefType.LabeledType(f.name(), val(f.type())));
                return new DefValType.RecordType(-1, fields);
            }
            if (shape instanceof TypeView.Shape.Variant v) {
                List<DefValType.Case> cases = new ArrayList<>();
                for (TypeView.Shape.Case c : v.cases()) cases.add(new DefValType.Case(c.name(), val(c.type())));
                return new DefValType.VariantType(-1, cases);
            }
            if (shape instanceof TypeView.Shape.ListOf l) {
                return l.length().isPresent()
                        ? new DefValType.FixedListType(
                                -1, val(l.element()), l.length().getAsLong())
                        : new DefValType.ListType(-1, val(l.element()));
            }
            if (shape instanceof TypeView.Shape.Tuple t) {
                List<ComponentValType> types = new ArrayList<>();
                for (TypeView.Val v : t.types()) types.add(val(v));
                return new DefValType.TupleType(-1, types);
            }
            if (shape instanceof TypeView.Shape.Flags f) return new DefValType.FlagsType(-1, f.names());
            if (shape instanceof TypeView.Shape.Enum e) return new DefValType.EnumType(-1, e.names());
            if (shape instanceof TypeView.Shape.Option o) return new DefValType.OptionType(-1, val(o.type()));
            if (shape instanceof TypeView.Shape.Result r)
                return new DefValType.ResultType(-1, val(r.ok()), val(r.err()));
            if (shape instanceof TypeView.Shape.Own o) return new DefValType.OwnType(-1, resource(o.resource()));
            if (shape instanceof TypeView.Shape.Borrow b) return new DefValType.BorrowType(-1, resource(b.resource()));
            if (shape instanceof TypeView.Shape.Stream s) return new DefValType.StreamType(-1, val(s.element()));
            if (shape instanceof TypeView.Shape.Future f) return new DefValType.FutureType(-1, val(f.element()));
            TypeView.Shape.MapOf m = (TypeView.Shape.MapOf) shape;
            return new DefValType.MapType(-1, val(m.key()), val(m.value()));
        }
    }
}
