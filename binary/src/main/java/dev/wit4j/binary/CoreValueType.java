package dev.wit4j.binary;

/** A core {@code valtype}: a number/vector type or a reference type. */
public sealed interface CoreValueType extends CoreStorageType permits CoreValueType.Num, CoreValueType.Ref {

    /** {@code i32}, {@code i64}, {@code f32}, {@code f64} and {@code v128}. */
    enum Num implements CoreValueType {
        I32(0x7f),
        I64(0x7e),
        F32(0x7d),
        F64(0x7c),
        V128(0x7b);

        private final int code;

        Num(int code) {
            this.code = code;
        }

        /** The binary code. */
        public int code() {
            return code;
        }
    }

    /**
     * A reference type.
     *
     * @param shorthand whether the input used the one-byte abbreviation (e.g. {@code 0x70} for
     *     {@code funcref}, or {@code 0x65 0x70} when shared); only possible for a nullable abstract
     *     heap type, and what wasm-tools writes in that case
     */
    record Ref(boolean nullable, CoreHeapType heapType, boolean shorthand) implements CoreValueType {
        public Ref {
            if (shorthand && (!nullable || !(heapType instanceof CoreHeapType.Abstract))) {
                throw new IllegalArgumentException("only nullable abstract references have a shorthand");
            }
        }

        /** A reference type written the way wasm-tools writes it. */
        public static Ref of(boolean nullable, CoreHeapType heapType) {
            return new Ref(nullable, heapType, nullable && heapType instanceof CoreHeapType.Abstract);
        }
    }
}
