package dev.wit4j.runtime.internal.engine.split;

import java.util.Arrays;

/** A core value type, kept as its binary encoding (numeric, vector or reference type). */
final class ValType {

    static final ValType I32 = new ValType(new byte[] {0x7F});
    static final ValType I64 = new ValType(new byte[] {0x7E});
    static final ValType F32 = new ValType(new byte[] {0x7D});
    static final ValType F64 = new ValType(new byte[] {0x7C});

    private final byte[] encoding;

    private ValType(byte[] encoding) {
        this.encoding = encoding;
    }

    static ValType of(byte[] encoding) {
        if (encoding.length == 1) {
            switch (encoding[0]) {
                case 0x7F:
                    return I32;
                case 0x7E:
                    return I64;
                case 0x7D:
                    return F32;
                case 0x7C:
                    return F64;
                default:
                    break;
            }
        }
        return new ValType(encoding.clone());
    }

    byte[] encoding() {
        return encoding.clone();
    }

    /**
     * Whether values of this type can be kept in a mutable global, which is how outlined code hands
     * values back: numbers, and the nullable function and extern references. Vectors and other
     * references make a function unsplittable.
     */
    boolean transferable() {
        if (encoding.length == 1) {
            int b = encoding[0] & 0xFF;
            return b == 0x7F || b == 0x7E || b == 0x7D || b == 0x7C || b == 0x70 || b == 0x6F;
        }
        // (ref null func) and (ref null extern) spelled out
        return encoding.length == 2
                && (encoding[0] & 0xFF) == 0x63
                && ((encoding[1] & 0xFF) == 0x70 || (encoding[1] & 0xFF) == 0x6F);
    }

    /** The constant expression (without its {@code end}) of a global's zero value. */
    byte[] zero() {
        if (this == I32) return new byte[] {0x41, 0x00};
        if (this == I64) return new byte[] {0x42, 0x00};
        if (this == F32) return new byte[] {0x43, 0, 0, 0, 0};
        if (this == F64) return new byte[] {0x44, 0, 0, 0, 0, 0, 0, 0, 0};
        // ref.null with the heap type: the type's last byte is its abstract heap type
        return new byte[] {(byte) 0xD0, encoding[encoding.length - 1]};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValType t && Arrays.equals(encoding, t.encoding);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoding);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (byte b : encoding) s.append(String.format("%02x", b & 0xFF));
        return s.toString();
    }
}
