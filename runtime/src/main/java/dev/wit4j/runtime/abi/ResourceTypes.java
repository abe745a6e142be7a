package dev.wit4j.runtime.abi;

import dev.wit4j.witx.model.TypeDef;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps the static resource types named in WIT ({@code own<r>}, {@code borrow<r>}) to the run-time
 * {@link ResourceType}s of the component instance being lifted or lowered. The engine supplies one
 * per instance; {@link #perDefinition()} is a simple one for tests and hosts.
 */
@FunctionalInterface
public interface ResourceTypes {

    /** The run-time type for {@code resource} (aliases already resolved). */
    ResourceType of(TypeDef resource);

    /**
     * A mapping that creates one host-defined {@link ResourceType} per resource definition on first
     * use and returns it ever after.
     */
    static ResourceTypes perDefinition() {
        Map<TypeDef, ResourceType> types = new HashMap<>();
        return def -> types.computeIfAbsent(def, d -> new ResourceType(d.name(), null));
    }

    /** A mapping for types without resources: any look-up is an error. */
    static ResourceTypes none() {
        return def -> {
            throw new IllegalStateException("no resource types are known in this context (needed " + def + ")");
        };
    }
}
