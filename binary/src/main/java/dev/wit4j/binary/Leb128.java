package dev.wit4j.binary;

/** LEB128 sizes and encodings shared by the writer. */
final class Leb128 {

    private Leb128() {}

    /** Bytes in the minimal unsigned encoding of {@code v} (taken as unsigned). */
    static int unsignedSize(long v) {
        int n = 1;
        while (Long.compareUnsigned(v, 0x80) >= 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    /** Bytes in the minimal signed encoding of {@code v}. */
    static int signedSize(long v) {
        int n = 1;
        while (true) {
            long rest = v >> 6;
            if (rest == 0 || rest == -1) {
                return n;
            }
            v >>= 7;
            n++;
        }
    }
}
