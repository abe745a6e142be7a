package dev.wit4j.runtime.internal.link;

import dev.wit4j.binary.Canon;
import dev.wit4j.binary.CoreSort;
import dev.wit4j.binary.CoreValueType;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.abi.AsyncSubtask;
import dev.wit4j.runtime.abi.BorrowScope;
import dev.wit4j.runtime.abi.CallTransfer;
import dev.wit4j.runtime.abi.CanonicalAbi;
import dev.wit4j.runtime.abi.CoreSignature;
import dev.wit4j.runtime.abi.FlatCursor;
import dev.wit4j.runtime.abi.FlatPlan;
import dev.wit4j.runtime.abi.FlatType;
import dev.wit4j.runtime.abi.GuestMemory;
import dev.wit4j.runtime.abi.Layout;
import dev.wit4j.runtime.abi.LiftLowerContext;
import dev.wit4j.runtime.abi.StringHints;
import dev.wit4j.runtime.abi.Waitables;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreValType;
import dev.wit4j.runtime.internal.engine.CoreFunction;
import dev.wit4j.runtime.value.ErrorContext;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.ValueType.Primitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The {@code canon} definitions (Explainer.md "Canonical Definitions", CanonicalABI.md "Canonical
 * definitions"): {@code lift} makes a component function, everything else a core function that the
 * instance's core modules can import. Of the asynchronous built-ins, {@code context.get/set},
 * {@code backpressure.inc/dec}, {@code task.return}, {@code task.cancel}, {@code subtask.cancel},
 * {@code subtask.drop}, the ones that wait
 * ({@link Waiting}) and those of streams and futures ({@link Copies}) run, and {@code lift} and
 * {@code lower} take the {@code async} option (a lift with a {@code callback}: its calls are
 * {@link Task}s); stackful lifts and the threading built-ins are not
 * supported yet and fail instantiation with a {@link LinkException} that names them.
 */
final class Canons {

    private Canons() {}

    /** Evaluates {@code canon} in {@code frame}, appending to the func or core func index space. */
    static void define(Frame frame, Canon canon) {
        if (canon instanceof Canon.Lift l) {
            lift(frame, l);
        } else if (canon instanceof Canon.Lower l) {
            frame.coreFuncs.add(lower(frame, l));
        } else if (canon instanceof Canon.ResourceNew n) {
            RuntimeResource r = resource(frame, n.typeIndex());
            frame.coreFuncs.add(CoreFunction.host(type(List.of(CoreValType.I32), List.of(CoreValType.I32)), args ->
                    new long[] {frame.state.handles().resourceNew(r.type(), (int) args[0])}));
        } else if (canon instanceof Canon.ResourceRep n) {
            RuntimeResource r = resource(frame, n.typeIndex());
            frame.coreFuncs.add(CoreFunction.host(type(List.of(CoreValType.I32), List.of(CoreValType.I32)), args ->
                    new long[] {frame.state.handles().resourceRep(r.type(), (int) args[0])}));
        } else if (canon instanceof Canon.ResourceDrop n) {
            RuntimeResource r = resource(frame, n.typeIndex());
            frame.coreFuncs.add(CoreFunction.host(type(List.of(CoreValType.I32), List.of()), args -> {
                // canon_resource_drop: an owned handle's resource is destroyed; a borrow just ends
                OptionalInt rep = frame.state.handles().resourceDrop(r.type(), (int) args[0]);
                if (rep.isPresent()) {
                    r.destroy(rep.getAsInt(), frame.state);
                }
                return new long[0];
            }));
        } else if (canon instanceof Canon.ErrorContextNew n) {
            frame.coreFuncs.add(errorContextNew(frame, Options.of(n.options(), frame, "canon error-context.new")));
        } else if (canon instanceof Canon.ErrorContextDebugMessage d) {
            frame.coreFuncs.add(errorContextDebugMessage(
                    frame, Options.of(d.options(), frame, "canon error-context.debug-message")));
        } else if (canon instanceof Canon.ErrorContextDrop) {
            InstanceState state = frame.state;
            frame.coreFuncs.add(CoreFunction.host(type(List.of(CoreValType.I32), List.of()), args -> {
                state.checkMayLeave();
                state.handles().dropErrorContext((int) args[0]);
                return NO_VALUES;
            }));
        } else if (canon instanceof Canon.ContextGet g) {
            // canon_context_get: the running task's slot; an i32 slot holds 32 bits
            InstanceState state = frame.state;
            int slot = (int) g.slot();
            CoreValType t = contextType(g.type());
            frame.coreFuncs.add(
                    CoreFunction.host(type(List.of(), List.of(t)), args -> new long[] {state.context(slot)}));
        } else if (canon instanceof Canon.ContextSet c) {
            InstanceState state = frame.state;
            int slot = (int) c.slot();
            CoreValType t = contextType(c.type());
            long mask = t == CoreValType.I32 ? 0xFFFF_FFFFL : -1L;
            frame.coreFuncs.add(CoreFunction.host(type(List.of(t), List.of()), args -> {
                state.setContext(slot, args[0] & mask);
                return NO_VALUES;
            }));
        } else if (canon instanceof Canon.BackpressureInc || canon instanceof Canon.BackpressureDec) {
            InstanceState state = frame.state;
            int delta = canon instanceof Canon.BackpressureInc ? 1 : -1;
            frame.coreFuncs.add(CoreFunction.host(type(List.of(), List.of()), args -> {
                state.changeBackpressure(delta);
                return NO_VALUES;
            }));
        } else if (canon instanceof Canon.WaitableSetNew
                || canon instanceof Canon.WaitableSetDrop
                || canon instanceof Canon.WaitableSetPoll
                || canon instanceof Canon.WaitableSetWait
                || canon instanceof Canon.WaitableJoin
                || canon instanceof Canon.ThreadYield) {
            frame.coreFuncs.add(Waiting.builtin(frame, canon));
        } else if (canon instanceof Canon.TaskReturn r) {
            frame.coreFuncs.add(taskReturn(frame, r));
        } else if (canon instanceof Canon.TaskCancel) {
            InstanceState state = frame.state;
            frame.coreFuncs.add(CoreFunction.host(type(List.of(), List.of()), args -> {
                // canon_task_cancel: the running task confirms the cancellation it was told of
                state.checkMayLeave();
                Task task = state.currentTask();
                if (task == null) {
                    throw new Trap(
                            Trap.Reason.INVALID_OPERATION, "task.cancel called by a synchronously lifted function");
                }
                task.confirmCancel();
                return NO_VALUES;
            }));
        } else if (canon instanceof Canon.SubtaskCancel c) {
            InstanceState state = frame.state;
            boolean async = c.async();
            frame.coreFuncs.add(CoreFunction.host(type(List.of(CoreValType.I32), List.of(CoreValType.I32)), args -> {
                state.checkMayLeave();
                int result = Waitables.cancelSubtask(state.handles(), (int) args[0], async, state::block);
                return new long[] {Integer.toUnsignedLong(result)};
            }));
        } else if (canon instanceof Canon.SubtaskDrop) {
            InstanceState state = frame.state;
            frame.coreFuncs.add(CoreFunction.host(type(List.of(CoreValType.I32), List.of()), args -> {
                state.checkMayLeave();
                Waitables.dropSubtask(state.handles(), (int) args[0]);
                return NO_VALUES;
            }));
        } else if (Copies.covers(canon)) {
            frame.coreFuncs.add(Copies.builtin(frame, canon));
        } else {
            throw new LinkException("not supported yet: canon " + canon.builtinName());
        }
    }

    /** The core type of a context slot: {@code i32}, or {@code i64} for 64-bit memories. */
    private static CoreValType contextType(CoreValueType type) {
        return type == CoreValueType.Num.I64 ? CoreValType.I64 : CoreValType.I32;
    }

    /**
     * {@code canon error-context.new} (CanonicalABI.md): the debug message lifted from the
     * caller's memory with its string encoding, kept as it is (the spec lets a host drop or
     * transform it; wit4j keeps it, as wasmtime does), in a new error context added to the
     * instance's handles.
     */
    private static CoreFunction errorContextNew(Frame frame, Options options) {
        InstanceState state = frame.state;
        return CoreFunction.host(type(List.of(CoreValType.I32, CoreValType.I32), List.of(CoreValType.I32)), args -> {
            state.checkMayLeave();
            Value message = CanonicalAbi.liftFlat(context(options, state), new FlatCursor(args), Primitive.STRING);
            ErrorContext context = ErrorContext.of(((Value.Str) message).value());
            return new long[] {state.handles().addErrorContext(context)};
        });
    }

    /**
     * {@code canon error-context.debug-message} (CanonicalABI.md): the message of the error context
     * at the first argument stored as a string (allocated with the options' {@code realloc}) whose
     * pointer and length go to the address in the second.
     */
    private static CoreFunction errorContextDebugMessage(Frame frame, Options options) {
        InstanceState state = frame.state;
        return CoreFunction.host(type(List.of(CoreValType.I32, CoreValType.I32), List.of()), args -> {
            state.checkMayLeave();
            ErrorContext context = state.handles().errorContext((int) args[0]);
            CanonicalAbi.store(
                    context(options, state),
                    Value.string(context.debugMessage()),
                    Primitive.STRING,
                    Integer.toUnsignedLong((int) args[1]));
            return NO_VALUES;
        });
    }

    /** A lifting and lowering context of {@code state} with {@code options}, for a built-in. */
    static LiftLowerContext context(Options options, InstanceState state) {
        return new LiftLowerContext(
                options.canonical(), state.handles(), state, new BorrowScope.Subtask(), state, null);
    }

    private static void lift(Frame frame, Canon.Lift l) {
        RtType t = frame.type(l.typeIndex());
        FuncSig sig = ((RtType.Func) t).sig();
        CoreFunction core = (CoreFunction) frame.core(CoreSort.FUNC, l.coreFuncIndex());
        Options options = Options.of(l.options(), frame, "canon lift");
        if (options.async() && options.callback() == null) {
            throw new LinkException("not supported yet: stackful async lift (the `async` option without `callback`)");
        }
        LiftedFunc f = new LiftedFunc(
                frame.state,
                core,
                sig,
                options,
                "func" + frame.funcs.size(),
                frame.code.plan().measures(l, sig));
        frame.funcs.add(new Item.Func(f, sig));
    }

    /**
     * {@code canon lower} (CanonicalABI.md {@code canon_lower}, synchronous): a core function that
     * lifts its arguments out of the calling instance with the caller's options, calls the
     * component function and lowers the result back. The callee is whatever the function index
     * holds: a host function, or a lifted function of another component instance, which then
     * lowers the values into its own memory with its own options.
     */
    private static CoreFunction lower(Frame frame, Canon.Lower l) {
        Item.Func target = frame.funcs.get((int) l.funcIndex());
        FuncSig sig = target.sig();
        Options options = Options.of(l.options(), frame, "canon lower");
        if (options.async()) {
            return lowerAsync(frame, target, options);
        }
        InstanceState state = frame.state;
        ComponentFunc callee = target.func();
        CoreSignature flat = sig.flatten(CoreSignature.Context.LOWER);
        if (callee instanceof FlatHostFunc host) {
            return host.lower(flat, options, state); // lifting and lowering are the host function's own
        }
        if (callee instanceof LiftedFunc lifted && !lifted.isAsync()) {
            Optional<CallTransfer> transfer = frame.code
                    .plan()
                    .transfer(
                            l,
                            sig,
                            options.canonical().stringEncoding(),
                            lifted.options().canonical().stringEncoding());
            if (transfer.isPresent()) {
                return lowerTransfer(flat, lifted, transfer.get(), options, state);
            }
        }
        ComponentPlan.Measures measures = frame.code.plan().measures(l, sig);
        FlatPlan paramPlan = new FlatPlan(sig.paramTypes(), measures.params());
        FlatPlan resultPlan = new FlatPlan(sig.resultTypes(), measures.results());
        return CoreFunction.host(type(core(flat.params()), core(flat.results())), args -> {
            state.checkMayLeave();
            BorrowScope.Subtask subtask = new BorrowScope.Subtask();
            StringHints hints = new StringHints();
            LiftLowerContext cx =
                    new LiftLowerContext(options.canonical(), state.handles(), state, subtask, state, hints);
            FlatCursor in = new FlatCursor(args);
            List<Value> values = paramPlan.lift(cx, in);
            Optional<Value> result = callee.invoke(values, hints, state);
            subtask.deliverResolve();
            if (sig.result().isEmpty()) {
                return NO_VALUES;
            }
            Value r = result.orElseThrow(() ->
                    new Trap(Trap.Reason.INVALID_OPERATION, "function `" + callee.name() + "` returned no result"));
            try {
                r.typeCheck(sig.result().get());
            } catch (IllegalArgumentException e) {
                throw new Trap(
                        Trap.Reason.INVALID_OPERATION,
                        "function `" + callee.name() + "` returned a value of the wrong type: " + e.getMessage());
            }
            boolean before = state.setMayLeave(false);
            try {
                return resultPlan.lowerOne(cx, r, in);
            } finally {
                state.setMayLeave(before);
            }
        });
    }

    private static final long[] NO_VALUES = new long[0];

    /**
     * {@code canon lower} with the {@code async} option (CanonicalABI.md {@code canon_lower}, the
     * {@code async} case): the arguments are lifted (at most 4 flat values, else a pointer to them),
     * the callee is called, and if it has returned its value by the time it gives control back,
     * its result is stored at the caller's result pointer and {@code RETURNED} is the answer;
     * otherwise the call becomes a subtask in the caller's table, its index and state are the
     * answer, and the result is stored (and an event set) when the callee returns it.
     */
    private static CoreFunction lowerAsync(Frame frame, Item.Func target, Options options) {
        FuncSig sig = target.sig();
        ComponentFunc callee = target.func();
        if (callee instanceof FlatHostFunc) {
            throw new LinkException("not supported yet: an `async` lower of host function `" + callee.name()
                    + "`, which generated bindings implement on flat core values (lower it without `async`)");
        }
        InstanceState state = frame.state;
        List<FlatType> flatParams = new ArrayList<>(
                Layout.flatCount(sig.paramTypes()) > MAX_FLAT_ASYNC_PARAMS
                        ? List.of(FlatType.I32)
                        : Layout.flattenTypes(sig.paramTypes()));
        boolean hasResult = sig.result().isPresent();
        if (hasResult) {
            flatParams.add(FlatType.I32);
        }
        return CoreFunction.host(type(core(flatParams), List.of(CoreValType.I32)), args -> {
            state.checkMayLeave();
            BorrowScope.Subtask borrows = new BorrowScope.Subtask();
            StringHints hints = new StringHints();
            LiftLowerContext cx =
                    new LiftLowerContext(options.canonical(), state.handles(), state, borrows, state, hints);
            List<Value> values =
                    CanonicalAbi.liftFlatValues(cx, MAX_FLAT_ASYNC_PARAMS, new FlatCursor(args), sig.paramTypes());
            long[] resultPointer = {hasResult ? args[args.length - 1] : 0};
            AsyncSubtask subtask = new AsyncSubtask(borrows);
            Consumer<List<Value>> onResolve = result -> {
                if (result == null) {
                    subtask.cancelled(); // the callee confirmed a cancellation: no value
                    return;
                }
                boolean before = state.setMayLeave(false);
                try {
                    CanonicalAbi.lowerFlatValues(cx, 0, result, sig.resultTypes(), new FlatCursor(resultPointer));
                } finally {
                    state.setMayLeave(before);
                }
                subtask.returned();
            };
            Scheduler scheduler = state.scheduler();
            if (callee instanceof LiftedFunc lifted
                    && sig.async()
                    && lifted.owner().hasBackpressure()) {
                // Task.enter_implicit_thread: the call starts once the callee's backpressure is off
                int index = subtask.add(state.handles());
                InstanceState calleeState = lifted.owner();
                Scheduler.Waiter pendingStart = new Scheduler.Waiter() {
                    @Override
                    public InstanceState instance() {
                        return calleeState;
                    }

                    @Override
                    public boolean ready() {
                        return !calleeState.hasBackpressure();
                    }

                    @Override
                    public void run() {
                        subtask.started();
                        if (lifted.isAsync()) {
                            Task task = lifted.start(values, hints, state, false, onResolve);
                            subtask.onCancel(() -> lifted.requestCancel(task, state));
                        } else {
                            onResolve.accept(resultList(lifted.invoke(values, hints, state)));
                        }
                    }
                };
                scheduler.park(pendingStart);
                // cancelled while it waits to start: it never starts (CANCELLED_BEFORE_STARTED)
                subtask.onCancel(() -> {
                    if (scheduler.remove(pendingStart)) {
                        subtask.cancelled();
                    }
                });
                return new long[] {AsyncSubtask.STARTING | (long) index << 4};
            }
            subtask.started();
            scheduler.asyncCalls++;
            try {
                if (callee instanceof LiftedFunc lifted && lifted.isAsync()) {
                    Task task = lifted.start(values, hints, state, false, onResolve);
                    if (!task.resolved()) {
                        subtask.onCancel(() -> lifted.requestCancel(task, state));
                        int index = subtask.add(state.handles());
                        return new long[] {subtask.state() | (long) index << 4};
                    }
                } else {
                    onResolve.accept(resultList(callee.invoke(values, hints, state)));
                }
            } finally {
                scheduler.asyncCalls--;
            }
            subtask.deliverResolve();
            return new long[] {AsyncSubtask.RETURNED};
        });
    }

    private static List<Value> resultList(Optional<Value> result) {
        return result.map(List::of).orElse(List.of());
    }

    /** {@code MAX_FLAT_ASYNC_PARAMS}: an {@code async} lower passes at most 4 flat values. */
    private static final int MAX_FLAT_ASYNC_PARAMS = 4;

    /**
     * {@code canon task.return} (CanonicalABI.md): the running task's value, lifted from the core
     * arguments with the built-in's options, handed to the task's caller. Traps unless the running
     * task was lifted with the {@code async} ABI, with this very result type and these options.
     */
    private static CoreFunction taskReturn(Frame frame, Canon.TaskReturn r) {
        InstanceState state = frame.state;
        Options options = Options.of(r.options(), frame, "canon task.return");
        Optional<ValueType> resultType = r.result().map(t -> TypeEval.valType(t, frame));
        List<ValueType> types = resultType.map(List::of).orElse(List.of());
        CoreSignature flat = Layout.flattenFunctype(types, Optional.empty(), CoreSignature.Context.LOWER);
        return CoreFunction.host(type(core(flat.params()), List.of()), args -> {
            state.checkMayLeave();
            Task task = state.currentTask();
            if (task == null) {
                throw new Trap(Trap.Reason.INVALID_OPERATION, "task.return called by a synchronously lifted function");
            }
            FuncSig sig = task.func.signature().orElseThrow();
            if (!Layout.sameType(resultType, sig.result())) {
                throw new Trap(
                        Trap.Reason.INVALID_OPERATION,
                        "invalid `task.return` signature and/or options for current task: the result type differs"
                                + " from that of the function `" + task.func.name() + "`");
            }
            if (!sameOptions(options, task.func.options())) {
                throw new Trap(
                        Trap.Reason.INVALID_OPERATION,
                        "invalid `task.return` signature and/or options for current task: its options differ from"
                                + " those of the lift of `" + task.func.name() + "`");
            }
            LiftLowerContext cx =
                    new LiftLowerContext(options.canonical(), state.handles(), state, task.borrows, state, null);
            task.returnValues(CanonicalAbi.liftFlatValues(cx, Layout.MAX_FLAT_PARAMS, args, types));
            return NO_VALUES;
        });
    }

    /**
     * {@code LiftOptions.equal}: the same string encoding and, where both name a memory, the very
     * same memory. A {@code task.return} without a memory is accepted for a lift with one, as the
     * test suites have it (a result that needs no memory is lifted the same either way; one that
     * needs it cannot be declared without it).
     */
    private static boolean sameOptions(Options a, Options b) {
        if (a.canonical().stringEncoding() != b.canonical().stringEncoding()) {
            return false;
        }
        Optional<GuestMemory> ma = a.canonical().memory();
        Optional<GuestMemory> mb = b.canonical().memory();
        if (ma.isEmpty() || mb.isEmpty()) {
            return true;
        }
        return ma.get() instanceof MemoryView va && mb.get() instanceof MemoryView vb && va.core() == vb.core();
    }

    /**
     * {@code canon lower} of a lifted function of another component instance: the values go from the
     * caller's core values and memory into the callee's and back without {@code Value}s
     * ({@link CallTransfer}), in the spec's order of steps and with its traps.
     */
    private static CoreFunction lowerTransfer(
            CoreSignature flat, LiftedFunc callee, CallTransfer transfer, Options options, InstanceState state) {
        return CoreFunction.host(type(core(flat.params()), core(flat.results())), args -> {
            state.checkMayLeave();
            BorrowScope.Subtask subtask = new BorrowScope.Subtask();
            LiftLowerContext cx =
                    new LiftLowerContext(options.canonical(), state.handles(), state, subtask, state, null);
            long[] results = callee.callTransfer(transfer, cx, args, state);
            subtask.deliverResolve();
            return results;
        });
    }

    private static RuntimeResource resource(Frame frame, long typeIndex) {
        RtType t = frame.type(typeIndex);
        if (t instanceof RtType.Resource r) {
            return r.resource();
        }
        throw new IllegalStateException("type " + typeIndex + " is not a resource type");
    }

    private static CoreFuncType type(List<CoreValType> params, List<CoreValType> results) {
        return CoreFuncType.of(params, results);
    }

    /** The core types of flat values: a core value type is named by its text-format spelling. */
    static List<CoreValType> core(List<FlatType> flat) {
        return flat.stream().map(t -> new CoreValType(t.toString())).toList();
    }
}
