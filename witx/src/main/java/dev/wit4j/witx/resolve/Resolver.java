package dev.wit4j.witx.resolve;

import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.Function;
import dev.wit4j.witx.model.Interface;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeOwner;
import dev.wit4j.witx.model.WitPackage;
import dev.wit4j.witx.model.World;
import dev.wit4j.witx.model.WorldItem;
import dev.wit4j.witx.model.WorldKey;
import dev.wit4j.witx.parse.Ast;
import dev.wit4j.witx.parse.Ast.Id;
import dev.wit4j.witx.parse.Ast.Loc;
import java.util.ArrayList;
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
    private final Gates gates;
    /** Resolves the names inside each interface and world. */
    private final ScopeResolver scopes;

    private final List<WitException> errors = new ArrayList<>();
    private final Map<PackageName, PkgState> done = new LinkedHashMap<>();
    /** Packages defined twice (reported): which one a path names is unknown, so paths naming them are not checked. */
    private final Set<PackageName> duplicated = new HashSet<>();
    /** Every named interface built so far, for world elaboration. */
    private final Map<TypeOwner, Interface> interfaces = new HashMap<>();

    Resolver(Predicate<String> featureActive) {
        this.gates = new Gates(featureActive, this::report);
        this.scopes = new ScopeResolver(this, gates);
    }

    /** Per-package resolution state. */
    static final class PkgState {
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
    record ItemDecl(
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

    /** A name whose definition failed with an error already reported: references to it are not errors again. */
    static final Object POISONED = new Object();

    /** Gives up on an item whose error has been reported already (or follows from one that has). */
    static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super(null, null, false, false);
        }
    }

    static final Abandoned ABANDONED = new Abandoned();

    void report(WitException e) {
        errors.add(e);
    }

    /** Runs one step; an error in it is reported and the step given up. Returns whether it completed. */
    boolean attempt(Runnable step) {
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
            Interface iface = scopes.buildInterface(st, d);
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
    record Target(Interface iface, PkgState pkg, String name, boolean foreign) {}

    Target resolveInterface(PkgState st, PackageSource.Section sec, Ast.UsePath path) {
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
    // Worlds
    // ===================================================================================

    private World buildWorld(PkgState st, ItemDecl d) {
        Ast.WorldDecl decl = (Ast.WorldDecl) d.decl();
        String wname = decl.name().name();
        ScopeResolver.Scope sc = scopes.scope(st, d.section(), new TypeOwner.InWorld(st.name, wname));
        List<Object> typeItems = new ArrayList<>();
        for (Ast.WorldItem it : decl.items()) {
            if (it instanceof Ast.Use || it instanceof Ast.TypeDecl) {
                typeItems.add(it);
            }
        }
        scopes.resolveItems(sc, typeItems);
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
                    item = new WorldItem.FunctionItem(scopes.buildFunction(
                            sc, f.name().name(), Function.Kind.FREESTANDING, f.type(), ie.attrs(), f.name(), null));
                } else if (ie.kind() instanceof Ast.ExternInterface i) {
                    ScopeResolver.Scope isc =
                            scopes.scope(st, d.section(), new TypeOwner.InWorldInterface(st.name, wname, name.name()));
                    scopes.resolveItems(isc, i.items());
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
