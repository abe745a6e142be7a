package dev.wit4j.runtime.inspect;

import dev.wit4j.binary.Alias;
import dev.wit4j.binary.Canon;
import dev.wit4j.binary.CanonOpt;
import dev.wit4j.binary.Component;
import dev.wit4j.binary.CoreInstance;
import dev.wit4j.binary.CoreRecGroup;
import dev.wit4j.binary.CoreSort;
import dev.wit4j.binary.ExternType;
import dev.wit4j.binary.Instance;
import dev.wit4j.binary.Section;
import dev.wit4j.binary.Sort;
import dev.wit4j.binary.SortIdx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Follows a validated component's index spaces, section by section, noting for every definition
 * which of the outermost component's imports it may carry (its capabilities): an import carries
 * itself; an alias, a lift or lower, an instance made from exports carries what its source does;
 * an instance carries what its arguments do, and a nested component is followed into with the
 * capabilities of the arguments it was instantiated with. Only the component's structure is read,
 * never core code, so a core instance is taken to use everything it was given.
 */
final class Analyzer {

    /** One definition in an index space: what it carries, how to name it, and a component's definition. */
    private record Item(Set<String> caps, String description, Definition definition) {}

    /** A nested component's definition and the scope it was defined in (for its outer aliases). */
    private record Definition(Component component, Scope scope, String path) {}

    /** The index spaces of one component, and the enclosing component's. */
    private static final class Scope {
        final Scope parent;
        final Map<Sort, List<Item>> spaces = new EnumMap<>(Sort.class);

        Scope(Scope parent) {
            this.parent = parent;
        }

        List<Item> space(Sort sort) {
            return spaces.computeIfAbsent(sort, s -> new ArrayList<>());
        }

        Item get(Sort sort, long index) {
            List<Item> space = space(sort);
            if (index < 0 || index >= space.size()) {
                // the component was validated: an index out of range is a defect here
                throw new IllegalStateException(sort.text() + " " + index + " is not defined");
            }
            return space.get((int) index);
        }

        void add(Sort sort, Set<String> caps, String description) {
            space(sort).add(new Item(Set.copyOf(caps), description, null));
        }
    }

    /** The tree of what the outermost component defines and instantiates. */
    final List<Inspection.Node> tree = new ArrayList<>();
    /** Where each of the outermost component's exports comes from, by name. */
    final Map<String, String> exportSources = new LinkedHashMap<>();

    private static final int MAX_DEPTH = 64;

    void analyze(Component component) {
        walk(component, new Scope(null), null, "", tree, 0);
    }

    /**
     * Walks one component.
     *
     * @param args for a nested component, the capabilities of each argument it was instantiated
     *     with, by import name; null for the outermost one (its imports are the capabilities)
     * @param path the path of the instance being walked, "" for the outermost component
     */
    private void walk(
            Component component,
            Scope scope,
            Map<String, Set<String>> args,
            String path,
            List<Inspection.Node> out,
            int depth) {
        if (depth > MAX_DEPTH) throw new IllegalStateException("components nested deeper than " + MAX_DEPTH);
        for (Section section : component.sections()) {
            if (section instanceof Section.ImportSection s) {
                for (var imp : s.imports()) {
                    String name = imp.name().name();
                    Set<String> caps = args == null ? Set.of(name) : args.getOrDefault(name, Set.of());
                    scope.add(sortOf(imp.type()), caps, "import `" + name + "`");
                }
            } else if (section instanceof Section.ModuleSection s) {
                int index = scope.space(Sort.CORE_MODULE).size();
                scope.add(Sort.CORE_MODULE, Set.of(), "module " + index);
                out.add(new Inspection.Node(
                        join(path, "module " + index),
                        "core module",
                        size(s.module().bytes().length()),
                        List.of(),
                        List.of()));
            } else if (section instanceof Section.ComponentSection s) {
                int index = scope.space(Sort.COMPONENT).size();
                String id = join(path, "component " + index);
                scope.space(Sort.COMPONENT)
                        .add(new Item(Set.of(), "component " + index, new Definition(s.component(), scope, id)));
            } else if (section instanceof Section.CoreTypeSection s) {
                for (var type : s.types()) {
                    int n = type instanceof CoreRecGroup group ? group.types().size() : 1;
                    for (int i = 0; i < n; i++) scope.add(Sort.CORE_TYPE, Set.of(), "core type");
                }
            } else if (section instanceof Section.TypeSection s) {
                for (int i = 0; i < s.types().size(); i++) scope.add(Sort.TYPE, Set.of(), "type");
            } else if (section instanceof Section.CoreInstanceSection s) {
                for (CoreInstance instance : s.instances()) coreInstance(instance, scope, path, out);
            } else if (section instanceof Section.InstanceSection s) {
                for (Instance instance : s.instances()) instance(instance, scope, path, out, depth);
            } else if (section instanceof Section.AliasSection s) {
                for (Alias alias : s.aliases()) alias(alias, scope);
            } else if (section instanceof Section.CanonSection s) {
                for (Canon canon : s.canons()) canon(canon, scope);
            } else if (section instanceof Section.ExportSection s) {
                for (var export : s.exports()) {
                    Item target =
                            scope.get(export.target().sort(), export.target().index());
                    scope.add(export.target().sort(), target.caps(), target.description());
                    if (args == null) exportSources.put(export.name().name(), target.description());
                }
            } else if (section instanceof Section.ValueSection s) {
                for (int i = 0; i < s.values().size(); i++) scope.add(Sort.VALUE, Set.of(), "value");
            } else if (section instanceof Section.StartSection s) {
                Set<String> caps =
                        new LinkedHashSet<>(scope.get(Sort.FUNC, s.funcIndex()).caps());
                for (long a : s.args()) caps.addAll(scope.get(Sort.VALUE, a).caps());
                for (long r = 0; r < s.results(); r++) scope.add(Sort.VALUE, caps, "value of the start function");
            }
            // custom sections define nothing
        }
        // nested components never instantiated: shown, with nothing received
        for (Item item : scope.space(Sort.COMPONENT)) {
            Definition d = item.definition();
            if (d != null && d.scope() == scope && !instantiated.contains(d)) {
                out.add(new Inspection.Node(d.path(), "component", "not instantiated", List.of(), List.of()));
            }
        }
    }

    private final Set<Definition> instantiated = Collections.newSetFromMap(new IdentityHashMap<>());

    private void coreInstance(CoreInstance instance, Scope scope, String path, List<Inspection.Node> out) {
        int index = scope.space(Sort.CORE_INSTANCE).size();
        String id = join(path, "core instance " + index);
        Set<String> caps = new LinkedHashSet<>();
        String description;
        if (instance instanceof CoreInstance.Instantiate i) {
            for (var arg : i.args())
                caps.addAll(scope.get(Sort.CORE_INSTANCE, arg.instanceIndex()).caps());
            description = "instantiates "
                    + scope.get(Sort.CORE_MODULE, i.moduleIndex()).description();
        } else {
            CoreInstance.FromExports e = (CoreInstance.FromExports) instance;
            for (var export : e.exports())
                caps.addAll(scope.get(core(export.sort()), export.index()).caps());
            description = "made of " + e.exports().size() + " exports";
        }
        scope.space(Sort.CORE_INSTANCE).add(new Item(Set.copyOf(caps), id, null));
        out.add(new Inspection.Node(id, "core instance", description, List.copyOf(caps), List.of()));
    }

    private void instance(Instance instance, Scope scope, String path, List<Inspection.Node> out, int depth) {
        int index = scope.space(Sort.INSTANCE).size();
        String id = join(path, "instance " + index);
        Set<String> caps = new LinkedHashSet<>();
        List<Inspection.Node> children = new ArrayList<>();
        String description;
        if (instance instanceof Instance.Instantiate i) {
            Map<String, Set<String>> args = new LinkedHashMap<>();
            for (var arg : i.args()) {
                Set<String> argCaps =
                        scope.get(arg.target().sort(), arg.target().index()).caps();
                args.put(arg.name(), argCaps);
                caps.addAll(argCaps);
            }
            Item component = scope.get(Sort.COMPONENT, i.componentIndex());
            Definition definition = component.definition();
            if (definition != null) {
                instantiated.add(definition);
                walk(definition.component(), new Scope(definition.scope()), args, id, children, depth + 1);
                description = "instantiates " + definition.path();
            } else {
                description = "instantiates " + component.description();
            }
        } else {
            Instance.FromExports e = (Instance.FromExports) instance;
            for (var export : e.exports()) {
                SortIdx target = export.target();
                caps.addAll(scope.get(target.sort(), target.index()).caps());
            }
            description = "made of " + e.exports().size() + " exports";
        }
        scope.space(Sort.INSTANCE).add(new Item(Set.copyOf(caps), id, null));
        out.add(new Inspection.Node(id, "instance", description, List.copyOf(caps), children));
    }

    private void alias(Alias alias, Scope scope) {
        if (alias instanceof Alias.InstanceExport a) {
            Item instance = scope.get(Sort.INSTANCE, a.instanceIndex());
            scope.space(a.sort())
                    .add(new Item(instance.caps(), "export `" + a.name() + "` of " + instance.description(), null));
        } else if (alias instanceof Alias.CoreInstanceExport a) {
            Item instance = scope.get(Sort.CORE_INSTANCE, a.instanceIndex());
            scope.add(a.sort(), instance.caps(), "export `" + a.name() + "` of " + instance.description());
        } else {
            Alias.Outer a = (Alias.Outer) alias;
            Scope outer = scope;
            for (long c = 0; c < a.count(); c++) outer = outer.parent;
            scope.space(a.sort()).add(outer.get(a.sort(), a.index()));
        }
    }

    private void canon(Canon canon, Scope scope) {
        if (canon instanceof Canon.Lift lift) {
            Item core = scope.get(Sort.CORE_FUNC, lift.coreFuncIndex());
            Set<String> caps = new LinkedHashSet<>(core.caps());
            options(lift.options(), scope, caps);
            scope.add(Sort.FUNC, caps, "lift of " + core.description());
        } else if (canon instanceof Canon.Lower lower) {
            Item func = scope.get(Sort.FUNC, lower.funcIndex());
            Set<String> caps = new LinkedHashSet<>(func.caps());
            options(lower.options(), scope, caps);
            scope.add(Sort.CORE_FUNC, caps, "lowering of " + func.description());
        } else if (canon instanceof Canon.ResourceNew r) {
            scope.add(Sort.CORE_FUNC, scope.get(Sort.TYPE, r.typeIndex()).caps(), "resource.new");
        } else if (canon instanceof Canon.ResourceDrop r) {
            scope.add(Sort.CORE_FUNC, scope.get(Sort.TYPE, r.typeIndex()).caps(), "resource.drop");
        } else if (canon instanceof Canon.ResourceRep r) {
            scope.add(Sort.CORE_FUNC, scope.get(Sort.TYPE, r.typeIndex()).caps(), "resource.rep");
        } else {
            scope.add(Sort.CORE_FUNC, Set.of(), "a built-in"); // every other canon defines a core function
        }
    }

    /** The memory, realloc, post-return and callback a lift or lower is given carry what they do. */
    private static void options(List<CanonOpt> options, Scope scope, Set<String> caps) {
        for (CanonOpt option : options) {
            if (option instanceof CanonOpt.Memory m) {
                caps.addAll(scope.get(Sort.CORE_MEMORY, m.memoryIndex()).caps());
            } else if (option instanceof CanonOpt.Realloc r) {
                caps.addAll(scope.get(Sort.CORE_FUNC, r.funcIndex()).caps());
            } else if (option instanceof CanonOpt.PostReturn p) {
                caps.addAll(scope.get(Sort.CORE_FUNC, p.funcIndex()).caps());
            } else if (option instanceof CanonOpt.Callback c) {
                caps.addAll(scope.get(Sort.CORE_FUNC, c.funcIndex()).caps());
            }
        }
    }

    private static Sort sortOf(ExternType type) {
        if (type instanceof ExternType.Module) return Sort.CORE_MODULE;
        if (type instanceof ExternType.Func) return Sort.FUNC;
        if (type instanceof ExternType.Value) return Sort.VALUE;
        if (type instanceof ExternType.Type) return Sort.TYPE;
        if (type instanceof ExternType.Component) return Sort.COMPONENT;
        return Sort.INSTANCE;
    }

    private static Sort core(CoreSort sort) {
        for (Sort s : Sort.values()) {
            if (s.coreSort() == sort) return s;
        }
        throw new IllegalArgumentException("core sort " + sort);
    }

    private static String join(String path, String step) {
        return path.isEmpty() ? step : path + " / " + step;
    }

    private static String size(long bytes) {
        if (bytes >= 1 << 20) return String.format(Locale.ROOT, "%.1f MB of code and data", bytes / (double) (1 << 20));
        if (bytes >= 1 << 10) return String.format(Locale.ROOT, "%.1f KB of code and data", bytes / 1024.0);
        return bytes + " bytes of code and data";
    }
}
