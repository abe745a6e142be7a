package dev.wit4j.runtime.internal.link;

import dev.wit4j.binary.DefType;
import dev.wit4j.witx.model.ValueType;
import java.util.Objects;

/**
 * An entry of a component instance's type index space at run time (Explainer.md "Type
 * Definitions"): value types become witx {@link ValueType}s, resource types get their run-time
 * identity, function types their evaluated signature; instance and component types stay
 * declarations, evaluated against what is provided when they are used to type an import. Internal.
 */
public sealed interface RtType {

    /** A value type. */
    record Val(ValueType type) implements RtType {
        public Val {
            Objects.requireNonNull(type, "type");
        }
    }

    /** A resource type. */
    record Resource(RuntimeResource resource) implements RtType {
        public Resource {
            Objects.requireNonNull(resource, "resource");
        }
    }

    /** A function type. */
    record Func(FuncSig sig) implements RtType {
        public Func {
            Objects.requireNonNull(sig, "sig");
        }
    }

    /** An instance type, with the type scope it was declared in (for its outer aliases). */
    record Instance(DefType.InstanceType decl, TypeScope scope) implements RtType {}

    /** A component type, with the type scope it was declared in. */
    record Component(DefType.ComponentType decl, TypeScope scope) implements RtType {}
}
