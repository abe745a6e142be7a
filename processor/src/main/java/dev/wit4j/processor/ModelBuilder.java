package dev.wit4j.processor;

import com.palantir.javapoet.ClassName;
import dev.wit4j.processor.HolderState.Dir;
import dev.wit4j.processor.HolderState.Key;
import dev.wit4j.processor.model.Bindings;
import dev.wit4j.processor.model.Holder;
import dev.wit4j.processor.model.JavaFirstInterface;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Interface;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeOwner;
import dev.wit4j.witx.model.WitPackage;
import dev.wit4j.witx.model.World;
import dev.wit4j.witx.model.WorldItem;
import dev.wit4j.witx.model.WorldKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parse step: turns a resolved world into the {@link Bindings} model, deciding every Java name
 * and type, and reporting each construct it cannot map as {@link Message#NOT_SUPPORTED}.
 *
 * <p>One holder (top-level Java interface) per (interface, direction): types of an exported
 * interface are generated apart from those of the same interface when imported, as the component
 * model gives them distinct identities (this matters for resources).
 */
final class ModelBuilder {
    private final Resolve resolve;
    private final World world;
    private final String packageName;
    private final Diagnostics diagnostics;
    private final Map<Key, HolderState> states = new LinkedHashMap<>();
    private final Set<TypeOwner> exportedOwners = new HashSet<>();
    private final Set<String> topLevelNames = new HashSet<>();
    private final Deque<HolderState> pending = new ArrayDeque<>();
    private final Map<String, JavaFirstInterface> javaFirst;
    /** Interfaces whose Java bindings exist already, by qualified WIT name (with or without version). */
    private Map<String, ClassName> existing = Map.of();

    private final HolderContents contents;

    ModelBuilder(Resolve resolve, World world, String packageName, Diagnostics diagnostics) {
        this(resolve, world, packageName, diagnostics, Map.of());
    }

    /**
     * This builder, using existing bindings for the interfaces {@code existing} names (by qualified
     * WIT name, with or without version): their holders get those types, and nothing is generated
     * for them.
     */
    ModelBuilder withExistingBindings(Map<String, ClassName> existing) {
        this.existing = Map.copyOf(existing);
        return this;
    }

    /** The existing bindings of {@code iface}, if {@code @WitWorld(with = …)} names it. */
    private Optional<ClassName> existingBindings(Interface iface) {
        if (iface == null || iface.qualifiedName().isEmpty()) return Optional.empty();
        String name = iface.qualifiedName().get();
        ClassName c = existing.get(name);
        return Optional.ofNullable(c != null ? c : existing.get(unversioned(name)));
    }

    /** A qualified interface name without its version: {@code ns:pkg/iface@1.0.0} is {@code ns:pkg/iface}. */
    static String unversioned(String qualifiedName) {
        int at = qualifiedName.indexOf('@');
        return at < 0 ? qualifiedName : qualifiedName.substring(0, at);
    }

    /**
     * @param javaFirst the Java-first interfaces of the world by qualified WIT name
     *     ({@link JavaFirstInterface#qualifiedName()}): their holders are the user's interfaces and
     *     their types the user's types, so nothing is generated for them
     */
    ModelBuilder(
            Resolve resolve,
            World world,
            String packageName,
            Diagnostics diagnostics,
            Map<String, JavaFirstInterface> javaFirst) {
        this.resolve = resolve;
        this.world = world;
        this.packageName = packageName;
        this.diagnostics = diagnostics;
        this.javaFirst = Map.copyOf(javaFirst);
        this.contents = new HolderContents(new JavaTypes(diagnostics, this::holderFor), diagnostics);
    }

    /** The Java name reserved for the world class (generated with the runtime bindings). */
    static String worldClassName(World world) {
        return Names.upperCamel(world.name());
    }

    Bindings build() {
        TypeOwner worldOwner = new TypeOwner.InWorld(world.pkg(), world.name());
        HolderState worldImports = null;
        HolderState worldExports = null;
        for (Map.Entry<WorldKey, WorldItem> e : world.imports().entrySet()) {
            WorldItem item = e.getValue();
            if (item instanceof WorldItem.InterfaceItem ii) {
                addInterface(e.getKey(), ii, Dir.IMPORT);
            } else {
                if (worldImports == null) {
                    worldImports = newState(
                            new Key(worldOwner, Dir.IMPORT),
                            Holder.Kind.WORLD_IMPORTS,
                            null,
                            world.qualifiedName(),
                            Docs.NONE,
                            Stability.UNKNOWN);
                }
                if (item instanceof WorldItem.FunctionItem fi) {
                    worldImports.functions.add(fi.function());
                } else if (item instanceof WorldItem.TypeItem ti) {
                    worldImports.declared.add(ti.type());
                }
            }
        }
        for (Map.Entry<WorldKey, WorldItem> e : world.exports().entrySet()) {
            if (e.getValue() instanceof WorldItem.InterfaceItem ii) {
                exportedOwners.add(ownerOf(e.getKey(), ii.iface()));
            }
        }
        for (Map.Entry<WorldKey, WorldItem> e : world.exports().entrySet()) {
            WorldItem item = e.getValue();
            if (item instanceof WorldItem.InterfaceItem ii) {
                addInterface(e.getKey(), ii, Dir.EXPORT);
            } else if (item instanceof WorldItem.FunctionItem fi) {
                if (worldExports == null) {
                    worldExports = newState(
                            new Key(worldOwner, Dir.EXPORT),
                            Holder.Kind.WORLD_EXPORTS,
                            null,
                            world.qualifiedName(),
                            Docs.NONE,
                            Stability.UNKNOWN);
                }
                worldExports.functions.add(fi.function());
            }
        }
        assignHolderNames();
        for (HolderState s : states.values()) {
            assignTypeNames(s);
            pending.add(s);
        }
        while (!pending.isEmpty()) {
            contents.fill(pending.poll());
        }
        List<Holder> holders = new ArrayList<>();
        Map<ClassName, Set<ClassName>> typeUses = new LinkedHashMap<>();
        for (HolderState s : states.values()) {
            holders.add(new Holder(
                    s.name,
                    s.kind,
                    s.witName,
                    s.externName,
                    s.docs,
                    s.stability,
                    s.types,
                    s.methods,
                    s.suppressDeprecation,
                    s.javaFirst != null || s.existingBindings));
            Set<ClassName> used = new LinkedHashSet<>();
            for (HolderState u : s.uses) used.add(u.name);
            typeUses.put(s.name, Set.copyOf(used));
        }
        return new Bindings(
                packageName,
                world.qualifiedName(),
                ClassName.get(packageName, worldClassName(world)),
                holders,
                typeUses);
    }

    // ---------------------------------------------------------------------------------------
    // Holders and their names

    private TypeOwner ownerOf(WorldKey key, Interface iface) {
        if (iface.name().isPresent()) {
            return new TypeOwner.InInterface(iface.pkg(), iface.name().get());
        }
        return new TypeOwner.InWorldInterface(world.pkg(), world.name(), key.toString());
    }

    private void addInterface(WorldKey worldKey, WorldItem.InterfaceItem item, Dir dir) {
        Interface iface = item.iface();
        TypeOwner owner = ownerOf(worldKey, iface);
        Key key = new Key(owner, dir);
        if (states.containsKey(key)) {
            return;
        }
        String witName = iface.qualifiedName().orElse(world.qualifiedName() + "#" + worldKey);
        Stability stability = item.stability() instanceof Stability.Unknown ? iface.stability() : item.stability();
        HolderState s = newState(
                key,
                dir == Dir.IMPORT ? Holder.Kind.IMPORTED_INTERFACE : Holder.Kind.EXPORTED_INTERFACE,
                iface,
                witName,
                iface.docs(),
                stability);
        s.externName = worldKey.toString();
        s.javaFirst = iface.qualifiedName().map(javaFirst::get).orElse(null);
        s.declared.addAll(iface.types().values());
        s.functions.addAll(iface.functions().values());
    }

    private HolderState newState(
            Key key, Holder.Kind kind, Interface iface, String witName, Docs docs, Stability stability) {
        HolderState s = new HolderState(key, kind, iface, witName, docs, stability);
        states.put(key, s);
        return s;
    }

    /** Candidate names, from shortest to most qualified (processor/README.md "Naming"). */
    private List<String> candidates(HolderState s) {
        TypeOwner owner = s.key.owner();
        List<String> c = new ArrayList<>();
        if (owner instanceof TypeOwner.InInterface ii) {
            String base = Names.upperCamel(ii.iface());
            String withPkg = Names.upperCamel(ii.pkg().name()) + base;
            String withNs = Names.upperCamel(ii.pkg().namespace()) + withPkg;
            String withVersion = withNs
                    + ii.pkg()
                            .version()
                            .map(v -> "V" + v.toString().replaceAll("[^A-Za-z0-9]", "_"))
                            .orElse("");
            c.addAll(List.of(base, withPkg, withNs, withVersion));
        } else if (owner instanceof TypeOwner.InWorldInterface wi) {
            String base = Names.upperCamel(wi.item());
            String withWorld = Names.upperCamel(wi.world()) + base;
            c.addAll(List.of(base, withWorld, withWorld, withWorld));
        } else {
            String n = worldClassName(world) + (s.key.dir() == Dir.IMPORT ? "Imports" : "Exports");
            c.addAll(List.of(n, n, n, n));
        }
        if (s.key.dir() == Dir.EXPORT
                && states.containsKey(new Key(owner, Dir.IMPORT))
                && !(owner instanceof TypeOwner.InWorld)) {
            c.replaceAll(n -> n + "Export");
        }
        return c;
    }

    private void assignHolderNames() {
        List<HolderState> all = new ArrayList<>();
        for (HolderState s : states.values()) {
            Optional<ClassName> bound = existingBindings(s.iface);
            if (s.javaFirst != null) {
                s.name = s.javaFirst.javaType();
            } else if (bound.isPresent()) {
                s.name = bound.get();
                s.existingBindings = true;
            } else {
                all.add(s);
            }
        }
        Map<HolderState, List<String>> cands = new HashMap<>();
        Map<HolderState, Integer> level = new HashMap<>();
        for (HolderState s : all) {
            cands.put(s, candidates(s));
            level.put(s, 0);
        }
        String reserved = worldClassName(world);
        for (int round = 0; round < 4; round++) {
            Map<String, List<HolderState>> byName = new HashMap<>();
            for (HolderState s : all) {
                byName.computeIfAbsent(cands.get(s).get(level.get(s)), k -> new ArrayList<>())
                        .add(s);
            }
            boolean bumped = false;
            for (Map.Entry<String, List<HolderState>> e : byName.entrySet()) {
                if (e.getValue().size() > 1 || e.getKey().equals(reserved)) {
                    for (HolderState s : e.getValue()) {
                        if (level.get(s) < 3) {
                            level.put(s, level.get(s) + 1);
                            bumped = true;
                        }
                    }
                }
            }
            if (!bumped) {
                break;
            }
        }
        topLevelNames.add(reserved);
        for (HolderState s : all) {
            s.name = ClassName.get(packageName, uniqueTopLevel(cands.get(s).get(level.get(s))));
        }
    }

    private String uniqueTopLevel(String name) {
        String n = name;
        for (int i = 2; !topLevelNames.add(n); i++) {
            n = name + i;
        }
        return n;
    }

    /** Names the nested Java types of a holder before anything refers to them. */
    private void assignTypeNames(HolderState s) {
        if (s.javaFirst != null) {
            for (TypeDef def : s.declared) {
                JavaFirstInterface.TypeDecl decl = s.javaDecl(def);
                s.typeNames.put(def, decl.javaType());
                if (decl instanceof JavaFirstInterface.ResourceDecl && s.kind.exported()) {
                    s.handleClasses.put(
                            def,
                            ClassName.get(
                                    packageName, uniqueTopLevel(decl.javaType().simpleName() + "Handle")));
                }
            }
            return;
        }
        Set<String> taken = new HashSet<>();
        taken.add(s.name.simpleName());
        for (TypeDef def : s.declared) {
            if (WitTypes.isAlias(def)) {
                continue;
            }
            String n = Names.upperCamel(def.name());
            while (!taken.add(n)) {
                n = n + "_";
            }
            s.typeNames.put(def, s.name.nestedClass(n));
        }
    }

    /** The holder for types owned by {@code owner}, seen from direction {@code dir}. */
    private HolderState holderFor(TypeDef def, Dir dir) {
        TypeOwner owner = def.owner();
        Dir eff = dir == Dir.EXPORT && exportedOwners.contains(owner) ? Dir.EXPORT : Dir.IMPORT;
        HolderState s = states.get(new Key(owner, eff));
        if (s == null) {
            s = states.get(new Key(owner, eff == Dir.IMPORT ? Dir.EXPORT : Dir.IMPORT));
        }
        if (s != null && s.typeNames.containsKey(def)) {
            return s;
        }
        // Not among the world's items (the world elaboration normally adds it): generate the
        // owning interface as an import.
        Interface iface = findInterface(owner);
        if (s == null && iface != null) {
            String witName = iface.qualifiedName().orElse(owner.toString());
            s = newState(
                    new Key(owner, Dir.IMPORT),
                    Holder.Kind.IMPORTED_INTERFACE,
                    iface,
                    witName,
                    iface.docs(),
                    iface.stability());
            s.externName = iface.qualifiedName().orElse("");
            s.declared.addAll(iface.types().values());
            s.functions.addAll(iface.functions().values());
            Optional<ClassName> bound = existingBindings(iface);
            s.existingBindings = bound.isPresent();
            s.name = bound.isPresent()
                    ? bound.get()
                    : ClassName.get(packageName, uniqueTopLevel(candidates(s).get(3)));
            assignTypeNames(s);
            pending.add(s);
            return s.typeNames.containsKey(def) ? s : null;
        }
        return null;
    }

    private Interface findInterface(TypeOwner owner) {
        if (owner instanceof TypeOwner.InInterface ii) {
            Optional<WitPackage> p = resolve.pkg(ii.pkg());
            return p.map(pkg -> pkg.interfaces().get(ii.iface())).orElse(null);
        }
        return null;
    }
}
