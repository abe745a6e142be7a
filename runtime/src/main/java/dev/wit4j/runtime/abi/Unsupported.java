package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.value.ValueTypes;
import dev.wit4j.witx.model.ValueType;

/** Streams and futures (the async types) are not lifted or lowered yet. */
final class Unsupported {

    private Unsupported() {}

    static UnsupportedOperationException type(ValueType t) {
        return new UnsupportedOperationException(
                "lifting and lowering " + ValueTypes.describe(t) + " is not supported yet (async)");
    }
}
