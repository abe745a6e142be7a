package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.abi.BorrowScope;
import dev.wit4j.runtime.abi.CallTransfer;
import dev.wit4j.runtime.abi.FlatPlan;
import dev.wit4j.runtime.abi.LiftLowerContext;
import dev.wit4j.runtime.abi.StringHints;
import dev.wit4j.runtime.internal.engine.CoreFunction;
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
    private final FlatPlan params;
    private final FlatPlan results;
    private final boolean hasResult;
    private String name;
    private boolean named;

    /**
     * A function whose parameters and results measure {@code measures} (the same for every
     * instance of the component: {@link ComponentPlan#measures}).
     */
    LiftedFunc(
            InstanceState state,
            CoreFunction core,
            FuncSig sig,
            Options options,
            String provisionalName,
            ComponentPlan.Measures measures) {
        this.state = state;
        this.core = core;
        this.sig = sig;
        this.options = options;
        this.name = provisionalName;
        this.params = new FlatPlan(sig.paramTypes(), measures.params());
        this.results = new FlatPlan(sig.resultTypes(), measures.results());
        this.hasResult = sig.result().isPresent();
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

    /** The core function and canonical options (for the typed face, {@link TypedLift}, and component-to-component calls). */
    CoreFunction core() {
        return core;
    }

    Options options() {
        return options;
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
        return call(args, hints, caller, true);
    }

    @Override
    public Optional<Value> invokeChecked(List<Value> args) {
        return call(args, null, null, false);
    }

    /** The call itself; {@code check}: whether the arguments still need checking against the types. */
    private Optional<Value> call(List<Value> args, StringHints hints, Object caller, boolean check) {
        List<InstanceState> entered;
        try {
            entered = state.enter((InstanceState) caller);
        } catch (RuntimeException e) {
            throw Traps.annotate(e, state, name);
        }
        boolean outerAsync = state.asyncTask(sig.async());
        try {
            BorrowScope.Task task = new BorrowScope.Task();
            LiftLowerContext cx = new LiftLowerContext(options.canonical(), state.handles(), state, task, state, hints);
            long[] flatArgs;
            boolean before = state.setMayLeave(false);
            try {
                if (check) {
                    params.typeCheck(args);
                }
                flatArgs = params.lower(cx, args, null);
            } finally {
                state.setMayLeave(before);
            }
            long[] flatResults = core.call(flatArgs);
            Value result;
            if (hasResult) {
                result = results.liftOne(cx, flatResults);
            } else {
                if (flatResults.length != 0) {
                    throw new IllegalArgumentException("too many flat values: used 0 of " + flatResults.length);
                }
                result = null;
            }
            task.checkAllBorrowsDropped();
            postReturn(flatResults);
            return Optional.ofNullable(result);
        } catch (RuntimeException e) {
            throw poisoned(e);
        } catch (StackOverflowError e) {
            throw poisoned(new Trap(Trap.Reason.CORE_TRAP, "call stack exhausted"));
        } catch (OutOfMemoryError e) {
            throw poisoned(Traps.heapExhausted(e));
        } finally {
            state.asyncTask(outerAsync);
            InstanceState.exit(entered);
        }
    }

    /**
     * A call from the core code of component instance {@code caller} through its {@code canon lower}
     * (CanonicalABI.md {@code canon_lower} calling {@code canon_lift}), moving the values memory to
     * memory with {@code transfer}: enters this instance, lifts the arguments from the caller's core
     * values {@code args} and lowers them into this instance (with {@code may_leave} cleared), runs
     * the core function, lifts the result, checks the borrows, lowers the result into the caller
     * and only then calls {@code post-return}. Returns the caller's core results. A failure poisons
     * this instance, except one of the caller's own values or {@code realloc}, which is left to the
     * caller.
     *
     * @param callerCx the caller's context, whose borrow scope is the call's subtask
     */
    long[] callTransfer(CallTransfer transfer, LiftLowerContext callerCx, long[] args, InstanceState caller) {
        List<InstanceState> entered;
        try {
            entered = state.enter(caller);
        } catch (RuntimeException e) {
            throw Traps.annotate(e, state, name);
        }
        // Traps of the lifting pass over the caller's values and of lowering the result into the
        // caller are the caller's: they pass to it unannotated and leave this instance usable.
        boolean calleeFault = false;
        boolean outerAsync = state.asyncTask(sig.async());
        try {
            CallTransfer.Lifted liftedArgs = transfer.liftParams(callerCx, args);
            calleeFault = true;
            BorrowScope.Task task = new BorrowScope.Task();
            LiftLowerContext cx = new LiftLowerContext(options.canonical(), state.handles(), state, task, state, null);
            long[] flatArgs;
            boolean before = state.setMayLeave(false);
            try {
                flatArgs = transfer.lowerParams(callerCx, args, liftedArgs, cx);
            } finally {
                state.setMayLeave(before);
            }
            long[] flatResults = core.call(flatArgs);
            CallTransfer.Lifted lifted = transfer.liftResult(cx, flatResults);
            task.checkAllBorrowsDropped();
            calleeFault = false;
            long[] out = transfer.lowerResult(cx, flatResults, lifted, callerCx, args);
            calleeFault = true;
            postReturn(flatResults);
            return out;
        } catch (RuntimeException e) {
            throw calleeFault ? poisoned(e) : e;
        } catch (StackOverflowError e) {
            throw poisoned(new Trap(Trap.Reason.CORE_TRAP, "call stack exhausted"));
        } catch (OutOfMemoryError e) {
            throw poisoned(Traps.heapExhausted(e));
        } finally {
            state.asyncTask(outerAsync);
            InstanceState.exit(entered);
        }
    }

    /** Calls the post-return function, if any, with the core results; the callee may not leave meanwhile. */
    void postReturn(long[] flatResults) {
        if (options.postReturn() != null) {
            boolean before = state.setMayLeave(false);
            try {
                options.postReturn().call(flatResults);
            } finally {
                state.setMayLeave(before);
            }
        }
    }

    /** A call failed inside this instance: the spec's lockdown poisons it, and the trap names it. */
    private RuntimeException poisoned(RuntimeException e) {
        state.poison();
        return Traps.annotate(e, state, name);
    }

    @Override
    public String toString() {
        return "lifted function " + name + " of " + state.name();
    }
}
