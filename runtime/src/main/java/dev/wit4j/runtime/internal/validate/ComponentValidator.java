package dev.wit4j.runtime.internal.validate;

import static dev.wit4j.runtime.internal.validate.Scope.error;

import dev.wit4j.binary.Alias;
import dev.wit4j.binary.Canon;
import dev.wit4j.binary.Component;
import dev.wit4j.binary.ComponentDecl;
import dev.wit4j.binary.CoreInstance;
import dev.wit4j.binary.CoreRecGroup;
import dev.wit4j.binary.DefType;
import dev.wit4j.binary.DefValType;
import dev.wit4j.binary.Export;
import dev.wit4j.binary.Import;
import dev.wit4j.binary.Instance;
import dev.wit4j.binary.InstanceDecl;
import dev.wit4j.binary.Section;
import dev.wit4j.binary.ValueDef;
import dev.wit4j.runtime.ValidationFeatures;
import dev.wit4j.runtime.core.CoreExternType;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreValType;
import dev.wit4j.runtime.internal.engine.CompiledCodeCache;
import dev.wit4j.runtime.internal.engine.CoreExport;
import dev.wit4j.runtime.internal.engine.CoreModule;
import dev.wit4j.runtime.internal.engine.CoreModuleException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validates a decoded component against the rules of the Component Model (Explainer.md and
 * Binary.md): index spaces, aliases, type definitions, instantiation type checking with resource
 * substitution, canonical definitions and their options, import/export names and the external
 * visibility of types. Nested components and embedded core modules are validated too; core modules
 * are checked by the core engine.
 *
 * <p>Gated features (async, streams and futures, error-context, threads, fixed-length lists, maps,
 * name attributes, values, ...) are accepted only when enabled in the {@link ValidationFeatures}
 * passed to {@link #validate(Component, ValidationFeatures)}; {@link #validate(Component)} enables
 * them all.
 *
 * <pre>{@code
 * Component component = ComponentDecoder.decodeComponent(bytes);
 * ValidatedComponent valid = ComponentValidator.validate(component); // or ValidationException
 * }</pre>
 */
public final class ComponentValidator {

    private final List<CoreModule> coreModules = new ArrayList<>();
    /** Compiled code of core modules that needs no validation again, or null. */
    private final CompiledCodeCache cache;

    /** Whether core modules are read for their declarations only ({@link #validateDeclarations}). */
    private final boolean declarationsOnly;

    private ComponentValidator(CompiledCodeCache cache, boolean declarationsOnly) {
        this.cache = cache;
        this.declarationsOnly = declarationsOnly;
    }

    /**
     * Validates {@code component} with every gated feature enabled ({@link ValidationFeatures#all()}).
     *
     * @return the validated component's core modules, parsed once
     * @throws ValidationException naming the first rule broken and the offset of the offending
     *     definition
     */
    public static ValidatedComponent validate(Component component) {
        return validate(component, ValidationFeatures.all());
    }

    /**
     * Validates {@code component}, rejecting the use of any gated feature that {@code features}
     * does not enable.
     *
     * @return the validated component's core modules, parsed once
     * @throws ValidationException naming the first rule broken (or the disabled feature) and the
     *     offset of the offending definition
     */
    public static ValidatedComponent validate(Component component, ValidationFeatures features) {
        return validate(component, features, null);
    }

    /**
     * {@link #validate(Component, ValidationFeatures)}, its core modules prepared with {@code cache}
     * ({@link CoreModule#parse(byte[], long, CompiledCodeCache)}): one whose compiled code the cache
     * holds is not validated again.
     */
    public static ValidatedComponent validate(
            Component component, ValidationFeatures features, CompiledCodeCache cache) {
        ComponentValidator v = new ComponentValidator(cache, false);
        ComponentType type = v.component(new Scope(Objects.requireNonNull(features, "features")), component);
        return new ValidatedComponent(v.coreModules, type);
    }

    /**
     * {@link #validate(Component)} but for the code of its core modules, which is decoded no further
     * than the declarations the component's rules look at (imports, exports): what describing a
     * component's interface needs (WIT recovery), as wasm-tools' WIT decoding does. The core modules
     * returned cannot be instantiated.
     */
    public static ValidatedComponent validateDeclarations(Component component) {
        ComponentValidator v = new ComponentValidator(null, true);
        ComponentType type = v.component(new Scope(ValidationFeatures.all()), component);
        return new ValidatedComponent(v.coreModules, type);
    }

    // ---- components -------------------------------------------------------------------------

    private ComponentType component(Scope scope, Component component) {
        for (Section section : component.sections()) {
            section(scope, section);
        }
        return finish(scope, component.offset());
    }

    private void section(Scope scope, Section section) {
        if (section instanceof Section.ModuleSection m) {
            scope.coreModules.add(coreModule(m));
        } else if (section instanceof Section.CoreInstanceSection s) {
            for (CoreInstance i : s.instances()) Instantiation.coreInstance(scope, i);
        } else if (section instanceof Section.CoreTypeSection s) {
            for (dev.wit4j.binary.CoreType t : s.types()) coreType(scope, t);
        } else if (section instanceof Section.ComponentSection c) {
            scope.components.add(component(new Scope(Scope.Kind.COMPONENT, scope), c.component()));
        } else if (section instanceof Section.InstanceSection s) {
            for (Instance i : s.instances()) Instantiation.instance(scope, i);
        } else if (section instanceof Section.AliasSection s) {
            for (Alias a : s.aliases()) Aliases.add(scope, a);
        } else if (section instanceof Section.TypeSection s) {
            for (DefType t : s.types()) scope.types.add(defType(scope, t));
        } else if (section instanceof Section.CanonSection s) {
            for (Canon c : s.canons()) Canonicals.add(scope, c);
        } else if (section instanceof Section.StartSection s) {
            start(scope, s);
        } else if (section instanceof Section.ImportSection s) {
            for (Import i : s.imports()) {
                Externs.add(
                        scope,
                        Externs.Direction.IMPORT,
                        i.name(),
                        Externs.entity(scope, i.type(), i.offset()),
                        i.offset());
            }
        } else if (section instanceof Section.ExportSection s) {
            for (Export e : s.exports()) export(scope, e);
        } else if (section instanceof Section.ValueSection s) {
            for (ValueDef v : s.values()) {
                FeatureGates.values(scope, v.offset());
                scope.addValue(TypeDefinitions.valType(scope, v.type(), v.offset()), false);
            }
        }
    }

    private CoreType.Module coreModule(Section.ModuleSection section) {
        long offset = section.module().offset();
        CoreModule module;
        try {
            byte[] bytes = section.module().bytes().toByteArray();
            // a fresh copy of the decoded bytes, handed over
            module = declarationsOnly
                    ? CoreModule.parseDeclarations(bytes, offset)
                    : CoreModule.parseOwned(bytes, offset, cache);
        } catch (CoreModuleException e) {
            throw new ValidationException(
                    (e.malformed() ? "malformed core module: " : "invalid core module: ") + e.reason(), e.offset(), e);
        }
        coreModules.add(module);
        CoreChecks.uniqueImports(module.imports(), offset);
        Map<String, CoreExternType> exports = new LinkedHashMap<>();
        for (CoreExport e : module.exports()) exports.put(e.name(), e.type());
        return new CoreType.Module(module.imports(), exports);
    }

    private static void coreType(Scope scope, dev.wit4j.binary.CoreType type) {
        if (type instanceof CoreRecGroup g) {
            scope.coreTypes.addAll(TypeDefinitions.recGroup(g));
        } else {
            scope.coreTypes.add(TypeDefinitions.moduleType(scope, (dev.wit4j.binary.CoreType.Module) type));
        }
    }

    private static void export(Scope scope, Export e) {
        long offset = e.offset();
        EntityType actual = Instantiation.item(scope, e.target(), offset);
        EntityType type;
        if (e.type().isPresent()) {
            EntityType ascribed = Externs.entity(scope, e.type().get(), offset);
            try {
                Subtyping.entity(actual, ascribed);
            } catch (TypeMismatch m) {
                throw error(offset, "ascribed type of export is not compatible with item's type: " + m.getMessage());
            }
            type = ascribed;
        } else if (actual instanceof EntityType.Type t) {
            type = new EntityType.Type(t.referenced(), Externs.renamed(t.created()));
        } else {
            type = actual;
        }
        Externs.add(scope, Externs.Direction.EXPORT, e.name(), type, offset);
    }

    private static void start(Scope scope, Section.StartSection s) {
        long offset = s.offset();
        FeatureGates.values(scope, offset);
        FuncType f = scope.func(s.funcIndex(), offset);
        if (f.params().size() != s.args().size()) {
            throw error(
                    offset,
                    "component start function requires " + f.params().size() + " arguments but was given "
                            + s.args().size());
        }
        for (int i = 0; i < s.args().size(); i++) {
            ValType v = scope.value(s.args().get(i), offset);
            if (!Subtyping.equal(v, f.params().get(i).type())) {
                throw error(offset, "value type mismatch for component start function argument " + i);
            }
        }
        long expected = f.result() == null ? 0 : 1;
        if (s.results() != expected) {
            throw error(
                    offset,
                    "component start function has a result count of " + expected + " but the start section declares "
                            + s.results());
        }
        if (f.result() != null) scope.addValue(f.result(), false);
    }

    /** The type of a finished component: what it imports and exports (Explainer, "Component Invariants"). */
    private static ComponentType finish(Scope scope, long offset) {
        for (int i = 0; i < scope.values.size(); i++) {
            if (!scope.valueUsed.get(i))
                throw error(
                        offset,
                        "value index " + i + " was not used as part of an instantiation, start function, or export");
        }
        Map<ResourceId, List<String>> defined = new LinkedHashMap<>(scope.exportedAbstractResources);
        for (Map.Entry<String, EntityType> e : scope.exports.entrySet()) {
            collectDefined(scope, List.of(e.getKey()), e.getValue(), defined);
        }
        return new ComponentType(
                scope.imports,
                scope.exports,
                scope.importedResources,
                defined,
                scope.importsImplement,
                scope.exportsImplement);
    }

    private static void collectDefined(
            Scope scope, List<String> path, EntityType type, Map<ResourceId, List<String>> out) {
        if (type instanceof EntityType.Type t && t.created() instanceof ResourceType r) {
            if (scope.definedResources.containsKey(r.id())) out.putIfAbsent(r.id(), path);
        } else if (type instanceof EntityType.Instance i) {
            for (Map.Entry<String, EntityType> e : i.type().exports().entrySet()) {
                List<String> sub = new ArrayList<>(path);
                sub.add(e.getKey());
                collectDefined(scope, List.copyOf(sub), e.getValue(), out);
            }
        }
    }

    // ---- type definitions -----------------------------------------------------------------

    static AnyType defType(Scope scope, DefType type) {
        if (type instanceof DefValType d) return TypeDefinitions.defined(scope, d);
        if (type instanceof DefType.FuncType f) return TypeDefinitions.func(scope, f);
        if (type instanceof DefType.ComponentType c) {
            Scope inner = new Scope(Scope.Kind.COMPONENT_TYPE, scope);
            for (ComponentDecl decl : c.decls()) declaration(inner, decl);
            return new ComponentType(
                    inner.imports,
                    inner.exports,
                    inner.importedResources,
                    inner.exportedAbstractResources,
                    inner.importsImplement,
                    inner.exportsImplement);
        }
        if (type instanceof DefType.InstanceType i) {
            Scope inner = new Scope(Scope.Kind.INSTANCE_TYPE, scope);
            for (InstanceDecl decl : i.decls()) declaration(inner, decl);
            return new InstanceType(inner.exports, inner.exportedAbstractResources);
        }
        return resource(scope, (DefType.ResourceType) type);
    }

    private static void declaration(Scope scope, ComponentDecl decl) {
        long offset = decl.offset();
        if (decl instanceof ComponentDecl.ImportDecl i) {
            Externs.add(scope, Externs.Direction.IMPORT, i.name(), Externs.entity(scope, i.type(), offset), offset);
        } else if (decl instanceof InstanceDecl.CoreTypeDecl t) {
            coreType(scope, t.type());
        } else if (decl instanceof InstanceDecl.TypeDecl t) {
            scope.types.add(defType(scope, t.type()));
        } else if (decl instanceof InstanceDecl.AliasDecl a) {
            Aliases.add(scope, a.alias());
        } else if (decl instanceof InstanceDecl.ExportDecl e) {
            Externs.add(scope, Externs.Direction.EXPORT, e.name(), Externs.entity(scope, e.type(), offset), offset);
        }
    }

    /** A resource type definition: a fresh resource local to this component (Explainer, "Resource types"). */
    private static ResourceType resource(Scope scope, DefType.ResourceType r) {
        long offset = r.offset();
        if (scope.isType()) throw error(offset, "resources can only be defined within a concrete component");
        CoreValType rep = TypeDefinitions.coreValType(r.rep());
        if (!rep.equals(CoreValType.I32) && !rep.equals(CoreValType.I64)) {
            throw error(offset, "resources can only be represented by `i32` or `i64`");
        }
        FeatureGates.resourceRep(scope, rep.equals(CoreValType.I64), offset);
        if (r.dtor().isPresent()) {
            long index = r.dtor().getAsLong();
            CoreFuncType dtor = scope.coreFunc(index, offset);
            if (!dtor.equals(CoreFuncType.of(List.of(rep), List.of()))) {
                throw error(offset, "core function " + index + " has wrong signature for a destructor");
            }
        }
        ResourceId id = ResourceId.fresh();
        scope.definedResources.put(id, rep);
        scope.localResources.add(id);
        return ResourceType.of(id);
    }
}
