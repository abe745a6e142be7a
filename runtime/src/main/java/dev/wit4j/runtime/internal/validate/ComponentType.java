package dev.wit4j.runtime.internal.validate;

import java.util.List;
import java.util.Map;

/**
 * The type of a component: its imports and exports by name.
 *
 * <p>{@code importedResources} are the abstract resources the component imports (each with the
 * path of names, starting at an import name, that reaches it); instantiation replaces them with
 * the resources supplied by the arguments. {@code definedResources} are the resources it exports
 * abstractly (path starting at an export name); each instantiation gives them fresh identities.
 *
 * <p>{@code importsImplement} and {@code exportsImplement} give, for an instance import or export
 * named by a plain label, the interface its {@code implements} attribute names (Explainer,
 * "Import and Export Definitions" 🏷️): {@code import primary: wasi:keyvalue/store} in WIT. Type
 * checking ignores them.
 */
record ComponentType(
        Map<String, EntityType> imports,
        Map<String, EntityType> exports,
        Map<ResourceId, List<String>> importedResources,
        Map<ResourceId, List<String>> definedResources,
        Map<String, String> importsImplement,
        Map<String, String> exportsImplement)
        implements AnyType {

    ComponentType {
        imports = Maps.frozen(imports);
        exports = Maps.frozen(exports);
        importedResources = Maps.frozen(importedResources);
        definedResources = Maps.frozen(definedResources);
        importsImplement = Maps.frozen(importsImplement);
        exportsImplement = Maps.frozen(exportsImplement);
    }

    public String describe() {
        return "component type";
    }
}
