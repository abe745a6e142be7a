package dev.wit4j.binary;

import java.util.List;
import java.util.OptionalLong;

/**
 * A core {@code comptype}, with the optional prefixes wasmparser accepts: {@code 0x65} (shared,
 * shared-everything-threads), {@code 0x4c} describes / {@code 0x4d} descriptor (custom
 * descriptors).
 */
public record CoreCompositeType(
        long offset, boolean shared, OptionalLong describes, OptionalLong descriptor, Body body) {

    /** A plain, unshared function type. */
    public static CoreCompositeType func(List<CoreValueType> params, List<CoreValueType> results) {
        return new CoreCompositeType(-1, false, OptionalLong.empty(), OptionalLong.empty(), new Func(params, results));
    }

    /** The composite type proper. */
    public sealed interface Body {}

    /** {@code 0x60 vec(valtype) vec(valtype)}. */
    public record Func(List<CoreValueType> params, List<CoreValueType> results) implements Body {
        public Func {
            params = List.copyOf(params);
            results = List.copyOf(results);
        }
    }

    /** {@code 0x5f vec(fieldtype)}. */
    public record Struct(List<CoreFieldType> fields) implements Body {
        public Struct {
            fields = List.copyOf(fields);
        }
    }

    /** {@code 0x5e fieldtype}. */
    public record Array(CoreFieldType element) implements Body {}

    /** {@code 0x5d typeidx} (stack switching). */
    public record Cont(long typeIndex) implements Body {}
}
