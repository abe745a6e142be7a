package dev.wit4j.binary;

/** A core {@code heaptype}: abstract (optionally shared), a concrete type index, or exact. */
public sealed interface CoreHeapType {

    /** An abstract heap type such as {@code func} or {@code any}. */
    record Abstract(boolean shared, Kind kind) implements CoreHeapType {}

    /** A concrete type index (a non-negative s33). */
    record Concrete(long typeIndex) implements CoreHeapType {}

    /** {@code 0x62 typeidx} (custom descriptors): an exact concrete type. */
    record Exact(long typeIndex) implements CoreHeapType {}

    /** The abstract heap types and their codes. */
    enum Kind {
        FUNC(0x70),
        EXTERN(0x6f),
        ANY(0x6e),
        NONE(0x71),
        NOEXTERN(0x72),
        NOFUNC(0x73),
        EQ(0x6d),
        STRUCT(0x6b),
        ARRAY(0x6a),
        I31(0x6c),
        EXN(0x69),
        NOEXN(0x74),
        CONT(0x68),
        NOCONT(0x75);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        /** The binary code. */
        public int code() {
            return code;
        }

        static Kind ofCode(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            return null;
        }
    }
}
