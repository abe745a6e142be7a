package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.abi.BorrowScope;
import dev.wit4j.runtime.abi.CallTransfer;
import dev.wit4j.runtime.abi.FlatPlan;
import dev.wit4j.runtime.abi.LiftLowerContext;
import dev.wit4j.runtime.abi.StringHints;
import dev.wit4j.runtime.abi.Waitables;
import dev.wit4j.runtime.internal.engine.CoreFunction;
import dev.wit4j.runtime.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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
        if (sig.async() && state.hasBackpressure()) {
            awaitNoBackpressure((InstanceState) caller);
        }
        if (options.async()) {
            return callAsync(args, hints, (InstanceState) caller, check);
        }
        List<InstanceState> entered = enter((InstanceState) caller);
        boolean outerAsync = state.asyncTask(sig.async());
        state.beginCall(entered);
        Task outerTask = state.currentTask(null);
        try {
            BorrowScope.Task task = new BorrowScope.Task();
            LiftLowerContext cx = new LiftLowerContext(options.canonical(), state.handles(), state, task, state, hints);
            long[] flatResults = core.call(lowerArgs(cx, args, check));
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
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw poisoned(e);
        } finally {
            state.asyncTask(outerAsync);
            state.endCall();
            state.currentTask(outerTask);
            InstanceState.exit(entered);
        }
    }

    /** Enters the instance for a call from {@code caller} (null: the host); a refusal names this function. */
    private List<InstanceState> enter(InstanceState caller) {
        try {
            return state.enter(caller);
        } catch (RuntimeException e) {
            throw Traps.annotate(e, state, name);
        }
    }

    /**
     * The arguments lowered into the instance ({@code lower_flat_values}), with {@code may_leave}
     * cleared ({@code realloc} may not call out); {@code check}: whether they still need checking
     * against the parameter types.
     */
    private long[] lowerArgs(LiftLowerContext cx, List<Value> args, boolean check) {
        boolean before = state.setMayLeave(false);
        try {
            if (check) {
                params.typeCheck(args);
            }
            return params.lower(cx, args, null);
        } finally {
            state.setMayLeave(before);
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
        List<InstanceState> entered = enter(caller);
        // Traps of the lifting pass over the caller's values and of lowering the result into the
        // caller are the caller's: they pass to it unannotated and leave this instance usable.
        boolean calleeFault = false;
        boolean outerAsync = state.asyncTask(sig.async());
        state.beginCall(entered);
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
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw poisoned(e);
        } finally {
            state.asyncTask(outerAsync);
            state.endCall();
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
    /**
     * A failure of the instance's code: the instance is poisoned, and the failure reported as a
     * trap of this function (an exhausted stack or heap becomes one).
     */
    private RuntimeException poisoned(Throwable failure) {
        state.poison();
        RuntimeException e;
        if (failure instanceof StackOverflowError) {
            e = new Trap(Trap.Reason.CORE_TRAP, "call stack exhausted");
        } else if (failure instanceof OutOfMemoryError oom) {
            e = Traps.heapExhausted(oom);
        } else {
            e = (RuntimeException) failure;
        }
        return Traps.annotate(e, state, name);
    }

    // ---------------------------------------------------------------- the async ABI

    /**
     * {@code Task.enter_implicit_thread}: an {@code async}-typed call waits while the instance has
     * backpressure on; a synchronous caller blocks meanwhile ({@link InstanceState#block}), the host
     * runs the event loop.
     */
    private void awaitNoBackpressure(InstanceState caller) {
        if (caller == null) {
            try {
                state.scheduler().runUntil(() -> !state.hasBackpressure());
            } catch (RuntimeException e) {
                throw Traps.annotate(e, state, name);
            }
        } else {
            caller.block(() -> !state.hasBackpressure());
        }
    }

    /** Whether the function is lifted with the {@code async} ABI: each call is a {@link Task}. */
    boolean isAsync() {
        return options.async();
    }

    /**
     * A synchronous call of a function lifted with the {@code async} ABI: the task runs until it
     * returns its value; while it waits, the caller blocks ({@link InstanceState#block}), or, for
     * the host, runs the event loop until then.
     */
    private Optional<Value> callAsync(List<Value> args, StringHints hints, InstanceState caller, boolean check) {
        if (caller != null) {
            // as wasmtime: a task that may not block does not call one lifted to wait (even if
            // this call would not)
            caller.checkMayBlock();
        }
        List<List<Value>> result = new ArrayList<>(1);
        Task task = start(args, hints, caller, check, result::add);
        if (caller == null) {
            try {
                state.scheduler().runUntil(task::resolved);
            } catch (RuntimeException e) {
                throw Traps.annotate(e, state, name);
            }
        } else {
            caller.block(task::resolved);
        }
        List<Value> values = result.get(0);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Starts a call of a function lifted with the {@code async} ABI (CanonicalABI.md {@code
     * canon_lift} with {@code async} and {@code callback}): enters the instance, lowers the
     * arguments, runs the core function and then its callback for as long as the task is ready to
     * go on; a task that waits is parked in the scheduler. {@code onResolve} receives the values of
     * {@code task.return}, whenever that comes.
     */
    Task start(
            List<Value> args, StringHints hints, InstanceState caller, boolean check, Consumer<List<Value>> onResolve) {
        if (options.callback() == null) {
            throw new IllegalStateException("stackful async lift"); // refused when the lift was defined
        }
        List<InstanceState> entered = enter(caller);
        Task task = new Task(this, onResolve);
        asTask(task, entered, () -> {
            LiftLowerContext cx =
                    new LiftLowerContext(options.canonical(), state.handles(), state, task.borrows, state, hints);
            step(task, core.call(lowerArgs(cx, args, check))[0]);
        });
        return task;
    }

    /**
     * Resumes a parked task whose wait is over ({@code Store.tick}: the instance is entered from the
     * host): its callback receives the event, or {@code NONE} after a yield.
     */
    void resume(Task task) {
        resume(task, false, null);
    }

    /**
     * {@code Task.request_cancellation} for a task of this function, by {@code caller}: one parked
     * between two callbacks is told at once (its callback receives {@code TASK_CANCELLED}) if its
     * instance may be entered from the caller; otherwise the request waits for the task's next wait.
     */
    void requestCancel(Task task, InstanceState caller) {
        if (task.resolved()) {
            return;
        }
        if (state.mayEnterFrom(caller) && state.scheduler().remove(task)) {
            task.cancel = Task.Cancel.DELIVERED;
            resume(task, true, caller);
        } else {
            task.cancel = Task.Cancel.PENDING;
        }
    }

    private void resume(Task task, boolean cancelled, InstanceState caller) {
        List<InstanceState> entered = enter(caller);
        state.restoreContext(task.context0, task.context1);
        asTask(task, entered, () -> {
            Waitables.Event event = Waitables.Event.NONE;
            if (task.code == Task.WAIT) {
                Waitables.countWaiter(state.handles(), task.setIndex, -1);
                if (!cancelled) {
                    event = Waitables.poll(state.handles(), task.setIndex);
                }
            }
            if (cancelled) {
                event = Waitables.Event.TASK_CANCELLED;
            }
            step(task, callback(event));
        });
    }

    /**
     * Runs {@code body} as {@code task}'s core code, in the instance it {@code entered}: the task is
     * the instance's running one (for {@code task.return}) and may block; a failure poisons the
     * instance; the instances are left after.
     */
    private void asTask(Task task, List<InstanceState> entered, Runnable body) {
        Task outerTask = state.currentTask(task);
        boolean outerAsync = state.asyncTask(true);
        state.beginCall(entered);
        try {
            body.run();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw poisoned(e);
        } finally {
            state.currentTask(outerTask);
            state.asyncTask(outerAsync);
            state.endCall();
            InstanceState.exit(entered);
        }
    }

    private long callback(Waitables.Event event) {
        return options.callback()
                .call(event.code(), Integer.toUnsignedLong(event.index()), Integer.toUnsignedLong(event.payload()))[0];
    }

    /**
     * What the callee's packed {@code CallbackCode} says (CanonicalABI.md {@code canon_lift}'s event
     * loop): {@code EXIT} ends the task, a {@code WAIT} on a set with an event ready goes on with
     * the event at once, anything else parks the task until it is ready.
     */
    private void step(Task task, long result) {
        int packed = (int) result;
        while (true) {
            int code = packed & 0xF;
            if (code == Task.EXIT) {
                task.exit();
                return;
            }
            if (code > Task.WAIT) {
                throw new Trap(Trap.Reason.INVALID_OPERATION, "unsupported callback code: " + code);
            }
            int set = packed >>> 4;
            task.code = code;
            task.setIndex = set;
            if (code == Task.WAIT) {
                Waitables.checkSet(state.handles(), set);
            }
            if (task.deliverPendingCancel()) {
                // the event loop's waits accept cancellation: a pending request is told now
                packed = (int) callback(Waitables.Event.TASK_CANCELLED);
                continue;
            }
            if (code == Task.WAIT) {
                Waitables.checkSet(state.handles(), set);
                if (Waitables.hasEvent(state.handles(), set)) {
                    packed = (int) callback(Waitables.poll(state.handles(), set));
                    continue;
                }
                Waitables.countWaiter(state.handles(), set, 1);
            }
            task.context0 = state.context(0);
            task.context1 = state.context(1);
            state.scheduler().park(task);
            return;
        }
    }

    @Override
    public String toString() {
        return "lifted function " + name + " of " + state.name();
    }
}
