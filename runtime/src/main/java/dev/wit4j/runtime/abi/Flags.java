package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType.FlagsType;
import java.util.LinkedHashSet;
import java.util.Set;

/** Packing {@code flags} into bit vectors and back. */
final class Flags {

    private Flags() {}

    /**
     * {@code unpack_flags_from_int}: flag {@code i} is set if bit {@code i} is. Bits beyond the
     * number of flags are ignored, as in the spec (no trap).
     */
    static Value.FlagsValue unpack(long bits, FlagsType t) {
        Set<String> set = new LinkedHashSet<>();
        for (int i = 0; i < t.flags().size(); i++) {
            if ((bits >>> i & 1) != 0) {
                set.add(t.flags().get(i).name());
            }
        }
        return new Value.FlagsValue(set);
    }

    /** {@code pack_flags_into_int}. */
    static int pack(Value.FlagsValue v, FlagsType t) {
        int bits = 0;
        for (int i = 0; i < t.flags().size(); i++) {
            if (v.isSet(t.flags().get(i).name())) {
                bits |= 1 << i;
            }
        }
        return bits;
    }
}
