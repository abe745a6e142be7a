package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.internal.engine.CoreTrapException;
import dev.wit4j.runtime.internal.engine.LimitExceededException;

/** Turns what a call into a component threw into the {@link Trap} users see. */
final class Traps {

    private Traps() {}

    /**
     * {@code e} annotated with the component instance and function it happened in: a core trap
     * becomes a {@link Trap.Reason#CORE_TRAP}; a trap already annotated by a deeper instance keeps
     * its names (it names the instance that trapped); other exceptions (thrown by host functions)
     * pass unchanged.
     */
    /** The trap for the JVM heap running out while a guest ran: its instance is poisoned, the host goes on. */
    static Trap heapExhausted(OutOfMemoryError e) {
        Trap t = new Trap(
                Trap.Reason.RESOURCE_EXHAUSTED,
                "the JVM heap is exhausted (" + (e.getMessage() == null ? "out of memory" : e.getMessage()) + ")");
        t.addSuppressed(e);
        return t;
    }

    static RuntimeException annotate(RuntimeException e, InstanceState state, String function) {
        if (e instanceof CoreTrapException core && core.interrupted()) {
            int stop = state.takeStop();
            Trap t = switch (stop) {
                case InstanceState.STOP_DEADLINE ->
                    new Trap(
                            Trap.Reason.DEADLINE,
                            "the call ran longer than its timeout of "
                                    + state.quota().timeoutMillis() + " ms");
                case InstanceState.STOP_INTERRUPT ->
                    new Trap(Trap.Reason.INTERRUPTED, "Instance.interrupt() was called");
                default -> new Trap(Trap.Reason.INTERRUPTED, "the thread was interrupted while the guest ran");
            };
            t.setStackTrace(core.getStackTrace());
            return t.in(state.name(), function);
        }
        if (e instanceof Trap t && (t.reason() == Trap.Reason.INTERRUPTED || t.reason() == Trap.Reason.DEADLINE)) {
            state.takeStop(); // stopped in a callee: the interrupt flag was set for this instance's call
        }
        if (e instanceof LimitExceededException limit) {
            Trap t = new Trap(Trap.Reason.RESOURCE_EXHAUSTED, limit.getMessage());
            t.setStackTrace(limit.getStackTrace());
            return t.in(state.name(), function);
        }
        return annotate(e, state.name(), function);
    }

    static RuntimeException annotate(RuntimeException e, String component, String function) {
        if (e instanceof CoreTrapException core) {
            Trap t = core.interrupted()
                    ? new Trap(Trap.Reason.INTERRUPTED, "the thread was interrupted while the guest ran")
                    : new Trap(Trap.Reason.CORE_TRAP, core.getMessage());
            t.setStackTrace(core.getStackTrace()); // where core code trapped, for debugging
            if (core.getCause() != null) {
                t.addSuppressed(core.getCause());
            }
            return t.in(component, function);
        }
        if (e instanceof Trap t) {
            return t.componentName().isPresent() ? t : t.in(component, function);
        }
        return e;
    }
}
