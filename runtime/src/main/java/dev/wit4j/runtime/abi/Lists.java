package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType.Primitive;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Bulk conversion of primitive list elements, and the map-as-list view. */
final class Lists {

    private Lists() {}

    /** Whether lists of {@code p} are copied as one block of bytes. */
    static boolean isBulk(Primitive p) {
        return p != Primitive.STRING && p != Primitive.ERROR_CONTEXT;
    }

    /** Decodes {@code n} elements of type {@code p} (little-endian) with the lifting rules of load. */
    static List<Value> decodePrimitives(ByteBuffer b, int n, Primitive p) {
        List<Value> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(decodeOne(b, p));
        }
        return out;
    }

    private static Value decodeOne(ByteBuffer b, Primitive p) {
        switch (p) {
            case BOOL:
                return Value.bool(b.get() != 0);
            case U8:
                return Scalars.u8(b.get());
            case S8:
                return Scalars.s8(b.get());
            case U16:
                return new Value.U16(b.getShort());
            case S16:
                return new Value.S16(b.getShort());
            case U32:
                return new Value.U32(b.getInt());
            case S32:
                return new Value.S32(b.getInt());
            case U64:
                return new Value.U64(b.getLong());
            case S64:
                return new Value.S64(b.getLong());
            case F32:
                return Value.f32(Scalars.decodeI32AsFloat(b.getInt()));
            case F64:
                return Value.f64(Scalars.decodeI64AsFloat(b.getLong()));
            case CHAR:
                return Scalars.convertI32ToChar(b.getInt());
            default:
                throw new IllegalArgumentException(p.toString());
        }
    }

    /** Encodes primitive elements (little-endian) with the lowering rules of store. */
    static byte[] encodePrimitives(List<Value> elements, Primitive p, int elemSize) {
        ByteBuffer b = ByteBuffer.allocate(elements.size() * elemSize).order(ByteOrder.LITTLE_ENDIAN);
        for (Value v : elements) {
            switch (p) {
                case BOOL:
                    b.put((byte) (((Value.Bool) v).value() ? 1 : 0));
                    break;
                case U8:
                    b.put(((Value.U8) v).value());
                    break;
                case S8:
                    b.put(((Value.S8) v).value());
                    break;
                case U16:
                    b.putShort(((Value.U16) v).value());
                    break;
                case S16:
                    b.putShort(((Value.S16) v).value());
                    break;
                case U32:
                    b.putInt(((Value.U32) v).value());
                    break;
                case S32:
                    b.putInt(((Value.S32) v).value());
                    break;
                case U64:
                    b.putLong(((Value.U64) v).value());
                    break;
                case S64:
                    b.putLong(((Value.S64) v).value());
                    break;
                case F32:
                    b.putInt(Scalars.encodeFloatAsI32(((Value.F32) v).value()));
                    break;
                case F64:
                    b.putLong(Scalars.encodeFloatAsI64(((Value.F64) v).value()));
                    break;
                case CHAR:
                    b.putInt(((Value.Char) v).codePoint());
                    break;
                default:
                    throw new IllegalArgumentException(p.toString());
            }
        }
        return b.array();
    }

    /** A map from the list of {@code tuple<K, V>} it is laid out as. */
    static Value.MapValue toMap(List<Value> tuples) {
        List<Value.MapValue.Entry> entries = new ArrayList<>(tuples.size());
        for (Value t : tuples) {
            List<Value> kv = ((Value.TupleValue) t).elements();
            entries.add(new Value.MapValue.Entry(kv.get(0), kv.get(1)));
        }
        return new Value.MapValue(entries);
    }

    /** The list of {@code tuple<K, V>} a map is laid out as. */
    static List<Value> fromMap(Value.MapValue m) {
        List<Value> out = new ArrayList<>(m.entries().size());
        for (Value.MapValue.Entry e : m.entries()) {
            out.add(Value.tuple(e.key(), e.value()));
        }
        return out;
    }
}
