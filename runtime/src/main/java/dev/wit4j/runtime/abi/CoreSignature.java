package dev.wit4j.runtime.abi;

import java.util.List;

/**
 * The core function type that a component function type flattens to
 * ({@code flatten_functype} in CanonicalABI.md "Flattening").
 */
public record CoreSignature(List<FlatType> params, List<FlatType> results) {

    public CoreSignature {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    /** Whether the signature is for a lifted export or a lowered import. */
    public enum Context {
        /** {@code canon lift}: results that do not fit are returned through a pointer result. */
        LIFT,
        /** {@code canon lower}: results that do not fit are written through a pointer parameter. */
        LOWER
    }

    @Override
    public String toString() {
        return "(func (param " + params + ") (result " + results + "))";
    }
}
