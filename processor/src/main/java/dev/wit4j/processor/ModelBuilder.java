package dev.wit4j.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.wit4j.processor.model.Bindings;
import dev.wit4j.processor.model.Holder;
import dev.wit4j.processor.model.JavaFirstInterface;
import dev.wit4j.processor.model.MethodModel;
import dev.wit4j.processor.model.Shape;
import dev.wit4j.processor.model.TypeModel;
import dev.wit4j.runtime.types.Result;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Function;
import dev.wit4j.witx.model.Interface;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.model.SourcePos;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.TypeOwner;
import dev.wit4j.witx.model.ValueType;
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
import java.util.OptionalInt;
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
    static final ClassName RESULT = ClassName.get(Result.class);
    static final ClassName VOID = ClassName.get("java.lang", "Void");
    private static final ClassName LIST = ClassName.get("java.util", "List");
    private static final ClassName SET = ClassName.get("java.util", "Set");
    private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    private static final ClassName MAP = ClassName.get("java.util", "Map");
    static final int MAX_TUPLE = 16;

    private enum Dir {
        IMPORT,
        EXPORT
    }

    private record Key(TypeOwner owner, Dir dir) {}

    /** Mutable state of one holder while the model is built. */
    private static final class State {
        final Key key;
        final Holder.Kind kind;
        final Interface iface; // null for the world's own holders
        final String witName;
        String externName = "";
        final Docs docs;
        final Stability stability;
        final List<TypeDef> declared = new ArrayList<>();
        final List<Function> functions = new ArrayList<>();
        final Map<TypeDef, ClassName> typeNames = new HashMap<>();
        final Set<String> methodNames = new HashSet<>();
        final List<TypeModel> types = new ArrayList<>();
        final List<MethodModel> methods = new ArrayList<>();
        ClassName name;
        boolean suppressDeprecation;
        /** Java-first: the user's interface this holder stands for (its Java names and types), else null. */
        JavaFirstInterface javaFirst;
        /** Java-first, exported resources: the generated handle class implementing the user's interface. */
        final Map<TypeDef, ClassName> handleClasses = new HashMap<>();
        /** The other holders whose types this one's types and functions use. */
        final Set<State> uses = new LinkedHashSet<>();
        /** Whether this holder's bindings exist already ({@code @WitWorld(with = …)}): nothing is generated for it. */
        boolean existingBindings;

        State(Key key, Holder.Kind kind, Interface iface, String witName, Docs docs, Stability stability) {
            this.key = key;
            this.kind = kind;
            this.iface = iface;
            this.witName = witName;
            this.docs = docs;
            this.stability = stability;
        }

        String where() {
            switch (kind) {
                case IMPORTED_INTERFACE:
                    return "imported interface `" + witName + "`";
                case EXPORTED_INTERFACE:
                    return "exported interface `" + witName + "`";
                default:
                    return "world `" + witName + "`";
            }
        }
    }

    private final Resolve resolve;
    private final World world;
    private final String packageName;
    private final Diagnostics diagnostics;
    private final Map<Key, State> states = new LinkedHashMap<>();
    private final Set<TypeOwner> exportedOwners = new HashSet<>();
    private final Set<String> topLevelNames = new HashSet<>();
    private final Deque<State> pending = new ArrayDeque<>();
    private final Map<String, JavaFirstInterface> javaFirst;
    /** Interfaces whose Java bindings exist already, by qualified WIT name (with or without version). */
    private Map<String, ClassName> existing = Map.of();

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
    }

    /** The Java name reserved for the world class (generated with the runtime bindings). */
    static String worldClassName(World world) {
        return Names.upperCamel(world.name());
    }

    Bindings build() {
        TypeOwner worldOwner = new TypeOwner.InWorld(world.pkg(), world.name());
        State worldImports = null;
        State worldExports = null;
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
        for (State s : states.values()) {
            assignTypeNames(s);
            pending.add(s);
        }
        while (!pending.isEmpty()) {
            fill(pending.poll());
        }
        List<Holder> holders = new ArrayList<>();
        Map<ClassName, Set<ClassName>> typeUses = new LinkedHashMap<>();
        for (State s : states.values()) {
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
            for (State u : s.uses) used.add(u.name);
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
        State s = newState(
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

    private State newState(Key key, Holder.Kind kind, Interface iface, String witName, Docs docs, Stability stability) {
        State s = new State(key, kind, iface, witName, docs, stability);
        states.put(key, s);
        return s;
    }

    /** Candidate names, from shortest to most qualified (processor/README.md "Naming"). */
    private List<String> candidates(State s) {
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
        List<State> all = new ArrayList<>();
        for (State s : states.values()) {
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
        Map<State, List<String>> cands = new HashMap<>();
        Map<State, Integer> level = new HashMap<>();
        for (State s : all) {
            cands.put(s, candidates(s));
            level.put(s, 0);
        }
        String reserved = worldClassName(world);
        for (int round = 0; round < 4; round++) {
            Map<String, List<State>> byName = new HashMap<>();
            for (State s : all) {
                byName.computeIfAbsent(cands.get(s).get(level.get(s)), k -> new ArrayList<>())
                        .add(s);
            }
            boolean bumped = false;
            for (Map.Entry<String, List<State>> e : byName.entrySet()) {
                if (e.getValue().size() > 1 || e.getKey().equals(reserved)) {
                    for (State s : e.getValue()) {
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
        for (State s : all) {
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
    private void assignTypeNames(State s) {
        if (s.javaFirst != null) {
            for (TypeDef def : s.declared) {
                JavaFirstInterface.TypeDecl decl = javaDecl(s, def);
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

    /** The Java-first declaration of the WIT type {@code def} of the Java-first holder {@code s}. */
    private static JavaFirstInterface.TypeDecl javaDecl(State s, TypeDef def) {
        return s.javaFirst.types().stream()
                .filter(t -> t.name().equals(def.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no Java type for WIT type `" + def.name() + "` of " + s.javaFirst.javaName()));
    }

    /** The Java-first declaration of function {@code f} of the Java-first holder {@code s}. */
    private static JavaFirstInterface.Function javaFunction(State s, Function f) {
        List<JavaFirstInterface.Function> in = s.javaFirst.functions();
        if (f.kind() instanceof Function.Kind.Method m) {
            in = ((JavaFirstInterface.ResourceDecl) javaDecl(s, m.resource())).methods();
        } else if (f.kind() instanceof Function.Kind.Static st) {
            in = ((JavaFirstInterface.ResourceDecl) javaDecl(s, st.resource())).statics();
        } else if (f.kind() instanceof Function.Kind.Constructor c) {
            return ((JavaFirstInterface.ResourceDecl) javaDecl(s, c.resource()))
                    .constructor()
                    .orElseThrow(() -> new IllegalStateException("no Java constructor for `" + f.name() + "`"));
        }
        return in.stream()
                .filter(j -> j.name().equals(f.itemName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no Java method for WIT function `" + f.name() + "` of " + s.javaFirst.javaName()));
    }

    /** Records that {@code s} uses a type of {@code h} (nothing if they are one holder, or {@code s} is unknown). */
    private static void uses(State s, State h) {
        if (s != null && h != s) s.uses.add(h);
    }

    /** The holder for types owned by {@code owner}, seen from direction {@code dir}. */
    private State holderFor(TypeDef def, Dir dir) {
        TypeOwner owner = def.owner();
        Dir eff = dir == Dir.EXPORT && exportedOwners.contains(owner) ? Dir.EXPORT : Dir.IMPORT;
        State s = states.get(new Key(owner, eff));
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

    // ---------------------------------------------------------------------------------------
    // Contents

    /** The holder's types (declared in it) and functions, as the model's. */
    private void fill(State s) {
        Dir dir = s.kind.exported() ? Dir.EXPORT : Dir.IMPORT;
        for (TypeDef def : s.declared) {
            Where where = new Where("type `" + def.name() + "` of " + s.where(), def.pos());
            if (WitTypes.isAlias(def)) {
                // Inlined at each use; still checked so that an unsupported alias is reported once by name.
                map((ValueType) def.kind(), dir, s, where);
                continue;
            }
            ClassName name = s.typeNames.get(def);
            TypeDefKind k = def.kind();
            JavaFirstInterface.TypeDecl decl = s.javaFirst == null ? null : javaDecl(s, def);
            TypeModel model = null;
            if (k instanceof ValueType.RecordType r) {
                model = record(s, dir, def, name, decl, where, r);
            } else if (k instanceof ValueType.VariantType v) {
                model = variant(s, dir, def, name, decl, where, v);
            } else if (k instanceof ValueType.EnumType en) {
                model = enumeration(def, name, decl, en);
            } else if (k instanceof ValueType.FlagsType fl) {
                model = flags(def, name, decl, where, fl);
            } else if (k instanceof TypeDefKind.Resource) {
                model = resource(s, dir, def, name, decl);
            }
            if (model != null) {
                s.types.add(model);
            }
        }
        addFunctions(s, dir);
    }

    private TypeModel.RecordModel record(
            State s,
            Dir dir,
            TypeDef def,
            ClassName name,
            JavaFirstInterface.TypeDecl decl,
            Where where,
            ValueType.RecordType r) {
        List<TypeModel.Field> fields = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < r.fields().size(); i++) {
            ValueType.Field f = r.fields().get(i);
            TypeName type = map(f.type(), dir, s, where.of("field `" + f.name() + "` of "));
            Shape shape = shape(f.type(), dir, s);
            String javaName;
            if (decl != null) {
                // Java-first: the user's record component, by position (the WIT fields are in its order).
                JavaFirstInterface.Field jf =
                        ((JavaFirstInterface.RecordDecl) decl).fields().get(i);
                javaName = jf.javaName();
                type = jf.javaType();
                shape = adapt(shape, type);
            } else {
                javaName = unique(Names.lowerCamel(f.name()), used);
            }
            fields.add(new TypeModel.Field(javaName, f.name(), type, shape, WitTypes.unsignedNote(f.type()), f.docs()));
        }
        return new TypeModel.RecordModel(name, def.name(), def.docs(), def.stability(), fields);
    }

    private TypeModel.VariantModel variant(
            State s,
            Dir dir,
            TypeDef def,
            ClassName name,
            JavaFirstInterface.TypeDecl decl,
            Where where,
            ValueType.VariantType v) {
        List<TypeModel.Case> cases = new ArrayList<>();
        Set<String> used = new HashSet<>(List.of(name.simpleName(), s.name.simpleName()));
        for (int i = 0; i < v.cases().size(); i++) {
            ValueType.Case c = v.cases().get(i);
            Optional<TypeName> payload = c.type().map(t -> map(t, dir, s, where.of("case `" + c.name() + "` of ")));
            Optional<Shape> payloadShape = c.type().map(t -> shape(t, dir, s));
            ClassName caseClass;
            String accessor = "value";
            if (decl != null) {
                // Java-first: the user's record for the case and its one component.
                JavaFirstInterface.Case jc =
                        ((JavaFirstInterface.VariantDecl) decl).cases().get(i);
                caseClass = jc.javaClass();
                if (jc.javaPayload().isPresent()) {
                    JavaFirstInterface.Field p = jc.javaPayload().get();
                    accessor = p.javaName();
                    payload = Optional.of(p.javaType());
                    payloadShape = payloadShape.map(sh -> adapt(sh, p.javaType()));
                }
            } else {
                caseClass = name.nestedClass(uniqueType(Names.upperCamel(c.name()), used));
            }
            cases.add(new TypeModel.Case(
                    caseClass,
                    c.name(),
                    payload,
                    payloadShape,
                    c.type().map(WitTypes::unsignedNote).orElse(""),
                    c.docs(),
                    accessor));
        }
        return new TypeModel.VariantModel(name, def.name(), def.docs(), def.stability(), cases);
    }

    private static TypeModel.EnumModel enumeration(
            TypeDef def, ClassName name, JavaFirstInterface.TypeDecl decl, ValueType.EnumType en) {
        List<TypeModel.Constant> cs = constants(
                en.cases().stream().map(c -> Map.entry(c.name(), c.docs())).toList(),
                decl == null ? null : ((JavaFirstInterface.EnumDecl) decl).cases());
        return new TypeModel.EnumModel(name, def.name(), def.docs(), def.stability(), cs);
    }

    /** The flags' model, or null (reported) for flags without any flag. */
    private TypeModel.FlagsModel flags(
            TypeDef def, ClassName name, JavaFirstInterface.TypeDecl decl, Where where, ValueType.FlagsType fl) {
        if (fl.flags().isEmpty()) {
            unsupported("flags without any flag", where);
            return null;
        }
        List<TypeModel.Constant> cs = constants(
                fl.flags().stream().map(f -> Map.entry(f.name(), f.docs())).toList(),
                decl == null ? null : ((JavaFirstInterface.FlagsDecl) decl).flags());
        return new TypeModel.FlagsModel(name, def.name(), def.docs(), def.stability(), cs);
    }

    /**
     * The constants of an enum or flags type, from their WIT names and docs: named as the user's
     * Java-first constants ({@code javaFirst}, by position) or else UPPER_SNAKE, made unique.
     */
    private static List<TypeModel.Constant> constants(
            List<Map.Entry<String, Docs>> wit, List<JavaFirstInterface.Constant> javaFirst) {
        List<TypeModel.Constant> cs = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < wit.size(); i++) {
            String witName = wit.get(i).getKey();
            String javaName = javaFirst != null ? javaFirst.get(i).javaName() : unique(Names.upperSnake(witName), used);
            cs.add(new TypeModel.Constant(javaName, witName, wit.get(i).getValue()));
        }
        return cs;
    }

    private TypeModel.ResourceModel resource(
            State s, Dir dir, TypeDef def, ClassName name, JavaFirstInterface.TypeDecl decl) {
        boolean exported = dir == Dir.EXPORT;
        Set<String> used = new HashSet<>();
        if (exported) {
            used.addAll(List.of("close", "handle"));
        }
        List<MethodModel> methods = new ArrayList<>();
        for (Function f : s.functions) {
            if (f.kind() instanceof Function.Kind.Method m && m.resource().equals(def)) {
                String javaName =
                        decl != null ? javaFunction(s, f).javaName() : unique(Names.lowerCamel(f.itemName()), used);
                if (s.handleClasses.containsKey(def) && (javaName.equals("close") || javaName.equals("handle"))) {
                    diagnostics.report(Message.JF_HANDLE_METHOD, decl.javaType().canonicalName(), javaName);
                }
                MethodModel mm = method(f, dir, s, javaName);
                if (mm != null) {
                    methods.add(mm);
                }
            }
        }
        ClassName handle = s.handleClasses.get(def);
        return new TypeModel.ResourceModel(
                handle != null ? handle : name,
                def.name(),
                def.docs(),
                def.stability(),
                exported,
                methods,
                Optional.ofNullable(handle).map(h -> name));
    }

    /** The holder's functions that are not methods of a resource. */
    private void addFunctions(State s, Dir dir) {
        for (Function f : s.functions) {
            String javaName;
            if (f.kind() instanceof Function.Kind.Method) {
                continue;
            } else if (f.kind() instanceof Function.Kind.Constructor c) {
                javaName = "new" + Names.upperCamel(c.resource().name());
            } else if (f.kind() instanceof Function.Kind.Static st) {
                javaName = Names.lowerCamel(st.resource().name() + "-" + f.itemName());
            } else {
                javaName = Names.lowerCamel(f.name());
            }
            if (s.javaFirst != null) {
                javaName = javaFunction(s, f).javaName();
            }
            MethodModel mm = method(f, dir, s, unique(javaName, s.methodNames));
            if (mm != null) {
                s.methods.add(mm);
            }
        }
    }

    private MethodModel method(Function f, Dir dir, State s, String javaName) {
        Where where = new Where("function `" + f.name() + "` of " + s.where(), f.pos());
        if (f.async()) {
            unsupported("async function `" + f.name() + "`", new Where(s.where(), f.pos()));
            return null;
        }
        List<MethodModel.Param> params = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<Function.Param> ps = f.params();
        int first = f.kind() instanceof Function.Kind.Method ? 1 : 0;
        JavaFirstInterface.Function jf = s.javaFirst == null ? null : javaFunction(s, f);
        for (int i = first; i < ps.size(); i++) {
            Function.Param p = ps.get(i);
            TypeName type = map(p.type(), dir, s, where.of("parameter `" + p.name() + "` of "));
            Shape shape = shape(p.type(), dir, s);
            String paramName;
            if (jf != null) {
                JavaFirstInterface.Field jp = jf.params().get(i - first);
                paramName = jp.javaName();
                type = jp.javaType();
                shape = adapt(shape, type);
            } else {
                paramName = unique(Names.lowerCamel(p.name()), used);
            }
            params.add(new MethodModel.Param(paramName, p.name(), type, shape, WitTypes.unsignedNote(p.type())));
        }
        Optional<TypeName> returns = f.result().map(t -> map(t, dir, s, where.of("result of ")));
        Optional<Shape> result = f.result().map(t -> shape(t, dir, s));
        if (jf != null && jf.javaResult().isPresent()) {
            TypeName user = jf.javaResult().get();
            returns = Optional.of(user);
            result = result.map(sh -> adapt(sh, user));
        }
        MethodModel.Role role;
        if (f.kind() instanceof Function.Kind.Constructor) {
            role = MethodModel.Role.CONSTRUCTOR;
        } else if (f.kind() instanceof Function.Kind.Static) {
            role = MethodModel.Role.STATIC;
        } else if (f.kind() instanceof Function.Kind.Method) {
            role = MethodModel.Role.METHOD;
        } else {
            role = MethodModel.Role.FUNCTION;
        }
        return new MethodModel(
                javaName,
                f.itemName(),
                f.name(),
                role,
                f.resource().map(TypeDef::name),
                params,
                returns,
                result,
                f.result().map(WitTypes::unsignedNote).orElse(""),
                f.docs(),
                f.stability());
    }

    private static String unique(String name, Set<String> used) {
        String n = name;
        while (!used.add(n)) {
            n = n + "_";
        }
        return n;
    }

    private static String uniqueType(String name, Set<String> used) {
        return unique(name, used);
    }

    // ---------------------------------------------------------------------------------------
    // Types

    /**
     * What a type is used in, for messages: the text names it ({@code result of function `f` of
     * imported interface `x`}), the position is that of the function or type declaring it.
     */
    private record Where(String text, SourcePos pos) {
        Where of(String prefix) {
            return new Where(prefix + text, pos);
        }
    }

    /** Maps a type; {@code where} is null when only the Java type is wanted (nothing is reported then). */
    private TypeName map(ValueType t, Dir dir, State s, Where where) {
        if (t instanceof ValueType.Primitive p) {
            return Shape.Primitive.of(p).java();
        } else if (t instanceof ValueType.Named n) {
            TypeDef def = n.def().resolve();
            if (WitTypes.isAlias(def)) {
                return map((ValueType) def.kind(), dir, s, where);
            }
            return named(def, dir, s, where);
        } else if (t instanceof ValueType.HandleType h) {
            return named(h.resource().resolve(), dir, s, where);
        } else if (t instanceof ValueType.ListType l) {
            return list(l.element(), dir, s, where);
        } else if (t instanceof ValueType.FixedListType l) {
            return list(l.element(), dir, s, where);
        } else if (t instanceof ValueType.TupleType tt) {
            int n = tt.types().size();
            if (n == 0 || n > MAX_TUPLE) {
                return unsupported("tuple with " + n + " elements (1 to " + MAX_TUPLE + " are supported)", where);
            }
            TypeName[] args = new TypeName[n];
            for (int i = 0; i < n; i++) {
                args[i] = map(tt.types().get(i), dir, s, where).box();
            }
            return ParameterizedTypeName.get(ClassName.get(Result.class.getPackageName(), "Tuple" + n), args);
        } else if (t instanceof ValueType.OptionType o) {
            return ParameterizedTypeName.get(
                    OPTIONAL, map(o.type(), dir, s, where).box());
        } else if (t instanceof ValueType.ResultType r) {
            TypeName ok = r.ok().map(v -> map(v, dir, s, where).box()).orElse(VOID);
            TypeName err = r.err().map(v -> map(v, dir, s, where).box()).orElse(VOID);
            return ParameterizedTypeName.get(RESULT, ok, err);
        } else if (t instanceof ValueType.MapType m) {
            return ParameterizedTypeName.get(
                    MAP,
                    map(m.key(), dir, s, where).box(),
                    map(m.value(), dir, s, where).box());
        } else if (t instanceof ValueType.StreamType || t instanceof ValueType.FutureType) {
            return unsupported(WitTypes.spell(t), where);
        }
        return unsupported("anonymous " + WitTypes.spell(t), where);
    }

    // ---------------------------------------------------------------------------------------
    // Shapes (what the conversion glue needs); called after map(), so nothing is reported here

    private Shape shape(ValueType t, Dir dir, State s) {
        if (t instanceof ValueType.Primitive p) {
            return Shape.Primitive.of(p);
        } else if (t instanceof ValueType.Named n) {
            TypeDef def = n.def().resolve();
            if (WitTypes.isAlias(def)) {
                return shape((ValueType) def.kind(), dir, s);
            }
            State h = holderFor(def, dir);
            if (h == null || !h.typeNames.containsKey(def)) {
                return new Shape.Unsupported(def.name());
            }
            uses(s, h);
            if (def.kind() instanceof TypeDefKind.Resource) {
                return handle(h, def, false);
            }
            return new Shape.Named(h.typeNames.get(def), map(t, dir, s, null));
        } else if (t instanceof ValueType.HandleType ht) {
            TypeDef def = ht.resource().resolve();
            State h = holderFor(def, dir);
            if (h == null || !h.typeNames.containsKey(def)) {
                return new Shape.Unsupported(def.name());
            }
            uses(s, h);
            return handle(h, def, ht.borrow());
        } else if (t instanceof ValueType.ListType l) {
            return listShape(l.element(), OptionalInt.empty(), t, dir, s);
        } else if (t instanceof ValueType.FixedListType l) {
            return listShape(l.element(), OptionalInt.of((int) l.length()), t, dir, s);
        } else if (t instanceof ValueType.TupleType tt) {
            List<Shape> es = new ArrayList<>();
            for (ValueType e : tt.types()) {
                es.add(shape(e, dir, s));
            }
            return new Shape.TupleOf(es, map(t, dir, s, null));
        } else if (t instanceof ValueType.OptionType o) {
            return new Shape.OptionOf(shape(o.type(), dir, s), map(t, dir, s, null));
        } else if (t instanceof ValueType.ResultType r) {
            return new Shape.ResultOf(
                    r.ok().map(v -> shape(v, dir, s)), r.err().map(v -> shape(v, dir, s)), map(t, dir, s, null));
        } else if (t instanceof ValueType.MapType m) {
            return new Shape.MapOf(shape(m.key(), dir, s), shape(m.value(), dir, s), map(t, dir, s, null));
        }
        return new Shape.Unsupported(WitTypes.spell(t));
    }

    private static Shape handle(State h, TypeDef def, boolean borrow) {
        ClassName handleClass = h.handleClasses.get(def);
        ClassName type = h.typeNames.get(def);
        return handleClass == null
                ? new Shape.Handle(type, borrow, h.kind.exported())
                : new Shape.Handle(handleClass, borrow, true, type);
    }

    /**
     * Java-first: the shape of a value whose Java type is the user's {@code java} rather than the one
     * the WIT-first mapping picks. The two differ only where a WIT list of numbers is a {@code List}
     * of boxes in the user's code (the WIT-first mapping makes it a primitive array); everywhere else
     * the shape is kept and only its Java spelling becomes the user's.
     */
    static Shape adapt(Shape s, TypeName java) {
        if (s instanceof Shape.ListOf l) {
            if (java instanceof ArrayTypeName) {
                return l;
            }
            return new Shape.ListOf(adapt(l.element(), argument(java, 0)), false, l.length(), java);
        } else if (s instanceof Shape.OptionOf o) {
            return new Shape.OptionOf(adapt(o.value(), argument(java, 0)), java);
        } else if (s instanceof Shape.ResultOf r) {
            return new Shape.ResultOf(
                    r.ok().map(v -> adapt(v, argument(java, 0))), r.err().map(v -> adapt(v, argument(java, 1))), java);
        } else if (s instanceof Shape.TupleOf t) {
            List<Shape> es = new ArrayList<>();
            for (int i = 0; i < t.elements().size(); i++) {
                es.add(adapt(t.elements().get(i), argument(java, i)));
            }
            return new Shape.TupleOf(es, java);
        } else if (s instanceof Shape.MapOf m) {
            return new Shape.MapOf(adapt(m.key(), argument(java, 0)), adapt(m.value(), argument(java, 1)), java);
        } else if (s instanceof Shape.Named n) {
            return new Shape.Named(n.type(), java);
        }
        return s;
    }

    private static TypeName argument(TypeName t, int i) {
        if (t instanceof ParameterizedTypeName p && i < p.typeArguments().size()) {
            return p.typeArguments().get(i);
        }
        throw new IllegalStateException("Java type " + t + " does not match its WIT shape");
    }

    private Shape listShape(ValueType element, OptionalInt length, ValueType t, Dir dir, State s) {
        TypeName java = map(t, dir, s, null);
        Shape e = shape(element, dir, s);
        return new Shape.ListOf(e, java instanceof ArrayTypeName, length, java);
    }

    private TypeName list(ValueType element, Dir dir, State s, Where where) {
        Optional<ValueType.Primitive> p = WitTypes.primitive(element);
        if (p.isPresent()) {
            switch (p.get()) {
                case S8:
                case U8:
                case S16:
                case U16:
                case S32:
                case U32:
                case S64:
                case U64:
                case F32:
                case F64:
                    return ArrayTypeName.of(map(p.get(), dir, s, where));
                default:
                    break;
            }
        }
        return ParameterizedTypeName.get(LIST, map(element, dir, s, where).box());
    }

    private TypeName named(TypeDef def, Dir dir, State s, Where where) {
        State h = holderFor(def, dir);
        if (h == null) {
            if (where != null) {
                diagnostics.report(
                        Message.INTERNAL_ERROR, "no Java type for WIT type `" + def + "` used in " + where.text());
            }
            return ClassName.OBJECT;
        }
        ClassName cn = h.typeNames.get(def);
        uses(s, h);
        if (h != s && (isDeprecated(def.stability()) || isDeprecated(h.stability))) {
            s.suppressDeprecation = true;
        }
        if (def.kind() instanceof ValueType.FlagsType) {
            return ParameterizedTypeName.get(SET, cn);
        }
        return cn;
    }

    static boolean isDeprecated(Stability st) {
        if (st instanceof Stability.Stable s) {
            return s.deprecated().isPresent();
        } else if (st instanceof Stability.Unstable u) {
            return u.deprecated().isPresent();
        }
        return false;
    }

    private TypeName unsupported(String what, Where where) {
        if (where != null) {
            // WIT read from a component alone has no source position.
            String at = where.pos().isKnown() ? where.pos() + ": " : "";
            diagnostics.report(Message.NOT_SUPPORTED, at, what, where.text());
        }
        return ClassName.OBJECT;
    }
}
