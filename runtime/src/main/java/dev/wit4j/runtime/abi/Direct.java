package dev.wit4j.runtime.abi;

import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.ValueType.Primitive;

/**
 * Primitives for component-to-component calls that pass values memory to memory without building
 * {@code Value} trees: scalars go flat to flat ({@code lift_flat} then {@code lower_flat} fused, with
 * the same truncation, NaN canonicalisation and {@code char} traps), strings as a
 * {@link HintedString} loaded from one memory and stored into the other with the spec's
 * transcoding and realloc sequence.
 */
public final class Direct {

    private Direct() {
    }

    /**
     * The primitive {@code type} resolves to if it is one these primitives handle (every scalar and
     * {@code string}), else null.
     */
    public static Primitive directPrimitive(ValueType type) {
        ValueType t = Layout.resolve(type);
        if (t instanceof Primitive p) {
            switch (p) {
                case BOOL: case S8: case U8: case S16: case U16: case S32: case U32: case S64: case U64:
                case F32: case F64: case CHAR: case STRING:
                    return p;
                default:
                    return null;
            }
        }
        return null;
    }

    /** {@code lower_flat(lift_flat(v))} for a scalar: the flat value as the other side receives it. */
    public static long scalar(Primitive p, long v) {
        int i = (int) v;
        switch (p) {
            case BOOL:
                return i != 0 ? 1 : 0;
            case U8:
                return i & 0xFF;
            case S8:
                return Integer.toUnsignedLong((byte) i);
            case U16:
                return i & 0xFFFF;
            case S16:
                return Integer.toUnsignedLong((short) i);
            case U32:
            case S32:
                return Integer.toUnsignedLong(i);
            case U64:
            case S64:
                return v;
            case F32:
                return Integer.toUnsignedLong(Scalars.encodeFloatAsI32(Scalars.decodeI32AsFloat(i)));
            case F64:
                return Scalars.encodeFloatAsI64(Scalars.decodeI64AsFloat(v));
            case CHAR:
                return Integer.toUnsignedLong(Scalars.convertI32ToChar(i).codePoint());
            default:
                throw Unsupported.type(p);
        }
    }

    /** {@code load_string_from_range} from a string's two flat values. */
    public static HintedString liftString(LiftLowerContext cx, long ptr, long taggedCodeUnits) {
        return StringCodec.loadFromRange(cx, ptr & 0xFFFF_FFFFL, taggedCodeUnits & 0xFFFF_FFFFL);
    }

    /** {@code load_string} at {@code ptr}, which must be 4-aligned with 8 bytes in bounds. */
    public static HintedString loadString(LiftLowerContext cx, long ptr) {
        Bounds.checkRange(cx.memory(), ptr, 8, 4);
        return StringCodec.load(cx, ptr);
    }

    /**
     * {@code store_string_into_range} with the hint; writes the pointer and tagged length to
     * {@code out[at]} and {@code out[at + 1]}.
     */
    public static void lowerString(LiftLowerContext cx, HintedString s, long[] out, int at) {
        StringCodec.Stored st = StringCodec.storeIntoRange(cx, s);
        out[at] = st.pointer();
        out[at + 1] = st.taggedCodeUnits();
    }

    /**
     * Lowers a string result through the out-parameter {@code ptr}: checks it (4-aligned, 8 bytes
     * in bounds), stores the string, then writes its pointer and tagged length there.
     */
    public static void storeStringAt(LiftLowerContext cx, HintedString s, long ptr) {
        Bounds.checkRange(cx.memory(), ptr, 8, 4);
        StringCodec.store(cx, s, ptr);
    }
}
