package dev.wit4j.runtime.internal.engine.validation;

/**
 * The value types this validator knows, each as its one-byte binary encoding: the four numbers and
 * the two nullable references of reference types. Anything else (vectors, typed and GC
 * references) is left to the core engine.
 */
final class ValueTypes {

    /** The type of an operand whose type unreachable code leaves open (the spec's Unknown). */
    static final int UNKNOWN = 0;

    static final int I32 = 0x7F;
    static final int I64 = 0x7E;
    static final int F32 = 0x7D;
    static final int F64 = 0x7C;
    static final int FUNCREF = 0x70;
    static final int EXTERNREF = 0x6F;

    private ValueTypes() {}

    /** Reads a value type. */
    static int read(Reader r) {
        int start = r.pos;
        int b = r.u8();
        switch (b) {
            case I32, I64, F32, F64, FUNCREF, EXTERNREF:
                return b;
            case 0x63: { // (ref null ht): the nullable abstract ones are funcref and externref
                int h = r.peek();
                if (h == FUNCREF || h == EXTERNREF) {
                    r.u8();
                    return h;
                }
                throw CodeError.unsupported("reference type at byte " + start);
            }
            default:
                throw CodeError.unsupported("value type 0x" + Integer.toHexString(b));
        }
    }

    /** Reads the heap type of {@code ref.null}: the reference type it makes. */
    static int heapType(Reader r) {
        int h = r.u8();
        if (h == FUNCREF || h == EXTERNREF) return h;
        throw CodeError.unsupported("heap type 0x" + Integer.toHexString(h));
    }

    static boolean isNumber(int type) {
        return type == I32 || type == I64 || type == F32 || type == F64;
    }

    static boolean isReference(int type) {
        return type == FUNCREF || type == EXTERNREF;
    }

    static String name(int type) {
        return switch (type) {
            case I32 -> "i32";
            case I64 -> "i64";
            case F32 -> "f32";
            case F64 -> "f64";
            case FUNCREF -> "funcref";
            case EXTERNREF -> "externref";
            default -> "unknown";
        };
    }
}
