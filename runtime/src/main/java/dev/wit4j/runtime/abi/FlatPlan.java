package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lift_flat_values} / {@code lower_flat_values} for one fixed list of types, with everything
 * that does not depend on the values worked out once (flat count, whether the values go through
 * memory, the tuple's size and alignment: its {@link Measure}). Built per function at
 * instantiation, from a measure worked out once per component; immutable and thread-safe.
 * Lowering does not type-check: callers check the values once, before the call.
 */
public final class FlatPlan {

    private final ValueType[] types;
    private final int flatCount;
    private final boolean inMemory;
    private final ValueType tuple;
    private final long tupleSize;
    private final int tupleAlignment;

    /**
     * A plan for {@code types} measured already ({@link #measure}): every instance of a component
     * has its own types (its own resources) of the same layout, measured once for all of them.
     */
    public FlatPlan(List<ValueType> types, Measure measure) {
        this.types = types.toArray(new ValueType[0]);
        this.flatCount = measure.flatCount();
        this.inMemory = measure.inMemory();
        this.tuple = inMemory ? new ValueType.TupleType(List.copyOf(types)) : null;
        this.tupleSize = measure.tupleSize();
        this.tupleAlignment = measure.tupleAlignment();
    }

    /**
     * What a plan's layout comes to, which depends on the types' structure alone: how many flat
     * values they are, whether they go through memory (more than {@code maxFlat}), and then the
     * size and alignment of their tuple there.
     */
    public record Measure(int flatCount, boolean inMemory, long tupleSize, int tupleAlignment) {}

    /**
     * The {@link Measure} of {@code types} passed with at most {@code maxFlat} flat values
     * ({@link Layout#MAX_FLAT_PARAMS} or {@link Layout#MAX_FLAT_RESULTS}).
     */
    public static Measure measure(List<ValueType> types, int maxFlat) {
        int flatCount = Layout.flatCount(types);
        if (flatCount <= maxFlat) {
            return new Measure(flatCount, false, 0, 1);
        }
        ValueType tuple = new ValueType.TupleType(List.copyOf(types));
        return new Measure(flatCount, true, Layout.elemSize(tuple), Layout.alignment(tuple));
    }

    /** The number of types. */
    public int size() {
        return types.length;
    }

    /** Whether the values are passed through memory (as one pointer). */
    public boolean inMemory() {
        return inMemory;
    }

    /**
     * Checks {@code values} against the types ({@link Value#typeCheck}), as
     * {@link CanonicalAbi#lowerFlatValues} does before lowering.
     */
    public void typeCheck(List<Value> values) {
        if (values.size() != types.length) {
            throw new IllegalArgumentException(values.size() + " values for " + types.length + " types");
        }
        for (int i = 0; i < types.length; i++) {
            values.get(i).typeCheck(types[i]);
        }
    }

    /** {@code lift_flat_values} from {@code in}; see {@link CanonicalAbi#liftFlatValues}. */
    public List<Value> lift(LiftLowerContext cx, FlatCursor in) {
        if (inMemory) {
            long ptr = Integer.toUnsignedLong(in.nextI32());
            Bounds.checkRange(cx.memory(), ptr, tupleSize, tupleAlignment);
            return ((Value.TupleValue) Loader.load(cx, ptr, tuple)).elements();
        }
        List<Value> out = new ArrayList<>(types.length);
        for (ValueType t : types) {
            out.add(FlatLifter.liftFlat(cx, in, t));
        }
        return out;
    }

    /**
     * Lifts a single value (the plan has exactly one type) from exactly the values {@code flat};
     * throws {@link IllegalArgumentException} if some are left over.
     */
    public Value liftOne(LiftLowerContext cx, long[] flat) {
        FlatCursor in = new FlatCursor(flat);
        Value v;
        if (inMemory) {
            long ptr = Integer.toUnsignedLong(in.nextI32());
            ValueType t = types[0];
            Bounds.checkRange(cx.memory(), ptr, tupleSize, tupleAlignment);
            v = Loader.load(cx, ptr, t);
        } else {
            v = FlatLifter.liftFlat(cx, in, types[0]);
        }
        if (!in.done()) {
            throw new IllegalArgumentException("too many flat values: used " + in.position() + " of " + flat.length);
        }
        return v;
    }

    /**
     * {@code lower_flat_values} of values that already have the types. With a null
     * {@code outParam} values that go through memory are stored in memory allocated with realloc.
     */
    public long[] lower(LiftLowerContext cx, List<Value> values, FlatCursor outParam) {
        if (values.size() != types.length) {
            throw new IllegalArgumentException(values.size() + " values for " + types.length + " types");
        }
        if (inMemory) {
            return lowerIntoMemory(cx, new Value.TupleValue(values), tuple, outParam);
        }
        FlatWriter out = new FlatWriter(flatCount);
        for (int i = 0; i < types.length; i++) {
            FlatLowerer.lowerFlat(cx, values.get(i), types[i], out);
        }
        return out.toArray();
    }

    /** {@link #lower} of the single value of a one-type plan. */
    public long[] lowerOne(LiftLowerContext cx, Value value, FlatCursor outParam) {
        if (types.length != 1) {
            throw new IllegalArgumentException("1 value for " + types.length + " types");
        }
        if (inMemory) {
            return lowerIntoMemory(cx, value, types[0], outParam);
        }
        FlatWriter out = new FlatWriter(flatCount);
        FlatLowerer.lowerFlat(cx, value, types[0], out);
        return out.toArray();
    }

    private long[] lowerIntoMemory(LiftLowerContext cx, Value value, ValueType type, FlatCursor outParam) {
        long ptr;
        long[] flat;
        if (outParam == null) {
            ptr = cx.allocate(tupleAlignment, tupleSize);
            flat = new long[] {ptr};
        } else {
            ptr = Integer.toUnsignedLong(outParam.nextI32());
            flat = EMPTY;
        }
        Bounds.checkRange(cx.memory(), ptr, tupleSize, tupleAlignment);
        Storer.store(cx, value, type, ptr);
        return flat;
    }

    private static final long[] EMPTY = new long[0];
}
