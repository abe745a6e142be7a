package dev.wit4j.binary;

import java.util.List;

/**
 * A core {@code subtype}: {@code 0x50 vec(typeidx) comptype} (non-final), {@code 0x4f vec(typeidx)
 * comptype} (final), or a bare {@code comptype} (final, no supertypes).
 *
 * @param isFinal whether the type is final
 * @param supertypes declared supertype indices (the validator allows at most one)
 * @param composite the composite type
 * @param abbreviated whether the input used the bare {@code comptype} form; only possible when
 *     final without supertypes, and what wasm-tools writes in that case
 */
public record CoreSubType(
        long offset, boolean isFinal, List<Long> supertypes, CoreCompositeType composite, boolean abbreviated) {

    public CoreSubType {
        supertypes = List.copyOf(supertypes);
        if (abbreviated && (!isFinal || !supertypes.isEmpty())) {
            throw new IllegalArgumentException("only a final sub type without supertypes is abbreviated");
        }
    }
}
