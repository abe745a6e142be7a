package dev.wit4j.runtime.link;

import dev.wit4j.runtime.abi.BorrowScope;
import dev.wit4j.runtime.abi.CanonicalAbi;
import dev.wit4j.runtime.abi.Layout;
import dev.wit4j.runtime.abi.LiftLowerContext;
import dev.wit4j.runtime.abi.StringHints;
import dev.wit4j.runtime.engine.CoreFunction;
import dev.wit4j.runtime.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * A component function made by {@code canon lift} (CanonicalABI.md {@code canon_lift}, synchronous):
 * a core function of some component instance, called with the canonical ABI. A call enters the
 * instance (trapping if it is poisoned or already running), lowers the arguments into it, runs the
 * core function, lifts the result, checks that every borrow it received was dropped and calls
 * {@code post-return}. Any failure poisons the instance.
 */
final class LiftedFunc implements ComponentFunc {

    private final InstanceState state;
    private final CoreFunction core;
    private final FuncSig sig;
    private final Options options;
    private String name;
    private boolean named;

    LiftedFunc(InstanceState state, CoreFunction core, FuncSig sig, Options options, String provisionalName) {
        this.state = state;
        this.core = core;
        this.sig = sig;
        this.options = options;
        this.name = provisionalName;
    }

    /** Gives the function its first export name, used in traps. */
    void nameOnExport(String exportName) {
        if (!named) {
            name = exportName;
            named = true;
        }
    }

    InstanceState owner() {
        return state;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<FuncSig> signature() {
        return Optional.of(sig);
    }

    @Override
    public Optional<Value> invoke(List<Value> args) {
        return invoke(args, null);
    }

    @Override
    public Optional<Value> invoke(List<Value> args, StringHints hints) {
        return invoke(args, hints, null);
    }

    @Override
    public Optional<Value> invoke(List<Value> args, StringHints hints, Object caller) {
        List<InstanceState> entered;
        try {
            entered = state.enter((InstanceState) caller);
        } catch (RuntimeException e) {
            throw Traps.annotate(e, state.name(), name);
        }
        try {
            BorrowScope.Task task = new BorrowScope.Task();
            LiftLowerContext cx = new LiftLowerContext(options.canonical(), state.handles(), state, task, state, hints);
            long[] flatArgs;
            boolean before = state.setMayLeave(false);
            try {
                flatArgs = CanonicalAbi.lowerFlatValues(cx, Layout.MAX_FLAT_PARAMS, args, sig.paramTypes());
            } finally {
                state.setMayLeave(before);
            }
            long[] flatResults = core.call(flatArgs);
            List<Value> results = CanonicalAbi.liftFlatValues(cx, Layout.MAX_FLAT_RESULTS, flatResults, sig.resultTypes());
            task.checkAllBorrowsDropped();
            if (options.postReturn() != null) {
                before = state.setMayLeave(false);
                try {
                    options.postReturn().call(flatResults);
                } finally {
                    state.setMayLeave(before);
                }
            }
            return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
        } catch (RuntimeException e) {
            state.poison();
            throw Traps.annotate(e, state.name(), name);
        } catch (StackOverflowError e) {
            state.poison();
            throw new dev.wit4j.runtime.Trap(dev.wit4j.runtime.Trap.Reason.CORE_TRAP, "call stack exhausted")
                    .in(state.name(), name);
        } finally {
            InstanceState.exit(entered);
        }
    }

    @Override
    public String toString() {
        return "lifted function " + name + " of " + state.name();
    }
}
