package dev.wit4j.runtime.abi;

import dev.wit4j.witx.model.ValueType;
import java.util.List;
import java.util.Optional;

/**
 * The arguments and result of a synchronous call from one component instance into another, moved
 * memory to memory without {@code Value}s: the caller's {@code canon lower} lifts, the callee's
 * {@code canon lift} lowers (and back for the result), both described by a {@link LiftLowerContext}
 * of their own (options, handle table, borrow scope). Built once per function type; immutable and
 * thread-safe.
 *
 * <p>The steps and traps are those of CanonicalABI.md {@code canon_lower} calling
 * {@code canon_lift}: the whole argument list is lifted from the caller ({@code lift_flat_values},
 * with all its checks, and with owned handles removed from the caller's table and borrowed ones
 * lent) before anything is lowered into the callee ({@code lower_flat_values}, with the callee's
 * {@code realloc}); the result is lifted from the callee before the callee's borrows are checked
 * ({@code Task.return_}) and only then lowered into the caller, before {@code post-return}. Strings
 * are decoded once and stored with the spec's transcoding and allocation sequence for the pair of
 * encodings; lists of integers and chars are copied as one block.
 *
 * <p>The lowering pass reads scalars from the source memory again. That is sound because nothing
 * can change the source memory between the passes: the two sides are different component
 * instances with their own memories, and the only guest code that runs in between is the
 * destination's {@code realloc}, which may not call out ({@code may_leave} is cleared).
 */
public final class CallTransfer {

    private final TransferNode[] params;
    private final TransferNode.RecordNode paramTuple;
    private final boolean paramsLift;
    private final int paramFlatCount;
    private final boolean paramsInMemory;
    private final TransferNode.RecordNode resultTuple;
    private final TransferNode result;
    private final boolean resultInMemory;

    private CallTransfer(
            TransferNode[] params, List<ValueType> paramTypes, TransferNode result, Optional<ValueType> resultType) {
        this.params = params;
        this.paramFlatCount = Layout.flatCount(paramTypes);
        this.paramsInMemory = paramFlatCount > Layout.MAX_FLAT_PARAMS;
        this.paramTuple = paramsInMemory ? TransferNode.RecordNode.tuple(paramTypes, params) : null;
        boolean lifts = false;
        for (TransferNode p : params) {
            lifts |= p.lifts();
        }
        this.paramsLift = lifts;
        this.result = result;
        this.resultInMemory = result != null && result.flatCount > Layout.MAX_FLAT_RESULTS;
        this.resultTuple = resultInMemory
                ? TransferNode.RecordNode.tuple(List.of(resultType.get()), new TransferNode[] {result})
                : null;
    }

    /**
     * The transfer for a function with these parameter and result types, or empty if some type is
     * not covered (maps, fixed-length lists, streams, futures, error contexts); such calls go
     * through {@code Value}s.
     */
    public static Optional<CallTransfer> of(List<ValueType> paramTypes, Optional<ValueType> resultType) {
        return of(paramTypes, resultType, false);
    }

    /**
     * {@link #of(List, Optional)} for a caller and a callee with these string encodings: when they
     * are the same, strings are validated where they are and their bytes copied.
     */
    public static Optional<CallTransfer> of(
            List<ValueType> paramTypes,
            Optional<ValueType> resultType,
            StringEncoding callerEncoding,
            StringEncoding calleeEncoding) {
        return of(paramTypes, resultType, callerEncoding == calleeEncoding);
    }

    private static Optional<CallTransfer> of(List<ValueType> paramTypes, Optional<ValueType> resultType, boolean same) {
        TransferNode[] params = new TransferNode[paramTypes.size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = TransferNode.of(paramTypes.get(i), same);
            if (params[i] == null) {
                return Optional.empty();
            }
        }
        TransferNode result = null;
        if (resultType.isPresent()) {
            result = TransferNode.of(resultType.get(), same);
            if (result == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new CallTransfer(params, paramTypes, result, resultType));
    }

    /**
     * What a lifting pass established, for the lowering pass that follows it ({@link #liftParams}
     * to {@link #lowerParams}, {@link #liftResult} to {@link #lowerResult}); opaque.
     */
    public static final class Lifted {
        private final Captured captured;

        private Lifted(Captured captured) {
            this.captured = captured;
        }
    }

    /**
     * Lifts the arguments from the caller's core values {@code args} (and memory): every check and
     * handle-table effect of {@code lift_flat_values}, nothing written anywhere.
     *
     * @param caller the caller's context, with a {@link BorrowScope.Subtask}
     */
    public Lifted liftParams(LiftLowerContext caller, long[] args) {
        Captured c = new Captured();
        if (paramsInMemory) {
            long from = Integer.toUnsignedLong((int) args[0]);
            Bounds.checkRange(caller.memory(), from, paramTuple.size, paramTuple.alignment);
            paramTuple.liftMem(caller, from, c);
        } else if (paramsLift) {
            FlatCursor in = new FlatCursor(args);
            for (TransferNode p : params) {
                p.liftFlatOrSkip(caller, in, c);
            }
        }
        return new Lifted(c);
    }

    /**
     * Lowers the lifted arguments into the callee ({@code lower_flat_values}, with the callee's
     * {@code realloc}): returns the callee's core arguments.
     *
     * @param callee the callee's context, with a {@link BorrowScope.Task}
     */
    public long[] lowerParams(LiftLowerContext caller, long[] args, Lifted lifted, LiftLowerContext callee) {
        Captured c = lifted.captured;
        if (paramsInMemory) {
            long from = Integer.toUnsignedLong((int) args[0]);
            long to = callee.allocate(paramTuple.alignment, paramTuple.size);
            Bounds.checkRange(callee.memory(), to, paramTuple.size, paramTuple.alignment);
            paramTuple.lowerMem(caller, from, callee, to, c);
            return new long[] {to};
        }
        FlatCursor in = new FlatCursor(args);
        FlatWriter out = new FlatWriter(paramFlatCount);
        for (TransferNode p : params) {
            p.lowerFlat(caller, in, callee, out, c);
        }
        return out.toArray();
    }

    /**
     * Lifts the result from the callee's core results (and memory), with every check of
     * {@code lift_flat_values}; call {@link #lowerResult} with what it returns once the callee's
     * borrows have been checked.
     *
     * @throws IllegalArgumentException if the number of core results is wrong
     */
    public Lifted liftResult(LiftLowerContext callee, long[] results) {
        int expected = result == null ? 0 : 1;
        if (results.length != expected) {
            throw new IllegalArgumentException(
                    (results.length < expected ? "too few" : "too many") + " flat values: " + results.length);
        }
        if (result == null || !result.lifts()) {
            if (resultInMemory) {
                long from = Integer.toUnsignedLong((int) results[0]);
                Bounds.checkRange(callee.memory(), from, resultTuple.size, resultTuple.alignment);
            }
            return NOTHING;
        }
        Captured c = new Captured();
        if (resultInMemory) {
            long from = Integer.toUnsignedLong((int) results[0]);
            Bounds.checkRange(callee.memory(), from, resultTuple.size, resultTuple.alignment);
            resultTuple.liftMem(callee, from, c);
        } else {
            result.liftFlat(callee, new FlatCursor(results), c);
        }
        return new Lifted(c);
    }

    private static final Lifted NOTHING = new Lifted(new Captured());
    private static final long[] NO_VALUES = new long[0];

    /**
     * Lowers the lifted result into the caller: returns the caller's core results, or stores the
     * result at the caller's out-pointer (its last core argument) when it goes through memory.
     */
    public long[] lowerResult(
            LiftLowerContext callee, long[] results, Lifted lifted, LiftLowerContext caller, long[] callerArgs) {
        if (result == null) {
            return NO_VALUES;
        }
        if (resultInMemory) {
            long to = Integer.toUnsignedLong((int) callerArgs[paramsInMemory ? 1 : paramFlatCount]);
            Bounds.checkRange(caller.memory(), to, resultTuple.size, resultTuple.alignment);
            resultTuple.lowerMem(callee, Integer.toUnsignedLong((int) results[0]), caller, to, lifted.captured);
            return NO_VALUES;
        }
        FlatWriter out = new FlatWriter(result.flatCount);
        result.lowerFlat(callee, new FlatCursor(results), caller, out, lifted.captured);
        return out.toArray();
    }
}
