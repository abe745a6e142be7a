package dev.wit4j.runtime.link;

import dev.wit4j.runtime.abi.BorrowScope;
import dev.wit4j.runtime.abi.Direct;
import dev.wit4j.runtime.abi.FlatPlan;
import dev.wit4j.runtime.abi.HintedString;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.ValueType.Primitive;
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
    private final FlatPlan params;
    private final FlatPlan results;
    private final boolean hasResult;
    private String name;
    private boolean named;

    LiftedFunc(InstanceState state, CoreFunction core, FuncSig sig, Options options, String provisionalName) {
        this.state = state;
        this.core = core;
        this.sig = sig;
        this.options = options;
        this.name = provisionalName;
        this.params = new FlatPlan(sig.paramTypes(), Layout.MAX_FLAT_PARAMS);
        this.results = new FlatPlan(sig.resultTypes(), Layout.MAX_FLAT_RESULTS);
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

    /** The core function and canonical options, for the typed face ({@link TypedLift}). */
    dev.wit4j.runtime.engine.CoreFunction core() {
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
            throw Traps.annotate(e, state.name(), name);
        }
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
            throw poisoned(new dev.wit4j.runtime.Trap(dev.wit4j.runtime.Trap.Reason.CORE_TRAP, "call stack exhausted"));
        } finally {
            InstanceState.exit(entered);
        }
    }

    /**
     * The parameter primitives when every parameter and the result are scalars or strings that
     * flatten within the limits for parameters (so a component-to-component call can pass them
     * without {@code Value}s, see {@link #callDirect}), else null. Index {@code n} is the result
     * primitive or null.
     */
    Primitive[] directShape() {
        if (params.inMemory()) {
            return null;
        }
        List<ValueType> ps = sig.paramTypes();
        Primitive[] shape = new Primitive[ps.size() + 1];
        for (int i = 0; i < ps.size(); i++) {
            shape[i] = Direct.directPrimitive(ps.get(i));
            if (shape[i] == null) {
                return null;
            }
        }
        if (hasResult) {
            shape[ps.size()] = Direct.directPrimitive(sig.result().get());
            if (shape[ps.size()] == null) {
                return null;
            }
        }
        return shape;
    }

    /**
     * A call from the core code of component instance {@code caller} with arguments already lifted
     * from the caller's memory: a {@link HintedString} per string parameter, the canonical flat
     * value (a {@code Long}) per scalar. Does what {@link #invoke(List, StringHints, Object)} does
     * (enter, lower with may_leave cleared, call, lift, borrow check, post-return, poison on trap)
     * without {@code Value}s. Returns the result the same way, or null. Only for functions whose
     * {@link #directShape()} is {@code shape}.
     */
    Object callDirect(Primitive[] shape, Object[] args, int flatCount, InstanceState caller) {
        List<InstanceState> entered;
        try {
            entered = state.enter(caller);
        } catch (RuntimeException e) {
            throw Traps.annotate(e, state.name(), name);
        }
        try {
            BorrowScope.Task task = new BorrowScope.Task();
            LiftLowerContext cx = new LiftLowerContext(options.canonical(), state.handles(), state, task, state, null);
            long[] flatArgs = new long[flatCount];
            boolean before = state.setMayLeave(false);
            try {
                int at = 0;
                for (int i = 0; i < args.length; i++) {
                    if (shape[i] == Primitive.STRING) {
                        Direct.lowerString(cx, (HintedString) args[i], flatArgs, at);
                        at += 2;
                    } else {
                        flatArgs[at++] = (Long) args[i];
                    }
                }
            } finally {
                state.setMayLeave(before);
            }
            long[] flatResults = core.call(flatArgs);
            Primitive rp = shape[args.length];
            Object result;
            int expected = rp == null ? 0 : 1;
            if (flatResults.length != expected) {
                throw new IllegalArgumentException((flatResults.length < expected ? "too few" : "too many")
                        + " flat values: " + flatResults.length);
            }
            if (rp == null) {
                result = null;
            } else if (rp == Primitive.STRING) {
                result = Direct.loadString(cx, flatResults[0] & 0xFFFF_FFFFL);
            } else {
                result = Direct.scalar(rp, flatResults[0]);
            }
            task.checkAllBorrowsDropped();
            postReturn(flatResults);
            return result;
        } catch (RuntimeException e) {
            throw poisoned(e);
        } catch (StackOverflowError e) {
            throw poisoned(new dev.wit4j.runtime.Trap(dev.wit4j.runtime.Trap.Reason.CORE_TRAP, "call stack exhausted"));
        } finally {
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
        return Traps.annotate(e, state.name(), name);
    }

    @Override
    public String toString() {
        return "lifted function " + name + " of " + state.name();
    }
}
