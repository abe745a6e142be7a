package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.abi.BorrowScope;
import dev.wit4j.runtime.abi.CoreSignature;
import dev.wit4j.runtime.abi.FlatType;
import dev.wit4j.runtime.abi.LiftLowerContext;
import dev.wit4j.runtime.bindings.FlatHostFunction;
import dev.wit4j.runtime.bindings.GuestContext;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.internal.engine.CoreFunction;
import dev.wit4j.runtime.value.Value;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A host function on flat core values ({@link FlatHostFunction}). It can only be called through
 * {@code canon lower} from core code, where it becomes the core function itself; the flattened
 * signature it was written for is checked against the import's type at that point.
 */
record FlatHostFunc(String name, String coreSignature, FlatHostFunction function) implements ComponentFunc {

    FlatHostFunc {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(coreSignature, "coreSignature");
        Objects.requireNonNull(function, "function");
    }

    @Override
    public Optional<FuncSig> signature() {
        return Optional.empty();
    }

    @Override
    public Optional<Value> invoke(List<Value> args) {
        throw new UnsupportedOperationException("host function `" + name + "` works on flat core values: it can only be"
                + " imported by a component (canon lower), not called with Values or re-exported to the host");
    }

    /** The spelling of a core signature that {@link #coreSignature} is compared with: {@code i32 i32 -> i32}. */
    static String spell(CoreSignature s) {
        return spell(s.params()) + " -> " + spell(s.results());
    }

    private static String spell(List<FlatType> types) {
        return types.stream().map(FlatType::toString).collect(Collectors.joining(" "));
    }

    /**
     * {@code canon lower} of this function into {@code state} (CanonicalABI.md {@code canon_lower},
     * synchronous): checks {@code may_leave}, gives the function the caller's context with a fresh
     * {@link BorrowScope.Subtask}, and ends the borrows it lent when the function returns
     * ({@code Subtask.deliver_resolve}).
     */
    CoreFunction lower(CoreSignature flat, Options options, InstanceState state) {
        String actual = spell(flat);
        if (!actual.equals(coreSignature)) {
            throw new LinkException("host function `" + name + "` was written for the core signature `" + coreSignature
                    + "`, but the component's import flattens to `" + actual + "`");
        }
        return CoreFunction.host(CoreFuncType.of(Canons.core(flat.params()), Canons.core(flat.results())), args -> {
            state.checkMayLeave();
            BorrowScope.Subtask subtask = new BorrowScope.Subtask();
            LiftLowerContext cx =
                    new LiftLowerContext(options.canonical(), state.handles(), state, subtask, state, null);
            long[] results = function.call(GuestContext.of(cx), args);
            subtask.deliverResolve();
            return results;
        });
    }
}
