package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.abi.HandleTable;
import dev.wit4j.runtime.abi.ResourceType;
import dev.wit4j.runtime.abi.ResourceTypes;
import dev.wit4j.runtime.internal.engine.CoreFunction;
import dev.wit4j.witx.model.TypeDef;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The run-time state of one component instance (CanonicalABI.md "Component Instance State"): its
 * handle table, the run-time resource types it knows, and the reentrance flags. Each component
 * instance, nested ones included, has its own.
 *
 * <p>{@code may_enter} is the absence of a {@linkplain #runner running thread}: it is taken while
 * a call into the instance runs, so that a synchronous reentrant call (the same thread) traps, and a
 * call from another thread at the same time is refused with an {@link IllegalStateException}
 * before it touches anything: an instance runs one call at a time (its core instances, stacks and
 * handle tables are not shared-memory safe), and is handed from thread to thread between calls.
 * Taking it is a compare-and-set, releasing it a release store, so what one call wrote is seen by
 * the next call on any thread. An instance {@linkplain Quota#confinedTo() confined} to one thread
 * refuses every other thread instead, which needs no atomic instruction: only that thread ever
 * writes {@link #runner}. (Refusing a second thread for certain without confinement cannot be done
 * with plain reads and writes: mutual exclusion needs an atomic read-modify-write or a store-load
 * fence on every entry.) {@code may_leave} is cleared while the canonical ABI runs its
 * {@code realloc}, {@code post-return} or a destructor, so that those cannot call imports. A trap
 * poisons the instance for good (the spec's lockdown): it can never be entered again.
 */
final class InstanceState implements ResourceTypes {

    private final String name;
    private final InstanceState parent;
    private final HandleTable handles;
    /** What this instance and the instances it creates may take (shared with the whole tree). */
    private final Quota quota;
    /** {@link Quota#confinedTo()}, read on every call. */
    private final long confinedTo;
    /** Whether calls have a timeout (the quota's), read on every call. */
    private final boolean timed;

    private final Map<ResourceType, RuntimeResource> defined = new IdentityHashMap<>();
    /**
     * The {@linkplain Thread#getId() id} of the thread running a call in this instance, or 0
     * ({@code may_enter}). A number rather than the {@code Thread}, so that taking and releasing it
     * are not reference stores with their garbage-collector barriers; the compare-and-set itself is
     * the price of refusing a second thread for certain (mutual exclusion needs an atomic
     * read-modify-write or a store-load fence on every entry).
     */
    @SuppressWarnings("unused") // through RUNNER
    private volatile long runner;
    /**
     * The thread that took {@link #runner} last: written (rarely: only when the thread changes)
     * after taking it, read by {@link #stop} to interrupt a running call.
     */
    private Thread thread;
    /**
     * When the running call started, in {@link Deadlines#now()} milliseconds (a root with a
     * timeout); {@code Long.MAX_VALUE} between calls. Written after {@link #runner} is taken and
     * reset before it is released, so that the watchdog, which reads it after {@code runner}, sees
     * this call's start or "not started yet", never an earlier call's.
     */
    private long callStart = Long.MAX_VALUE;
    /** Why the running call is being stopped ({@code STOP_*}), or 0: the trap's reason. */
    private volatile int stopping;

    private boolean mayLeave = true;
    /**
     * The context slots of the task running in this instance ({@code context.get/set}, the
     * storage of the task's thread): zero when a call enters the instance. Calls are synchronous,
     * so one task runs here at a time and a caller's slots are its own instance's.
     */
    private long context0;

    private long context1;

    /**
     * Of a top-level instance: how many calls into it have left it while they block (the calls of
     * other tasks that run meanwhile do not restart or end its call timeout).
     */
    private int suspendedCalls;

    /** Whether the running task's function is {@code async}-typed ({@link #block}). */
    private boolean asyncTask;

    /** The running task, if it is one of a function lifted with the {@code async} ABI ({@code task.return}). */
    private Task currentTask;

    /** The event loop of a top-level instance and its descendants (made when first needed). */
    private Scheduler scheduler;
    /** {@code backpressure} (CanonicalABI.md "Component Instance State"), 0 to 2^16 - 1. */
    private int backpressure;

    private boolean poisoned;
    /** {@code [this]}: what a host call into a root instance enters, without a list per call. */
    private final List<InstanceState> self = List.of(this);

    static final int STOP_INTERRUPT = 1;
    static final int STOP_DEADLINE = 2;

    private static final VarHandle RUNNER;
    private static final VarHandle THREAD;
    private static final VarHandle STOPPING;
    private static final VarHandle CALL_START;
    /** Ids of threads that may hold an interrupt sent by {@link #stop} after their call ended. */
    private static final Set<Long> STRAY_INTERRUPTS = ConcurrentHashMap.newKeySet();

    static {
        try {
            var lookup = MethodHandles.lookup();
            RUNNER = lookup.findVarHandle(InstanceState.class, "runner", long.class);
            THREAD = lookup.findVarHandle(InstanceState.class, "thread", Thread.class);
            STOPPING = lookup.findVarHandle(InstanceState.class, "stopping", int.class);
            CALL_START = lookup.findVarHandle(InstanceState.class, "callStart", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A top-level instance held to {@code quota}, or a nested one sharing its parent's. */
    InstanceState(String name, InstanceState parent, Quota quota) {
        this.name = name;
        this.parent = parent;
        this.quota = parent == null ? quota : parent.quota;
        this.confinedTo = this.quota.confinedTo();
        this.timed = this.quota.timeoutMillis() > 0;
        this.handles = new HandleTable(this.quota.handles());
        if (parent == null && timed) {
            Deadlines.watch(this);
        }
    }

    /** What this instance's tree may take. */
    Quota quota() {
        return quota;
    }

    /** The top-level instance of this instance's tree. */
    InstanceState root() {
        InstanceState i = this;
        while (i.parent != null) {
            i = i.parent;
        }
        return i;
    }

    /** The instance's name, used in traps. */
    String name() {
        return name;
    }

    HandleTable handles() {
        return handles;
    }

    /** Records a resource type this instance defines (so that the host can drop its handles). */
    void defined(RuntimeResource resource) {
        defined.put(resource.type(), resource);
    }

    /** The resource type this instance defines with run-time type {@code type}, or null. */
    RuntimeResource definedResource(ResourceType type) {
        return defined.get(type);
    }

    @Override
    public ResourceType of(TypeDef resource) {
        return RuntimeResource.typeOf(resource);
    }

    boolean isPoisoned() {
        return poisoned;
    }

    /** The parent instance (the one whose {@code instance} definition created this one), or null. */
    InstanceState parent() {
        return parent;
    }

    /** Whether this instance is {@code other} or one of its ancestors. */
    boolean isReflexiveAncestorOf(InstanceState other) {
        for (InstanceState i = other; i != null; i = i.parent) {
            if (i == this) {
                return true;
            }
        }
        return false;
    }

    /**
     * Enters the instance for a call from {@code caller} (a component instance, or null for the
     * host), as {@code Store.lift} does (CanonicalABI.md "Component Instances"): entering an
     * instance also enters its ancestors, minus those the caller is already inside (donut
     * wrapping); every instance entered must have {@code may_enter} set and not be poisoned.
     * Like wasmtime and the spec's tests ("for now, trap on parent-to-child" and child-to-parent),
     * a call between an instance and itself, its ancestor or its descendant traps too.
     *
     * @return the instances entered, to pass to {@link #exit(List)}
     * @throws Trap with {@link Trap.Reason#CANNOT_ENTER} if the call may not enter
     */
    List<InstanceState> enter(InstanceState caller) {
        checkNotInterrupted();
        if (caller == null && parent == null) {
            enterRoot(); // the common case: the host calls into a top-level instance
            return self;
        }
        if (caller != null && (caller.isReflexiveAncestorOf(this) || isReflexiveAncestorOf(caller))) {
            throw new Trap(
                    Trap.Reason.CANNOT_ENTER,
                    "a call from a component instance into itself, its parent or its" + " child (reentrance)");
        }
        List<InstanceState> entering = new ArrayList<>();
        for (InstanceState i = this; i != null; i = i.parent) {
            if (caller == null || !i.isReflexiveAncestorOf(caller)) {
                entering.add(i);
            }
        }
        for (InstanceState i : entering) {
            if (i.poisoned) {
                throw new Trap(Trap.Reason.CANNOT_ENTER, "it was poisoned by an earlier trap");
            }
        }
        Thread t = Thread.currentThread();
        for (int k = 0; k < entering.size(); k++) {
            InstanceState i = entering.get(k);
            try {
                i.acquire(t.getId());
            } catch (RuntimeException e) {
                exit(entering.subList(0, k));
                throw e;
            }
            if (i.parent == null) {
                i.began(t);
            }
        }
        startTask(); // the callee's
        return entering;
    }

    /**
     * Takes {@code may_enter} for {@code current}.
     *
     * @throws Trap with {@link Trap.Reason#CANNOT_ENTER} if this thread is already running in the
     *     instance (reentrance)
     * @throws IllegalStateException if another thread is
     */
    private void acquire(long current) {
        if (confinedTo != 0L) {
            takeConfined(current);
            return;
        }
        while (!RUNNER.compareAndSet(this, 0L, current)) {
            long other = (long) RUNNER.getVolatile(this);
            if (other == current) {
                throw new Trap(Trap.Reason.CANNOT_ENTER, "it is already running (reentrance)");
            }
            if (other != 0L) {
                throw new IllegalStateException(this + " is running a call on another thread (id " + other
                        + "), so thread \"" + Thread.currentThread().getName() + "\" may not enter it: an instance"
                        + " runs one call at a time; give each thread its own instance (InstancePre"
                        + " instantiates cheaply) or call it from one thread at a time");
            }
            // released in between: try again
        }
    }

    /**
     * A call does not start on a thread whose interrupt flag is set (as a blocking JDK method would
     * not): the guest would stop at its first loop and its instance be poisoned for an interrupt
     * meant for something else. Nothing has run, so nothing is poisoned; the flag stays set.
     */
    private static void checkNotInterrupted() {
        Thread t = Thread.currentThread();
        if (t.isInterrupted() && !(STRAY_INTERRUPTS.remove(t.getId()) && Thread.interrupted())) {
            throw new Trap(
                    Trap.Reason.INTERRUPTED, "the calling thread's interrupt flag is set: the call did not start");
        }
    }

    /**
     * {@link #enter(InstanceState)} from the host into a top-level instance, which enters this
     * instance alone: to be left with {@link #exitRoot()}.
     */
    void enterRoot() {
        checkNotInterrupted();
        if (poisoned) {
            throw new Trap(Trap.Reason.CANNOT_ENTER, "it was poisoned by an earlier trap");
        }
        Thread t = Thread.currentThread();
        if (confinedTo != 0L) {
            takeConfined(t.getId());
        } else if (!RUNNER.compareAndSet(this, 0L, t.getId())) {
            acquire(t.getId()); // refused, or released in between
        }
        began(t);
        startTask();
    }

    /**
     * Takes {@code may_enter} of an instance confined to one thread for {@code current}: a plain
     * write, since no other thread ever writes {@link #runner} (opaque, for {@link #stop}).
     *
     * @throws IllegalStateException if {@code current} is not the thread the instance is confined to
     * @throws Trap with {@link Trap.Reason#CANNOT_ENTER} if the call is reentrant
     */
    private void takeConfined(long current) {
        if (current != confinedTo) {
            throw new IllegalStateException(this + " is confined to thread \"" + quota.confinedToName() + "\" (id "
                    + confinedTo + "), which created it, so thread \""
                    + Thread.currentThread().getName()
                    + "\" may not call it: create the instance on the thread that calls it (InstancePre"
                    + " instantiates cheaply), or with a linker that does not confine its instances");
        }
        if ((long) RUNNER.getOpaque(this) != 0L) {
            throw new Trap(Trap.Reason.CANNOT_ENTER, "it is already running (reentrance)");
        }
        RUNNER.setOpaque(this, current);
    }

    /** A call has taken this top-level instance: what {@link #stop} and the watchdog need. */
    private void began(Thread t) {
        if (thread != t) {
            THREAD.setOpaque(this, t); // for stop(): seen soon after the compare-and-set
        }
        if (timed && suspendedCalls == 0) {
            CALL_START.setOpaque(this, Deadlines.now());
        }
    }

    /** The call is leaving this top-level instance (before {@link #runner} is released). */
    private void ending() {
        if (!timed && stopping == 0 || suspendedCalls > 0) {
            return; // nothing to end, or a call that blocked is still running and its time counts
        }
        if (timed) {
            // first: once a stop is cleared below, the watchdog must not find this call overdue again
            CALL_START.setOpaque(this, Long.MAX_VALUE);
        }
        if (stopping != 0) {
            clearStop();
        }
    }

    /** Whether {@link #enter(InstanceState)} from the host returns {@code [this]} (a top-level instance). */
    boolean isRoot() {
        return parent == null;
    }

    /** Leaves a top-level instance entered from the host ({@link #exit(List)} of {@code [this]}). */
    void exitRoot() {
        ending();
        RUNNER.setRelease(this, 0L);
    }

    /**
     * The call ended before a stop took effect: the interrupt was sent on this instance's behalf,
     * so it is taken back rather than left for whatever the thread does next.
     */
    private void clearStop() {
        Thread.interrupted();
        stopping = 0;
    }

    /** Leaves the instances entered by {@link #enter(InstanceState)} ({@code leave_to}). */
    static void exit(List<InstanceState> entered) {
        for (int k = 0, n = entered.size(); k < n; k++) {
            InstanceState i = entered.get(k);
            if (i.parent == null) {
                i.ending();
            }
            RUNNER.setRelease(i, 0L);
        }
    }

    /** A call entered this instance: a new task, whose context slots start empty. */
    private void startTask() {
        context0 = 0;
        context1 = 0;
    }

    /**
     * Records whether the running task's function is {@code async}-typed (a task of one that is not
     * may not block); returns what it was, for the caller to restore.
     */
    boolean asyncTask(boolean async) {
        boolean before = asyncTask;
        asyncTask = async;
        return before;
    }

    /** The running task of the {@code async} ABI, or null; sets it to {@code task} and returns the one before. */
    Task currentTask(Task task) {
        Task before = currentTask;
        currentTask = task;
        return before;
    }

    Task currentTask() {
        return currentTask;
    }

    /**
     * A call of this instance begins, having entered {@code entered}: while a task blocks, the
     * calls on the thread's stack leave what they entered ({@link #whileLeft}).
     */
    void beginCall(List<InstanceState> entered) {
        scheduler().active.add(entered);
    }

    /** The call begun by {@link #beginCall} ends. */
    void endCall() {
        List<List<InstanceState>> active = scheduler().active;
        active.remove(active.size() - 1);
    }

    /** The event loop this instance's tasks wait in: its top-level instance's. */
    Scheduler scheduler() {
        InstanceState r = root();
        if (r.scheduler == null) {
            r.scheduler = new Scheduler();
        }
        return r.scheduler;
    }

    /**
     * The running task of this instance blocks until {@code done} holds (CanonicalABI.md
     * {@code Thread.wait_until}): the calls on this thread's stack leave the instances they
     * entered, so that the tasks that are ready can run, one at a time on this thread
     * ({@link Scheduler#runOne}), and enter them again once it holds. The blocked task keeps its place on this thread's stack, so a wait deeper in
     * the stack ends before one above it resumes. A task of a function that is not
     * {@code async}-typed may not block at all (the end of {@code canon_lift}); if no task is
     * ready, nothing will ever make {@code done} hold, a deadlock.
     *
     * @throws Trap if the task may not block, or on a deadlock
     */
    void block(BooleanSupplier done) {
        if (done.getAsBoolean()) {
            return;
        }
        checkMayBlock();
        boolean callerWouldGoOn = currentTask != null && currentTask.resolved();
        whileLeft(() -> scheduler().runUntil(done, callerWouldGoOn));
    }

    /** Traps unless the running task may block: only a task of an {@code async}-typed function may. */
    void checkMayBlock() {
        if (!asyncTask) {
            throw new Trap(Trap.Reason.INVALID_OPERATION, "cannot block a synchronous task before returning");
        }
    }

    /**
     * Runs {@code others} (other tasks, on this thread) with every call on this thread's stack
     * having left the instances it entered (in the spec each would have returned to its caller,
     * which waits in turn), each instance's running task keeping its state for when they return.
     */
    private void whileLeft(Runnable others) {
        Scheduler scheduler = scheduler();
        List<List<InstanceState>> calls = new ArrayList<>(scheduler.active);
        Map<InstanceState, Running> running = new IdentityHashMap<>();
        running.put(this, Running.of(this));
        for (List<InstanceState> entered : calls) {
            for (InstanceState i : entered) {
                running.computeIfAbsent(i, Running::of);
            }
        }
        for (int k = calls.size() - 1; k >= 0; k--) {
            for (InstanceState i : calls.get(k)) {
                if (i.parent == null) {
                    i.suspendedCalls++;
                }
            }
            exit(calls.get(k));
        }
        scheduler.active.clear();
        try {
            others.run();
        } finally {
            for (List<InstanceState> entered : calls) {
                reenter(entered);
                for (InstanceState i : entered) {
                    if (i.parent == null) {
                        i.suspendedCalls--;
                    }
                }
            }
            scheduler.active.addAll(calls);
            running.values().forEach(Running::restore);
        }
    }

    /** What an instance's running task keeps while other tasks run in the instance ({@link #whileLeft}). */
    private record Running(InstanceState instance, long context0, long context1, Task task, boolean async) {
        static Running of(InstanceState i) {
            return new Running(i, i.context0, i.context1, i.currentTask, i.asyncTask);
        }

        void restore() {
            instance.context0 = context0;
            instance.context1 = context1;
            instance.currentTask = task;
            instance.asyncTask = async;
        }
    }

    /**
     * {@code thread.yield} ({@code Thread.yield_}): a task that may block lets one other task that
     * is ready run first, if there is one; a task that may not block goes on (it is the only one
     * ready in its instance).
     */
    void yieldToOthers() {
        if (!asyncTask) {
            return;
        }
        boolean callerWouldGoOn = currentTask != null && currentTask.resolved();
        whileLeft(() -> {
            Scheduler scheduler = scheduler();
            if (!scheduler.runOne() && (scheduler.asyncCalls > 0 || callerWouldGoOn)) {
                throw scheduler.needsOwnStack();
            }
        });
    }

    /** Takes {@code may_enter} again for the instances a blocked call had entered and left. */
    private static void reenter(List<InstanceState> entered) {
        Thread t = Thread.currentThread();
        for (InstanceState i : entered) {
            i.acquire(t.getId());
            if (i.parent == null) {
                i.began(t);
            }
        }
    }

    /**
     * Whether a call from {@code caller} (null: the host) could enter this instance now ({@code
     * may_enter_from}): none of the instances it would enter running or poisoned.
     */
    boolean mayEnterFrom(InstanceState caller) {
        if (caller == null) {
            return mayEnterFromHost();
        }
        if (caller.isReflexiveAncestorOf(this) || isReflexiveAncestorOf(caller)) {
            return false;
        }
        for (InstanceState i = this; i != null; i = i.parent) {
            if (!i.isReflexiveAncestorOf(caller) && (i.poisoned || (long) RUNNER.getVolatile(i) != 0L)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a call from the host could enter this instance now (none of it and its ancestors running or poisoned). */
    boolean mayEnterFromHost() {
        for (InstanceState i = this; i != null; i = i.parent) {
            if (i.poisoned || (long) RUNNER.getVolatile(i) != 0L) {
                return false;
            }
        }
        return true;
    }

    /** Sets the context slots of a task resuming after it waited. */
    void restoreContext(long slot0, long slot1) {
        context0 = slot0;
        context1 = slot1;
    }

    /**
     * Calls this instance's {@code realloc} {@code f} for the canonical ABI: {@code may_leave}
     * cleared (it may not call imports), and with context slots of its own, empty, the running
     * task getting its slots back after it, so that what it sets there is not left behind (as in
     * wasmtime).
     */
    long realloc(CoreFunction f, long oldPtr, long oldSize, long align, long newSize) {
        boolean before = setMayLeave(false);
        long slot0 = context0;
        long slot1 = context1;
        startTask();
        try {
            return f.call(oldPtr, oldSize, align, newSize)[0];
        } finally {
            mayLeave = before;
            context0 = slot0;
            context1 = slot1;
        }
    }

    /** {@code context.get i}: slot {@code i} (0 or 1) of the running task. */
    long context(int slot) {
        return slot == 0 ? context0 : context1;
    }

    /** {@code context.set i}: sets slot {@code i} (0 or 1) of the running task. */
    void setContext(int slot, long value) {
        if (slot == 0) {
            context0 = value;
        } else {
            context1 = value;
        }
    }

    /** Whether an {@code async}-typed call must wait before it enters ({@code Task.enter_implicit_thread}). */
    boolean hasBackpressure() {
        return backpressure > 0;
    }

    /**
     * {@code backpressure.inc} and {@code backpressure.dec} (CanonicalABI.md): the count traps
     * past 2^16 - 1 and below 0. While it is above 0, {@code async}-typed calls wait before they
     * enter the instance.
     */
    void changeBackpressure(int delta) {
        int next = backpressure + delta;
        if (next >= 1 << 16) {
            throw new Trap(
                    Trap.Reason.INVALID_OPERATION, "backpressure counter overflow (backpressure.inc beyond 65535)");
        }
        if (next < 0) {
            throw new Trap(Trap.Reason.INVALID_OPERATION, "backpressure counter overflow (backpressure.dec below 0)");
        }
        backpressure = next;
    }

    /** Traps with {@link Trap.Reason#CANNOT_LEAVE} unless core code may call out now. */
    void checkMayLeave() {
        if (!mayLeave) {
            throw new Trap(
                    Trap.Reason.CANNOT_LEAVE, "an import was called during realloc, post-return or a destructor");
        }
    }

    /** Sets {@code may_leave} and returns its previous value (restore it in a finally block). */
    boolean setMayLeave(boolean value) {
        boolean before = mayLeave;
        mayLeave = value;
        return before;
    }

    /** Whether a call runs in this (top-level) instance for longer than its timeout. */
    boolean overdue(long now) {
        return runner != 0L && stopping == 0 && now - (long) CALL_START.getOpaque(this) > quota.timeoutMillis();
    }

    /**
     * Stops the call running in this top-level instance, if any, for {@code reason}
     * ({@code STOP_*}): the guest traps at its next loop back edge or indirect call. Called from another
     * thread.
     *
     * @return whether a running call was found and told to stop
     */
    boolean stop(int reason) {
        for (int spins = 0; spins < 1_000; spins++) {
            long id = runner;
            if (id == 0L) {
                return false;
            }
            Thread t = (Thread) THREAD.getOpaque(this);
            if (t != null && t.getId() == id) {
                if (!STOPPING.compareAndSet(this, 0, reason)) {
                    return true; // already being stopped
                }
                t.interrupt();
                if (runner != id) {
                    // the call ended as it was stopped: the interrupt may have landed after it, on a
                    // thread that was not asked to stop; its next call takes it back
                    STRAY_INTERRUPTS.add(id);
                }
                return true;
            }
            Thread.onSpinWait(); // the runner has just entered and not yet recorded its thread
        }
        return false;
    }

    /**
     * Why the call that was just stopped was stopped ({@code STOP_*}, 0 if by its own thread's
     * interrupt). A stop made through {@link #stop} set the calling thread's interrupt flag on this
     * instance's behalf, not the caller's: it is cleared. The reason stays until the call leaves the
     * instance, so that the call is not stopped twice.
     */
    int takeStop() {
        int reason = root().stopping;
        if (reason != 0) {
            Thread.interrupted();
        }
        return reason;
    }

    /** Marks the instance unusable after a trap. */
    void poison() {
        poisoned = true;
    }

    @Override
    public String toString() {
        return "component instance " + name;
    }
}
