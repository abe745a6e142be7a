package dev.wit4j.runtime.internal.validate;

import static dev.wit4j.runtime.internal.validate.Scope.error;

import dev.wit4j.binary.Alias;
import dev.wit4j.binary.Sort;
import dev.wit4j.runtime.ValidationFeatures;
import dev.wit4j.runtime.core.CoreExternType;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Alias definitions and declarators (Explainer, "Alias Definitions"). */
final class Aliases {

    private Aliases() {}

    static void add(Scope scope, Alias alias) {
        long offset = alias.offset();
        if (scope.isType()) {
            boolean allowed = alias instanceof Alias.InstanceExport
                    ? alias.sort() == Sort.TYPE || alias.sort() == Sort.INSTANCE
                    : alias instanceof Alias.Outer && (alias.sort() == Sort.TYPE || alias.sort() == Sort.CORE_TYPE);
            if (!allowed)
                throw error(offset, "aliases in a component or instance type may only refer to types or instances");
        }
        if (alias instanceof Alias.InstanceExport e) {
            instanceExport(scope, e, offset);
        } else if (alias instanceof Alias.CoreInstanceExport e) {
            Map<String, CoreExternType> instance = scope.coreInstance(e.instanceIndex(), offset);
            CoreExternType type = instance.get(e.name());
            if (type == null)
                throw error(offset, "core instance " + e.instanceIndex() + " has no export named `" + e.name() + "`");
            String expected = e.sort().coreSort().text();
            if (!type.kind().equals(expected)) {
                throw error(
                        offset,
                        "export `" + e.name() + "` for core instance " + e.instanceIndex() + " is not a " + expected);
            }
            scope.addCoreExtern(type);
        } else {
            outer(scope, (Alias.Outer) alias, offset);
        }
    }

    private static void instanceExport(Scope scope, Alias.InstanceExport e, long offset) {
        InstanceType instance = scope.instance(e.instanceIndex(), offset);
        EntityType type = instance.exports().get(e.name());
        if (type == null)
            throw error(offset, "instance " + e.instanceIndex() + " has no export named `" + e.name() + "`");
        String expected = e.sort() == Sort.CORE_MODULE ? "module" : e.sort().text();
        if (!type.sort().equals(expected)) {
            throw error(
                    offset, "export `" + e.name() + "` for instance " + e.instanceIndex() + " is not a " + expected);
        }
        if (type instanceof EntityType.Value v) {
            FeatureGates.values(scope, offset);
            scope.addValue(v.type(), false);
        } else {
            Externs.push(scope, type);
        }
    }

    private static void outer(Scope scope, Alias.Outer a, long offset) {
        Scope target = scope;
        Scope belowTarget = null;
        for (long i = 0; i < a.count(); i++) {
            belowTarget = target;
            target = target.parent;
            if (target == null) throw error(offset, "invalid outer alias count of " + a.count());
        }
        switch (a.sort()) {
            case CORE_MODULE:
                scope.coreModules.add(target.coreModule(a.index(), offset));
                break;
            case CORE_TYPE:
                scope.coreTypes.add(target.coreType(a.index(), offset));
                break;
            case COMPONENT:
                scope.components.add(target.component(a.index(), offset));
                break;
            case TYPE: {
                AnyType type = target.type(a.index(), offset);
                // Crossing a component boundary, a type may not mention resources of the outer
                // component (Binary.md, "Alias Definitions"): they are generative per instance.
                if (belowTarget != null
                        && belowTarget.kind == Scope.Kind.COMPONENT
                        && !freeResources(type).isEmpty()) {
                    throw error(
                            offset,
                            "cannot alias outer type which transitively refers to resources not defined in the current component");
                }
                scope.types.add(type);
                break;
            }
            default:
                closure(scope, target, a, offset);
        }
    }

    /**
     * An outer alias of an instance or function: the staging-by-closure extension, where a nested
     * component closes over what its enclosing component's instance has made. Only between
     * components (not from inside a type), and only with {@link ValidationFeatures.Feature#STAGING_BY_CLOSURE}.
     */
    private static void closure(Scope scope, Scope target, Alias.Outer a, long offset) {
        if (!scope.features.isEnabled(ValidationFeatures.Feature.STAGING_BY_CLOSURE)) {
            throw error(
                    offset,
                    "outer aliases may only refer to types, core types, core modules and components"
                            + " (outer aliases of a " + a.sort().text() + " are the staging-by-closure extension, "
                            + ValidationFeatures.Feature.STAGING_BY_CLOSURE.flag() + ")");
        }
        for (Scope s = scope; s != target; s = s.parent) {
            if (s.kind != Scope.Kind.COMPONENT) {
                throw error(offset, "an outer alias of a " + a.sort().text() + " may only be made by a component");
            }
        }
        long i = a.index();
        switch (a.sort()) {
            case CORE_FUNC -> scope.coreFuncs.add(target.coreFunc(i, offset));
            case CORE_TABLE -> scope.coreTables.add(target.coreTable(i, offset));
            case CORE_MEMORY -> scope.coreMemories.add(target.coreMemory(i, offset));
            case CORE_GLOBAL -> scope.coreGlobals.add(target.coreGlobal(i, offset));
            case CORE_INSTANCE -> scope.coreInstances.add(target.coreInstance(i, offset));
            case FUNC -> scope.funcs.add(target.func(i, offset));
            case INSTANCE -> scope.instances.add(target.instance(i, offset));
            default ->
                throw error(
                        offset, "an outer alias cannot refer to a " + a.sort().text());
        }
    }

    /** The resources a type mentions that it does not itself bind. */
    static Set<ResourceId> freeResources(AnyType type) {
        Set<ResourceId> out = new HashSet<>();
        collect(type, out);
        return out;
    }

    private static void collect(AnyType type, Set<ResourceId> out) {
        if (type instanceof ResourceType r) {
            out.add(r.id());
        } else if (type instanceof DefinedType d) {
            if (d.shape() instanceof Shape.Own o) out.add(o.resource());
            if (d.shape() instanceof Shape.Borrow b) out.add(b.resource());
            for (ValType child : d.children()) if (child instanceof DefinedType cd) collect(cd, out);
        } else if (type instanceof FuncType f) {
            for (FuncType.Param p : f.params()) if (p.type() instanceof DefinedType d) collect(d, out);
            if (f.result() instanceof DefinedType d) collect(d, out);
        } else if (type instanceof InstanceType i) {
            Set<ResourceId> inner = new HashSet<>();
            i.exports().values().forEach(e -> collectEntity(e, inner));
            inner.removeAll(i.definedResources().keySet());
            out.addAll(inner);
        } else if (type instanceof ComponentType c) {
            Set<ResourceId> inner = new HashSet<>();
            c.imports().values().forEach(e -> collectEntity(e, inner));
            c.exports().values().forEach(e -> collectEntity(e, inner));
            inner.removeAll(c.importedResources().keySet());
            inner.removeAll(c.definedResources().keySet());
            out.addAll(inner);
        }
    }

    private static void collectEntity(EntityType e, Set<ResourceId> out) {
        if (e instanceof EntityType.Func f) collect(f.type(), out);
        else if (e instanceof EntityType.Type t) collect(t.created(), out);
        else if (e instanceof EntityType.Instance i) collect(i.type(), out);
        else if (e instanceof EntityType.Component c) collect(c.type(), out);
        else if (e instanceof EntityType.Value v && v.type() instanceof DefinedType d) collect(d, out);
    }
}
