package dev.wit4j.witx.resolve;

import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Function;
import dev.wit4j.witx.model.Interface;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.TypeOwner;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.WitPackage;
import dev.wit4j.witx.model.World;
import dev.wit4j.witx.model.WorldItem;
import dev.wit4j.witx.model.WorldKey;
import dev.wit4j.witx.parse.Ast;
import dev.wit4j.witx.parse.Ast.Id;
import dev.wit4j.witx.parse.Ast.Loc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Resolves package sources into the model. Packages are processed in dependency order, so every
 * foreign reference points at an already-built package; inside a package, interfaces are built in
 * {@code use} order and worlds in {@code include} order, and the types of an interface in
 * dependency order. Errors mirror wasm-tools' wording.
 *
 * <p>Every error that does not follow from another is reported. After an error the resolver goes
 * on with what does not depend on it: an unknown name in a type stands for a placeholder type (the
 * definition around it is built and checked as usual); a name that cannot be defined (a failed
 * {@code use}, a type on a cycle) is {@link #POISONED}, and whatever refers to it is left out
 * without a second error ({@link Abandoned}). Only a cycle between packages stops resolution.
 */
final class Resolver {
    private static final String EXCLUDED_TYPE =
            "found a reference to a type which is excluded due to its feature not being activated";

    private final Gates gates;
    private final List<WitException> errors = new ArrayList<>();
    private final Map<PackageName, PkgState> done = new LinkedHashMap<>();
    /** Packages defined twice (reported): which one a path names is unknown, so paths naming them are not checked. */
    private final Set<PackageName> duplicated = new HashSet<>();
    /** Every named interface built so far, for world elaboration. */
    private final Map<TypeOwner, Interface> interfaces = new HashMap<>();

    Resolver(Predicate<String> featureActive) {
        this.gates = new Gates(featureActive, this::report);
    }

    /** Per-package resolution state. */
    private static final class PkgState {
        final PackageSource src;
        final PackageName name;
        final Map<String, ItemDecl> items = new LinkedHashMap<>();
        final Map<String, Interface> ifaces = new LinkedHashMap<>();
        final Map<String, World> worlds = new LinkedHashMap<>();
        /** Per interface: names that exist in source but are gated out, and function names. */
        final Map<String, Set<String>> excludedNames = new HashMap<>();

        final Map<String, Set<String>> functionNames = new HashMap<>();
        /** Per interface: type names whose definition failed, with an error reported. */
        final Map<String, Set<String>> poisonedTypes = new HashMap<>();
        /** By identity: a section's own hash walks the whole file. */
        final Map<PackageSource.Section, Map<String, Object>> fileScopes = new IdentityHashMap<>();

        WitPackage result;

        PkgState(PackageSource src) {
            this.src = src;
            this.name = src.name();
        }
    }

    /** An interface or world declaration of a package. */
    private record ItemDecl(
            Ast.TopItem decl, PackageSource.Section section, Id name, boolean world, boolean excluded, int index) {
        // Identity: a record's own equality would hash the whole file the item is in on every
        // lookup, which made resolution quadratic in the number of items.
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** A file-scope name introduced by a top-level {@code use} of another package's interface. */
    private record ForeignRef(Interface iface, PkgState pkg, String ifaceName) {}

    private static final Object FUNC = new Object();
    private static final Object EXCLUDED = new Object();
    /** A name whose definition failed with an error already reported: references to it are not errors again. */
    private static final Object POISONED = new Object();

    /** Gives up on an item whose error has been reported already (or follows from one that has). */
    private static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super(null, null, false, false);
        }
    }

    private static final Abandoned ABANDONED = new Abandoned();

    /** What an unknown type name stands for: it lets the definition around it be checked without further errors. */
    private static final ValueType PLACEHOLDER = ValueType.Primitive.BOOL;

    private void report(WitException e) {
        errors.add(e);
    }

    /** Runs one step; an error in it is reported and the step given up. Returns whether it completed. */
    private boolean attempt(Runnable step) {
        try {
            step.run();
            return true;
        } catch (WitException e) {
            report(e);
        } catch (Abandoned e) {
            // reported before
        }
        return false;
    }

    // ===================================================================================
    // Packages
    // ===================================================================================

    /**
     * Resolves the packages.
     *
     * @throws WitException with every error found
     */
    Resolve resolve(List<PackageSource> sources, PackageName root) {
        Resolve r = null;
        try {
            r = resolveAll(sources, root);
        } catch (WitException e) {
            report(e);
        }
        if (!errors.isEmpty()) {
            throw WitException.combine(errors);
        }
        return r;
    }

    private Resolve resolveAll(List<PackageSource> sources, PackageName root) {
        Map<PackageName, PackageSource> byName = new LinkedHashMap<>();
        List<PackageSource> unique = new ArrayList<>();
        for (PackageSource s : sources) {
            PackageSource prev = byName.putIfAbsent(s.name(), s);
            if (prev != null) {
                report(new WitException(
                        s.loc().file().name(),
                        s.loc().pos().line(),
                        s.loc().pos().column(),
                        "package `" + s.name() + "` is defined in two different locations:\n  * "
                                + s.loc().pos() + "\n  * " + prev.loc().pos(),
                        null));
                duplicated.add(s.name());
            } else {
                unique.add(s);
            }
        }
        sources = unique;
        Map<PackageSource, List<Toposort.Edge<PackageSource, Ast.PackagePath>>> deps = new LinkedHashMap<>();
        Set<PackageName> missing = new HashSet<>();
        for (PackageSource s : sources) {
            List<Toposort.Edge<PackageSource, Ast.PackagePath>> edges = new ArrayList<>();
            Set<PackageName> seen = new HashSet<>();
            for (PackageSource.Section sec : s.sections()) {
                for (Ast.PackagePath p : PathCollector.collect(sec.items())) {
                    PackageName pn = packageName(p);
                    PackageSource target = byName.get(pn);
                    if (target == null) {
                        // Reported once, where it is first named, with every package known; the
                        // paths naming it are left out later.
                        if (missing.add(pn)) {
                            report(p.loc().error(notFound(pn, byName.keySet())));
                        }
                        continue;
                    }
                    if (seen.add(pn)) {
                        edges.add(new Toposort.Edge<>(target, p));
                    }
                }
            }
            deps.put(s, edges);
        }
        int before = errors.size();
        List<PackageSource> order = Toposort.sort(
                sources,
                deps,
                (n, e) -> e.info().loc().error("package `" + e.target().name() + "` creates a dependency cycle"),
                this::report);
        if (errors.size() > before) {
            // A package cycle: what the packages on it define cannot be looked up while checking the rest.
            return null;
        }
        List<WitPackage> packages = new ArrayList<>();
        for (PackageSource s : order) {
            PkgState st = resolvePackage(s);
            done.put(s.name(), st);
            packages.add(st.result);
        }
        return new Resolve(packages, root);
    }

    private static String notFound(PackageName pn, Set<PackageName> known) {
        StringBuilder sb = new StringBuilder("package '" + pn + "' not found. known packages:");
        TreeSet<String> names = new TreeSet<>();
        known.forEach(k -> names.add(k.toString()));
        for (String n : names) {
            sb.append("\n    ").append(n);
        }
        return sb.toString();
    }

    static PackageName packageName(Ast.PackagePath p) {
        return PackageName.of(p.namespace().name(), p.pkg().name(), p.version());
    }

    private PkgState resolvePackage(PackageSource src) {
        // Every error in the package is reported and the package is resolved as far as it can be.
        PkgState st = new PkgState(src);
        int index = 0;
        for (PackageSource.Section sec : src.sections()) {
            for (Ast.TopItem item : sec.items()) {
                Id name;
                Ast.Attrs attrs;
                boolean world;
                if (item instanceof Ast.InterfaceDecl d) {
                    name = d.name();
                    attrs = d.attrs();
                    world = false;
                } else if (item instanceof Ast.WorldDecl w) {
                    name = w.name();
                    attrs = w.attrs();
                    world = true;
                } else {
                    continue;
                }
                if (st.items.containsKey(name.name())) {
                    report(name.loc().error("duplicate item named `" + name.name() + "`"));
                    continue;
                }
                Stability stab = gates.stability(attrs);
                gates.checkSince(st.name, stab, name.loc());
                st.items.put(name.name(), new ItemDecl(item, sec, name, world, !gates.active(stab), index++));
            }
        }
        for (PackageSource.Section sec : src.sections()) {
            st.fileScopes.put(sec, fileScope(st, sec));
        }

        // Interfaces, in `use` order.
        List<ItemDecl> ifaceDecls = new ArrayList<>();
        Map<ItemDecl, List<Toposort.Edge<ItemDecl, Loc>>> ifaceDeps = new LinkedHashMap<>();
        for (ItemDecl d : st.items.values()) {
            if (d.world()) {
                continue;
            }
            Ast.InterfaceDecl decl = (Ast.InterfaceDecl) d.decl();
            if (d.excluded()) {
                checkExcludedInterface(decl);
                continue;
            }
            ifaceDecls.add(d);
            List<Toposort.Edge<ItemDecl, Loc>> edges = new ArrayList<>();
            for (Ast.InterfaceItem it : decl.items()) {
                if (it instanceof Ast.Use u && gates.active(gates.stability(u.attrs()))) {
                    // An error here is reported again (and kept once) where the `use` is resolved.
                    attempt(() -> {
                        Object target = lookupInterfacePath(st, d.section(), u.path());
                        if (target instanceof ItemDecl local) {
                            edges.add(new Toposort.Edge<>(local, u.path().loc()));
                        }
                    });
                }
            }
            ifaceDeps.put(d, edges);
        }
        for (ItemDecl d : Toposort.sort(
                ifaceDecls,
                ifaceDeps,
                (n, e) -> e.target()
                        .name()
                        .loc()
                        .error("interface or world `" + e.target().name().name() + "` depends on itself"),
                this::report)) {
            Interface iface = buildInterface(st, d);
            st.ifaces.put(d.name().name(), iface);
            interfaces.put(new TypeOwner.InInterface(st.name, d.name().name()), iface);
        }

        // Worlds, in `include` order.
        List<ItemDecl> worldDecls = new ArrayList<>();
        Map<ItemDecl, List<Toposort.Edge<ItemDecl, Loc>>> worldDeps = new LinkedHashMap<>();
        for (ItemDecl d : st.items.values()) {
            if (!d.world() || d.excluded()) {
                continue;
            }
            worldDecls.add(d);
            List<Toposort.Edge<ItemDecl, Loc>> edges = new ArrayList<>();
            for (Ast.WorldItem it : ((Ast.WorldDecl) d.decl()).items()) {
                if (it instanceof Ast.Include inc
                        && gates.active(gates.stability(inc.attrs()))
                        && inc.path() instanceof Ast.LocalPath lp) {
                    ItemDecl target = st.items.get(lp.name().name());
                    // The include itself is left out when its world is not built (include()).
                    if (target == null) {
                        report(lp.loc().error("interface or world `" + lp.name().name() + "` does not exist"));
                    } else if (!target.world()) {
                        report(lp.loc()
                                .error("name `" + lp.name().name() + "` is defined as an interface, not a world"));
                    } else if (target.excluded()) {
                        report(
                                lp.loc()
                                        .error(
                                                "found a reference to a world which is excluded due to its feature not being activated"));
                    } else {
                        edges.add(new Toposort.Edge<>(target, lp.loc()));
                    }
                }
            }
            worldDeps.put(d, edges);
        }
        for (ItemDecl d : Toposort.sort(
                worldDecls,
                worldDeps,
                (n, e) -> e.target()
                        .name()
                        .loc()
                        .error("interface or world `" + e.target().name().name() + "` depends on itself"),
                this::report)) {
            st.worlds.put(d.name().name(), buildWorld(st, d));
        }

        Map<String, Interface> ifaces = new LinkedHashMap<>();
        Map<String, World> worlds = new LinkedHashMap<>();
        for (ItemDecl d : st.items.values()) {
            if (d.world() && st.worlds.containsKey(d.name().name())) {
                worlds.put(d.name().name(), st.worlds.get(d.name().name()));
            } else if (!d.world() && st.ifaces.containsKey(d.name().name())) {
                ifaces.put(d.name().name(), st.ifaces.get(d.name().name()));
            }
        }
        st.result = new WitPackage(
                st.name, ifaces, worlds, DocText.docs(src.docs()), src.loc().pos());
        return st;
    }

    /** A gated-out interface may only contain gated items (wasm-tools rejects ungated types in it). */
    private void checkExcludedInterface(Ast.InterfaceDecl decl) {
        for (Ast.InterfaceItem it : decl.items()) {
            if (it instanceof Ast.TypeDecl td && gates.stability(td.attrs()) instanceof Stability.Unknown) {
                report(td.name()
                        .loc()
                        .error("found a reference to a interface which is excluded due to its feature "
                                + "not being activated; this type is not gated by a feature but its interface is"));
            }
        }
    }

    /** Names visible in one file: the package's items plus that file's top-level {@code use}s. */
    private Map<String, Object> fileScope(PkgState st, PackageSource.Section sec) {
        Map<String, Object> scope = new LinkedHashMap<>();
        for (ItemDecl d : st.items.values()) {
            scope.put(d.name().name(), d);
        }
        Set<String> uses = new HashSet<>();
        int pos = 0;
        for (Ast.TopItem item : sec.items()) {
            pos++;
            if (!(item instanceof Ast.TopUse u)) {
                continue;
            }
            Id local = u.as() != null ? u.as() : u.path().last();
            Object existing = scope.get(local.name());
            // A top-level `use` may shadow an item declared in another file of the package, but
            // not one of the same file (wasm-tools: "duplicate name in this file").
            boolean clash = existing instanceof ItemDecl d0 ? d0.section() == sec : existing != null;
            if (clash || !uses.add(local.name())) {
                if (existing instanceof ItemDecl d && d.section() == sec && indexIn(sec, d.decl()) > pos - 1) {
                    report(d.name().loc().error("duplicate name `" + local.name() + "` in this file"));
                } else {
                    report(local.loc().error("duplicate name `" + local.name() + "` in this file"));
                }
                continue;
            }
            Object target = POISONED;
            if (u.path() instanceof Ast.LocalPath lp) {
                ItemDecl d = st.items.get(lp.name().name());
                if (d == null) {
                    report(lp.loc().error("interface or world `" + lp.name().name() + "` does not exist"));
                } else if (d.world()) {
                    report(lp.loc().error("name `" + lp.name().name() + "` is defined as a world, not an interface"));
                } else {
                    target = d;
                }
            } else {
                Ast.PackagePath pp = (Ast.PackagePath) u.path();
                try {
                    target = foreignInterface(pp);
                } catch (WitException e) {
                    report(e);
                } catch (Abandoned e) {
                    // reported before
                }
            }
            scope.put(local.name(), target);
        }
        return scope;
    }

    private static int indexIn(PackageSource.Section sec, Ast.TopItem item) {
        return sec.items().indexOf(item);
    }

    private ForeignRef foreignInterface(Ast.PackagePath pp) {
        PkgState pkg = done.get(packageName(pp));
        if (pkg == null || duplicated.contains(pkg.name)) {
            // Reported with the package's dependencies (resolveAll).
            throw ABANDONED;
        }
        String n = pp.name().name();
        ItemDecl d = pkg.items.get(n);
        if (d == null || d.world()) {
            throw pp.name().loc().error("interface '" + n + "' not found in package '" + pkg.name + "'");
        }
        Interface iface = pkg.ifaces.get(n);
        if (iface == null) {
            throw pp.name()
                    .loc()
                    .error("found a reference to a interface which is excluded due to its feature not being activated");
        }
        return new ForeignRef(iface, pkg, n);
    }

    /**
     * Resolves a path naming an interface: returns an {@link ItemDecl} of this package (possibly
     * not built yet) or a {@link ForeignRef}.
     */
    private Object lookupInterfacePath(PkgState st, PackageSource.Section sec, Ast.UsePath path) {
        if (path instanceof Ast.PackagePath pp) {
            return foreignInterface(pp);
        }
        Id id = path.last();
        Object o = st.fileScopes.get(sec).get(id.name());
        if (o == null) {
            throw id.loc().error("interface or world `" + id.name() + "` does not exist");
        }
        if (o == POISONED) {
            throw ABANDONED;
        }
        if (o instanceof ItemDecl d) {
            if (d.world()) {
                throw id.loc().error("name `" + id.name() + "` is defined as a world, not an interface");
            }
            if (d.excluded()) {
                throw id.loc()
                        .error(
                                "found a reference to a interface which is excluded due to its feature not being activated");
            }
        }
        return o;
    }

    /** The built interface a path names, with the information needed to look up its names. */
    private record Target(Interface iface, PkgState pkg, String name, boolean foreign) {}

    private Target resolveInterface(PkgState st, PackageSource.Section sec, Ast.UsePath path) {
        Object o = lookupInterfacePath(st, sec, path);
        if (o instanceof ForeignRef f) {
            return new Target(f.iface(), f.pkg(), f.ifaceName(), true);
        }
        ItemDecl d = (ItemDecl) o;
        Interface iface = st.ifaces.get(d.name().name());
        if (iface == null) {
            // Only possible for an interface on a cycle, which the topological sort reported.
            throw ABANDONED;
        }
        return new Target(iface, st, d.name().name(), false);
    }

    // ===================================================================================
    // Interfaces and type scopes
    // ===================================================================================

    /** Names of one interface or world while it is being resolved. */
    private final class Scope {
        final PkgState st;
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

        Scope(PkgState st, PackageSource.Section sec, TypeOwner owner) {
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
                report(id.loc().error("name `" + id.name() + "` is defined more than once"));
                return false;
            }
            names.put(id.name(), what);
            return true;
        }
    }

    private Interface buildInterface(PkgState st, ItemDecl d) {
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
    private void resolveItems(Scope sc, List<? extends Object> items) {
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
                                report(f.name().loc().error(EXCLUDED_TYPE));
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
            Target t;
            try {
                t = resolveInterface(sc.st, sc.sec, u.path());
            } catch (WitException | Abandoned e) {
                if (e instanceof WitException w) {
                    report(w);
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
                        report(n.name().loc().error(EXCLUDED_TYPE));
                    } else if (funcs.contains(n.name().name()) && !t.foreign()) {
                        report(n.name()
                                .loc()
                                .error("cannot import function `" + n.name().name() + "`"));
                    } else if (t.pkg()
                            .poisonedTypes
                            .getOrDefault(t.name(), Set.of())
                            .contains(n.name().name())) {
                        // its definition failed, reported there
                    } else {
                        report(n.name()
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
                this::report);
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
            } catch (WitException | Abandoned e) {
                if (e instanceof WitException w) {
                    report(w);
                }
                poison(sc, td.name(), td);
            }
        }
        // 4. Functions, in declaration order; resource members where their resource is declared.
        for (Object it : items) {
            if (it instanceof Ast.FuncDecl fd && gates.active(gates.stability(fd.attrs())) && !skipped.contains(fd)) {
                attempt(() -> {
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
                            report(rf.name().loc().error("duplicate constructors"));
                            continue;
                        }
                        ctor = true;
                    } else if (!memberNames.add(rf.name().name())) {
                        report(rf.name()
                                .loc()
                                .error("duplicate function name `" + rf.name().name() + "`"));
                        continue;
                    }
                    attempt(() -> {
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
            sc.names.put(name.name(), POISONED);
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
                    report(f.name().loc().error("field `" + f.name().name() + "` is defined more than once"));
                    continue;
                }
                fields.add(new ValueType.Field(
                        f.name().name(), convert(sc, f.type(), f.name().loc(), true), DocText.docs(f.docs())));
            }
            kind = new ValueType.RecordType(fields);
        } else if (td.body() instanceof Ast.VariantBody v) {
            if (v.cases().isEmpty()) {
                report(here.error("empty variant"));
            }
            List<ValueType.Case> cases = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Ast.CaseDecl c : v.cases()) {
                if (!seen.add(c.name().name())) {
                    report(c.name().loc().error("case `" + c.name().name() + "` is defined more than once"));
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
                report(here.error("empty enum"));
            }
            List<ValueType.EnumCase> cases = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Ast.Named c : e.cases()) {
                if (!seen.add(c.name().name())) {
                    report(c.name().loc().error("case `" + c.name().name() + "` is defined more than once"));
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
                    report(c.name().loc().error("flag `" + c.name().name() + "` is defined more than once"));
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
     * @throws Abandoned if its definition failed (reported there)
     */
    private TypeDef lookupType(Scope sc, Id id, Loc item, boolean typeContext) {
        Object o = sc.names.get(id.name());
        if (o instanceof TypeDef t) {
            return t;
        }
        if (o == POISONED) {
            throw ABANDONED;
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
            sc.names.put(id.name(), POISONED);
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
                report(m.loc()
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
                report(h.resource()
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
            report(e);
        } catch (Abandoned e) {
            // reported where the type is defined
        }
        return null;
    }

    private Function buildFunction(
            Scope sc, String name, Function.Kind kind, Ast.FuncType ft, Ast.Attrs attrs, Id nameId, TypeDef resource) {
        List<Function.Param> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (kind instanceof Function.Kind.Method) {
            params.add(new Function.Param("self", new ValueType.HandleType(resource, true)));
            seen.add("self");
        }
        for (Ast.Param p : ft.params()) {
            if (!seen.add(p.name().name())) {
                report(p.name().loc().error("param `" + p.name().name() + "` is defined more than once"));
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
                report(nameId.loc()
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
            return r.ok().map(Resolver::containsBorrow).orElse(false)
                    || r.err().map(Resolver::containsBorrow).orElse(false);
        } else if (t instanceof ValueType.TupleType tt) {
            return tt.types().stream().anyMatch(Resolver::containsBorrow);
        } else if (t instanceof ValueType.RecordType r) {
            return r.fields().stream().anyMatch(f -> containsBorrow(f.type()));
        } else if (t instanceof ValueType.VariantType v) {
            return v.cases().stream()
                    .anyMatch(c -> c.type().map(Resolver::containsBorrow).orElse(false));
        } else if (t instanceof ValueType.MapType m) {
            return containsBorrow(m.key()) || containsBorrow(m.value());
        } else if (t instanceof ValueType.StreamType s) {
            return s.element().map(Resolver::containsBorrow).orElse(false);
        } else if (t instanceof ValueType.FutureType f) {
            return f.element().map(Resolver::containsBorrow).orElse(false);
        }
        return false;
    }

    // ===================================================================================
    // Worlds
    // ===================================================================================

    private World buildWorld(PkgState st, ItemDecl d) {
        Ast.WorldDecl decl = (Ast.WorldDecl) d.decl();
        String wname = decl.name().name();
        Scope sc = new Scope(st, d.section(), new TypeOwner.InWorld(st.name, wname));
        List<Object> typeItems = new ArrayList<>();
        for (Ast.WorldItem it : decl.items()) {
            if (it instanceof Ast.Use || it instanceof Ast.TypeDecl) {
                typeItems.add(it);
            }
        }
        resolveItems(sc, typeItems);
        Map<WorldKey, WorldItem> imports = new LinkedHashMap<>();
        Map<WorldKey, WorldItem> exports = new LinkedHashMap<>();
        Map<String, String> importNames = new HashMap<>();
        Map<String, String> exportNames = new HashMap<>();
        Map<String, Loc> importLocs = new LinkedHashMap<>();
        Map<String, Loc> exportLocs = new LinkedHashMap<>();
        for (Map.Entry<String, TypeDef> e : sc.types().entrySet()) {
            importNames.put(e.getKey(), "type");
            imports.put(new WorldKey.Name(e.getKey()), new WorldItem.TypeItem(e.getValue()));
        }
        for (Map.Entry<String, Function> e : sc.functions.entrySet()) {
            // Resource members declared in a world are imported functions.
            imports.put(new WorldKey.Name(e.getKey()), new WorldItem.FunctionItem(e.getValue()));
        }
        for (Ast.WorldItem it : decl.items()) {
            if (!(it instanceof Ast.ImportExport ie)) {
                continue;
            }
            Stability stab = gates.stability(ie.attrs());
            gates.checkSince(st.name, stab, ie.kind().loc());
            if (!gates.active(stab)) {
                continue;
            }
            String desc = ie.export() ? "export" : "import";
            Map<WorldKey, WorldItem> dst = ie.export() ? exports : imports;
            Map<String, String> names = ie.export() ? exportNames : importNames;
            Map<String, Loc> locs = ie.export() ? exportLocs : importLocs;
            // An import or export with an error is reported and left out; the others are checked.
            try {
                if (ie.kind() instanceof Ast.ExternPath p) {
                    Target t = resolveInterface(st, d.section(), p.path());
                    WorldKey key = new WorldKey.InterfaceName(t.pkg().name, t.name());
                    if (dst.containsKey(key)) {
                        throw p.loc().error("interface cannot be " + desc + "ed more than once");
                    }
                    dst.put(key, new WorldItem.InterfaceItem(t.iface(), stab));
                    continue;
                }
                Id name;
                String what;
                if (ie.kind() instanceof Ast.ExternFunc f) {
                    name = f.name();
                    what = "func";
                } else if (ie.kind() instanceof Ast.ExternInterface i) {
                    name = i.name();
                    what = "interface";
                } else {
                    name = ((Ast.ExternNamedPath) ie.kind()).name();
                    what = "interface";
                }
                String prev = names.putIfAbsent(name.name(), what);
                if (prev != null) {
                    throw name.loc()
                            .error(desc + " `" + name.name() + "` conflicts with prior " + prev + " of same name");
                }
                locs.put(name.name(), name.loc());
                WorldItem item;
                if (ie.kind() instanceof Ast.ExternFunc f) {
                    item = new WorldItem.FunctionItem(buildFunction(
                            sc, f.name().name(), Function.Kind.FREESTANDING, f.type(), ie.attrs(), f.name(), null));
                } else if (ie.kind() instanceof Ast.ExternInterface i) {
                    Scope isc = new Scope(st, d.section(), new TypeOwner.InWorldInterface(st.name, wname, name.name()));
                    resolveItems(isc, i.items());
                    item = new WorldItem.InterfaceItem(
                            new Interface(
                                    Optional.empty(),
                                    st.name,
                                    isc.types(),
                                    isc.functions,
                                    DocText.docs(ie.attrs().docs()),
                                    stab,
                                    name.loc().pos()),
                            stab);
                } else {
                    Target t = resolveInterface(st, d.section(), ((Ast.ExternNamedPath) ie.kind()).path());
                    item = new WorldItem.InterfaceItem(t.iface(), stab);
                }
                dst.put(new WorldKey.Name(name.name()), item);
            } catch (WitException e) {
                report(e);
            } catch (Abandoned e) {
                // reported before
            }
        }
        checkCaseInsensitive(wname, "import", importLocs);
        checkCaseInsensitive(wname, "export", exportLocs);

        for (Ast.WorldItem it : decl.items()) {
            if (it instanceof Ast.Include inc) {
                Stability stab = gates.stability(inc.attrs());
                gates.checkSince(st.name, stab, inc.path().last().loc());
                if (gates.active(stab)) {
                    attempt(() -> include(st, d, sc.owner, inc, imports, exports));
                }
            }
        }
        return new WorldElaboration(interfaces, this::report)
                .elaborate(
                        new World(
                                wname,
                                st.name,
                                imports,
                                exports,
                                DocText.docs(decl.attrs().docs()),
                                gates.stability(decl.attrs()),
                                decl.name().loc().pos()),
                        decl.name().loc());
    }

    private void checkCaseInsensitive(String world, String desc, Map<String, Loc> locs) {
        Map<String, String> lower = new HashMap<>();
        for (Map.Entry<String, Loc> e : locs.entrySet()) {
            String prev = lower.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getKey());
            if (prev != null) {
                report(e.getValue()
                        .error(desc + " `" + e.getKey() + "` in world `" + world + "` conflicts with " + desc + " `"
                                + prev + "` (kebab-case identifiers are case-insensitive)"));
            }
        }
    }

    /** Merges an included world (WIT.md "Union of Worlds with include", "Name Conflicts and with"). */
    private void include(
            PkgState st,
            ItemDecl d,
            TypeOwner owner,
            Ast.Include inc,
            Map<WorldKey, WorldItem> imports,
            Map<WorldKey, WorldItem> exports) {
        World w;
        Loc at = inc.path().last().loc();
        if (inc.path() instanceof Ast.LocalPath lp) {
            w = st.worlds.get(lp.name().name());
            if (w == null) {
                // Not a world of this package, or on a cycle: reported with the worlds' order.
                throw ABANDONED;
            }
        } else {
            Ast.PackagePath pp = (Ast.PackagePath) inc.path();
            PkgState pkg = done.get(packageName(pp));
            if (pkg == null || duplicated.contains(pkg.name)) {
                // Reported with the package's dependencies (resolveAll).
                throw ABANDONED;
            }
            ItemDecl target = pkg.items.get(pp.name().name());
            if (target == null || !target.world()) {
                throw at.error("world '" + pp.name().name() + "' not found in package '" + pkg.name + "'");
            }
            w = pkg.worlds.get(pp.name().name());
            if (w == null) {
                throw at.error("found a reference to a world which is excluded due to its feature not being activated");
            }
        }
        Map<String, String> renames = new LinkedHashMap<>();
        for (Ast.IncludeName n : inc.names()) {
            renames.put(n.name().name(), n.as().name());
        }
        Set<String> unmatched = new LinkedHashSet<>(renames.keySet());
        for (WorldKey k : w.imports().keySet()) {
            if (k instanceof WorldKey.Name n) {
                unmatched.remove(n.name());
            }
        }
        for (WorldKey k : w.exports().keySet()) {
            if (k instanceof WorldKey.Name n) {
                unmatched.remove(n.name());
            }
        }
        if (!unmatched.isEmpty()) {
            throw at.error("no import or export kebab-name `"
                    + unmatched.iterator().next() + "`. Note that an ID does not support renaming");
        }
        IncludeCopier copier = new IncludeCopier(w, owner, renames);
        boolean external = !w.pkg().equals(st.name);
        mergeInclude(w.imports(), imports, copier, at, "import", external);
        mergeInclude(w.exports(), exports, copier, at, "export", external);
    }

    private void mergeInclude(
            Map<WorldKey, WorldItem> from,
            Map<WorldKey, WorldItem> into,
            IncludeCopier copier,
            Loc at,
            String desc,
            boolean external) {
        for (Map.Entry<WorldKey, WorldItem> e : from.entrySet()) {
            if (e.getKey() instanceof WorldKey.Name n) {
                String newName = copier.renames.getOrDefault(n.name(), n.name());
                WorldItem item = copier.item(newName, e.getValue());
                if (item instanceof WorldItem.FunctionItem fi) {
                    newName = fi.function().name();
                }
                if (into.putIfAbsent(new WorldKey.Name(newName), item) != null) {
                    report(at.error(desc + " of `" + newName + "` shadows previously " + desc + "ed items"));
                }
            } else {
                WorldItem.InterfaceItem ii = (WorldItem.InterfaceItem) e.getValue();
                Stability stab = ii.stability();
                if (external && stab instanceof Stability.Stable) {
                    // `@since` versions refer to the other package's releases; they are dropped.
                    stab = Stability.UNKNOWN;
                }
                WorldItem prev = into.get(e.getKey());
                if (prev == null || ((WorldItem.InterfaceItem) prev).stability() instanceof Stability.Unknown) {
                    into.put(e.getKey(), new WorldItem.InterfaceItem(ii.iface(), stab));
                }
            }
        }
    }
}
