package dev.wit4j.runtime.internal.validate;

import static dev.wit4j.runtime.internal.validate.Scope.error;

import dev.wit4j.binary.CoreInstance;
import dev.wit4j.binary.Instance;
import dev.wit4j.binary.SortIdx;
import dev.wit4j.runtime.core.CoreExternType;
import dev.wit4j.runtime.core.CoreImport;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Core and component instance definitions (Explainer, "Instance Definitions"). */
final class Instantiation {

    private Instantiation() {}

    static void coreInstance(Scope scope, CoreInstance instance) {
        long offset = instance.offset();
        if (instance instanceof CoreInstance.Instantiate inst) {
            CoreType.Module module = scope.coreModule(inst.moduleIndex(), offset);
            Map<String, Map<String, CoreExternType>> args = new HashMap<>();
            for (CoreInstance.Arg arg : inst.args()) {
                Map<String, CoreExternType> target = scope.coreInstance(arg.instanceIndex(), offset);
                if (args.put(arg.name(), target) != null) {
                    throw error(offset, "duplicate module instantiation argument named `" + arg.name() + "`");
                }
            }
            for (CoreImport imp : module.imports()) {
                Map<String, CoreExternType> arg = args.get(imp.module());
                if (arg == null)
                    throw error(offset, "missing module instantiation argument named `" + imp.module() + "`");
                CoreExternType actual = arg.get(imp.name());
                if (actual == null) {
                    throw error(
                            offset,
                            "module instantiation argument `" + imp.module() + "` does not export an item named `"
                                    + imp.name() + "`");
                }
                try {
                    Subtyping.coreExtern(actual, imp.type());
                } catch (TypeMismatch m) {
                    throw error(
                            offset,
                            "type mismatch for export `" + imp.name() + "` of module instantiation argument `"
                                    + imp.module() + "`: " + m.getMessage());
                }
            }
            scope.coreInstances.add(module.exports());
        } else {
            Map<String, CoreExternType> exports = new LinkedHashMap<>();
            for (CoreInstance.InlineExport e : ((CoreInstance.FromExports) instance).exports()) {
                CoreExternType type = switch (e.sort()) {
                    case FUNC -> new CoreExternType.Func(scope.coreFunc(e.index(), offset));
                    case TABLE -> scope.coreTable(e.index(), offset);
                    case MEMORY -> scope.coreMemory(e.index(), offset);
                    case GLOBAL -> scope.coreGlobal(e.index(), offset);
                    case TAG -> new CoreExternType.Tag(scope.coreTag(e.index(), offset));
                    default ->
                        throw error(
                                offset, "invalid core export sort " + e.sort().text());
                };
                if (exports.put(e.name(), type) != null) {
                    throw error(offset, "export name `" + e.name() + "` already defined");
                }
            }
            scope.coreInstances.add(exports);
        }
    }

    /** The type of the item a {@code sortidx} selects, as an instantiation argument or export. */
    static EntityType item(Scope scope, SortIdx idx, long offset) {
        long i = idx.index();
        switch (idx.sort()) {
            case FUNC:
                return new EntityType.Func(scope.func(i, offset));
            case VALUE:
                return new EntityType.Value(scope.value(i, offset));
            case TYPE: {
                AnyType t = scope.type(i, offset);
                return new EntityType.Type(t, t);
            }
            case COMPONENT:
                return new EntityType.Component(scope.component(i, offset));
            case INSTANCE:
                return new EntityType.Instance(scope.instance(i, offset));
            case CORE_MODULE:
                return new EntityType.Module(scope.coreModule(i, offset));
            default:
                throw error(offset, "core " + idx.sort().coreSort().text() + " not valid to be used as export");
        }
    }

    static void instance(Scope scope, Instance instance) {
        long offset = instance.offset();
        if (instance instanceof Instance.Instantiate inst) {
            ComponentType component = scope.component(inst.componentIndex(), offset);
            Map<String, EntityType> args = new LinkedHashMap<>();
            Map<String, String> keys = new HashMap<>();
            for (Instance.Arg arg : inst.args()) {
                EntityType type = item(scope, arg.target(), offset);
                String key;
                try {
                    key = Names.parse(arg.name()).uniquenessKey();
                } catch (IllegalArgumentException e) {
                    key = arg.name();
                }
                String prev = keys.putIfAbsent(key, arg.name());
                if (prev != null) {
                    throw error(
                            offset,
                            "instantiation argument `" + arg.name() + "` conflicts with previous argument `" + prev
                                    + "`");
                }
                args.put(arg.name(), type);
            }
            scope.instances.add(instantiate(scope, component, args, offset));
        } else {
            Map<String, EntityType> exports = new LinkedHashMap<>();
            Map<String, String> keys = new HashMap<>();
            for (Instance.InlineExport e : ((Instance.FromExports) instance).exports()) {
                EntityType type = item(scope, e.target(), offset);
                if (type instanceof EntityType.Value) FeatureGates.values(scope, offset);
                // A bag of exports introduces no index space, so no resource has a name in it
                // for `[constructor]`/`[method]`/`[static]` names (as in wasm-tools).
                Externs.checkName(scope, Map.of(), keys, Externs.Direction.EXPORT, e.name(), type, offset);
                exports.put(e.name().name(), type);
            }
            scope.instances.add(new InstanceType(exports, Map.of()));
        }
    }

    /**
     * Type-checks the arguments against the component's imports, substituting the supplied
     * resources for the imported ones, and returns the type of the new instance: the exports with
     * fresh identities for the resources the component defines (Explainer, "Type Checking").
     */
    static InstanceType instantiate(Scope scope, ComponentType component, Map<String, EntityType> args, long offset) {
        for (String name : component.imports().keySet()) {
            if (!args.containsKey(name)) throw error(offset, "missing import named `" + name + "`");
        }
        Map<ResourceId, ResourceId> mapping = Subtyping.align(component.importedResources(), args);
        Substitution imports = new Substitution(mapping);
        for (Map.Entry<String, EntityType> e : component.imports().entrySet()) {
            try {
                Subtyping.entity(args.get(e.getKey()), imports.entity(e.getValue()));
            } catch (TypeMismatch m) {
                throw error(
                        offset,
                        "type mismatch for component instantiation argument `" + e.getKey() + "`: " + m.getMessage());
            }
        }
        Map<ResourceId, ResourceId> all = new HashMap<>(mapping);
        Map<ResourceId, ResourceId> fresh =
                Substitution.freshen(component.definedResources().keySet());
        all.putAll(fresh);
        fresh.values().forEach(id -> scope.definedResources.put(id, null));
        Substitution exports = new Substitution(all);
        // Imported types with an `eq` bound are replaced by the supplied types too, so that the
        // instance's exports refer to the parent's own (possibly named) types.
        for (Map.Entry<String, EntityType> e : component.imports().entrySet()) {
            if (e.getValue() instanceof EntityType.Type imported
                    && imported.created() instanceof DefinedType from
                    && args.get(e.getKey()) instanceof EntityType.Type arg
                    && arg.created() instanceof DefinedType to) {
                exports.replace(from, to);
            }
        }
        return new InstanceType(exports.entities(component.exports()), Map.of());
    }

    static List<String> path(String first) {
        return List.of(first);
    }
}
