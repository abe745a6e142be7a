package dev.wit4j.binary;

/** An {@code externtype} (Binary.md, "Type Definitions"). */
public sealed interface ExternType {

    /** The sort this extern type describes. */
    Sort sort();

    /** {@code 0x00 0x11 i:<core:typeidx>}: {@code (core module (type i))}. */
    record Module(long coreTypeIndex) implements ExternType {
        public Sort sort() {
            return Sort.CORE_MODULE;
        }
    }

    /** {@code 0x01 i:<typeidx>}: {@code (func (type i))}. */
    record Func(long typeIndex) implements ExternType {
        public Sort sort() {
            return Sort.FUNC;
        }
    }

    /**
     * {@code 0x02 b:<valuebound>} (🪙). Note: Binary.md's {@code valuebound} is followed here;
     * wasm-tools still writes a bare {@code valtype} after {@code 0x02}.
     */
    record Value(ValueBound bound) implements ExternType {
        public Sort sort() {
            return Sort.VALUE;
        }
    }

    /** {@code 0x03 b:<typebound>}. */
    record Type(TypeBound bound) implements ExternType {
        public Sort sort() {
            return Sort.TYPE;
        }
    }

    /** {@code 0x04 i:<typeidx>}: {@code (component (type i))}. */
    record Component(long typeIndex) implements ExternType {
        public Sort sort() {
            return Sort.COMPONENT;
        }
    }

    /** {@code 0x05 i:<typeidx>}: {@code (instance (type i))}. */
    record Instance(long typeIndex) implements ExternType {
        public Sort sort() {
            return Sort.INSTANCE;
        }
    }

    /** A {@code typebound}. */
    sealed interface TypeBound {
        /** {@code 0x00 i:<typeidx>}: {@code (eq i)}. */
        record Eq(long typeIndex) implements TypeBound {}

        /** {@code 0x01}: {@code (sub resource)}. */
        record SubResource() implements TypeBound {}
    }

    /** A {@code valuebound} (🪙). */
    sealed interface ValueBound {
        /** {@code 0x00 i:<valueidx>}: {@code (eq i)}. */
        record Eq(long valueIndex) implements ValueBound {}

        /** {@code 0x01 t:<valtype>}. */
        record OfType(ComponentValType type) implements ValueBound {}
    }
}
