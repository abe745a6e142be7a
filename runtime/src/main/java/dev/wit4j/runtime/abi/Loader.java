package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.ValueType.FixedListType;
import dev.wit4j.witx.model.ValueType.FlagsType;
import dev.wit4j.witx.model.ValueType.FutureType;
import dev.wit4j.witx.model.ValueType.HandleType;
import dev.wit4j.witx.model.ValueType.ListType;
import dev.wit4j.witx.model.ValueType.MapType;
import dev.wit4j.witx.model.ValueType.Primitive;
import dev.wit4j.witx.model.ValueType.RecordType;
import dev.wit4j.witx.model.ValueType.StreamType;
import dev.wit4j.witx.model.ValueType.TupleType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code load}: reads values from linear memory (CanonicalABI.md "Loading"). Callers have checked
 * that {@code ptr} is aligned and the whole value is in bounds; nested strings and lists are
 * checked here as the spec says.
 */
final class Loader {

    private Loader() {}

    static Value load(LiftLowerContext cx, long ptr, ValueType declared) {
        ValueType t = Layout.resolve(declared);
        GuestMemory mem = cx.memory();
        if (t instanceof Primitive p) {
            switch (p) {
                case BOOL:
                    return Value.bool(mem.readByte(ptr) != 0); // convert_int_to_bool
                case U8:
                    return Scalars.u8(mem.readByte(ptr));
                case S8:
                    return Scalars.s8(mem.readByte(ptr));
                case U16:
                    return new Value.U16(mem.readShort(ptr));
                case S16:
                    return new Value.S16(mem.readShort(ptr));
                case U32:
                    return new Value.U32(mem.readInt(ptr));
                case S32:
                    return new Value.S32(mem.readInt(ptr));
                case U64:
                    return new Value.U64(mem.readLong(ptr));
                case S64:
                    return new Value.S64(mem.readLong(ptr));
                case F32:
                    return Value.f32(Scalars.decodeI32AsFloat(mem.readInt(ptr)));
                case F64:
                    return Value.f64(Scalars.decodeI64AsFloat(mem.readLong(ptr)));
                case CHAR:
                    return Scalars.convertI32ToChar(mem.readInt(ptr));
                case STRING:
                    return cx.lifted(StringCodec.load(cx, ptr));
                case ERROR_CONTEXT:
                    return new Value.ErrorContextValue(cx.handles().errorContext(mem.readInt(ptr)));
                default:
                    throw Unsupported.type(p);
            }
        } else if (t instanceof ListType l) {
            return Value.list(loadList(cx, ptr, l.element()));
        } else if (t instanceof MapType m) {
            return Lists.toMap(loadList(cx, ptr, Layout.mapEntryType(m)));
        } else if (t instanceof FixedListType f) {
            return Value.fixedList(loadListFromValidRange(cx, ptr, f.length(), f.element()));
        } else if (t instanceof RecordType r) {
            return loadRecord(cx, ptr, r);
        } else if (t instanceof TupleType tt) {
            List<Value> elements = new ArrayList<>(tt.types().size());
            for (ValueType ft : tt.types()) {
                ptr = Layout.alignTo(ptr, Layout.alignment(ft));
                elements.add(load(cx, ptr, ft));
                ptr += Layout.elemSize(ft);
            }
            return new Value.TupleValue(elements);
        } else if (Layout.isVariantLike(t)) {
            return loadVariant(cx, ptr, t);
        } else if (t instanceof FlagsType f) {
            int size = Layout.flagsSize(f.flags().size());
            long bits = size == 1 ? mem.readByte(ptr) : size == 2 ? mem.readShort(ptr) : mem.readInt(ptr);
            return Flags.unpack(bits, f);
        } else if (t instanceof HandleType h) {
            return Handles.lift(cx, mem.readInt(ptr), h);
        } else if (t instanceof StreamType || t instanceof FutureType) {
            return Waitables.value(Waitables.lift(cx.handles(), mem.readInt(ptr), t));
        }
        throw Unsupported.type(t);
    }

    /** {@code load_list}: the pointer and length at {@code ptr}, then the elements. */
    private static List<Value> loadList(LiftLowerContext cx, long ptr, ValueType elem) {
        GuestMemory mem = cx.memory();
        long begin = Integer.toUnsignedLong(mem.readInt(ptr));
        long length = Integer.toUnsignedLong(mem.readInt(ptr + 4));
        return loadListFromRange(cx, begin, length, elem);
    }

    /**
     * {@code load_list_from_range}: traps if the byte length exceeds {@code MAX_LIST_BYTE_LENGTH},
     * the pointer is misaligned for the element type, or the list is out of bounds.
     */
    static List<Value> loadListFromRange(LiftLowerContext cx, long ptr, long length, ValueType elem) {
        long byteLength = length * Layout.elemSize(elem); // < 2^32 * 2^28: no overflow
        if (byteLength > Layout.MAX_LIST_BYTE_LENGTH) {
            throw new Trap(Trap.Reason.LIST_TOO_LONG, byteLength + " bytes");
        }
        Bounds.checkAligned(ptr, Layout.alignment(elem));
        Bounds.checkInBounds(cx.memory(), ptr, byteLength);
        return loadListFromValidRange(cx, ptr, length, elem);
    }

    /** {@code load_list_from_valid_range}; primitive elements are read in one bulk copy. */
    static List<Value> loadListFromValidRange(LiftLowerContext cx, long ptr, long length, ValueType elem) {
        ValueType t = Layout.resolve(elem);
        int n = Math.toIntExact(length);
        if (t instanceof Primitive p && Lists.isBulk(p)) {
            int size = (int) Layout.elemSize(p);
            byte[] bytes = cx.memory().readBytes(ptr, n * size);
            return Lists.decodePrimitives(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), n, p);
        }
        long size = Layout.elemSize(elem);
        List<Value> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(load(cx, ptr + i * size, elem));
        }
        return out;
    }

    private static Value loadRecord(LiftLowerContext cx, long ptr, RecordType r) {
        Map<String, Value> fields = new LinkedHashMap<>();
        for (ValueType.Field f : r.fields()) {
            ptr = Layout.alignTo(ptr, Layout.alignment(f.type()));
            fields.put(f.name(), load(cx, ptr, f.type()));
            ptr += Layout.elemSize(f.type());
        }
        return new Value.RecordValue(fields);
    }

    /** {@code load_variant}: traps if the discriminant is not below the number of cases. */
    private static Value loadVariant(LiftLowerContext cx, long ptr, ValueType t) {
        List<Optional<ValueType>> cases = Layout.casePayloads(t);
        GuestMemory mem = cx.memory();
        int discSize = Layout.discriminantSize(cases.size());
        long disc = discSize == 1
                ? Byte.toUnsignedLong(mem.readByte(ptr))
                : discSize == 2 ? Short.toUnsignedLong(mem.readShort(ptr)) : Integer.toUnsignedLong(mem.readInt(ptr));
        int index = Cases.checkDiscriminant(disc, cases.size());
        long payloadPtr = Layout.alignTo(ptr + discSize, Layout.maxCaseAlignment(cases));
        Optional<ValueType> payloadType = cases.get(index);
        Optional<Value> payload = payloadType.map(pt -> load(cx, payloadPtr, pt));
        return Cases.make(t, index, payload);
    }
}
