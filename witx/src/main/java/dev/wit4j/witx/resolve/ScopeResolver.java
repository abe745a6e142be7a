package dev.wit4j.witx.resolve;

import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Function;
import dev.wit4j.witx.model.Interface;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.TypeOwner;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.parse.Ast;
import dev.wit4j.witx.parse.Ast.Id;
import dev.wit4j.witx.parse.Ast.Loc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the names of one interface or world while the {@link Resolver} builds it (WIT.md "Name
 * resolution"): its {@code use}s, which alias definitions of interfaces already built, its type
 * definitions in dependency order (a cycle is an error) and its functions, each checked as
 * wasm-tools checks it. Errors go to the resolver, which carries on as its class comment says.
 */
final class ScopeResolver {
    private static final String EXCLUDED_TYPE =
            "found a reference to a type which is excluded due to its feature not being activated";
    /** What a function's name stands for in a scope. */
    private static final Object FUNC = new Object();
    /** What a name gated out by its feature stands for in a scope. */
    private static final Object EXCLUDED = new Object();
    /** What an unknown type name stands for: it lets the definition around it be checked without further errors. */
    private static final ValueType PLACEHOLDER = ValueType.Primitive.BOOL;

    private final Resolver resolver;
    private final Gates gates;

    ScopeResolver(Resolver resolver, Gates gates) {
        this.resolver = resolver;
        this.gates = gates;
    }

    /** A new scope for an interface or world of {@code st} declared in {@code sec}, owning its types as {@code owner}. */
    Scope scope(Resolver.PkgState st, PackageSource.Section sec, TypeOwner owner) {
        return new Scope(st, sec, owner);
    }

    /** Names of one interface or world while it is being resolved. */
    final class Scope {
        final Resolver.PkgState st;
        final PackageSource.Section sec;
        final TypeOwner owner;
        /** name -> TypeDef (built), Ast.TypeDecl (pending), FUNC or EXCLUDED. */
        final Map<String, Object> names = new HashMap<>();
        /** Type names in declaration order. */
        final List<String> typeOrder = new ArrayList<>();

        final Set<String> excluded = new HashSet<>();
        final Set<String> functionNames = new HashSet<>();
        final Map<String, Function> functions = new LinkedHashMap<>();
        /** Type names whose definition failed (reported). */
        final Set<String> poisoned = new HashSet<>();

        Scope(Resolver.PkgState st, PackageSource.Section sec, TypeOwner owner) {
            this.st = st;
            this.sec = sec;
            this.owner = owner;
        }

        Map<String, TypeDef> types() {
            Map<String, TypeDef> m = new LinkedHashMap<>();
            for (String n : typeOrder) {
                if (names.get(n) instanceof TypeDef t) {
                    m.put(n, t);
                }
            }
            return m;
        }

        /** Defines a name; a second definition is reported and left out. */
        boolean define(Id id, Object what) {
            if (names.containsKey(id.name())) {
                resolver.report(id.loc().error("name `" + id.name() + "` is defined more than once"));
                return false;
            }
            names.put(id.name(), what);
            return true;
        }
    }

    Interface buildInterface(Resolver.PkgState st, Resolver.ItemDecl d) {
        Ast.InterfaceDecl decl = (Ast.InterfaceDecl) d.decl();
        Scope sc = new Scope(
                st, d.section(), new TypeOwner.InInterface(st.name, decl.name().name()));
        resolveItems(sc, decl.items());
        st.excludedNames.put(decl.name().name(), sc.excluded);
        st.functionNames.put(decl.name().name(), sc.functionNames);
        st.poisonedTypes.put(decl.name().name(), sc.poisoned);
        return new Interface(
                Optional.of(decl.name().name()),
                st.name,
                sc.types(),
                sc.functions,
                DocText.docs(decl.attrs().docs()),
                gates.stability(decl.attrs()),
                decl.name().loc().pos());
    }

    /** Resolves uses, type definitions and functions of an interface body (or a world's types). */
    void resolveItems(Scope sc, List<? extends Object> items) {
        List<Ast.TypeDecl> pending = new ArrayList<>();
        List<Ast.Use> uses = new ArrayList<>();
        /** Functions whose name is taken: reported, and not built. */
        Set<Ast.FuncDecl> skipped = Collections.newSetFromMap(new IdentityHashMap<>());
        // 1. Register every name so that order of definition does not matter (WIT.md "Name resolution").
        for (Object it : items) {
            if (it instanceof Ast.Use u) {
                Stability s = gates.stability(u.attrs());
                gates.checkSince(sc.st.name, s, u.path().loc());
                if (!gates.active(s)) {
                    for (Ast.UseName n : u.names()) {
                        sc.names.putIfAbsent(n.local().name(), EXCLUDED);
                        sc.excluded.add(n.local().name());
                    }
                    continue;
                }
                uses.add(u);
                for (Ast.UseName n : u.names()) {
                    if (sc.define(n.local(), u)) {
                        sc.typeOrder.add(n.local().name());
                    }
                }
            } else if (it instanceof Ast.TypeDecl td) {
                Stability s = gates.stability(td.attrs());
                gates.checkSince(sc.st.name, s, td.name().loc());
                if (!gates.active(s)) {
                    sc.names.putIfAbsent(td.name().name(), EXCLUDED);
                    sc.excluded.add(td.name().name());
                    if (td.body() instanceof Ast.ResourceBody rb) {
                        for (Ast.ResourceFunc f : rb.funcs()) {
                            if (gates.active(gates.stability(f.attrs()))) {
                                resolver.report(f.name().loc().error(EXCLUDED_TYPE));
                            }
                        }
                    }
                    continue;
                }
                if (sc.define(td.name(), td)) {
                    sc.typeOrder.add(td.name().name());
                    pending.add(td);
                }
            } else if (it instanceof Ast.FuncDecl fd) {
                Stability s = gates.stability(fd.attrs());
                gates.checkSince(sc.st.name, s, fd.name().loc());
                if (!gates.active(s)) {
                    continue;
                }
                if (sc.define(fd.name(), FUNC)) {
                    sc.functionNames.add(fd.name().name());
                } else {
                    skipped.add(fd);
                }
            }
        }
        // 2. `use`d names alias the definitions of already-built interfaces.
        for (Ast.Use u : uses) {
            Resolver.Target t;
            try {
                t = resolver.resolveInterface(sc.st, sc.sec, u.path());
            } catch (WitException | Resolver.Abandoned e) {
                if (e instanceof WitException w) {
                    resolver.report(w);
                }
                for (Ast.UseName n : u.names()) {
                    poison(sc, n.local(), u);
                }
                continue;
            }
            for (Ast.UseName n : u.names()) {
                if (sc.names.get(n.local().name()) != u) {
                    continue; // defined twice, reported
                }
                TypeDef target = t.iface().types().get(n.name().name());
                if (target == null) {
                    Set<String> excluded = t.pkg().excludedNames.getOrDefault(t.name(), Set.of());
                    Set<String> funcs = t.pkg().functionNames.getOrDefault(t.name(), Set.of());
                    if (excluded.contains(n.name().name())) {
                        resolver.report(n.name().loc().error(EXCLUDED_TYPE));
                    } else if (funcs.contains(n.name().name()) && !t.foreign()) {
                        resolver.report(n.name()
                                .loc()
                                .error("cannot import function `" + n.name().name() + "`"));
                    } else if (t.pkg()
                            .poisonedTypes
                            .getOrDefault(t.name(), Set.of())
                            .contains(n.name().name())) {
                        // its definition failed, reported there
                    } else {
                        resolver.report(n.name()
                                .loc()
                                .error(
                                        t.foreign()
                                                ? "type `" + n.name().name() + "` not defined in interface"
                                                : "name `" + n.name().name() + "` does not exist"));
                    }
                    poison(sc, n.local(), u);
                    continue;
                }
                sc.names.put(
                        n.local().name(),
                        new TypeDef(
                                n.local().name(),
                                sc.owner,
                                new ValueType.Named(target),
                                Docs.NONE,
                                gates.stability(u.attrs()),
                                n.local().loc().pos()));
            }
        }
        // 3. Type definitions in dependency order; cycles are errors (WIT.md "Name resolution").
        Map<Ast.TypeDecl, List<Toposort.Edge<Ast.TypeDecl, Id>>> deps = new LinkedHashMap<>();
        for (Ast.TypeDecl td : pending) {
            List<Id> refs = new ArrayList<>();
            TypeRefs.collect(td.body(), refs);
            List<Toposort.Edge<Ast.TypeDecl, Id>> edges = new ArrayList<>();
            for (Id r : refs) {
                Object o = sc.names.get(r.name());
                // An unknown name is reported where the type is built (lookupType).
                if (o instanceof Ast.TypeDecl target) {
                    edges.add(new Toposort.Edge<>(target, r));
                }
            }
            deps.put(td, edges);
        }
        List<Ast.TypeDecl> order = Toposort.sort(
                pending,
                deps,
                (n, e) -> e.info().loc().error("type `" + e.info().name() + "` depends on itself"),
                resolver::report);
        if (order.size() < pending.size()) {
            Set<Ast.TypeDecl> ordered = Collections.newSetFromMap(new IdentityHashMap<>());
            ordered.addAll(order);
            for (Ast.TypeDecl td : pending) {
                if (!ordered.contains(td)) {
                    poison(sc, td.name(), td);
                }
            }
        }
        for (Ast.TypeDecl td : order) {
            try {
                sc.names.put(td.name().name(), buildTypeDef(sc, td));
            } catch (WitException | Resolver.Abandoned e) {
                if (e instanceof WitException w) {
                    resolver.report(w);
                }
                poison(sc, td.name(), td);
            }
        }
        // 4. Functions, in declaration order; resource members where their resource is declared.
        for (Object it : items) {
            if (it instanceof Ast.FuncDecl fd && gates.active(gates.stability(fd.attrs())) && !skipped.contains(fd)) {
                resolver.attempt(() -> {
                    Function f = buildFunction(
                            sc, fd.name().name(), Function.Kind.FREESTANDING, fd.type(), fd.attrs(), fd.name(), null);
                    sc.functions.put(f.name(), f);
                });
            } else if (it instanceof Ast.TypeDecl td
                    && td.body() instanceof Ast.ResourceBody rb
                    && sc.names.get(td.name().name()) instanceof TypeDef res) {
                boolean ctor = false;
                Set<String> memberNames = new HashSet<>();
                for (Ast.ResourceFunc rf : rb.funcs()) {
                    Stability s = gates.stability(rf.attrs());
                    gates.checkSince(sc.st.name, s, rf.name().loc());
                    if (!gates.active(s)) {
                        continue;
                    }
                    String r = res.name();
                    if (rf.kind() == Ast.ResourceFunc.Kind.CONSTRUCTOR) {
                        if (ctor) {
                            resolver.report(rf.name().loc().error("duplicate constructors"));
                            continue;
                        }
                        ctor = true;
                    } else if (!memberNames.add(rf.name().name())) {
                        resolver.report(rf.name()
                                .loc()
                                .error("duplicate function name `" + rf.name().name() + "`"));
                        continue;
                    }
                    resolver.attempt(() -> {
                        Function f = switch (rf.kind()) {
                            case CONSTRUCTOR ->
                                buildFunction(
                                        sc,
                                        "[constructor]" + r,
                                        new Function.Kind.Constructor(res),
                                        rf.type(),
                                        rf.attrs(),
                                        rf.name(),
                                        res);
                            case METHOD ->
                                buildFunction(
                                        sc,
                                        "[method]" + r + "." + rf.name().name(),
                                        new Function.Kind.Method(res),
                                        rf.type(),
                                        rf.attrs(),
                                        rf.name(),
                                        res);
                            default ->
                                buildFunction(
                                        sc,
                                        "[static]" + r + "." + rf.name().name(),
                                        new Function.Kind.Static(res),
                                        rf.type(),
                                        rf.attrs(),
                                        rf.name(),
                                        res);
                        };
                        sc.functions.put(f.name(), f);
                    });
                }
            }
        }
    }

    /** Marks a name whose definition failed: what refers to it is left out without another error. */
    private void poison(Scope sc, Id name, Object definedAs) {
        if (sc.names.get(name.name()) == definedAs) {
            sc.names.put(name.name(), Resolver.POISONED);
            sc.poisoned.add(name.name());
        }
    }

    private static String unknownType(String name, boolean typeContext) {
        String msg = (typeContext ? "type `" : "name `") + name + "` does not exist";
        if (name.equals("float32") || name.equals("float64")) {
            String repl = name.equals("float32") ? "f32" : "f64";
            msg = "type `" + name + "` does not exist\nthe `" + name + "` type has been renamed to `" + repl
                    + "` and is no longer accepted";
        }
        return msg;
    }

    private TypeDef buildTypeDef(Scope sc, Ast.TypeDecl td) {
        TypeDefKind kind;
        Loc here = td.name().loc();
        if (td.body() instanceof Ast.AliasBody a) {
            if (a.type() instanceof Ast.NameType nt) {
                // `type t = r;` stays an alias even when `r` is a resource (no implicit own<r>).
                kind = new ValueType.Named(lookupType(sc, nt.name(), here, true));
            } else {
                kind = convert(sc, a.type(), here, true);
            }
        } else if (td.body() instanceof Ast.RecordBody r) {
            List<ValueType.Field> fields = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Ast.FieldDecl f : r.fields()) {
                if (!seen.add(f.name().name())) {
                    resolver.report(f.name().loc().error("field `" + f.name().name() + "` is defined more than once"));
                    continue;
                }
                fields.add(new ValueType.Field(
                        f.name().name(), convert(sc, f.type(), f.name().loc(), true), DocText.docs(f.docs())));
            }
            kind = new ValueType.RecordType(fields);
        } else if (td.body() instanceof Ast.VariantBody v) {
            if (v.cases().isEmpty()) {
                resolver.report(here.error("empty variant"));
            }
            List<ValueType.Case> cases = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Ast.CaseDecl c : v.cases()) {
                if (!seen.add(c.name().name())) {
                    resolver.report(c.name().loc().error("case `" + c.name().name() + "` is defined more than once"));
                    continue;
                }
                cases.add(new ValueType.Case(
                        c.name().name(),
                        c.type() == null
                                ? Optional.empty()
                                : Optional.of(convert(sc, c.type(), c.name().loc(), true)),
                        DocText.docs(c.docs())));
            }
            kind = new ValueType.VariantType(cases);
        } else if (td.body() instanceof Ast.EnumBody e) {
            if (e.cases().isEmpty()) {
                resolver.report(here.error("empty enum"));
            }
            List<ValueType.EnumCase> cases = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Ast.Named c : e.cases()) {
                if (!seen.add(c.name().name())) {
                    resolver.report(c.name().loc().error("case `" + c.name().name() + "` is defined more than once"));
                    continue;
                }
                cases.add(new ValueType.EnumCase(c.name().name(), DocText.docs(c.docs())));
            }
            kind = new ValueType.EnumType(cases);
        } else if (td.body() instanceof Ast.FlagsBody f) {
            List<ValueType.Flag> flags = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Ast.Named c : f.flags()) {
                if (!seen.add(c.name().name())) {
                    resolver.report(c.name().loc().error("flag `" + c.name().name() + "` is defined more than once"));
                    continue;
                }
                flags.add(new ValueType.Flag(c.name().name(), DocText.docs(c.docs())));
            }
            kind = new ValueType.FlagsType(flags);
        } else {
            kind = TypeDefKind.RESOURCE;
        }
        return new TypeDef(
                td.name().name(),
                sc.owner,
                kind,
                DocText.docs(td.attrs().docs()),
                gates.stability(td.attrs()),
                here.pos());
    }

    /**
     * The type a name refers to.
     *
     * @throws WitException if there is none
     * @throws Resolver.Abandoned if its definition failed (reported there)
     */
    private TypeDef lookupType(Scope sc, Id id, Loc item, boolean typeContext) {
        Object o = sc.names.get(id.name());
        if (o instanceof TypeDef t) {
            return t;
        }
        if (o == Resolver.POISONED) {
            throw Resolver.ABANDONED;
        }
        if (o == FUNC) {
            throw id.loc()
                    .error(
                            typeContext
                                    ? unknownType(id.name(), true)
                                    : "cannot use function `" + id.name() + "` as a type");
        }
        if (o == EXCLUDED) {
            throw item.error(EXCLUDED_TYPE);
        }
        if (o == null) {
            // Once per scope: further uses of the name follow from the same mistake.
            sc.names.put(id.name(), Resolver.POISONED);
            throw id.loc().error(unknownType(id.name(), typeContext));
        }
        throw id.loc().error("type `" + id.name() + "` depends on itself");
    }

    /**
     * The type an expression denotes. A name that denotes no type is reported and stands for
     * {@link #PLACEHOLDER}, so that the rest of the definition is still checked.
     */
    private ValueType convert(Scope sc, Ast.TypeExpr e, Loc item, boolean typeContext) {
        if (e instanceof Ast.PrimType p) {
            return ValueType.Primitive.fromWit(p.name()).orElseThrow();
        } else if (e instanceof Ast.NameType n) {
            TypeDef t = lookupOrReport(sc, n.name(), item, typeContext);
            if (t == null) {
                return PLACEHOLDER;
            }
            // A bare resource name stands for an owned handle (WIT.md "Handles").
            return t.isResource() ? new ValueType.HandleType(t, false) : new ValueType.Named(t);
        } else if (e instanceof Ast.ListTypeExpr l) {
            ValueType el = convert(sc, l.element(), item, typeContext);
            return l.length() > 0 ? new ValueType.FixedListType(el, l.length()) : new ValueType.ListType(el);
        } else if (e instanceof Ast.OptionTypeExpr o) {
            return new ValueType.OptionType(convert(sc, o.type(), item, typeContext));
        } else if (e instanceof Ast.ResultTypeExpr r) {
            return new ValueType.ResultType(
                    r.ok() == null ? Optional.empty() : Optional.of(convert(sc, r.ok(), item, typeContext)),
                    r.err() == null ? Optional.empty() : Optional.of(convert(sc, r.err(), item, typeContext)));
        } else if (e instanceof Ast.TupleTypeExpr t) {
            List<ValueType> types = new ArrayList<>();
            for (Ast.TypeExpr x : t.types()) {
                types.add(convert(sc, x, item, typeContext));
            }
            return new ValueType.TupleType(types);
        } else if (e instanceof Ast.MapTypeExpr m) {
            ValueType k = convert(sc, m.key(), item, typeContext);
            ValueType base = k;
            while (base instanceof ValueType.Named nn && nn.def().kind() instanceof ValueType vt) {
                base = vt;
            }
            if (!(base instanceof ValueType.Primitive p)
                    || p == ValueType.Primitive.F32
                    || p == ValueType.Primitive.F64
                    || p == ValueType.Primitive.ERROR_CONTEXT) {
                resolver.report(m.loc()
                        .error("invalid map key type: map keys must be bool, u8, u16, u32, u64, s8, s16, s32, "
                                + "s64, char, or string"));
            }
            return new ValueType.MapType(k, convert(sc, m.value(), item, typeContext));
        } else if (e instanceof Ast.HandleTypeExpr h) {
            TypeDef t = lookupOrReport(sc, h.resource(), item, true);
            if (t == null) {
                return PLACEHOLDER;
            }
            if (!t.isResource()) {
                resolver.report(h.resource()
                        .loc()
                        .error("type `" + h.resource().name() + "` used in a handle must be a resource"));
                return PLACEHOLDER;
            }
            return new ValueType.HandleType(t, h.borrow());
        } else if (e instanceof Ast.AsyncTypeExpr a) {
            Optional<ValueType> el =
                    a.element() == null ? Optional.empty() : Optional.of(convert(sc, a.element(), item, typeContext));
            return a.stream() ? new ValueType.StreamType(el) : new ValueType.FutureType(el);
        }
        throw new IllegalStateException("unknown type expression " + e);
    }

    /** {@link #lookupType}, with an error reported and null returned instead of thrown. */
    private TypeDef lookupOrReport(Scope sc, Id id, Loc item, boolean typeContext) {
        try {
            return lookupType(sc, id, item, typeContext);
        } catch (WitException e) {
            resolver.report(e);
        } catch (Resolver.Abandoned e) {
            // reported where the type is defined
        }
        return null;
    }

    Function buildFunction(
            Scope sc, String name, Function.Kind kind, Ast.FuncType ft, Ast.Attrs attrs, Id nameId, TypeDef resource) {
        List<Function.Param> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (kind instanceof Function.Kind.Method) {
            params.add(new Function.Param("self", new ValueType.HandleType(resource, true)));
            seen.add("self");
        }
        for (Ast.Param p : ft.params()) {
            if (!seen.add(p.name().name())) {
                resolver.report(p.name().loc().error("param `" + p.name().name() + "` is defined more than once"));
                continue;
            }
            params.add(new Function.Param(p.name().name(), convert(sc, p.type(), nameId.loc(), false)));
        }
        Optional<ValueType> result;
        if (kind instanceof Function.Kind.Constructor) {
            if (ft.result() == null) {
                result = Optional.of(new ValueType.HandleType(resource, false));
            } else {
                // WIT.md "Item: resource": a declared constructor result is `result<r, ...>`.
                if (!(ft.result() instanceof Ast.ResultTypeExpr r)) {
                    throw ft.result().loc().error("if a constructor return type is declared it must be a `result`");
                }
                if (!(r.ok() instanceof Ast.NameType ok) || !ok.name().name().equals(resource.name())) {
                    throw (r.ok() != null ? r.ok().loc() : r.loc())
                            .error("the `ok` type must be the resource being constructed");
                }
                result = Optional.of(convert(sc, r, nameId.loc(), false));
            }
        } else {
            result =
                    ft.result() == null ? Optional.empty() : Optional.of(convert(sc, ft.result(), nameId.loc(), false));
            if (result.isPresent() && containsBorrow(result.get())) {
                resolver.report(nameId.loc()
                        .error("function `" + name
                                + "` returns a type which contains a `borrow<T>` which is not supported"));
            }
        }
        return new Function(
                name,
                kind,
                ft.async(),
                params,
                result,
                DocText.docs(attrs.docs()),
                gates.stability(attrs),
                nameId.loc().pos());
    }

    private static boolean containsBorrow(ValueType t) {
        if (t instanceof ValueType.HandleType h) {
            return h.borrow();
        } else if (t instanceof ValueType.Named n) {
            return n.def().kind() instanceof ValueType vt && containsBorrow(vt);
        } else if (t instanceof ValueType.ListType l) {
            return containsBorrow(l.element());
        } else if (t instanceof ValueType.FixedListType l) {
            return containsBorrow(l.element());
        } else if (t instanceof ValueType.OptionType o) {
            return containsBorrow(o.type());
        } else if (t instanceof ValueType.ResultType r) {
            return r.ok().map(ScopeResolver::containsBorrow).orElse(false)
                    || r.err().map(ScopeResolver::containsBorrow).orElse(false);
        } else if (t instanceof ValueType.TupleType tt) {
            return tt.types().stream().anyMatch(ScopeResolver::containsBorrow);
        } else if (t instanceof ValueType.RecordType r) {
            return r.fields().stream().anyMatch(f -> containsBorrow(f.type()));
        } else if (t instanceof ValueType.VariantType v) {
            return v.cases().stream()
                    .anyMatch(c -> c.type().map(ScopeResolver::containsBorrow).orElse(false));
        } else if (t instanceof ValueType.MapType m) {
            return containsBorrow(m.key()) || containsBorrow(m.value());
        } else if (t instanceof ValueType.StreamType s) {
            return s.element().map(ScopeResolver::containsBorrow).orElse(false);
        } else if (t instanceof ValueType.FutureType f) {
            return f.element().map(ScopeResolver::containsBorrow).orElse(false);
        }
        return false;
    }
}
