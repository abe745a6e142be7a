package dev.wit4j.witx.conformance;

import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Function;
import dev.wit4j.witx.model.Interface;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.model.SourcePos;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.TypeOwner;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.Version;
import dev.wit4j.witx.model.WitPackage;
import dev.wit4j.witx.model.World;
import dev.wit4j.witx.model.WorldItem;
import dev.wit4j.witx.model.WorldKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A random resolved WIT package, built as the resolver would build it from text: interfaces with
 * records, variants, enums, flags, resources (constructors, methods, static functions), aliases,
 * types used from earlier interfaces (renamed or not), functions over every kind of value type,
 * docs, names that are WIT keywords (printed with {@code %}) or contain acronyms; worlds importing
 * and exporting interfaces and functions. What it does not make: gates, and world items whose
 * elaboration would add imports (interfaces that use other interfaces' types stay out of worlds).
 */
final class RandomWit {

    private static final List<String> KEYWORDS = List.of(
            "record",
            "type",
            "list",
            "string",
            "use",
            "world",
            "interface",
            "func",
            "resource",
            "own",
            "borrow",
            "result",
            "option",
            "tuple",
            "flags",
            "enum",
            "variant",
            "bool",
            "u8",
            "char",
            "import",
            "export",
            "package",
            "include",
            "static",
            "constructor",
            "async",
            "future",
            "stream",
            "with",
            "as",
            "from");

    private final Random random;
    private final PackageName pkg;

    RandomWit(long seed) {
        this.random = new Random(seed);
        this.pkg = new PackageName(
                word(),
                word(),
                random.nextBoolean()
                        ? Optional.empty()
                        : Version.parse(random.nextInt(3) + "." + random.nextInt(10) + "." + random.nextInt(10)));
    }

    Resolve resolve() {
        Map<String, Interface> interfaces = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        List<Interface> standalone = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String name = unique(names);
            Interface iface = iface(name, new ArrayList<>(interfaces.values()));
            interfaces.put(name, iface);
            if (iface.types().values().stream()
                    .noneMatch(t -> t.kind() instanceof ValueType.Named nt
                            && !nt.def().owner().equals(t.owner()))) {
                standalone.add(iface);
            }
        }
        Map<String, World> worlds = new LinkedHashMap<>();
        int w = random.nextInt(3);
        for (int i = 0; i < w; i++) {
            String name = unique(names);
            worlds.put(name, world(name, standalone));
        }
        WitPackage p = new WitPackage(pkg, interfaces, worlds, docs(), SourcePos.NONE);
        return new Resolve(List.of(p), pkg);
    }

    private World world(String name, List<Interface> standalone) {
        Map<WorldKey, WorldItem> imports = new LinkedHashMap<>();
        Map<WorldKey, WorldItem> exports = new LinkedHashMap<>();
        Set<String> itemNames = new HashSet<>();
        for (Interface i : standalone) {
            int where = random.nextInt(3);
            if (where == 2) continue;
            WorldKey key = new WorldKey.InterfaceName(pkg, i.name().orElseThrow());
            (where == 0 ? imports : exports).put(key, new WorldItem.InterfaceItem(i, Stability.UNKNOWN));
        }
        int functions = random.nextInt(3);
        TypeOwner owner = new TypeOwner.InWorld(pkg, name);
        for (int i = 0; i < functions; i++) {
            String fn = unique(itemNames);
            Function f = function(fn, Function.Kind.FREESTANDING, List.of(), null, owner);
            (random.nextBoolean() ? imports : exports).put(new WorldKey.Name(fn), new WorldItem.FunctionItem(f));
        }
        return new World(name, pkg, imports, exports, docs(), Stability.UNKNOWN, SourcePos.NONE);
    }

    private Interface iface(String name, List<Interface> earlier) {
        TypeOwner owner = new TypeOwner.InInterface(pkg, name);
        Map<String, TypeDef> types = new LinkedHashMap<>();
        Map<String, Function> functions = new LinkedHashMap<>();
        Set<String> itemNames = new HashSet<>();
        List<TypeDef> resources = new ArrayList<>();
        // types used from earlier interfaces come first, as `use` statements print first
        for (Interface e : earlier) {
            for (TypeDef t : e.types().values()) {
                if (random.nextInt(4) == 0 && !(t.kind() instanceof TypeDefKind.Resource)) {
                    String as = random.nextBoolean() && itemNames.add(t.name().toLowerCase(Locale.ROOT))
                            ? t.name()
                            : unique(itemNames);
                    types.put(
                            as,
                            new TypeDef(
                                    as, owner, new ValueType.Named(t), Docs.NONE, Stability.UNKNOWN, SourcePos.NONE));
                }
            }
        }
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            String tn = unique(itemNames);
            TypeDefKind kind = switch (random.nextInt(6)) {
                case 0 -> record(types.values(), resources);
                case 1 -> variant(types.values(), resources);
                case 2 ->
                    new ValueType.EnumType(cases(1 + random.nextInt(5)).stream()
                            .map(c -> new ValueType.EnumCase(c, docs()))
                            .toList());
                case 3 ->
                    new ValueType.FlagsType(cases(1 + random.nextInt(8)).stream()
                            .map(c -> new ValueType.Flag(c, docs()))
                            .toList());
                case 4 -> new TypeDefKind.Resource();
                default -> valueType(2, types.values(), resources);
            };
            TypeDef def = new TypeDef(tn, owner, kind, docs(), Stability.UNKNOWN, SourcePos.NONE);
            types.put(tn, def);
            if (kind instanceof TypeDefKind.Resource) resources.add(def);
        }
        int f = random.nextInt(4);
        for (int i = 0; i < f; i++) {
            String fn = unique(itemNames);
            functions.put(fn, function(fn, Function.Kind.FREESTANDING, types.values(), resources, owner));
        }
        for (TypeDef r : resources) {
            Set<String> members = new HashSet<>();
            if (random.nextBoolean()) {
                Function c = function(
                        "[constructor]" + r.name(), new Function.Kind.Constructor(r), types.values(), resources, owner);
                functions.put(c.name(), c);
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                String m = unique(members);
                boolean method = random.nextBoolean();
                Function fn = function(
                        (method ? "[method]" : "[static]") + r.name() + "." + m,
                        method ? new Function.Kind.Method(r) : new Function.Kind.Static(r),
                        types.values(),
                        resources,
                        owner);
                functions.put(fn.name(), fn);
            }
        }
        return new Interface(Optional.of(name), pkg, types, functions, docs(), Stability.UNKNOWN, SourcePos.NONE);
    }

    private Function function(
            String name,
            Function.Kind kind,
            java.util.Collection<TypeDef> types,
            List<TypeDef> resources,
            TypeOwner owner) {
        List<Function.Param> params = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (kind instanceof Function.Kind.Method m) {
            params.add(new Function.Param("self", new ValueType.HandleType(m.resource(), true)));
            names.add("self");
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            String p = unique(names);
            ValueType t = resources != null && !resources.isEmpty() && random.nextInt(5) == 0
                    ? new ValueType.HandleType(resources.get(random.nextInt(resources.size())), true)
                    : valueType(2, types, resources);
            params.add(new Function.Param(p, t));
        }
        Optional<ValueType> result;
        if (kind instanceof Function.Kind.Constructor c) {
            result = Optional.of(new ValueType.HandleType(c.resource(), false));
        } else {
            result = random.nextBoolean() ? Optional.empty() : Optional.of(valueType(2, types, resources));
        }
        return new Function(name, kind, false, params, result, docs(), Stability.UNKNOWN, SourcePos.NONE);
    }

    private ValueType.RecordType record(java.util.Collection<TypeDef> types, List<TypeDef> resources) {
        List<ValueType.Field> fields = new ArrayList<>();
        for (String f : cases(1 + random.nextInt(4))) {
            fields.add(new ValueType.Field(f, valueType(2, types, resources), docs()));
        }
        return new ValueType.RecordType(fields);
    }

    private ValueType.VariantType variant(java.util.Collection<TypeDef> types, List<TypeDef> resources) {
        List<ValueType.Case> cases = new ArrayList<>();
        for (String c : cases(1 + random.nextInt(4))) {
            Optional<ValueType> payload =
                    random.nextBoolean() ? Optional.empty() : Optional.of(valueType(2, types, resources));
            cases.add(new ValueType.Case(c, payload, docs()));
        }
        return new ValueType.VariantType(cases);
    }

    /** A value type of at most {@code depth} levels, over {@code types} (named) and own handles of {@code resources}. */
    private ValueType valueType(int depth, java.util.Collection<TypeDef> types, List<TypeDef> resources) {
        int choice = random.nextInt(depth <= 0 ? 3 : 9);
        switch (choice) {
            case 0, 1 -> {
                ValueType.Primitive[] p = ValueType.Primitive.values();
                return p[random.nextInt(p.length - 1)]; // error-context needs async
            }
            case 2 -> {
                List<TypeDef> named = types.stream()
                        .filter(t -> !(t.kind() instanceof TypeDefKind.Resource))
                        .toList();
                if (!named.isEmpty()) return new ValueType.Named(named.get(random.nextInt(named.size())));
                if (resources != null && !resources.isEmpty()) {
                    return new ValueType.HandleType(resources.get(random.nextInt(resources.size())), false);
                }
                return ValueType.Primitive.STRING;
            }
            case 3 -> {
                return new ValueType.ListType(valueType(depth - 1, types, resources));
            }
            case 4 -> {
                return new ValueType.OptionType(valueType(depth - 1, types, resources));
            }
            case 5 -> {
                return new ValueType.ResultType(
                        random.nextBoolean() ? Optional.empty() : Optional.of(valueType(depth - 1, types, resources)),
                        random.nextBoolean() ? Optional.empty() : Optional.of(valueType(depth - 1, types, resources)));
            }
            case 6 -> {
                List<ValueType> members = new ArrayList<>();
                for (int i = 1 + random.nextInt(3); i > 0; i--) members.add(valueType(depth - 1, types, resources));
                return new ValueType.TupleType(members);
            }
            case 7 -> {
                if (resources != null && !resources.isEmpty()) {
                    return new ValueType.HandleType(resources.get(random.nextInt(resources.size())), false);
                }
                return ValueType.Primitive.U32;
            }
            default -> {
                return ValueType.Primitive.values()[random.nextInt(12)];
            }
        }
    }

    /** {@code n} names, unique among themselves. */
    private List<String> cases(int n) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(unique(seen));
        return out;
    }

    /** A name whose canonical form (lowercased) is not in {@code taken}; added to it. */
    private String unique(Set<String> taken) {
        while (true) {
            String name = random.nextInt(8) == 0 ? KEYWORDS.get(random.nextInt(KEYWORDS.size())) : label();
            if (taken.add(name.toLowerCase(Locale.ROOT))) return name;
        }
    }

    /** A WIT label: words and acronyms joined by hyphens. */
    private String label() {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(3); i >= 0; i--) {
            if (!s.isEmpty()) s.append('-');
            String w = word();
            s.append(random.nextInt(6) == 0 ? w.toUpperCase(Locale.ROOT) : w);
        }
        return s.toString();
    }

    private String word() {
        StringBuilder s = new StringBuilder().append((char) ('a' + random.nextInt(26)));
        for (int i = random.nextInt(6); i > 0; i--) {
            int c = random.nextInt(36);
            s.append(c < 26 ? (char) ('a' + c) : (char) ('0' + c - 26));
        }
        return s.toString();
    }

    private Docs docs() {
        return switch (random.nextInt(6)) {
            case 0 -> Docs.of(label().replace('-', ' '));
            case 1 -> Docs.of(label().replace('-', ' ') + "\n" + label().replace('-', ' '));
            default -> Docs.NONE;
        };
    }
}
