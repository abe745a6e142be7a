package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.abi.BorrowScope;
import dev.wit4j.runtime.abi.Layout;
import dev.wit4j.runtime.abi.LiftLowerContext;
import dev.wit4j.runtime.abi.ResourceType;
import dev.wit4j.runtime.bindings.ExportFunction;
import dev.wit4j.runtime.bindings.GuestContext;
import dev.wit4j.runtime.internal.engine.CoreFunction;
import dev.wit4j.runtime.internal.engine.CoreTrapException;
import dev.wit4j.witx.model.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * The typed face of a {@link LiftedFunc}: the same entry and exit steps as its {@code call}
 * (enter, core call, borrow check, post-return, poison on failure, leave) split so that generated
 * code lowers and lifts in between. A function whose types contain no {@code borrow} reuses one
 * context for every call (an instance is never entered twice at once); otherwise each call gets a
 * fresh {@link BorrowScope.Task}.
 */
final class TypedLift implements ExportFunction {

    private final LiftedFunc func;
    /** The core function, held here so that a call reaches it with one field read less. */
    private final CoreFunction core;

    private final boolean hasPostReturn;
    private final InstanceState state;
    private final boolean borrows;
    private final GuestContext shared;
    private final boolean root;
    private BorrowScope.Task task;
    /**
     * The instances entered, for an instance nested in another (whose ancestors are entered too);
     * a top-level instance is recorded by {@link #phase} alone, so that the common call stores no
     * reference: a reference store costs a garbage-collector write barrier (with G1, a memory fence
     * when the objects lie in different old regions), a noticeable part of a call this short.
     */
    private List<InstanceState> entered;
    /**
     * Where the current call is: {@link #OUTSIDE} (not entered, or left), {@link #ENTERED}, or
     * {@link #CALLED} once it has reached the core function (see {@link #fail}). One field, so
     * that a call writes it three times and no more.
     */
    private byte phase = OUTSIDE;

    private static final byte OUTSIDE = 0;
    private static final byte ENTERED = 1;
    private static final byte CALLED = 2;

    TypedLift(LiftedFunc func) {
        this.func = func;
        this.core = func.core();
        this.hasPostReturn = func.options().postReturn() != null;
        this.state = func.owner();
        FuncSig sig = func.signature().orElseThrow();
        List<ValueType> all = new ArrayList<>(sig.paramTypes());
        sig.result().ifPresent(all::add);
        this.borrows = all.stream().anyMatch(TypedLift::mentionsBorrow);
        this.shared = borrows ? null : GuestContext.of(context(null));
        this.root = state.isRoot();
    }

    private LiftLowerContext context(BorrowScope.Task t) {
        return new LiftLowerContext(func.options().canonical(), state.handles(), state, t, state, null);
    }

    @Override
    public String name() {
        return func.name();
    }

    @Override
    public GuestContext enter() {
        try {
            if (root) {
                state.enterRoot();
            } else {
                entered = state.enter(null);
            }
        } catch (RuntimeException e) {
            throw Traps.annotate(e, state, func.name());
        }
        phase = ENTERED;
        if (!borrows) {
            return shared;
        }
        task = new BorrowScope.Task();
        return GuestContext.of(context(task));
    }

    @Override
    public long[] call(long... flatArgs) {
        phase = CALLED;
        return core.call(flatArgs);
    }

    @Override
    public void finish(long[] flatResults) {
        if (task != null) {
            task.checkAllBorrowsDropped(); // Task.return_: trap_if(self.num_borrows > 0)
        }
        if (hasPostReturn) {
            func.postReturn(flatResults);
        }
    }

    @Override
    public RuntimeException fail(Throwable e) {
        if (phase != CALLED && !(e instanceof Trap) && !(e instanceof CoreTrapException)) {
            // An argument the host got wrong (null, an invalid char, an unpaired surrogate, a closed
            // handle), found while lowering, before the core function ran: the call is abandoned and, as
            // with the dynamic API's checks, the instance stays usable. Only a trap (of the guest's
            // realloc, or a canonical ABI check) poisons it. What realloc allocated for earlier
            // arguments stays allocated in the guest.
            return (RuntimeException) e;
        }
        state.poison();
        RuntimeException r;
        if (e instanceof RuntimeException re) {
            r = re;
        } else if (e instanceof StackOverflowError) {
            r = new Trap(Trap.Reason.CORE_TRAP, "call stack exhausted");
        } else if (e instanceof OutOfMemoryError oom) {
            r = Traps.heapExhausted(oom);
        } else if (e instanceof Error err) {
            throw err;
        } else {
            r = new IllegalStateException(e);
        }
        return Traps.annotate(r, state, func.name());
    }

    @Override
    public void exit() {
        if (phase == OUTSIDE) {
            return; // not entered
        }
        phase = OUTSIDE;
        if (borrows) {
            task = null;
        }
        if (root) {
            state.exitRoot(); // the common case, without walking a list
        } else {
            List<InstanceState> e = entered;
            entered = null;
            InstanceState.exit(e);
        }
    }

    @Override
    public ResourceType resource(int handleIndex) {
        FuncSig sig = func.signature().orElseThrow();
        List<ValueType> all = new ArrayList<>(sig.paramTypes());
        sig.result().ifPresent(all::add);
        List<ValueType.HandleType> found = new ArrayList<>();
        for (ValueType t : all) {
            collectHandles(t, found);
        }
        if (handleIndex < 0 || handleIndex >= found.size()) {
            throw new IllegalArgumentException("function `" + func.name() + "` has " + found.size()
                    + " handle type(s), no handle number " + handleIndex);
        }
        return state.of(found.get(handleIndex).resource().resolve());
    }

    /** The handle types inside {@code t}, depth first (value types are never recursive). */
    private static void collectHandles(ValueType t, List<ValueType.HandleType> out) {
        ValueType r = Layout.resolve(t);
        if (r instanceof ValueType.HandleType h) {
            out.add(h);
            return;
        }
        for (ValueType c : children(r)) {
            collectHandles(c, out);
        }
    }

    private static boolean mentionsBorrow(ValueType t) {
        List<ValueType.HandleType> handles = new ArrayList<>();
        collectHandles(t, handles);
        return handles.stream().anyMatch(ValueType.HandleType::borrow);
    }

    /** The value types directly inside {@code t}. */
    private static List<ValueType> children(ValueType t) {
        List<ValueType> out = new ArrayList<>();
        if (t instanceof ValueType.ListType l) {
            out.add(l.element());
        } else if (t instanceof ValueType.FixedListType f) {
            out.add(f.element());
        } else if (t instanceof ValueType.OptionType o) {
            out.add(o.type());
        } else if (t instanceof ValueType.ResultType r) {
            r.ok().ifPresent(out::add);
            r.err().ifPresent(out::add);
        } else if (t instanceof ValueType.TupleType tt) {
            out.addAll(tt.types());
        } else if (t instanceof ValueType.RecordType rt) {
            rt.fields().forEach(f -> out.add(f.type()));
        } else if (t instanceof ValueType.VariantType v) {
            v.cases().forEach(c -> c.type().ifPresent(out::add));
        } else if (t instanceof ValueType.MapType m) {
            out.add(m.key());
            out.add(m.value());
        }
        return out;
    }
}
