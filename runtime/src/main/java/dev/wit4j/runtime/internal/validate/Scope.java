package dev.wit4j.runtime.internal.validate;

import dev.wit4j.runtime.ValidationFeatures;
import dev.wit4j.runtime.core.CoreExternType;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validation state of one component, component type or instance type: its index spaces
 * (Explainer, "Index Spaces"), its imports and exports so far, and what it knows about resources.
 * Each scope starts with empty index spaces; outer aliases reach the enclosing scopes.
 */
final class Scope {

    enum Kind {
        COMPONENT,
        COMPONENT_TYPE,
        INSTANCE_TYPE
    }

    final Kind kind;
    final Scope parent;
    /** The gated features the component may use; the same for every scope of one validation. */
    final ValidationFeatures features;

    // Core index spaces.
    final List<CoreType> coreTypes = new ArrayList<>();
    final List<CoreFuncType> coreFuncs = new ArrayList<>();
    final List<CoreExternType.Table> coreTables = new ArrayList<>();
    final List<CoreExternType.Memory> coreMemories = new ArrayList<>();
    final List<CoreExternType.Global> coreGlobals = new ArrayList<>();
    final List<CoreFuncType> coreTags = new ArrayList<>();
    final List<CoreType.Module> coreModules = new ArrayList<>();
    final List<Map<String, CoreExternType>> coreInstances = new ArrayList<>();

    // Component index spaces.
    final List<AnyType> types = new ArrayList<>();
    final List<FuncType> funcs = new ArrayList<>();
    final List<ValType> values = new ArrayList<>();
    final List<Boolean> valueUsed = new ArrayList<>();
    final List<InstanceType> instances = new ArrayList<>();
    final List<ComponentType> components = new ArrayList<>();

    // Imports and exports, with the canonical names used for the strongly-unique rule.
    final Map<String, EntityType> imports = new LinkedHashMap<>();
    final Map<String, EntityType> exports = new LinkedHashMap<>();
    final Map<String, String> importKeys = new HashMap<>();
    final Map<String, String> exportKeys = new HashMap<>();
    /** The interface named by an import's or export's {@code implements} attribute, by name. */
    final Map<String, String> importsImplement = new LinkedHashMap<>();

    final Map<String, String> exportsImplement = new LinkedHashMap<>();

    /** Abstract resources imported (directly or inside imported instances), with their paths. */
    final Map<ResourceId, List<String>> importedResources = new LinkedHashMap<>();
    /** Abstract resources exported by a type scope, with their paths. */
    final Map<ResourceId, List<String>> exportedAbstractResources = new LinkedHashMap<>();
    /** Resources defined by this component, with their representation (null when unknown). */
    final Map<ResourceId, CoreValType> definedResources = new LinkedHashMap<>();
    /** Resources defined by a {@code (type (resource ...))} of this very component. */
    final Set<ResourceId> localResources = new HashSet<>();

    /**
     * Types that imports or exports may mention (External Visibility): defined types by identity,
     * resources by their index-space entry ({@link ResourceType} equality, alias included).
     */
    final Set<Object> importNamed = new HashSet<>();

    final Set<Object> exportNamed = new HashSet<>();
    /** Resource names for the {@code [constructor]}/{@code [method]}/{@code [static]} rules, per entry. */
    final Map<ResourceType, String> importResourceNames = new HashMap<>();

    final Map<ResourceType, String> exportResourceNames = new HashMap<>();

    /** The context.get/context.set slot types seen so far. */
    final Map<Long, CoreValType> contextSlots = new HashMap<>();

    /** The scope of an outermost component. */
    Scope(ValidationFeatures features) {
        this.kind = Kind.COMPONENT;
        this.parent = null;
        this.features = features;
    }

    /** A scope nested in {@code parent}. */
    Scope(Kind kind, Scope parent) {
        this.kind = kind;
        this.parent = parent;
        this.features = parent.features;
    }

    boolean isType() {
        return kind != Kind.COMPONENT;
    }

    // ---- index lookups with wasm-tools style messages ------------------------------------

    static ValidationException error(long offset, String message) {
        return new ValidationException(message, offset);
    }

    private static <T> T get(List<T> list, long index, String what, String space, long offset) {
        if (index < 0 || index >= list.size()) {
            throw error(offset, "unknown " + what + " " + index + ": " + space + " index out of bounds");
        }
        return list.get((int) index);
    }

    AnyType type(long index, long offset) {
        return get(types, index, "type", "type", offset);
    }

    CoreType coreType(long index, long offset) {
        return get(coreTypes, index, "core type", "type", offset);
    }

    FuncType func(long index, long offset) {
        return get(funcs, index, "function", "function", offset);
    }

    InstanceType instance(long index, long offset) {
        return get(instances, index, "instance", "instance", offset);
    }

    ComponentType component(long index, long offset) {
        return get(components, index, "component", "component", offset);
    }

    CoreType.Module coreModule(long index, long offset) {
        return get(coreModules, index, "module", "module", offset);
    }

    Map<String, CoreExternType> coreInstance(long index, long offset) {
        return get(coreInstances, index, "core instance", "instance", offset);
    }

    CoreFuncType coreFunc(long index, long offset) {
        return get(coreFuncs, index, "core function", "function", offset);
    }

    CoreExternType.Table coreTable(long index, long offset) {
        return get(coreTables, index, "table", "table", offset);
    }

    CoreExternType.Memory coreMemory(long index, long offset) {
        return get(coreMemories, index, "memory", "memory", offset);
    }

    CoreExternType.Global coreGlobal(long index, long offset) {
        return get(coreGlobals, index, "global", "global", offset);
    }

    CoreFuncType coreTag(long index, long offset) {
        return get(coreTags, index, "tag", "tag", offset);
    }

    ValType value(long index, long offset) {
        ValType v = get(values, index, "value", "value", offset);
        if (valueUsed.get((int) index)) throw error(offset, "value " + index + " cannot be used more than once");
        valueUsed.set((int) index, true);
        return v;
    }

    void addValue(ValType type, boolean used) {
        values.add(type);
        valueUsed.add(used);
    }

    /** The defined value type at {@code index}. */
    DefinedType definedType(long index, long offset) {
        AnyType t = type(index, offset);
        if (t instanceof DefinedType d) return d;
        throw error(offset, "type index " + index + " is not a defined type");
    }

    FuncType funcType(long index, long offset) {
        AnyType t = type(index, offset);
        if (t instanceof FuncType f) return f;
        throw error(offset, "type index " + index + " is not a function type");
    }

    ResourceType resourceType(long index, long offset) {
        AnyType t = type(index, offset);
        if (t instanceof ResourceType r) return r;
        throw error(offset, "type index " + index + " is not a resource type");
    }

    /** Adds a core module, function, table, ... of the given entity type to its index space. */
    void addCoreExtern(CoreExternType type) {
        if (type instanceof CoreExternType.Func f) coreFuncs.add(f.type());
        else if (type instanceof CoreExternType.Table t) coreTables.add(t);
        else if (type instanceof CoreExternType.Memory m) coreMemories.add(m);
        else if (type instanceof CoreExternType.Global g) coreGlobals.add(g);
        else if (type instanceof CoreExternType.Tag t) coreTags.add(t.type());
    }
}
