package dev.wit4j.binary;

/** A core GC {@code storagetype}: a value type or a packed type. */
public sealed interface CoreStorageType permits CoreValueType, CoreStorageType.Packed {

    /** The packed field types. */
    enum Packed implements CoreStorageType {
        I8(0x78),
        I16(0x77);

        private final int code;

        Packed(int code) {
            this.code = code;
        }

        /** The binary code. */
        public int code() {
            return code;
        }
    }
}
