package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.value.ValueTypes;
import dev.wit4j.witx.model.ValueType;

/** A type the lifting and lowering code has no case for (a defect if ever thrown: every WIT type has one). */
final class Unsupported {

    private Unsupported() {}

    static UnsupportedOperationException type(ValueType t) {
        return new UnsupportedOperationException(
                "lifting and lowering " + ValueTypes.describe(t) + " is not supported");
    }
}
