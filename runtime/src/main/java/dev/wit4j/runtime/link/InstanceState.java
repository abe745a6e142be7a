package dev.wit4j.runtime.link;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.abi.HandleTable;
import dev.wit4j.runtime.abi.ResourceType;
import dev.wit4j.runtime.abi.ResourceTypes;
import dev.wit4j.witx.model.TypeDef;
import java.util.ArrayList;
import java.util.List;

/**
 * The run-time state of one component instance (CanonicalABI.md "Component Instance State"): its
 * handle table, the run-time resource types it knows, and the reentrance flags. Each component
 * instance, nested ones included, has its own. Not thread-safe: an instance is single-threaded.
 *
 * <p>{@code may_enter} is cleared while a call into the instance runs, so that a synchronous
 * reentrant call traps; {@code may_leave} is cleared while the canonical ABI runs its
 * {@code realloc}, {@code post-return} or a destructor, so that those cannot call imports. A trap
 * poisons the instance for good (the spec's lockdown): it can never be entered again.
 */
final class InstanceState implements ResourceTypes {

    private final String name;
    private final InstanceState parent;
    private final HandleTable handles = new HandleTable();
    private final java.util.Map<ResourceType, RuntimeResource> defined = new java.util.IdentityHashMap<>();
    private boolean mayEnter = true;
    private boolean mayLeave = true;
    private boolean poisoned;
    /** {@code [this]}: what a host call into a root instance enters, without a list per call. */
    private final List<InstanceState> self = List.of(this);

    InstanceState(String name, InstanceState parent) {
        this.name = name;
        this.parent = parent;
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
            throw new Trap(Trap.Reason.CANNOT_ENTER, "a call from a component instance into itself, its parent or its"
                    + " child (reentrance)");
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
            if (!i.mayEnter) {
                throw new Trap(Trap.Reason.CANNOT_ENTER, "it is already running (reentrance)");
            }
        }
        for (InstanceState i : entering) {
            i.mayEnter = false;
        }
        return entering;
    }

    /**
     * {@link #enter(InstanceState)} from the host into a top-level instance, which enters this
     * instance alone: to be left with {@link #exitRoot()}.
     */
    /**
     * A call does not start on a thread whose interrupt flag is set (as a blocking JDK method would
     * not): the guest would stop at its first loop and its instance be poisoned for an interrupt
     * meant for something else. Nothing has run, so nothing is poisoned; the flag stays set.
     */
    private static void checkNotInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Trap(Trap.Reason.INTERRUPTED, "the calling thread's interrupt flag is set: the call did not start");
        }
    }

    void enterRoot() {
        checkNotInterrupted();
        if (poisoned) {
            throw new Trap(Trap.Reason.CANNOT_ENTER, "it was poisoned by an earlier trap");
        }
        if (!mayEnter) {
            throw new Trap(Trap.Reason.CANNOT_ENTER, "it is already running (reentrance)");
        }
        mayEnter = false;
    }

    /** Whether {@link #enter(InstanceState)} from the host returns {@code [this]} (a top-level instance). */
    boolean isRoot() {
        return parent == null;
    }

    /** Leaves a top-level instance entered from the host ({@link #exit(List)} of {@code [this]}). */
    void exitRoot() {
        mayEnter = true;
    }

    /** Leaves the instances entered by {@link #enter(InstanceState)} ({@code leave_to}). */
    static void exit(List<InstanceState> entered) {
        for (int k = 0, n = entered.size(); k < n; k++) {
            entered.get(k).mayEnter = true;
        }
    }

    /** Traps with {@link Trap.Reason#CANNOT_LEAVE} unless core code may call out now. */
    void checkMayLeave() {
        if (!mayLeave) {
            throw new Trap(Trap.Reason.CANNOT_LEAVE, "an import was called during realloc, post-return or a destructor");
        }
    }

    /** Sets {@code may_leave} and returns its previous value (restore it in a finally block). */
    boolean setMayLeave(boolean value) {
        boolean before = mayLeave;
        mayLeave = value;
        return before;
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
