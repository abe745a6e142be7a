package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Lifting and lowering of dynamic {@link Value}s in the canonical ABI (CanonicalABI.md "Loading",
 * "Storing", "Flat Lifting", "Flat Lowering", "Lifting and Lowering Values"), for synchronous
 * functions over 32-bit memories.
 *
 * <p>Lifting reads what a component produced and traps ({@link Trap}) on everything the spec traps
 * on. Lowering first checks that the value has the type ({@link Value#typeCheck}, throwing
 * {@code ValueTypeMismatchException}); traps during lowering come from what {@code realloc}
 * returned or from the handle table.
 *
 * <p>Flat values are {@code long}s as described in {@link FlatType}. Floats lose their NaN payload
 * on lifting, and are lowered with the canonical NaN (the spec's deterministic profile).
 */
public final class CanonicalAbi {

    private CanonicalAbi() {}

    /**
     * {@code load}: the value of type {@code type} at {@code ptr}. Traps if {@code ptr} is not
     * aligned for the type or the value does not lie within memory.
     */
    public static Value load(LiftLowerContext cx, long ptr, ValueType type) {
        Bounds.checkRange(cx.memory(), ptr, Layout.elemSize(type), Layout.alignment(type));
        return Loader.load(cx, ptr, type);
    }

    /**
     * {@code store}: writes {@code value} of type {@code type} at {@code ptr}, allocating strings
     * and lists with realloc. Traps if {@code ptr} is not aligned for the type or the value does not
     * fit in memory.
     */
    public static void store(LiftLowerContext cx, Value value, ValueType type, long ptr) {
        value.typeCheck(type);
        Bounds.checkRange(cx.memory(), ptr, Layout.elemSize(type), Layout.alignment(type));
        Storer.store(cx, value, type, ptr);
    }

    /** {@code lift_flat}: one value of type {@code type} from the next flat values of {@code in}. */
    public static Value liftFlat(LiftLowerContext cx, FlatCursor in, ValueType type) {
        return FlatLifter.liftFlat(cx, in, type);
    }

    /** {@code lower_flat}: the flat values of {@code value} of type {@code type}. */
    public static long[] lowerFlat(LiftLowerContext cx, Value value, ValueType type) {
        value.typeCheck(type);
        FlatWriter out = new FlatWriter();
        FlatLowerer.lowerFlat(cx, value, type, out);
        return out.toArray();
    }

    /**
     * {@code lift_flat_values}: lifts values of {@code types} from {@code in}. If they flatten to
     * more than {@code maxFlat} values, {@code in} holds a single pointer to them as a tuple in
     * memory, which must be aligned and in bounds.
     *
     * @param maxFlat {@link Layout#MAX_FLAT_PARAMS} or {@link Layout#MAX_FLAT_RESULTS}
     */
    public static List<Value> liftFlatValues(LiftLowerContext cx, int maxFlat, FlatCursor in, List<ValueType> types) {
        if (Layout.flatCount(types) > maxFlat) {
            long ptr = Integer.toUnsignedLong(in.nextI32());
            ValueType tuple = new ValueType.TupleType(types);
            Bounds.checkRange(cx.memory(), ptr, Layout.elemSize(tuple), Layout.alignment(tuple));
            return ((Value.TupleValue) Loader.load(cx, ptr, tuple)).elements();
        }
        List<Value> out = new ArrayList<>(types.size());
        for (ValueType t : types) {
            out.add(FlatLifter.liftFlat(cx, in, t));
        }
        return out;
    }

    /**
     * {@link #liftFlatValues(LiftLowerContext, int, FlatCursor, List)} over exactly the values
     * {@code flat}; throws {@link IllegalArgumentException} if some are left over.
     */
    public static List<Value> liftFlatValues(LiftLowerContext cx, int maxFlat, long[] flat, List<ValueType> types) {
        FlatCursor in = new FlatCursor(flat);
        List<Value> values = liftFlatValues(cx, maxFlat, in, types);
        if (!in.done()) {
            throw new IllegalArgumentException("too many flat values: used " + in.position() + " of " + flat.length);
        }
        return values;
    }

    /**
     * {@code lower_flat_values} without out-parameter: the flat values of {@code values}; if they
     * are more than {@code maxFlat}, the values are stored as a tuple in memory allocated with
     * realloc and the result is the single pointer to it.
     */
    public static long[] lowerFlatValues(LiftLowerContext cx, int maxFlat, List<Value> values, List<ValueType> types) {
        return lowerFlatValues(cx, maxFlat, values, types, null);
    }

    /**
     * {@code lower_flat_values} with out-parameter, as {@code canon lower} uses it for results: if
     * the values flatten to more than {@code maxFlat}, the pointer to store them at is read from
     * {@code outParam} (the caller's remaining flat arguments) and the result is empty. With a null
     * {@code outParam} memory is allocated instead.
     */
    public static long[] lowerFlatValues(
            LiftLowerContext cx, int maxFlat, List<Value> values, List<ValueType> types, FlatCursor outParam) {
        if (values.size() != types.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + types.size() + " types");
        }
        for (int i = 0; i < values.size(); i++) {
            values.get(i).typeCheck(types.get(i));
        }
        if (Layout.flatCount(types) > maxFlat) {
            ValueType tuple = new ValueType.TupleType(types);
            long size = Layout.elemSize(tuple);
            int alignment = Layout.alignment(tuple);
            long ptr;
            long[] flat;
            if (outParam == null) {
                ptr = cx.allocate(alignment, size);
                flat = new long[] {ptr};
            } else {
                ptr = Integer.toUnsignedLong(outParam.nextI32());
                flat = new long[0];
            }
            Bounds.checkRange(cx.memory(), ptr, size, alignment);
            Storer.store(cx, new Value.TupleValue(values), tuple, ptr);
            return flat;
        }
        FlatWriter out = new FlatWriter();
        for (int i = 0; i < values.size(); i++) {
            FlatLowerer.lowerFlat(cx, values.get(i), types.get(i), out);
        }
        return out.toArray();
    }
}
