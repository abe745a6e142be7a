package dev.wit4j.runtime.abi;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code lift_flat}: builds values from flat core values (CanonicalABI.md "Flat Lifting"). */
final class FlatLifter {

    private FlatLifter() {}

    static Value liftFlat(LiftLowerContext cx, FlatCursor vi, ValueType declared) {
        ValueType t = Layout.resolve(declared);
        if (t instanceof Primitive p) {
            switch (p) {
                case BOOL:
                    return Value.bool(vi.nextI32() != 0);
                // lift_flat_unsigned / lift_flat_signed: the value is taken modulo 2^width, i.e.
                // unused high bits of the i32 are ignored; keeping the low bits is exactly that.
                case U8:
                    return Scalars.u8((byte) vi.nextI32());
                case S8:
                    return Scalars.s8((byte) vi.nextI32());
                case U16:
                    return new Value.U16((short) vi.nextI32());
                case S16:
                    return new Value.S16((short) vi.nextI32());
                case U32:
                    return new Value.U32(vi.nextI32());
                case S32:
                    return new Value.S32(vi.nextI32());
                case U64:
                    return new Value.U64(vi.next());
                case S64:
                    return new Value.S64(vi.next());
                case F32:
                    return Value.f32(Scalars.decodeI32AsFloat(vi.nextI32()));
                case F64:
                    return Value.f64(Scalars.decodeI64AsFloat(vi.next()));
                case CHAR:
                    return Scalars.convertI32ToChar(vi.nextI32());
                case STRING: {
                    long ptr = Integer.toUnsignedLong(vi.nextI32());
                    long packedLength = Integer.toUnsignedLong(vi.nextI32());
                    return cx.lifted(StringCodec.loadFromRange(cx, ptr, packedLength));
                }
                case ERROR_CONTEXT:
                    return new Value.ErrorContextValue(cx.handles().errorContext(vi.nextI32()));
                default:
                    throw Unsupported.type(p);
            }
        } else if (t instanceof ListType l) {
            return Value.list(liftFlatList(cx, vi, l.element()));
        } else if (t instanceof MapType m) {
            return Lists.toMap(liftFlatList(cx, vi, Layout.mapEntryType(m)));
        } else if (t instanceof FixedListType f) {
            List<Value> a = new ArrayList<>();
            for (long i = 0; i < f.length(); i++) {
                a.add(liftFlat(cx, vi, f.element()));
            }
            return Value.fixedList(a);
        } else if (t instanceof RecordType r) {
            Map<String, Value> fields = new LinkedHashMap<>();
            for (ValueType.Field f : r.fields()) {
                fields.put(f.name(), liftFlat(cx, vi, f.type()));
            }
            return new Value.RecordValue(fields);
        } else if (t instanceof TupleType tt) {
            List<Value> elements = new ArrayList<>(tt.types().size());
            for (ValueType et : tt.types()) {
                elements.add(liftFlat(cx, vi, et));
            }
            return new Value.TupleValue(elements);
        } else if (Layout.isVariantLike(t)) {
            return liftFlatVariant(cx, vi, t);
        } else if (t instanceof FlagsType f) {
            return Flags.unpack(Integer.toUnsignedLong(vi.nextI32()), f);
        } else if (t instanceof HandleType h) {
            return Handles.lift(cx, vi.nextI32(), h);
        } else if (t instanceof StreamType || t instanceof FutureType) {
            return Waitables.value(Waitables.lift(cx.handles(), vi.nextI32(), t));
        }
        throw Unsupported.type(t);
    }

    private static List<Value> liftFlatList(LiftLowerContext cx, FlatCursor vi, ValueType elem) {
        long ptr = Integer.toUnsignedLong(vi.nextI32());
        long length = Integer.toUnsignedLong(vi.nextI32());
        return Loader.loadListFromRange(cx, ptr, length, elem);
    }

    /**
     * {@code lift_flat_variant}: reads the discriminant (trapping if it is out of range), lifts the
     * case payload and skips the remaining payload slots of the joined flattening.
     *
     * <p>The spec's {@code CoerceValueIter} bit-casts each joined slot back to the type the case
     * wants. With the {@code long} encoding of {@link FlatType} that is the identity: an {@code i32}
     * or {@code f32} is read from the low 32 bits, which is {@code wrap_i64_to_i32} of an
     * {@code i64} slot, and floats are taken from their bits ({@code decode_i32_as_float}).
     */
    private static Value liftFlatVariant(LiftLowerContext cx, FlatCursor vi, ValueType t) {
        List<Optional<ValueType>> cases = Layout.casePayloads(t);
        int slots = Layout.flattenVariant(cases).size() - 1;
        int index = Cases.checkDiscriminant(Integer.toUnsignedLong(vi.nextI32()), cases.size());
        int start = vi.position();
        Optional<ValueType> payloadType = cases.get(index);
        Optional<Value> payload = payloadType.map(pt -> liftFlat(cx, vi, pt));
        vi.skip(slots - (vi.position() - start));
        return Cases.make(t, index, payload);
    }
}
