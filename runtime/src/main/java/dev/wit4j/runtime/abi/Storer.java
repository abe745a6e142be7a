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
import java.util.List;
import java.util.Optional;

/**
 * {@code store}: writes values into linear memory (CanonicalABI.md "Storing"). Values have been
 * type-checked; callers have checked that {@code ptr} is aligned and the value fits.
 */
final class Storer {

    private Storer() {}

    static void store(LiftLowerContext cx, Value v, ValueType declared, long ptr) {
        ValueType t = Layout.resolve(declared);
        GuestMemory mem = cx.memory();
        if (t instanceof Primitive p) {
            switch (p) {
                case BOOL:
                    mem.writeByte(ptr, (byte) (((Value.Bool) v).value() ? 1 : 0));
                    return;
                case U8:
                    mem.writeByte(ptr, ((Value.U8) v).value());
                    return;
                case S8:
                    mem.writeByte(ptr, ((Value.S8) v).value());
                    return;
                case U16:
                    mem.writeShort(ptr, ((Value.U16) v).value());
                    return;
                case S16:
                    mem.writeShort(ptr, ((Value.S16) v).value());
                    return;
                case U32:
                    mem.writeInt(ptr, ((Value.U32) v).value());
                    return;
                case S32:
                    mem.writeInt(ptr, ((Value.S32) v).value());
                    return;
                case U64:
                    mem.writeLong(ptr, ((Value.U64) v).value());
                    return;
                case S64:
                    mem.writeLong(ptr, ((Value.S64) v).value());
                    return;
                case F32:
                    mem.writeInt(ptr, Scalars.encodeFloatAsI32(((Value.F32) v).value()));
                    return;
                case F64:
                    mem.writeLong(ptr, Scalars.encodeFloatAsI64(((Value.F64) v).value()));
                    return;
                case CHAR:
                    mem.writeInt(ptr, ((Value.Char) v).codePoint());
                    return;
                case STRING:
                    StringCodec.storeValue(cx, v, ptr);
                    return;
                case ERROR_CONTEXT:
                    mem.writeInt(ptr, cx.lowerErrorContext(v));
                    return;
                default:
                    throw Unsupported.type(p);
            }
        } else if (t instanceof ListType l) {
            storeList(cx, ((Value.ListValue) v).elements(), l.element(), ptr);
        } else if (t instanceof MapType m) {
            storeList(cx, Lists.fromMap((Value.MapValue) v), Layout.mapEntryType(m), ptr);
        } else if (t instanceof FixedListType f) {
            storeListIntoValidRange(cx, ((Value.FixedList) v).elements(), f.element(), ptr);
        } else if (t instanceof RecordType r) {
            Value.RecordValue rv = (Value.RecordValue) v;
            for (ValueType.Field f : r.fields()) {
                ptr = Layout.alignTo(ptr, Layout.alignment(f.type()));
                store(cx, rv.fields().get(f.name()), f.type(), ptr);
                ptr += Layout.elemSize(f.type());
            }
        } else if (t instanceof TupleType tt) {
            List<Value> elements = ((Value.TupleValue) v).elements();
            for (int i = 0; i < tt.types().size(); i++) {
                ValueType ft = tt.types().get(i);
                ptr = Layout.alignTo(ptr, Layout.alignment(ft));
                store(cx, elements.get(i), ft, ptr);
                ptr += Layout.elemSize(ft);
            }
        } else if (Layout.isVariantLike(t)) {
            storeVariant(cx, v, t, ptr);
        } else if (t instanceof FlagsType f) {
            int bits = Flags.pack((Value.FlagsValue) v, f);
            int size = Layout.flagsSize(f.flags().size());
            if (size == 1) {
                mem.writeByte(ptr, (byte) bits);
            } else if (size == 2) {
                mem.writeShort(ptr, (short) bits);
            } else {
                mem.writeInt(ptr, bits);
            }
        } else if (t instanceof HandleType h) {
            mem.writeInt(ptr, Handles.lower(cx, v, h));
        } else if (t instanceof StreamType || t instanceof FutureType) {
            mem.writeInt(ptr, Waitables.lower(cx.handles(), v, t));
        } else {
            throw Unsupported.type(t);
        }
    }

    /**
     * The hint to store a string with: its source hint when it was lifted from another component in
     * the same call, else the host hint that gives one exact allocation.
     */
    static HintedString hinted(LiftLowerContext cx, Value v) {
        return cx.hintFor(v);
    }

    /** {@code store_list} for variable-length lists: allocate, store, write pointer and length. */
    private static void storeList(LiftLowerContext cx, List<Value> elements, ValueType elem, long ptr) {
        long begin = storeListIntoRange(cx, elements, elem);
        cx.memory().writeInt(ptr, (int) begin);
        cx.memory().writeInt(ptr + 4, elements.size());
    }

    /**
     * {@code store_list_into_range}: allocates {@code len * elem_size} bytes aligned for the element
     * type, traps if realloc returned a misaligned or out-of-bounds pointer, stores the elements and
     * returns the pointer.
     */
    static long storeListIntoRange(LiftLowerContext cx, List<Value> elements, ValueType elem) {
        long byteLength = elements.size() * Layout.elemSize(elem);
        if (byteLength > Layout.REALLOC_I32_MAX) {
            // "Storing a list that exceeds the size of a 32-bit memory traps" (CanonicalABI.md "Storing").
            throw new Trap(Trap.Reason.LIST_TOO_LONG, byteLength + " bytes do not fit a 32-bit memory");
        }
        int alignment = Layout.alignment(elem);
        long ptr = cx.allocate(alignment, byteLength);
        Bounds.checkAligned(ptr, alignment);
        Bounds.checkInBounds(cx.memory(), ptr, byteLength);
        storeListIntoValidRange(cx, elements, elem, ptr);
        return ptr;
    }

    /** {@code store_list_into_valid_range}; primitive elements are written in one bulk copy. */
    private static void storeListIntoValidRange(LiftLowerContext cx, List<Value> elements, ValueType elem, long ptr) {
        ValueType t = Layout.resolve(elem);
        if (t instanceof Primitive p && Lists.isBulk(p)) {
            byte[] bytes = Lists.encodePrimitives(elements, p, (int) Layout.elemSize(p));
            cx.memory().writeBytes(ptr, bytes, 0, bytes.length);
            return;
        }
        long size = Layout.elemSize(elem);
        for (int i = 0; i < elements.size(); i++) {
            store(cx, elements.get(i), elem, ptr + i * size);
        }
    }

    /** {@code store_variant}: the discriminant, then the payload at the aligned payload offset. */
    private static void storeVariant(LiftLowerContext cx, Value v, ValueType t, long ptr) {
        List<Optional<ValueType>> cases = Layout.casePayloads(t);
        Cases.Selected sel = Cases.match(t, v);
        int discSize = Layout.discriminantSize(cases.size());
        GuestMemory mem = cx.memory();
        if (discSize == 1) {
            mem.writeByte(ptr, (byte) sel.index());
        } else if (discSize == 2) {
            mem.writeShort(ptr, (short) sel.index());
        } else {
            mem.writeInt(ptr, sel.index());
        }
        long payloadPtr = Layout.alignTo(ptr + discSize, Layout.maxCaseAlignment(cases));
        Optional<ValueType> payloadType = cases.get(sel.index());
        if (payloadType.isPresent()) {
            store(cx, sel.payload().orElseThrow(), payloadType.get(), payloadPtr);
        }
    }
}
