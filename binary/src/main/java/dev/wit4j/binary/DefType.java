package dev.wit4j.binary;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A component {@code deftype} (Binary.md, "Type Definitions"): a defined value type
 * ({@link DefValType}), a function, component, instance or resource type.
 */
public sealed interface DefType
        permits DefValType, DefType.FuncType, DefType.ComponentType, DefType.InstanceType, DefType.ResourceType {

    /** Absolute offset of the type's opcode. */
    long offset();

    /**
     * {@code 0x40 ps rs} or, when {@code async}, {@code 0x43 ps rs} (🔀).
     *
     * @param result the single result, or empty for {@code resultlist 0x01 0x00}
     */
    record FuncType(long offset, boolean async, List<LabeledType> params, Optional<ComponentValType> result)
            implements DefType {
        public FuncType {
            params = List.copyOf(params);
        }
    }

    /** {@code 0x41 cd*:vec(<componentdecl>)}. */
    record ComponentType(long offset, List<ComponentDecl> decls) implements DefType {
        public ComponentType {
            decls = List.copyOf(decls);
        }
    }

    /** {@code 0x42 id*:vec(<instancedecl>)}. */
    record InstanceType(long offset, List<InstanceDecl> decls) implements DefType {
        public InstanceType {
            decls = List.copyOf(decls);
        }
    }

    /**
     * {@code 0x3f t:<core:valtype> f?:<core:funcidx>?}: {@code (resource (rep t) (dtor f)?)}.
     */
    record ResourceType(long offset, CoreValueType rep, OptionalLong dtor) implements DefType {}

    /** A {@code labelvaltype}: a record field or function parameter. */
    record LabeledType(String label, ComponentValType type) {}
}
