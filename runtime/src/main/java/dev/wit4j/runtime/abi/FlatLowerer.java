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
import java.util.List;
import java.util.Optional;

/** {@code lower_flat}: turns values into flat core values (CanonicalABI.md "Flat Lowering"). */
final class FlatLowerer {

    private FlatLowerer() {}

    static void lowerFlat(LiftLowerContext cx, Value v, ValueType declared, FlatWriter out) {
        ValueType t = Layout.resolve(declared);
        if (t instanceof Primitive p) {
            switch (p) {
                case BOOL:
                    out.addI32(((Value.Bool) v).value() ? 1 : 0);
                    return;
                case U8:
                    out.addI32(((Value.U8) v).unsignedValue());
                    return;
                case S8:
                    out.addI32(((Value.S8) v).value()); // lower_flat_signed: two's complement in 32 bits
                    return;
                case U16:
                    out.addI32(((Value.U16) v).unsignedValue());
                    return;
                case S16:
                    out.addI32(((Value.S16) v).value());
                    return;
                case U32:
                    out.addI32(((Value.U32) v).value());
                    return;
                case S32:
                    out.addI32(((Value.S32) v).value());
                    return;
                case U64:
                    out.add(((Value.U64) v).value());
                    return;
                case S64:
                    out.add(((Value.S64) v).value());
                    return;
                case F32:
                    out.addI32(Scalars.encodeFloatAsI32(((Value.F32) v).value()));
                    return;
                case F64:
                    out.add(Scalars.encodeFloatAsI64(((Value.F64) v).value()));
                    return;
                case CHAR:
                    out.addI32(((Value.Char) v).codePoint());
                    return;
                case STRING: {
                    StringCodec.Stored s = StringCodec.storeValue(cx, v);
                    out.addI32((int) s.pointer());
                    out.addI32((int) s.taggedCodeUnits());
                    return;
                }
                case ERROR_CONTEXT:
                    out.addI32(cx.lowerErrorContext(v));
                    return;
                default:
                    throw Unsupported.type(p);
            }
        } else if (t instanceof ListType l) {
            List<Value> elements = ((Value.ListValue) v).elements();
            out.addI32((int) Storer.storeListIntoRange(cx, elements, l.element()));
            out.addI32(elements.size());
        } else if (t instanceof MapType m) {
            List<Value> elements = Lists.fromMap((Value.MapValue) v);
            out.addI32((int) Storer.storeListIntoRange(cx, elements, Layout.mapEntryType(m)));
            out.addI32(elements.size());
        } else if (t instanceof FixedListType f) {
            for (Value e : ((Value.FixedList) v).elements()) {
                lowerFlat(cx, e, f.element(), out);
            }
        } else if (t instanceof RecordType r) {
            Value.RecordValue rv = (Value.RecordValue) v;
            for (ValueType.Field f : r.fields()) {
                lowerFlat(cx, rv.fields().get(f.name()), f.type(), out);
            }
        } else if (t instanceof TupleType tt) {
            List<Value> elements = ((Value.TupleValue) v).elements();
            for (int i = 0; i < tt.types().size(); i++) {
                lowerFlat(cx, elements.get(i), tt.types().get(i), out);
            }
        } else if (Layout.isVariantLike(t)) {
            lowerFlatVariant(cx, v, t, out);
        } else if (t instanceof FlagsType f) {
            out.addI32(Flags.pack((Value.FlagsValue) v, f));
        } else if (t instanceof HandleType h) {
            out.addI32(Handles.lower(cx, v, h));
        } else if (t instanceof StreamType || t instanceof FutureType) {
            out.addI32(Waitables.lower(cx.handles(), v, t));
        } else {
            throw Unsupported.type(t);
        }
    }

    /**
     * {@code lower_flat_variant}: the case index, the payload, then zeros for the remaining slots
     * of the joined flattening. The spec's coercions into joined slots (f32→i32, i32→i64, f32→i64,
     * f64→i64) keep the bits; since {@link FlatWriter} writes 32-bit values zero-extended they need
     * no code here.
     */
    private static void lowerFlatVariant(LiftLowerContext cx, Value v, ValueType t, FlatWriter out) {
        List<Optional<ValueType>> cases = Layout.casePayloads(t);
        int slots = Layout.flattenVariant(cases).size() - 1;
        Cases.Selected sel = Cases.match(t, v);
        out.addI32(sel.index());
        int start = out.size();
        Optional<ValueType> payloadType = cases.get(sel.index());
        if (payloadType.isPresent()) {
            lowerFlat(cx, sel.payload().orElseThrow(), payloadType.get(), out);
        }
        for (int i = out.size() - start; i < slots; i++) {
            out.add(0);
        }
    }
}
