package dev.wit4j.runtime.internal.link;

import dev.wit4j.binary.Canon;
import dev.wit4j.binary.CoreSort;
import dev.wit4j.binary.CoreValueType;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.abi.BorrowScope;
import dev.wit4j.runtime.abi.CallTransfer;
import dev.wit4j.runtime.abi.CanonicalAbi;
import dev.wit4j.runtime.abi.CoreSignature;
import dev.wit4j.runtime.abi.FlatCursor;
import dev.wit4j.runtime.abi.FlatPlan;
import dev.wit4j.runtime.abi.FlatType;
import dev.wit4j.runtime.abi.LiftLowerContext;
import dev.wit4j.runtime.abi.StringHints;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreValType;
import dev.wit4j.runtime.internal.engine.CoreFunction;
import dev.wit4j.runtime.value.ErrorContext;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType.Primitive;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code canon} definitions (Explainer.md "Canonical Definitions", CanonicalABI.md "Canonical
 * definitions"): {@code lift} makes a component function, everything else a core function that the
 * instance's core modules can import. Of the asynchronous built-ins, {@code context.get/set},
 * {@code backpressure.inc/dec}, the ones that wait ({@link Waiting}) and those of streams and
 * futures ({@link Copies}) run (calls being synchronous, a task is a call into an instance); the
 * others ({@code task.*}, {@code subtask.*}, the {@code async} option of {@code lift} and
 * {@code lower}) and the threading built-ins are not supported yet and fail instantiation with a
 * {@link LinkException} that names them.
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
        InstanceState state = frame.state;
        ComponentFunc callee = target.func();
        CoreSignature flat = sig.flatten(CoreSignature.Context.LOWER);
        if (callee instanceof FlatHostFunc host) {
            return host.lower(flat, options, state); // lifting and lowering are the host function's own
        }
        if (callee instanceof LiftedFunc lifted) {
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
