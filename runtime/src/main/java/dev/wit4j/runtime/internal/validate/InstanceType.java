package dev.wit4j.runtime.internal.validate;

import java.util.List;
import java.util.Map;

/**
 * The type of a component instance: its exports by name. {@code definedResources} lists the
 * abstract resources introduced by {@code (export ... (type (sub resource)))} declarations of an
 * instance type, with the export path that reaches each; importing such an instance type gives
 * them fresh identities.
 */
record InstanceType(Map<String, EntityType> exports, Map<ResourceId, List<String>> definedResources)
        implements AnyType {

    InstanceType {
        exports = Maps.frozen(exports);
        definedResources = Maps.frozen(definedResources);
    }

    public String describe() {
        return "instance type";
    }
}
