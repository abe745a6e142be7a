package dev.wit4j.binary;

import java.util.List;

/**
 * A core {@code rectype} (WebAssembly 3.0): {@code 0x4e vec(<subtype>)} when {@code explicit},
 * otherwise a single sub type standing for a rec group of one.
 */
public record CoreRecGroup(long offset, boolean explicit, List<CoreSubType> types) implements CoreType {

    public CoreRecGroup {
        types = List.copyOf(types);
        if (!explicit && types.size() != 1) {
            throw new IllegalArgumentException("an implicit rec group holds exactly one sub type");
        }
    }

    /** An implicit rec group holding a single final sub type without supertypes. */
    public static CoreRecGroup of(CoreCompositeType type) {
        return new CoreRecGroup(-1, false, List.of(new CoreSubType(-1, true, List.of(), type, true)));
    }
}
